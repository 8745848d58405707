using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cobranzas.Integraciones.Contabilidad;
using Cobranzas.Testing;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Cobranzas.Integraciones.Tests;

/// <summary>The accounting export (issue 12 §4): entries per period, CSV/XLSX, the ERP's cursor pull.</summary>
public sealed class ContabilidadTests : PruebaIntegraciones
{
    private const string Base = "/api/v1/integraciones/contabilidad";

    /// <summary>No provision unless a test sets percentages: the other tests count only the entries of their own facts.</summary>
    [SetUp]
    public async Task SinProvisionAsync() => await PorcentajesProvisionAsync(new decimal[6]);

    private async Task PorcentajesProvisionAsync(decimal[] porcentajes) =>
        await (await Api.PutAsJsonAsync("/api/v1/cartera/configuracion", new
        {
            limitesTramos = new[] { 30, 60, 90, 120 }, ordenImputacion = "vencimiento", porcentajesProvision = porcentajes,
            cuentaContableConReferencia = (string?)null, cuentaContableSinReferencia = (string?)null,
        })).JsonAsync();

    private async Task<JsonNode> PagarAsync(decimal monto, DateOnly fecha, string canal = "transferencia", string? referencia = null, string? clienteId = null) =>
        await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = clienteId ?? ClienteId, fecha = F(fecha), monto, moneda = "CLP", canal, referencia, aplicacion = "automatica",
            fechaCheque = canal == "cheque" ? F(fecha) : null,
        })).JsonAsync(201);

    private async Task<int> GenerarAsync() => (int)(await (await Api.PostAsync($"{Base}/asientos/generar", null)).JsonAsync())["generados"]!;

    private async Task<JsonNode> PeriodoAsync(DateOnly desde, DateOnly hasta) =>
        await (await Api.GetAsync($"{Base}/asientos/periodo?desde={F(desde)}&hasta={F(hasta)}")).JsonAsync();

    private static decimal Total(JsonNode periodo, string cuenta, string lado) =>
        periodo["totalesPorCuenta"]!.AsArray().Where(t => (string)t!["cuenta"]! == cuenta).Sum(t => (decimal)t![lado]!);

    private static void AssertCuadrados(IEnumerable<JsonNode?> asientos)
    {
        foreach (var a in asientos)
        {
            var lineas = a!["lineas"]!.AsArray();
            Assert.That(lineas.Sum(l => (decimal)l!["debe"]!), Is.EqualTo(lineas.Sum(l => (decimal)l!["haber"]!)).And.GreaterThan(0m), a.ToJsonString());
            Assert.That(lineas.All(l => (decimal)l!["debe"]! == 0 || (decimal)l["haber"]! == 0), a.ToJsonString());
        }
    }

    [Test]
    public async Task Los_totales_del_periodo_son_los_pagos_y_castigos_del_periodo_y_cada_asiento_cuadra()
    {
        var desde = Hoy.AddDays(-20);
        await FacturaAsync(1, 500_000m, Hoy.AddDays(-200), Hoy.AddDays(-150));
        var castigada = await FacturaAsync(2, 80_000m, Hoy.AddDays(-400), Hoy.AddDays(-370));
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{castigada.Id()}/castigar", new { fecha = F(Hoy.AddDays(-5)), motivo = "Deudor inubicable" })).JsonAsync();
        await PagarAsync(100_000m, Hoy.AddDays(-10), "transferencia");
        await PagarAsync(20_000m, Hoy.AddDays(-3), "efectivo");
        await PagarAsync(7_000m, Hoy.AddDays(-30), "tarjeta");

        Assert.That(await GenerarAsync(), Is.EqualTo(4));
        var periodo = await PeriodoAsync(desde, Hoy);

        Assert.That((int?)periodo["cantidad"], Is.EqualTo(3));
        AssertCuadrados(periodo["asientos"]!.AsArray());
        Assert.That(Total(periodo, "1105", "haber"), Is.EqualTo(200_000m), "Clientes: los pagos (120 000) y el castigo (80 000) del período");
        Assert.That(Total(periodo, "1102", "debe"), Is.EqualTo(100_000m), "la transferencia va al banco");
        Assert.That(Total(periodo, "1101", "debe"), Is.EqualTo(20_000m), "el efectivo, a caja");
        Assert.That(Total(periodo, "6305", "debe"), Is.EqualTo(80_000m), "el castigo, a gasto por incobrables");
        Assert.That((decimal?)periodo["totalDebe"], Is.EqualTo(200_000m));
        Assert.That((decimal?)periodo["totalHaber"], Is.EqualTo(200_000m));
        Assert.That(await GenerarAsync(), Is.EqualTo(0), "generar otra vez no repite nada");
    }

    [Test]
    public async Task La_variacion_mensual_de_la_provision_suma_la_provision_del_ultimo_cierre_y_un_pago_atrasado_la_ajusta()
    {
        await PorcentajesProvisionAsync([0m, 1m, 5m, 20m, 50m, 100m]);
        await FacturaAsync(1, 1_000_000m, Hoy.AddDays(-200), Hoy.AddDays(-150));
        var finMesPasado = new DateOnly(Hoy.Year, Hoy.Month, 1).AddDays(-1);
        async Task<decimal> ProvisionAsync() => (decimal)(await (await Api.GetAsync($"/api/v1/cartera/provision?fechaCorte={F(finMesPasado)}")).JsonAsync())["provision"]!;
        async Task<List<JsonNode>> ProvisionesAsync() =>
            (await (await Api.GetAsync($"{Base}/asientos?limite=1000")).JsonAsync())["asientos"]!.AsArray().Where(a => (string)a!["tipoOrigen"]! == "provision").Select(a => a!).ToList();
        static decimal Neto(IEnumerable<JsonNode> asientos) =>
            asientos.SelectMany(a => a["lineas"]!.AsArray()).Where(l => (string)l!["cuenta"]! == "1106").Sum(l => (decimal)l!["haber"]! - (decimal)l["debe"]!);
        var esperada = await ProvisionAsync();
        Assert.That(esperada, Is.GreaterThan(0m));

        await GenerarAsync();
        var provisiones = await ProvisionesAsync();

        Assert.That(Neto(provisiones), Is.EqualTo(esperada));
        AssertCuadrados(provisiones);
        Assert.That(provisiones.Select(a => DateOnly.Parse((string)a["fecha"]!)), Is.All.Matches<DateOnly>(d => d.AddDays(1).Day == 1), "al cierre de cada mes");

        await PagarAsync(400_000m, finMesPasado.AddDays(-1));
        await GenerarAsync();
        var ajustadas = await ProvisionesAsync();

        Assert.That(await ProvisionAsync(), Is.LessThan(esperada));
        Assert.That(Neto(ajustadas), Is.EqualTo(await ProvisionAsync()), "el ajuste del mes pasado es un asiento nuevo, no una edición");
        Assert.That(ajustadas.Take(provisiones.Count).Select(a => a.ToJsonString()), Is.EqualTo(provisiones.Select(a => a.ToJsonString())));
        Assert.That(ajustadas.Skip(provisiones.Count).Select(a => (int)a["version"]!), Is.All.GreaterThan(1));
    }

    [Test]
    public async Task Un_pago_con_fecha_pasada_entra_en_su_periodo_y_en_la_siguiente_lectura_del_cursor()
    {
        await FacturaAsync(1, 500_000m, Hoy.AddDays(-200), Hoy.AddDays(-150));
        var mesPasado = (Desde: Hoy.AddDays(-60), Hasta: Hoy.AddDays(-31));
        await PagarAsync(10_000m, Hoy.AddDays(-45));
        await GenerarAsync();
        var primera = await (await Api.GetAsync($"{Base}/asientos")).JsonAsync();
        Assert.That(Total(await PeriodoAsync(mesPasado.Desde, mesPasado.Hasta), "1105", "haber"), Is.EqualTo(10_000m));

        await PagarAsync(5_000m, Hoy.AddDays(-40), referencia: "Atrasado");
        await GenerarAsync();

        Assert.That(Total(await PeriodoAsync(mesPasado.Desde, mesPasado.Hasta), "1105", "haber"), Is.EqualTo(15_000m), "el período pasado suma ahora los dos pagos");
        var segunda = await (await Api.GetAsync($"{Base}/asientos?cursor={(string)primera["siguienteCursor"]!}")).JsonAsync();
        Assert.That(segunda["asientos"]!.AsArray().Select(a => (decimal)a!["total"]!), Is.EqualTo(new[] { 5_000m }));
        Assert.That((string?)segunda["asientos"]![0]!["fecha"], Is.EqualTo(F(Hoy.AddDays(-40))));
    }

    [Test]
    public async Task El_cursor_recorre_todo_sin_repetir_ni_saltar_aunque_lleguen_asientos_entre_lecturas()
    {
        await FacturaAsync(1, 5_000_000m, Hoy.AddDays(-200), Hoy.AddDays(-150));
        for (var i = 1; i <= 5; i++)
            await PagarAsync(1_000m * i, Hoy.AddDays(-i));
        await GenerarAsync();

        var vistos = new List<string>();
        string cursor = "0";
        async Task<bool> LeerAsync()
        {
            var pagina = await (await Api.GetAsync($"{Base}/asientos?cursor={cursor}&limite=2")).JsonAsync();
            vistos.AddRange(pagina["asientos"]!.AsArray().Select(a => (string)a!["id"]!));
            cursor = (string)pagina["siguienteCursor"]!;
            return (bool)pagina["hayMas"]!;
        }

        Assert.That(await LeerAsync(), Is.True);
        await PagarAsync(6_000m, Hoy.AddDays(-100));
        await PagarAsync(7_000m, Hoy);
        await GenerarAsync();
        while (await LeerAsync())
        {
        }

        Assert.That(vistos, Has.Count.EqualTo(7));
        Assert.That(vistos, Is.Unique);
        var otraVez = await (await Api.GetAsync($"{Base}/asientos?cursor={cursor}")).JsonAsync();
        Assert.That(otraVez["asientos"]!.AsArray(), Is.Empty);
        Assert.That((string?)otraVez["siguienteCursor"], Is.EqualTo(cursor));
    }

    [Test]
    public async Task Generaciones_simultaneas_no_duplican_asientos_y_la_secuencia_es_continua()
    {
        await FacturaAsync(1, 5_000_000m, Hoy.AddDays(-200), Hoy.AddDays(-150));
        for (var i = 1; i <= 10; i++)
            await PagarAsync(1_000m * i, Hoy.AddDays(-i));

        var generados = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(GenerarAsync)));

        Assert.That(generados.Sum(), Is.EqualTo(10));
        var pagina = await (await Api.GetAsync($"{Base}/asientos?limite=100")).JsonAsync();
        Assert.That(pagina["asientos"]!.AsArray().Select(a => (long)a!["secuencia"]!), Is.EqualTo(Enumerable.Range(1, 10).Select(i => (long)i)));
    }

    [Test]
    public async Task Un_cheque_protestado_vuelve_a_clientes_con_su_costo_en_un_asiento_nuevo_que_cuadra()
    {
        await FacturaAsync(1, 500_000m, Hoy.AddDays(-60), Hoy.AddDays(-30));
        var cheque = await PagarAsync(50_000m, Hoy.AddDays(-4), "cheque", "Cheque 991");
        await GenerarAsync();
        await (await Api.PostAsJsonAsync($"/api/v1/pagos/{cheque.Id()}/protestar", new { motivo = "Falta de fondos", costo = 3_500m, fecha = F(Hoy) })).JsonAsync();

        Assert.That(await GenerarAsync(), Is.EqualTo(1));
        var todos = (await (await Api.GetAsync($"{Base}/asientos")).JsonAsync())["asientos"]!.AsArray();

        AssertCuadrados(todos);
        Assert.That(todos.Select(a => (string)a!["tipoOrigen"]!), Is.EqualTo(new[] { "pago", "protesto_cheque" }));
        var protesto = todos[1]!["lineas"]!.AsArray().Select(l => ((string)l!["cuenta"]!, (decimal)l["debe"]!, (decimal)l["haber"]!));
        Assert.That(protesto, Is.EquivalentTo(new[] { ("1105", 50_000m, 0m), ("1104", 0m, 50_000m), ("6307", 3_500m, 0m), ("1104", 0m, 3_500m) }));
        Assert.That(todos[0]!["lineas"]![0]!["cuenta"]!.GetValue<string>(), Is.EqualTo("1104"), "el cheque recibido, a documentos en cartera");
    }

    /// <summary>A CLP invoice of 300,000 written off 60 days ago (its entry: 6305 against 1105).</summary>
    private async Task<JsonNode> CastigadaAsync()
    {
        var doc = await FacturaAsync(71, 300_000m, Hoy.AddDays(-500), Hoy.AddDays(-450));
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/castigar", new { fecha = F(Hoy.AddDays(-60)), motivo = "Incobrable" })).JsonAsync();
        return doc;
    }

    private async Task<JsonNode> PagoConRecuperoAsync(JsonNode castigada, DateOnly fecha, string canal, string referencia) =>
        await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(fecha), monto = 120_000m, moneda = "CLP", canal, referencia, aplicacion = "manual",
            fechaCheque = canal == "cheque" ? F(fecha) : null, aplicaciones = new[] { new { documentoId = castigada.Id(), monto = 100_000m } },
        })).JsonAsync(201);

    private async Task<List<JsonNode>> AsientosAsync(string tipoOrigen) =>
        (await (await Api.GetAsync($"{Base}/asientos?limite=1000")).JsonAsync())["asientos"]!.AsArray().Where(a => (string)a!["tipoOrigen"]! == tipoOrigen).Select(a => a!).ToList();

    private static IEnumerable<(string Cuenta, decimal Debe, decimal Haber)> Lineas(JsonNode asiento) =>
        asiento["lineas"]!.AsArray().Select(l => ((string)l!["cuenta"]!, (decimal)l["debe"]!, (decimal)l["haber"]!));

    private static (string Fecha, string Moneda, string? Referencia, decimal Total) Cabecera(JsonNode a) =>
        ((string)a["fecha"]!, (string)a["moneda"]!, (string?)a["referencia"], (decimal)a["total"]!);

    [Test]
    public async Task Un_recupero_desde_un_cheque_con_fecha_pasada_y_su_protesto_dan_asientos_en_sus_fechas_que_cuadran()
    {
        var castigada = await CastigadaAsync();
        var fechaPago = Hoy.AddDays(-20);
        var fechaProtesto = Hoy.AddDays(-5);
        // 120,000 by cheque dated 20 days ago: 100,000 recover the write-off, 20,000 stay as saldo a favor.
        var cheque = await PagoConRecuperoAsync(castigada, fechaPago, "cheque", "Cheque 4411");
        Assert.That(await GenerarAsync(), Is.EqualTo(3), "castigo, pago y recupero");

        var recupero = (await AsientosAsync("recupero_castigo_pago")).Single();
        Assert.That(Cabecera(recupero), Is.EqualTo((F(fechaPago), "CLP", (string?)"33 71", 100_000m)));
        Assert.That((string)recupero["origenId"]!, Is.EqualTo((string)cheque["recuperos"]![0]!["id"]!));
        Assert.That(Lineas(recupero), Is.EqualTo(new[] { ("1105", 100_000m, 0m), ("6305", 0m, 100_000m) }), "de Clientes (el pago ya lo abonó) al gasto por incobrables");
        Assert.That(Total(await PeriodoAsync(fechaPago, fechaPago), "6305", "haber"), Is.EqualTo(100_000m), "el recupero cae en el período de la fecha del pago");

        await (await Api.PostAsJsonAsync($"/api/v1/pagos/{cheque.Id()}/protestar", new { motivo = "Falta de fondos", costo = 0m, fecha = F(fechaProtesto) })).JsonAsync();
        Assert.That(await GenerarAsync(), Is.EqualTo(2), "protesto y reversa del recupero");

        var reversa = (await AsientosAsync("reversa_recupero_castigo_pago")).Single();
        Assert.That(Cabecera(reversa), Is.EqualTo((F(fechaProtesto), "CLP", (string?)"33 71", 100_000m)), "a la fecha del protesto, no a la del pago");
        Assert.That((string)reversa["origenId"]!, Is.EqualTo((string)recupero["origenId"]!));
        Assert.That(Lineas(reversa), Is.EqualTo(new[] { ("6305", 100_000m, 0m), ("1105", 0m, 100_000m) }));
        Assert.That((string)reversa["glosa"]!, Does.StartWith("Reversa de recupero"));
        var protesto = (await AsientosAsync("protesto_cheque")).Single();
        Assert.That(Lineas(protesto), Is.EquivalentTo(new[] { ("1105", 120_000m, 0m), ("1104", 0m, 120_000m) }));

        var todos = (await (await Api.GetAsync($"{Base}/asientos?limite=1000")).JsonAsync())["asientos"]!.AsArray();
        AssertCuadrados(todos);
        var periodoPago = await PeriodoAsync(fechaPago, fechaProtesto.AddDays(-1));
        Assert.That((Total(periodoPago, "6305", "debe"), Total(periodoPago, "6305", "haber")), Is.EqualTo((0m, 100_000m)), "el período del pago no cambia con el protesto posterior");
        var hastaHoy = await PeriodoAsync(Hoy.AddDays(-60), Hoy);
        Assert.That((decimal?)hastaHoy["totalDebe"], Is.EqualTo((decimal?)hastaHoy["totalHaber"]));
        Assert.That(Total(hastaHoy, "6305", "debe") - Total(hastaHoy, "6305", "haber"), Is.EqualTo(300_000m), "el gasto queda en el castigo entero: nada se recuperó");
        Assert.That(Total(hastaHoy, "1105", "debe") - Total(hastaHoy, "1105", "haber"), Is.EqualTo(-300_000m), "Clientes: solo el castigo; el cheque vuelve entero");
        Assert.That(await GenerarAsync(), Is.EqualTo(0));
    }

    [Test]
    public async Task La_reversa_manual_de_un_recupero_desde_un_pago_se_contabiliza_en_su_fecha_y_el_dinero_queda_en_clientes()
    {
        var castigada = await CastigadaAsync();
        var pago = await PagoConRecuperoAsync(castigada, Hoy.AddDays(-10), "transferencia", "TRF 9");
        await GenerarAsync();
        await (await Api.PostAsJsonAsync($"/api/v1/castigos/recuperos/{(string)pago["recuperos"]![0]!["id"]!}/reversar", new { motivo = "Era de otra deuda", fecha = F(Hoy.AddDays(-3)) }))
            .JsonAsync();
        Assert.That(await GenerarAsync(), Is.EqualTo(1));

        var reversa = (await AsientosAsync("reversa_recupero_castigo_pago")).Single();
        Assert.That(Cabecera(reversa), Is.EqualTo((F(Hoy.AddDays(-3)), "CLP", (string?)"33 71", 100_000m)));
        Assert.That(Lineas(reversa), Is.EqualTo(new[] { ("6305", 100_000m, 0m), ("1105", 0m, 100_000m) }));
        var periodo = await PeriodoAsync(Hoy.AddDays(-10), Hoy);
        AssertCuadrados(periodo["asientos"]!.AsArray());
        Assert.That(Total(periodo, "1105", "haber") - Total(periodo, "1105", "debe"), Is.EqualTo(120_000m), "el pago entero queda abonado a Clientes: es saldo a favor");
        Assert.That(Total(periodo, "6305", "debe") - Total(periodo, "6305", "haber"), Is.EqualTo(0m));
    }

    [Test]
    public async Task La_configuracion_define_las_cuentas_de_los_asientos_nuevos_sin_tocar_los_ya_generados()
    {
        var porDefecto = await (await Api.GetAsync($"{Base}/configuracion")).JsonAsync();
        Assert.That(((bool?)porDefecto["porDefecto"], (string?)porDefecto["cuentaClientes"]), Is.EqualTo((true, "1105")));
        await FacturaAsync(1, 500_000m, Hoy.AddDays(-60), Hoy.AddDays(-30));
        await PagarAsync(1_000m, Hoy.AddDays(-2));
        await GenerarAsync();

        var guardada = await (await Api.PutAsJsonAsync($"{Base}/configuracion", new
        {
            cuentaClientes = "1.1.05", cuentaBanco = "1.1.02", cuentaGastoIncobrables = "6.3.05", cuentaProvisionIncobrables = "1.1.06", castigoContraProvision = true,
            cuentaGastoProtesto = "6.3.07", cuentasCanal = new[] { new { clave = "transferencia", cuenta = "1.1.02.01" } }, cuentasDeposito = Array.Empty<object>(),
        })).JsonAsync();
        Assert.That((bool?)guardada["porDefecto"], Is.False);
        await PagarAsync(2_000m, Hoy.AddDays(-1));
        await GenerarAsync();

        var asientos = (await (await Api.GetAsync($"{Base}/asientos")).JsonAsync())["asientos"]!.AsArray();
        Assert.That(asientos.Select(a => (string)a!["lineas"]![0]!["cuenta"]!), Is.EqualTo(new[] { "1102", "1.1.02.01" }));
        Assert.That(asientos.Select(a => (string)a!["lineas"]![1]!["cuenta"]!), Is.EqualTo(new[] { "1105", "1.1.05" }));
    }

    [TestCase("cuentaClientes", "1105\u0000")]
    [TestCase("cuentaBanco", "=1+1")]
    [TestCase("cuentasCanal", "canal-inexistente")]
    public async Task Una_configuracion_invalida_es_400_que_nombra_el_campo(string campo, string valor)
    {
        var cuerpo = new JsonObject
        {
            ["cuentaClientes"] = "1105", ["cuentaBanco"] = "1102", ["cuentaGastoIncobrables"] = "6305", ["cuentaProvisionIncobrables"] = "1106",
            ["castigoContraProvision"] = false, ["cuentaGastoProtesto"] = "6307", ["cuentasCanal"] = new JsonArray(), ["cuentasDeposito"] = new JsonArray(),
        };
        if (campo == "cuentasCanal")
            cuerpo[campo] = new JsonArray(new JsonObject { ["clave"] = valor, ["cuenta"] = "1101" });
        else
            cuerpo[campo] = valor;

        var problema = await (await Api.PutAsJsonAsync($"{Base}/configuracion", cuerpo)).ProblemaAsync(400);

        Assert.That(problema.CamposConError().Single(), Does.StartWith(campo));
    }

    [Test]
    public async Task La_exportacion_csv_y_xlsx_neutraliza_formulas_y_suma_lo_mismo_que_el_periodo()
    {
        await FacturaAsync(1, 500_000m, Hoy.AddDays(-60), Hoy.AddDays(-30));
        await PagarAsync(12_345m, Hoy.AddDays(-2), referencia: "=HYPERLINK(\"http://malo.test\")");
        await PagarAsync(1_000m, Hoy.AddDays(-1), referencia: "+56 transferencia");
        await GenerarAsync();
        var consulta = $"desde={F(Hoy.AddDays(-30))}&hasta={F(Hoy)}";

        var csv = Encoding.UTF8.GetString(await (await Api.GetAsync($"{Base}/asientos/exportar?{consulta}&formato=csv")).Content.ReadAsByteArrayAsync());
        var xlsx = await (await Api.GetAsync($"{Base}/asientos/exportar?{consulta}&formato=xlsx")).Content.ReadAsByteArrayAsync();

        Assert.That(csv, Does.Contain("'=HYPERLINK").And.Contain("'+56 transferencia"));
        Assert.That(csv, Does.Not.Contain(";=HYPERLINK"));
        var filasCsv = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => f.TrimEnd('\r')).ToList();
        Assert.That(filasCsv, Has.Count.EqualTo(4));
        Assert.That(LibroXlsx.ErroresDeHojas(xlsx), Is.Empty);
        var filas = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.That(filas.Select(f => (string?)f["Referencia"]), Has.Some.StartsWith("'=HYPERLINK").And.Some.StartsWith("'+56"));
        Assert.That(filas.Sum(f => Convert.ToDecimal(f["Debe"])), Is.EqualTo(13_345m));
        Assert.That(filas.Sum(f => Convert.ToDecimal(f["Haber"])), Is.EqualTo(13_345m));
    }

    [Test]
    public async Task Otra_empresa_no_ve_nuestros_asientos_ni_los_genera()
    {
        await FacturaAsync(1, 500_000m, Hoy.AddDays(-60), Hoy.AddDays(-30));
        await PagarAsync(1_000m, Hoy.AddDays(-1));
        await GenerarAsync();
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));

        var generados = (int)(await (await otra.PostAsync($"{Base}/asientos/generar", null)).JsonAsync())["generados"]!;
        var suyos = await (await otra.GetAsync($"{Base}/asientos")).JsonAsync();
        var periodo = await (await otra.GetAsync($"{Base}/asientos/periodo?desde={F(Hoy.AddDays(-30))}&hasta={F(Hoy)}")).JsonAsync();

        Assert.That(generados, Is.Zero);
        Assert.That(suyos["asientos"]!.AsArray(), Is.Empty);
        Assert.That((int?)periodo["cantidad"], Is.Zero);
    }

    [TestCase("cursor=abc")]
    [TestCase("limite=0")]
    [TestCase("limite=1001")]
    public async Task Un_cursor_o_limite_invalido_es_400(string consulta)
    {
        var problema = await (await Api.GetAsync($"{Base}/asientos?{consulta}")).ProblemaAsync(400);

        Assert.That(problema.CamposConError().Single(), Is.EqualTo(consulta.Split('=')[0]));
    }

    [Test]
    public async Task Un_periodo_invertido_es_400_que_nombra_hasta()
    {
        var problema = await (await Api.GetAsync($"{Base}/asientos/exportar?desde={F(Hoy)}&hasta={F(Hoy.AddDays(-1))}&formato=csv")).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "hasta" }));
    }

    [Test]
    public async Task El_trabajo_genera_los_asientos_de_las_empresas_con_configuracion()
    {
        await FacturaAsync(1, 500_000m, Hoy.AddDays(-60), Hoy.AddDays(-30));
        await PagarAsync(1_000m, Hoy.AddDays(-1));
        await (await Api.PutAsJsonAsync($"{Base}/configuracion", new
        {
            cuentaClientes = "1105", cuentaBanco = "1102", cuentaGastoIncobrables = "6305", cuentaProvisionIncobrables = "1106", castigoContraProvision = false,
            cuentaGastoProtesto = "6307", cuentasCanal = Array.Empty<object>(), cuentasDeposito = Array.Empty<object>(),
        })).JsonAsync();

        await using (var alcance = Fixture.Factory.Services.CreateAsyncScope())
        {
            var trabajo = ActivatorUtilities.CreateInstance<GenerarAsientosJob>(alcance.ServiceProvider);
            Assert.That(await trabajo.EjecutarAsync(CancellationToken.None), Is.EqualTo(1));
        }

        var asientos = (await (await Api.GetAsync($"{Base}/asientos")).JsonAsync())["asientos"]!.AsArray();
        Assert.That(asientos, Has.Count.EqualTo(1));
    }
}
