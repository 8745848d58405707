using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Judicial;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Politica;
using Cobranzas.Gestion.Trabajo;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Actividades;

/// <summary>
/// E-mails in the timeline (Notificaciones sends and reads them): a sent message is a written contact of the company; a reply is
/// the client's, so the contact rules do not count it (<see cref="ReglasContacto"/>), and it can raise a task for the collector.
/// </summary>
public sealed class RegistrarActividadCorreoHandler(GestionDbContext db, TimeProvider reloj) : IRequestHandler<RegistrarActividadCorreo, Guid>
{
    public const string Actor = "sistema: notificaciones";

    public async ValueTask<Guid> Handle(RegistrarActividadCorreo r, CancellationToken ct)
    {
        if (r.Tipo is not (TiposActividadCorreo.Enviado or TiposActividadCorreo.Respuesta))
            throw new ArgumentOutOfRangeException(nameof(r), r.Tipo, "Tipo de actividad de correo desconocido.");
        var existente = await db.Actividades.Where(a => a.Origen == r.Tipo && a.OrigenId == r.OrigenId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (existente is { } id)
            return id;

        var cobradorId = await db.Asignaciones.Where(a => a.ClienteId == r.ClienteId).Select(a => (Guid?)a.CobradorId).FirstOrDefaultAsync(ct);
        var actividad = new Actividad
        {
            ClienteId = r.ClienteId, TipoActividadId = await TipoCorreoAsync(db, ct), Canal = CanalesContacto.Escrito, CobradorId = cobradorId, Fecha = r.Fecha,
            Notas = AccionTarea.Recortar(r.Resumen, LargosGestion.Notas), RegistradaPor = Actor, Origen = r.Tipo, OrigenId = r.OrigenId, Creada = reloj.GetUtcNow(),
        };
        db.Actividades.Add(actividad);
        if (r.CrearTareaCobrador)
        {
            db.Tareas.Add(new Tarea
            {
                ClienteId = r.ClienteId, CobradorId = cobradorId, Tipo = TiposTarea.Correo, Origen = OrigenesTarea.Actividad, OrigenId = actividad.Id,
                Titulo = "Responder correo del cliente", Motivo = AccionTarea.Recortar(r.Resumen, LargosGestion.Motivo), Fecha = FechaNegocio.Hoy(reloj),
                Creada = reloj.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync(ct);
        return actividad.Id;
    }

    /// <summary>The company's e-mail activity type; created (and saved) once if the company has none.</summary>
    public static async Task<Guid> TipoCorreoAsync(GestionDbContext db, CancellationToken ct)
    {
        var tipo = await db.TiposActividad.Where(t => t.Tipo == TiposDeActividad.Correo).OrderByDescending(t => t.Activo).ThenBy(t => t.Nombre).Select(t => (Guid?)t.Id)
            .FirstOrDefaultAsync(ct);
        if (tipo is { } id)
            return id;
        var nuevo = new TipoActividad { Nombre = "Correo electrónico", Tipo = TiposDeActividad.Correo, Canal = CanalesContacto.Escrito, Descripcion = "Correo de cobranza" };
        db.TiposActividad.Add(nuevo);
        await db.SaveChangesAsync(ct);
        return nuevo.Id;
    }
}

/// <summary>Stage, collector and paused documents of many clients for Notificaciones, in three set-based queries.</summary>
public sealed class ObtenerSituacionGestionHandler(GestionDbContext db) : IRequestHandler<ObtenerSituacionGestion, IReadOnlyList<SituacionGestion>>
{
    public async ValueTask<IReadOnlyList<SituacionGestion>> Handle(ObtenerSituacionGestion r, CancellationToken ct)
    {
        var ids = r.ClienteIds?.ToList();
        var cobradores = await db.Asignaciones.AsNoTracking().Where(a => ids == null || ids.Contains(a.ClienteId))
            .Join(db.Cobradores, a => a.CobradorId, c => c.Id, (a, c) => new { a.ClienteId, c.Id, c.Nombre, c.Telefono, c.Email })
            .ToDictionaryAsync(x => x.ClienteId, ct);
        var etapas = await db.Etapas.AsNoTracking().Where(e => ids == null || ids.Contains(e.ClienteId)).ToDictionaryAsync(e => e.ClienteId, e => e.Etapa, ct);
        var pausas = (await db.Pausas.AsNoTracking().Where(p => (ids == null || ids.Contains(p.ClienteId)) && (p.Hasta == null || p.Hasta >= r.Hoy))
                .Select(p => new { p.ClienteId, p.DocumentoId }).ToListAsync(ct))
            .ToLookup(p => p.ClienteId);
        var suspendidos = await SuspensionCobranza.ClientesAsync(db, ids, ct);

        return (ids ?? [.. cobradores.Keys.Union(etapas.Keys).Union(pausas.Select(g => g.Key)).Union(suspendidos.Keys)]).Distinct().Select(id =>
        {
            var c = cobradores.GetValueOrDefault(id);
            var p = pausas[id];
            return new SituacionGestion(id, etapas.GetValueOrDefault(id), c?.Id, c?.Nombre, c?.Telefono, c?.Email,
                [.. p.Where(x => x.DocumentoId != null).Select(x => x.DocumentoId!.Value).Distinct()], p.Any(x => x.DocumentoId == null) || suspendidos.ContainsKey(id));
        }).ToList();
    }
}

/// <summary>The contact rules for a written contact to each client; only the blocked ones are answered.</summary>
public sealed class EvaluarContactosEscritosHandler(ReglasContacto reglas) : IRequestHandler<EvaluarContactosEscritos, IReadOnlyDictionary<Guid, ContactoNoPermitido>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, ContactoNoPermitido>> Handle(EvaluarContactosEscritos r, CancellationToken ct) =>
        (await reglas.EvaluarVariosAsync(r.ClienteIds, CanalesContacto.Escrito, r.Momento, ct))
            .ToDictionary(b => b.Key, b => new ContactoNoPermitido(b.Value.Regla, b.Value.Mensaje, b.Value.SiguientePermitido));
}
