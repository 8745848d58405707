using Cobranzas.Gestion.Compromisos;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Disputas;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Trabajo;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Portal;

public static class OrigenPortal
{
    public const string Origen = "portal";
    public const string MotivoReclamo = "Reclamo desde el portal";
}

/// <summary>What a client asks from its portal lands in Gestión as the collector's work: a task, a dispute, a promise.</summary>
public sealed class SolicitudesPortalHandler(GestionDbContext db, IMediator mediator, TimeProvider reloj)
    : IRequestHandler<RegistrarSolicitudPortal, Guid>, IRequestHandler<AbrirReclamoPortal, Guid>, IRequestHandler<TomarCompromisoPortal, Guid>,
        IRequestHandler<ObtenerEstadoSolicitudesPortal, IReadOnlyList<EstadoSolicitudPortal>>
{
    public async ValueTask<Guid> Handle(RegistrarSolicitudPortal request, CancellationToken cancellationToken)
    {
        var cobrador = await db.Asignaciones.Where(a => a.ClienteId == request.ClienteId).Select(a => (Guid?)a.CobradorId).SingleOrDefaultAsync(cancellationToken);
        var motivo = $"{request.Autor}: {request.Mensaje}";
        var tarea = new Tarea
        {
            ClienteId = request.ClienteId, CobradorId = cobrador, Tipo = request.Tipo, Origen = OrigenPortal.Origen,
            Titulo = Recortar(request.Titulo, LargosGestion.Titulo), Motivo = Recortar(motivo, LargosGestion.Motivo),
            Fecha = FechaNegocio.Hoy(reloj), Creada = reloj.GetUtcNow(),
        };
        db.Tareas.Add(tarea);
        if (cobrador is { } responsable)
            Alertas.Notificar(db, responsable, tarea.Titulo, tarea.Motivo, $"/clientes/{request.ClienteId}");
        await db.SaveChangesAsync(cancellationToken);
        return tarea.Id;
    }

    public async ValueTask<Guid> Handle(AbrirReclamoPortal request, CancellationToken cancellationToken)
    {
        var motivo = await db.Set<MotivoDisputa>().FirstOrDefaultAsync(m => m.Nombre == OrigenPortal.MotivoReclamo, cancellationToken);
        if (motivo is null)
        {
            motivo = new MotivoDisputa { Nombre = OrigenPortal.MotivoReclamo };
            db.Add(motivo);
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (!motivo.Activo)
        {
            motivo.Activo = true;
            await db.SaveChangesAsync(cancellationToken);
        }

        var disputa = await mediator.Send(new AbrirDisputa(new DatosDisputa(request.ClienteId, request.DocumentoIds, motivo.Id, request.Mensaje, null)), cancellationToken);
        return disputa.Id;
    }

    public async ValueTask<Guid> Handle(TomarCompromisoPortal request, CancellationToken cancellationToken)
    {
        var compromiso = await mediator.Send(new TomarCompromiso(new DatosCompromiso(
            request.ClienteId, null, [new CuotaPrometida(request.Fecha, request.Monto)], OrigenPortal.Origen, request.Notas)), cancellationToken);
        return compromiso.Id;
    }

    public async ValueTask<IReadOnlyList<EstadoSolicitudPortal>> Handle(ObtenerEstadoSolicitudesPortal request, CancellationToken cancellationToken)
    {
        var tareas = await db.Tareas.AsNoTracking().Where(t => request.TareaIds.Contains(t.Id))
            .Select(t => new EstadoSolicitudPortal(t.Id, t.Estado == EstadosTarea.Completada ? "respondida" : t.Estado, t.Resultado, t.Completada))
            .ToListAsync(cancellationToken);
        var disputas = await db.Set<Disputa>().AsNoTracking().Where(d => request.DisputaIds.Contains(d.Id)).Select(d => new { d.Id, d.Estado }).ToListAsync(cancellationToken);
        var ids = disputas.Select(d => d.Id).ToList();
        // The answer is the latest note written by the company (events by the portal's own contact start with "portal:").
        var notas = (await db.Set<EventoDisputa>().AsNoTracking()
                .Where(e => ids.Contains(e.DisputaId) && e.Notas != null && !e.Autor.StartsWith("portal:"))
                .OrderBy(e => e.Fecha).Select(e => new { e.DisputaId, e.Notas, e.Fecha }).ToListAsync(cancellationToken))
            .GroupBy(e => e.DisputaId).ToDictionary(g => g.Key, g => g.Last());
        return
        [
            .. tareas,
            .. disputas.Select(d => new EstadoSolicitudPortal(d.Id, d.Estado, notas.GetValueOrDefault(d.Id)?.Notas, notas.GetValueOrDefault(d.Id)?.Fecha)),
        ];
    }

    private static string Recortar(string texto, int largo) => texto.Length <= largo ? texto : texto[..largo];
}
