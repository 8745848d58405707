using Cobranzas.SharedKernel.Persistence;

namespace Cobranzas.Integraciones.Persistencia;

public sealed class IntegracionesFabricaDisenio() : FabricaDisenio<IntegracionesDbContext>(IntegracionesDbContext.Esquema, (o, c, r) => new IntegracionesDbContext(o, c, r));
