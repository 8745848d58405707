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

    /// <summary>
    /// A definition's subject and body parsed once for a whole run (see <see cref="MotorPlantillas.PlantillaCompilada"/>), and the frame
    /// around the body (logo, deposit accounts, signature) and its plain text built once for the mails that share it.
    /// </summary>
    public sealed class Compilado(DefinicionNotificacion definicion)
    {
        private readonly MotorPlantillas.PlantillaCompilada _asunto = MotorPlantillas.Compilar(definicion.Asunto);
        private readonly MotorPlantillas.PlantillaCompilada _cuerpo = MotorPlantillas.Compilar(definicion.Plantilla);
        private Marco? _marco;

        public CorreoRenderizado Renderizar(DatosCorreo datos, string? urlLogo, string? urlBaja, CancellationToken ct)
        {
            var marco = _marco is { } m && m.Sirve(datos, urlLogo) ? m : _marco = new Marco(definicion, datos, urlLogo);
            var modelo = EtiquetasCorreo.Modelo(datos, marco.BloqueCuentas);
            var asunto = Asunto(_asunto.Renderizar(modelo, ct));
            var cuerpo = _cuerpo.Renderizar(modelo, ct);
            var baja = Baja(urlBaja);
            var html = Html(asunto, marco.Logo, cuerpo, marco.Cuentas, marco.Firma, baja);
            return new CorreoRenderizado(asunto, html, marco.TextoPlano(cuerpo, baja) ?? TextoPlano(html));
        }
    }

    /// <summary>What the mails of a run share around their bodies: it depends only on the definition, the company, its accounts and the logo.</summary>
    private sealed class Marco
    {
        private readonly IReadOnlyList<CuentaDeposito> _fuenteCuentas;
        private readonly string _empresa;
        private readonly string? _urlLogo;
        private readonly string _textoAntes;
        private readonly string _textoCuentasFirma;
        private readonly string _textoCierre;

        public Marco(DefinicionNotificacion definicion, DatosCorreo datos, string? urlLogo)
        {
            (_fuenteCuentas, _empresa, _urlLogo) = (datos.Cuentas, datos.Empresa, urlLogo);
            BloqueCuentas = EtiquetasCorreo.BloqueCuentas(datos.Cuentas);
            Cuentas = definicion.IncluirCuentas && !definicion.Plantilla.Contains("cuentas_deposito", StringComparison.Ordinal) ? BloqueCuentas : "";
            Logo = RenderizadorCorreo.Logo(urlLogo, datos.Empresa);
            Firma = RenderizadorCorreo.Firma(definicion);
            var html = Html("", Logo, MarcaCuerpo, Cuentas, Firma, MarcaBajaHtml);
            var cuerpo = html.IndexOf(MarcaCuerpo, StringComparison.Ordinal);
            var baja = html.IndexOf(MarcaBajaHtml, StringComparison.Ordinal);
            _textoAntes = new LectorTexto().Leer(html[..cuerpo]).Crudo;
            _textoCuentasFirma = new LectorTexto().Leer(html[(cuerpo + MarcaCuerpo.Length)..baja]).Crudo;
            _textoCierre = new LectorTexto().Leer(html[(baja + MarcaBajaHtml.Length)..]).Crudo;
        }

        private const string MarcaCuerpo = "<!--cuerpo-->";
        private const string MarcaBajaHtml = "<!--baja-->";

        public string BloqueCuentas { get; }
        public string Cuentas { get; }
        public string Logo { get; }
        public string Firma { get; }

        public bool Sirve(DatosCorreo datos, string? urlLogo) => ReferenceEquals(datos.Cuentas, _fuenteCuentas) && datos.Empresa == _empresa && urlLogo == _urlLogo;

        /// <summary>
        /// The plain text of the whole mail from the frame's text read once and the body's and unsubscribe line's read now: the same
        /// text as reading the whole HTML, as long as the body closes what it opens (a link, a title or style, a tag, a comment); null
        /// when it does not, and the caller reads the whole HTML.
        /// </summary>
        public string? TextoPlano(string cuerpo, string baja)
        {
            var textoCuerpo = new LectorTexto().Leer(cuerpo);
            if (!textoCuerpo.Cerrado || cuerpo.LastIndexOf('<') > cuerpo.LastIndexOf('>') || cuerpo.LastIndexOf("<!--", StringComparison.Ordinal) > cuerpo.LastIndexOf("-->", StringComparison.Ordinal))
                return null;
            return Final(string.Concat(_textoAntes, textoCuerpo.Crudo, _textoCuentasFirma, new LectorTexto().Leer(baja).Crudo, _textoCierre));
        }
    }

    private static string Asunto(string asuntoRenderizado) => WebUtility.HtmlDecode(asuntoRenderizado).ReplaceLineEndings(" ").Trim();

    private static string Logo(string? urlLogo, string empresa) =>
        urlLogo is null ? "" : $"""<p><img src="{WebUtility.HtmlEncode(urlLogo)}" alt="{WebUtility.HtmlEncode(empresa)}" style="max-height:64px"></p>""";

    private static string Firma(DefinicionNotificacion definicion) =>
        string.IsNullOrWhiteSpace(definicion.Firma) ? "" : $"<p>{WebUtility.HtmlEncode(definicion.Firma).ReplaceLineEndings("<br>")}</p>";

    private static string Baja(string? urlBaja) =>
        urlBaja is null ? "" : $"""<p style="font-size:12px;color:#555">Si no desea recibir más recordatorios, <a href="{WebUtility.HtmlEncode(urlBaja)}">anule su suscripción</a>.</p>""";

    private static string Html(string asunto, string logo, string cuerpo, string cuentas, string firma, string baja) => $"""
        <!doctype html>
        <html lang="es"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(asunto)}</title></head>
        <body style="font-family:Arial,sans-serif;font-size:14px;line-height:1.5;color:#222">
        {logo}{cuerpo}{cuentas}{firma}{baja}
        </body></html>
        """;

    private static CorreoRenderizado Enmarcar(DefinicionNotificacion definicion, DatosCorreo datos, string asuntoRenderizado, string cuerpo, string? urlLogo, string? urlBaja)
    {
        var asunto = Asunto(asuntoRenderizado);
        var cuentas = definicion.IncluirCuentas && !definicion.Plantilla.Contains("cuentas_deposito", StringComparison.Ordinal)
            ? EtiquetasCorreo.BloqueCuentas(datos.Cuentas)
            : "";
        var html = Html(asunto, Logo(urlLogo, datos.Empresa), cuerpo, cuentas, Firma(definicion), Baja(urlBaja));
        return new CorreoRenderizado(asunto, html, TextoPlano(html));
    }

    /// <summary>The plain-text alternative: the text of the HTML (MimeKit's tokenizer), one line per block, links as "text (url)".</summary>
    public static string TextoPlano(string html) => Final(new LectorTexto().Leer(html).Crudo);

    /// <summary>The text of HTML read piece by piece, before its lines are tidied by <see cref="Final"/>.</summary>
    private sealed class LectorTexto
    {
        private readonly StringBuilder _texto = new();
        private bool _omitir;
        private string? _enlace;

        public string Crudo => _texto.ToString();

        /// <summary>Outside a title, style, script or link: where a piece may end without changing how the next is read.</summary>
        public bool Cerrado => !_omitir && _enlace is null;

        public LectorTexto Leer(string html)
        {
            var tokens = new HtmlTokenizer(new StringReader(html));
            while (tokens.ReadNextToken(out var token))
            {
                switch (token)
                {
                    case HtmlDataToken d when !_omitir:
                        _texto.Append(WebUtility.HtmlDecode(d.Data.ReplaceLineEndings(" ")));
                        break;
                    case HtmlTagToken t when t.Id is HtmlTagId.Title or HtmlTagId.Style or HtmlTagId.Script:
                        _omitir = !t.IsEndTag;
                        break;
                    case HtmlTagToken t when t.Id == HtmlTagId.A:
                        if (!t.IsEndTag)
                        {
                            _enlace = t.Attributes.FirstOrDefault(a => a.Id == HtmlAttributeId.Href)?.Value;
                        }
                        else if (_enlace is not null)
                        {
                            _texto.Append(" (").Append(_enlace).Append(')');
                            _enlace = null;
                        }

                        break;
                    case HtmlTagToken t when t.Id is HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div or HtmlTagId.TR or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.LI:
                        _texto.AppendLine();
                        break;
                    case HtmlTagToken t when t.Id is HtmlTagId.TD or HtmlTagId.TH && !t.IsEndTag:
                        _texto.Append('\t');
                        break;
                }
            }

            return this;
        }
    }

    private static string Final(string crudo)
    {
        var lineas = crudo.Split('\n').Select(l => l.Trim()).ToList();
        return string.Join('\n', lineas.Where((l, i) => l.Length > 0 || (i > 0 && lineas[i - 1].Length > 0))).Trim();
    }
}
