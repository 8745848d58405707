using Cobranzas.Platform.Autenticacion;
using Cobranzas.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Cobranzas.Platform.Tests.Host;

/// <summary>Outside Development the host will not sign sessions with a missing, short or published key.</summary>
public sealed class ClaveJwtTests
{
    [TestCase("Production", "", "falta")]
    [TestCase("Production", "clave-de-treinta-y-un-caractere", "al menos 32")]
    [TestCase("Production", OpcionesJwt.ClaveDemo, "clave de demostración")]
    [TestCase("Staging", OpcionesJwt.ClaveDemo, "clave de demostración")]
    public void Fuera_de_desarrollo_el_host_no_arranca_con_una_clave_jwt_insegura(string ambiente, string clave, string motivo)
    {
        using var host = Fixture.Factory.WithWebHostBuilder(b => b.UseEnvironment(ambiente).UseSetting("Jwt:Clave", clave));

        var error = Assert.Catch(() => _ = host.Services);

        Assert.That(error!.ToString(), Does.Contain("Jwt__Clave").And.Contain(motivo));
    }

    [Test]
    public async Task En_desarrollo_sin_clave_el_host_arranca_con_la_clave_de_demostracion()
    {
        await using var host = Fixture.Factory.WithWebHostBuilder(b => b.UseEnvironment("Development").UseSetting("Jwt:Clave", ""));

        var respuesta = await host.CreateClient().GetAsync("/health");

        await respuesta.TextoAsync(200);
    }

    [Test]
    public async Task Fuera_de_desarrollo_arranca_con_una_clave_propia_larga()
    {
        await using var host = Fixture.Factory.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("Jwt:Clave", Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray())));

        var respuesta = await host.CreateClient().GetAsync("/health");

        await respuesta.TextoAsync(200);
    }
}
