using System.Net;
using System.Text;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Plantillas;
using MimeKit.Text;

namespace Cobranzas.Notificaciones.Plantillas;

/// <summary>A message as it will be sent: subject, HTML body and its plain-text alternative.</summary>
public sealed record CorreoRenderizado(string Asunto, string Html, string Texto);

/// <summary>
/// Renders a definition for one client: the subject and the body are sandboxed Scriban templates over <see cref="EtiquetasCorreo"/>;
/// the body is then framed with the logo, the deposit accounts (when the definition includes them and the template did not
/// place them itself), the signature and the unsubscribe line.
/// </summary>
public static class RenderizadorCorreo
{
    public const string MarcaBaja = "{{ enlace_baja }}";

    public static async Task<CorreoRenderizado> RenderizarAsync(DefinicionNotificacion definicion, DatosCorreo datos, string? urlLogo, string? urlBaja, CancellationToken ct)
    {
        var modelo = EtiquetasCorreo.Modelo(datos);
        var asunto = await MotorPlantillas.RenderizarAsync(definicion.Asunto, modelo, ct);
        var cuerpo = await MotorPlantillas.RenderizarAsync(definicion.Plantilla, modelo, ct);
        return Enmarcar(definicion, datos, asunto, cuerpo, urlLogo, urlBaja);
    }

    /// <summary>A definition's subject and body parsed once for a whole run (see <see cref="MotorPlantillas.PlantillaCompilada"/>).</summary>
    public sealed class Compilado(DefinicionNotificacion definicion)
    {
        private readonly MotorPlantillas.PlantillaCompilada _asunto = MotorPlantillas.Compilar(definicion.Asunto);
        private readonly MotorPlantillas.PlantillaCompilada _cuerpo = MotorPlantillas.Compilar(definicion.Plantilla);

        public CorreoRenderizado Renderizar(DatosCorreo datos, string? urlLogo, string? urlBaja, CancellationToken ct)
        {
            var modelo = EtiquetasCorreo.Modelo(datos);
            return Enmarcar(definicion, datos, _asunto.Renderizar(modelo, ct), _cuerpo.Renderizar(modelo, ct), urlLogo, urlBaja);
        }
    }

    private static CorreoRenderizado Enmarcar(DefinicionNotificacion definicion, DatosCorreo datos, string asuntoRenderizado, string cuerpo, string? urlLogo, string? urlBaja)
    {
        var asunto = WebUtility.HtmlDecode(asuntoRenderizado).ReplaceLineEndings(" ").Trim();
        var cuentas = definicion.IncluirCuentas && !definicion.Plantilla.Contains("cuentas_deposito", StringComparison.Ordinal)
            ? EtiquetasCorreo.BloqueCuentas(datos.Cuentas)
            : "";
        var logo = urlLogo is null ? "" : $"""<p><img src="{WebUtility.HtmlEncode(urlLogo)}" alt="{WebUtility.HtmlEncode(datos.Empresa)}" style="max-height:64px"></p>""";
        var firma = string.IsNullOrWhiteSpace(definicion.Firma) ? "" : $"<p>{WebUtility.HtmlEncode(definicion.Firma).ReplaceLineEndings("<br>")}</p>";
        var baja = urlBaja is null ? "" : $"""<p style="font-size:12px;color:#555">Si no desea recibir más recordatorios, <a href="{WebUtility.HtmlEncode(urlBaja)}">anule su suscripción</a>.</p>""";
        var html = $"""
            <!doctype html>
            <html lang="es"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(asunto)}</title></head>
            <body style="font-family:Arial,sans-serif;font-size:14px;line-height:1.5;color:#222">
            {logo}{cuerpo}{cuentas}{firma}{baja}
            </body></html>
            """;
        return new CorreoRenderizado(asunto, html, TextoPlano(html));
    }

    /// <summary>The plain-text alternative: the text of the HTML (MimeKit's tokenizer), one line per block, links as "text (url)".</summary>
    public static string TextoPlano(string html)
    {
        var texto = new StringBuilder();
        var tokens = new HtmlTokenizer(new StringReader(html));
        var omitir = false;
        string? enlace = null;
        while (tokens.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlDataToken d when !omitir:
                    texto.Append(WebUtility.HtmlDecode(d.Data.ReplaceLineEndings(" ")));
                    break;
                case HtmlTagToken t when t.Id is HtmlTagId.Title or HtmlTagId.Style or HtmlTagId.Script:
                    omitir = !t.IsEndTag;
                    break;
                case HtmlTagToken t when t.Id == HtmlTagId.A:
                    if (!t.IsEndTag)
                    {
                        enlace = t.Attributes.FirstOrDefault(a => a.Id == HtmlAttributeId.Href)?.Value;
                    }
                    else if (enlace is not null)
                    {
                        texto.Append(" (").Append(enlace).Append(')');
                        enlace = null;
                    }

                    break;
                case HtmlTagToken t when t.Id is HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div or HtmlTagId.TR or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.LI:
                    texto.AppendLine();
                    break;
                case HtmlTagToken t when t.Id is HtmlTagId.TD or HtmlTagId.TH && !t.IsEndTag:
                    texto.Append('\t');
                    break;
            }
        }

        var lineas = texto.ToString().Split('\n').Select(l => l.Trim()).ToList();
        return string.Join('\n', lineas.Where((l, i) => l.Length > 0 || (i > 0 && lineas[i - 1].Length > 0))).Trim();
    }
}
