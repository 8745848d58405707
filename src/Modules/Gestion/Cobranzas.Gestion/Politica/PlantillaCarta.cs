using System.Globalization;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contracts;
using Scriban;
using Scriban.Runtime;

namespace Cobranzas.Gestion.Politica;

/// <summary>
/// The letter of a <see cref="AccionesPaso.Carta"/> step: a Scriban template rendered in a sandbox (only the data passed here,
/// no includes, bounded loops and recursion), then printed to PDF.
/// </summary>
public static class PlantillaCarta
{
    public const string PorOmision = """
        <!doctype html>
        <html lang="es"><head><meta charset="utf-8"><style>
        @page { size: A4; margin: 25mm; } body { font-family: sans-serif; font-size: 11pt; line-height: 1.5; }
        h1 { font-size: 14pt; } .monto { font-weight: bold; }
        </style></head><body>
        <p>{{ fecha }}</p>
        <p>Señores<br>{{ cliente.razon_social }}<br>RUT {{ cliente.rut }}</p>
        <h1>{{ paso }}</h1>
        <p>Junto con saludarles, les informamos que a la fecha registran una deuda vencida de <span class="monto">{{ deuda.vencido }}</span>,
        de un saldo total de {{ deuda.saldo }}, cuyo documento más antiguo venció el {{ deuda.vencimiento_mas_antiguo }} ({{ deuda.dias_vencido }} días).</p>
        <p>Les solicitamos regularizar esta situación a la brevedad o contactarnos para acordar una forma de pago.</p>
        <p>Atentamente,<br>Departamento de Cobranzas</p>
        </body></html>
        """;

    private static readonly CultureInfo Cl = CultureInfo.GetCultureInfo("es-CL");

    /// <summary>The parse errors of a template, or null if it is valid.</summary>
    public static string? Errores(string fuente)
    {
        try
        {
            var t = Template.Parse(fuente);
            return t.HasErrors ? string.Join("; ", t.Messages.Select(m => m.Message)) : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return e.Message;
        }
    }

    public static string Generar(string? fuente, string paso, ClienteInfo cliente, DeudaCliente deuda, DateOnly hoy)
    {
        var t = Template.Parse(fuente ?? PorOmision);
        if (t.HasErrors)
            throw new InvalidOperationException("Plantilla de carta inválida: " + string.Join("; ", t.Messages));
        var modelo = new ScriptObject
        {
            ["fecha"] = hoy.ToString("d 'de' MMMM 'de' yyyy", Cl),
            ["paso"] = H(paso),
            ["cliente"] = new ScriptObject { ["razon_social"] = H(cliente.RazonSocial), ["rut"] = H(cliente.Rut), ["comuna"] = H(cliente.Comuna), ["region"] = H(cliente.Region) },
            ["deuda"] = new ScriptObject
            {
                ["saldo"] = Monto(deuda.Saldo), ["vencido"] = Monto(deuda.Vencido),
                ["vencimiento_mas_antiguo"] = deuda.VencimientoMasAntiguo?.ToString("dd-MM-yyyy", Cl) ?? "",
                ["dias_vencido"] = deuda.VencimientoMasAntiguo is { } v ? hoy.DayNumber - v.DayNumber : 0,
                ["documentos_vencidos"] = deuda.DocumentosVencidos,
            },
        };
        var contexto = new TemplateContext { LoopLimit = 1000, RecursiveLimit = 20, LimitToString = 200_000, EnableRelaxedMemberAccess = true, TemplateLoader = null };
        contexto.PushGlobal(modelo);
        return t.Render(contexto);
    }

    // The letter is HTML: the client's data must not become markup.
    private static string H(string? texto) => System.Net.WebUtility.HtmlEncode(texto ?? "");

    private static string Monto(decimal monto) => "$" + Math.Round(monto, 0).ToString("#,0", Cl);
}
