using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;
using Npgsql;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// The per-client balance read model (<c>cartera.saldos_clientes</c>, kept by triggers on the installments) always equals the
/// balances summed from the installments, whatever wrote them, including requests running side by side.
/// </summary>
public sealed class SaldosClientesTests : PruebaCartera
{
    /// <summary>The read model's non-zero rows of the test company.</summary>
    private async Task<Dictionary<(string Cliente, string Moneda), decimal>> LeidosAsync() =>
        await FilasAsync("SELECT cliente_id, moneda, saldo FROM cartera.saldos_clientes WHERE empresa_id = @e AND saldo <> 0");

    /// <summary>The same balances summed from the open installments, as the aging at today reads them.</summary>
    private async Task<Dictionary<(string Cliente, string Moneda), decimal>> CalculadosAsync() =>
        await FilasAsync("SELECT cliente_id, moneda, sum(saldo) FROM cartera.cuotas WHERE empresa_id = @e AND saldo > 0 AND vigente GROUP BY 1, 2");

    private async Task<Dictionary<(string Cliente, string Moneda), decimal>> FilasAsync(string sql)
    {
        await using var conexion = new NpgsqlConnection(Fixture.Conexion);
        await conexion.OpenAsync();
        await using var comando = new NpgsqlCommand(sql, conexion);
        comando.Parameters.AddWithValue("e", Empresa.Id);
        await using var lector = await comando.ExecuteReaderAsync();
        var filas = new Dictionary<(string, string), decimal>();
        while (await lector.ReadAsync())
            filas[(lector.GetGuid(0).ToString(), lector.GetString(1))] = lector.GetDecimal(2);
        return filas;
    }

    private async Task IgualesAsync()
    {
        var leidos = await LeidosAsync();
        Assert.That(leidos, Is.EquivalentTo(await CalculadosAsync()), "saldos_clientes frente a la suma de las cuotas abiertas");
    }

    private object DocumentoUf(long folio, decimal total, DateOnly emision, DateOnly vencimiento) =>
        new { tipo = "33", folio, clienteId = ClienteId, fechaEmision = F(emision), fechaVencimiento = F(vencimiento), moneda = "UF", neto = total, exento = 0m, iva = 0m, total };

    private async Task<HttpResponseMessage[]> ALaVezAsync(int cantidad, Func<int, HttpClient, Task<HttpResponseMessage>> solicitud)
    {
        var token = Api.DefaultRequestHeaders.Authorization!.Parameter!;
        var clientes = Enumerable.Range(0, cantidad).Select(_ => Fixture.ConToken(token)).ToList();
        var salida = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tareas = clientes.Select((c, i) => Task.Run(async () =>
        {
            await salida.Task;
            return await solicitud(i, c);
        })).ToList();
        salida.SetResult();
        return await Task.WhenAll(tareas);
    }

    [Test]
    public async Task El_saldo_por_cliente_sigue_pagos_reversas_fechas_pasadas_castigos_y_anulaciones()
    {
        var otro = (await Api.CrearClienteAsync()).Id();
        var vencida = await CrearDocumentoAsync(Factura(1, 100_000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        var porVencer = await CrearDocumentoAsync(Factura(2, 50_000m, Hoy, Hoy.AddDays(20)));
        await CrearDocumentoAsync(DocumentoUf(3, 10.5m, Hoy.AddDays(-5), Hoy.AddDays(25)));
        var ajena = await CrearDocumentoAsync(Factura(4, 80_000m, Hoy.AddDays(-60), Hoy.AddDays(-30), otro));
        var a = ClienteId;
        Assert.That(await LeidosAsync(), Is.EquivalentTo(new Dictionary<(string, string), decimal>
        {
            [(a, "CLP")] = 150_000m, [(a, "UF")] = 10.5m, [(otro, "CLP")] = 80_000m,
        }));

        var pago = await PagarAsync(30_000m, Hoy);
        await PagarAsync(20_000m, Hoy.AddDays(-5), clienteId: otro);
        Assert.That(await LeidosAsync(), Is.EquivalentTo(new Dictionary<(string, string), decimal>
        {
            [(a, "CLP")] = 120_000m, [(a, "UF")] = 10.5m, [(otro, "CLP")] = 60_000m,
        }));

        var aplicacion = pago["aplicaciones"]!.AsArray().Single()!;
        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{aplicacion.Id()}/reversar", new { motivo = "Aplicado al cliente equivocado" })).JsonAsync();
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{porVencer.Id()}/anular", new { motivo = "error de emisión" })).JsonAsync();
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{ajena.Id()}/castigar", new { fecha = F(Hoy), motivo = "Deudor sin bienes" })).JsonAsync();

        Assert.That((await LeidosAsync())[(a, "CLP")], Is.EqualTo(100_000m), "la reversa devuelve los 30 000 y la anulación quita los 50 000");
        await IgualesAsync();
        Assert.That(await SaldoAsync(vencida), Is.EqualTo(100_000m));
    }

    [Test]
    public async Task Veinte_pagos_a_la_vez_del_mismo_cliente_no_pierden_ningun_descuento()
    {
        await CrearDocumentoAsync(Factura(1, 200_000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));

        var respuestas = await ALaVezAsync(20, (i, c) => c.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(Hoy), monto = 1_000m, moneda = "CLP", canal = "transferencia", referencia = $"TRF-{i}", aplicacion = "automatica",
        }));

        Assert.That(respuestas.Select(r => (int)r.StatusCode), Is.All.EqualTo(201));
        Assert.That(await LeidosAsync(), Is.EquivalentTo(new Dictionary<(string, string), decimal> { [(ClienteId, "CLP")] = 180_000m }));
        await IgualesAsync();
    }

    [Test]
    public async Task Lotes_a_la_vez_sobre_los_mismos_clientes_en_orden_inverso_se_aplican_sin_bloquearse()
    {
        var otro = (await Api.CrearClienteAsync()).Id();
        await CrearDocumentoAsync(Factura(1, 500_000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        await CrearDocumentoAsync(Factura(2, 500_000m, Hoy.AddDays(-40), Hoy.AddDays(-10), otro));
        object Pago(string cliente, int i) => new
        {
            clienteId = cliente, fecha = F(Hoy), monto = 1_000m, moneda = "CLP", canal = "transferencia", referencia = $"L-{cliente[..8]}-{i}", aplicacion = "automatica",
        };

        var respuestas = await ALaVezAsync(10, (i, c) => c.PostAsJsonAsync("/api/v1/pagos/lote",
            i % 2 == 0 ? new[] { Pago(ClienteId, i), Pago(otro, i) } : new[] { Pago(otro, i), Pago(ClienteId, i) }));

        foreach (var r in respuestas)
            Assert.That((int)r.StatusCode, Is.EqualTo(200), await r.Content.ReadAsStringAsync());
        Assert.That(await LeidosAsync(), Is.EquivalentTo(new Dictionary<(string, string), decimal>
        {
            [(ClienteId, "CLP")] = 490_000m, [(otro, "CLP")] = 490_000m,
        }));
        await IgualesAsync();
    }

    [Test]
    public async Task La_lista_por_saldo_convierte_la_deuda_en_uf_al_valor_de_hoy()
    {
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy), valor = 38_000.50m } })).EsperarAsync(System.Net.HttpStatusCode.NoContent);
        var clp = (await Api.CrearClienteAsync(Datos.Cliente(razonSocial: "Pesos Ltda", cuentaClave: true))).Id();
        await CrearDocumentoAsync(Factura(1, 399_000m, Hoy.AddDays(-40), Hoy.AddDays(-10), clp));
        var uf = (await Api.CrearClienteAsync(Datos.Cliente(razonSocial: "Unidades SpA", cuentaClave: true))).Id();
        // Two installments of 5.25 UF: 199 502.625 each, rounded one by one to 199 503 (399 006), as the statement sums them.
        await CrearDocumentoAsync(new
        {
            tipo = "33", folio = 2, clienteId = uf, fechaEmision = F(Hoy.AddDays(-40)), moneda = "UF",
            neto = 10.5m, exento = 0m, iva = 0m, total = 10.5m,
            cuotas = new[] { new { numero = 1, fechaVencimiento = F(Hoy.AddDays(-10)), monto = 5.25m }, new { numero = 2, fechaVencimiento = F(Hoy.AddDays(20)), monto = 5.25m } },
        });

        var r = await (await Api.GetAsync("/api/v1/clientes?orden=-saldo&cuentaClave=true")).JsonAsync();

        var filas = r["items"]!.AsArray().Select(i => ((string)i!["razonSocial"]!, (decimal)i["saldo"]!, (decimal)i["vencido"]!)).ToArray();
        Assert.That(filas, Is.EqualTo(new[] { ("Unidades SpA", 399_006m, 199_503m), ("Pesos Ltda", 399_000m, 399_000m) }));
    }
}
