using Cobranzas.Gestion.Actividades;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Cobradores;

/// <summary>
/// The sender's batch of sent messages in their clients' timelines: one <c>INSERT … SELECT FROM unnest</c>, idempotent on the message id
/// by the unique index of sent-mail activities. These rows are a projection of Notificaciones' delivery log, which is their record, so
/// they are written without an audit row each (the audit trail is for what people change).
/// </summary>
public sealed class RegistrarCorreosEnviadosHandler(GestionDbContext db, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<RegistrarCorreosEnviados, int>
{
    public async ValueTask<int> Handle(RegistrarCorreosEnviados r, CancellationToken ct)
    {
        var nuevos = r.Correos.DistinctBy(c => c.OrigenId).ToList();
        if (nuevos.Count == 0)
            return 0;
        var tipo = await RegistrarActividadCorreoHandler.TipoCorreoAsync(db, ct);
        Guid[] ids = [.. nuevos.Select(_ => Guid.CreateVersion7())];
        Guid[] clientes = [.. nuevos.Select(c => c.ClienteId)];
        DateTimeOffset[] fechas = [.. nuevos.Select(c => c.Fecha.ToUniversalTime())];
        string[] notas = [.. nuevos.Select(c => Politica.AccionTarea.Recortar(c.Resumen, LargosGestion.Notas))];
        Guid[] origenes = [.. nuevos.Select(c => c.OrigenId)];
        return await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO gestion.actividades (id, empresa_id, cliente_id, tipo_actividad_id, canal, cobrador_id, fecha, notas, documento_ids, registrada_por, origen, origen_id, creada)
            SELECT u.id, {contexto.EmpresaId}, u.cliente_id, {tipo}, {CanalesContacto.Escrito}, a.cobrador_id, u.fecha, u.notas, ARRAY[]::uuid[], {RegistrarActividadCorreoHandler.Actor},
                {TiposActividadCorreo.Enviado}, u.origen_id, {reloj.GetUtcNow()}
            FROM unnest({ids}, {clientes}, {fechas}, {notas}, {origenes}) AS u(id, cliente_id, fecha, notas, origen_id)
            LEFT JOIN gestion.asignaciones a ON a.empresa_id = {contexto.EmpresaId} AND a.cliente_id = u.cliente_id
            ON CONFLICT (empresa_id, origen_id) WHERE origen = 'correo_enviado' DO NOTHING
            """, ct);
    }
}
