using Cobranzas.Gestion.Compromisos;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Trabajo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Credito;

public static class OrigenCredito
{
    public const string Origen = "credito";
}

public sealed class TareasCreditoHandler(GestionDbContext db, TimeProvider reloj)
    : IRequestHandler<CompromisosRotosCliente, int>, IRequestHandler<CrearTareaRevisionCredito, Guid>
{
    public async ValueTask<int> Handle(CompromisosRotosCliente request, CancellationToken cancellationToken) =>
        await db.Set<Compromiso>().CountAsync(c => c.ClienteId == request.ClienteId && c.Desde >= request.Desde
            && (c.Estado == EstadosCompromiso.Incumplido || c.Estado == EstadosCompromiso.CumplidoParcial), cancellationToken);

    public async ValueTask<Guid> Handle(CrearTareaRevisionCredito request, CancellationToken cancellationToken)
    {
        var existente = await db.Tareas.Where(t => t.OrigenId == request.OrigenId && t.Origen == OrigenCredito.Origen && t.Estado == EstadosTarea.Pendiente)
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (existente is { } id)
            return id;
        var cobrador = await db.Asignaciones.Where(a => a.ClienteId == request.ClienteId).Select(a => (Guid?)a.CobradorId).SingleOrDefaultAsync(cancellationToken);
        var tarea = new Tarea
        {
            ClienteId = request.ClienteId, CobradorId = cobrador, Tipo = "revision", Origen = OrigenCredito.Origen, OrigenId = request.OrigenId,
            Titulo = Recortar(request.Titulo, LargosGestion.Titulo), Motivo = Recortar(request.Motivo, LargosGestion.Motivo),
            Fecha = request.Fecha, Creada = reloj.GetUtcNow(),
        };
        db.Tareas.Add(tarea);
        if (cobrador is { } responsable)
            Alertas.Notificar(db, responsable, tarea.Titulo, tarea.Motivo, $"/clientes/{request.ClienteId}");
        await db.SaveChangesAsync(cancellationToken);
        return tarea.Id;
    }

    private static string Recortar(string texto, int largo) => texto.Length <= largo ? texto : texto[..largo];
}
