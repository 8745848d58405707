using Cobranzas.Gestion.Actividades;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Cobradores;

public sealed class RegistrarCorreosEnviadosHandler(GestionDbContext db, TimeProvider reloj) : IRequestHandler<RegistrarCorreosEnviados, int>
{
    public async ValueTask<int> Handle(RegistrarCorreosEnviados r, CancellationToken ct)
    {
        var origenes = r.Correos.Select(c => (Guid?)c.OrigenId).ToList();
        var existentes = (await db.Actividades.Where(a => a.Origen == TiposActividadCorreo.Enviado && origenes.Contains(a.OrigenId)).Select(a => a.OrigenId).ToListAsync(ct)).ToHashSet();
        var nuevos = r.Correos.Where(c => !existentes.Contains(c.OrigenId)).DistinctBy(c => c.OrigenId).ToList();
        if (nuevos.Count == 0)
            return 0;
        var clientes = nuevos.Select(c => c.ClienteId).Distinct().ToList();
        var cobradores = await db.Asignaciones.Where(a => clientes.Contains(a.ClienteId)).ToDictionaryAsync(a => a.ClienteId, a => (Guid?)a.CobradorId, ct);
        var tipo = await db.TiposActividad.Where(t => t.Tipo == TiposDeActividad.Correo).OrderByDescending(t => t.Activo).ThenBy(t => t.Nombre).FirstOrDefaultAsync(ct);
        if (tipo is null)
        {
            tipo = new TipoActividad { Nombre = "Correo electrónico", Tipo = TiposDeActividad.Correo, Canal = CanalesContacto.Escrito, Descripcion = "Correo de cobranza" };
            db.TiposActividad.Add(tipo);
        }

        var ahora = reloj.GetUtcNow();
        db.Actividades.AddRange(nuevos.Select(c => new Actividad
        {
            ClienteId = c.ClienteId, TipoActividadId = tipo.Id, Canal = CanalesContacto.Escrito, CobradorId = cobradores.GetValueOrDefault(c.ClienteId), Fecha = c.Fecha,
            Notas = Politica.AccionTarea.Recortar(c.Resumen, LargosGestion.Notas), RegistradaPor = Actividades.RegistrarActividadCorreoHandler.Actor,
            Origen = TiposActividadCorreo.Enviado, OrigenId = c.OrigenId, Creada = ahora,
        }));
        await db.SaveChangesAsync(ct);
        return nuevos.Count;
    }
}
