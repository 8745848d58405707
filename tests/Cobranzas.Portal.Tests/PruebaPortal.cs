using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cobranzas.Notificaciones.Envios;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Cobranzas.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Portal.Tests;

/// <summary>Each test starts with an empty database, one company (its administrator is <see cref="Api"/>), one client and its contact.</summary>
public abstract partial class PruebaPortal : PruebaApi
{
    protected EmpresaPrueba Empresa { get; private set; } = null!;

    protected HttpClient Api { get; set; } = null!;

    protected string ClienteId { get; private set; } = null!;

    protected string ContactoId { get; private set; } = null!;

    protected string Email { get; private set; } = null!;

    protected static DateOnly Hoy => FechaNegocio.Hoy(Fixture.Reloj);

    [SetUp]
    public async Task CrearEmpresaAsync()
    {
        Empresa = await Fixture.CrearEmpresaAsync("Distribuidora Andina");
        Api = await Fixture.ClienteHttpAsync(Empresa);
        ClienteId = (await Api.CrearClienteAsync()).Id();
        Email = Fixture.EmailUnico("tesoreria", "cliente.test");
        ContactoId = (await Api.CrearContactoAsync(ClienteId, Datos.Contacto(email: Email))).Id();
    }

    protected static string F(DateOnly d) => d.ToString("yyyy-MM-dd");

    protected async Task<JsonNode> FacturaAsync(long folio, decimal total, DateOnly vencimiento, string? clienteId = null, HttpClient? api = null) =>
        await (await (api ?? Api).PostAsJsonAsync("/api/v1/documentos", new
        {
            tipo = "33", folio, clienteId = clienteId ?? ClienteId, fechaEmision = F(vencimiento.AddDays(-30)), fechaVencimiento = F(vencimiento), moneda = "CLP",
            neto = total, exento = 0m, iva = 0m, total,
        })).JsonAsync(201);

    protected static Task<HttpResponseMessage> PedirAccesoAsync(string email, string empresaRut) =>
        Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/portal/acceso", new { email, empresa = empresaRut });

    protected static Task<int> DrenarAsync() => Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<DrenadorEnvios>().DrenarAsync(CancellationToken.None));

    /// <summary>The token of the last portal link mailed to <paramref name="email"/> (asked through the API, read in maildev).</summary>
    protected async Task<string> TokenPorCorreoAsync(string? email = null, EmpresaPrueba? empresa = null)
    {
        email ??= Email;
        var antes = (await Fixture.Correo.CorreosParaAsync(email)).Count;
        await (await PedirAccesoAsync(email, (empresa ?? Empresa).Rut)).TextoAsync(202);
        await DrenarAsync();
        return TokenDe((await Fixture.Correo.EsperarCorreoAsync(email, yaRecibidos: antes)).Texto);
    }

    protected static string TokenDe(string texto) => EnlacePortal().Match(texto) is { Success: true } m ? m.Groups[1].Value : throw new AssertionException("El correo no trae enlace: " + texto);

    protected static Task<HttpResponseMessage> AbrirSesionAsync(string token) =>
        Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/portal/sesion", new { token });

    protected static HttpClient Portal(string sesion)
    {
        var http = Fixture.ClienteAnonimo();
        http.DefaultRequestHeaders.Add(SesionesPortal.Encabezado, sesion);
        return http;
    }

    /// <summary>A portal session of the default contact (or another), opened from a mailed link.</summary>
    protected async Task<HttpClient> SesionAsync(string? email = null, EmpresaPrueba? empresa = null)
    {
        var sesion = await (await AbrirSesionAsync(await TokenPorCorreoAsync(email, empresa))).JsonAsync();
        return Portal((string)sesion["token"]!);
    }

    [GeneratedRegex(@"/portal/entrar\?token=([A-Za-z0-9_\-]+)")]
    private static partial Regex EnlacePortal();
}
