using System.Net.Http.Json;
using Cobranzas.Testing;
using Cobranzas.Testing.OpenApi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Platform.Tests;

/// <summary>Generated from the OpenAPI document: a new endpoint is covered without editing this file.</summary>
public sealed class SinAutenticacionTests : PruebaApi
{
    public static IEnumerable<TestCaseData> OperacionesProtegidas() =>
        DocumentoOpenApi.DelRepositorio.Operaciones.Where(o => !o.Anonima).Select(DocumentoOpenApi.Caso);

    [Test]
    public void Cada_operacion_del_documento_tiene_casos_o_una_exclusion_con_razon() =>
        Cobertura.De(
            nameof(SinAutenticacionTests),
            new Dictionary<string, Func<IEnumerable<TestCaseData>>> { [nameof(OperacionesProtegidas)] = OperacionesProtegidas },
            new Exclusion("anónima: responde sin credenciales (login, invitación, activación)", o => o.Anonima))
            .Verificar();

    [TestCaseSource(nameof(OperacionesProtegidas))]
    public async Task Sin_credenciales_responde_401(Operacion op)
    {
        using var solicitud = new HttpRequestMessage(new HttpMethod(op.Metodo), op.RutaCon(Guid.NewGuid().ToString())) { Content = op.ContenidoVacio() };

        var respuesta = await Fixture.ClienteAnonimo().SendAsync(solicitud);

        await respuesta.TextoAsync(401);
    }

    [TestCaseSource(nameof(OperacionesProtegidas))]
    public async Task Token_falso_responde_401(Operacion op)
    {
        using var solicitud = new HttpRequestMessage(new HttpMethod(op.Metodo), op.RutaCon(Guid.NewGuid().ToString())) { Content = op.ContenidoVacio() };

        var respuesta = await Fixture.ConToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.firma-falsa").SendAsync(solicitud);

        await respuesta.TextoAsync(401);
    }

    [Test]
    public async Task Cuerpo_con_tipo_de_contenido_equivocado_responde_415_y_no_404()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Pública Ltda");
        var admin = await Fixture.ClienteHttpAsync(empresa);

        var respuesta = await admin.PostAsync("/api/v1/clientes", new StringContent("rut=76086428-5", System.Text.Encoding.UTF8, "text/plain"));

        await respuesta.TextoAsync(415);
    }

    [TestCase("/health")]
    [TestCase("/health/ready")]
    [TestCase("/openapi/v1.json")]
    [TestCase("/swagger/index.html")]
    public async Task Rutas_publicas_responden_sin_credenciales(string ruta)
    {
        await (await Fixture.ClienteAnonimo().GetAsync(ruta)).TextoAsync(200);
    }

    [Test]
    public async Task Login_responde_sin_credenciales()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Pública Ltda");

        await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/login", new { email = empresa.EmailAdmin, password = empresa.Password })).JsonAsync(200);
    }

    [Test]
    public void Las_unicas_operaciones_anonimas_de_la_api_son_las_conocidas()
    {
        var anonimas = Fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true && e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? e.DisplayName)
            .ToList();

        Assert.That(anonimas, Is.EquivalentTo(DocumentoOpenApi.OperacionesAnonimas));
    }
}
