using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// The set-based payments batch gives exactly what applying its payments one by one, in batch order,
/// through POST /pagos gives: the same random scenario is built in two companies, one receives the
/// payments one at a time and the other in one POST /pagos/lote, and every installment balance, every
/// payment's balance and every application line are compared.
/// </summary>
public sealed class LotePagosTests : PruebaCartera
{
    private sealed record Doc(long Folio, int Cliente, DateOnly Emision, string Moneda, (int Numero, DateOnly Vence, decimal Monto)[] Cuotas);

    private sealed record Pago(int Cliente, decimal Monto, string Moneda, string Canal, DateOnly? FechaCheque, string Referencia);

    [TestCase("vencimiento", 101)]
    [TestCase("emision", 202)]
    [TestCase("monto_menor", 303)]
    [TestCase("monto_menor", 404)]
    public async Task Lote_aplica_lo_mismo_que_los_pagos_uno_a_uno_en_orden(string orden, int semilla)
    {
        var (docs, pagos) = Escenario(new Random(semilla));
        var unoAUno = Api;
        var enLote = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Distribuidora En Lote"));
        var a = await PrepararAsync(unoAUno, orden, docs);
        var b = await PrepararAsync(enLote, orden, docs);

        foreach (var p in pagos)
            await (await unoAUno.PostAsJsonAsync("/api/v1/pagos", Cuerpo(p, a.Clientes))).JsonAsync(201);
        var lote = await (await enLote.PostAsJsonAsync("/api/v1/pagos/lote", pagos.Select(p => Cuerpo(p, b.Clientes)).ToArray())).JsonAsync();

        Assert.That(((bool?)lote["aplicado"], (int?)lote["creados"], (int?)lote["sinCambios"]), Is.EqualTo((true, pagos.Count, 0)), lote.ToJsonString());
        var cuotasA = await CuotasAsync(unoAUno, a.Documentos);
        var cuotasB = await CuotasAsync(enLote, b.Documentos);
        Assert.That(cuotasB, Is.EqualTo(cuotasA), "saldo de cada cuota y de cada documento");

        var pagosA = await PagosAsync(unoAUno, a.Clientes);
        var pagosB = await PagosAsync(enLote, b.Clientes);
        Assert.That(pagosB.Keys, Is.EquivalentTo(pagos.Select(p => p.Referencia)));
        foreach (var (referencia, esperado) in pagosA)
            Assert.That(pagosB[referencia], Is.EqualTo(esperado), $"pago {referencia}: aplicado, saldo a favor, estado del cheque y líneas");
        var aplicado = pagosA.Values.Sum(p => p.Aplicado);
        Assert.That((decimal?)lote["montoAplicado"], Is.EqualTo(aplicado));
        Assert.That(pagosA.Values.Count(p => p.SaldoAFavor > 0), Is.GreaterThan(0), "hay sobrepagos (saldo a favor)");
        Assert.That(pagosA.Values.Count(p => p.Lineas.Split(';').Length > 1), Is.GreaterThan(0), "hay pagos repartidos en varias cuotas");
        Assert.That(pagosA.Values.Single(p => p.Cheque == "en_cartera").Aplicado, Is.EqualTo(0m), "el cheque a fecha queda en cartera sin aplicar");

        Assert.That(cuotasA.Values.Count(s => s == 0), Is.GreaterThan(0), "hay cuotas pagadas enteras");

        var lineas = pagosB.Values.Sum(p => p.Lineas.Length == 0 ? 0 : p.Lineas.Split(';').Length);
        async Task<int> AuditadasAsync(string entidad) =>
            (int)(await (await enLote.GetAsync($"/api/v1/auditoria?entidad={entidad}&tamanoPagina=1")).JsonAsync())["total"]!;
        Assert.That((await AuditadasAsync("Pago"), await AuditadasAsync("Aplicacion"), await AuditadasAsync("LotePagos")), Is.EqualTo((pagos.Count, lineas, 1)),
            "una entrada de auditoría por pago, por aplicación y por el lote");
    }

    [Test]
    public async Task Lote_no_crea_nada_con_una_fila_mala_y_parcial_guarda_las_buenas()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-60), Hoy.AddDays(-20)));
        var filas = new object?[]
        {
            new { clienteId = ClienteId, fecha = F(Hoy), monto = 300m, moneda = "CLP", canal = "transferencia", referencia = "R-1", aplicacion = "automatica" },
            new { clienteId = Guid.NewGuid(), fecha = F(Hoy), monto = 300m, moneda = "CLP", canal = "transferencia", aplicacion = "automatica" },
            null,
            new { clienteId = ClienteId, fecha = F(Hoy), monto = 300m, moneda = "CLP", canal = "transferencia", referencia = "R-1", aplicacion = "automatica" },
        };

        var rechazado = await (await Api.PostAsJsonAsync("/api/v1/pagos/lote", filas)).ProblemaAsync(422);
        Assert.That(rechazado["errores"]!.AsArray().Select(e => ((int)e!["fila"]!, (string)e["regla"]!)),
            Is.EquivalentTo(new[] { (2, "cliente_inexistente"), (3, "requerido") }));
        Assert.That(await SaldoAsync(doc), Is.EqualTo(1000m));

        var parcial = await (await Api.PostAsJsonAsync("/api/v1/pagos/lote?parcial=true", filas)).JsonAsync();
        Assert.That(((bool?)parcial["aplicado"], (int?)parcial["creados"], (int?)parcial["sinCambios"], (decimal?)parcial["montoAplicado"]),
            Is.EqualTo((true, 1, 1, 300m)));
        Assert.That(await SaldoAsync(doc), Is.EqualTo(700m));
    }

    /// <summary>Four clients, multi-installment documents with shared due dates, one USD document, one client without debt.</summary>
    private (List<Doc>, List<Pago>) Escenario(Random r)
    {
        var docs = new List<Doc>();
        var vencimientos = Enumerable.Range(0, 6).Select(i => Hoy.AddDays(-90 + i * 20)).ToArray();
        for (var i = 0; i < 24; i++)
        {
            var emision = Hoy.AddDays(-r.Next(100, 130));
            var cuotas = Enumerable.Range(1, r.Next(1, 4))
                .Select(n => (n, vencimientos[r.Next(vencimientos.Length)], (decimal)(r.Next(2, 40) * 250))).ToArray();
            docs.Add(new Doc(1000 + i, r.Next(0, 3), emision, "CLP", cuotas));
        }

        docs.Add(new Doc(2000, 1, Hoy.AddDays(-40), "USD", [(1, Hoy.AddDays(-10), 1234.56m)]));
        var pagos = new List<Pago>();
        for (var i = 0; i < 30; i++)
        {
            var cliente = r.Next(0, 4);
            var canal = i % 7 == 3 ? "cheque" : "transferencia";
            pagos.Add(new Pago(cliente, r.Next(1, 30) * 300 + r.Next(0, 2) * 7, "CLP", canal, null, $"P-{i}"));
        }

        pagos.Insert(5, new Pago(0, 4000m, "CLP", "cheque", Hoy.AddDays(15), "CH-A-FECHA"));
        pagos.Insert(8, new Pago(1, 500.25m, "USD", "transferencia", null, "USD-1"));
        pagos.Insert(12, new Pago(1, 1000.00m, "USD", "transferencia", null, "USD-2"));
        pagos.Add(new Pago(2, 500_000m, "CLP", "transferencia", null, "SOBREPAGO"));
        return (docs, pagos);
    }

    private static object Cuerpo(Pago p, List<string> clientes) => new
    {
        clienteId = clientes[p.Cliente], fecha = F(Hoy), monto = p.Monto, moneda = p.Moneda, canal = p.Canal, referencia = p.Referencia,
        aplicacion = "automatica", fechaCheque = p.FechaCheque is { } f ? F(f) : null,
    };

    private static async Task<(List<string> Clientes, Dictionary<long, string> Documentos)> PrepararAsync(HttpClient api, string orden, List<Doc> docs)
    {
        await (await api.PutAsJsonAsync("/api/v1/cartera/configuracion", new
        {
            limitesTramos = new[] { 30, 60, 90, 120 }, ordenImputacion = orden, porcentajesProvision = new decimal[6],
            cuentaContableConReferencia = (string?)null, cuentaContableSinReferencia = (string?)null,
        })).JsonAsync();
        var clientes = new List<string>();
        for (var i = 0; i < 4; i++)
            clientes.Add((await api.CrearClienteAsync()).Id());
        var documentos = new Dictionary<long, string>();
        foreach (var d in docs)
        {
            var total = d.Cuotas.Sum(c => c.Monto);
            var creado = await (await api.PostAsJsonAsync("/api/v1/documentos", new
            {
                tipo = "33", folio = d.Folio, clienteId = clientes[d.Cliente], fechaEmision = F(d.Emision), moneda = d.Moneda, neto = total, exento = 0m, iva = 0m, total,
                cuotas = d.Cuotas.Select(c => new { numero = c.Numero, fechaVencimiento = F(c.Vence), monto = c.Monto }).ToArray(),
            })).JsonAsync(201);
            documentos[d.Folio] = creado.Id();
        }

        return (clientes, documentos);
    }

    private static async Task<SortedDictionary<string, decimal>> CuotasAsync(HttpClient api, Dictionary<long, string> documentos)
    {
        var saldos = new SortedDictionary<string, decimal>();
        foreach (var (folio, id) in documentos)
        {
            var d = await (await api.GetAsync($"/api/v1/documentos/{id}")).JsonAsync();
            saldos[$"{folio}"] = (decimal)d["saldo"]!;
            foreach (var c in d["cuotas"]!.AsArray())
                saldos[$"{folio}/{(int)c!["numero"]!}"] = (decimal)c["saldo"]!;
        }

        return saldos;
    }

    private sealed record Resultado(decimal Aplicado, decimal SaldoAFavor, string? Cheque, string Lineas);

    private static async Task<Dictionary<string, Resultado>> PagosAsync(HttpClient api, List<string> clientes)
    {
        var resultado = new Dictionary<string, Resultado>();
        foreach (var cliente in clientes)
        {
            var lista = await (await api.GetAsync($"/api/v1/pagos?clienteId={cliente}&tamanoPagina=200")).JsonAsync();
            foreach (var item in lista["items"]!.AsArray())
            {
                var p = await (await api.GetAsync($"/api/v1/pagos/{item!.Id()}")).JsonAsync();
                var lineas = string.Join(";", p["aplicaciones"]!.AsArray()
                    .Select(a => ((long)a!["folio"]!, (int)a["cuota"]!, (decimal)a["monto"]!, (string)a["fecha"]!)).Order().Select(a => $"{a.Item1}/{a.Item2}:{a.Item3}@{a.Item4}"));
                resultado[(string)p["referencia"]!] = new Resultado((decimal)p["aplicado"]!, (decimal)p["saldoAFavor"]!, (string?)p["cheque"]?["estado"], lineas);
            }
        }

        return resultado;
    }
}
