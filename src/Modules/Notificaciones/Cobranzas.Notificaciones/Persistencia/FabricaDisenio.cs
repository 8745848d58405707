using Cobranzas.SharedKernel.Persistence;

namespace Cobranzas.Notificaciones.Persistencia;

public sealed class NotificacionesFabricaDisenio() : FabricaDisenio<NotificacionesDbContext>(NotificacionesDbContext.Esquema, (o, c, r) => new NotificacionesDbContext(o, c, r));
