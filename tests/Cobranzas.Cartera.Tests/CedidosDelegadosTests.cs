using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;
using MiniExcelLibs;
using Npgsql;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// A document ceded under administración delegada is the factor's money that the company still collects: the aging shows it
/// apart from the own receivable (or inside with <c>incluirCedidosDelegados</c>), and the statement, the credit exposure and the
/// client list count it, from its cession date to its buy-back date; a cession without delegated administration stays out of all four.
/// </summary>
public sealed class CedidosDelegadosTests : PruebaCartera
{
    private const string NombreFactor = "Factoring del Sur S.A.";
    private static readonly object Factor = new { nombre = NombreFactor, rut = "76.086.428-5" };

    private sealed record Aging(decimal Total, decimal Delegado, decimal Uno30, decimal Uno30Delegado, decimal PorVencer);

    private async Task<Aging> AntiguedadAsync(DateOnly corte, bool incluir = false)
    {
        var r = await (await Api.GetAsync($"/api/v1/cartera/antiguedad?fechaCorte={F(corte)}&clienteId={ClienteId}{(incluir ? "&incluirCedidosDelegados=true" : "")}"))
            .JsonAsync();
        Assert.That((bool)r["incluyeCedidosDelegados"]!, Is.EqualTo(incluir));
        decimal Tramo(string lista, string codigo) => (decimal)r[lista]!.AsArray().Single(t => (string)t!["codigo"]! == codigo)!["monto"]!;
        var grupo = r["grupos"]!.AsArray().SingleOrDefault();
        if (grupo is not null)
            Assert.That((decimal)grupo["totalCedidoDelegado"]!, Is.EqualTo((decimal)r["totalCedidoDelegado"]!), "el grupo del cliente y los totales coinciden");
        return new Aging((decimal)r["total"]!, (decimal)r["totalCedidoDelegado"]!, Tramo("totales", "1-30"), Tramo("totalesCedidoDelegado", "1-30"),
            Tramo("totales", "por_vencer"));
    }

    private async Task<JsonNode> EstadoAsync(DateOnly corte) =>
        await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta?fechaCorte={F(corte)}")).JsonAsync();

    private static (decimal Saldo, decimal Vencido, decimal Delegado, string Marcas) Estado(JsonNode e)
    {
        var documentos = e["documentos"]!.AsArray();
        Assert.That(documentos.Sum(d => (decimal)d!["saldo"]!), Is.EqualTo((decimal)e["saldo"]!), "el saldo del estado es la suma de sus documentos");
        Assert.That(e["antiguedad"]!.AsArray().Sum(t => (decimal)t!["monto"]!), Is.EqualTo((decimal)e["saldo"]!), "y la de su antigüedad");
        var marcas = string.Join(";", documentos.Select(d => $"{(long)d!["folio"]!}:{(string?)d["cedidoDelegadoA"] ?? "propio"}"));
        return ((decimal)e["saldo"]!, (decimal)e["saldoVencido"]!, (decimal)e["saldoCedidoDelegado"]!, marcas);
    }

    private async Task<(decimal Exposicion, decimal Delegada)> CreditoAsync()
    {
        var c = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/credito")).JsonAsync();
        return ((decimal)c["exposicion"]!, (decimal)c["exposicionCedidaDelegada"]!);
    }

    /// <summary>The client list row (debt shown) and the client's place when the list is ordered by balance and by overdue debt.</summary>
    private async Task<(decimal Saldo, decimal Vencido, int PorSaldo, int PorVencido)> ListaAsync()
    {
        async Task<JsonArray> Listar(string orden) => (await (await Api.GetAsync($"/api/v1/clientes?orden={orden}&tamanoPagina=100")).JsonAsync())["items"]!.AsArray();
        var porSaldo = await Listar("-saldo");
        var porVencido = await Listar("-vencido");
        var fila = porSaldo.Single(c => (string?)c!["id"] == ClienteId)!;
        return ((decimal)fila["saldo"]!, (decimal)fila["vencido"]!, porSaldo.ToList().FindIndex(c => (string?)c!["id"] == ClienteId),
            porVencido.ToList().FindIndex(c => (string?)c!["id"] == ClienteId));
    }

    /// <summary>The read model's own and delegated figures for the client (CLP), and whether they equal the installments they sum.</summary>
    private async Task<(decimal Saldo, decimal SaldoDelegado)> SaldosClientesAsync()
    {
        await using var conexion = new NpgsqlConnection(Fixture.Conexion);
        await conexion.OpenAsync();
        await using var comando = new NpgsqlCommand("""
            SELECT COALESCE((SELECT saldo FROM cartera.saldos_clientes WHERE empresa_id = @e AND cliente_id = @c AND moneda = 'CLP'), 0),
                   COALESCE((SELECT saldo_delegado FROM cartera.saldos_clientes WHERE empresa_id = @e AND cliente_id = @c AND moneda = 'CLP'), 0),
                   COALESCE((SELECT sum(saldo) FROM cartera.cuotas WHERE empresa_id = @e AND cliente_id = @c AND saldo > 0 AND delegada), 0)
            """, conexion);
        comando.Parameters.AddWithValue("e", Empresa.Id);
        comando.Parameters.AddWithValue("c", Guid.Parse(ClienteId));
        await using var lector = await comando.ExecuteReaderAsync();
        await lector.ReadAsync();
        Assert.That(lector.GetDecimal(1), Is.EqualTo(lector.GetDecimal(2)), "saldo_delegado frente a la suma de las cuotas delegadas");
        return (lector.GetDecimal(0), lector.GetDecimal(1));
    }

    /// <summary>
    /// Own A (500, due in 20 days), B (1 000, 10 days overdue) ceded 5 days ago under administración delegada, C (300, 10 days
    /// overdue) ceded the same day without it; another client owes 1 200, 800 of it overdue.
    /// </summary>
    private async Task<(JsonNode B, DateOnly Cesion)> CarteraAsync()
    {
        await CrearDocumentoAsync(Factura(1, 500m, Hoy.AddDays(-40), Hoy.AddDays(20)));
        var b = await CrearDocumentoAsync(Factura(2, 1000m, Hoy.AddDays(-60), Hoy.AddDays(-10)));
        var c = await CrearDocumentoAsync(Factura(3, 300m, Hoy.AddDays(-60), Hoy.AddDays(-10)));
        var otro = (await Api.CrearClienteAsync(Datos.Cliente(razonSocial: "Otro Deudor SpA"))).Id();
        await CrearDocumentoAsync(Factura(4, 800m, Hoy.AddDays(-60), Hoy.AddDays(-20), otro));
        await CrearDocumentoAsync(Factura(5, 400m, Hoy.AddDays(-5), Hoy.AddDays(25), otro));
        var cesion = Hoy.AddDays(-5);
        foreach (var d in new[] { b, c })
            await (await Api.PostAsJsonAsync($"/api/v1/documentos/{d.Id()}/ceder", new { factor = Factor, fecha = F(cesion) })).JsonAsync();
        await (await Api.PutAsJsonAsync($"/api/v1/factoring/cesiones/{b.Id()}/condiciones", new { responsabilidadSolidaria = false, administracionDelegada = true }))
            .JsonAsync();
        return (b, cesion);
    }

    [Test]
    public async Task Cedido_con_administracion_delegada_queda_aparte_en_la_antiguedad_y_dentro_del_estado_la_exposicion_y_la_lista()
    {
        var (_, cesion) = await CarteraAsync();
        var antes = cesion.AddDays(-2);

        Assert.That(await AntiguedadAsync(Hoy), Is.EqualTo(new Aging(500m, 1000m, 0m, 1000m, 500m)), "hoy: la cartera propia es A; B aparte");
        Assert.That(await AntiguedadAsync(Hoy, incluir: true), Is.EqualTo(new Aging(1500m, 1000m, 1000m, 1000m, 500m)), "con la opción, B dentro de su tramo");
        Assert.That(await AntiguedadAsync(antes), Is.EqualTo(new Aging(1800m, 0m, 1300m, 0m, 500m)), "antes de la cesión, B y C eran propios");
        Assert.That(await AntiguedadAsync(antes, incluir: true), Is.EqualTo(new Aging(1800m, 0m, 1300m, 0m, 500m)));

        Assert.That(Estado(await EstadoAsync(Hoy)), Is.EqualTo((1500m, 1000m, 1000m, $"2:{NombreFactor};1:propio")), "C, cedido sin administración delegada, no está");
        Assert.That(Estado(await EstadoAsync(antes)), Is.EqualTo((1800m, 1300m, 0m, "2:propio;3:propio;1:propio")));
        Assert.That(await CreditoAsync(), Is.EqualTo((1500m, 1000m)));
        Assert.That(await ListaAsync(), Is.EqualTo((1500m, 1000m, 0, 0)), "1 500 y 1 000 vencido van antes que los 1 200 y 800 del otro cliente");
        Assert.That(await SaldosClientesAsync(), Is.EqualTo((500m, 1000m)));
    }

    [Test]
    public async Task Un_cobro_para_el_factor_y_su_reversa_mueven_lo_delegado_en_los_cuatro_y_no_lo_propio()
    {
        var (b, cesion) = await CarteraAsync();
        var pago = await PagarAsync(400m, Hoy, [new { documentoId = b.Id(), monto = 400m }]);

        Assert.That(await AntiguedadAsync(Hoy), Is.EqualTo(new Aging(500m, 600m, 0m, 600m, 500m)));
        Assert.That(await AntiguedadAsync(cesion), Is.EqualTo(new Aging(500m, 1000m, 0m, 1000m, 500m)), "el día de la cesión el cobro aún no existía");
        Assert.That(await AntiguedadAsync(cesion.AddDays(-1)), Is.EqualTo(new Aging(1800m, 0m, 1300m, 0m, 500m)));
        var estado = await EstadoAsync(Hoy);
        Assert.That(Estado(estado), Is.EqualTo((1100m, 600m, 600m, $"2:{NombreFactor};1:propio")));
        Assert.That(estado["pagos"]!.AsArray().Select(p => (decimal)p!["monto"]!), Is.EqualTo(new[] { 400m }), "el cobro aparece en el período");
        Assert.That(await CreditoAsync(), Is.EqualTo((1100m, 600m)));
        Assert.That(await ListaAsync(), Is.EqualTo((1100m, 600m, 1, 1)), "ahora el otro cliente (1 200 y 800 vencido) va primero");
        Assert.That(await SaldosClientesAsync(), Is.EqualTo((500m, 600m)));

        var aplicacion = (string)pago["aplicaciones"]![0]!["id"]!;
        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{aplicacion}/reversar", new { motivo = "Aplicado por error" })).JsonAsync();

        Assert.That(await AntiguedadAsync(Hoy), Is.EqualTo(new Aging(500m, 1000m, 0m, 1000m, 500m)));
        Assert.That(Estado(await EstadoAsync(Hoy)), Is.EqualTo((1500m, 1000m, 1000m, $"2:{NombreFactor};1:propio")));
        Assert.That(await CreditoAsync(), Is.EqualTo((1500m, 1000m)));
        Assert.That(await ListaAsync(), Is.EqualTo((1500m, 1000m, 0, 0)));
        Assert.That(await SaldosClientesAsync(), Is.EqualTo((500m, 1000m)));
    }

    [Test]
    public async Task Recomprado_vuelve_a_ser_propio_y_sigue_delegado_en_los_cortes_entre_cesion_y_recompra()
    {
        // An API key outlives the session token across the clock's jump.
        Api = await Fixture.ClienteConApiKeyAsync(Empresa, "lectura_escritura");
        var (b, cesion) = await CarteraAsync();
        var delegado = Hoy;
        Fixture.Reloj.Advance(TimeSpan.FromDays(2));

        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{b.Id()}/ceder/revertir", new { motivo = "Recompra al factor" })).JsonAsync();

        Assert.That(await AntiguedadAsync(Hoy), Is.EqualTo(new Aging(1500m, 0m, 1000m, 0m, 500m)), "recomprado: B en la cartera propia, 12 días vencido");
        Assert.That(await AntiguedadAsync(delegado), Is.EqualTo(new Aging(500m, 1000m, 0m, 1000m, 500m)), "entre la cesión y la recompra seguía delegado");
        Assert.That(await AntiguedadAsync(cesion.AddDays(-1)), Is.EqualTo(new Aging(1800m, 0m, 1300m, 0m, 500m)));
        Assert.That(Estado(await EstadoAsync(Hoy)), Is.EqualTo((1500m, 1000m, 0m, "2:propio;1:propio")));
        Assert.That(Estado(await EstadoAsync(delegado)), Is.EqualTo((1500m, 1000m, 1000m, $"2:{NombreFactor};1:propio")));
        Assert.That(await CreditoAsync(), Is.EqualTo((1500m, 0m)));
        Assert.That(await ListaAsync(), Is.EqualTo((1500m, 1000m, 0, 0)));
        Assert.That(await SaldosClientesAsync(), Is.EqualTo((1500m, 0m)));
    }

    [Test]
    public async Task Cedido_sin_administracion_delegada_queda_fuera_de_los_cuatro()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 700m, Hoy.AddDays(-60), Hoy.AddDays(-10)));
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/ceder", new { factor = Factor, fecha = F(Hoy) })).JsonAsync();

        Assert.That(await AntiguedadAsync(Hoy, incluir: true), Is.EqualTo(new Aging(0m, 0m, 0m, 0m, 0m)));
        Assert.That(Estado(await EstadoAsync(Hoy)), Is.EqualTo((0m, 0m, 0m, "")));
        Assert.That(await CreditoAsync(), Is.EqualTo((0m, 0m)));
        var lista = await ListaAsync();
        Assert.That((lista.Saldo, lista.Vencido), Is.EqualTo((0m, 0m)));
        Assert.That(await SaldosClientesAsync(), Is.EqualTo((0m, 0m)));
    }

    [Test]
    public async Task El_estado_impreso_y_el_xlsx_marcan_el_documento_cedido_y_dicen_cuanto_del_saldo_es_delegado()
    {
        await CarteraAsync();
        var estado = System.Text.Json.JsonSerializer.Deserialize(
            await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta")).Content.ReadAsStringAsync(),
            Cartera.EstadoCuenta.EstadoCuentaJson.Default.EstadoCuentaDto)!;

        var html = System.Net.WebUtility.HtmlDecode(Cartera.EstadoCuenta.EstadoCuentaHtml.Generar(estado, new SharedKernel.Contratos.DatosEmpresa(Guid.NewGuid(), "76086428-5", "Cobranzas Demo SpA"), null,
            new Notificaciones.Contracts.DatosPagoEmpresa([], null, null)));

        Assert.That(html, Does.Contain($"Cedido a {NombreFactor} (administración delegada)"));
        Assert.That(html, Does.Contain("Del saldo, cedido a factoring con administración delegada</td><td class=\"n\">$1.000<"));
        var respuesta = await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta.xlsx");
        using var xlsx = new MemoryStream(await respuesta.Content.ReadAsByteArrayAsync());
        var documentos = xlsx.Query(useHeaderRow: true, sheetName: "Documentos").Cast<IDictionary<string, object?>>()
            .Select(d => (Convert.ToInt64(d["Folio"]), (string?)d["Cesion"] ?? "")).ToList();
        Assert.That(documentos, Is.EqualTo(new[] { (2L, $"Cedido a {NombreFactor} (administración delegada)"), (1L, "") }));
    }

    [Test]
    public async Task El_detalle_del_tramo_lista_el_cedido_delegado_solo_con_la_opcion()
    {
        await CarteraAsync();
        async Task<long[]> Folios(string extra) => (await (await Api.GetAsync($"/api/v1/documentos?tramo=1-30&clienteId={ClienteId}{extra}")).JsonAsync())["items"]!
            .AsArray().Select(d => (long)d!["folio"]!).Order().ToArray();

        Assert.That(await Folios(""), Is.Empty, "el tramo 1-30 propio está vacío: B es del factor");
        Assert.That(await Folios("&incluirCedidosDelegados=true"), Is.EqualTo(new[] { 2L }));
        var marcas = (await (await Api.GetAsync($"/api/v1/documentos?clienteId={ClienteId}&orden=folio")).JsonAsync())["items"]!.AsArray()
            .Select(d => ((long)d!["folio"]!, (string?)d["cedidoDelegadoA"]));
        Assert.That(marcas, Is.EqualTo(new (long, string?)[] { (1, null), (2, NombreFactor), (3, null) }), "C está cedido, pero sin administración delegada");
    }
}
