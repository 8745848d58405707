using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Reportes;
using Cobranzas.Gestion.Contracts;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// The cut-off is today. Client 1 (segment Retail): D1 100.000 due in 10 days; D2 200.000 due 10 days ago, 50.000 paid today;
/// D3 300.000 due 100 days ago. Client 2 (segment Corporativo): D4 400.000 due 40 days ago.
/// By hand: total 100 + 150 + 300 + 400 = 950.000; overdue 150 + 300 + 400 = 850.000, 850/950 = 89,47 %;
/// buckets por vencer 100.000, 1-30 150.000, 31-60 400.000, 61-90 0, 91-120 300.000, más de 120 0; collected this month 50.000;
/// largest debtors client 1 (550.000), then client 2 (400.000). Segment Corporativo alone: 400.000, all overdue, in 31-60.
/// </summary>
public sealed class TableroTests : PruebaCartera
{
    private string _cliente2 = null!;

    private async Task CrearCarteraAsync()
    {
        var emision = Hoy.AddDays(-130);
        await CrearDocumentoAsync(Factura(1, 100_000m, emision, Hoy.AddDays(10)));
        var d2 = await CrearDocumentoAsync(Factura(2, 200_000m, emision, Hoy.AddDays(-10)));
        await CrearDocumentoAsync(Factura(3, 300_000m, emision, Hoy.AddDays(-100)));
        _cliente2 = (await Api.CrearClienteAsync(Datos.Cliente(segmento: "Corporativo"))).Id();
        await CrearDocumentoAsync(Factura(4, 400_000m, emision, Hoy.AddDays(-40), _cliente2));
        await PagarAsync(50_000m, Hoy, [new { documentoId = d2.Id(), monto = 50_000m }]);
    }

    private static decimal[] Montos(JsonNode nodo) => nodo.AsArray().Select(t => (decimal)t!["monto"]!).ToArray();

    private Task<T> ComoEmpresaAsync<T>(Func<IMediator, ValueTask<T>> pedido) => Fixture.EnAmbitoAsync(sp =>
    {
        sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(Empresa.Id, "prueba");
        return pedido(sp.GetRequiredService<IMediator>()).AsTask();
    });

    [Test]
    public async Task Tablero_muestra_saldo_vencido_tramos_y_recaudacion_calculados_a_mano()
    {
        await CrearCarteraAsync();

        var t = await (await Api.GetAsync("/api/v1/indicadores/tablero")).JsonAsync();

        Assert.That((string?)t["fechaCorte"], Is.EqualTo(F(Hoy)));
        Assert.That(((decimal?)t["totalPorCobrar"], (decimal?)t["vencido"], (decimal?)t["participacionVencido"]), Is.EqualTo((950_000m, 850_000m, 89.47m)));
        Assert.That(Montos(t["antiguedad"]!), Is.EqualTo(new[] { 100_000m, 150_000m, 400_000m, 0m, 300_000m, 0m }));
        Assert.That((decimal?)t["recaudadoMes"], Is.EqualTo(50_000m));
        Assert.That(t["principalesDeudores"]!.AsArray().Select(d => ((string)d!["clienteId"]!, (decimal)d["saldo"]!)),
            Is.EqualTo(new[] { (ClienteId, 550_000m), (_cliente2, 400_000m) }));
        Assert.That((string?)t["principalesDeudores"]![0]!["razonSocial"], Does.StartWith("Cliente "));
        Assert.That(t["tendencia"]!.AsArray(), Has.Count.EqualTo(12));
        Assert.That((string?)t["tendencia"]![11]!["corte"], Is.EqualTo(F(Hoy)));
        Assert.That(t["pronostico"]!.AsArray(), Has.Count.EqualTo(4));
    }

    private async Task<JsonNode> TableroAsync() => await (await Api.GetAsync("/api/v1/indicadores/tablero")).JsonAsync();

    private static (decimal Total, decimal Recaudado, decimal Deudor1, decimal MayorVencido) Cifras(JsonNode t) =>
        ((decimal)t["totalPorCobrar"]!, (decimal)t["recaudadoMes"]!, (decimal)t["principalesDeudores"]![0]!["saldo"]!,
            t["casosCriticos"]!.AsArray().Where(c => (string)c!["tipo"]! == "mayor_vencido").Select(c => (decimal)c!["monto"]!).First());

    /// <summary>The whole company's dashboard is kept for the day; each fact written after it was computed makes it recompute.</summary>
    [Test]
    public async Task El_tablero_guardado_del_dia_cambia_con_un_pago_su_reversa_y_un_documento_nuevo()
    {
        await CrearCarteraAsync();
        Assert.That(Cifras(await TableroAsync()), Is.EqualTo((950_000m, 50_000m, 550_000m, 450_000m)));
        Assert.That(Cifras(await TableroAsync()), Is.EqualTo((950_000m, 50_000m, 550_000m, 450_000m)), "la segunda lectura, guardada, es igual");

        // 100.000 to D3 (the oldest): client 1 owes 450.000 (350.000 overdue), so client 2's 400.000 is the largest overdue.
        var pago = await PagarAsync(100_000m, Hoy);
        Assert.That(Cifras(await TableroAsync()), Is.EqualTo((850_000m, 150_000m, 450_000m, 400_000m)));

        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{pago["aplicaciones"]![0]!.Id()}/reversar", new { motivo = "Aplicado por error" })).JsonAsync();
        Assert.That(Cifras(await TableroAsync()), Is.EqualTo((950_000m, 50_000m, 550_000m, 450_000m)));

        await CrearDocumentoAsync(Factura(5, 70_000m, Hoy, Hoy.AddDays(5), _cliente2));
        var t = await TableroAsync();
        Assert.That(Cifras(t), Is.EqualTo((1_020_000m, 50_000m, 550_000m, 450_000m)));
        Assert.That(Montos(t["antiguedad"]!), Is.EqualTo(new[] { 170_000m, 150_000m, 400_000m, 0m, 300_000m, 0m }));
    }

    /// <summary>Each stored month-end with the whole company's total of the aging report at that date, read through the API.</summary>
    private async Task<List<(DateOnly Mes, decimal Guardado, decimal Antiguedad)>> CierresGuardadosAsync()
    {
        var guardados = new List<(DateOnly, decimal)>();
        await using (var conexion = new NpgsqlConnection(Fixture.Conexion))
        {
            await conexion.OpenAsync();
            await using var comando = new NpgsqlCommand("SELECT mes, montos FROM cartera.cortes_mensuales ORDER BY mes", conexion);
            await using var lector = await comando.ExecuteReaderAsync();
            while (await lector.ReadAsync())
                guardados.Add((lector.GetFieldValue<DateOnly>(0), lector.GetFieldValue<decimal[]>(1).Sum()));
        }

        var cierres = new List<(DateOnly, decimal, decimal)>();
        foreach (var (mes, guardado) in guardados)
            cierres.Add((mes, guardado, (decimal)(await (await Api.GetAsync($"/api/v1/cartera/antiguedad?fechaCorte={F(mes)}&agrupar=empresa")).JsonAsync())["total"]!));
        return cierres;
    }

    /// <summary>
    /// The nightly preparation computes the dashboard before anyone asks: the trend's 12 closed month-ends are stored, each the
    /// aging's total at that date, and the day's dashboard is the one computed by hand. A payment dated in a past month afterwards
    /// drops the stored month-ends from its date on; the next dashboard recomputes them with the payment.
    /// </summary>
    [Test]
    public async Task La_preparacion_nocturna_guarda_los_cierres_del_tablero_y_un_pago_con_fecha_pasada_los_recalcula()
    {
        await CrearCarteraAsync();

        var resultado = await Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<PrepararTableroJob>().EjecutarAsync(CancellationToken.None));

        Assert.That(resultado, Is.EqualTo((1, 0)));
        var cierres = await CierresGuardadosAsync();
        var inicioMes = new DateOnly(Hoy.Year, Hoy.Month, 1);
        Assert.That(cierres.Select(c => c.Mes), Is.EqualTo(Enumerable.Range(1, 12).Select(i => inicioMes.AddMonths(-i).AddMonths(1).AddDays(-1)).Reverse()));
        Assert.That(cierres.Select(c => c.Guardado), Is.EqualTo(cierres.Select(c => c.Antiguedad)));
        Assert.That(Cifras(await TableroAsync()), Is.EqualTo((950_000m, 50_000m, 550_000m, 450_000m)));

        // 100.000 on D3 dated two months ago: the month-ends from then on no longer hold and are dropped; the dashboard recomputes them.
        var fecha = inicioMes.AddMonths(-2).AddDays(3);
        await PagarAsync(100_000m, fecha);
        Assert.That((await CierresGuardadosAsync()).Select(c => c.Mes), Has.All.LessThan(fecha));
        Assert.That(Cifras(await TableroAsync()), Is.EqualTo((850_000m, 50_000m, 450_000m, 400_000m)));
        var despues = await CierresGuardadosAsync();
        Assert.That(despues.Select(c => c.Mes), Is.EqualTo(cierres.Select(c => c.Mes)));
        Assert.That(despues.Select(c => c.Guardado), Is.EqualTo(despues.Select(c => c.Antiguedad)));
        Assert.That(despues.Where(c => c.Mes > fecha).Select(c => c.Guardado), Is.EqualTo(cierres.Where(c => c.Mes > fecha).Select(c => c.Guardado - 100_000m)));
    }

    [Test]
    public async Task El_tablero_guardado_sigue_los_tramos_configurados()
    {
        await CrearCarteraAsync();
        Assert.That(Montos((await TableroAsync())["antiguedad"]!), Is.EqualTo(new[] { 100_000m, 150_000m, 400_000m, 0m, 300_000m, 0m }));

        await (await Api.PutAsJsonAsync("/api/v1/cartera/configuracion", new
        {
            limitesTramos = new[] { 60, 120 }, ordenImputacion = "vencimiento", porcentajesProvision = new[] { 0m, 0m, 0m, 0m },
            cuentaContableConReferencia = (string?)null, cuentaContableSinReferencia = (string?)null,
        })).JsonAsync();

        Assert.That(Montos((await TableroAsync())["antiguedad"]!), Is.EqualTo(new[] { 100_000m, 550_000m, 300_000m, 0m }));
    }

    [Test]
    public async Task Tablero_cuadra_con_cada_reporte_y_contrato_que_compone()
    {
        await CrearCarteraAsync();

        var t = await (await Api.GetAsync("/api/v1/indicadores/tablero")).JsonAsync();

        var antiguedad = await (await Api.GetAsync("/api/v1/cartera/antiguedad?agrupar=empresa")).JsonAsync();
        Assert.That((decimal?)t["totalPorCobrar"], Is.EqualTo((decimal?)antiguedad["total"]));
        Assert.That(Montos(t["antiguedad"]!), Is.EqualTo(Montos(antiguedad["totales"]!)));

        var inicioMes = new DateOnly(Hoy.Year, Hoy.Month, 1);
        var lunes = Hoy.AddDays(-(((int)Hoy.DayOfWeek + 6) % 7));
        var tendencia = await ComoEmpresaAsync(m => m.Send(new ObtenerTendenciaIndicadores(Hoy, 12, null)));
        var recaudado = await ComoEmpresaAsync(m => m.Send(new ObtenerRecaudacion(inicioMes, Hoy, null)));
        var anterior = await ComoEmpresaAsync(m => m.Send(new ObtenerRecaudacion(inicioMes.AddMonths(-1), inicioMes.AddDays(-1), null)));
        var deudores = await ComoEmpresaAsync(m => m.Send(new ObtenerPrincipalesDeudores(Hoy, 10, null)));
        var pronostico = await ComoEmpresaAsync(m => m.Send(new ObtenerPronosticoSemanal(Hoy, 4, null)));
        var compromisos = await ComoEmpresaAsync(m => m.Send(new CompromisosPendientes(lunes, lunes.AddDays(6), null)));
        var casos = await ComoEmpresaAsync(m => m.Send(new ObtenerCasosCriticos(Hoy, 5, null)));

        Assert.That(((decimal?)t["dso"], (decimal?)t["cei"]), Is.EqualTo((tendencia[^1].DsoCountback, tendencia[^1].Cei)));
        Assert.That(t["tendencia"]!.AsArray().Select(p => ((string)p!["corte"]!, (decimal)p["dsoCountback"]!, (decimal)p["cei"]!)),
            Is.EqualTo(tendencia.Select(p => (F(p.Corte), p.DsoCountback, p.Cei))));
        Assert.That(((decimal?)t["recaudadoMes"], (decimal?)t["recaudadoMesAnterior"]), Is.EqualTo((recaudado, anterior)));
        Assert.That(t["principalesDeudores"]!.AsArray().Select(d => (Guid.Parse((string)d!["clienteId"]!), (decimal)d["saldo"]!, (decimal)d["vencido"]!, (decimal)d["participacion"]!)),
            Is.EqualTo(deudores.Select(d => (d.ClienteId, d.Saldo, d.Vencido, d.Participacion))));
        Assert.That(t["pronostico"]!.AsArray().Select(s => ((string)s!["inicio"]!, (decimal)s["esperado"]!)), Is.EqualTo(pronostico.Select(s => (F(s.Inicio), s.Esperado))));
        Assert.That((int?)t["compromisosSemana"]!["cantidad"], Is.EqualTo(compromisos.Count));
        Assert.That(t["casosCriticos"]!.AsArray().Select(c => ((string)c!["tipo"]!, Guid.Parse((string)c["clienteId"]!), (decimal)c["monto"]!)),
            Is.EqualTo(casos.Select(c => (c.Tipo, c.ClienteId, c.Monto))));
    }

    [Test]
    public async Task Filtro_por_segmento_deja_solo_sus_clientes()
    {
        await CrearCarteraAsync();

        var t = await (await Api.GetAsync("/api/v1/indicadores/tablero?segmento=Corporativo")).JsonAsync();

        Assert.That(((decimal?)t["totalPorCobrar"], (decimal?)t["vencido"], (decimal?)t["participacionVencido"]), Is.EqualTo((400_000m, 400_000m, 100m)));
        Assert.That(Montos(t["antiguedad"]!), Is.EqualTo(new[] { 0m, 0m, 400_000m, 0m, 0m, 0m }));
        Assert.That((decimal?)t["recaudadoMes"], Is.EqualTo(0m));
        Assert.That(t["principalesDeudores"]!.AsArray().Select(d => (string)d!["clienteId"]!), Is.EqualTo(new[] { _cliente2 }));

        var nadie = await (await Api.GetAsync("/api/v1/indicadores/tablero?segmento=Inexistente")).JsonAsync();
        Assert.That(((decimal?)nadie["totalPorCobrar"], nadie["principalesDeudores"]!.AsArray().Count), Is.EqualTo((0m, 0)));
    }

    [Test]
    public async Task Tablero_de_una_fecha_pasada_no_cuenta_lo_posterior()
    {
        await CrearCarteraAsync();
        var corte = Hoy.AddDays(-1);

        var t = await (await Api.GetAsync($"/api/v1/indicadores/tablero?fechaCorte={F(corte)}")).JsonAsync();

        // Yesterday the 50.000 payment of today had not come: 1.000.000 receivable, 900.000 overdue.
        Assert.That(((string?)t["fechaCorte"], (decimal?)t["totalPorCobrar"], (decimal?)t["vencido"]), Is.EqualTo((F(corte), 1_000_000m, 900_000m)));
    }

    [Test]
    public async Task Otra_empresa_no_ve_la_cartera_ajena()
    {
        await CrearCarteraAsync();
        var otra = await Fixture.CrearEmpresaAsync("Comercial del Sur");
        var api = await Fixture.ClienteHttpAsync(otra);

        var t = await (await api.GetAsync("/api/v1/indicadores/tablero")).JsonAsync();

        Assert.That(((decimal?)t["totalPorCobrar"], (decimal?)t["recaudadoMes"]), Is.EqualTo((0m, 0m)));
        Assert.That(t["principalesDeudores"]!.AsArray(), Is.Empty);
        Assert.That(t["casosCriticos"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Un_usuario_de_consulta_lee_el_tablero()
    {
        await CrearCarteraAsync();
        var consulta = await Fixture.ClienteHttpAsync(Empresa, Roles.Consulta);

        var t = await (await consulta.GetAsync("/api/v1/indicadores/tablero")).JsonAsync();

        Assert.That((decimal?)t["totalPorCobrar"], Is.EqualTo(950_000m));
    }

    [Test]
    public async Task Sin_sesion_no_hay_tablero()
    {
        var r = await Fixture.ClienteAnonimo().GetAsync("/api/v1/indicadores/tablero");

        Assert.That((int)r.StatusCode, Is.EqualTo(401));
    }

    [TestCase("fechaCorte=2026-02-30", "fechaCorte")]
    [TestCase("fechaCorte=0001-01-01", "fechaCorte")]
    [TestCase("cobradorId=no-es-uuid", "cobradorId")]
    public async Task Entrada_invalida_responde_400_en_espanol_nombrando_el_campo(string consulta, string campo)
    {
        var p = await (await Api.GetAsync($"/api/v1/indicadores/tablero?{consulta}")).ProblemaAsync(400);

        Assert.That(p["errors"]!.AsObject().Select(e => e.Key), Does.Contain(campo));
    }

    [Test]
    public async Task Segmento_largo_o_con_nul_responde_400()
    {
        var largo = await (await Api.GetAsync($"/api/v1/indicadores/tablero?segmento={new string('x', 51)}")).ProblemaAsync(400);
        var nul = await (await Api.GetAsync("/api/v1/indicadores/tablero?segmento=a%00b")).ProblemaAsync(400);

        Assert.That(largo["errors"]!.AsObject().Select(e => e.Key), Does.Contain("segmento"));
        Assert.That(nul["errors"]!.AsObject().Select(e => e.Key), Does.Contain("segmento"));
    }
}
