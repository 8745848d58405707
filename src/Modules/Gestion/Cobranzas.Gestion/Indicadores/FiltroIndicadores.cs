using System.Globalization;
using System.Net;
using System.Text;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Pdf;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Indicadores;

/// <summary>
/// The report filters (segment, collector, portfolio, client group) as Cartera's <c>IFiltroReporte</c> offers them, resolved
/// on Gestión's side: segment and group through Clientes' contract, collector and portfolio from Gestión's own tables.
/// </summary>
public interface IFiltroIndicadores
{
    string? Segmento { get; }
    Guid? CobradorId { get; }
    Guid? CarteraId { get; }
    Guid? GrupoId { get; }
}

/// <summary>A period of business dates, both ends inclusive.</summary>
public interface IPeriodoIndicadores
{
    DateOnly? Desde { get; }
    DateOnly? Hasta { get; }
}

public static class FiltroIndicadores
{
    public static readonly DateOnly Primera = new(1900, 1, 1);
    public static readonly DateOnly Ultima = new(2999, 12, 31);
    public const int DiasMaximosPeriodo = 3660;

    /// <summary>The clients the filters and the caller's scope leave (their intersection), or null: the whole company.</summary>
    public static async Task<IReadOnlyCollection<Guid>?> ClientesAsync(this IFiltroIndicadores filtro, GestionDbContext db, AlcanceGestion alcance, IMediator mediator, CancellationToken ct)
    {
        HashSet<Guid>? clientes = null;
        void Acotar(IEnumerable<Guid> ids)
        {
            if (clientes is null)
                clientes = [.. ids];
            else
                clientes.IntersectWith(ids);
        }

        if (filtro.Segmento is not null || filtro.GrupoId is not null)
            Acotar(await mediator.Send(new ClientesPorSegmentoYGrupo(filtro.Segmento, filtro.GrupoId), ct));
        if (filtro.CobradorId is { } cobrador)
            Acotar(await db.Asignaciones.AsNoTracking().Where(a => a.CobradorId == cobrador).Select(a => a.ClienteId).ToListAsync(ct));
        if (filtro.CarteraId is { } cartera)
            Acotar(await db.Set<Cobradores.ClienteCartera>().AsNoTracking().Where(c => c.CarteraId == cartera).Select(c => c.ClienteId).ToListAsync(ct));
        if (await alcance.ClientesVisiblesAsync(ct) is { } visibles)
            Acotar(await visibles.ToListAsync(ct));
        return clientes;
    }

    public static void ReglasFiltro<T>(this AbstractValidator<T> validador) where T : IFiltroIndicadores =>
        validador.RuleFor(x => x.Segmento).MaximumLength(50).WithName("segmento");

    public static void ReglasPeriodo<T>(this AbstractValidator<T> validador) where T : IPeriodoIndicadores
    {
        validador.RuleFor(x => x.Desde).Must(f => f is null || (f >= Primera && f <= Ultima)).WithMessage("desde debe estar entre el 01-01-1900 y el 31-12-2999.");
        validador.RuleFor(x => x.Hasta).Must(f => f is null || (f >= Primera && f <= Ultima)).WithMessage("hasta debe estar entre el 01-01-1900 y el 31-12-2999.");
        validador.RuleFor(x => x.Hasta).Must((x, h) => x.Desde is null || h is null || h >= x.Desde).WithMessage("hasta no puede ser anterior a desde.");
        validador.RuleFor(x => x.Hasta).Must((x, h) => x.Desde is null || h is null || h.Value.DayNumber - x.Desde.Value.DayNumber <= DiasMaximosPeriodo)
            .WithMessage($"El período no puede pasar de {DiasMaximosPeriodo} días.");
    }

    /// <summary>The period asked for, by default the current month up to today (or the month of <c>hasta</c>).</summary>
    public static (DateOnly Desde, DateOnly Hasta) Periodo(this IPeriodoIndicadores p, TimeProvider reloj)
    {
        var hasta = p.Hasta ?? (p.Desde is { } d && d > FechaNegocio.Hoy(reloj) ? d : FechaNegocio.Hoy(reloj));
        var desde = p.Desde ?? new DateOnly(hasta.Year, hasta.Month, 1);
        return (desde, hasta);
    }

    /// <summary>The instants a period of Santiago business dates covers: [desde 00:00, hasta + 1 00:00).</summary>
    public static (DateTimeOffset Inicio, DateTimeOffset Fin) Instantes(DateOnly desde, DateOnly hasta) => (Inicio(desde), Inicio(hasta.AddDays(1)));

    private static DateTimeOffset Inicio(DateOnly dia)
    {
        var local = dia.ToDateTime(TimeOnly.MinValue);
        // A DST jump at midnight makes 00:00 not exist: the day then starts an hour later.
        while (FechaNegocio.Santiago.IsInvalidTime(local))
            local = local.AddHours(1);
        return new DateTimeOffset(local, FechaNegocio.Santiago.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateOnly Fecha(DateTimeOffset instante) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instante, FechaNegocio.Santiago).DateTime);

    public static string Mes(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Rate in percent with one decimal, or null when nothing was decided (no division by zero shown as 0 %).</summary>
    public static decimal? Tasa(decimal parte, decimal total) => total == 0 ? null : Math.Round(parte * 100m / total, 1, MidpointRounding.AwayFromZero);
}

/// <summary>A KPI table to export: title, its definition, column names and rows.</summary>
public sealed record TablaIndicador(string Nombre, string Titulo, string Definicion, IReadOnlyList<string> Encabezados, IReadOnlyList<IReadOnlyList<object?>> Filas);

/// <summary>CSV and XLSX through the shared <see cref="Exportacion"/>; PDF as an HTML table printed by <see cref="ImpresoraPdf"/>.</summary>
public static class ExportacionIndicadores
{
    public static readonly string[] Formatos = ["csv", "xlsx", "pdf"];

    public static async Task<ArchivoExportado> GenerarAsync(TablaIndicador tabla, string formato, ImpresoraPdf impresora, TimeProvider reloj, CancellationToken ct)
    {
        var nombre = $"{tabla.Nombre}-{reloj.GetUtcNow():yyyyMMdd-HHmm}";
        if (formato != "pdf")
            return Exportacion.Generar(formato, nombre, tabla.Titulo.Length > 31 ? tabla.Titulo[..31] : tabla.Titulo, tabla.Encabezados, tabla.Filas);
        return new ArchivoExportado(await impresora.ImprimirAsync(Html(tabla), ct), "application/pdf", nombre + ".pdf");
    }

    public static string Html(TablaIndicador tabla)
    {
        var cultura = CultureInfo.GetCultureInfo("es-CL");
        string Celda(object? v) => WebUtility.HtmlEncode(v switch
        {
            null => "",
            decimal m => m.ToString("N" + (m == decimal.Truncate(m) ? 0 : 1), cultura),
            DateOnly d => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, cultura),
            _ => v.ToString() ?? "",
        });
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"es\"><head><meta charset=\"utf-8\"><style>body{font-family:sans-serif;font-size:10pt}table{border-collapse:collapse;width:100%}")
            .Append("th,td{border:1px solid #ccc;padding:3px 6px}td.n{text-align:right}p{color:#555}</style></head><body>")
            .Append("<h1>").Append(WebUtility.HtmlEncode(tabla.Titulo)).Append("</h1><p>").Append(WebUtility.HtmlEncode(tabla.Definicion)).Append("</p><table><thead><tr>");
        foreach (var e in tabla.Encabezados)
            html.Append("<th>").Append(WebUtility.HtmlEncode(e)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var fila in tabla.Filas)
        {
            html.Append("<tr>");
            foreach (var v in fila)
                html.Append(v is decimal or int ? "<td class=\"n\">" : "<td>").Append(Celda(v)).Append("</td>");
            html.Append("</tr>");
        }

        return html.Append("</tbody></table></body></html>").ToString();
    }
}
