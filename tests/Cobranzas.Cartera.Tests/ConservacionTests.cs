using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cobranzas.Testing;
using FsCheck;
using FsCheck.Fluent;
using static Cobranzas.Cartera.Tests.ModeloConservacion;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// The money property: random months of CLP, UF and USD documents in installments, payments (single, manual, in batches),
/// cheques al día and a fecha (deposit, clearing, protest with its cost), credit notes and compensations, write-offs,
/// factoring and buy-back, cancellations and every reversal, with the clock moving forward. The test keeps its own
/// <see cref="ModeloConservacion"/> of what it sent and what the API accepted, and compares it with the aging and the
/// client statement at today and at past month ends, with the credit exposure and with every document and payment:
/// no peso is created or lost at any cut-off.
/// <para>
/// <c>COBRANZAS_PROPIEDAD_CASOS</c> sets the number of cases (default 200) and <c>COBRANZAS_PROPIEDAD_SEMILLA</c> the seed
/// (default: a new one, printed); a failure prints the seed, the shrunk case and the operations with their dates.
/// </para>
/// </summary>
public sealed class ConservacionTests : PruebaCartera
{
    public enum Accion
    {
        Documento, PagoAutomatico, PagoManual, Lote, ChequeAlDia, ChequeAFecha, AvanzarCheque, Protestar, AplicarSaldo,
        ReversarAplicacion, NotaReferenciada, Compensar, ReversarCompensacion, Castigar, Ceder, Recomprar, Anular, Avanzar,
    }

    public sealed record Operacion(Accion Accion, int A, int B, int C)
    {
        public override string ToString() => $"{Accion}({A},{B},{C})";
    }

    public sealed record Caso(int Dia, Operacion[] Operaciones)
    {
        public override string ToString() => $"día {Dia}: [{string.Join(", ", Operaciones.Select(o => o.ToString()))}]";
    }

    private enum Esperado { Acepta, Rechaza, Cualquiera }

    private sealed class DescuadreException(string mensaje) : Exception(mensaje);

    private const int DiasMaximosPorCaso = 60;
    private static readonly string[] MonedasDoc = ["CLP", "CLP", "UF", "USD"];
    private static readonly object Factor = new { nombre = "Factoring del Sur S.A.", rut = "76.086.428-5" };

    private readonly SortedDictionary<string, (int Aceptadas, int Rechazadas)> _conteo = [];
    private HttpClient _erp = null!;
    private DateOnly _valoresHasta = DateOnly.MinValue;

    [Test]
    public void Ningun_peso_se_crea_ni_se_pierde()
    {
        var casos = int.TryParse(Environment.GetEnvironmentVariable("COBRANZAS_PROPIEDAD_CASOS"), out var n) && n > 0 ? n : 200;
        var semilla = ulong.TryParse(Environment.GetEnvironmentVariable("COBRANZAS_PROPIEDAD_SEMILLA"), out var s) ? s : (ulong)Random.Shared.NextInt64(1, long.MaxValue);
        TestContext.Progress.WriteLine($"Propiedad de conservación: {casos} casos, COBRANZAS_PROPIEDAD_SEMILLA={semilla}");
        _erp = Fixture.ClienteConApiKeyAsync(Empresa, "lectura_escritura").GetAwaiter().GetResult();

        var operacion = from accion in Gen.Frequency(
                            (6, Gen.Constant(Accion.Documento)), (3, Gen.Constant(Accion.PagoAutomatico)), (2, Gen.Constant(Accion.PagoManual)),
                            (2, Gen.Constant(Accion.Lote)), (1, Gen.Constant(Accion.ChequeAlDia)), (2, Gen.Constant(Accion.ChequeAFecha)),
                            (3, Gen.Constant(Accion.AvanzarCheque)), (2, Gen.Constant(Accion.Protestar)), (2, Gen.Constant(Accion.AplicarSaldo)),
                            (2, Gen.Constant(Accion.ReversarAplicacion)), (1, Gen.Constant(Accion.NotaReferenciada)), (2, Gen.Constant(Accion.Compensar)),
                            (1, Gen.Constant(Accion.ReversarCompensacion)), (1, Gen.Constant(Accion.Castigar)), (1, Gen.Constant(Accion.Ceder)),
                            (1, Gen.Constant(Accion.Recomprar)), (1, Gen.Constant(Accion.Anular)), (3, Gen.Constant(Accion.Avanzar)))
                        from a in Gen.Choose(0, 999_999)
                        from b in Gen.Choose(0, 999_999)
                        from c in Gen.Choose(0, 999_999)
                        select new Operacion(accion, a, b, c);
        var caso = from dia in Gen.Choose(1, 28)
                   from largo in Gen.Choose(4, 22)
                   from ops in Gen.ArrayOf(operacion, largo)
                   select new Caso(dia, ops);

        string? registro = null;
        try
        {
            Prop.ForAll(Arb.From(caso, Achicar), c =>
                {
                    var bitacora = new StringBuilder();
                    try
                    {
                        EjecutarAsync(c, bitacora).GetAwaiter().GetResult();
                        return true;
                    }
                    catch
                    {
                        registro = bitacora.ToString();
                        throw;
                    }
                })
                .Check(Config.QuickThrowOnFailure.WithMaxTest(casos).WithReplay(semilla, 0x9E3779B97F4A7C15UL).WithQuietOnSuccess(true));
            TestContext.Progress.WriteLine($"Solicitudes aceptadas/rechazadas: {string.Join(", ", _conteo.Select(kv => $"{kv.Key} {kv.Value.Aceptadas}/{kv.Value.Rechazadas}"))}");
        }
        catch (Exception e) when (e is not DescuadreException)
        {
            throw new AssertionException(
                $"La propiedad falló con COBRANZAS_PROPIEDAD_SEMILLA={semilla} (COBRANZAS_PROPIEDAD_CASOS={casos}).\n{e.Message}\nÚltimo caso que falló:\n{registro}");
        }
    }

    /// <summary>Shorter cases first: without each operation, then the first or the second half.</summary>
    private static IEnumerable<Caso> Achicar(Caso caso)
    {
        var ops = caso.Operaciones;
        if (ops.Length > 2)
        {
            yield return caso with { Operaciones = ops[..(ops.Length / 2)] };
            yield return caso with { Operaciones = ops[(ops.Length / 2)..] };
        }

        for (var i = 0; i < ops.Length; i++)
            yield return caso with { Operaciones = [.. ops[..i], .. ops[(i + 1)..]] };
    }

    private async Task EjecutarAsync(Caso caso, StringBuilder bitacora)
    {
        // Each case starts on its own day of the month, so the month ends it crosses come from the case, not from the host's date.
        while (Hoy.Day != caso.Dia)
            Fixture.Reloj.Advance(TimeSpan.FromDays(1));
        var inicio = Hoy;
        await CargarValoresAsync(inicio.AddDays(-140), inicio.AddDays(DiasMaximosPorCaso + 40));
        var cliente = (await _erp.CrearClienteAsync()).Id();
        var ejecucion = new Ejecucion(this, caso, cliente, inicio, bitacora);
        bitacora.AppendLine($"inicio {inicio:yyyy-MM-dd}, cliente {cliente}, caso {caso}");
        foreach (var op in caso.Operaciones)
            await ejecucion.AplicarAsync(op);
        await ejecucion.VerificarAsync();
    }

    /// <summary>UF and dólar values are one series for every company: loaded (as an administrator) ahead of the moving clock.</summary>
    private async Task CargarValoresAsync(DateOnly desde, DateOnly hasta)
    {
        if (hasta <= _valoresHasta)
            return;
        desde = desde > _valoresHasta ? desde : _valoresHasta.AddDays(1);
        hasta = hasta.AddDays(720);
        var admin = await Fixture.IniciarSesionAsync(Empresa.EmailAdmin, Empresa.Password, Empresa.Id);
        var fechas = Enumerable.Range(0, hasta.DayNumber - desde.DayNumber + 1).Select(desde.AddDays).ToList();
        foreach (var bloque in fechas.Chunk(4000))
        {
            await (await admin.PutAsJsonAsync("/api/v1/valores-uf", bloque.Select(f => new { fecha = F(f), valor = Uf(f) }))).TextoAsync(204);
            await (await admin.PutAsJsonAsync("/api/v1/valores-dolar", bloque.Select(f => new { fecha = F(f), valor = Dolar(f) }))).TextoAsync(204);
        }

        _valoresHasta = hasta;
    }

    /// <summary>One case: the operations against the API and the model, then every comparison.</summary>
    private sealed class Ejecucion(ConservacionTests prueba, Caso caso, string cliente, DateOnly inicio, StringBuilder bitacora)
    {
        private readonly ModeloConservacion _m = new();
        private readonly HttpClient _api = prueba._erp;
        private readonly HashSet<string> _compensacionesReversadas = [];
        private readonly List<string> _errores = [];

        private static DateOnly Hoy => PruebaCartera.Hoy;

        private static string Monto(decimal m) => m.ToString(CultureInfo.InvariantCulture);

        private static decimal Unidades(long unidades, string moneda) => unidades / (decimal)Math.Pow(10, Decimales(moneda));

        private void Anotar(string texto) => bitacora.AppendLine($"  {Hoy:yyyy-MM-dd} {texto}");

        private void Descuadre(string texto)
        {
            _errores.Add(texto);
            bitacora.AppendLine($"  ** {texto}");
        }

        private static T Elegir<T>(IReadOnlyList<T> lista, int indice) => lista[indice % lista.Count];

        private async Task<(int Estado, JsonNode? Cuerpo)> EnviarAsync(string url, object cuerpo, Esperado esperado, string que)
        {
            var respuesta = await _api.PostAsJsonAsync(url, cuerpo);
            var texto = await respuesta.Content.ReadAsStringAsync();
            var estado = (int)respuesta.StatusCode;
            Anotar($"{que} -> {estado}{(estado >= 400 ? " " + texto : "")}");
            if (estado >= 500)
                throw new DescuadreException($"{que}: {estado} {texto}");
            var aceptado = estado is >= 200 and < 300;
            var clave = url.Split('/').Where(p => p.Length > 0 && !Guid.TryParse(p, out _)).Last();
            var (si, no) = prueba._conteo.GetValueOrDefault(clave);
            prueba._conteo[clave] = aceptado ? (si + 1, no) : (si, no + 1);
            if (!aceptado && estado is not (404 or 409 or 422))
                throw new DescuadreException($"{que}: respondió {estado} (se espera 2xx, 404, 409 o 422): {texto}");
            if (esperado == Esperado.Acepta && !aceptado)
                throw new DescuadreException($"{que}: el modelo lo acepta y la API respondió {estado}: {texto}");
            if (esperado == Esperado.Rechaza && aceptado)
                throw new DescuadreException($"{que}: el modelo lo rechaza y la API lo aceptó: {texto}");
            return (estado, aceptado ? JsonNode.Parse(texto) : null);
        }

        private async Task<JsonNode> LeerAsync(string url) => await (await _api.GetAsync(url)).JsonAsync();

        public async Task AplicarAsync(Operacion op)
        {
            switch (op.Accion)
            {
                case Accion.Documento: await DocumentoAsync(op); break;
                case Accion.PagoAutomatico: await PagoAsync(op, manual: false); break;
                case Accion.PagoManual: await PagoAsync(op, manual: true); break;
                case Accion.Lote: await LoteAsync(op); break;
                case Accion.ChequeAlDia: await ChequeAlDiaAsync(op); break;
                case Accion.ChequeAFecha: await ChequeAFechaAsync(op); break;
                case Accion.AvanzarCheque: await AvanzarChequeAsync(op); break;
                case Accion.Protestar: await ProtestarAsync(op); break;
                case Accion.AplicarSaldo: await AplicarSaldoAsync(op); break;
                case Accion.ReversarAplicacion: await ReversarAplicacionAsync(op); break;
                case Accion.NotaReferenciada: await NotaReferenciadaAsync(op); break;
                case Accion.Compensar: await CompensarAsync(op); break;
                case Accion.ReversarCompensacion: await ReversarCompensacionAsync(op); break;
                case Accion.Castigar: await CastigarAsync(op); break;
                case Accion.Ceder: await CederAsync(op); break;
                case Accion.Recomprar: await RecomprarAsync(op); break;
                case Accion.Anular: await AnularAsync(op); break;
                case Accion.Avanzar:
                    var dias = 1 + op.A % 12;
                    if (Hoy.AddDays(dias).DayNumber - inicio.DayNumber <= DiasMaximosPorCaso)
                    {
                        Fixture.Reloj.Advance(TimeSpan.FromDays(dias));
                        Anotar($"reloj +{dias} días");
                    }

                    break;
            }
        }

        private string MonedaConDeuda(int indice)
        {
            var monedas = _m.Debitos.Select(d => d.Moneda).Distinct().Order().ToList();
            return monedas.Count == 0 ? "CLP" : Elegir(monedas, indice);
        }

        /// <summary>An amount around the client's open debt in that currency (sometimes more than all of it).</summary>
        private decimal MontoPago(string moneda, int a)
        {
            var deuda = _m.Debitos.Where(EnCarteraHoy).Where(d => d.Moneda == moneda).Sum(d => _m.SaldoHoy(d));
            var escala = (decimal)Math.Pow(10, Decimales(moneda));
            var monto = deuda > 0 ? Math.Floor(deuda * (5 + a % 125) / 100m * escala) / escala : Unidades(1 + a % 500_000, moneda);
            return monto > 0 ? monto : 1 / escala;
        }

        private async Task DocumentoAsync(Operacion op)
        {
            var moneda = MonedasDoc[op.A % 4];
            var numeroCuotas = 1 + op.B % 3;
            var emision = Hoy.AddDays(-(op.C % 100));
            var vence = emision.AddDays(op.A / 4 % 60);
            var tope = moneda switch { "UF" => 5_000_000, "USD" => 2_000_000, _ => 3_000_000 };
            var unidades = Math.Max(numeroCuotas, 1 + op.B / 3 % tope);
            var total = Unidades(unidades, moneda);
            var cuotas = Enumerable.Range(1, numeroCuotas)
                .Select(i => new CuotaModelo(i, vence.AddDays(30 * (i - 1)), Unidades(i < numeroCuotas ? unidades / numeroCuotas : unidades - (unidades / numeroCuotas * (numeroCuotas - 1)), moneda)))
                .ToList();
            var folio = (long)Fixture.Siguiente();
            var (_, cuerpo) = await EnviarAsync("/api/v1/documentos", new
            {
                tipo = "33", folio, clienteId = cliente, fechaEmision = F(emision), moneda, neto = total, exento = 0m, iva = 0m, total,
                cuotas = cuotas.Select(c => new { numero = c.Numero, fechaVencimiento = F(c.Vencimiento), monto = c.Monto }),
            }, Esperado.Acepta, $"factura {folio} {Monto(total)} {moneda} emitida {emision:yyyy-MM-dd} en {numeroCuotas} cuotas");
            _m.Documentos.Add(new DocumentoModelo { Id = cuerpo!.Id(), Tipo = "33", Folio = folio, Moneda = moneda, Emision = emision, Total = total, Cuotas = cuotas });
        }

        /// <summary>
        /// Takes the lines the API reports for a source, after checking each against the model: a debit document of the client in the
        /// source's currency, in the portfolio, owing at least that much on that installment. Automatic application must leave no
        /// eligible installment unpaid while money is left.
        /// </summary>
        private void RegistrarLineas(IEnumerable<JsonNode?> lineas, string fuente, string moneda, decimal disponible, DateOnly fecha, bool automatica, string? compensacion = null,
            string campoId = "id", DateOnly? elegibleDesde = null)
        {
            decimal total = 0;
            foreach (var l in lineas)
            {
                var documentoId = (string)l!["documentoId"]!;
                var cuota = (int)l["cuota"]!;
                var monto = (decimal)l["monto"]!;
                var fechaLinea = l["fecha"] is { } f ? DateOnly.Parse((string)f!, CultureInfo.InvariantCulture) : fecha;
                var d = _m.Documentos.SingleOrDefault(x => x.Id == documentoId);
                if (d is null || d.EsNota || d.Moneda != moneda || !EnCarteraHoy(d))
                    Descuadre($"{fuente} aplicó {monto} a un documento que no puede recibirlo ({documentoId})");
                else if (monto <= 0 || monto > _m.SaldoHoy(d, d.Cuotas.Single(c => c.Numero == cuota)))
                    Descuadre($"{fuente} aplicó {monto} a la cuota {cuota} de {d.Tipo}-{d.Folio}, que debía {_m.SaldoHoy(d, d.Cuotas.Single(c => c.Numero == cuota))}");
                if (fechaLinea != fecha)
                    Descuadre($"{fuente}: aplicación fechada {fechaLinea:yyyy-MM-dd} y se esperaba {fecha:yyyy-MM-dd}");
                _m.Aplicaciones.Add(new AplicacionModelo
                {
                    Id = (string)l[campoId]!, DocumentoId = documentoId, Cuota = cuota, FuenteId = fuente, Monto = monto, Fecha = fechaLinea, CompensacionId = compensacion,
                });
                total += monto;
            }

            if (total > disponible)
                Descuadre($"{fuente} aplicó {total} y solo tenía {disponible}");
            if (automatica && total < disponible && _m.HayPendienteElegible(moneda, elegibleDesde ?? fecha, Hoy))
                Descuadre($"{fuente} (automática, {fecha:yyyy-MM-dd}) dejó {disponible - total} sin aplicar habiendo cuotas pendientes en {moneda}");
        }

        /// <summary>What a correct API does with a manual line dated <paramref name="fecha"/>: accept it when the document owed it then and ever since.</summary>
        private Esperado EsperadoLinea(DocumentoModelo d, decimal monto, DateOnly fecha)
        {
            if (d.EsNota || !EnCarteraHoy(d) || monto > _m.SaldoHoy(d))
                return Esperado.Rechaza;
            var fechas = _m.FechasDeCambio().Where(f => f >= fecha && f <= Hoy).Append(fecha);
            return d.Emision <= fecha && fechas.All(f => d.Cuotas.Sum(c => _m.SaldoAl(d, c, f)) >= monto) ? Esperado.Acepta : Esperado.Cualquiera;
        }

        /// <summary>
        /// A manual line on a written-off document is a recovery: accepted from the write-off's date up to what is left of it (in
        /// UF/USD only when that day's value is known), never an application.
        /// </summary>
        private Esperado EsperadoRecupero(DocumentoModelo d, decimal monto, DateOnly fecha) =>
            d.Castigo is not { } castigo || fecha < castigo || d.Recuperado + monto > d.MontoCastigo ? Esperado.Rechaza
            : d.Moneda == "CLP" ? Esperado.Acepta : Esperado.Cualquiera;

        private async Task PagoAsync(Operacion op, bool manual)
        {
            var fecha = Hoy.AddDays(-(op.C % 45));
            string moneda;
            decimal monto;
            object[]? lineas = null;
            var esperado = Esperado.Acepta;
            DocumentoModelo? castigado = null;
            if (manual)
            {
                var candidatos = _m.Debitos.Where(d => d.Anulacion is null).ToList();
                if (candidatos.Count == 0)
                    return;
                var d = Elegir(candidatos, op.A);
                moneda = d.Moneda;
                var escala = (decimal)Math.Pow(10, Decimales(moneda));
                var saldo = d.Castigo is null ? _m.SaldoHoy(d) : d.MontoCastigo - d.Recuperado;
                var linea = Math.Max(1 / escala, Math.Floor(saldo * (10 + op.B % 100) / 100m * escala) / escala);
                monto = linea + (op.B % 3 == 0 ? Unidades(op.B % 1000, moneda) : 0);
                lineas = [new { documentoId = d.Id, monto = linea }];
                esperado = d.Castigo is null ? EsperadoLinea(d, linea, fecha) : EsperadoRecupero(d, linea, fecha);
                castigado = d.Castigo is null ? null : d;
            }
            else
            {
                moneda = MonedaConDeuda(op.A);
                monto = MontoPago(moneda, op.B);
            }

            var (_, cuerpo) = await EnviarAsync("/api/v1/pagos", new
            {
                clienteId = cliente, fecha = F(fecha), monto, moneda, canal = "transferencia", referencia = $"TR-{Fixture.Siguiente()}",
                aplicacion = manual ? "manual" : "automatica", aplicaciones = lineas,
            }, esperado, $"pago {(manual ? "manual" : "automático")} {Monto(monto)} {moneda} del {fecha:yyyy-MM-dd}");
            if (cuerpo is null)
                return;
            var recuperos = cuerpo["recuperos"]?.AsArray() ?? [];
            var recuperado = recuperos.Sum(r => (decimal)r!["monto"]!);
            if (castigado is null ? recuperos.Count > 0 : recuperos.Count != 1 || recuperos[0]!["documentoId"]!.GetValue<string>() != castigado.Id)
                Descuadre($"recuperos {recuperos.ToJsonString()} de un pago cuya línea {(castigado is null ? "no es de un castigado" : $"es del castigado {castigado.Id}")}");
            if (castigado is not null)
                castigado.Recuperado += recuperado;

            // The recovered part is income: the receivable's side of the payment is what is left.
            var pago = new PagoModelo { Id = cuerpo.Id(), Moneda = moneda, Monto = monto - recuperado, Fecha = fecha };
            RegistrarLineas(cuerpo["aplicaciones"]!.AsArray(), pago.Id, moneda, monto - recuperado, fecha, !manual);
            _m.Pagos.Add(pago);
        }

        private static decimal Mitad(decimal monto, string moneda) => Unidades((long)(monto * (decimal)Math.Pow(10, Decimales(moneda))) / 2, moneda);

        private async Task LoteAsync(Operacion op)
        {
            var moneda = MonedaConDeuda(op.A);
            var filas = Enumerable.Range(0, 1 + op.B % 3).Select(i => new
            {
                clienteId = cliente, fecha = F(Hoy.AddDays(-(op.C / (i + 1) % 30))), monto = Mitad(MontoPago(moneda, op.B / (i + 1)), moneda) + Unidades(1, moneda), moneda,
                canal = "transferencia", referencia = $"LOTE-{Fixture.Siguiente()}", aplicacion = "automatica",
            }).ToList();
            var (_, resultado) = await EnviarAsync("/api/v1/pagos/lote", filas, Esperado.Acepta, $"lote de {filas.Count} pagos en {moneda}");
            if ((bool?)resultado!["aplicado"] != true || (int?)resultado["creados"] != filas.Count)
                Descuadre($"el lote no se aplicó entero: {resultado.ToJsonString()}");
            var lista = (await LeerAsync($"/api/v1/pagos?clienteId={cliente}&tamanoPagina=200"))["items"]!.AsArray();
            foreach (var fila in filas)
            {
                var id = lista.Single(p => (string?)p!["referencia"] == fila.referencia)!.Id();
                var pago = await LeerAsync($"/api/v1/pagos/{id}");
                var fecha = DateOnly.Parse(fila.fecha, CultureInfo.InvariantCulture);
                // The batch offers each installment what was free at its earliest payment's date and ever since (LibreLote.sql).
                RegistrarLineas(pago["aplicaciones"]!.AsArray(), id, moneda, fila.monto, fecha, automatica: true,
                    elegibleDesde: filas.Min(f => DateOnly.Parse(f.fecha, CultureInfo.InvariantCulture)));
                _m.Pagos.Add(new PagoModelo { Id = id, Moneda = moneda, Monto = fila.monto, Fecha = fecha });
            }
        }

        private async Task ChequeAlDiaAsync(Operacion op)
        {
            var moneda = MonedaConDeuda(op.A);
            var monto = MontoPago(moneda, op.B);
            var recepcion = Hoy.AddDays(-(op.C % 30));
            // Sometimes received earlier than its own date (both past): its money exists from the cheque's date only.
            var fechaCheque = op.C % 4 == 0 ? recepcion.AddDays(op.A % (Hoy.DayNumber - recepcion.DayNumber + 1)) : recepcion;
            var (_, cuerpo) = await EnviarAsync("/api/v1/pagos", new
            {
                clienteId = cliente, fecha = F(recepcion), monto, moneda, canal = "cheque", referencia = $"CH-{Fixture.Siguiente()}", aplicacion = "automatica",
                fechaCheque = F(fechaCheque),
            }, fechaCheque == recepcion ? Esperado.Acepta : Esperado.Cualquiera, $"cheque al día {Monto(monto)} {moneda} recibido {recepcion:yyyy-MM-dd} con fecha {fechaCheque:yyyy-MM-dd}");
            if (cuerpo is null)
                return;
            var pago = new PagoModelo
            {
                Id = cuerpo.Id(), Moneda = moneda, Monto = monto, Fecha = recepcion, Cheque = true, FechaCheque = fechaCheque, Estado = (string)cuerpo["cheque"]!["estado"]!,
                Cobro = Fecha(cuerpo["cheque"]!["fechaCobro"]), Deposito = Fecha(cuerpo["cheque"]!["fechaDeposito"]),
            };
            if (pago.Estado == "cobrado")
                RegistrarLineas(cuerpo["aplicaciones"]!.AsArray(), pago.Id, moneda, monto, pago.Cobro ?? recepcion, automatica: true);
            else if (cuerpo["aplicaciones"]!.AsArray().Count > 0)
                Descuadre($"el cheque {pago.Id} en estado {pago.Estado} tiene aplicaciones");
            _m.Pagos.Add(pago);
        }

        private static DateOnly? Fecha(JsonNode? nodo) => nodo is null ? null : DateOnly.Parse((string)nodo!, CultureInfo.InvariantCulture);

        private async Task ChequeAFechaAsync(Operacion op)
        {
            var moneda = MonedaConDeuda(op.A);
            var monto = MontoPago(moneda, op.B);
            var recepcion = Hoy.AddDays(-(op.C % 20));
            var fechaCheque = Hoy.AddDays(1 + op.A % 10);
            var (_, cuerpo) = await EnviarAsync("/api/v1/pagos", new
            {
                clienteId = cliente, fecha = F(recepcion), monto, moneda, canal = "cheque", referencia = $"CF-{Fixture.Siguiente()}", aplicacion = "automatica",
                fechaCheque = F(fechaCheque),
            }, Esperado.Acepta, $"cheque a fecha {Monto(monto)} {moneda} recibido {recepcion:yyyy-MM-dd} con fecha {fechaCheque:yyyy-MM-dd}");
            if ((string?)cuerpo!["cheque"]!["estado"] != "en_cartera" || cuerpo["aplicaciones"]!.AsArray().Count > 0)
                Descuadre($"un cheque a fecha {fechaCheque:yyyy-MM-dd} quedó {cuerpo["cheque"]!["estado"]} con {cuerpo["aplicaciones"]!.AsArray().Count} aplicaciones");
            _m.Pagos.Add(new PagoModelo
            {
                Id = cuerpo.Id(), Moneda = moneda, Monto = monto, Fecha = recepcion, Cheque = true, FechaCheque = fechaCheque, Estado = "en_cartera",
            });
        }

        private static DateOnly Entre(DateOnly desde, DateOnly hasta, int azar) =>
            hasta < desde ? desde : desde.AddDays(azar % (hasta.DayNumber - desde.DayNumber + 1));

        private async Task AvanzarChequeAsync(Operacion op)
        {
            var cheques = _m.Pagos.Where(p => p.Estado is "en_cartera" or "depositado").ToList();
            if (cheques.Count == 0)
                return;
            var p = Elegir(cheques, op.A);
            if (p.Estado == "en_cartera" && Hoy < p.FechaCheque && op.C % 4 != 0)
            {
                // Mostly wait for the cheque's date (within the case's days); sometimes try to deposit it early.
                var dias = p.FechaCheque!.Value.DayNumber - Hoy.DayNumber;
                if (Hoy.AddDays(dias).DayNumber - inicio.DayNumber > DiasMaximosPorCaso)
                    return;
                Fixture.Reloj.Advance(TimeSpan.FromDays(dias));
                Anotar($"reloj +{dias} días, hasta la fecha del cheque");
            }

            if (p.Estado == "en_cartera")
            {
                var fecha = Hoy < p.FechaCheque ? Hoy : Entre(p.FechaCheque!.Value, Hoy, op.B);
                var (_, cuerpo) = await EnviarAsync($"/api/v1/pagos/{p.Id}/depositar", new { cuentaDeposito = "Banco Estado 123", fecha = F(fecha) },
                    fecha < p.FechaCheque ? Esperado.Rechaza : Esperado.Acepta, $"depositar cheque {p.Id} (fecha {p.FechaCheque:yyyy-MM-dd}) el {fecha:yyyy-MM-dd}");
                if (cuerpo is not null)
                {
                    p.Estado = "depositado";
                    p.Deposito = fecha;
                }
            }
            else
            {
                var fecha = Entre(p.Deposito!.Value, Hoy, op.B);
                var (_, cuerpo) = await EnviarAsync($"/api/v1/pagos/{p.Id}/cobrar", new { fecha = F(fecha) }, Esperado.Acepta, $"cobrar cheque {p.Id} el {fecha:yyyy-MM-dd}");
                p.Estado = "cobrado";
                p.Cobro = fecha;
                RegistrarLineas(cuerpo!["aplicaciones"]!.AsArray(), p.Id, p.Moneda, p.Monto, fecha, automatica: true);
            }
        }

        private async Task ProtestarAsync(Operacion op)
        {
            var cheques = _m.Pagos.Where(p => p.Estado is "depositado" or "cobrado").ToList();
            if (cheques.Count == 0)
                return;
            var p = Elegir(cheques, op.A);
            var desde = new[] { p.Deposito, p.Cobro }.Concat(_m.Aplicaciones.Where(a => a.FuenteId == p.Id).Select(a => (DateOnly?)a.Fecha)).Max()!.Value;
            var fecha = Entre(desde, Hoy, op.B);
            var costo = Unidades(op.C % 20_000, p.Moneda);
            var (_, cuerpo) = await EnviarAsync($"/api/v1/pagos/{p.Id}/protestar", new { motivo = "Sin fondos", costo, fecha = F(fecha) }, Esperado.Acepta,
                $"protestar cheque {p.Id} el {fecha:yyyy-MM-dd} con costo {Monto(costo)}");
            foreach (var a in _m.Aplicaciones.Where(a => a.FuenteId == p.Id && a.Reversa is null))
            {
                a.Reversa = fecha;
                var d = _m.Documento(a.DocumentoId);
                if (d.Castigo is not null)
                    d.MontoCastigo += a.Monto;
            }

            p.Estado = "protestado";
            p.Protesto = fecha;
            p.Costo = costo;
            if ((decimal)cuerpo!["saldoAFavor"]! != 0 || cuerpo["aplicaciones"]!.AsArray().Any(a => (bool)a!["activa"]!))
                Descuadre($"el cheque protestado {p.Id} conserva dinero: {cuerpo.ToJsonString()}");
        }

        private async Task AplicarSaldoAsync(Operacion op)
        {
            // Mostly a payment with money to apply; sometimes a cheque not cleared yet, which must be refused.
            var pagos = _m.Pagos.Where(p => op.C % 5 == 0 ? p.Estado is "en_cartera" or "depositado" : _m.SaldoAFavorHoy(p) > 0).ToList();
            if (pagos.Count == 0)
                return;
            var p = Elegir(pagos, op.A);
            var favor = _m.SaldoAFavorHoy(p);
            var manual = op.B % 2 == 0;
            object cuerpo = new { aplicacion = "automatica" };
            var esperado = p.Cheque && p.Estado != "cobrado" ? Esperado.Rechaza : _m.HayPendienteElegible(p.Moneda, Hoy, Hoy) ? Esperado.Acepta : Esperado.Rechaza;
            if (manual)
            {
                // Saldo a favor applied to a written-off document is a recovery dated today, which this model does not date; the
                // recoveries have their own tests (RecuperosDesdePagosTests), and here a payment's recovery is modelled on its date.
                var destinos = _m.Debitos.Where(d => d.Moneda == p.Moneda && d.Anulacion is null && d.Castigo is null).ToList();
                if (destinos.Count == 0)
                    return;
                var d = Elegir(destinos, op.C);
                var escala = (decimal)Math.Pow(10, Decimales(p.Moneda));
                var monto = Math.Max(1 / escala, Math.Floor(Math.Min(Math.Max(favor, 1 / escala), _m.SaldoHoy(d) * (20 + op.B % 100) / 100m) * escala) / escala);
                cuerpo = new { aplicacion = "manual", aplicaciones = new[] { new { documentoId = d.Id, monto } } };
                esperado = esperado == Esperado.Rechaza && p.Cheque && p.Estado != "cobrado" ? Esperado.Rechaza
                    : monto > favor ? Esperado.Rechaza : EsperadoLinea(d, monto, Hoy);
            }

            var (_, respuesta) = await EnviarAsync($"/api/v1/pagos/{p.Id}/aplicaciones", cuerpo, esperado, $"aplicar saldo a favor {favor} del pago {p.Id} ({(manual ? "manual" : "automática")})");
            if (respuesta is null)
                return;
            var conocidas = _m.Aplicaciones.Select(a => a.Id).ToHashSet();
            RegistrarLineas(respuesta["aplicaciones"]!.AsArray().Where(a => !conocidas.Contains(a!.Id())), p.Id, p.Moneda, favor, Hoy, !manual);
        }

        private async Task ReversarAplicacionAsync(Operacion op)
        {
            var activas = _m.Aplicaciones.Where(a => a.Reversa is null).ToList();
            if (activas.Count == 0)
                return;
            var a = Elegir(activas, op.A);
            var d = _m.Documento(a.DocumentoId);
            var (_, cuerpo) = await EnviarAsync($"/api/v1/aplicaciones/{a.Id}/reversar", new { motivo = "prueba" },
                d.Castigo is null ? Esperado.Acepta : Esperado.Rechaza, $"reversar aplicación {a.Id} ({a.Monto} a {d.Tipo}-{d.Folio}{(d.Castigo is null ? "" : ", castigado")})");
            if (cuerpo is not null)
                a.Reversa = Hoy;
        }

        private async Task NotaReferenciadaAsync(Operacion op)
        {
            var candidatos = _m.Debitos.ToList();
            if (candidatos.Count == 0)
                return;
            var d = Elegir(candidatos, op.A);
            var escala = (decimal)Math.Pow(10, Decimales(d.Moneda));
            var total = Math.Max(1 / escala, Math.Floor(d.Total * (10 + op.B % 140) / 100m * escala) / escala);
            var emision = Hoy.AddDays(-(op.C % 60));
            var saldo = _m.SaldoHoy(d);
            // It takes what each installment owed at the note's date and every later date, up to its total.
            var fechas = _m.FechasDeCambio().Where(f => f >= emision && f <= Hoy).Append(emision).ToList();
            var aplicara = d.Emision > emision || !EnCarteraHoy(d) ? 0
                : Math.Min(total, d.Cuotas.Sum(c => Math.Max(0, Math.Min(_m.SaldoHoy(d, c), fechas.Min(f => _m.SaldoAl(d, c, f))))));
            var esperado = d.Anulacion is not null || d.CedidoHoy ? Esperado.Rechaza
                : aplicara == 0 || EsperadoLinea(d, aplicara, emision) == Esperado.Acepta ? Esperado.Acepta : Esperado.Cualquiera;
            var folio = (long)Fixture.Siguiente();
            var (_, cuerpo) = await EnviarAsync("/api/v1/documentos", new
            {
                tipo = "61", folio, clienteId = cliente, fechaEmision = F(emision), moneda = d.Moneda, neto = total, exento = 0m, iva = 0m, total,
                referencia = new { documentoId = d.Id },
            }, esperado, $"nota de crédito {folio} {Monto(total)} {d.Moneda} del {emision:yyyy-MM-dd} sobre {d.Tipo}-{d.Folio} (saldo {saldo})");
            if (cuerpo is null)
                return;
            var nota = new DocumentoModelo { Id = cuerpo.Id(), Tipo = "61", Folio = folio, Moneda = d.Moneda, Emision = emision, Total = total, Cuotas = [] };
            var lineas = cuerpo["aplicaciones"]!.AsArray().Where(a => (string?)a!["notaCreditoId"] == nota.Id).ToList();
            RegistrarLineas(lineas, nota.Id, d.Moneda, total, emision, automatica: false);
            if (lineas.Sum(l => (decimal)l!["monto"]!) != aplicara)
                Descuadre($"la nota de crédito {folio} aplicó {lineas.Sum(l => (decimal)l!["monto"]!)} a su referencia y debía aplicar {aplicara}");
            _m.Documentos.Add(nota);
        }

        private async Task CompensarAsync(Operacion op)
        {
            var notas = _m.Notas.Where(n => n.Anulacion is null && _m.SaldoHoy(n) > 0).ToList();
            DocumentoModelo nota;
            if (notas.Count == 0 || op.A % 3 == 0)
            {
                var moneda = MonedaConDeuda(op.B);
                var total = MontoPago(moneda, op.C);
                var emision = Hoy.AddDays(-(op.A % 40));
                var folio = (long)Fixture.Siguiente();
                var (_, creada) = await EnviarAsync("/api/v1/documentos", new
                {
                    tipo = "61", folio, clienteId = cliente, fechaEmision = F(emision), moneda, neto = total, exento = 0m, iva = 0m, total,
                }, Esperado.Acepta, $"nota de crédito libre {folio} {Monto(total)} {moneda} del {emision:yyyy-MM-dd}");
                nota = new DocumentoModelo { Id = creada!.Id(), Tipo = "61", Folio = folio, Moneda = moneda, Emision = emision, Total = total, Cuotas = [] };
                _m.Documentos.Add(nota);
            }
            else
                nota = Elegir(notas, op.A);

            var saldo = _m.SaldoHoy(nota);
            var manual = op.B % 2 == 0;
            object cuerpo = new { notaCreditoId = nota.Id, aplicacion = "automatica", motivo = "compensación" };
            var esperado = _m.HayPendienteElegible(nota.Moneda, Hoy, Hoy) ? Esperado.Acepta : Esperado.Rechaza;
            if (manual)
            {
                var destinos = _m.Debitos.Where(d => d.Moneda == nota.Moneda && EnCarteraHoy(d) && _m.SaldoHoy(d) > 0).ToList();
                if (destinos.Count == 0)
                    return;
                var d = Elegir(destinos, op.C);
                var escala = (decimal)Math.Pow(10, Decimales(nota.Moneda));
                var monto = Math.Max(1 / escala, Math.Floor(Math.Min(saldo, _m.SaldoHoy(d)) * (30 + op.C % 71) / 100m * escala) / escala);
                cuerpo = new { notaCreditoId = nota.Id, aplicacion = "manual", aplicaciones = new[] { new { documentoId = d.Id, monto } }, motivo = "compensación" };
                esperado = EsperadoLinea(d, monto, Hoy);
            }

            var (_, respuesta) = await EnviarAsync("/api/v1/compensaciones", cuerpo, esperado, $"compensar nota {nota.Folio} (saldo {saldo}, {(manual ? "manual" : "automática")})");
            if (respuesta is null)
                return;
            var id = respuesta.Id();
            var fecha = DateOnly.Parse((string)respuesta["fecha"]!, CultureInfo.InvariantCulture);
            if (fecha != Hoy)
                Descuadre($"la compensación {id} quedó fechada {fecha:yyyy-MM-dd}");
            _m.Compensaciones[id] = (nota.Id, fecha);
            RegistrarLineas(respuesta["lineas"]!.AsArray(), nota.Id, nota.Moneda, saldo, Hoy, !manual, id, "aplicacionId");
        }

        private async Task ReversarCompensacionAsync(Operacion op)
        {
            if (_m.Compensaciones.Count == 0)
                return;
            var id = Elegir(_m.Compensaciones.Keys.Order().ToList(), op.A);
            var activas = _m.Aplicaciones.Where(a => a.CompensacionId == id && a.Reversa is null).ToList();
            var esperado = _compensacionesReversadas.Contains(id) || activas.Any(a => _m.Documento(a.DocumentoId).Castigo is not null) ? Esperado.Rechaza : Esperado.Acepta;
            var (_, cuerpo) = await EnviarAsync($"/api/v1/compensaciones/{id}/reversar", new { motivo = "prueba" }, esperado, $"reversar compensación {id}");
            if (cuerpo is null)
                return;
            _compensacionesReversadas.Add(id);
            foreach (var a in activas)
                a.Reversa = Hoy;
        }

        private async Task CastigarAsync(Operacion op)
        {
            var candidatos = _m.Debitos.ToList();
            if (candidatos.Count == 0)
                return;
            var d = Elegir(candidatos, op.A);
            var fecha = Hoy.AddDays(-(op.B % 40));
            var saldo = _m.SaldoHoy(d);
            var esperado = d.Anulacion is not null || d.CedidoHoy || d.Castigo is not null || saldo <= 0 || fecha < d.Emision ? Esperado.Rechaza : Esperado.Acepta;
            var (_, cuerpo) = await EnviarAsync($"/api/v1/documentos/{d.Id}/castigar", new { fecha = F(fecha), motivo = "incobrable" }, esperado,
                $"castigar {d.Tipo}-{d.Folio} (saldo {saldo}) el {fecha:yyyy-MM-dd}");
            if (cuerpo is null)
                return;
            d.Castigo = fecha;
            d.MontoCastigo = saldo;
        }

        private async Task CederAsync(Operacion op)
        {
            var candidatos = _m.Debitos.ToList();
            if (candidatos.Count == 0)
                return;
            var d = Elegir(candidatos, op.A);
            var fecha = Hoy.AddDays(-(op.B % 40));
            // A bought-back document is not ceded again (its one cession stays in its history).
            var esperado = d.Anulacion is not null || d.Cesiones.Count > 0 || d.Castigo is not null || _m.SaldoHoy(d) <= 0 || fecha < d.Emision ? Esperado.Rechaza : Esperado.Acepta;
            var (_, cuerpo) = await EnviarAsync($"/api/v1/documentos/{d.Id}/ceder", new { factor = Factor, fecha = F(fecha) }, esperado, $"ceder {d.Tipo}-{d.Folio} el {fecha:yyyy-MM-dd}");
            if (cuerpo is not null)
                d.Cesiones.Add((fecha, null));
        }

        private async Task RecomprarAsync(Operacion op)
        {
            var candidatos = _m.Debitos.ToList();
            if (candidatos.Count == 0)
                return;
            var d = Elegir(candidatos, op.A);
            var (_, cuerpo) = await EnviarAsync($"/api/v1/documentos/{d.Id}/ceder/revertir", new { motivo = "recompra" }, d.CedidoHoy ? Esperado.Acepta : Esperado.Rechaza,
                $"recomprar {d.Tipo}-{d.Folio}");
            if (cuerpo is null)
                return;
            var (cesion, _) = d.Cesiones[^1];
            d.Cesiones[^1] = (cesion, Hoy < cesion ? cesion : Hoy);
        }

        private async Task AnularAsync(Operacion op)
        {
            if (_m.Documentos.Count == 0)
                return;
            var d = Elegir(_m.Documentos, op.A);
            var conAplicaciones = _m.Aplicaciones.Any(a => (a.DocumentoId == d.Id || a.FuenteId == d.Id) && a.Reversa is null);
            var esperado = d.Anulacion is not null || d.Castigo is not null || d.CedidoHoy || conAplicaciones ? Esperado.Rechaza : Esperado.Acepta;
            var (_, cuerpo) = await EnviarAsync($"/api/v1/documentos/{d.Id}/anular", new { motivo = "error de emisión" }, esperado, $"anular {d.Tipo}-{d.Folio}");
            if (cuerpo is not null)
                d.Anulacion = Hoy;
        }

        /// <summary>The model against the API, at today and at the past month ends the case crossed.</summary>
        public async Task VerificarAsync()
        {
            var hoy = Hoy;
            foreach (var v in _m.Violaciones(hoy).Distinct())
                Descuadre(v);

            var primera = _m.Documentos.Select(d => d.Emision).DefaultIfEmpty(hoy).Min();
            var cortes = new SortedSet<DateOnly> { hoy };
            for (var fin = new DateOnly(hoy.Year, hoy.Month, 1).AddDays(-1); fin >= primera && cortes.Count < 4; fin = new DateOnly(fin.Year, fin.Month, 1).AddDays(-1))
                cortes.Add(fin);
            var cambios = _m.FechasDeCambio().Where(f => f < hoy).ToList();
            if (cambios.Count > 0)
                cortes.Add(cambios[caso.Dia * 7919 % cambios.Count]);
            foreach (var corte in cortes)
                await VerificarCorteAsync(corte);

            await VerificarHoyAsync(hoy);
            if (_errores.Count > 0)
                throw new DescuadreException($"{_errores.Count} descuadres:\n- {string.Join("\n- ", _errores.Take(20))}");
        }

        private async Task VerificarCorteAsync(DateOnly corte)
        {
            var abiertas = _m.AbiertasAl(corte).ToList();
            var antiguedad = await LeerAsync($"/api/v1/cartera/antiguedad?fechaCorte={F(corte)}&clienteId={cliente}");
            var tramos = antiguedad["definicionTramos"]!.AsArray()
                .Select(t => ((string)t!["codigo"]!, (int?)t["desde"], (int?)t["hasta"])).ToList();
            var esperadoTramos = tramos.ToDictionary(t => t.Item1, _ => 0m);
            foreach (var (d, c, s) in abiertas)
            {
                var dias = corte.DayNumber - c.Vencimiento.DayNumber;
                var tramo = tramos.First(t => (t.Item2 is null || dias >= t.Item2) && (t.Item3 is null || dias <= t.Item3));
                esperadoTramos[tramo.Item1] += EnClp(s, d.Moneda, corte);
            }

            var total = esperadoTramos.Values.Sum();
            if ((decimal)antiguedad["total"]! != total)
                Descuadre($"antigüedad al {corte:yyyy-MM-dd}: total {antiguedad["total"]} y el modelo dice {total}");
            foreach (var t in antiguedad["totales"]!.AsArray())
                if ((decimal)t!["monto"]! != esperadoTramos[(string)t["codigo"]!])
                    Descuadre($"antigüedad al {corte:yyyy-MM-dd}, tramo {t["codigo"]}: {t["monto"]} y el modelo dice {esperadoTramos[(string)t["codigo"]!]}");

            var estado = await LeerAsync($"/api/v1/clientes/{cliente}/estado-cuenta?fechaCorte={F(corte)}");
            if ((decimal)estado["saldo"]! != total)
                Descuadre($"estado de cuenta al {corte:yyyy-MM-dd}: saldo {estado["saldo"]} y el modelo dice {total}");
            var vencido = total - esperadoTramos[tramos[0].Item1];
            if ((decimal)estado["saldoVencido"]! != vencido)
                Descuadre($"estado de cuenta al {corte:yyyy-MM-dd}: saldo vencido {estado["saldoVencido"]} y el modelo dice {vencido}");
            var documentos = estado["documentos"]!.AsArray().ToDictionary(d => d!.Id(), d => (decimal)d!["saldo"]!);
            var esperadoDocumentos = abiertas.GroupBy(x => x.Documento.Id).ToDictionary(g => g.Key, g => g.Sum(x => x.Saldo));
            foreach (var id in documentos.Keys.Union(esperadoDocumentos.Keys))
                if (documentos.GetValueOrDefault(id) != esperadoDocumentos.GetValueOrDefault(id))
                    Descuadre($"estado de cuenta al {corte:yyyy-MM-dd}: documento {Nombre(id)} debe {documentos.GetValueOrDefault(id)} y el modelo dice {esperadoDocumentos.GetValueOrDefault(id)}");

            var favor = estado["saldoAFavor"]!.AsArray().ToDictionary(f => (string)f!["moneda"]!, f => (decimal)f!["monto"]!);
            var esperadoFavor = _m.SaldoAFavorAl(corte);
            foreach (var moneda in favor.Keys.Union(esperadoFavor.Keys))
                if (favor.GetValueOrDefault(moneda) != esperadoFavor.GetValueOrDefault(moneda))
                    Descuadre($"estado de cuenta al {corte:yyyy-MM-dd}: saldo a favor en {moneda} {favor.GetValueOrDefault(moneda)} y el modelo dice {esperadoFavor.GetValueOrDefault(moneda)}");

            var castigos = estado["castigos"]!.AsArray().ToDictionary(c => (string)c!["documentoId"]!, c => (decimal)c!["monto"]!);
            var esperadoCastigos = _m.Debitos.Where(d => d.Castigo <= corte).ToDictionary(d => d.Id, d => d.MontoCastigo);
            foreach (var id in castigos.Keys.Union(esperadoCastigos.Keys))
                if (castigos.GetValueOrDefault(id) != esperadoCastigos.GetValueOrDefault(id))
                    Descuadre($"estado de cuenta al {corte:yyyy-MM-dd}: castigo de {Nombre(id)} {castigos.GetValueOrDefault(id)} y el modelo dice {esperadoCastigos.GetValueOrDefault(id)}");

            var protestos = estado["protestos"]!.AsArray().ToDictionary(p => (string)p!["pagoId"]!, p => (decimal)p!["costo"]!);
            var esperadoProtestos = _m.Pagos.Where(p => p.Protesto <= corte).ToDictionary(p => p.Id, p => p.Costo);
            foreach (var id in protestos.Keys.Union(esperadoProtestos.Keys))
                if (protestos.GetValueOrDefault(id, -1) != esperadoProtestos.GetValueOrDefault(id, -1))
                    Descuadre($"estado de cuenta al {corte:yyyy-MM-dd}: protesto del pago {id} con costo {protestos.GetValueOrDefault(id, -1)} y el modelo dice {esperadoProtestos.GetValueOrDefault(id, -1)}");

            // Issued by the cut-off = open + applied + written off + ceded or cancelled, per currency, from the model's own dates.
            foreach (var moneda in _m.Debitos.Select(d => d.Moneda).Distinct())
            {
                var emitidos = _m.Debitos.Where(d => d.Moneda == moneda && d.Emision <= corte).ToList();
                var abierto = abiertas.Where(x => x.Documento.Moneda == moneda).Sum(x => x.Saldo);
                var aplicado = _m.Aplicaciones.Where(a => a.ActivaAl(corte) && _m.Documento(a.DocumentoId) is { } d && d.Moneda == moneda && d.Emision <= corte).Sum(a => a.Monto);
                var fuera = emitidos.Where(d => !EnCarteraAl(d, corte)).Sum(d => d.Total - d.Cuotas.Sum(c => _m.AplicadoAl(d.Id, c.Numero, corte)));
                var entregado = _m.Pagos.Where(p => p.Moneda == moneda).Sum(p => _m.AplicadoDesdeAl(p.Id, corte)) + _m.Notas.Where(n => n.Moneda == moneda).Sum(n => _m.AplicadoDesdeAl(n.Id, corte));
                if (emitidos.Sum(d => d.Total) != abierto + aplicado + fuera || aplicado != entregado)
                    Descuadre($"al {corte:yyyy-MM-dd} en {moneda}: emitido {emitidos.Sum(d => d.Total)} ≠ abierto {abierto} + aplicado {aplicado} (entregado {entregado}) + castigado/cedido/anulado {fuera}");
            }
        }

        private async Task<Dictionary<string, (decimal Saldo, decimal Vencido)>> SaldosLeidosAsync()
        {
            await using var conexion = new Npgsql.NpgsqlConnection(Fixture.Conexion);
            await conexion.OpenAsync();
            await using var comando = new Npgsql.NpgsqlCommand("SELECT moneda, saldo, vencido FROM cartera.saldos_clientes WHERE cliente_id = @c AND (saldo <> 0 OR vencido <> 0)", conexion);
            comando.Parameters.AddWithValue("c", Guid.Parse(cliente));
            await using var lector = await comando.ExecuteReaderAsync();
            var saldos = new Dictionary<string, (decimal, decimal)>();
            while (await lector.ReadAsync())
                saldos[lector.GetString(0)] = (lector.GetDecimal(1), lector.GetDecimal(2));
            return saldos;
        }

        private static async Task RodarVencidoAsync(DateOnly hoy)
        {
            await using var conexion = new Npgsql.NpgsqlConnection(Fixture.Conexion);
            await conexion.OpenAsync();
            await using var comando = new Npgsql.NpgsqlCommand("SELECT cartera.rodar_vencido(@hoy)", conexion);
            comando.Parameters.AddWithValue("hoy", hoy);
            await comando.ExecuteNonQueryAsync();
        }

        private string Nombre(string id) => _m.Documentos.SingleOrDefault(d => d.Id == id) is { } d ? $"{d.Tipo}-{d.Folio}" : id;

        private async Task VerificarHoyAsync(DateOnly hoy)
        {
            var credito = await LeerAsync($"/api/v1/clientes/{cliente}/credito");
            var exposicion = _m.Debitos.Where(EnCarteraHoy).GroupBy(d => d.Moneda).Sum(g => EnClp(g.Sum(d => _m.SaldoHoy(d)), g.Key, hoy))
                + _m.Pagos.Where(p => p.Estado is "en_cartera" or "depositado").GroupBy(p => p.Moneda).Sum(g => EnClp(g.Sum(p => p.Monto), g.Key, hoy));
            if ((decimal)credito["exposicion"]! != exposicion)
                Descuadre($"exposición de crédito {credito["exposicion"]} y el modelo dice {exposicion}");

            // The per-client balance read model (kept by the installments' triggers) holds the model's open balances per currency,
            // and its overdue part the installments due before its kept date, which the daily roll has just moved to today.
            await RodarVencidoAsync(hoy);
            var leidos = await SaldosLeidosAsync();
            var esperados = _m.AbiertasAl(hoy).GroupBy(x => x.Documento.Moneda)
                .ToDictionary(g => g.Key, g => (g.Sum(x => x.Saldo), g.Where(x => x.Cuota.Vencimiento < hoy).Sum(x => x.Saldo)));
            foreach (var moneda in leidos.Keys.Union(esperados.Keys))
                if (leidos.GetValueOrDefault(moneda) != esperados.GetValueOrDefault(moneda))
                    Descuadre($"saldos_clientes (saldo, vencido) en {moneda}: {leidos.GetValueOrDefault(moneda)} y el modelo dice {esperados.GetValueOrDefault(moneda)}");

            var emitido = new Dictionary<string, decimal>();
            var cuenta = new Dictionary<string, decimal>();
            foreach (var d in _m.Documentos)
            {
                var api = await LeerAsync($"/api/v1/documentos/{d.Id}");
                var activas = api["aplicaciones"]!.AsArray().Where(a => (bool)a!["activa"]!).ToList();
                if (d.Anulacion is null && (decimal)api["saldo"]! != _m.SaldoHoy(d))
                    Descuadre($"{d.Tipo}-{d.Folio}: saldo {api["saldo"]} y el modelo dice {_m.SaldoHoy(d)}");
                if (d.EsNota)
                {
                    // Applied money counted from the credit note's side.
                    cuenta[d.Moneda] = cuenta.GetValueOrDefault(d.Moneda)
                        + api["aplicaciones"]!.AsArray().Where(a => (bool)a!["activa"]! && (string?)a["notaCreditoId"] == d.Id).Sum(a => (decimal)a!["monto"]!);
                    continue;
                }

                foreach (var c in d.Cuotas)
                {
                    var cuota = api["cuotas"]!.AsArray().Single(q => (int)q!["numero"]! == c.Numero)!;
                    if ((decimal)cuota["saldo"]! != _m.SaldoHoy(d, c))
                        Descuadre($"{d.Tipo}-{d.Folio} cuota {c.Numero}: saldo {cuota["saldo"]} y el modelo dice {_m.SaldoHoy(d, c)}");
                }

                var castigo = (decimal?)api["castigo"]?["monto"] ?? 0m;
                if (castigo != (d.Castigo is null ? 0 : d.MontoCastigo))
                    Descuadre($"{d.Tipo}-{d.Folio}: castigo {castigo} y el modelo dice {d.MontoCastigo}");
                var activasModelo = _m.Aplicaciones.Where(a => a.DocumentoId == d.Id && a.Reversa is null).Select(a => a.Id).Order().ToList();
                if (!activas.Select(a => a!.Id()).Order().SequenceEqual(activasModelo))
                    Descuadre($"{d.Tipo}-{d.Folio}: aplicaciones activas distintas de las del modelo");
                emitido[d.Moneda] = emitido.GetValueOrDefault(d.Moneda) + (decimal)api["total"]!;
                cuenta[d.Moneda] = cuenta.GetValueOrDefault(d.Moneda) + (d.Anulacion is not null ? (decimal)api["total"]! : (decimal)api["saldo"]! + castigo);
            }

            // Applied money counted from the payments' side, as the API reports them.
            foreach (var p in _m.Pagos)
            {
                var api = await LeerAsync($"/api/v1/pagos/{p.Id}");
                var activas = api["aplicaciones"]!.AsArray().Where(a => (bool)a!["activa"]!).ToList();
                cuenta[p.Moneda] = cuenta.GetValueOrDefault(p.Moneda) + activas.Sum(a => (decimal)a!["monto"]!);
                if ((decimal)api["saldoAFavor"]! != _m.SaldoAFavorHoy(p))
                    Descuadre($"pago {p.Id}: saldo a favor {api["saldoAFavor"]} y el modelo dice {_m.SaldoAFavorHoy(p)}");
                if ((string?)api["cheque"]?["estado"] != p.Estado)
                    Descuadre($"pago {p.Id}: estado del cheque {api["cheque"]?["estado"]} y el modelo dice {p.Estado}");
            }

            foreach (var moneda in emitido.Keys)
                if (emitido[moneda] != cuenta.GetValueOrDefault(moneda))
                    Descuadre($"hoy en {moneda}: emitido {emitido[moneda]} y saldo + aplicado (según pagos y notas) + castigado + anulado = {cuenta.GetValueOrDefault(moneda)}");
        }
    }
}
