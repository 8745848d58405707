using System.Globalization;
using System.Net;
using System.Text;
using Cobranzas.Cartera.EstadoCuenta;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Pdf;
using FluentValidation;

namespace Cobranzas.Cartera.Reportes;

/// <summary>A report as a table to export: a title, summary lines (concept, value) and the rows under their headers.</summary>
public sealed record TablaReporte(
    string Titulo, string Nombre, DateOnly FechaCorte, IReadOnlyList<(string Concepto, string Valor)> Resumen,
    IReadOnlyList<string> Encabezados, IReadOnlyList<IReadOnlyList<object?>> Filas);

/// <summary>
/// The portfolio reports' files (the JSON is the report's own route): CSV and XLSX through <see cref="Exportacion"/>
/// (es-CL CSV, real numbers in XLSX, formulas neutralised), PDF as an HTML table printed by <see cref="ImpresoraPdf"/>.
/// </summary>
public static class ExportacionReportes
{
    public static readonly string[] Formatos = ["csv", "xlsx", "pdf"];

    public const string TipoPdf = "application/pdf";

    public static readonly CultureInfo Chile = CultureInfo.GetCultureInfo("es-CL");

    public static void ReglaFormato<T>(this AbstractValidator<T> v, Func<T, string> formato) =>
        v.RuleFor(x => formato(x)).Must(f => Formatos.Contains(f)).OverridePropertyName("formato").WithErrorCode("formato_invalido")
            .WithMessage("formato debe ser csv, xlsx o pdf.");

    public static async Task<ArchivoExportado> GenerarAsync(string formato, TablaReporte t, DatosEmpresa? empresa, ImpresoraPdf impresora, CancellationToken ct)
    {
        var nombre = $"{t.Nombre}-{t.FechaCorte:yyyyMMdd}";
        if (formato != "pdf")
            return Exportacion.Generar(formato, nombre, t.Titulo.Length > 31 ? t.Titulo[..31] : t.Titulo, t.Encabezados, t.Filas);
        return new ArchivoExportado(await impresora.ImprimirAsync(Html(t, empresa), ct), TipoPdf, nombre + ".pdf");
    }

    public static string Html(TablaReporte t, DatosEmpresa? empresa)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html><html lang="es-CL"><head><meta charset="utf-8"><style>
            @page { size: A4 landscape; margin: 12mm; }
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; color: #222; }
            h1 { font-size: 14pt; margin: 0 0 2mm; } .empresa { font-weight: bold; }
            table { width: 100%; border-collapse: collapse; margin-top: 4mm; }
            th, td { padding: 1mm 1.5mm; border-bottom: 1px solid #ddd; text-align: left; }
            th { background: #f0f0f0; } td.n, th.n { text-align: right; white-space: nowrap; }
            .resumen td { border: none; padding: 0.5mm 1.5mm; }
            </style>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(t.Titulo)}</title></head><body>");
        if (empresa is not null)
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"empresa\">{E(empresa.RazonSocial)} · RUT {E(FormatoCl.Rut(empresa.Rut))}</div>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(t.Titulo)}</h1><div>Fecha de corte: <strong>{FormatoCl.Fecha(t.FechaCorte)}</strong></div>");
        if (t.Resumen.Count > 0)
        {
            html.Append("<table class=\"resumen\">");
            foreach (var (concepto, valor) in t.Resumen)
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(concepto)}</td><td><strong>{E(valor)}</strong></td></tr>");
            html.Append("</table>");
        }

        var numericas = Enumerable.Range(0, t.Encabezados.Count).Select(i => t.Filas.Count > 0 && t.Filas.All(f => i < f.Count && f[i] is decimal or int or long)).ToArray();
        html.Append("<table><tr>");
        for (var i = 0; i < t.Encabezados.Count; i++)
            html.Append(CultureInfo.InvariantCulture, $"<th{(numericas[i] ? " class=\"n\"" : "")}>{E(t.Encabezados[i])}</th>");
        html.Append("</tr>");
        foreach (var fila in t.Filas)
        {
            html.Append("<tr>");
            for (var i = 0; i < t.Encabezados.Count; i++)
                html.Append(CultureInfo.InvariantCulture, $"<td{(numericas[i] ? " class=\"n\"" : "")}>{E(Texto(i < fila.Count ? fila[i] : null))}</td>");
            html.Append("</tr>");
        }

        html.Append("</table></body></html>");
        return html.ToString();
    }

    private static string Texto(object? valor) => valor switch
    {
        null => "",
        decimal d => FormatoCl.Numero(d, d == decimal.Round(d) ? 0 : 2),
        int or long => FormatoCl.Numero(Convert.ToDecimal(valor, CultureInfo.InvariantCulture)),
        DateOnly f => FormatoCl.Fecha(f),
        bool b => b ? "Sí" : "No",
        _ => valor.ToString() ?? "",
    };

    public static string Pesos(decimal monto) => FormatoCl.Monto(monto, Monedas.Clp);

    public static string Porcentaje(decimal p) => FormatoCl.Numero(p, 2) + " %";
}
