using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;
using Npgsql;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// Real parallel requests: each one on its own HttpClient, all released at the same moment, so the
/// host runs them side by side against the same PostgreSQL rows.
/// </summary>
public sealed class ConcurrenciaTests : PruebaCartera
{
    private static readonly int[] Aceptables = [200, 201, 409, 422];

    /// <summary>Sends <paramref name="cantidad"/> requests at once, each from its own client, and answers them in order.</summary>
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

    private static async Task<string> ResumenAsync(IEnumerable<HttpResponseMessage> respuestas)
    {
        var textos = new List<string>();
        foreach (var r in respuestas)
            textos.Add($"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return string.Join("\n", textos.Distinct());
    }

    private static async Task<T> EscalarAsync<T>(string sql, params (string Nombre, object Valor)[] parametros)
    {
        await using var conexion = new NpgsqlConnection(Fixture.Conexion);
        await conexion.OpenAsync();
        await using var comando = new NpgsqlCommand(sql, conexion);
        foreach (var (nombre, valor) in parametros)
            comando.Parameters.AddWithValue(nombre, valor);
        return (T)(await comando.ExecuteScalarAsync())!;
    }

    private static Task<decimal> AplicadoActivoAsync(string documentoId) =>
        EscalarAsync<decimal>("SELECT COALESCE(sum(monto), 0) FROM cartera.aplicaciones WHERE documento_id = @d AND fecha_reversa IS NULL", ("d", Guid.Parse(documentoId)));

    private object Pago(decimal monto, string? referencia = null, object[]? aplicaciones = null) => new
    {
        clienteId = ClienteId, fecha = F(Hoy), monto, moneda = "CLP", canal = "transferencia", referencia,
        aplicacion = aplicaciones is null ? "automatica" : "manual", aplicaciones,
    };

    [Test]
    public async Task Veinte_pagos_a_la_vez_sobre_un_documento_nunca_lo_sobreaplican()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 10_000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));

        var respuestas = await ALaVezAsync(20, (_, c) => c.PostAsJsonAsync("/api/v1/pagos", Pago(1_000m, aplicaciones: [new { documentoId = doc.Id(), monto = 1_000m }])));

        var estados = respuestas.Select(r => (int)r.StatusCode).ToList();
        var resumen = await ResumenAsync(respuestas);
        Assert.That(estados, Is.All.AnyOf(Aceptables), resumen);
        Assert.That(estados.Count(e => e == 201), Is.EqualTo(10), "serializados por cliente, los diez primeros caben enteros: " + resumen);
        foreach (var rechazo in respuestas.Where(r => (int)r.StatusCode != 201))
            Assert.That((string?)(await rechazo.ProblemaAsync((int)rechazo.StatusCode))["detail"], Is.Not.Empty);
        Assert.That(await AplicadoActivoAsync(doc.Id()), Is.EqualTo(10_000m), "la suma de las aplicaciones no pasa el total");
        Assert.That(await SaldoAsync(doc), Is.EqualTo(0m));
    }

    [Test]
    public async Task Veinte_pagos_distintos_del_mismo_cliente_a_la_vez_se_aplican_todos()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 30_000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));

        var respuestas = await ALaVezAsync(20, (i, c) => c.PostAsJsonAsync("/api/v1/pagos", Pago(1_000m, referencia: $"TRF-{i}")));

        Assert.That(respuestas.Select(r => (int)r.StatusCode), Is.All.EqualTo(201), await ResumenAsync(respuestas));
        Assert.That(await AplicadoActivoAsync(doc.Id()), Is.EqualTo(20_000m));
        Assert.That(await SaldoAsync(doc), Is.EqualTo(10_000m));
        Assert.That(await EscalarAsync<long>("SELECT count(*) FROM cartera.pagos"), Is.EqualTo(20L));
    }

    [Test]
    public async Task Lotes_de_pagos_de_clientes_distintos_a_la_vez_se_aplican_todos()
    {
        var otro = (await Api.CrearClienteAsync()).Id();
        var doc = await CrearDocumentoAsync(Factura(1, 30_000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        var delOtro = await CrearDocumentoAsync(Factura(2, 30_000m, Hoy.AddDays(-40), Hoy.AddDays(-10), otro));

        // Each batch touches both clients, in opposite orders; a single payment joins them.
        var respuestas = await ALaVezAsync(6, (i, c) => i == 5
            ? c.PostAsJsonAsync("/api/v1/pagos", Pago(1_000m, referencia: "suelto"))
            : c.PostAsJsonAsync("/api/v1/pagos/lote", (i % 2 == 0 ? new[] { ClienteId, otro } : [otro, ClienteId])
                .Select((cliente, j) => new { clienteId = cliente, fecha = F(Hoy), monto = 1_000m, moneda = "CLP", canal = "transferencia", referencia = $"L{i}-{j}", aplicacion = "automatica" })
                .ToArray()));

        Assert.That(respuestas.Select(r => (int)r.StatusCode), Is.All.AnyOf(200, 201), await ResumenAsync(respuestas));
        Assert.That((await AplicadoActivoAsync(doc.Id()), await AplicadoActivoAsync(delOtro.Id())), Is.EqualTo((6_000m, 5_000m)));
    }

    [Test]
    public async Task Dos_lotes_de_pagos_identicos_a_la_vez_insertan_una_vez()
    {
        // No open installment to lock: the client has no documents, so every payment stays as saldo a favor.
        var filas = Enumerable.Range(1, 50).Select(i => new
        {
            clienteId = ClienteId, fecha = F(Hoy), monto = 100m * i, moneda = "CLP", canal = "transferencia", referencia = $"ERP-{i}", aplicacion = "automatica",
        }).ToArray();

        var respuestas = await ALaVezAsync(2, (_, c) => c.PostAsJsonAsync("/api/v1/pagos/lote", filas));

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Select(r => (int)r.StatusCode), Is.All.AnyOf(200, 409), resumen);
        Assert.That(await EscalarAsync<long>("SELECT count(*) FROM cartera.pagos"), Is.EqualTo(50L), resumen);
        var resultados = new List<(int?, int?)>();
        foreach (var r in respuestas.Where(r => (int)r.StatusCode == 200))
        {
            var j = await r.JsonAsync();
            resultados.Add(((int?)j["creados"], (int?)j["sinCambios"]));
        }

        Assert.That(resultados, Does.Contain(((int?)50, (int?)0)), resumen);
        Assert.That(resultados.Where(x => x != (50, 0)), Is.All.EqualTo(((int?)0, (int?)50)), "el segundo informa las filas repetidas como sinCambios: " + resumen);
    }

    [Test]
    public async Task Pago_con_la_misma_referencia_fecha_y_monto_no_se_registra_dos_veces()
    {
        await (await Api.PostAsJsonAsync("/api/v1/pagos", Pago(5_000m, referencia: "TRF-77"))).JsonAsync(201);

        var repetido = await (await Api.PostAsJsonAsync("/api/v1/pagos", Pago(5_000m, referencia: "TRF-77"))).ProblemaAsync(409);

        Assert.That(repetido.CamposConError(), Is.EqualTo(new[] { "referencia" }), repetido.ToJsonString());
        Assert.That((string?)repetido["detail"], Does.Contain("TRF-77"));
        await (await Api.PostAsJsonAsync("/api/v1/pagos", Pago(4_000m, referencia: "TRF-77"))).JsonAsync(201);
        Assert.That(await EscalarAsync<long>("SELECT count(*) FROM cartera.pagos"), Is.EqualTo(2L), "otro monto con la misma referencia es otro pago");
    }

    [Test]
    public async Task Dos_lotes_de_documentos_identicos_a_la_vez_insertan_una_vez()
    {
        var filas = Enumerable.Range(1, 300).Select(i => new
        {
            tipo = "33", folio = (long)i, clienteId = ClienteId, fechaEmision = F(Hoy.AddDays(-30)), fechaVencimiento = F(Hoy.AddDays(i % 40)), moneda = "CLP",
            neto = 1_000m + i, exento = 0m, iva = 0m, total = 1_000m + i, externalId = $"ERP-DOC-{i}",
        }).ToArray();

        var respuestas = await ALaVezAsync(2, (_, c) => c.PostAsJsonAsync("/api/v1/documentos/lote", filas));

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Select(r => (int)r.StatusCode), Is.All.AnyOf(200, 409), resumen);
        Assert.That(await EscalarAsync<long>("SELECT count(*) FROM cartera.documentos"), Is.EqualTo(300L), resumen);
        Assert.That(await EscalarAsync<long>("SELECT count(*) FROM cartera.cuotas"), Is.EqualTo(300L), resumen);
        var resultados = new List<(int?, int?)>();
        foreach (var r in respuestas.Where(r => (int)r.StatusCode == 200))
        {
            var j = await r.JsonAsync();
            resultados.Add(((int?)j["creados"], (int?)j["sinCambios"]));
        }

        Assert.That(resultados, Does.Contain(((int?)300, (int?)0)), resumen);
        Assert.That(resultados.Where(x => x != (300, 0)), Is.All.EqualTo(((int?)0, (int?)300)), "el segundo informa los folios repetidos como sinCambios: " + resumen);
    }

    [Test]
    public async Task Diez_reversas_a_la_vez_de_una_aplicacion_solo_una_se_aplica()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 10_000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        var pago = await PagarAsync(4_000m, Hoy);
        var aplicacion = pago["aplicaciones"]![0]!.Id();

        var respuestas = await ALaVezAsync(10, (i, c) => c.PostAsJsonAsync($"/api/v1/aplicaciones/{aplicacion}/reversar", new { motivo = $"Error de digitación {i}" }));

        var estados = respuestas.Select(r => (int)r.StatusCode).ToList();
        var resumen = await ResumenAsync(respuestas);
        Assert.That(estados, Is.All.AnyOf(200, 409, 422), resumen);
        Assert.That(estados.Count(e => e == 200), Is.EqualTo(1), resumen);
        Assert.That(await SaldoAsync(doc), Is.EqualTo(10_000m));
        var despues = await (await Api.GetAsync($"/api/v1/pagos/{pago.Id()}")).JsonAsync();
        Assert.That(((decimal?)despues["aplicado"], (decimal?)despues["saldoAFavor"]), Is.EqualTo((0m, 4_000m)), "el dinero vuelve una sola vez al pago");
    }

    [Test]
    public async Task Reversa_que_compite_con_una_aplicacion_en_el_mismo_documento_no_pierde_ni_duplica_dinero()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 10_000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        var primero = await PagarAsync(10_000m, Hoy);
        var aplicacion = primero["aplicaciones"]![0]!.Id();

        var respuestas = await ALaVezAsync(2, (i, c) => i == 0
            ? c.PostAsJsonAsync($"/api/v1/aplicaciones/{aplicacion}/reversar", new { motivo = "Pago mal imputado" })
            : c.PostAsJsonAsync("/api/v1/pagos", Pago(10_000m, aplicaciones: [new { documentoId = doc.Id(), monto = 10_000m }])));

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Select(r => (int)r.StatusCode), Is.All.AnyOf(Aceptables), resumen);
        Assert.That((int)respuestas[0].StatusCode, Is.EqualTo(200), "la reversa no depende del otro pago: " + resumen);
        var aplicado = await AplicadoActivoAsync(doc.Id());
        var saldo = await SaldoAsync(doc);
        Assert.That(aplicado + saldo, Is.EqualTo(10_000m), resumen);
        Assert.That(aplicado, Is.EqualTo((int)respuestas[1].StatusCode == 201 ? 10_000m : 0m), resumen);
        var pagado = await EscalarAsync<decimal>("SELECT COALESCE(sum(monto - saldo), 0) FROM cartera.pagos");
        Assert.That(pagado, Is.EqualTo(aplicado), "lo que los pagos dicen haber aplicado es lo que el documento recibió");
    }

    /// <summary>
    /// The test holds the document's row lock while both edits load it, so both read the same row version and
    /// both reach their UPDATE; when it lets go, the first one wins and the second finds the row changed.
    /// </summary>
    [Test]
    public async Task Dos_ediciones_a_la_vez_del_mismo_documento_la_segunda_recibe_409_en_espanol_sin_escribir_nada()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 10_000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        var antes = await Fixture.ContarFilasAsync();

        await using var bloqueo = new NpgsqlConnection(Fixture.Conexion);
        await bloqueo.OpenAsync();
        await using var tx = await bloqueo.BeginTransactionAsync();
        await using (var fila = new NpgsqlCommand("SELECT 1 FROM cartera.documentos d JOIN cartera.cuotas c ON c.documento_id = d.id WHERE d.id = @id FOR UPDATE", bloqueo, tx))
        {
            fila.Parameters.AddWithValue("id", Guid.Parse(doc.Id()));
            await fila.ExecuteScalarAsync();
        }

        var ediciones = ALaVezAsync(2, (i, c) => i == 0
            ? c.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/anular", new { motivo = "Emitida por error" })
            : c.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/castigar", new { motivo = "Incobrable", fecha = F(Hoy) }));
        await Fixture.EsperarBloqueadasAsync(2);
        await tx.CommitAsync();
        var respuestas = await ediciones;

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Select(r => (int)r.StatusCode).Order(), Is.EqualTo(new[] { 200, 409 }), resumen);
        var conflicto = await respuestas.Single(r => (int)r.StatusCode == 409).ProblemaAsync(409);
        Assert.That(((string?)conflicto["title"], (string?)conflicto["detail"]), Is.EqualTo(("Conflicto", "El registro cambió mientras se editaba; recárguelo.")));
        var documento = await DocumentoAsync(doc);
        Assert.That(documento["fechaAnulacion"] is null, Is.Not.EqualTo(documento["castigo"] is null), "anulado o castigado, nunca los dos: " + documento.ToJsonString());
        Assert.That((string?)documento["estado"], Is.EqualTo((int)respuestas[0].StatusCode == 200 ? "anulado" : "castigado"), "gana la edición que respondió 200");
        var saldoCuota = (decimal)documento["cuotas"]![0]!["saldo"]!;
        Assert.That(saldoCuota, Is.Zero, "anulada o castigada, la cuota ya no debe nada");
        var auditadas = await EscalarAsync<long>(
            "SELECT count(*) FROM plataforma.auditoria WHERE entidad IN ('Documento', 'Cuota') AND operacion = 'modificar' AND entidad_id LIKE @id || '%'", ("id", doc.Id()));
        Assert.That(auditadas, Is.EqualTo(2L), "solo la edición que ganó quedó auditada: el documento y su cuota, una vez");
        var despues = await Fixture.ContarFilasAsync();
        // The winning edit is logged (audit, and the monthly reports' change log); no other row appears or disappears.
        static bool Registro(string tabla) => tabla is "plataforma.auditoria" or "cartera.hechos_modificados";
        Assert.That(despues.Where(t => !Registro(t.Key)), Is.EquivalentTo(antes.Where(t => !Registro(t.Key))));
    }

}
