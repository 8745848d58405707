using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// The client list ordered by overdue debt reads the overdue part kept in <c>cartera.saldos_clientes</c> (up to a kept date
/// moved by the daily roll) plus the installments due since: at any business date, rolled or not, its order and amounts are
/// the aging's at today's cut-off.
/// </summary>
public sealed class VencidoClientesTests : PruebaCartera
{
    private async Task<string> ClienteAsync(string razonSocial) => (await Api.CrearClienteAsync(Datos.Cliente(razonSocial: razonSocial, cuentaClave: true))).Id();

    private async Task<(string Id, string Nombre, decimal Vencido)[]> ListaPorVencidoAsync()
    {
        var r = await (await Api.GetAsync("/api/v1/clientes?orden=-vencido&cuentaClave=true&tamanoPagina=25")).JsonAsync();
        return r["items"]!.AsArray().Select(i => i!).Select(i => (i.Id(), (string)i["razonSocial"]!, (decimal)i["vencido"]!)).ToArray();
    }

    /// <summary>Each client's overdue debt at today's cut-off from the aging (total less por vencer).</summary>
    private async Task<Dictionary<string, decimal>> VencidoSegunAntiguedadAsync()
    {
        var r = await (await Api.GetAsync("/api/v1/cartera/antiguedad?agrupar=cliente&tamanoPagina=100")).JsonAsync();
        Assert.That((string)r["fechaCorte"]!, Is.EqualTo(F(Hoy)));
        return r["grupos"]!.AsArray().ToDictionary(g => (string)g!["clave"]!, g => (decimal)g!["total"]! - (decimal)g["tramos"]![0]!["monto"]!);
    }

    /// <summary>The list equals the aging: every amount, and the order (largest overdue first, ties by razón social).</summary>
    private async Task<(string Nombre, decimal Vencido)[]> ListaIgualALaAntiguedadAsync()
    {
        var lista = await ListaPorVencidoAsync();
        var antiguedad = await VencidoSegunAntiguedadAsync();
        var esperada = lista.Select(c => (c.Nombre, Vencido: antiguedad.GetValueOrDefault(c.Id)))
            .OrderByDescending(c => c.Vencido).ThenBy(c => c.Nombre, StringComparer.Ordinal).ToArray();
        Assert.That(lista.Select(c => (c.Nombre, c.Vencido)), Is.EqualTo(esperada), $"lista por vencido frente a la antigüedad al {Hoy:yyyy-MM-dd}");
        return esperada;
    }

    private static Task RodarAsync() =>
        Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<RodarVencidoJob>().EjecutarAsync(CancellationToken.None));

    private async Task PasarDiasAsync(int dias)
    {
        Fixture.Reloj.Advance(TimeSpan.FromDays(dias));
        Api = await Fixture.ClienteHttpAsync(Empresa);
    }

    /// <summary>The kept figure is what it claims: the open installments due before the kept date, per client and currency.</summary>
    private async Task ModeloCuadraConSuFechaAsync()
    {
        await using var conexion = new NpgsqlConnection(Fixture.Conexion);
        await conexion.OpenAsync();
        await using var comando = new NpgsqlCommand("""
            SELECT count(*) FROM cartera.saldos_clientes s
            FULL JOIN (SELECT c.empresa_id, c.cliente_id, c.moneda, sum(c.saldo) FILTER (WHERE c.fecha_vencimiento < k.fecha) AS vencido
                       FROM cartera.cuotas c, cartera.saldos_clientes_corte k WHERE c.saldo > 0 AND c.vigente GROUP BY 1, 2, 3) c
              ON c.empresa_id = s.empresa_id AND c.cliente_id = s.cliente_id AND c.moneda = s.moneda
            WHERE COALESCE(s.vencido, 0) <> COALESCE(c.vencido, 0)
            """, conexion);
        Assert.That(await comando.ExecuteScalarAsync(), Is.EqualTo(0L), "saldos_clientes.vencido frente a las cuotas vencidas a su fecha");
    }

    [Test]
    public async Task Al_cambiar_el_dia_la_lista_por_vencido_sigue_a_la_antiguedad_antes_y_despues_del_cierre_diario()
    {
        var alfa = await ClienteAsync("Alfa Ltda");
        var beta = await ClienteAsync("Beta SpA");
        var gamma = await ClienteAsync("Gamma SA");
        await CrearDocumentoAsync(Factura(1, 100_000m, Hoy.AddDays(-20), Hoy.AddDays(1), alfa));
        await CrearDocumentoAsync(Factura(2, 50_000m, Hoy.AddDays(-40), Hoy.AddDays(-5), beta));
        await CrearDocumentoAsync(Factura(3, 80_000m, Hoy.AddDays(-10), Hoy.AddDays(3), beta));
        await CrearDocumentoAsync(Factura(4, 30_000m, Hoy.AddDays(-10), Hoy.AddDays(10), gamma));
        await RodarAsync();
        Assert.That(await ListaIgualALaAntiguedadAsync(), Is.EqualTo(new[] { ("Beta SpA", 50_000m), ("Alfa Ltda", 0m), ("Gamma SA", 0m) }));

        await PasarDiasAsync(2);

        Assert.That(await ListaIgualALaAntiguedadAsync(), Is.EqualTo(new[] { ("Alfa Ltda", 100_000m), ("Beta SpA", 50_000m), ("Gamma SA", 0m) }),
            "sin cierre: la factura de Alfa vencida ayer se suma desde las cuotas");
        await RodarAsync();
        await ModeloCuadraConSuFechaAsync();
        Assert.That(await ListaIgualALaAntiguedadAsync(), Is.EqualTo(new[] { ("Alfa Ltda", 100_000m), ("Beta SpA", 50_000m), ("Gamma SA", 0m) }));

        await PasarDiasAsync(9);

        Assert.That(await ListaIgualALaAntiguedadAsync(), Is.EqualTo(new[] { ("Beta SpA", 130_000m), ("Alfa Ltda", 100_000m), ("Gamma SA", 30_000m) }));
        await RodarAsync();
        await ModeloCuadraConSuFechaAsync();
        Assert.That(await ListaIgualALaAntiguedadAsync(), Is.EqualTo(new[] { ("Beta SpA", 130_000m), ("Alfa Ltda", 100_000m), ("Gamma SA", 30_000m) }));
    }

    [Test]
    public async Task Un_pago_con_fecha_pasada_y_su_reversa_mueven_el_vencido_como_la_antiguedad()
    {
        var alfa = await ClienteAsync("Alfa Ltda");
        var beta = await ClienteAsync("Beta SpA");
        await CrearDocumentoAsync(Factura(1, 60_000m, Hoy.AddDays(-30), Hoy.AddDays(-1), alfa));
        await CrearDocumentoAsync(Factura(2, 50_000m, Hoy.AddDays(-40), Hoy.AddDays(-5), beta));
        await CrearDocumentoAsync(Factura(3, 80_000m, Hoy.AddDays(-10), Hoy.AddDays(3), beta));
        await RodarAsync();

        var pago = await PagarAsync(60_000m, Hoy.AddDays(-3), clienteId: beta);

        Assert.That(await ListaIgualALaAntiguedadAsync(), Is.EqualTo(new[] { ("Alfa Ltda", 60_000m), ("Beta SpA", 0m) }),
            "el pago del día -3 salda la vencida de 50 000 y abona 10 000 a la por vencer");

        await PasarDiasAsync(4);

        Assert.That(await ListaIgualALaAntiguedadAsync(), Is.EqualTo(new[] { ("Beta SpA", 70_000m), ("Alfa Ltda", 60_000m) }),
            "sin cierre: el resto de la factura 3, vencida ayer, se suma desde las cuotas");

        foreach (var aplicacion in pago["aplicaciones"]!.AsArray())
            await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{aplicacion!.Id()}/reversar", new { motivo = "Cheque sin fondos" })).JsonAsync();

        Assert.That(await ListaIgualALaAntiguedadAsync(), Is.EqualTo(new[] { ("Beta SpA", 130_000m), ("Alfa Ltda", 60_000m) }));
        await RodarAsync();
        await ModeloCuadraConSuFechaAsync();
        Assert.That(await ListaIgualALaAntiguedadAsync(), Is.EqualTo(new[] { ("Beta SpA", 130_000m), ("Alfa Ltda", 60_000m) }));

        var otro = await PagarAsync(100_000m, Hoy.AddDays(-2), clienteId: beta);
        var aplicado = otro["aplicaciones"]!.AsArray().Sum(a => (decimal)a!["monto"]!);

        Assert.That(aplicado, Is.GreaterThan(0m));
        Assert.That(await ListaIgualALaAntiguedadAsync(), Does.Contain(("Beta SpA", 130_000m - aplicado)), "lo aplicado con fecha pasada sale del vencido");
        await ModeloCuadraConSuFechaAsync();
    }

    [Test]
    public async Task Con_la_fecha_guardada_adelantada_o_sin_cierre_la_lista_sigue_exacta()
    {
        var alfa = await ClienteAsync("Alfa Ltda");
        var beta = await ClienteAsync("Beta SpA");
        await CrearDocumentoAsync(Factura(1, 40_000m, Hoy.AddDays(-30), Hoy.AddDays(-1), alfa));
        await CrearDocumentoAsync(Factura(2, 90_000m, Hoy.AddDays(-10), Hoy.AddDays(2), alfa));
        await CrearDocumentoAsync(Factura(3, 70_000m, Hoy.AddDays(-10), Hoy, beta));

        Assert.That(await ListaIgualALaAntiguedadAsync(), Is.EqualTo(new[] { ("Alfa Ltda", 40_000m), ("Beta SpA", 0m) }), "nunca cerrado");

        // A kept date ahead of today (a roll run by a clock ahead) counts installments not yet due: the list takes them back.
        await using (var conexion = new NpgsqlConnection(Fixture.Conexion))
        {
            await conexion.OpenAsync();
            await using var comando = new NpgsqlCommand("SELECT cartera.rodar_vencido(@d)", conexion);
            comando.Parameters.AddWithValue("d", Hoy.AddDays(5));
            await comando.ExecuteNonQueryAsync();
        }

        await ModeloCuadraConSuFechaAsync();
        Assert.That(await ListaIgualALaAntiguedadAsync(), Is.EqualTo(new[] { ("Alfa Ltda", 40_000m), ("Beta SpA", 0m) }), "fecha guardada adelantada");
        await PagarAsync(50_000m, Hoy, clienteId: alfa);
        await ModeloCuadraConSuFechaAsync();
        Assert.That(await ListaIgualALaAntiguedadAsync(), Is.EqualTo(new[] { ("Alfa Ltda", 0m), ("Beta SpA", 0m) }));

        await PasarDiasAsync(1);

        Assert.That(await ListaIgualALaAntiguedadAsync(), Is.EqualTo(new[] { ("Beta SpA", 70_000m), ("Alfa Ltda", 0m) }));
    }
}
