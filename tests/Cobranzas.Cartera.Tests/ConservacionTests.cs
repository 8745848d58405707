using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// Random sequences of documents, payments, cheques and their protests, credit notes (referenced or compensated
/// later), later applications, reversals and write-offs never create or lose a peso.
/// </summary>
public sealed class ConservacionTests : PruebaCartera
{
    private sealed record Operacion(int Tipo, int Monto, int Indice);

    [Test]
    public void Ningun_peso_se_crea_ni_se_pierde()
    {
        var operacion = from tipo in Gen.Choose(0, 8)
                        from monto in Gen.Choose(1, 5000)
                        from indice in Gen.Choose(0, 30)
                        select new Operacion(tipo, monto, indice);
        var secuencias = Gen.NonEmptyListOf(operacion).Select(l => l.Take(25).ToArray());

        Prop.ForAll(secuencias.ToArbitrary(), ops => Ejecutar(ops).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(12).WithReplay(12345UL, 6789UL));
    }

    private async Task<bool> Ejecutar(Operacion[] ops)
    {
        var clienteId = (await Api.CrearClienteAsync()).Id();
        var documentos = new List<string>();
        var pagos = new List<string>();
        var notas = new List<string>();
        foreach (var op in ops)
        {
            switch (op.Tipo)
            {
                case 0:
                    documentos.Add((await CrearDocumentoAsync(Factura(Fixture.Siguiente(), op.Monto, Hoy.AddDays(-60), Hoy.AddDays(-op.Indice), clienteId))).Id());
                    break;
                case 1:
                    pagos.Add((await PagarAsync(op.Monto, Hoy, clienteId: clienteId)).Id());
                    break;
                case 2:
                    var activas = await AplicacionesActivasAsync(pagos, notas);
                    if (activas.Count > 0)
                        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{activas[op.Indice % activas.Count]}/reversar", new { motivo = "prueba" })).JsonAsync();
                    break;
                case 3:
                    var conSaldo = await (await Api.GetAsync($"/api/v1/pagos?clienteId={clienteId}&conSaldoAFavor=true")).JsonAsync();
                    var pendientes = await (await Api.GetAsync($"/api/v1/documentos?clienteId={clienteId}&tipo=33")).JsonAsync();
                    if (conSaldo["items"]!.AsArray().Count > 0 && pendientes["items"]!.AsArray().Any(d => (decimal)d!["saldo"]! > 0))
                        await (await Api.PostAsJsonAsync($"/api/v1/pagos/{conSaldo["items"]![op.Indice % conSaldo["items"]!.AsArray().Count]!.Id()}/aplicaciones", new { aplicacion = "automatica" })).JsonAsync();
                    break;
                case 4 when documentos.Count > 0:
                    var referencia = documentos[op.Indice % documentos.Count];
                    var referido = await (await Api.GetAsync($"/api/v1/documentos/{referencia}")).JsonAsync();
                    if ((string?)referido["estado"] != "anulado")
                        notas.Add((await CrearDocumentoAsync(new
                        {
                            tipo = "61", folio = Fixture.Siguiente(), clienteId, fechaEmision = F(Hoy), moneda = "CLP", neto = (decimal)op.Monto, exento = 0m, iva = 0m, total = (decimal)op.Monto,
                            referencia = new { documentoId = referencia },
                        })).Id());
                    break;
                case 5:
                    pagos.Add((await (await Api.PostAsJsonAsync("/api/v1/pagos", new
                    {
                        clienteId, fecha = F(Hoy), monto = (decimal)op.Monto, moneda = "CLP", canal = "cheque", referencia = $"CH-{Fixture.Siguiente()}",
                        aplicacion = "automatica", fechaCheque = F(Hoy),
                    })).JsonAsync(201)).Id());
                    break;
                case 6:
                    var cheques = await (await Api.GetAsync($"/api/v1/cheques?estado=cobrado&clienteId={clienteId}")).JsonAsync();
                    var propios = cheques["items"]!.AsArray().Where(c => pagos.Contains(c!.Id())).ToList();
                    if (propios.Count > 0)
                        await (await Api.PostAsJsonAsync($"/api/v1/pagos/{propios[op.Indice % propios.Count]!.Id()}/protestar", new { motivo = "Sin fondos", costo = 0m })).JsonAsync();
                    break;
                case 7:
                    var nota = await CrearDocumentoAsync(new
                    {
                        tipo = "61", folio = Fixture.Siguiente(), clienteId, fechaEmision = F(Hoy), moneda = "CLP", neto = (decimal)op.Monto, exento = 0m, iva = 0m, total = (decimal)op.Monto,
                    });
                    notas.Add(nota.Id());
                    var compensar = await Api.PostAsJsonAsync("/api/v1/compensaciones", new { notaCreditoId = nota.Id(), aplicacion = "automatica", motivo = "prueba" });
                    Assert.That((int)compensar.StatusCode, Is.AnyOf(201, 422), "sin documentos pendientes la compensación se rechaza sin cambios");
                    break;
                case 8 when documentos.Count > 0:
                    var castigable = documentos[op.Indice % documentos.Count];
                    if ((decimal)(await (await Api.GetAsync($"/api/v1/documentos/{castigable}")).JsonAsync())["saldo"]! > 0)
                        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{castigable}/castigar", new { fecha = F(Hoy), motivo = "prueba" })).JsonAsync();
                    break;
            }
        }

        return await CuadraAsync(documentos, pagos, notas);
    }

    private async Task<List<string>> AplicacionesActivasAsync(List<string> pagos, List<string> notas)
    {
        var ids = new List<string>();
        foreach (var p in pagos)
            ids.AddRange((await (await Api.GetAsync($"/api/v1/pagos/{p}")).JsonAsync())["aplicaciones"]!.AsArray().Where(a => (bool)a!["activa"]!).Select(a => a!.Id()));
        foreach (var n in notas)
            ids.AddRange((await (await Api.GetAsync($"/api/v1/documentos/{n}")).JsonAsync())["aplicaciones"]!.AsArray().Where(a => (bool)a!["activa"]!).Select(a => a!.Id()));
        return ids;
    }

    /// <summary>Every document owes its total less what is applied to it; every source gave exactly what it lacks.</summary>
    private async Task<bool> CuadraAsync(List<string> documentos, List<string> pagos, List<string> notas)
    {
        decimal recibido = 0, entregado = 0;
        foreach (var id in documentos)
        {
            var d = await (await Api.GetAsync($"/api/v1/documentos/{id}")).JsonAsync();
            var aplicado = d["aplicaciones"]!.AsArray().Where(a => (bool)a!["activa"]!).Sum(a => (decimal)a!["monto"]!);
            var saldo = (decimal)d["saldo"]!;
            var castigo = (decimal?)d["castigo"]?["monto"] ?? 0m;
            Assert.That(saldo, Is.InRange(0m, (decimal)d["total"]!), $"saldo del documento {id}");
            Assert.That(saldo + aplicado + castigo, Is.EqualTo((decimal)d["total"]!), $"documento {id}: total = saldo + aplicado + castigo");
            Assert.That(d["cuotas"]!.AsArray().Sum(c => (decimal)c!["saldo"]!), Is.EqualTo(saldo), $"cuotas del documento {id}");
            recibido += aplicado;
        }

        foreach (var id in pagos)
        {
            var p = await (await Api.GetAsync($"/api/v1/pagos/{id}")).JsonAsync();
            var aplicado = p["aplicaciones"]!.AsArray().Where(a => (bool)a!["activa"]!).Sum(a => (decimal)a!["monto"]!);
            Assert.That((decimal)p["saldoAFavor"]!, Is.GreaterThanOrEqualTo(0m), $"pago {id}");
            if ((string?)p["cheque"]?["estado"] == "protestado")
                Assert.That((aplicado, (decimal)p["saldoAFavor"]!), Is.EqualTo((0m, 0m)), $"cheque protestado {id}: su dinero nunca llegó");
            else
                Assert.That(aplicado + (decimal)p["saldoAFavor"]!, Is.EqualTo((decimal)p["monto"]!), $"pago {id}");
            entregado += aplicado;
        }

        foreach (var id in notas)
        {
            var n = await (await Api.GetAsync($"/api/v1/documentos/{id}")).JsonAsync();
            var aplicado = n["aplicaciones"]!.AsArray().Where(a => (bool)a!["activa"]!).Sum(a => (decimal)a!["monto"]!);
            Assert.That(aplicado + (decimal)n["saldo"]!, Is.EqualTo((decimal)n["total"]!), $"nota de crédito {id}");
            entregado += aplicado;
        }

        Assert.That(entregado, Is.EqualTo(recibido), "lo aplicado por pagos y notas de crédito es lo recibido por los documentos");
        return true;
    }
}
