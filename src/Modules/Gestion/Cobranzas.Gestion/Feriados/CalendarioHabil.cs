using Cobranzas.Gestion.Persistencia;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Feriados;

/// <summary>Business days in Chile: Monday to Friday that are not a national holiday (or a holiday of the given region).</summary>
public sealed class CalendarioHabil(GestionDbContext db)
{
    private Dictionary<DateOnly, Feriado[]>? _feriados;

    public async Task<Feriado?> FeriadoAsync(DateOnly fecha, string? region = null, CancellationToken ct = default)
    {
        _feriados ??= (await db.Feriados.AsNoTracking().ToListAsync(ct)).GroupBy(f => f.Fecha).ToDictionary(g => g.Key, g => g.ToArray());
        return _feriados.GetValueOrDefault(fecha)?.FirstOrDefault(f => f.Region is null || f.Region == region);
    }

    public static bool EsFinDeSemana(DateOnly fecha) => fecha.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public async Task<bool> EsHabilAsync(DateOnly fecha, string? region = null, CancellationToken ct = default) =>
        !EsFinDeSemana(fecha) && await FeriadoAsync(fecha, region, ct) is null;
}
