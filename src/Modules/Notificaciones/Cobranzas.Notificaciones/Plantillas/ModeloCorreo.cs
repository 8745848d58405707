using System.Globalization;
using System.Net;
using System.Text;
using Cobranzas.Notificaciones.Persistencia;

namespace Cobranzas.Notificaciones.Plantillas;

public sealed record ClienteCorreo(Guid Id, string Rut, string RazonSocial, string? ContactoNombre);

public sealed record DocumentoCorreo(Guid Id, string Tipo, long Folio, int Cuota, DateOnly FechaVencimiento, int DiasVencido, string Moneda, decimal Saldo);

/// <summary>Everything a mail may show about one client on one day; the template sees it through <see cref="EtiquetasCorreo"/>.</summary>
public sealed record DatosCorreo(
    ClienteCorreo Cliente, decimal DeudaTotal, decimal DeudaVencida, DateOnly? VencimientoMasAntiguo, IReadOnlyList<DocumentoCorreo> Documentos,
    IReadOnlyList<CuentaDeposito> Cuentas, string? CobradorNombre, string? CobradorTelefono, string? EnlacePago, string Empresa, DateOnly Hoy,
    string? EnlacePortal = null);

public sealed record EtiquetaCorreo(string Etiqueta, string Descripcion, string Ejemplo);

/// <summary>
/// The tags a template can use (the catalogue the editor offers) and the model they come from. Every text value is HTML-escaped
/// here, because the body is HTML and the client's data must never become markup; the two blocks are HTML built here.
/// </summary>
public static class EtiquetasCorreo
{
    public static readonly IReadOnlyList<EtiquetaCorreo> Todas =
    [
        new("cliente.nombre", "Razón social del cliente", "Comercial Lovato EIRL"),
        new("cliente.rut", "RUT del cliente", "76.734.234-9"),
        new("contacto.nombre", "Nombre del contacto que recibe el correo", "María Pérez"),
        new("deuda.total", "Deuda total (saldo de todos los documentos abiertos)", "$1.234.567"),
        new("deuda.vencida", "Deuda vencida", "$834.000"),
        new("deuda.vencimiento_mas_antiguo", "Fecha de vencimiento más antigua (dd-mm-aaaa)", "15-10-2026"),
        new("deuda.dias_vencido", "Días de atraso del documento más antiguo", "45"),
        new("tabla_documentos", "Tabla HTML con los documentos del correo", "<table>…</table>"),
        new("documentos", "Lista de documentos para recorrer con {{ for d in documentos }}: d.tipo, d.folio, d.vencimiento, d.dias_vencido, d.saldo", "…"),
        new("cuentas_deposito", "Bloque HTML con las cuentas de depósito", "<div>…</div>"),
        new("cobrador.nombre", "Nombre del cobrador asignado", "Juan Soto"),
        new("cobrador.telefono", "Teléfono del cobrador asignado", "+56 9 1234 5678"),
        new("enlace_pago", "Enlace de pago en línea (cuando Integraciones lo entrega)", "https://…"),
        new("enlace_portal", "Enlace de un solo uso al portal de clientes para el contacto que recibe el correo (vence en 7 días)", "https://…/portal/entrar?token=…"),
        new("empresa.nombre", "Nombre de la empresa que cobra", "Distribuidora Andes SpA"),
        new("fecha", "Fecha del envío (dd-mm-aaaa)", "30-11-2026"),
    ];

    private static readonly CultureInfo Cl = CultureInfo.GetCultureInfo("es-CL");

    public static string Monto(decimal monto, string moneda = "CLP") => moneda switch
    {
        "UF" => monto.ToString("#,0.00##", Cl) + " UF",
        "USD" => "US$" + monto.ToString("#,0.00", Cl),
        _ => "$" + Math.Round(monto, 0).ToString("#,0", Cl),
    };

    public static string Fecha(DateOnly fecha) => fecha.ToString("dd-MM-yyyy", Cl);

    private static string H(string? texto) => WebUtility.HtmlEncode(texto ?? "");

    public static IReadOnlyDictionary<string, object?> Modelo(DatosCorreo d) => Modelo(d, BloqueCuentas(d.Cuentas));

    /// <param name="bloqueCuentas">The <see cref="BloqueCuentas"/> of <paramref name="d"/>'s accounts, when the caller built it once for many mails.</param>
    public static IReadOnlyDictionary<string, object?> Modelo(DatosCorreo d, string bloqueCuentas) => new Dictionary<string, object?>
    {
        ["cliente"] = new Dictionary<string, object?> { ["nombre"] = H(d.Cliente.RazonSocial), ["rut"] = H(d.Cliente.Rut) },
        ["contacto"] = new Dictionary<string, object?> { ["nombre"] = H(d.Cliente.ContactoNombre) },
        ["deuda"] = new Dictionary<string, object?>
        {
            ["total"] = Monto(d.DeudaTotal), ["vencida"] = Monto(d.DeudaVencida),
            ["vencimiento_mas_antiguo"] = d.VencimientoMasAntiguo is { } v ? Fecha(v) : "",
            ["dias_vencido"] = d.VencimientoMasAntiguo is { } w ? Math.Max(0, d.Hoy.DayNumber - w.DayNumber) : 0,
        },
        ["documentos"] = d.Documentos.Select(x => new Dictionary<string, object?>
        {
            ["tipo"] = H(x.Tipo), ["folio"] = x.Folio, ["cuota"] = x.Cuota, ["vencimiento"] = Fecha(x.FechaVencimiento), ["dias_vencido"] = x.DiasVencido,
            ["saldo"] = Monto(x.Saldo, x.Moneda),
        }).ToList(),
        ["tabla_documentos"] = TablaDocumentos(d.Documentos),
        ["cuentas_deposito"] = bloqueCuentas,
        ["cobrador"] = new Dictionary<string, object?> { ["nombre"] = H(d.CobradorNombre), ["telefono"] = H(d.CobradorTelefono) },
        ["enlace_pago"] = H(d.EnlacePago),
        ["enlace_portal"] = H(d.EnlacePortal),
        ["empresa"] = new Dictionary<string, object?> { ["nombre"] = H(d.Empresa) },
        ["fecha"] = Fecha(d.Hoy),
    };

    public static string TablaDocumentos(IReadOnlyList<DocumentoCorreo> documentos)
    {
        if (documentos.Count == 0)
            return "";
        var t = new StringBuilder("""<table style="border-collapse:collapse;font-size:14px"><thead><tr>""");
        foreach (var c in new[] { "Documento", "Folio", "Vencimiento", "Días de atraso", "Saldo" })
            t.Append("""<th style="text-align:left;border-bottom:1px solid #ccc;padding:4px 8px">""").Append(c).Append("</th>");
        t.Append("</tr></thead><tbody>");
        foreach (var x in documentos)
        {
            t.Append("<tr>");
            foreach (var c in new[] { H(x.Tipo), x.Folio + (x.Cuota > 1 ? $" (cuota {x.Cuota})" : ""), Fecha(x.FechaVencimiento), x.DiasVencido > 0 ? x.DiasVencido.ToString(Cl) : "—", Monto(x.Saldo, x.Moneda) })
                t.Append("""<td style="padding:4px 8px;border-bottom:1px solid #eee">""").Append(c).Append("</td>");
            t.Append("</tr>");
        }

        return t.Append("</tbody></table>").ToString();
    }

    public static string BloqueCuentas(IReadOnlyList<CuentaDeposito> cuentas)
    {
        if (cuentas.Count == 0)
            return "";
        var b = new StringBuilder("""<div style="margin:16px 0"><strong>Datos para depósito o transferencia</strong>""");
        foreach (var c in cuentas)
        {
            b.Append("""<p style="margin:8px 0">""").Append(H(c.Banco)).Append("<br>Cuenta ").Append(H(c.TipoCuenta)).Append(" N° ").Append(H(c.Numero))
                .Append("<br>Titular: ").Append(H(c.Titular)).Append(", RUT ").Append(H(SharedKernel.Rut.Rut.TryParse(c.RutTitular, out var r) ? r.Value.Formateado : c.RutTitular));
            if (!string.IsNullOrEmpty(c.EmailNotificacion))
                b.Append("<br>Enviar comprobante a ").Append(H(c.EmailNotificacion));
            b.Append("</p>");
        }

        return b.Append("</div>").ToString();
    }
}
