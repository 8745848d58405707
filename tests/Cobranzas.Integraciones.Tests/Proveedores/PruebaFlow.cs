using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Simuladores;
using Cobranzas.Testing;

namespace Cobranzas.Integraciones.Tests.Proveedores;

/// <summary>A company with Flow activated against the Flow simulator, whose confirmations reach the test host.</summary>
public abstract class PruebaFlow : PruebaIntegraciones
{
    protected static SimuladorFlow Flow { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task IniciarSimuladorAsync()
    {
        Flow = new SimuladorFlow { ClienteConfirmaciones = () => Fixture.Factory.CreateClient() };
        await Flow.IniciarAsync();
    }

    [OneTimeTearDown]
    public async Task DetenerSimuladorAsync() => await Flow.DisposeAsync();

    [SetUp]
    public async Task ActivarFlowAsync()
    {
        Flow.FallarConsultas(0);
        Flow.Ahora = () => TimeZoneInfo.ConvertTime(Fixture.Reloj.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/Santiago")).DateTime;
        await ActivarFlowAsync(Api);
        await Api.CrearContactoAsync(ClienteId);
    }

    protected static async Task<JsonNode> ActivarFlowAsync(HttpClient api, string? secretKey = null, int estado = 200) =>
        await (await api.PostAsJsonAsync("/api/v1/integraciones/proveedores/flow/activar", new
        {
            credenciales = new Dictionary<string, string> { ["apiKey"] = Flow.ApiKey, ["secretKey"] = secretKey ?? Flow.SecretKey },
            urlBase = Flow.Url.AbsoluteUri,
        })).JsonAsync(estado);

    protected async Task<JsonNode> EnlaceAsync(params string[] documentoIds) =>
        await (await Api.PostAsJsonAsync("/api/v1/integraciones/enlaces-pago", new { clienteId = ClienteId, documentoIds, emailPagador = "pagos@cliente.test" })).JsonAsync(201);

    protected static string TokenDe(JsonNode enlace) => Flow.OrdenDe(((string)enlace["id"]!).Replace("-", "")).Token;

    protected async Task<JsonNode> LeerAsync(string ruta) => await (await Api.GetAsync(ruta)).JsonAsync();

    protected async Task<decimal> SaldoAsync(string documentoId) => (decimal)(await LeerAsync($"/api/v1/documentos/{documentoId}"))["saldo"]!;

    protected async Task<JsonArray> PagosDelClienteAsync() => (JsonArray)(await LeerAsync($"/api/v1/pagos?clienteId={ClienteId}"))["items"]!;
}
