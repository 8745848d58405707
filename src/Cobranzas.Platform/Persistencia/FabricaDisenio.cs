using Cobranzas.SharedKernel.Persistence;

namespace Cobranzas.Platform.Persistencia;

public sealed class PlataformaFabricaDisenio() : FabricaDisenio<PlataformaDbContext>(PlataformaDbContext.Esquema, (o, c, r) => new PlataformaDbContext(o, c, r));
