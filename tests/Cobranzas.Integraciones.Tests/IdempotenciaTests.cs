using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cobranzas.Platform.Trabajos;
using Cobranzas.Testing;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cobranzas.Integraciones.Tests;

/// <summary>Idempotency-Key (issue 12 §3) on three different POSTs: a client, a document and a payment.</summary>
public sealed class IdempotenciaTests : PruebaIntegraciones
{
    private const string Encabezado = "Idempotency-Key";

    private static HttpRequestMessage Post(string ruta, object cuerpo, string? clave)
    {
        var solicitud = new HttpRequestMessage(HttpMethod.Post, ruta) { Content = new StringContent(JsonSerializer.Serialize(cuerpo), Encoding.UTF8, "application/json") };
        if (clave is not null)
            solicitud.Headers.TryAddWithoutValidation(Encabezado, clave);
        return solicitud;
    }

    private static string Clave() => Guid.NewGuid().ToString();

    /// <summary>The three POSTs: path, a body factory (a new body each call, same content for the same seed) and the list that counts what was created.</summary>
    private async Task<(string Ruta, Func<int, object> Cuerpo, Func<Task<int>> Contar)> OperacionAsync(string cual)
    {
        switch (cual)
        {
            case "cliente":
                var rut = Datos.RutNuevo();
                var otroRut = Datos.RutNuevo();
                return ("/api/v1/clientes", n => Datos.Cliente(rut: n == 0 ? rut : otroRut, razonSocial: $"Idempotente {n} SpA"),
                    async () => (await (await Api.GetAsync("/api/v1/clientes?buscar=Idempotente")).JsonAsync())["items"]!.AsArray().Count);
            case "documento":
                return ("/api/v1/documentos", n => new
                {
                    tipo = "33", folio = 9000 + n, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy.AddDays(30)), moneda = "CLP", neto = 1000m + n, exento = 0m, iva = 0m,
                    total = 1000m + n,
                },
                    async () => (await (await Api.GetAsync($"/api/v1/documentos?clienteId={ClienteId}")).JsonAsync())["items"]!.AsArray().Count);
            default:
                await FacturaAsync(1, 100_000m, Hoy.AddDays(-10), Hoy.AddDays(20));
                return ("/api/v1/pagos", n => new { clienteId = ClienteId, fecha = F(Hoy), monto = 1000m + n, moneda = "CLP", canal = "transferencia", referencia = $"Transf {n}", aplicacion = "automatica" },
                    async () => (await (await Api.GetAsync($"/api/v1/pagos?clienteId={ClienteId}")).JsonAsync())["items"]!.AsArray().Count);
        }
    }

    [TestCase("cliente")]
    [TestCase("documento")]
    [TestCase("pago")]
    public async Task La_misma_clave_con_el_mismo_cuerpo_repite_la_primera_respuesta_sin_crear_otra_vez(string cual)
    {
        var (ruta, cuerpo, contar) = await OperacionAsync(cual);
        var clave = Clave();

        var primera = await Api.SendAsync(Post(ruta, cuerpo(0), clave));
        var textoPrimera = await primera.TextoAsync(201);
        var segunda = await Api.SendAsync(Post(ruta, cuerpo(0), clave));
        var textoSegunda = await segunda.TextoAsync(201);

        Assert.That(textoSegunda, Is.EqualTo(textoPrimera));
        Assert.That(segunda.Headers.Location, Is.EqualTo(primera.Headers.Location));
        Assert.That(segunda.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(segunda.Headers.TryGetValues("Idempotent-Replayed", out var repetida) && repetida.Single() == "true");
        Assert.That(primera.Headers.Contains("Idempotent-Replayed"), Is.False);
        Assert.That(await contar(), Is.EqualTo(1));
    }

    [TestCase("cliente")]
    [TestCase("documento")]
    [TestCase("pago")]
    public async Task La_misma_clave_con_otro_cuerpo_es_422_que_nombra_el_encabezado_y_no_crea_nada(string cual)
    {
        var (ruta, cuerpo, contar) = await OperacionAsync(cual);
        var clave = Clave();
        await (await Api.SendAsync(Post(ruta, cuerpo(0), clave))).JsonAsync(201);

        var problema = await (await Api.SendAsync(Post(ruta, cuerpo(1), clave))).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { Encabezado }));
        Assert.That((string?)problema["detail"], Does.Contain(Encabezado).And.Contain("otra solicitud"));
        Assert.That(await contar(), Is.EqualTo(1));
    }

    [TestCase("cliente")]
    [TestCase("documento")]
    [TestCase("pago")]
    public async Task Solicitudes_simultaneas_con_la_misma_clave_crean_una_sola_vez(string cual)
    {
        var (ruta, cuerpo, contar) = await OperacionAsync(cual);
        var clave = Clave();

        var respuestas = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Api.SendAsync(Post(ruta, cuerpo(0), clave)))));

        var estados = respuestas.Select(r => (int)r.StatusCode).ToList();
        Assert.That(estados, Is.All.AnyOf(201, 409), string.Join(",", estados));
        Assert.That(estados, Has.Some.EqualTo(201));
        var ids = new HashSet<string>();
        foreach (var r in respuestas.Where(r => r.StatusCode == HttpStatusCode.Created))
            ids.Add((await r.JsonAsync(201)).Id());
        foreach (var r in respuestas.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            Assert.That((await r.ProblemaAsync(409)).CamposConError(), Is.EqualTo(new[] { Encabezado }));
        Assert.That(ids, Has.Count.EqualTo(1), "todas las 201 son la misma creación repetida");
        Assert.That(await contar(), Is.EqualTo(1));
    }

    [Test]
    public async Task Sin_clave_cada_solicitud_crea()
    {
        var (ruta, cuerpo, contar) = await OperacionAsync("pago");

        await (await Api.SendAsync(Post(ruta, cuerpo(0), null))).JsonAsync(201);
        await (await Api.SendAsync(Post(ruta, cuerpo(1), null))).JsonAsync(201);

        Assert.That(await contar(), Is.EqualTo(2));
    }

    [TestCase(256)]
    [TestCase(-1)]
    [TestCase(-2)]
    [TestCase(-3)]
    public async Task Una_clave_mal_formada_es_400_que_nombra_el_encabezado_y_no_crea_nada(int caso)
    {
        var (ruta, cuerpo, contar) = await OperacionAsync("cliente");
        var clave = caso switch
        {
            -1 => "clave\0con-nulo",
            -2 => "clave-con-ñ",
            -3 => "   ",
            _ => new string('k', caso),
        };

        var problema = await (await Api.SendAsync(Post(ruta, cuerpo(0), clave))).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { Encabezado }));
        Assert.That(await contar(), Is.EqualTo(0));
    }

    [Test]
    public async Task Una_clave_de_255_caracteres_es_valida()
    {
        var (ruta, cuerpo, _) = await OperacionAsync("cliente");
        var clave = new string('k', 254) + "~";

        await (await Api.SendAsync(Post(ruta, cuerpo(0), clave))).JsonAsync(201);
        await (await Api.SendAsync(Post(ruta, cuerpo(0), clave))).JsonAsync(201);
    }

    [Test]
    public async Task La_misma_clave_en_otra_empresa_no_choca()
    {
        var otra = await Fixture.CrearEmpresaAsync("Otra Empresa");
        var apiOtra = await Fixture.ClienteHttpAsync(otra);
        var clave = Clave();
        var cuerpo = Datos.Cliente();

        var nuestro = await (await Api.SendAsync(Post("/api/v1/clientes", cuerpo, clave))).JsonAsync(201);
        var suyo = await (await apiOtra.SendAsync(Post("/api/v1/clientes", cuerpo, clave))).JsonAsync(201);

        Assert.That(suyo.Id(), Is.Not.EqualTo(nuestro.Id()));
        var repetido = await (await apiOtra.SendAsync(Post("/api/v1/clientes", cuerpo, clave))).JsonAsync(201);
        Assert.That(repetido.Id(), Is.EqualTo(suyo.Id()));
    }

    [Test]
    public async Task Otro_llamador_de_la_misma_empresa_con_la_misma_clave_no_recibe_la_respuesta_guardada()
    {
        var erp = await Fixture.ClienteConApiKeyAsync(Empresa, "lectura_escritura");
        var clave = Clave();
        var cuerpo = Datos.Cliente();

        await (await Api.SendAsync(Post("/api/v1/clientes", cuerpo, clave))).JsonAsync(201);
        var ajeno = await erp.SendAsync(Post("/api/v1/clientes", cuerpo, clave));

        Assert.That((int)ajeno.StatusCode, Is.EqualTo(422), "la respuesta guardada es del primer llamador");
        Assert.That(ajeno.Headers.Contains("Idempotent-Replayed"), Is.False);
    }

    [Test]
    public async Task Un_error_de_cliente_se_guarda_y_se_repite()
    {
        var clave = Clave();
        var cuerpo = new { clienteId = Guid.NewGuid(), fecha = F(Hoy), monto = 10m, moneda = "CLP", canal = "transferencia", aplicacion = "automatica" };

        var primera = await (await Api.SendAsync(Post("/api/v1/pagos", cuerpo, clave))).ProblemaAsync(422);
        var segunda = await Api.SendAsync(Post("/api/v1/pagos", cuerpo, clave));

        Assert.That((await segunda.ProblemaAsync(422)).ToJsonString(), Is.EqualTo(primera.ToJsonString()));
        Assert.That(segunda.Headers.Contains("Idempotent-Replayed"));
    }

    [Test]
    public async Task Un_error_del_servidor_no_se_guarda_y_la_clave_queda_libre_para_reintentar()
    {
        await using var roto = Fixture.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddTransient(typeof(IValidator<>), typeof(ValidadorRoto<>))));
        var apiRota = roto.CreateClient();
        apiRota.DefaultRequestHeaders.Authorization = Api.DefaultRequestHeaders.Authorization;
        var clave = Clave();
        var cuerpo = Datos.Cliente();

        var fallida = await apiRota.SendAsync(Post("/api/v1/clientes", cuerpo, clave));
        Assert.That((int)fallida.StatusCode, Is.EqualTo(500));
        Assert.That(await FilasClavesAsync(), Is.EqualTo(0));

        var reintento = await Api.SendAsync(Post("/api/v1/clientes", cuerpo, clave));
        await reintento.JsonAsync(201);
        Assert.That(reintento.Headers.Contains("Idempotent-Replayed"), Is.False);
    }

    [Test]
    public async Task Despues_de_24_horas_la_clave_expira_y_el_trabajo_la_borra()
    {
        var (ruta, cuerpo, contar) = await OperacionAsync("documento");
        var clave = Clave();
        await (await Api.SendAsync(Post(ruta, cuerpo(0), clave))).JsonAsync(201);

        Fixture.Reloj.Advance(TimeSpan.FromHours(23));
        Api = await Fixture.ClienteHttpAsync(Empresa);
        await (await Api.SendAsync(Post(ruta, cuerpo(1), clave))).ProblemaAsync(422);
        await PurgarAsync();
        Assert.That(await FilasClavesAsync(), Is.EqualTo(1));

        Fixture.Reloj.Advance(TimeSpan.FromHours(1));
        Api = await Fixture.ClienteHttpAsync(Empresa);
        await PurgarAsync();
        Assert.That(await FilasClavesAsync(), Is.EqualTo(0));
        await (await Api.SendAsync(Post(ruta, cuerpo(1), clave))).JsonAsync(201);
        Assert.That(await contar(), Is.EqualTo(2));
    }

    [Test]
    public async Task Una_clave_expirada_que_el_trabajo_no_borro_se_vuelve_a_tomar()
    {
        var (ruta, cuerpo, contar) = await OperacionAsync("cliente");
        var clave = Clave();
        await (await Api.SendAsync(Post(ruta, cuerpo(0), clave))).JsonAsync(201);

        Fixture.Reloj.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        Api = await Fixture.ClienteHttpAsync(Empresa);
        var nueva = await Api.SendAsync(Post(ruta, cuerpo(1), clave));

        await nueva.JsonAsync(201);
        Assert.That(await contar(), Is.EqualTo(2));
    }

    [Test]
    public async Task Una_planilla_multipart_grande_con_clave_se_repite_sin_importar_otra_vez()
    {
        const int filas = 5_000;
        var csv = new StringBuilder("tipo,folio,clienteId,fechaEmision,fechaVencimiento,moneda,neto,iva,total\n");
        for (var i = 1; i <= filas; i++)
            csv.Append($"33,{i},{ClienteId},{F(Hoy)},{F(Hoy.AddDays(30))},CLP,1000,0,1000\n");
        var contenido = Encoding.UTF8.GetBytes(csv.ToString());
        var clave = Clave();

        HttpRequestMessage Planilla()
        {
            var formulario = new MultipartFormDataContent("limite-fijo") { { new ByteArrayContent(contenido), "archivo", "documentos.csv" } };
            var solicitud = new HttpRequestMessage(HttpMethod.Post, "/api/v1/importaciones/documentos") { Content = formulario };
            solicitud.Headers.Add(Encabezado, clave);
            return solicitud;
        }

        var primera = await (await Api.SendAsync(Planilla())).JsonAsync();
        var segunda = await Api.SendAsync(Planilla());

        Assert.That((int?)primera["creados"], Is.EqualTo(filas), primera.ToJsonString());
        Assert.That((await segunda.JsonAsync()).ToJsonString(), Is.EqualTo(primera.ToJsonString()), "la segunda diría 0 creados si se hubiera importado otra vez");
        Assert.That(segunda.Headers.Contains("Idempotent-Replayed"));
        var documentos = await (await Api.GetAsync($"/api/v1/documentos?clienteId={ClienteId}&tamanoPagina=1")).JsonAsync();
        Assert.That((int?)documentos["total"], Is.EqualTo(filas));
    }

    private static async Task PurgarAsync()
    {
        await using var alcance = Fixture.Factory.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<PurgarClavesIdempotenciaJob>(alcance.ServiceProvider).Execute(null!, CancellationToken.None);
    }

    private static async Task<long> FilasClavesAsync()
    {
        await using var conexion = new NpgsqlConnection(Fixture.Conexion);
        await conexion.OpenAsync();
        await using var comando = new NpgsqlCommand("SELECT count(*) FROM plataforma.claves_idempotencia", conexion);
        return (long)(await comando.ExecuteScalarAsync())!;
    }

    /// <summary>A validator that throws: every request through the mediator ends in a 500, as a database outage would.</summary>
    public sealed class ValidadorRoto<T> : AbstractValidator<T>
    {
        public override ValidationResult Validate(ValidationContext<T> context) => throw new InvalidOperationException("Falla simulada.");

        public override Task<ValidationResult> ValidateAsync(ValidationContext<T> context, CancellationToken cancellation = default) => throw new InvalidOperationException("Falla simulada.");
    }
}
