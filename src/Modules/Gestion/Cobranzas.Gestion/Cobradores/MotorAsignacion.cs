using System.Globalization;
using System.Text;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Cobradores;

/// <summary>One client whose collector the rules would change (or changed).</summary>
public sealed record CambioAsignacion(
    Guid ClienteId, string Rut, string RazonSocial, Guid? CobradorAnteriorId, string? CobradorAnterior, string? OrigenAnterior,
    Guid? CobradorNuevoId, string? CobradorNuevo, string? OrigenNuevo);

/// <summary>
/// Assigns clients to collectors by the rules, in the stated order: manual (never touched here) &gt; cartera (the cartera with the
/// lowest priority number, then name, that has an active collector) &gt; segment / key account (the company's rules in their order,
/// first match) &gt; zone (a collector covering the client's comuna, then one covering its región; by name when several do).
/// Inactive collectors take part in nothing. A client no rule matches has no collector.
/// </summary>
public sealed class MotorAsignacion(GestionDbContext db, IMediator mediator, TimeProvider reloj)
{
    /// <summary>What the rules decide for the given clients (all of the company when null), as changes against today's assignment.</summary>
    public async Task<(int Evaluados, int Manuales, List<CambioAsignacion> Cambios)> CalcularAsync(IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var clientes = await mediator.Send(new ListarDatosAsignacion(ids), ct);
        if (clientes.Count == 0)
            return (0, 0, []);
        var lista = clientes.Select(c => c.Id).ToList();
        var cobradores = await db.Cobradores.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var activos = cobradores.Values.Where(c => c.Activo).OrderBy(c => c.Nombre, StringComparer.Ordinal).ToList();
        var actuales = await (ids is null ? db.Asignaciones : db.Asignaciones.Where(a => lista.Contains(a.ClienteId))).AsNoTracking().ToDictionaryAsync(a => a.ClienteId, ct);

        var carteras = (await db.Set<Cartera>().AsNoTracking().Where(c => c.CobradorId != null).ToListAsync(ct))
            .Where(c => cobradores.TryGetValue(c.CobradorId!.Value, out var cob) && cob.Activo)
            .OrderBy(c => c.Prioridad).ThenBy(c => c.Nombre, StringComparer.Ordinal).ToList();
        var rango = carteras.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var idsCarteras = rango.Keys.ToList();
        var miembros = await (ids is null ? db.Set<ClienteCartera>() : db.Set<ClienteCartera>().Where(m => lista.Contains(m.ClienteId)))
            .Where(m => idsCarteras.Contains(m.CarteraId)).Select(m => new { m.ClienteId, m.CarteraId }).ToListAsync(ct);
        var carteraDe = miembros.GroupBy(m => m.ClienteId).ToDictionary(g => g.Key, g => carteras[g.Min(m => rango[m.CarteraId])]);

        var reglas = (await db.Set<ReglaAsignacion>().AsNoTracking().OrderBy(r => r.Orden).ToListAsync(ct))
            .Where(r => cobradores.TryGetValue(r.CobradorId, out var cob) && cob.Activo).ToList();
        var porComuna = Indice(activos, c => c.Comunas);
        var porRegion = Indice(activos, c => c.Regiones);

        var manuales = 0;
        var cambios = new List<CambioAsignacion>();
        foreach (var cliente in clientes)
        {
            var actual = actuales.GetValueOrDefault(cliente.Id);
            if (actual?.Origen == OrigenesAsignacion.Manual)
            {
                manuales++;
                continue;
            }

            var (nuevo, origen) = Evaluar(cliente, carteraDe.GetValueOrDefault(cliente.Id), reglas, porComuna, porRegion);
            if (actual?.CobradorId == nuevo && actual?.Origen == origen)
                continue;
            cambios.Add(new CambioAsignacion(
                cliente.Id, cliente.Rut, cliente.RazonSocial, actual?.CobradorId, actual is null ? null : cobradores[actual.CobradorId].Nombre, actual?.Origen,
                nuevo, nuevo is { } n ? cobradores[n].Nombre : null, origen));
        }

        return (clientes.Count, manuales, cambios);
    }

    private static (Guid? Cobrador, string? Origen) Evaluar(
        DatosAsignacionCliente cliente, Cartera? cartera, List<ReglaAsignacion> reglas, Dictionary<string, Guid> porComuna, Dictionary<string, Guid> porRegion)
    {
        if (cartera is not null)
            return (cartera.CobradorId, OrigenesAsignacion.Cartera);
        foreach (var regla in reglas)
        {
            if (regla.Tipo == TiposRegla.CuentaClave && cliente.CuentaClave)
                return (regla.CobradorId, OrigenesAsignacion.CuentaClave);
            if (regla.Tipo == TiposRegla.Segmento && Normalizar(regla.Segmento) == Normalizar(cliente.Segmento))
                return (regla.CobradorId, OrigenesAsignacion.Segmento);
        }

        if (cliente.Comuna is { } comuna && porComuna.TryGetValue(Normalizar(comuna), out var c))
            return (c, OrigenesAsignacion.Zona);
        if (cliente.Region is { } region && porRegion.TryGetValue(Normalizar(region), out var r))
            return (r, OrigenesAsignacion.Zona);
        return (null, null);
    }

    /// <summary>Applies the changes (they come from <see cref="CalcularAsync"/> in the same request); the audit of SaveChanges records each row.</summary>
    public async Task AplicarAsync(IReadOnlyCollection<CambioAsignacion> cambios, CancellationToken ct)
    {
        if (cambios.Count == 0)
            return;
        var ids = cambios.Select(c => c.ClienteId).ToList();
        var filas = await db.Asignaciones.Where(a => ids.Contains(a.ClienteId)).ToDictionaryAsync(a => a.ClienteId, ct);
        foreach (var cambio in cambios)
            Poner(filas.GetValueOrDefault(cambio.ClienteId), cambio.ClienteId, cambio.CobradorNuevoId, cambio.OrigenNuevo);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Re-runs the rules for these clients and saves what changes.</summary>
    public async Task<List<CambioAsignacion>> RecalcularAsync(IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var (_, _, cambios) = await CalcularAsync(ids, ct);
        await AplicarAsync(cambios, ct);
        return cambios;
    }

    /// <summary>Sets (or with a null collector removes) the tracked assignment row of a client; the caller saves.</summary>
    public void Poner(AsignacionCliente? fila, Guid clienteId, Guid? cobradorId, string? origen)
    {
        if (cobradorId is not { } cobrador)
        {
            if (fila is not null)
                db.Asignaciones.Remove(fila);
            return;
        }

        if (fila is null)
        {
            db.Asignaciones.Add(new AsignacionCliente { ClienteId = clienteId, CobradorId = cobrador, Origen = origen!, Actualizada = reloj.GetUtcNow() });
            return;
        }

        fila.CobradorId = cobrador;
        fila.Origen = origen!;
        fila.Actualizada = reloj.GetUtcNow();
    }

    private static Dictionary<string, Guid> Indice(List<Cobrador> activos, Func<Cobrador, List<string>> zonas)
    {
        var indice = new Dictionary<string, Guid>();
        foreach (var cobrador in activos)
            foreach (var zona in zonas(cobrador))
                indice.TryAdd(Normalizar(zona), cobrador.Id);
        return indice;
    }

    /// <summary>Zones and segments compare without case or accents ("Ñuñoa" typed as "nunoa" still matches).</summary>
    public static string Normalizar(string? texto)
    {
        if (string.IsNullOrWhiteSpace(texto))
            return "";
        var sb = new StringBuilder();
        foreach (var ch in texto.Trim().Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
                sb.Append(char.ToLowerInvariant(ch));
        return sb.ToString();
    }
}

/// <summary>A client created or moved (comuna, región, segmento, cuenta clave) gets its collector again by the rules; a manual assignment stays.</summary>
public sealed class AsignarClientesGuardados(MotorAsignacion motor) : INotificationHandler<ClientesGuardados>
{
    public async ValueTask Handle(ClientesGuardados notification, CancellationToken cancellationToken) =>
        await motor.RecalcularAsync(notification.ClienteIds, cancellationToken);
}
