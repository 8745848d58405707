using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cobranzas.Testing;
using Cobranzas.Testing.OpenApi;

namespace Cobranzas.Api.Tests.Generados;

/// <summary>
/// Everything company B reads (every GET of the OpenAPI document: lists, searches, the aging at today and at a past cut-off,
/// the provision, the statement and its files, the exports) is byte for byte the same before and after company A changes its
/// data heavily: clients with B's RUTs, documents with B's folios, payments, batches, imports, write-offs, its own UF and dólar
/// values and its own aging buckets. Whole payloads are compared, so every figure is.
/// </summary>
public sealed partial class AgregadosAisladosTests
{
    private static readonly Dictionary<string, Lectura> Antes = [];
    private static readonly Dictionary<string, Lectura> Despues = [];
    private static readonly Dictionary<string, List<string>> UrlsPorOperacion = [];
    private static JsonNode _antiguedadAAntes = null!;
    private static JsonNode _antiguedadADespues = null!;

    private sealed record Lectura(int Estado, string Contenido);

    public static IEnumerable<TestCaseData> Lecturas() =>
        DocumentoOpenApi.DelRepositorio.Operaciones.Where(o => o.Metodo == "GET" && !o.Anonima && !o.EsPortal && !o.EsAgencia).Select(DocumentoOpenApi.Caso);

    public static Cobertura Cobertura =>
        Cobertura.De(
            nameof(AgregadosAisladosTests),
            new Dictionary<string, Func<IEnumerable<TestCaseData>>> { [nameof(Lecturas)] = Lecturas },
            new Exclusion("escritura: lo que la empresa A escribe es el cambio que se mide, y lo que B lee se compara", o => o.EsEscritura),
            new Exclusion("anónima por token de invitación: no lee datos de empresa", o => o.Metodo == "GET" && o.Anonima),
            new Exclusion("sesión del portal de clientes: ninguna credencial del personal la abre; su aislamiento entre clientes y empresas lo prueba PortalSesionTests", o => o.EsPortal),
            new Exclusion("clave de una agencia de cobranza: ninguna credencial del personal la abre (403); su alcance (solo sus documentos derivados, 404 con los ajenos) lo prueba AgenciasTests", o => o.EsAgencia),
            new Exclusion("lectura por POST de las filas elegidas: lee solo los ids de su cuerpo, cuyo aislamiento prueban los ids en el cuerpo", o => o.EsLecturaPorPost));

    private static DateOnly Hoy => Cobranzas.SharedKernel.Tiempo.FechaNegocio.Hoy(Fixture.Reloj);

    private static DateOnly CortePasado => Hoy.AddDays(-20);

    private static string F(DateOnly d) => d.ToString("yyyy-MM-dd");

    [OneTimeSetUp]
    public async Task PrepararAsync()
    {
        Antes.Clear();
        Despues.Clear();
        UrlsPorOperacion.Clear();
        await Fixture.ReiniciarBaseAsync();
        var a = await RecursosEmpresa.CrearAsync(await Fixture.CrearEmpresaAsync("Alfa Cambiante"));
        var b = await RecursosEmpresa.CrearAsync(await Fixture.CrearEmpresaAsync("Beta Quieta"));
        var cartera = await SembrarCarteraAsync(b.Admin, folioBase: 1);
        await SembrarCarteraAsync(a.Admin, folioBase: 5000);

        foreach (var op in DocumentoOpenApi.DelRepositorio.Operaciones.Where(o => o.Metodo == "GET" && !o.Anonima && !o.EsPortal && !o.EsAgencia))
        {
            var url = await b.UrlAsync(op);
            UrlsPorOperacion[op.Id] = Variantes(op.Id, url, cartera).ToList();
        }

        foreach (var url in UrlsPorOperacion.Values.SelectMany(u => u))
            Antes[url] = await LeerAsync(b.Admin, url);
        _antiguedadAAntes = await (await a.Admin.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={F(Hoy)}")).JsonAsync();

        await CambiarTodoEnAAsync(a.Admin, cartera);

        foreach (var url in UrlsPorOperacion.Values.SelectMany(u => u))
            Despues[url] = await LeerAsync(b.Admin, url);
        _antiguedadADespues = await (await a.Admin.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={F(Hoy)}")).JsonAsync();
    }

    [TestCaseSource(nameof(Lecturas))]
    public void Lo_que_lee_la_empresa_B_no_cambia_cuando_A_cambia_sus_datos(Operacion op)
    {
        Assert.That(UrlsPorOperacion.TryGetValue(op.Id, out var urls), Is.True, $"{op} no se leyó");
        foreach (var url in urls!)
        {
            Assert.That(Antes[url].Estado, Is.EqualTo(200), $"GET {url} antes: {Antes[url].Contenido}");
            Assert.That(Despues[url], Is.EqualTo(Antes[url]), $"GET {url} cambió para B cuando A cambió sus datos: {PrimeraDiferencia(Antes[url].Contenido, Despues[url].Contenido)}");
        }
    }

    private static string PrimeraDiferencia(string antes, string despues)
    {
        var i = 0;
        while (i < antes.Length && i < despues.Length && antes[i] == despues[i])
            i++;
        string Trozo(string s) => s.Substring(Math.Max(0, i - 80), Math.Min(s.Length - Math.Max(0, i - 80), 200));
        return i == antes.Length && i == despues.Length ? "(mismo contenido)" : $"en el carácter {i}: antes «{Trozo(antes)}», después «{Trozo(despues)}»";
    }

    [Test]
    public void Las_cifras_comparadas_no_son_vacias_y_las_de_A_si_cambiaron()
    {
        var hoy = JsonNode.Parse(Antes[$"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={F(Hoy)}"].Contenido)!;
        var pasado = JsonNode.Parse(Antes[$"/api/v1/cartera/antiguedad?agrupar=cliente&fechaCorte={F(CortePasado)}"].Contenido)!;
        Assert.That((decimal)hoy["total"]!, Is.GreaterThan(1_000_000m), "B tiene cartera (CLP, UF y USD) a hoy");
        Assert.That((decimal)pasado["total"]!, Is.GreaterThan(0m), "B tiene cartera al corte pasado");
        Assert.That((decimal)_antiguedadADespues["total"]!, Is.Not.EqualTo((decimal)_antiguedadAAntes["total"]!), "los cambios de A sí movieron su propia antigüedad");
        Assert.That(Antes.Values.Count(l => l.Contenido.Length > 50), Is.GreaterThan(40), "lecturas con contenido");
    }

    private sealed record CarteraSembrada(string ClienteCompartido, string RutCompartido, string RazonCompartida, string RutSoloB, long FolioCompartido);

    /// <summary>Two clients, CLP/UF/USD invoices over several months, a payment with a balance in favour; the UF and dólar of today and of the past cut-off.</summary>
    private static async Task<CarteraSembrada> SembrarCarteraAsync(HttpClient api, long folioBase)
    {
        foreach (var (serie, hoy, pasado) in new[] { ("valores-uf", 39_000m, 38_900m), ("valores-dolar", 950m, 940m) })
        {
            // The portfolio KPIs read the balances at the last month-ends too (the trend and the period's opening balance).
            var finesDeMes = Enumerable.Range(0, 3).Select(i => new DateOnly(Hoy.Year, Hoy.Month, 1).AddMonths(-i).AddDays(-1));
            var valores = new[] { (Fecha: Hoy, Valor: hoy), (Fecha: CortePasado, Valor: pasado) }.Concat(finesDeMes.Select(f => (Fecha: f, Valor: pasado)))
                .DistinctBy(v => v.Fecha).Select(v => new { fecha = F(v.Fecha), valor = v.Valor }).ToArray();
            await (await api.PutAsJsonAsync($"/api/v1/{serie}", valores)).EsperarAsync(HttpStatusCode.NoContent);
        }

        var rutCompartido = RutCompartido ??= Testing.Datos.RutNuevo();
        var rutSoloB = RutSoloB ??= Testing.Datos.RutNuevo();
        var compartido = await api.CrearClienteAsync(Testing.Datos.Cliente(rutCompartido, $"Compartido {folioBase} Limitada"));
        var otro = await api.CrearClienteAsync(Testing.Datos.Cliente(folioBase == 1 ? rutSoloB : Testing.Datos.RutNuevo(), $"Propio {folioBase} SpA"));
        var folio = 700L;
        foreach (var (cliente, moneda, total, emision) in new[]
                 {
                     (compartido.Id(), "CLP", 1_190_000m, Hoy.AddDays(-90)), (compartido.Id(), "UF", 12.5m, Hoy.AddDays(-45)), (otro.Id(), "USD", 1_000.5m, Hoy.AddDays(-30)),
                     (otro.Id(), "CLP", 250_000m, Hoy.AddDays(-10)), (compartido.Id(), "CLP", 80_000m, Hoy.AddDays(-2)),
                 })
        {
            await (await api.PostAsJsonAsync("/api/v1/documentos", new
            {
                tipo = "33", folio = folio++, clienteId = cliente, fechaEmision = F(emision), fechaVencimiento = F(emision.AddDays(30)), moneda, neto = total, exento = 0m,
                iva = 0m, total,
            })).JsonAsync(201);
        }

        await (await api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = compartido.Id(), fecha = F(Hoy.AddDays(-15)), monto = 400_000m, moneda = "CLP", canal = "transferencia", referencia = $"TRF-{folioBase}",
            aplicacion = "automatica",
        })).JsonAsync(201);
        await (await api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = otro.Id(), fecha = F(Hoy.AddDays(-1)), monto = 300_000m, moneda = "CLP", canal = "transferencia", referencia = $"SOBRA-{folioBase}",
            aplicacion = "automatica",
        })).JsonAsync(201);
        return new CarteraSembrada(compartido.Id(), rutCompartido, $"Compartido {folioBase}", rutSoloB, 700);
    }

    private static string? RutCompartido;
    private static string? RutSoloB;

    /// <summary>Company A: B's RUTs and folios, payments, both batches, both imports, a write-off, a cancellation, its own UF and dólar and buckets.</summary>
    private static async Task CambiarTodoEnAAsync(HttpClient a, CarteraSembrada deB)
    {
        // B's only-own RUT now also exists in A, by the client import; A's copy of the shared RUT changes name by the same import.
        using (var archivo = new MultipartFormDataContent
               {
                   {
                       new ByteArrayContent(Encoding.UTF8.GetBytes(
                           $"rut,razonSocial,segmento,cuentaClave\n{deB.RutSoloB},Copia de B en A SpA,Retail,no\n{deB.RutCompartido},Renombrado en A Limitada,Corporativo,sí\n")),
                       "archivo", "clientes.csv"
                   },
               })
        {
            var r = await (await a.PostAsync("/api/v1/importaciones/clientes", archivo)).JsonAsync();
            Assert.That((bool?)r["aplicado"], Is.True, r.ToJsonString());
        }

        // B's folios 700-704 already exist in A (its own seed); these add folios B also uses for other types and B's next folios.
        var lote = Enumerable.Range(0, 30).Select(i => new
        {
            tipo = "33", folio = 705L + i, rut = i % 2 == 0 ? deB.RutCompartido : deB.RutSoloB, fechaEmision = F(Hoy.AddDays(-i * 3)),
            fechaVencimiento = F(Hoy.AddDays(-i * 3 + 30)), moneda = i % 5 == 0 ? "UF" : "CLP", neto = i % 5 == 0 ? 3.25m : 10_000m * (i + 1), exento = 0m, iva = 0m,
            total = i % 5 == 0 ? 3.25m : 10_000m * (i + 1),
        }).ToArray();
        var resultadoLote = await (await a.PostAsJsonAsync("/api/v1/documentos/lote", lote)).JsonAsync();
        Assert.That((bool?)resultadoLote["aplicado"], Is.True, resultadoLote.ToJsonString());

        using (var archivo = new MultipartFormDataContent
               {
                   {
                       new ByteArrayContent(Encoding.UTF8.GetBytes(
                           $"tipo,folio,rut,fechaEmision,fechaVencimiento,moneda,neto,iva,total\n34,700,{deB.RutCompartido},{F(CortePasado)},{F(Hoy)},CLP,500000,0,500000\n33,800,{deB.RutSoloB},{F(Hoy.AddDays(-60))},{F(Hoy.AddDays(-30))},CLP,100000,19000,119000\n")),
                       "archivo", "documentos.csv"
                   },
               })
        {
            var r = await (await a.PostAsync("/api/v1/importaciones/documentos", archivo)).JsonAsync();
            Assert.That((bool?)r["aplicado"], Is.True, r.ToJsonString());
        }

        var pagos = Enumerable.Range(0, 10).Select(i => new
        {
            rut = i % 2 == 0 ? deB.RutCompartido : deB.RutSoloB, fecha = F(Hoy.AddDays(-i)), monto = 7_000m * (i + 1), moneda = "CLP", canal = "transferencia",
            referencia = $"LOTE-A-{i}", aplicacion = "automatica",
        }).ToArray();
        var resultadoPagos = await (await a.PostAsJsonAsync("/api/v1/pagos/lote", pagos)).JsonAsync();
        Assert.That((bool?)resultadoPagos["aplicado"], Is.True, resultadoPagos.ToJsonString());
        var clienteA = (string)(await (await a.GetAsync($"/api/v1/clientes?buscar={deB.RutCompartido}")).JsonAsync())["items"]![0]!["id"]!;
        await (await a.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = clienteA, fecha = F(CortePasado), monto = 123_456m, moneda = "CLP", canal = "transferencia", referencia = "TRF-1", aplicacion = "automatica",
        })).JsonAsync(201);

        var documentos = (await (await a.GetAsync("/api/v1/documentos?orden=folio&tamanoPagina=100")).JsonAsync())["items"]!.AsArray();
        var abiertos = documentos.Where(d => (decimal)d!["saldo"]! > 0 && (string?)d["tipo"] == "33").Select(d => d!.Id()).ToList();
        await (await a.PostAsJsonAsync($"/api/v1/documentos/{abiertos[0]}/castigar", new { fecha = F(Hoy), motivo = "Castigo de A" })).JsonAsync();
        await (await a.PostAsJsonAsync($"/api/v1/documentos/{abiertos[1]}/castigar", new { fecha = F(CortePasado.AddDays(-1)), motivo = "Castigo de A antes del corte" })).JsonAsync();

        foreach (var serie in new[] { "valores-uf", "valores-dolar" })
        {
            await (await a.PutAsJsonAsync($"/api/v1/{serie}", new[] { new { fecha = F(Hoy), valor = 77.77m }, new { fecha = F(CortePasado), valor = 11.11m } }))
                .EsperarAsync(HttpStatusCode.NoContent);
        }

        using (var archivo = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes($"fecha,valor\n{F(Hoy.AddDays(-1))},12345.67\n")), "archivo", "uf.csv" } })
            await (await a.PostAsync("/api/v1/importaciones/valores-uf", archivo)).JsonAsync();

        await (await a.PutAsJsonAsync("/api/v1/cartera/configuracion", new
        {
            limitesTramos = new[] { 10, 20 }, ordenImputacion = "emision", porcentajesProvision = new[] { 1m, 50m, 75m, 100m }, cuentaContableConReferencia = "1101",
            cuentaContableSinReferencia = "1102",
        })).JsonAsync();
    }

    /// <summary>The operation's plain URL and, for the reports and searches, the parameters that change what is summed or found.</summary>
    private static IEnumerable<string> Variantes(string operacion, string url, CarteraSembrada b)
    {
        yield return url;
        var y = url.Contains('?') ? "&" : "?";
        IEnumerable<string> extras = operacion switch
        {
            "AntiguedadCartera" =>
            [
                $"agrupar=empresa&fechaCorte={F(Hoy)}", $"agrupar=cliente&fechaCorte={F(CortePasado)}", $"agrupar=empresa&fechaCorte={F(CortePasado)}&base=emision",
                $"clienteId={b.ClienteCompartido}",
            ],
            "CalcularProvision" => [$"fechaCorte={F(Hoy)}", $"fechaCorte={F(CortePasado)}"],
            "ObtenerEstadoCuenta" or "ObtenerEstadoCuentaXlsx" or "ObtenerEstadoCuentaPdf" => [$"fechaCorte={F(CortePasado)}", $"desde={F(Hoy.AddDays(-120))}&hasta={F(Hoy)}"],
            "ExportarClientes" => ["formato=csv", "formato=xlsx", $"formato=csv&buscar={Uri.EscapeDataString(b.RutCompartido)}"],
            "ListarClientes" => [$"buscar={Uri.EscapeDataString(b.RutCompartido)}", $"buscar={Uri.EscapeDataString(b.RutSoloB)}", "buscar=Compartido", "orden=rut"],
            "ListarDocumentos" =>
            [
                "estado=vencido", "estado=por_vencer", "tipo=33&orden=folio", $"clienteId={b.ClienteCompartido}", $"vencimientoDesde={F(Hoy.AddDays(-90))}&vencimientoHasta={F(Hoy)}",
                "tramo=31-60", "origen=manual",
            ],
            "ListarPagos" => ["conSaldoAFavor=true", $"desde={F(CortePasado)}&hasta={F(Hoy)}"],
            "ListarValoresUf" or "ListarValoresDolar" => [$"desde={F(CortePasado)}&hasta={F(Hoy)}"],
            "BuscarContactos" => ["buscar=Contacto"],
            "ListarAuditoria" => ["entidad=Documento"],
            _ => [],
        };
        foreach (var extra in extras)
            yield return url + y + extra;
    }

    private static async Task<Lectura> LeerAsync(HttpClient api, string url)
    {
        var respuesta = await api.GetAsync(url);
        var bytes = await respuesta.Content.ReadAsByteArrayAsync();
        var tipo = respuesta.Content.Headers.ContentType?.MediaType ?? "";
        var contenido = tipo switch
        {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => ContenidoXlsx(bytes),
            "application/pdf" => ContenidoPdf(bytes),
            "application/zip" => ContenidoZip(bytes),
            _ => Encoding.UTF8.GetString(bytes),
        };
        return new Lectura((int)respuesta.StatusCode, contenido);
    }

    /// <summary>
    /// Every part of the workbook but its document properties (which carry the moment it was written), with the random
    /// relationship ids the writer gives each file made equal.
    /// </summary>
    private static string ContenidoXlsx(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var texto = new StringBuilder();
        foreach (var parte in zip.Entries.Where(e => !e.FullName.StartsWith("docProps/", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var lector = new StreamReader(parte.Open());
            texto.Append(parte.FullName).Append('\n').Append(lector.ReadToEnd()).Append('\n');
        }

        return IdsRelacion().Replace(texto.ToString(), "R…");
    }

    /// <summary>Each file of the archive by name (its PDFs without their print stamps), not the moment each entry was written.</summary>
    private static string ContenidoZip(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var texto = new StringBuilder();
        foreach (var parte in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var contenido = new MemoryStream();
            parte.Open().CopyTo(contenido);
            var archivo = contenido.ToArray();
            texto.Append(parte.FullName).Append('\n')
                .Append(parte.FullName.EndsWith(".pdf", StringComparison.Ordinal) ? ContenidoPdf(archivo) : Encoding.UTF8.GetString(archivo)).Append('\n');
        }

        return texto.ToString();
    }

    /// <summary>The PDF without the dates and file id the printer stamps on each print.</summary>
    private static string ContenidoPdf(byte[] bytes) => MarcasDeImpresion().Replace(Encoding.Latin1.GetString(bytes), "");

    [GeneratedRegex(@"\bR[0-9a-f]{32}\b")]
    private static partial Regex IdsRelacion();

    [GeneratedRegex(@"/(CreationDate|ModDate)\s*\([^)]*\)|/ID\s*\[[^\]]*\]")]
    private static partial Regex MarcasDeImpresion();
}
