using System.Net.Http.Json;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

/// <summary>Inputs the contract fuzzer (FuzzContratoTests) found answering 500, each now a 400 naming the field.</summary>
public sealed class HallazgosFuzzTests : PruebaCartera
{
    [TestCase("hasta=0001-01-01", "hasta")]
    [TestCase("fechaCorte=0001-01-01", "fechaCorte")]
    public async Task Estado_de_cuenta_con_una_fecha_en_el_limite_del_calendario_es_400_no_500(string consulta, string campo)
    {
        foreach (var formato in new[] { "estado-cuenta", "estado-cuenta.xlsx" })
        {
            var problema = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/{formato}?{consulta}")).ProblemaAsync(400);
            Assert.That(problema.CamposConError(), Does.Contain(campo), $"{formato}?{consulta}");
        }
    }

    [Test]
    public async Task Pago_manual_con_una_linea_nula_es_400_no_500()
    {
        var antes = await Fixture.ContarFilasAsync();
        var respuesta = await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(Hoy), monto = 1_000m, moneda = "CLP", canal = "transferencia", aplicacion = "manual", aplicaciones = new object?[] { null },
        });

        var problema = await respuesta.ProblemaAsync(400);
        Assert.That(problema.CamposConError(), Has.Some.StartsWith("aplicaciones"));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }
}
