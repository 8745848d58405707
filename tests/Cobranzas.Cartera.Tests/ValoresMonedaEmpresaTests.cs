using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Api.Infraestructura;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// The UF and the dólar observado are a national series that only the installation's operator loads (console command); each
/// company may override a date for itself, and no company changes what another one sees.
/// </summary>
public sealed class ValoresMonedaEmpresaTests : PruebaCartera
{
    private EmpresaPrueba _otra = null!;
    private HttpClient _apiOtra = null!;
    private string _clienteOtra = null!;

    [SetUp]
    public async Task CrearOtraEmpresaAsync()
    {
        _otra = await Fixture.CrearEmpresaAsync("Comercial Del Sur");
        _apiOtra = await Fixture.ClienteHttpAsync(_otra);
        _clienteOtra = (await _apiOtra.CrearClienteAsync()).Id();
    }

    private async Task CargarNacionalAsync(string comando, params (DateOnly Fecha, decimal Valor)[] valores)
    {
        var archivo = Path.Combine(Path.GetTempPath(), $"valores-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(archivo, ["fecha,valor", .. valores.Select(v => $"{F(v.Fecha)},{v.Valor.ToString(System.Globalization.CultureInfo.InvariantCulture)}")]);
        try
        {
            var salida = await ComandosConsola.CargarValoresAsync(Fixture.Factory.Services, ["valores", comando, archivo], TextWriter.Null, TextWriter.Null);
            Assert.That(salida, Is.Zero, $"el comando {comando} termina bien");
        }
        finally
        {
            File.Delete(archivo);
        }
    }

    private static object FacturaUf(long folio, decimal total, string clienteId, DateOnly emision, DateOnly vencimiento) =>
        new { tipo = "33", folio, clienteId, fechaEmision = F(emision), fechaVencimiento = F(vencimiento), moneda = "UF", neto = total, exento = 0m, iva = 0m, total };

    private static async Task<decimal> TotalAntiguedadAsync(HttpClient api, DateOnly corte) =>
        (decimal)(await (await api.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={F(corte)}")).JsonAsync())["total"]!;

    private static async Task<JsonNode> ValorAsync(HttpClient api, string serie, DateOnly fecha)
    {
        var lista = (await (await api.GetAsync($"/api/v1/{serie}?desde={F(fecha)}&hasta={F(fecha)}")).JsonAsync()).AsArray();
        Assert.That(lista, Has.Count.EqualTo(1), $"{serie} del {F(fecha)}");
        return lista[0]!;
    }

    [Test]
    public async Task El_comando_carga_la_serie_nacional_que_ven_todas_las_empresas()
    {
        await CargarNacionalAsync("cargar-uf", (Hoy, 39_000m), (Hoy.AddDays(-1), 38_990.5m));
        await CargarNacionalAsync("cargar-dolar", (Hoy, 950.25m));

        foreach (var api in new[] { Api, _apiOtra })
        {
            var uf = await ValorAsync(api, "valores-uf", Hoy);
            Assert.That(((decimal)uf["valor"]!, (string?)uf["origen"]), Is.EqualTo((39_000m, "nacional")));
            var dolar = await ValorAsync(api, "valores-dolar", Hoy);
            Assert.That(((decimal)dolar["valor"]!, (string?)dolar["origen"]), Is.EqualTo((950.25m, "nacional")));
        }
    }

    [Test]
    public async Task El_valor_propio_de_una_empresa_cambia_su_antiguedad_y_exposicion_y_no_las_de_otra()
    {
        await CargarNacionalAsync("cargar-uf", (Hoy, 40_000m));
        await CrearDocumentoAsync(FacturaUf(1, 10m, ClienteId, Hoy.AddDays(-5), Hoy.AddDays(25)));
        await (await _apiOtra.PostAsJsonAsync("/api/v1/documentos", FacturaUf(1, 10m, _clienteOtra, Hoy.AddDays(-5), Hoy.AddDays(25)))).JsonAsync(201);
        Assert.That((await TotalAntiguedadAsync(Api, Hoy), await TotalAntiguedadAsync(_apiOtra, Hoy)), Is.EqualTo((400_000m, 400_000m)));

        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy), valor = 50_000m } })).EsperarAsync(HttpStatusCode.NoContent);

        Assert.That(await TotalAntiguedadAsync(Api, Hoy), Is.EqualTo(500_000m), "la empresa A usa su propio valor");
        Assert.That(await TotalAntiguedadAsync(_apiOtra, Hoy), Is.EqualTo(400_000m), "la empresa B sigue con el valor nacional");
        var exposicionA = (decimal)(await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/credito")).JsonAsync())["exposicion"]!;
        var exposicionB = (decimal)(await (await _apiOtra.GetAsync($"/api/v1/clientes/{_clienteOtra}/credito")).JsonAsync())["exposicion"]!;
        Assert.That((exposicionA, exposicionB), Is.EqualTo((500_000m, 400_000m)));

        var propio = await ValorAsync(Api, "valores-uf", Hoy);
        Assert.That(((decimal)propio["valor"]!, (string?)propio["origen"]), Is.EqualTo((50_000m, "empresa")));
        var ajeno = await ValorAsync(_apiOtra, "valores-uf", Hoy);
        Assert.That(((decimal)ajeno["valor"]!, (string?)ajeno["origen"]), Is.EqualTo((40_000m, "nacional")));
    }

    [Test]
    public async Task La_importacion_de_dolar_de_una_empresa_no_toca_el_valor_nacional_ni_el_de_otra()
    {
        await CargarNacionalAsync("cargar-dolar", (Hoy, 900m));
        using var contenido = new MultipartFormDataContent();
        contenido.Add(new StringContent($"fecha,valor\n{F(Hoy)},999.99\n{F(Hoy.AddDays(-1))},998.00\n"), "archivo", "dolar.csv");
        var resultado = await (await Api.PostAsync("/api/v1/importaciones/valores-dolar", contenido)).JsonAsync();
        Assert.That(((bool)resultado["aplicado"]!, (int)resultado["creados"]!), Is.EqualTo((true, 2)));

        var propio = await ValorAsync(Api, "valores-dolar", Hoy);
        Assert.That(((decimal)propio["valor"]!, (string?)propio["origen"]), Is.EqualTo((999.99m, "empresa")));
        var ajeno = await ValorAsync(_apiOtra, "valores-dolar", Hoy);
        Assert.That(((decimal)ajeno["valor"]!, (string?)ajeno["origen"]), Is.EqualTo((900m, "nacional")));
        var ayerOtra = (await (await _apiOtra.GetAsync($"/api/v1/valores-dolar?desde={F(Hoy.AddDays(-1))}&hasta={F(Hoy.AddDays(-1))}")).JsonAsync()).AsArray();
        Assert.That(ayerOtra, Is.Empty, "la fecha que sólo A cargó no existe para B");
    }

    [Test]
    public async Task Un_administrador_no_puede_escribir_la_serie_nacional_por_la_api()
    {
        await CargarNacionalAsync("cargar-uf", (Hoy, 40_000m));
        await CrearDocumentoAsync(FacturaUf(1, 10m, ClienteId, Hoy.AddDays(-5), Hoy.AddDays(25)));

        // Everything an administrator can send about UF values: a body that claims to be national (refused), the PUT and the import.
        var nacional = await (await _apiOtra.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy), valor = 1m, origen = "nacional" } })).ProblemaAsync(400);
        Assert.That(nacional.CamposConError(), Is.EqualTo(new[] { "[0].origen" }));
        await (await _apiOtra.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy), valor = 1m } })).EsperarAsync(HttpStatusCode.NoContent);
        using var contenido = new MultipartFormDataContent();
        contenido.Add(new StringContent($"fecha,valor,origen\n{F(Hoy.AddDays(-1))},2.00,nacional\n"), "archivo", "uf.csv");
        await (await _apiOtra.PostAsync("/api/v1/importaciones/valores-uf", contenido)).JsonAsync();

        var visto = await ValorAsync(Api, "valores-uf", Hoy);
        Assert.That(((decimal)visto["valor"]!, (string?)visto["origen"]), Is.EqualTo((40_000m, "nacional")));
        Assert.That((await (await Api.GetAsync($"/api/v1/valores-uf?desde={F(Hoy.AddDays(-1))}&hasta={F(Hoy.AddDays(-1))}")).JsonAsync()).AsArray(), Is.Empty);
        Assert.That(await TotalAntiguedadAsync(Api, Hoy), Is.EqualTo(400_000m));
        Assert.That(((decimal)(await ValorAsync(_apiOtra, "valores-uf", Hoy))["valor"]!, (string?)(await ValorAsync(_apiOtra, "valores-uf", Hoy))["origen"]), Is.EqualTo((1m, "empresa")));
    }

    [Test]
    public async Task El_comando_rechaza_un_archivo_con_errores_sin_cargar_nada()
    {
        var archivo = Path.Combine(Path.GetTempPath(), $"valores-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(archivo, $"fecha,valor\n{F(Hoy)},39000\nmañana,1\n");
        var errores = new StringWriter();
        try
        {
            Assert.That(await ComandosConsola.CargarValoresAsync(Fixture.Factory.Services, ["valores", "cargar-uf", archivo], TextWriter.Null, errores), Is.Not.Zero);
        }
        finally
        {
            File.Delete(archivo);
        }

        Assert.That(errores.ToString(), Does.Contain("fecha"));
        Assert.That((await (await Api.GetAsync("/api/v1/valores-uf")).JsonAsync()).AsArray(), Is.Empty);
    }
}
