using Cobranzas.SharedKernel.Persistence;

namespace Cobranzas.Cartera.Persistencia;

public sealed class CarteraFabricaDisenio() : FabricaDisenio<CarteraDbContext>(CarteraDbContext.Esquema, (o, c, r) => new CarteraDbContext(o, c, r));
