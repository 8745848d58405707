using System.Net;
using System.Text;
using Cobranzas.Cartera.EstadoCuenta;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Pdf;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;

namespace Cobranzas.Cartera.Convenios;

public sealed record ConvenioPdfArchivo(byte[] Contenido, string Nombre);

/// <summary>The convenio to sign, printed from HTML by headless Chromium like the account statement.</summary>
public sealed record ObtenerConvenioPdf(Guid Id) : IRequest<ConvenioPdfArchivo>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/convenios/{id:guid}/pdf", async Task<FileContentHttpResult> (Guid id, IMediator m, CancellationToken ct) =>
        {
            var a = await m.Send(new ObtenerConvenioPdf(id), ct);
            return TypedResults.File(a.Contenido, "application/pdf", a.Nombre);
        })
        .WithName("ObtenerConvenioPdf").WithTags("Convenios").Produces(200, typeof(Stream), "application/pdf").ProducesProblem(404);
}

public sealed class ObtenerConvenioPdfHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, ImpresoraPdf impresora, TimeProvider reloj)
    : IRequestHandler<ObtenerConvenioPdf, ConvenioPdfArchivo>
{
    public async ValueTask<ConvenioPdfArchivo> Handle(ObtenerConvenioPdf request, CancellationToken cancellationToken)
    {
        var c = await ProyeccionConvenio.DeAsync(db, mediator, reloj, await ProyeccionConvenio.CargarAsync(db, request.Id, cancellationToken), cancellationToken);
        var empresa = await mediator.Send(new ObtenerDatosEmpresa(contexto.EmpresaId), cancellationToken);
        var cliente = (await mediator.Send(new BuscarClientes([c.ClienteId], []), cancellationToken)).FirstOrDefault();
        var html = ConvenioHtml.Generar(c, empresa, cliente);
        return new ConvenioPdfArchivo(await impresora.ImprimirAsync(html, cancellationToken), $"convenio-{c.Numero}.pdf");
    }
}

public static class ConvenioHtml
{
    public static readonly Dictionary<string, string> NombresTipo = new()
    {
        [TiposConvenio.PagoEnCuotas] = "Pago en cuotas",
        [TiposConvenio.CondonacionIntereses] = "Condonación de intereses",
        [TiposConvenio.QuitaCapital] = "Quita de capital",
        [TiposConvenio.DacionEnPago] = "Dación en pago",
        [TiposConvenio.CesionCreditos] = "Cesión de créditos",
    };

    public static string Generar(ConvenioDto c, DatosEmpresa? empresa, ClienteInfo? cliente)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        static string M(decimal m) => FormatoCl.Monto(m, Monedas.Clp);
        var h = new StringBuilder();
        h.Append("<!doctype html><html lang=\"es-CL\"><head><meta charset=\"utf-8\"><title>Convenio</title><style>")
            .Append("body{font-family:sans-serif;font-size:11px;margin:24px}table{border-collapse:collapse;width:100%;margin:8px 0}")
            .Append("th,td{border:1px solid #999;padding:3px 6px}td.n{text-align:right}h1{font-size:16px}.firmas{display:flex;gap:48px;margin-top:64px}")
            .Append(".firmas div{flex:1;border-top:1px solid #000;text-align:center;padding-top:4px}</style></head><body>");
        h.Append($"<h1>Convenio de pago N° {c.Numero} — {E(NombresTipo.GetValueOrDefault(c.Tipo, c.Tipo))}</h1>");
        h.Append($"<p>Acreedor: <b>{E(empresa?.RazonSocial)}</b>, RUT {E(FormatoCl.Rut(empresa?.Rut))}.<br>Deudor: <b>{E(cliente?.RazonSocial)}</b>, RUT {E(FormatoCl.Rut(cliente?.Rut))}.<br>");
        h.Append($"Fecha del cálculo: {FormatoCl.Fecha(c.Fecha)}. Estado: {E(c.Estado)}.</p>");
        h.Append("<h2>Documentos que el convenio liquida</h2><table><tr><th>Documento</th><th>Vencimiento</th><th>Saldo</th><th>Interés de mora</th><th>Condonación</th><th>Quita</th></tr>");
        foreach (var d in c.Documentos)
            h.Append($"<tr><td>{E(d.Tipo)} {d.Folio}</td><td>{FormatoCl.Fecha(d.FechaVencimiento)}</td><td class=n>{M(d.Saldo)}</td><td class=n>{M(d.Interes)}</td><td class=n>{M(d.Condonacion)}</td><td class=n>{M(d.Quita)}</td></tr>");
        h.Append("</table><table>");
        h.Append($"<tr><td>Saldo de los documentos</td><td class=n>{M(c.SaldoDocumentos)}</td></tr><tr><td>Interés de mora</td><td class=n>{M(c.InteresMora)}</td></tr>");
        h.Append($"<tr><td>Condonación de intereses ({c.PorcentajeCondonacion:0.##}%)</td><td class=n>-{M(c.MontoCondonacion)}</td></tr><tr><td>Quita de capital</td><td class=n>-{M(c.MontoQuita)}</td></tr>");
        h.Append($"<tr><th>Monto convenido</th><th class=n>{M(c.MontoConvenido)}</th></tr><tr><td>Interés de financiamiento ({c.TasaMensual:0.####}% mensual)</td><td class=n>{M(c.InteresFinanciamiento)}</td></tr>");
        h.Append($"<tr><th>Total a pagar en {c.NumeroCuotas} cuotas ({E(c.Frecuencia)})</th><th class=n>{M(c.TotalCuotas)}</th></tr></table>");
        if (c.Detalle is not null)
            h.Append($"<p><b>Detalle:</b> {E(c.Detalle)}</p>");
        h.Append("<h2>Cuotas</h2><table><tr><th>N°</th><th>Vencimiento</th><th>Capital</th><th>Interés</th><th>Cuota</th></tr>");
        foreach (var k in c.Cuotas)
            h.Append($"<tr><td>{k.Numero}</td><td>{FormatoCl.Fecha(k.FechaVencimiento)}</td><td class=n>{M(k.Capital)}</td><td class=n>{M(k.Interes)}</td><td class=n>{M(k.Monto)}</td></tr>");
        h.Append("</table><p>Con la firma de este convenio los documentos indicados quedan liquidados por el convenio y las cuotas pasan a ser la deuda del deudor. ")
            .Append("Si una cuota queda impaga más allá del plazo que el acreedor establece, el convenio se rompe: la deuda no pagada se repone en los documentos originales ")
            .Append("y se pierden la condonación y la quita.</p>");
        h.Append($"<div class=firmas><div>{E(empresa?.RazonSocial)}</div><div>{E(cliente?.RazonSocial)}</div></div></body></html>");
        return h.ToString();
    }
}
