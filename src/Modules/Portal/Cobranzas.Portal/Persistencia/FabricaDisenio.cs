using Cobranzas.SharedKernel.Persistence;

namespace Cobranzas.Portal.Persistencia;

public sealed class PortalFabricaDisenio() : FabricaDisenio<PortalDbContext>(PortalDbContext.Esquema, (o, c, r) => new PortalDbContext(o, c, r));
