using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// At today's cut-off the concentration report reads the per-client read model instead of the aging's as-of statement: its
/// figures stay the aging's at today, across UF conversion, a document issued after today, a payment dated in the past, its
/// reversal and a change of day with or without the daily roll.
/// </summary>
public sealed class ConcentracionAlDiaTests : PruebaCartera
{
    private async Task ValorUfAsync(decimal valor) =>
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy), valor } })).EsperarAsync(System.Net.HttpStatusCode.NoContent);

    /// <summary>Every figure of today's concentration equals the aging's by client at today's cut-off; answers (total, vencido).</summary>
    private async Task<(decimal Total, decimal Vencido)> IgualALaAntiguedadAsync()
    {
        var r = await (await Api.GetAsync("/api/v1/reportes/concentracion?cantidad=20")).JsonAsync();
        var a = await (await Api.GetAsync("/api/v1/cartera/antiguedad?agrupar=cliente&tamanoPagina=100")).JsonAsync();
        Assert.That(((string)r["fechaCorte"]!, (string)a["fechaCorte"]!), Is.EqualTo((F(Hoy), F(Hoy))));

        var grupos = a["grupos"]!.AsArray()
            .Select(g => ((string)g!["clave"]!, (decimal)g["total"]!, (decimal)g["total"]! - (decimal)g["tramos"]![0]!["monto"]!)).ToArray();
        var principales = r["principales"]!.AsArray().Select(p => ((string)p!["clienteId"]!, (decimal)p["saldo"]!, (decimal)p["vencido"]!)).ToArray();
        Assert.That(principales, Is.EqualTo(grupos), "mayores deudores frente a la antigüedad por cliente");

        var total = (decimal)a["total"]!;
        var vencido = total - (decimal)a["totales"]![0]!["monto"]!;
        Assert.That(((decimal)r["total"]!, (decimal)r["vencido"]!, (int)r["clientes"]!), Is.EqualTo((total, vencido, (int)a["totalGrupos"]!)));
        var herfindahl = decimal.Round(grupos.Sum(g => g.Item2 * g.Item2) / total / total, 6);
        Assert.That((decimal)r["indiceHerfindahl"]!, Is.EqualTo(herfindahl));
        return (total, vencido);
    }

    private static Task RodarAsync() =>
        Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<RodarVencidoJob>().EjecutarAsync(CancellationToken.None));

    [Test]
    public async Task A_la_fecha_de_hoy_la_concentracion_iguala_a_la_antiguedad_con_pagos_pasados_reversas_y_cambio_de_dia()
    {
        await ValorUfAsync(38_000m);
        var a = await CrearDocumentoAsync(Factura(1, 500_000m, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        var b = (await Api.CrearClienteAsync()).Id();
        await CrearDocumentoAsync(Factura(2, 300_000m, Hoy.AddDays(-10), Hoy.AddDays(2), b));
        var c = (await Api.CrearClienteAsync()).Id();
        await CrearDocumentoAsync(new
        {
            tipo = "33", folio = 3, clienteId = c, fechaEmision = F(Hoy.AddDays(-10)), fechaVencimiento = F(Hoy.AddDays(20)), moneda = "UF",
            neto = 10m, exento = 0m, iva = 0m, total = 10m,
        });
        var d = (await Api.CrearClienteAsync()).Id();
        await CrearDocumentoAsync(Factura(4, 50_000m, Hoy.AddDays(-40), Hoy.AddDays(-10), d));
        await CrearDocumentoAsync(Factura(5, 200_000m, Hoy.AddDays(1), Hoy.AddDays(31), d));
        var pago = await PagarAsync(100_000m, Hoy.AddDays(-5), [new { documentoId = a.Id(), monto = 100_000m }]);
        await RodarAsync();

        // A 400 000 overdue, C 10 UF = 380 000, B 300 000 not due, D 50 000 overdue (its invoice issued tomorrow does not count yet).
        Assert.That(await IgualALaAntiguedadAsync(), Is.EqualTo((1_130_000m, 450_000m)));

        var aplicacion = pago["aplicaciones"]!.AsArray().Single()!;
        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{aplicacion.Id()}/reversar", new { motivo = "Transferencia devuelta" })).JsonAsync();

        Assert.That(await IgualALaAntiguedadAsync(), Is.EqualTo((1_230_000m, 550_000m)));

        Fixture.Reloj.Advance(TimeSpan.FromDays(3));
        Api = await Fixture.ClienteHttpAsync(Empresa);
        await ValorUfAsync(38_100m);

        // Not rolled: B's invoice fell due yesterday, D's issued two days ago now counts, C converts at today's UF.
        Assert.That(await IgualALaAntiguedadAsync(), Is.EqualTo((1_431_000m, 850_000m)));
        await RodarAsync();
        Assert.That(await IgualALaAntiguedadAsync(), Is.EqualTo((1_431_000m, 850_000m)));
        var filtrada = await (await Api.GetAsync($"/api/v1/reportes/concentracion?segmento=ninguno-{Guid.NewGuid():N}")).JsonAsync();
        Assert.That(((decimal)filtrada["total"]!, (int)filtrada["clientes"]!), Is.EqualTo((0m, 0)), "un filtro sin clientes no ve deuda");
    }
}
