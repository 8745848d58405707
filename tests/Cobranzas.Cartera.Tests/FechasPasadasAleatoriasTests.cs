using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// A random sequence of operations dated over last year (payments manual, automatic and in batches, dated and undated
/// reversals, credit notes on their document, compensations, cheques a fecha, saldo a favor applied), then every month-end
/// cut-off and today checked from each document's own history: no installment and no payment carries more applications than
/// its amount at any cut-off, and the aging and the account statement add up to what was issued less what was paid by then.
/// The seed is printed; <c>COBRANZAS_SEMILLA_FECHAS=n</c> replays one.
/// </summary>
public sealed class FechasPasadasAleatoriasTests : PruebaCartera
{
    private const int Operaciones = 250;
    private static readonly int Anio = Hoy.Year - 1;
    private static readonly DateOnly Inicio = new(Anio, 1, 1);
    private static readonly DateOnly Fin = new(Anio, 12, 31);

    private sealed record Doc(string Id, DateOnly Emision, decimal Total, bool Credito);

    [Test]
    public async Task Ninguna_secuencia_de_operaciones_fechadas_sobreaplica_un_documento_en_ningun_corte()
    {
        var semilla = int.TryParse(Environment.GetEnvironmentVariable("COBRANZAS_SEMILLA_FECHAS"), out var s) ? s : Environment.TickCount;
        TestContext.Out.WriteLine($"Semilla: {semilla} (COBRANZAS_SEMILLA_FECHAS={semilla} la repite)");
        var azar = new Random(semilla);
        var docs = new List<Doc>();
        var pagos = new List<string>();
        var aplicaciones = new List<(string Id, DateOnly Fecha)>();
        var conocidas = new HashSet<string>();
        var folio = 0L;
        DateOnly Fecha(DateOnly desde) => desde.AddDays(azar.Next(0, Math.Max(1, Fin.DayNumber - desde.DayNumber + 1)));
        decimal Monto() => azar.Next(1, 60) * 1000m;
        void Registrar(JsonNode pago)
        {
            if (!pagos.Contains(pago.Id()))
                pagos.Add(pago.Id());
            foreach (var a in pago["aplicaciones"]!.AsArray().Where(a => (bool)a!["activa"]! && conocidas.Add(a.Id())))
                aplicaciones.Add((a!.Id(), DateOnly.Parse((string)a!["fecha"]!)));
        }

        async Task<JsonNode> Pagar(object cuerpo, params int[] aceptados)
        {
            var respuesta = await Api.PostAsJsonAsync("/api/v1/pagos", cuerpo);
            var estado = (int)respuesta.StatusCode;
            Assert.That(aceptados, Does.Contain(estado), $"semilla {semilla}: {await respuesta.Content.ReadAsStringAsync()}");
            var json = await respuesta.JsonAsync(estado);
            if (estado == 201)
                Registrar(json);
            return json;
        }

        for (var i = 0; i < Operaciones; i++)
        {
            var op = docs.Count(d => !d.Credito) < 3 ? 0 : azar.Next(100);
            if (op < 15)
            {
                var emision = Fecha(Inicio);
                var total = Monto() * 2;
                var cuotas = azar.Next(3) == 0
                    ? new[] { new { numero = 1, fechaVencimiento = F(emision.AddDays(30)), monto = total / 2 }, new { numero = 2, fechaVencimiento = F(emision.AddDays(60)), monto = total / 2 } }
                    : null;
                var doc = await CrearDocumentoAsync(new
                {
                    tipo = "33", folio = ++folio, clienteId = ClienteId, fechaEmision = F(emision), fechaVencimiento = cuotas is null ? F(emision.AddDays(30)) : null,
                    moneda = "CLP", neto = total, exento = 0m, iva = 0m, total, cuotas,
                });
                docs.Add(new Doc(doc.Id(), emision, total, false));
            }
            else if (op < 40)
            {
                var doc = docs.Where(d => !d.Credito).ElementAt(azar.Next(docs.Count(d => !d.Credito)));
                var monto = Monto();
                await Pagar(new
                {
                    clienteId = ClienteId, fecha = F(Fecha(doc.Emision)), monto, moneda = "CLP", canal = "transferencia", aplicacion = "manual",
                    aplicaciones = new[] { new { documentoId = doc.Id, monto = Math.Min(monto, azar.Next(1, 40) * 1000m) } },
                }, 201, 422);
            }
            else if (op < 60)
                await Pagar(new { clienteId = ClienteId, fecha = F(Fecha(Inicio)), monto = Monto(), moneda = "CLP", canal = "transferencia", aplicacion = "automatica" }, 201);
            else if (op < 65)
            {
                var lote = Enumerable.Range(0, azar.Next(1, 5)).Select(_ => new
                {
                    clienteId = ClienteId, fecha = F(Fecha(Inicio)), monto = Monto(), moneda = "CLP", canal = "transferencia", referencia = $"L-{i}-{azar.Next()}", aplicacion = "automatica",
                }).ToArray();
                var r = await (await Api.PostAsJsonAsync("/api/v1/pagos/lote", lote)).JsonAsync();
                Assert.That((bool?)r["aplicado"], Is.True, $"semilla {semilla}: {r.ToJsonString()}");
                foreach (var id in (await IdsPagosAsync()).Where(id => !pagos.Contains(id)))
                    Registrar(await (await Api.GetAsync($"/api/v1/pagos/{id}")).JsonAsync());
            }
            else if (op < 85 && aplicaciones.Count > 0)
            {
                var (id, fecha) = aplicaciones[azar.Next(aplicaciones.Count)];
                aplicaciones.Remove((id, fecha));
                var cuerpo = azar.Next(2) == 0 ? new { motivo = "Error", fecha = (string?)F(Fecha(fecha)) } : new { motivo = "Error", fecha = (string?)null };
                var respuesta = await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{id}/reversar", cuerpo);
                Assert.That((int)respuesta.StatusCode, Is.EqualTo(200), $"semilla {semilla}: {await respuesta.Content.ReadAsStringAsync()}");
            }
            else if (op < 90)
            {
                var doc = docs.Where(d => !d.Credito).ElementAt(azar.Next(docs.Count(d => !d.Credito)));
                var total = Monto();
                var nota = await CrearDocumentoAsync(new
                {
                    tipo = "61", folio = ++folio, clienteId = ClienteId, fechaEmision = F(Fecha(doc.Emision)), moneda = "CLP", neto = total, exento = 0m, iva = 0m, total,
                    referencia = azar.Next(2) == 0 ? new { documentoId = doc.Id } : null,
                });
                docs.Add(new Doc(nota.Id(), DateOnly.Parse((string)nota["fechaEmision"]!), total, true));
                if (azar.Next(2) == 0 && (decimal)nota["saldo"]! > 0)
                {
                    var r = await Api.PostAsJsonAsync("/api/v1/compensaciones", new { notaCreditoId = nota.Id(), aplicacion = "automatica", motivo = "Cruce" });
                    Assert.That((int)r.StatusCode, Is.AnyOf(201, 422), $"semilla {semilla}: {await r.Content.ReadAsStringAsync()}");
                }
            }
            else if (op < 95)
            {
                var recibido = Fecha(Inicio).AddDays(-40);
                var cheque = await Pagar(new
                {
                    clienteId = ClienteId, fecha = F(recibido), monto = Monto(), moneda = "CLP", canal = "cheque", referencia = $"CH-{i}",
                    fechaCheque = F(recibido.AddDays(10)), aplicacion = "automatica",
                }, 201);
                Assert.That((string?)cheque["cheque"]!["estado"], Is.EqualTo("en_cartera"), $"semilla {semilla}");
                await (await Api.PostAsJsonAsync($"/api/v1/pagos/{cheque.Id()}/depositar", new { cuentaDeposito = "Banco 1", fecha = F(recibido.AddDays(12)) })).JsonAsync();
                Registrar(await (await Api.PostAsJsonAsync($"/api/v1/pagos/{cheque.Id()}/cobrar", new { fecha = F(recibido.AddDays(14 + azar.Next(20))) })).JsonAsync());
            }
            else if (pagos.Count > 0)
            {
                var id = pagos[azar.Next(pagos.Count)];
                var r = await Api.PostAsJsonAsync($"/api/v1/pagos/{id}/aplicaciones", new { aplicacion = "automatica" });
                Assert.That((int)r.StatusCode, Is.AnyOf(200, 422), $"semilla {semilla}: {await r.Content.ReadAsStringAsync()}");
                if (r.IsSuccessStatusCode)
                    Registrar(await r.JsonAsync());
            }
        }

        await VerificarCortesAsync(semilla, docs);
    }

    private async Task<List<string>> IdsPagosAsync()
    {
        var ids = new List<string>();
        for (var pagina = 1; ; pagina++)
        {
            var items = (await (await Api.GetAsync($"/api/v1/pagos?clienteId={ClienteId}&tamanoPagina=200&pagina={pagina}")).JsonAsync())["items"]!.AsArray();
            ids.AddRange(items.Select(p => p!.Id()));
            if (items.Count < 200)
                return ids;
        }
    }

    private async Task VerificarCortesAsync(int semilla, List<Doc> docs)
    {
        var detalles = new List<JsonNode>();
        foreach (var d in docs)
            detalles.Add(await (await Api.GetAsync($"/api/v1/documentos/{d.Id}")).JsonAsync());
        var pagos = new List<JsonNode>();
        foreach (var id in await IdsPagosAsync())
            pagos.Add(await (await Api.GetAsync($"/api/v1/pagos/{id}")).JsonAsync());

        static bool Cuenta(JsonNode a, DateOnly corte) =>
            DateOnly.Parse((string)a["fecha"]!) <= corte && (a["fechaReversa"] is null || DateOnly.Parse((string)a["fechaReversa"]!) > corte);

        var cortes = Enumerable.Range(1, 12).Select(m => new DateOnly(Anio, m, 1).AddMonths(1).AddDays(-1)).Append(Hoy).ToList();
        var sobreaplicados = new List<string>();
        foreach (var corte in cortes)
        {
            decimal deuda = 0, favor = 0, emitido = 0, recibido = 0;
            foreach (var (doc, detalle) in docs.Zip(detalles))
            {
                if (doc.Emision > corte)
                    continue;
                emitido += doc.Credito ? -doc.Total : doc.Total;
                if (doc.Credito)
                {
                    // A credit note's own detail lists its applications too: each counts once.
                    var aplicado = detalles.SelectMany(x => x["aplicaciones"]!.AsArray()).DistinctBy(a => a!.Id())
                        .Where(a => (string?)a!["notaCreditoId"] == doc.Id && Cuenta(a, corte)).Sum(a => (decimal)a!["monto"]!);
                    if (aplicado > doc.Total)
                        sobreaplicados.Add($"{corte}: nota {doc.Id} aplica {aplicado} de {doc.Total}");
                    favor += doc.Total - aplicado;
                    continue;
                }

                foreach (var cuota in detalle["cuotas"]!.AsArray())
                {
                    var numero = (int)cuota!["numero"]!;
                    var aplicado = detalle["aplicaciones"]!.AsArray().Where(a => (string?)a!["documentoId"] == doc.Id && (int)a["cuota"]! == numero && Cuenta(a, corte)).Sum(a => (decimal)a!["monto"]!);
                    if (aplicado > (decimal)cuota["monto"]!)
                        sobreaplicados.Add($"{corte}: documento {doc.Id} cuota {numero} con {aplicado} aplicado de {(decimal)cuota["monto"]!}");
                    deuda += (decimal)cuota["monto"]! - aplicado;
                }
            }

            foreach (var pago in pagos)
            {
                var cheque = pago["cheque"];
                var disponibleDesde = cheque is null ? DateOnly.Parse((string)pago["fecha"]!) : (string?)cheque["fechaCobro"] is { } cobro ? DateOnly.Parse(cobro) : DateOnly.MaxValue;
                if (disponibleDesde > corte)
                    continue;
                var aplicado = pago["aplicaciones"]!.AsArray().Where(a => Cuenta(a!, corte)).Sum(a => (decimal)a!["monto"]!);
                if (aplicado > (decimal)pago["monto"]!)
                    sobreaplicados.Add($"{corte}: pago {pago.Id()} aplica {aplicado} de {(decimal)pago["monto"]!}");
                favor += (decimal)pago["monto"]! - aplicado;
                recibido += (decimal)pago["monto"]!;
            }

            // Nothing vanishes: what was owed less what was in favour is what was issued less what was received by then.
            var antesDeEmitir = docs.Zip(detalles).SelectMany(x => x.Second["aplicaciones"]!.AsArray()
                .Where(a => DateOnly.Parse((string)a!["fecha"]!) < x.First.Emision).Select(a => $"{x.First.Id} emitido {x.First.Emision}: {a!.ToJsonString()}"));
            Assert.That(deuda - favor, Is.EqualTo(emitido - recibido), $"semilla {semilla}, conservación al {corte}; aplicaciones anteriores a la emisión: {string.Join("; ", antesDeEmitir)}");

            var antiguedad = await (await Api.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={F(corte)}")).JsonAsync();
            var estado = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta?fechaCorte={F(corte)}")).JsonAsync();
            var provision = await (await Api.GetAsync($"/api/v1/cartera/provision?fechaCorte={F(corte)}")).JsonAsync();
            Assert.That((decimal?)antiguedad["total"], Is.EqualTo(deuda), $"semilla {semilla}, antigüedad al {corte}");
            Assert.That(((decimal?)estado["saldo"], estado["saldoAFavor"]!.AsArray().Sum(x => (decimal)x!["monto"]!)), Is.EqualTo((deuda, favor)),
                $"semilla {semilla}, estado de cuenta al {corte}");
            Assert.That((decimal?)provision["saldo"], Is.EqualTo(deuda), $"semilla {semilla}, provisión al {corte}");
        }

        Assert.That(sobreaplicados, Is.Empty, $"semilla {semilla}");
        var credito = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/credito")).JsonAsync();
        TestContext.Out.WriteLine($"Documentos {docs.Count}, pagos {pagos.Count}, exposición hoy {(decimal?)credito["exposicion"]}");
    }
}
