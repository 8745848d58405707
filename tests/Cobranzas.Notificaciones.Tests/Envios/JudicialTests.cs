using System.Net.Http.Json;
using Cobranzas.Testing;

namespace Cobranzas.Notificaciones.Tests.Envios;

/// <summary>Clients whose collection went to court or to an insolvency procedure get no reminder (Gestión says they are paused).</summary>
public sealed class JudicialTests : PruebaEnvios
{
    [Test]
    public async Task Un_cliente_en_etapa_judicial_no_recibe_recordatorio()
    {
        var (a, b) = (Email("judicial"), Email("normal"));
        var judicial = await ClienteEmpresaAsync("Cliente Demandado", a);
        await VencidaAsync(90_000m, 12, judicial);
        var normal = await ClienteEmpresaAsync("Cliente Al Día Con Gestión", b);
        await VencidaAsync(30_000m, 12, normal);
        await (await Api.PostAsJsonAsync($"/api/v1/gestion/clientes/{judicial}/etapa", new { etapa = "judicial", motivo = "Demanda presentada" })).JsonAsync();

        Assert.That(R(await EjecutarAsync(await DefinicionAsync())), Is.EqualTo((1, 0, 0)));
        await DrenarAsync();

        Assert.That(await Fixture.Correo.CorreosParaAsync(a), Is.Empty);
        Assert.That(await Fixture.Correo.CorreosParaAsync(b), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Un_cliente_en_quiebra_no_recibe_recordatorio_hasta_que_se_cierra()
    {
        var a = Email("quiebra");
        var cliente = await ClienteEmpresaAsync("Cliente En Liquidación", a);
        await VencidaAsync(90_000m, 12, cliente);
        object Quiebra(string? fechaCierre) => new { procedimiento = "liquidacion", fechaPublicacion = Hoy.AddDays(-2).ToString("yyyy-MM-dd"), liquidador = "Ana Rojas", fechaCierre };
        await (await Api.PutAsJsonAsync($"/api/v1/judicial/clientes/{cliente}/quiebra", Quiebra(null))).JsonAsync();

        var definicion = await DefinicionAsync();
        Assert.That(R(await EjecutarAsync(definicion)), Is.EqualTo((0, 0, 0)));
        await DrenarAsync();
        Assert.That(await Fixture.Correo.CorreosParaAsync(a), Is.Empty);

        await (await Api.PutAsJsonAsync($"/api/v1/judicial/clientes/{cliente}/quiebra", Quiebra(Hoy.ToString("yyyy-MM-dd")))).JsonAsync();
        Assert.That(R(await EjecutarAsync(definicion)), Is.EqualTo((1, 0, 0)));
        await DrenarAsync();
        Assert.That(await Fixture.Correo.CorreosParaAsync(a), Has.Count.EqualTo(1));
    }
}
