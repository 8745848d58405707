using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Trabajo;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Convenios;

public sealed class RegistrarTareaConvenioHandler(GestionDbContext db, TimeProvider reloj) : IRequestHandler<RegistrarTareaConvenio, Guid>
{
    public const string Origen = "convenio";

    public async ValueTask<Guid> Handle(RegistrarTareaConvenio request, CancellationToken cancellationToken)
    {
        var cobrador = await db.Asignaciones.Where(a => a.ClienteId == request.ClienteId).Select(a => (Guid?)a.CobradorId).SingleOrDefaultAsync(cancellationToken);
        var tarea = new Tarea
        {
            ClienteId = request.ClienteId, CobradorId = cobrador, Tipo = request.Tipo, Origen = Origen, OrigenId = request.ConvenioId,
            Titulo = Recortar(request.Titulo, LargosGestion.Titulo), Motivo = Recortar(request.Mensaje, LargosGestion.Motivo),
            Fecha = FechaNegocio.Hoy(reloj), Creada = reloj.GetUtcNow(),
        };
        db.Tareas.Add(tarea);
        if (cobrador is { } responsable)
            Alertas.Notificar(db, responsable, tarea.Titulo, tarea.Motivo, $"/clientes/{request.ClienteId}");
        await db.SaveChangesAsync(cancellationToken);
        return tarea.Id;
    }

    private static string Recortar(string texto, int largo) => texto.Length <= largo ? texto : texto[..largo];
}
