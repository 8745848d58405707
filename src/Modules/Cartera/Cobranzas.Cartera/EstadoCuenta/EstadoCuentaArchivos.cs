using System.Globalization;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Notificaciones.Contracts;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Pdf;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using MiniExcelLibs;
using Scriban;

namespace Cobranzas.Cartera.EstadoCuenta;

/// <summary>The account statement rendered as a file.</summary>
public sealed record ArchivoEstadoCuenta(byte[] Contenido, string TipoContenido, string NombreArchivo);

/// <summary>The statement of <see cref="ObtenerEstadoCuenta"/> as a PDF (HTML template printed by headless Chromium) or XLSX (MiniExcel).</summary>
public sealed record ExportarEstadoCuenta(ObtenerEstadoCuenta Consulta, string Formato) : IRequest<ArchivoEstadoCuenta>
{
    public static void Map(RutasModulo rutas)
    {
        rutas.Leer.MapGet("/clientes/{id:guid}/estado-cuenta.pdf", async Task<FileContentHttpResult> ([AsParameters] ObtenerEstadoCuenta q, IMediator m, CancellationToken ct) =>
                Archivo(await m.Send(new ExportarEstadoCuenta(q, "pdf"), ct)))
            .WithName("ObtenerEstadoCuentaPdf").Produces(200, typeof(Stream), "application/pdf").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422)
            .ConLimite(LimitesUso.Informes);
        rutas.Leer.MapGet("/clientes/{id:guid}/estado-cuenta.xlsx", async Task<FileContentHttpResult> ([AsParameters] ObtenerEstadoCuenta q, IMediator m, CancellationToken ct) =>
                Archivo(await m.Send(new ExportarEstadoCuenta(q, "xlsx"), ct)))
            .WithName("ObtenerEstadoCuentaXlsx").Produces(200, typeof(Stream), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422).ConLimite(LimitesUso.Informes);
    }

    private static FileContentHttpResult Archivo(ArchivoEstadoCuenta a) => TypedResults.File(a.Contenido, a.TipoContenido, a.NombreArchivo);
}

public sealed class ExportarEstadoCuentaValidator : AbstractValidator<ExportarEstadoCuenta>
{
    public ExportarEstadoCuentaValidator() =>
        RuleFor(x => x.Formato).Must(f => f is "pdf" or "xlsx").WithMessage("Formato debe ser pdf o xlsx.");
}

public sealed class ExportarEstadoCuentaHandler(IMediator mediator, IContextoSolicitud contexto, ImpresoraPdf impresora)
    : IRequestHandler<ExportarEstadoCuenta, ArchivoEstadoCuenta>
{
    public async ValueTask<ArchivoEstadoCuenta> Handle(ExportarEstadoCuenta request, CancellationToken cancellationToken)
    {
        var estado = await mediator.Send(request.Consulta, cancellationToken);
        var empresa = await mediator.Send(new ObtenerDatosEmpresa(contexto.EmpresaId), cancellationToken);
        var nombre = $"estado-cuenta-{estado.Cliente.Rut}-{estado.FechaCorte:yyyyMMdd}";
        if (request.Formato == "xlsx")
            return new ArchivoEstadoCuenta(await EstadoCuentaXlsx.GenerarAsync(estado, empresa, cancellationToken),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", nombre + ".xlsx");
        var ficha = await mediator.Send(new ObtenerFichaCliente(estado.Cliente.Id), cancellationToken);
        var pago = await mediator.Send(new ObtenerDatosPagoEmpresa(), cancellationToken);
        var html = EstadoCuentaHtml.Generar(estado, empresa, ficha, pago);
        return new ArchivoEstadoCuenta(await impresora.ImprimirAsync(html, cancellationToken), "application/pdf", nombre + ".pdf");
    }
}

/// <summary>Chilean (es-CL) presentation of amounts, dates and document types.</summary>
internal static class FormatoCl
{
    private static readonly CultureInfo Cultura = CultureInfo.GetCultureInfo("es-CL");

    /// <summary>12.345.678-5 (the stored form is 12345678-5).</summary>
    public static string Rut(string? rut) => SharedKernel.Rut.Rut.TryParse(rut, out var r) ? r.Value.Formateado : rut ?? "";

    public static string Fecha(DateOnly d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    public static string Fecha(DateOnly? d) => d is { } f ? Fecha(f) : "";

    public static string Numero(decimal n, int decimales = 0) => n.ToString("N" + decimales, Cultura);

    /// <summary>As the screens write it: $15.863.890, US$1.234,50, 5.000 UF.</summary>
    public static string Monto(decimal monto, string moneda)
    {
        var signo = monto < 0 ? "-" : "";
        var valor = Math.Abs(monto);
        return moneda switch
        {
            Monedas.Clp => signo + "$" + Numero(valor),
            Monedas.Usd => signo + "US$" + Numero(valor, 2),
            _ => signo + valor.ToString("#,0.####", Cultura) + " " + moneda,
        };
    }

    public static string TipoDocumento(string tipo) => tipo switch
    {
        "30" => "Factura",
        "32" => "Factura no afecta o exenta",
        "33" => "Factura electrónica",
        "34" => "Factura exenta electrónica",
        "39" => "Boleta electrónica",
        "41" => "Boleta exenta electrónica",
        "46" => "Factura de compra electrónica",
        "52" => "Guía de despacho electrónica",
        "56" => "Nota de débito electrónica",
        "61" => "Nota de crédito electrónica",
        "110" => "Factura de exportación electrónica",
        "111" => "Nota de débito de exportación",
        "112" => "Nota de crédito de exportación",
        _ => "Documento " + tipo,
    };

    public static string Tramo(string codigo) => codigo switch
    {
        "por_vencer" => "Por vencer",
        "mas_120" => "Más de 120 días",
        _ => codigo + " días",
    };
}

/// <summary>The statement as an HTML page (Scriban template), ready to be printed to PDF.</summary>
public static class EstadoCuentaHtml
{
    private static readonly Lazy<Template> Plantilla = new(() =>
    {
        var t = Template.Parse(Fuente);
        if (t.HasErrors)
            throw new InvalidOperationException("Plantilla del estado de cuenta inválida: " + string.Join("; ", t.Messages));
        return t;
    });

    public static string Generar(EstadoCuentaDto e, DatosEmpresa? empresa, FichaCliente? ficha = null, DatosPagoEmpresa? pago = null)
    {
        var m = e.Moneda;
        pago ??= DatosPagoEmpresa.Vacio;
        var modelo = new
        {
            empresa = new
            {
                razon_social = empresa?.RazonSocial ?? "", rut = FormatoCl.Rut(empresa?.Rut),
                logo = pago.Logo is { } logo && pago.LogoContentType is { } tipo && tipo.StartsWith("image/", StringComparison.Ordinal)
                    ? $"data:{tipo};base64,{Convert.ToBase64String(logo)}" : "",
            },
            cliente = new
            {
                rut = FormatoCl.Rut(e.Cliente.Rut), rut_canonico = e.Cliente.Rut, razon_social = e.Cliente.RazonSocial,
                direccion = string.Join(", ", new[] { ficha?.Direccion, ficha?.Comuna, ficha?.Region }.Where(x => !string.IsNullOrWhiteSpace(x))),
                contacto = ficha?.ContactoNombre ?? "",
                contacto_medios = string.Join(" · ", new[] { ficha?.ContactoEmail, ficha?.ContactoTelefono }.Where(x => !string.IsNullOrWhiteSpace(x))),
            },
            cuentas = pago.Cuentas.Select(c => new
            {
                banco = c.Banco, tipo = TipoCuenta(c.TipoCuenta), numero = c.Numero, titular = c.Titular, rut = FormatoCl.Rut(c.RutTitular),
                email = c.EmailNotificacion ?? "",
            }).ToList(),
            fecha_corte = FormatoCl.Fecha(e.FechaCorte),
            desde = FormatoCl.Fecha(e.Desde),
            hasta = FormatoCl.Fecha(e.Hasta),
            saldo = FormatoCl.Monto(e.Saldo, m),
            saldo_vencido = FormatoCl.Monto(e.SaldoVencido, m),
            saldo_cedido_delegado = e.SaldoCedidoDelegado > 0 ? FormatoCl.Monto(e.SaldoCedidoDelegado, m) : "",
            saldo_a_favor = e.SaldoAFavor.Select(s => FormatoCl.Monto(s.Monto, s.Moneda)).ToList(),
            antiguedad = e.Antiguedad.Select(t => new { tramo = FormatoCl.Tramo(t.Codigo), monto = FormatoCl.Monto(t.Monto, m) }).ToList(),
            documentos = e.Documentos.Select(d => new
            {
                tipo = FormatoCl.TipoDocumento(d.Tipo), folio = d.Folio.ToString(CultureInfo.InvariantCulture),
                emision = FormatoCl.Fecha(d.FechaEmision), vencimiento = FormatoCl.Fecha(d.FechaVencimiento),
                total = FormatoCl.Monto(d.Total, d.Moneda), saldo = FormatoCl.Monto(d.Saldo, d.Moneda),
                dias = d.DiasVencido > 0 ? d.DiasVencido.ToString(CultureInfo.InvariantCulture) : "", vencido = d.DiasVencido > 0,
                cesion = MarcaCesion(d),
            }).ToList(),
            pagos = e.Pagos.Select(p => new
            {
                fecha = FormatoCl.Fecha(p.Fecha), monto = FormatoCl.Monto(p.Monto, p.Moneda), canal = p.Canal, referencia = p.Referencia ?? "",
                aplicado = string.Join(", ", p.Aplicaciones.Where(a => a.Activa).Select(a => $"{a.Tipo}-{a.Folio}: {FormatoCl.Monto(a.Monto, p.Moneda)}")),
            }).ToList(),
            protestos = e.Protestos.Select(p => new
            {
                fecha = FormatoCl.Fecha(p.FechaProtesto), fecha_cheque = FormatoCl.Fecha(p.FechaCheque), referencia = p.Referencia ?? "",
                monto = FormatoCl.Monto(p.Monto, p.Moneda), motivo = p.Motivo, costo = FormatoCl.Monto(p.Costo, p.Moneda),
                documentos = string.Join(", ", p.Documentos.Select(d => $"{d.Tipo}-{d.Folio}")),
            }).Concat((e.LetrasProtestadas ?? []).Select(l => new
            {
                fecha = FormatoCl.Fecha(l.Fecha), fecha_cheque = "", referencia = $"{FormatoCl.TipoDocumento(l.Tipo)} {l.Folio}",
                monto = FormatoCl.Monto(l.Saldo, l.Moneda), motivo = l.Motivo, costo = FormatoCl.Monto(l.Costo, Monedas.Clp),
                documentos = $"{l.Tipo}-{l.Folio}",
            })).ToList(),
        };
        return Plantilla.Value.Render(modelo, member => member.Name);
    }

    /// <summary>How the statement marks a document the debtor pays to the company while it belongs to a factor.</summary>
    public static string MarcaCesion(DocumentoAbiertoDto d) => d.CedidoDelegadoA is { } factor ? $"Cedido a {factor} (administración delegada)" : "";

    private static string TipoCuenta(string tipo) => tipo switch
    {
        "corriente" => "Cuenta corriente",
        "vista" => "Cuenta vista",
        "ahorro" => "Cuenta de ahorro",
        "rut" => "CuentaRUT",
        _ => tipo,
    };

    private const string Fuente = """
        <!DOCTYPE html>
        <html lang="es-CL">
        <head>
        <meta charset="utf-8">
        <title>Estado de cuenta {{ cliente.rut_canonico | html.escape }}</title>
        <style>
          @page { size: A4; margin: 14mm 12mm; }
          body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; color: #222; }
          h1 { font-size: 15pt; margin: 0 0 2mm; }
          h2 { font-size: 11pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
          .cabecera { display: flex; justify-content: space-between; align-items: flex-start; }
          .empresa { font-size: 12pt; font-weight: bold; }
          table { width: 100%; border-collapse: collapse; }
          th, td { padding: 1.2mm 1.5mm; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
          th { background: #f0f0f0; }
          td.n, th.n { text-align: right; white-space: nowrap; }
          .resumen td { border: none; padding: 0.8mm 1.5mm; }
          .vencido { color: #b00020; }
          .vacio { color: #777; font-style: italic; }
          .logo { max-height: 18mm; max-width: 60mm; display: block; margin-bottom: 2mm; }
        </style>
        </head>
        <body>
        <div class="cabecera">
          <div>
            {{ if empresa.logo != "" }}<img class="logo" src="{{ empresa.logo }}" alt="{{ empresa.razon_social | html.escape }}">{{ end }}
            <div class="empresa">{{ empresa.razon_social | html.escape }}</div>
            {{ if empresa.rut != "" }}<div>RUT {{ empresa.rut | html.escape }}</div>{{ end }}
          </div>
          <div style="text-align:right">
            <h1>Estado de cuenta</h1>
            <div>Fecha de corte: <strong>{{ fecha_corte }}</strong></div>
            <div>Pagos del período {{ desde }} al {{ hasta }}</div>
          </div>
        </div>

        <h2>Cliente</h2>
        <table class="resumen">
          <tr><td>RUT</td><td><strong>{{ cliente.rut | html.escape }}</strong></td></tr>
          <tr><td>Razón social</td><td><strong>{{ cliente.razon_social | html.escape }}</strong></td></tr>
          {{ if cliente.direccion != "" }}<tr><td>Dirección</td><td>{{ cliente.direccion | html.escape }}</td></tr>{{ end }}
          {{ if cliente.contacto != "" }}<tr><td>Contacto</td><td>{{ cliente.contacto | html.escape }}{{ if cliente.contacto_medios != "" }} · {{ cliente.contacto_medios | html.escape }}{{ end }}</td></tr>{{ end }}
        </table>

        <h2>Resumen</h2>
        <table class="resumen">
          <tr><td>Saldo</td><td class="n"><strong>{{ saldo }}</strong></td></tr>
          <tr><td>Saldo vencido</td><td class="n vencido"><strong>{{ saldo_vencido }}</strong></td></tr>
          {{ if saldo_cedido_delegado != "" }}<tr><td>Del saldo, cedido a factoring con administración delegada</td><td class="n">{{ saldo_cedido_delegado }}</td></tr>{{ end }}
          <tr><td>Saldo a favor</td><td class="n">{{ if saldo_a_favor.size == 0 }}$0{{ else }}{{ for s in saldo_a_favor }}{{ s }}{{ if !for.last }}<br>{{ end }}{{ end }}{{ end }}</td></tr>
        </table>

        <h2>Antigüedad de la deuda</h2>
        <table>
          <tr>{{ for t in antiguedad }}<th class="n">{{ t.tramo }}</th>{{ end }}</tr>
          <tr>{{ for t in antiguedad }}<td class="n">{{ t.monto }}</td>{{ end }}</tr>
        </table>

        <h2>Documentos pendientes</h2>
        {{ if documentos.size == 0 }}<p class="vacio">Sin documentos pendientes.</p>{{ else }}
        <table>
          <tr><th>Tipo</th><th class="n">Folio</th><th>Emisión</th><th>Vencimiento</th><th class="n">Total</th><th class="n">Saldo</th><th class="n">Días vencido</th><th>Cesión</th></tr>
          {{ for d in documentos }}
          <tr><td>{{ d.tipo }}</td><td class="n">{{ d.folio }}</td><td>{{ d.emision }}</td><td>{{ d.vencimiento }}</td><td class="n">{{ d.total }}</td><td class="n">{{ d.saldo }}</td><td class="n{{ if d.vencido }} vencido{{ end }}">{{ d.dias }}</td><td>{{ d.cesion | html.escape }}</td></tr>
          {{ end }}
        </table>
        {{ end }}

        <h2>Pagos del período</h2>
        {{ if pagos.size == 0 }}<p class="vacio">Sin pagos en el período.</p>{{ else }}
        <table>
          <tr><th>Fecha</th><th class="n">Monto</th><th>Canal</th><th>Referencia</th><th>Aplicado a</th></tr>
          {{ for p in pagos }}
          <tr><td>{{ p.fecha }}</td><td class="n">{{ p.monto }}</td><td>{{ p.canal | html.escape }}</td><td>{{ p.referencia | html.escape }}</td><td>{{ p.aplicado | html.escape }}</td></tr>
          {{ end }}
        </table>
        {{ end }}

        {{ if cuentas.size > 0 }}
        <h2>Cuentas para depositar</h2>
        <table>
          <tr><th>Banco</th><th>Cuenta</th><th>Número</th><th>Titular</th><th>RUT</th><th>Enviar comprobante a</th></tr>
          {{ for c in cuentas }}
          <tr><td>{{ c.banco | html.escape }}</td><td>{{ c.tipo | html.escape }}</td><td>{{ c.numero | html.escape }}</td><td>{{ c.titular | html.escape }}</td><td>{{ c.rut | html.escape }}</td><td>{{ c.email | html.escape }}</td></tr>
          {{ end }}
        </table>
        {{ end }}

        {{ if protestos.size > 0 }}
        <h2>Cheques protestados</h2>
        <table>
          <tr><th>Fecha protesto</th><th>Cheque</th><th>Fecha cheque</th><th class="n">Monto</th><th>Motivo</th><th class="n">Costo</th><th>Documentos</th></tr>
          {{ for p in protestos }}
          <tr><td>{{ p.fecha }}</td><td>{{ p.referencia | html.escape }}</td><td>{{ p.fecha_cheque }}</td><td class="n">{{ p.monto }}</td><td>{{ p.motivo | html.escape }}</td><td class="n">{{ p.costo }}</td><td>{{ p.documentos }}</td></tr>
          {{ end }}
        </table>
        {{ end }}
        </body>
        </html>
        """;
}

/// <summary>The statement as a workbook: Resumen, Documentos and Pagos sheets.</summary>
public static class EstadoCuentaXlsx
{
    public static Task<byte[]> GenerarAsync(EstadoCuentaDto e, DatosEmpresa? empresa, CancellationToken ct)
    {
        var resumen = new List<Dictionary<string, object?>>
        {
            Fila("Empresa", Formulas.Neutralizar(empresa?.RazonSocial)),
            Fila("RUT empresa", empresa?.Rut),
            Fila("RUT cliente", e.Cliente.Rut),
            Fila("Razón social", Formulas.Neutralizar(e.Cliente.RazonSocial)),
            Fila("Fecha de corte", e.FechaCorte.ToDateTime(TimeOnly.MinValue)),
            Fila("Pagos desde", e.Desde.ToDateTime(TimeOnly.MinValue)),
            Fila("Pagos hasta", e.Hasta.ToDateTime(TimeOnly.MinValue)),
            Fila("Moneda", e.Moneda),
            Fila("Saldo", e.Saldo),
            Fila("Saldo vencido", e.SaldoVencido),
            Fila("Del saldo, cedido con administración delegada", e.SaldoCedidoDelegado),
        };
        resumen.AddRange(e.Antiguedad.Select(t => Fila("Antigüedad " + FormatoCl.Tramo(t.Codigo), t.Monto)));
        resumen.AddRange(e.SaldoAFavor.Select(s => Fila("Saldo a favor " + s.Moneda, s.Monto)));
        resumen.AddRange(e.Protestos.Select(p => Fila($"Protesto {FormatoCl.Fecha(p.FechaProtesto)} {p.Referencia} ({p.Motivo})", p.Monto)));
        resumen.AddRange((e.LetrasProtestadas ?? []).Select(l => Fila($"Protesto {FormatoCl.Fecha(l.Fecha)} {FormatoCl.TipoDocumento(l.Tipo)} {l.Folio} ({l.Motivo})", l.Saldo)));

        var documentos = e.Documentos.Select(d => new Dictionary<string, object?>
        {
            ["Tipo"] = d.Tipo, ["Descripcion"] = FormatoCl.TipoDocumento(d.Tipo), ["Folio"] = d.Folio,
            ["FechaEmision"] = d.FechaEmision.ToDateTime(TimeOnly.MinValue), ["FechaVencimiento"] = d.FechaVencimiento.ToDateTime(TimeOnly.MinValue),
            ["Moneda"] = d.Moneda, ["Total"] = d.Total, ["Saldo"] = d.Saldo, ["DiasVencido"] = d.DiasVencido,
            ["Cesion"] = Formulas.Neutralizar(EstadoCuentaHtml.MarcaCesion(d)),
        }).ToList();
        var pagos = e.Pagos.Select(p => new Dictionary<string, object?>
        {
            ["Fecha"] = p.Fecha.ToDateTime(TimeOnly.MinValue), ["Monto"] = p.Monto, ["Moneda"] = p.Moneda, ["Canal"] = p.Canal, ["Referencia"] = Formulas.Neutralizar(p.Referencia),
            ["AplicadoA"] = string.Join(", ", p.Aplicaciones.Where(a => a.Activa).Select(a => $"{a.Tipo}-{a.Folio}: {FormatoCl.Monto(a.Monto, p.Moneda)}")),
        }).ToList();

        var hojas = new Dictionary<string, object>
        {
            ["Resumen"] = resumen,
            ["Documentos"] = documentos.Count > 0 ? documentos : [Vacia("Tipo", "Descripcion", "Folio", "FechaEmision", "FechaVencimiento", "Moneda", "Total", "Saldo", "DiasVencido", "Cesion")],
            ["Pagos"] = pagos.Count > 0 ? pagos : [Vacia("Fecha", "Monto", "Moneda", "Canal", "Referencia", "AplicadoA")],
        };
        // MiniExcel's async writer puts <drawing> inside <sheetData> (invalid OOXML); the synchronous one writes it after, and the stream is in memory.
        ct.ThrowIfCancellationRequested();
        using var salida = new MemoryStream();
        salida.SaveAs(hojas);
        return Task.FromResult(salida.ToArray());
    }

    private static Dictionary<string, object?> Fila(string concepto, object? valor) => new() { ["Concepto"] = concepto, ["Valor"] = valor };

    private static Dictionary<string, object?> Vacia(params string[] columnas) => columnas.ToDictionary(c => c, _ => (object?)null);
}
