using System.Text.Json.Nodes;
using Cobranzas.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Cobranzas.Platform.Tests.Host;

public sealed class SaludTests
{
    [Test]
    public async Task Health_ready_con_la_base_caida_dice_solo_el_estado_de_cada_chequeo()
    {
        const string conexion = "Host=127.0.0.1;Port=1;Database=base_secreta;Username=usuario_secreto;Password=clave-secreta-de-la-base";
        await using var sinBase = Fixture.Factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Cobranzas", conexion));

        var respuesta = await sinBase.CreateClient().GetAsync("/health/ready");

        var cuerpo = await respuesta.TextoAsync(503);
        Assert.That(JsonNode.Parse(cuerpo)!.ToJsonString(), Is.EqualTo("""{"estado":"Unhealthy","chequeos":{"postgresql":"Unhealthy"}}"""));
        Assert.That(cuerpo, Does.Not.Contain("127.0.0.1").And.Not.Contain("secret").And.Not.Contain("Npgsql").And.Not.Contain("refused").And.Not.Contain(" at "));
    }

    [Test]
    public async Task Health_ready_con_la_base_arriba_dice_solo_el_estado_de_cada_chequeo()
    {
        var respuesta = await Fixture.ClienteAnonimo().GetAsync("/health/ready");

        var cuerpo = await respuesta.TextoAsync(200);
        Assert.That(JsonNode.Parse(cuerpo)!.ToJsonString(), Is.EqualTo("""{"estado":"Healthy","chequeos":{"postgresql":"Healthy"}}"""));
        Assert.That(respuesta.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
    }
}
