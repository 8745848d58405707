namespace Cobranzas.Cartera.Reportes;

/// <summary>Where a predicted date comes from.</summary>
public static class BasesPrediccion
{
    public const string Cliente = "historial del cliente";
    public const string Segmento = "segmento";
    public const string Empresa = "empresa";
    public const string Compromiso = "compromiso";
    public static readonly string[] Todas = [Cliente, Segmento, Empresa, Compromiso];
}

/// <summary>One past receipt on an installment: days from its due date to the payment (negative = early) and its recency weight.</summary>
public readonly record struct Observacion(Guid ClienteId, int Dias, double Peso);

/// <summary>An open installment at the cut-off, its balance in CLP.</summary>
public sealed record PartidaAbierta(Guid DocumentoId, int Numero, Guid ClienteId, DateOnly Vencimiento, decimal Saldo);

/// <summary>A pending promise installment (CLP) of a client.</summary>
public sealed record PromesaCliente(Guid ClienteId, DateOnly Fecha, decimal Monto);

/// <summary>What the model says of one open installment.</summary>
public sealed record Prediccion(
    PartidaAbierta Partida, string Base, DateOnly FechaPrevista, DateOnly FechaTemprana, DateOnly FechaTardia, double Probabilidad, decimal MontoCompromiso, DateOnly? FechaCompromiso);

/// <summary>Expected receipts of one week with the 80 % band and the part that comes from promises.</summary>
public sealed record SemanaCalculada(DateOnly Inicio, decimal Esperado, decimal Bajo, decimal Alto, decimal DeCompromisos);

/// <summary>
/// The days-to-pay distribution of a client, a segment or the company: distinct delays (ascending) with their summed
/// recency weight, and how many receipts it was built from.
/// </summary>
public sealed class Perfil
{
    public int[] Dias { get; }
    public double[] Pesos { get; }
    public int Observaciones { get; }

    public Perfil(IEnumerable<Observacion> observaciones)
    {
        var grupos = observaciones.GroupBy(o => o.Dias).Select(g => (Dias: g.Key, Peso: g.Sum(o => o.Peso), N: g.Count())).OrderBy(g => g.Dias).ToList();
        Dias = grupos.Select(g => g.Dias).ToArray();
        Pesos = grupos.Select(g => g.Peso).ToArray();
        Observaciones = grupos.Sum(g => g.N);
    }

    /// <summary>The index of the first delay after <paramref name="dias"/> (the receipts still possible for an installment unpaid that many days after due).</summary>
    public int PrimeroMayorQue(int dias)
    {
        int lo = 0, hi = Dias.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Dias[mid] > dias)
                hi = mid;
            else
                lo = mid + 1;
        }

        return lo;
    }

    /// <summary>The weighted quantile <paramref name="q"/> of the delays from index <paramref name="desde"/> on.</summary>
    public int Cuantil(int desde, double q)
    {
        var total = 0d;
        for (var i = desde; i < Dias.Length; i++)
            total += Pesos[i];
        var acumulado = 0d;
        for (var i = desde; i < Dias.Length; i++)
        {
            acumulado += Pesos[i];
            if (acumulado >= q * total - 1e-12)
                return Dias[i];
        }

        return Dias[^1];
    }
}

/// <summary>
/// The payment-date model. Each open installment is paid on its due date plus a delay drawn from its client's
/// days-to-pay distribution (receipts of the last two years, each weighted by 0.5^(age/180 days)), or from the client's
/// segment when the client has fewer than <see cref="MinimoCliente"/> receipts, or from the company's. The distribution is
/// conditioned on what is known: an installment still unpaid <c>a</c> days after its due date can only be paid with a delay
/// above <c>a</c>. An installment older than every delay of its distribution (past the history) is expected in week 1 with
/// probability 0.5^(days beyond the longest delay / 30) and otherwise not within the horizon. A pending promise of the client
/// covers its open installments by due date (oldest first) and moves the covered amount to the promise date (week 1 when
/// that date is already past), with certainty. The weekly band is the expected amount ± 1.2816 σ (80 %), treating the
/// installments as independent Bernoulli receipts per week; promised amounts add no variance.
/// </summary>
public sealed class MotorPronostico
{
    public const int MinimoCliente = 4;
    public const int MinimoSegmento = 10;
    public const double VidaMediaDias = 180;
    public const int VentanaDias = 730;
    private const double Z80 = 1.2816;

    private readonly Dictionary<Guid, Perfil> _clientes;
    private readonly Dictionary<string, Perfil> _segmentos;
    private readonly Perfil _empresa;
    private readonly Func<Guid, string?> _segmentoDe;

    public MotorPronostico(IReadOnlyCollection<Observacion> observaciones, Func<Guid, string?> segmentoDe)
    {
        _segmentoDe = segmentoDe;
        _clientes = observaciones.GroupBy(o => o.ClienteId).ToDictionary(g => g.Key, g => new Perfil(g));
        _segmentos = observaciones.GroupBy(o => segmentoDe(o.ClienteId) ?? "").Where(g => g.Key != "").ToDictionary(g => g.Key, g => new Perfil(g));
        _empresa = observaciones.Count > 0 ? new Perfil(observaciones) : new Perfil([new Observacion(Guid.Empty, 0, 1)]);
    }

    /// <summary>The recency weight of a receipt dated <paramref name="fecha"/> seen from <paramref name="corte"/>.</summary>
    public static double Peso(DateOnly corte, DateOnly fecha) => Math.Pow(0.5, (corte.DayNumber - fecha.DayNumber) / VidaMediaDias);

    public (Perfil Perfil, string Base) PerfilDe(Guid cliente)
    {
        if (_clientes.TryGetValue(cliente, out var p) && p.Observaciones >= MinimoCliente)
            return (p, BasesPrediccion.Cliente);
        if (_segmentoDe(cliente) is { } s && _segmentos.TryGetValue(s, out var ps) && ps.Observaciones >= MinimoSegmento)
            return (ps, BasesPrediccion.Segmento);
        return (_empresa, BasesPrediccion.Empresa);
    }

    /// <summary>The promised amount covering each installment (by due date, oldest first), and the promise date it moves to.</summary>
    public static Dictionary<PartidaAbierta, (decimal Monto, DateOnly Fecha)> Cubrir(IEnumerable<PartidaAbierta> partidas, IEnumerable<PromesaCliente> promesas)
    {
        var cubierto = new Dictionary<PartidaAbierta, (decimal, DateOnly)>();
        var porCliente = promesas.GroupBy(p => p.ClienteId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Fecha).ToList());
        foreach (var grupo in partidas.GroupBy(p => p.ClienteId))
        {
            if (!porCliente.TryGetValue(grupo.Key, out var cuotas))
                continue;
            var fechas = cuotas.Select(c => c.Fecha).ToArray();
            var restos = cuotas.Select(c => c.Monto).ToArray();
            var k = 0;
            foreach (var partida in grupo.OrderBy(p => p.Vencimiento).ThenBy(p => p.DocumentoId).ThenBy(p => p.Numero))
            {
                if (k >= restos.Length)
                    break;
                var falta = partida.Saldo;
                var monto = 0m;
                var fecha = fechas[k];
                while (falta > 0 && k < restos.Length)
                {
                    var toma = Math.Min(falta, restos[k]);
                    falta -= toma;
                    monto += toma;
                    restos[k] -= toma;
                    if (restos[k] == 0)
                        k++;
                }

                if (monto > 0)
                    cubierto[partida] = (monto, fecha);
            }
        }

        return cubierto;
    }

    /// <summary>The prediction of each installment unpaid at the end of <paramref name="corte"/>.</summary>
    public List<Prediccion> Predecir(IEnumerable<PartidaAbierta> partidas, IEnumerable<PromesaCliente> promesas, DateOnly corte)
    {
        var lista = partidas.ToList();
        var cubierto = Cubrir(lista, promesas);
        var resultado = new List<Prediccion>(lista.Count);
        foreach (var p in lista)
        {
            var (perfil, baseModelo) = PerfilDe(p.ClienteId);
            var atraso = corte.DayNumber - p.Vencimiento.DayNumber;
            var desde = perfil.PrimeroMayorQue(atraso);
            DateOnly prevista, temprana, tardia;
            double probabilidad;
            if (desde < perfil.Dias.Length)
            {
                prevista = p.Vencimiento.AddDays(perfil.Cuantil(desde, 0.5));
                temprana = p.Vencimiento.AddDays(perfil.Cuantil(desde, 0.1));
                tardia = p.Vencimiento.AddDays(perfil.Cuantil(desde, 0.9));
                probabilidad = 1;
            }
            else
            {
                prevista = temprana = tardia = corte.AddDays(1);
                probabilidad = MasAllaDelHistorial(atraso, perfil);
            }

            if (cubierto.TryGetValue(p, out var c))
            {
                var fecha = c.Fecha <= corte ? corte.AddDays(1) : c.Fecha;
                resultado.Add(new Prediccion(p, BasesPrediccion.Compromiso, fecha, c.Monto >= p.Saldo ? fecha : temprana, c.Monto >= p.Saldo ? fecha : tardia,
                    c.Monto >= p.Saldo ? 1 : probabilidad, c.Monto, c.Fecha));
            }
            else
                resultado.Add(new Prediccion(p, baseModelo, prevista, temprana, tardia, probabilidad, 0, null));
        }

        return resultado;
    }

    private static double MasAllaDelHistorial(int atraso, Perfil perfil) => Math.Pow(0.5, Math.Max(0, atraso - perfil.Dias[^1]) / 30d);

    /// <summary>
    /// Expected receipts per week for <paramref name="semanas"/> weeks from <paramref name="inicio"/> (a Monday), for the
    /// installments unpaid at the end of <paramref name="corte"/>. A receipt expected before <paramref name="inicio"/> counts in week 1.
    /// </summary>
    public List<SemanaCalculada> Semanas(IEnumerable<PartidaAbierta> partidas, IEnumerable<PromesaCliente> promesas, DateOnly corte, DateOnly inicio, int semanas)
    {
        var lista = partidas.ToList();
        var cubierto = Cubrir(lista, promesas);
        var esperado = new double[semanas];
        var varianza = new double[semanas];
        var compromisos = new decimal[semanas];
        var prob = new double[semanas];
        foreach (var p in lista)
        {
            var saldo = (double)p.Saldo;
            if (cubierto.TryGetValue(p, out var c))
            {
                var s = Semana(inicio, c.Fecha);
                if (s < semanas)
                    compromisos[s] += c.Monto;
                saldo -= (double)c.Monto;
                if (saldo <= 0)
                    continue;
            }

            var (perfil, _) = PerfilDe(p.ClienteId);
            var atraso = corte.DayNumber - p.Vencimiento.DayNumber;
            var desde = perfil.PrimeroMayorQue(atraso);
            Array.Clear(prob);
            if (desde < perfil.Dias.Length)
            {
                var total = 0d;
                for (var i = desde; i < perfil.Dias.Length; i++)
                    total += perfil.Pesos[i];
                for (var i = desde; i < perfil.Dias.Length; i++)
                {
                    var s = Semana(inicio, p.Vencimiento.AddDays(perfil.Dias[i]));
                    if (s < semanas)
                        prob[s] += perfil.Pesos[i] / total;
                }
            }
            else
                prob[0] = MasAllaDelHistorial(atraso, perfil);

            for (var s = 0; s < semanas; s++)
            {
                if (prob[s] <= 0)
                    continue;
                esperado[s] += saldo * prob[s];
                varianza[s] += saldo * saldo * prob[s] * (1 - prob[s]);
            }
        }

        return Enumerable.Range(0, semanas).Select(s =>
        {
            var e = (decimal)esperado[s] + compromisos[s];
            var banda = (decimal)(Z80 * Math.Sqrt(varianza[s]));
            return new SemanaCalculada(inicio.AddDays(7 * s), Math.Round(e), Math.Round(Math.Max(0, e - banda)), Math.Round(e + banda), Math.Round(compromisos[s]));
        }).ToList();
    }

    /// <summary>The naive baseline: each installment paid on its due date (week 1 when already due).</summary>
    public static decimal[] Ingenuo(IEnumerable<PartidaAbierta> partidas, DateOnly inicio, int semanas)
    {
        var r = new decimal[semanas];
        foreach (var p in partidas)
        {
            var s = Semana(inicio, p.Vencimiento);
            if (s < semanas)
                r[s] += p.Saldo;
        }

        return r;
    }

    /// <summary>The week index of <paramref name="fecha"/> counted from <paramref name="inicio"/>; dates before it fall in week 0.</summary>
    public static int Semana(DateOnly inicio, DateOnly fecha) => Math.Max(0, (fecha.DayNumber - inicio.DayNumber) / 7);

    public static DateOnly Lunes(DateOnly fecha) => fecha.AddDays(-(((int)fecha.DayOfWeek + 6) % 7));
}
