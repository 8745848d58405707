using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Testing;

namespace Cobranzas.Gestion.Tests.Indicadores;

/// <summary>
/// The collection KPIs against a small portfolio over three months whose figures are computed by hand.
/// <para>
/// d1 = the first day of the month after the clock's date (M1); d2 = d1 + 1 month (M2); d3 = d1 + 2 months (M3); the test ends at
/// hoy = d3 + 5. Clients A (the base class's client), B, C; collectors Ana (A, B) and Beto (C). Grace: 2 days (the default).
/// Invoices: A 300 000 due d1−30, B 200 000 due d1−20, C 500 000 due d1−40.
/// Cost table: Llamada 1 000, Correo 200, Visita 15 000 CLP; agencies' commission 10 % (agencies recover 0 for now).
/// </para>
/// <para>
/// Promises (taken on the day shown, one installment each):
/// P1 d1 A 100 000 due d1+5, A pays 100 000 on d1+3 → kept (Ana).
/// P2 d1 C 200 000 due d1+10, C pays 50 000 on d1+8 → partially kept = broken after d1+12 (Beto).
/// P3 d1 B 80 000 due d1+15, nothing paid → broken (Ana).
/// P4 d2 A 60 000 due d2+5, A pays 60 000 on d2+7 (inside the grace) → kept (Ana).
/// P5 d3 C 150 000 due d3+20 → pending (Beto).
/// Disputes: on B's invoice opened on hoy−40 (critical, N = 30), on A's invoice opened on d3 (5 days: not critical).
/// </para>
/// <para>
/// Activities (collector, type, result):
/// M1 d1+2: Ana 3 Llamada (contactado, no_contesta, promesa), Ana 2 Correo (no result); Beto 1 Visita (contactado), 1 Llamada (buzon_voz).
/// M2 d2+2: Ana 2 Llamada (contactado, se_niega); Beto 1 Llamada (pago), 1 Correo (no result).
/// M3: d3+2 Ana 1 Visita (disputa); hoy Ana 1 Llamada (contactado).
/// </para>
/// </summary>
public sealed class IndicadoresGestionTests : PruebaCompromisos
{
    private DateOnly _d1;
    private DateOnly _d2;
    private DateOnly _d3;
    private string _b = null!;
    private string _c = null!;
    private Guid _ana;
    private Guid _beto;
    private UsuarioPrueba _usuarioAna = null!;
    private string _p2 = null!;
    private string _p3 = null!;
    private string _disputaB = null!;

    private async Task PortafolioAsync()
    {
        // The clock is shared by every test and moves in whole days: from noon in Santiago a change of summer time (±1 h) cannot move
        // the business date, which it did when the tests ran just after midnight and the portfolio's months crossed early September.
        var local = TimeZoneInfo.ConvertTime(Fixture.Reloj.GetUtcNow(), SharedKernel.Tiempo.FechaNegocio.Santiago);
        var mediodia = local.Date.AddHours(12);
        Fixture.Reloj.Advance(local.TimeOfDay <= TimeSpan.FromHours(12) ? mediodia - local.DateTime : mediodia.AddDays(1) - local.DateTime);
        _d1 = new DateOnly(Hoy.Year, Hoy.Month, 1).AddMonths(1);
        _d2 = _d1.AddMonths(1);
        _d3 = _d1.AddMonths(2);
        await PasarDiasAsync(_d1.DayNumber - Hoy.DayNumber);

        _b = (await Api.CrearClienteAsync()).Id();
        _c = (await Api.CrearClienteAsync()).Id();
        _usuarioAna = await Fixture.CrearUsuarioAsync(Empresa, "Cobrador");
        _ana = await CobradorAsync("Ana", _usuarioAna.Id, ClienteId, _b);
        _beto = await CobradorAsync("Beto", null, _c);
        var facturaA = await FacturaAsync(1, 300_000, _d1.AddDays(-60), _d1.AddDays(-30));
        var facturaB = await FacturaAsync(2, 200_000, _d1.AddDays(-50), _d1.AddDays(-20), _b);
        await FacturaAsync(3, 500_000, _d1.AddDays(-70), _d1.AddDays(-40), _c);

        var tipos = (await (await Api.GetAsync("/api/v1/gestion/tipos-actividad")).JsonAsync()).AsArray().ToDictionary(t => (string)t!["tipo"]!, t => Guid.Parse(t!.Id()));
        (await Api.PutAsJsonAsync("/api/v1/gestion/costos-cobranza", new
        {
            comisionAgenciasPorcentaje = 10m,
            costos = new[] { new { tipoActividadId = tipos["llamada"], costo = 1_000m }, new { tipoActividadId = tipos["correo"], costo = 200m }, new { tipoActividadId = tipos["visita"], costo = 15_000m } },
        })).EnsureSuccessStatusCode();

        await ActividadesAsync(tipos,
            (_d1.AddDays(2), _ana, ClienteId, "llamada", "contactado"), (_d1.AddDays(2), _ana, ClienteId, "llamada", "no_contesta"), (_d1.AddDays(2), _ana, ClienteId, "llamada", "promesa"),
            (_d1.AddDays(2), _ana, _b, "correo", null), (_d1.AddDays(2), _ana, _b, "correo", null),
            (_d1.AddDays(2), _beto, _c, "visita", "contactado"), (_d1.AddDays(2), _beto, _c, "llamada", "buzon_voz"),
            (_d2.AddDays(2), _ana, ClienteId, "llamada", "contactado"), (_d2.AddDays(2), _ana, ClienteId, "llamada", "se_niega"),
            (_d2.AddDays(2), _beto, _c, "llamada", "pago"), (_d2.AddDays(2), _beto, _c, "correo", null),
            (_d3.AddDays(2), _ana, _b, "visita", "disputa"), (_d3.AddDays(5), _ana, ClienteId, "llamada", "contactado"));

        await CompromisoAsync(100_000, _d1.AddDays(5));
        _p2 = (await CompromisoAsync(200_000, _d1.AddDays(10), clienteId: _c)).Id();
        _p3 = (await CompromisoAsync(80_000, _d1.AddDays(15), clienteId: _b)).Id();
        await PasarDiasAsync(3);
        await PagarAsync(100_000, Hoy);
        await PasarDiasAsync(5);
        await PagarAsync(50_000, Hoy, _c);

        await PasarDiasAsync(_d3.AddDays(5 - 40).DayNumber - Hoy.DayNumber);
        _disputaB = (await DisputaAsync(_b, facturaB.Id())).Id();

        await PasarDiasAsync(_d2.DayNumber - Hoy.DayNumber);
        await EvaluacionDiariaAsync();
        await CompromisoAsync(60_000, _d2.AddDays(5));
        await PasarDiasAsync(7);
        await PagarAsync(60_000, Hoy);

        await PasarDiasAsync(_d3.DayNumber - Hoy.DayNumber);
        await EvaluacionDiariaAsync();
        await CompromisoAsync(150_000, _d3.AddDays(20), clienteId: _c);
        await DisputaAsync(ClienteId, facturaA.Id());
        await PasarDiasAsync(5);
        await EvaluacionDiariaAsync();
        Assert.That(Hoy, Is.EqualTo(_d3.AddDays(5)));
    }

    private Task ActividadesAsync(Dictionary<string, Guid> tipos, params (DateOnly Dia, Guid Cobrador, string Cliente, string Tipo, string? Resultado)[] actividades) =>
        EnEmpresaAsync(async db =>
        {
            foreach (var a in actividades)
            {
                var mediodia = a.Dia.ToDateTime(new TimeOnly(12, 0));
                db.Actividades.Add(new Actividad
                {
                    ClienteId = Guid.Parse(a.Cliente), TipoActividadId = tipos[a.Tipo], Canal = a.Tipo == "llamada" ? "telefono" : a.Tipo == "visita" ? "presencial" : "escrito",
                    CobradorId = a.Cobrador, Fecha = new DateTimeOffset(mediodia, SharedKernel.Tiempo.FechaNegocio.Santiago.GetUtcOffset(mediodia)).ToUniversalTime(), Resultado = a.Resultado,
                    RegistradaPor = "pruebas", Creada = Fixture.Reloj.GetUtcNow(),
                });
            }

            return await db.SaveChangesAsync();
        });

    private async Task<JsonNode> DisputaAsync(string cliente, string documento)
    {
        var motivo = (await (await Api.GetAsync("/api/v1/gestion/motivos-disputa")).JsonAsync()).AsArray().First()!.Id();
        return await (await Api.PostAsJsonAsync("/api/v1/gestion/disputas", new { clienteId = cliente, documentoIds = new[] { documento }, motivoId = motivo, notas = "Reclamo" })).JsonAsync(201);
    }

    private string Periodo => $"desde={F(_d1)}&hasta={F(Hoy)}";

    /// <summary>M1 to the end of M3: promises are in a period by their last installment's date (P5 falls due on d3+20).</summary>
    private string TresMeses => $"desde={F(_d1)}&hasta={F(_d3.AddMonths(1).AddDays(-1))}";

    private static (int, decimal, int, decimal, int, decimal, int, decimal, decimal, decimal?, decimal?) Cifras(JsonNode f) =>
        ((int)f["hechos"]!, (decimal)f["montoHechos"]!, (int)f["cumplidos"]!, (decimal)f["montoCumplidos"]!, (int)f["rotos"]!, (decimal)f["montoRotos"]!, (int)f["pendientes"]!,
            (decimal)f["montoPendientes"]!, (decimal)f["montoPagado"]!, (decimal?)f["tasaCantidad"], (decimal?)f["tasaMonto"]);

    [Test]
    public async Task Compromisos_hechos_vs_cumplidos_por_cantidad_y_monto_por_mes_y_por_cobrador()
    {
        await PortafolioAsync();
        var porMes = await (await Api.GetAsync($"/api/v1/indicadores/compromisos?{TresMeses}&agrupar=mes")).JsonAsync();

        // Total: 5 promises 590 000; kept P1 + P4 = 2, 160 000; broken P2 + P3 = 2, 280 000; pending P5 150 000;
        // paid 100 000 + 50 000 + 0 + 60 000 + 0 = 210 000; rate by count 2 / 4 = 50.0 %; by amount 210 000 / 440 000 = 47.7 %.
        Assert.That(Cifras(porMes["total"]!), Is.EqualTo((5, 590_000m, 2, 160_000m, 2, 280_000m, 1, 150_000m, 210_000m, (decimal?)50.0m, (decimal?)47.7m)));
        // M1: P1, P2, P3 = 380 000; kept 1 (100 000), broken 2 (280 000); paid 150 000; 1 / 3 = 33.3 %, 150 000 / 380 000 = 39.5 %.
        // M2: P4 kept, 100 %; M3: P5 pending, no rate.
        var filas = porMes["filas"]!.AsArray();
        Assert.That(filas.Select(f => (string)f!["clave"]!), Is.EqualTo(new[] { $"{_d1:yyyy-MM}", $"{_d2:yyyy-MM}", $"{_d3:yyyy-MM}" }));
        Assert.That(Cifras(filas[0]!), Is.EqualTo((3, 380_000m, 1, 100_000m, 2, 280_000m, 0, 0m, 150_000m, (decimal?)33.3m, (decimal?)39.5m)));
        Assert.That(Cifras(filas[1]!), Is.EqualTo((1, 60_000m, 1, 60_000m, 0, 0m, 0, 0m, 60_000m, (decimal?)100.0m, (decimal?)100.0m)));
        Assert.That(Cifras(filas[2]!), Is.EqualTo((1, 150_000m, 0, 0m, 0, 0m, 1, 150_000m, 0m, (decimal?)null, (decimal?)null)));

        // Ana: P1, P3, P4 = 240 000, kept 2 (160 000), broken 1 (80 000), paid 160 000: 66.7 % both ways.
        // Beto: P2, P5 = 350 000, broken 1 (200 000), pending 1 (150 000), paid 50 000: 0.0 % by count, 25.0 % by amount.
        var porCobrador = (await (await Api.GetAsync($"/api/v1/indicadores/compromisos?{TresMeses}&agrupar=cobrador")).JsonAsync())["filas"]!.AsArray()
            .ToDictionary(f => (string)f!["nombre"]!, f => Cifras(f!));
        Assert.That(porCobrador["Ana"], Is.EqualTo((3, 240_000m, 2, 160_000m, 1, 80_000m, 0, 0m, 160_000m, (decimal?)66.7m, (decimal?)66.7m)));
        Assert.That(porCobrador["Beto"], Is.EqualTo((2, 350_000m, 0, 0m, 1, 200_000m, 1, 150_000m, 50_000m, (decimal?)0.0m, (decimal?)25.0m)));

        // The collector filter narrows to Beto's client C: the same figures as Beto's row.
        var soloBeto = await (await Api.GetAsync($"/api/v1/indicadores/compromisos?{TresMeses}&cobradorId={_beto}")).JsonAsync();
        Assert.That(Cifras(soloBeto["total"]!), Is.EqualTo(porCobrador["Beto"]));
    }

    [Test]
    public async Task Productividad_por_cobrador_cuenta_actividades_contactos_compromisos_y_recaudacion()
    {
        await PortafolioAsync();
        var filas = (await (await Api.GetAsync($"/api/v1/indicadores/productividad?{Periodo}")).JsonAsync())["filas"]!.AsArray().ToDictionary(f => (string)f!["nombre"]!);

        // Ana: 6 Llamada + 2 Correo + 1 Visita = 9 activities; contacts contactado ×3, promesa, se_niega, disputa = 6 (66.7 %);
        // promises taken P1, P3, P4 = 3, 240 000, kept 2, paid against them 160 000; collected from A and B: 100 000 + 60 000.
        // Beto: Visita + 2 Llamada + Correo = 4 activities; contacts contactado, pago = 2 (50.0 %); P2, P5 = 2, 350 000,
        // kept 0, paid 50 000; collected from C: 50 000.
        static (int, int, decimal?, int, decimal, int, decimal, decimal) Fila(JsonNode f) =>
            ((int)f["actividades"]!, (int)f["contactos"]!, (decimal?)f["tasaContacto"], (int)f["compromisosTomados"]!, (decimal)f["montoComprometido"]!,
                (int)f["compromisosCumplidos"]!, (decimal)f["montoCumplido"]!, (decimal)f["recaudado"]!);
        Assert.That(Fila(filas["Ana"]!), Is.EqualTo((9, 6, (decimal?)66.7m, 3, 240_000m, 2, 160_000m, 160_000m)));
        Assert.That(Fila(filas["Beto"]!), Is.EqualTo((4, 2, (decimal?)50.0m, 2, 350_000m, 0, 50_000m, 50_000m)));

        // M2 alone: Ana 2 activities, 2 contacts, P4 taken and kept, collected 60 000; Beto 2 activities, 1 contact, nothing else.
        var m2 = (await (await Api.GetAsync($"/api/v1/indicadores/productividad?desde={F(_d2)}&hasta={F(_d3.AddDays(-1))}")).JsonAsync())["filas"]!.AsArray()
            .ToDictionary(f => (string)f!["nombre"]!);
        Assert.That(Fila(m2["Ana"]!), Is.EqualTo((2, 2, (decimal?)100.0m, 1, 60_000m, 1, 60_000m, 60_000m)));
        Assert.That(Fila(m2["Beto"]!), Is.EqualTo((2, 1, (decimal?)50.0m, 0, 0m, 0, 0m, 0m)));
    }

    [Test]
    public async Task La_recaudacion_de_un_mes_pasado_cuenta_un_pago_con_fecha_pasada_y_descuenta_una_aplicacion_reversada_despues()
    {
        await PortafolioAsync();
        static decimal Recaudado(JsonNode filas, string nombre) => (decimal)filas.AsArray().Single(f => (string)f!["nombre"]! == nombre)!["recaudado"]!;
        async Task<JsonNode> MesAsync(DateOnly inicio) =>
            (await (await Api.GetAsync($"/api/v1/indicadores/productividad?desde={F(inicio)}&hasta={F(inicio.AddMonths(1).AddDays(-1))}")).JsonAsync())["filas"]!;

        // Recorded today (d3 + 5), dated in M1 and M2: A pays 20 000 on d1 + 10 (Ana), C pays 30 000 on d2 + 10 (Beto).
        var pagoA = await PagarAsync(20_000, _d1.AddDays(10));
        await PagarAsync(30_000, _d2.AddDays(10), _c);
        var m1 = await MesAsync(_d1);
        var m2 = await MesAsync(_d2);
        Assert.That((Recaudado(m1, "Ana"), Recaudado(m1, "Beto"), Recaudado(m2, "Ana"), Recaudado(m2, "Beto")), Is.EqualTo((120_000m, 50_000m, 60_000m, 30_000m)));

        // Reversed today, the M1 payment leaves M1 (back to A's 100 000 of d1 + 3); M2 and the other collector do not move.
        foreach (var aplicacion in pagoA["aplicaciones"]!.AsArray())
            await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{aplicacion!.Id()}/reversar", new { motivo = "Transferencia rechazada" })).JsonAsync();
        m1 = await MesAsync(_d1);
        m2 = await MesAsync(_d2);
        Assert.That((Recaudado(m1, "Ana"), Recaudado(m1, "Beto"), Recaudado(m2, "Ana"), Recaudado(m2, "Beto")), Is.EqualTo((100_000m, 50_000m, 60_000m, 30_000m)));
        var todo = (await (await Api.GetAsync($"/api/v1/indicadores/productividad?{Periodo}")).JsonAsync())["filas"]!;
        Assert.That((Recaudado(todo, "Ana"), Recaudado(todo, "Beto")), Is.EqualTo((160_000m, 80_000m)));
    }

    [Test]
    public async Task Costo_de_cobranza_por_cobrador_tipo_y_mes_y_costo_por_peso_recaudado()
    {
        await PortafolioAsync();
        var costo = await (await Api.GetAsync($"/api/v1/indicadores/costo-cobranza?{Periodo}")).JsonAsync();

        // Ana: 6 × 1 000 + 2 × 200 + 1 × 15 000 = 21 400; Beto: 2 × 1 000 + 1 × 200 + 1 × 15 000 = 17 200; total 38 600.
        // By type: Llamada 8 → 8 000, Correo 3 → 600, Visita 2 → 30 000. Agencies: 10 % of 0 = 0.
        // Collected 210 000: 38 600 / 210 000 = 0.1838 per peso.
        Assert.That(((int)costo["actividades"]!, (decimal)costo["costoActividades"]!, (decimal)costo["comisionAgenciasPorcentaje"]!, (decimal)costo["recuperadoAgencias"]!,
                (decimal)costo["comisionAgencias"]!, (decimal)costo["costoTotal"]!, (decimal)costo["recaudado"]!, (decimal?)costo["costoPorPeso"]),
            Is.EqualTo((13, 38_600m, 10m, 0m, 0m, 38_600m, 210_000m, (decimal?)0.1838m)));
        Assert.That(costo["porCobrador"]!.AsArray().Select(c => ((string)c!["nombre"]!, (int)c["actividades"]!, (decimal)c["costo"]!)),
            Is.EqualTo(new[] { ("Ana", 9, 21_400m), ("Beto", 4, 17_200m) }));
        Assert.That(costo["porTipo"]!.AsArray().Select(c => ((string)c!["nombre"]!, (decimal)c["costoUnitario"]!, (int)c["actividades"]!, (decimal)c["costo"]!)),
            Is.EqualTo(new[] { ("Visita", 15_000m, 2, 30_000m), ("Llamada", 1_000m, 8, 8_000m), ("Correo", 200m, 3, 600m) }));

        // M1: 3 000 + 400 + 15 000 + 1 000 = 19 400 for 7 activities, collected 150 000 → 0.1293;
        // M2: 2 000 + 1 000 + 200 = 3 200 for 4, collected 60 000 → 0.0533; M3: 15 000 + 1 000 = 16 000 for 2, collected 0 → none.
        Assert.That(costo["porMes"]!.AsArray().Select(m => ((string)m!["mes"]!, (int)m["actividades"]!, (decimal)m["costo"]!, (decimal)m["recaudado"]!, (decimal?)m["costoPorPeso"])),
            Is.EqualTo(new[]
            {
                ($"{_d1:yyyy-MM}", 7, 19_400m, 150_000m, (decimal?)0.1293m), ($"{_d2:yyyy-MM}", 4, 3_200m, 60_000m, (decimal?)0.0533m), ($"{_d3:yyyy-MM}", 2, 16_000m, 0m, (decimal?)null),
            }));
    }

    [Test]
    public async Task Casos_criticos_mayores_vencidos_compromisos_rotos_y_disputas_de_mas_de_treinta_dias()
    {
        await PortafolioAsync();
        var casos = (await (await Api.GetAsync("/api/v1/indicadores/casos-criticos")).JsonAsync())["casos"]!.AsArray()
            .Select(c => ((string)c!["tipo"]!, (string)c["clienteId"]!, (string?)c["referenciaId"], (decimal)c["monto"]!, (int)c["dias"]!)).ToList();

        // Overdue today: C 500 000 − 50 000 = 450 000 (due d1−40), B 200 000 (due d1−20), A 300 000 − 160 000 = 140 000 (due d1−30).
        // Broken: P2 owes 150 000, P3 owes 80 000, days since their dates. Disputes: only B's, open 40 days, B's balance 200 000.
        var hoy = Hoy.DayNumber;
        Assert.That(casos, Is.EqualTo(new (string, string, string?, decimal, int)[]
        {
            ("mayor_vencido", _c, null, 450_000m, hoy - _d1.AddDays(-40).DayNumber),
            ("mayor_vencido", _b, null, 200_000m, hoy - _d1.AddDays(-20).DayNumber),
            ("mayor_vencido", ClienteId, null, 140_000m, hoy - _d1.AddDays(-30).DayNumber),
            ("compromiso_roto", _c, _p2, 150_000m, hoy - _d1.AddDays(10).DayNumber),
            ("compromiso_roto", _b, _p3, 80_000m, hoy - _d1.AddDays(15).DayNumber),
            ("disputa_abierta", _b, _disputaB, 200_000m, 40),
        }));

        // N is a setting: at 45 days, the dispute is no longer critical.
        var configuracion = await (await Api.GetAsync("/api/v1/gestion/configuracion")).JsonAsync();
        Assert.That((int)configuracion["diasDisputaCritica"]!, Is.EqualTo(30));
        configuracion["diasDisputaCritica"] = 45;
        (await Api.PutAsJsonAsync("/api/v1/gestion/configuracion", configuracion)).EnsureSuccessStatusCode();
        var despues = (await (await Api.GetAsync("/api/v1/indicadores/casos-criticos?porTipo=1")).JsonAsync())["casos"]!.AsArray();
        Assert.That(despues.Select(c => (string)c!["tipo"]!), Is.EqualTo(new[] { "mayor_vencido", "compromiso_roto" }));
    }

    [Test]
    public async Task Mi_trabajo_muestra_los_indicadores_propios_del_cobrador()
    {
        await PortafolioAsync();
        var ana = await Fixture.IniciarSesionAsync(_usuarioAna.Email, _usuarioAna.Password, Empresa.Id);
        var mios = await (await ana.GetAsync("/api/v1/indicadores/mis-indicadores")).JsonAsync();

        // M3 for Ana: the Visita on d3+2 (disputa) and today's Llamada (contactado): 2 activities, 2 contacts, 1 today; no promise taken
        // in M3 (P5 is Beto's) and nothing collected from A or B in M3.
        Assert.That(((string)mios["cobradorId"]!, (int)mios["contactosHoy"]!, (int)mios["actividadesMes"]!, (int)mios["contactosMes"]!, (int)mios["compromisosTomadosMes"]!,
                (decimal)mios["recaudadoMes"]!), Is.EqualTo((_ana.ToString(), 1, 2, 2, 0, 0m)));

        // A Cobrador sees only its own row in the productivity report.
        var filas = (await (await ana.GetAsync($"/api/v1/indicadores/productividad?{Periodo}")).JsonAsync())["filas"]!.AsArray();
        Assert.That(filas.Select(f => (string)f!["nombre"]!), Is.EqualTo(new[] { "Ana" }));

        var admin = await (await Api.GetAsync("/api/v1/indicadores/mis-indicadores")).JsonAsync();
        Assert.That((admin["cobradorId"], (int)admin["contactosMes"]!), Is.EqualTo(((JsonNode?)null, 0)));
    }

    [Test]
    public async Task La_tabla_de_costos_la_lee_consulta_pero_solo_la_edita_un_administrador()
    {
        var tipo = (await (await Api.GetAsync("/api/v1/gestion/tipos-actividad")).JsonAsync()).AsArray().First()!.Id();
        var cuerpo = new { comisionAgenciasPorcentaje = 5m, costos = new[] { new { tipoActividadId = tipo, costo = 700m } } };
        var consulta = await Fixture.ClienteHttpAsync(Empresa, "Consulta");
        var supervisor = await Fixture.ClienteHttpAsync(Empresa, "Supervisor");

        Assert.That((await consulta.PutAsJsonAsync("/api/v1/gestion/costos-cobranza", cuerpo)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await supervisor.PutAsJsonAsync("/api/v1/gestion/costos-cobranza", cuerpo)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        (await Api.PutAsJsonAsync("/api/v1/gestion/costos-cobranza", cuerpo)).EnsureSuccessStatusCode();
        var leida = await (await consulta.GetAsync("/api/v1/gestion/costos-cobranza")).JsonAsync();
        Assert.That(((decimal)leida["comisionAgenciasPorcentaje"]!, leida["costos"]!.AsArray().Single(c => c!["tipoActividadId"]!.ToString() == tipo)!["costo"]!.GetValue<decimal>()),
            Is.EqualTo((5m, 700m)));
        Assert.That((await consulta.GetAsync("/api/v1/indicadores/costo-cobranza")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Entrada_invalida_responde_400_en_espanol_nombrando_el_campo_y_no_cambia_nada()
    {
        var tipo = (await (await Api.GetAsync("/api/v1/gestion/tipos-actividad")).JsonAsync()).AsArray().First()!.Id();
        var negativo = await (await Api.PutAsJsonAsync("/api/v1/gestion/costos-cobranza", new { comisionAgenciasPorcentaje = 150m, costos = new[] { new { tipoActividadId = tipo, costo = -1m } } }))
            .ProblemaAsync(400);
        Assert.That(negativo.CamposConError(), Is.SupersetOf(new[] { "comisionAgenciasPorcentaje", "costos[0].costo" }));
        Assert.That(negativo.ToJsonString(), Does.Contain("El costo debe estar entre 0"));
        var ajeno = await (await Api.PutAsJsonAsync("/api/v1/gestion/costos-cobranza", new { comisionAgenciasPorcentaje = 1m, costos = new[] { new { tipoActividadId = Guid.NewGuid(), costo = 1m } } }))
            .ProblemaAsync(422);
        Assert.That(ajeno.CamposConError(), Does.Contain("costos[0].tipoActividadId"));
        Assert.That((decimal)(await (await Api.GetAsync("/api/v1/gestion/costos-cobranza")).JsonAsync())["comisionAgenciasPorcentaje"]!, Is.EqualTo(0m));

        var periodo = await (await Api.GetAsync("/api/v1/indicadores/compromisos?desde=2026-05-01&hasta=2026-04-01")).ProblemaAsync(400);
        Assert.That(periodo.CamposConError(), Does.Contain("hasta"));
        Assert.That(periodo.ToJsonString(), Does.Contain("no puede ser anterior"));
        var agrupar = await (await Api.GetAsync("/api/v1/indicadores/compromisos?agrupar=planeta")).ProblemaAsync(400);
        Assert.That(agrupar.CamposConError(), Does.Contain("agrupar"));
        var formato = await (await Api.GetAsync("/api/v1/indicadores/productividad/exportar?formato=doc")).ProblemaAsync(400);
        Assert.That(formato.CamposConError(), Does.Contain("formato"));
        var nul = await (await Api.GetAsync("/api/v1/indicadores/casos-criticos?segmento=a%00b")).ProblemaAsync(400);
        Assert.That(nul.CamposConError(), Does.Contain("segmento"));
    }

    [Test]
    public async Task Otra_empresa_no_ve_compromisos_actividades_ni_casos_de_esta()
    {
        await PortafolioAsync();
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Cobranza"));
        var compromisos = await (await otra.GetAsync($"/api/v1/indicadores/compromisos?{TresMeses}")).JsonAsync();
        Assert.That(((int)compromisos["total"]!["hechos"]!, compromisos["filas"]!.AsArray().Count), Is.EqualTo((0, 0)));
        Assert.That((await (await otra.GetAsync($"/api/v1/indicadores/productividad?{Periodo}")).JsonAsync())["filas"]!.AsArray(), Is.Empty);
        Assert.That((int)(await (await otra.GetAsync($"/api/v1/indicadores/costo-cobranza?{Periodo}")).JsonAsync())["actividades"]!, Is.EqualTo(0));
        Assert.That((await (await otra.GetAsync("/api/v1/indicadores/casos-criticos")).JsonAsync())["casos"]!.AsArray(), Is.Empty);
        var ajeno = await (await otra.GetAsync($"/api/v1/indicadores/compromisos?{TresMeses}&cobradorId={_ana}")).JsonAsync();
        Assert.That((int)ajeno["total"]!["hechos"]!, Is.EqualTo(0));
    }

    [Test]
    public async Task Los_indicadores_se_exportan_en_csv_xlsx_y_pdf()
    {
        await PortafolioAsync();
        var csv = await Api.GetAsync($"/api/v1/indicadores/compromisos/exportar?{TresMeses}&agrupar=cobrador&formato=csv");
        var texto = await csv.TextoAsync(200);
        Assert.That(csv.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        Assert.That(texto, Does.Contain("Ana;3;240000;2;160000;1;80000;0;0;160000;66,7;66,7"));
        var xlsx = await Api.GetAsync($"/api/v1/indicadores/productividad/exportar?{Periodo}&formato=xlsx");
        Assert.That((xlsx.StatusCode, xlsx.Content.Headers.ContentType!.MediaType), Is.EqualTo((HttpStatusCode.OK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")));
        var pdf = await Api.GetAsync($"/api/v1/indicadores/casos-criticos/exportar?formato=pdf");
        Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]), Is.EqualTo("%PDF-"));
    }
}
