using Cobranzas.SharedKernel.Persistence;

namespace Cobranzas.Gestion.Persistencia;

public sealed class GestionFabricaDisenio() : FabricaDisenio<GestionDbContext>(GestionDbContext.Esquema, (o, c, r) => new GestionDbContext(o, c, r));
