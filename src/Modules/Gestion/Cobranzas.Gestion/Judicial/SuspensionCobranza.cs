using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Judicial;

/// <summary>
/// Clients whose extrajudicial collection stops, with the reason: the judicial stage (the law firm collects, not reminders or calls,
/// whatever the debtor is) and an open insolvency (the debt is collected by verifying it in the procedure). The escalation policy omits
/// them and Notificaciones sees them as paused (<see cref="SituacionGestion.ClientePausado"/>).
/// </summary>
public static class SuspensionCobranza
{
    public const string MotivoJudicial = "El cliente está en etapa judicial: no recibe cobranza extrajudicial.";
    public const string MotivoQuiebra = "El cliente está en procedimiento concursal (quiebra o liquidación): la cobranza se detiene.";

    public static async Task<Dictionary<Guid, string>> ClientesAsync(GestionDbContext db, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var judiciales = await db.Etapas.AsNoTracking().Where(e => e.Etapa == EtapasCobranza.Judicial && (ids == null || ids.Contains(e.ClienteId)))
            .Select(e => e.ClienteId).ToListAsync(ct);
        var quiebras = await db.Set<Quiebra>().AsNoTracking().Where(q => q.FechaCierre == null && (ids == null || ids.Contains(q.ClienteId)))
            .Select(q => q.ClienteId).ToListAsync(ct);
        var motivos = judiciales.ToDictionary(id => id, _ => MotivoJudicial);
        foreach (var id in quiebras)
            motivos[id] = MotivoQuiebra;
        return motivos;
    }
}
