namespace Cobranzas.Cartera.Tests;

/// <summary>
/// The property's own record of the portfolio: what the test sent and the API accepted, with every date. It answers
/// balances at any cut-off from that record alone (never from the ledger), so the API's reports can be compared with it.
/// </summary>
public sealed class ModeloConservacion
{
    public sealed class CuotaModelo(int numero, DateOnly vencimiento, decimal monto)
    {
        public int Numero { get; } = numero;
        public DateOnly Vencimiento { get; } = vencimiento;
        public decimal Monto { get; } = monto;
    }

    public sealed class DocumentoModelo
    {
        public required string Id { get; init; }
        public required string Tipo { get; init; }
        public required long Folio { get; init; }
        public required string Moneda { get; init; }
        public required DateOnly Emision { get; init; }
        public required decimal Total { get; init; }
        public required List<CuotaModelo> Cuotas { get; init; }
        public bool EsNota => Tipo == "61";
        public DateOnly? Anulacion { get; set; }
        public DateOnly? Castigo { get; set; }
        public decimal MontoCastigo { get; set; }

        /// <summary>What payments recovered of the write-off: income, not money of the receivable.</summary>
        public decimal Recuperado { get; set; }

        /// <summary>Every cession with its buy-back (null while the factor holds it).</summary>
        public List<(DateOnly Cesion, DateOnly? Recompra)> Cesiones { get; } = [];

        public bool CedidoHoy => Cesiones.Count > 0 && Cesiones[^1].Recompra is null;
    }

    public sealed class PagoModelo
    {
        public required string Id { get; init; }
        public required string Moneda { get; init; }
        public required decimal Monto { get; init; }
        public required DateOnly Fecha { get; init; }
        public bool Cheque { get; init; }
        public DateOnly? FechaCheque { get; init; }
        public string? Estado { get; set; }
        public DateOnly? Deposito { get; set; }
        public DateOnly? Cobro { get; set; }
        public DateOnly? Protesto { get; set; }
        public decimal Costo { get; set; }

        /// <summary>The day its money exists for the company: the payment's date, or the day the bank cleared the cheque.</summary>
        public DateOnly? Disponible => Cheque ? Cobro : Fecha;
    }

    public sealed class AplicacionModelo
    {
        public required string Id { get; init; }
        public required string DocumentoId { get; init; }
        public required int Cuota { get; init; }
        public required string FuenteId { get; init; }
        public required decimal Monto { get; init; }
        public required DateOnly Fecha { get; init; }
        public string? CompensacionId { get; init; }
        public DateOnly? Reversa { get; set; }

        public bool ActivaAl(DateOnly corte) => Fecha <= corte && (Reversa is null || Reversa > corte);
    }

    public List<DocumentoModelo> Documentos { get; } = [];
    public List<PagoModelo> Pagos { get; } = [];
    public List<AplicacionModelo> Aplicaciones { get; } = [];
    public Dictionary<string, (string NotaId, DateOnly Fecha)> Compensaciones { get; } = [];
    public Dictionary<string, DateOnly> Reversiones { get; } = [];

    public DocumentoModelo Documento(string id) => Documentos.Single(d => d.Id == id);

    public IEnumerable<DocumentoModelo> Debitos => Documentos.Where(d => !d.EsNota);
    public IEnumerable<DocumentoModelo> Notas => Documentos.Where(d => d.EsNota);

    /// <summary>UF value loaded for a date (pesos, 2 decimals): a deterministic function, so every case can rebuild it.</summary>
    public static decimal Uf(DateOnly d) => 37_000m + d.DayNumber % 997 * 1.37m;

    public static decimal Dolar(DateOnly d) => 850m + d.DayNumber % 331 * 0.53m;

    public static decimal EnClp(decimal monto, string moneda, DateOnly fecha) => moneda switch
    {
        "UF" => decimal.Round(monto * Uf(fecha), 0, MidpointRounding.AwayFromZero),
        "USD" => decimal.Round(monto * Dolar(fecha), 0, MidpointRounding.AwayFromZero),
        _ => monto,
    };

    public static int Decimales(string moneda) => moneda switch { "UF" => 4, "USD" => 2, _ => 0 };

    /// <summary>In the company's own portfolio at the cut-off: issued, not cancelled, written off or held by a factor then.</summary>
    public static bool EnCarteraAl(DocumentoModelo d, DateOnly corte) =>
        d.Emision <= corte && (d.Anulacion is null || d.Anulacion > corte) && (d.Castigo is null || d.Castigo > corte)
        && !d.Cesiones.Any(c => c.Cesion <= corte && (c.Recompra is null || c.Recompra > corte));

    public static bool EnCarteraHoy(DocumentoModelo d) => !d.EsNota && d.Anulacion is null && d.Castigo is null && !d.CedidoHoy;

    public decimal AplicadoAl(string documentoId, int cuota, DateOnly corte) =>
        Aplicaciones.Where(a => a.DocumentoId == documentoId && a.Cuota == cuota && a.ActivaAl(corte)).Sum(a => a.Monto);

    public decimal AplicadoActivo(string documentoId, int cuota) =>
        Aplicaciones.Where(a => a.DocumentoId == documentoId && a.Cuota == cuota && a.Reversa is null).Sum(a => a.Monto);

    /// <summary>What the installment owes at the cut-off (negative means over-applied).</summary>
    public decimal SaldoAl(DocumentoModelo d, CuotaModelo c, DateOnly corte) => c.Monto - AplicadoAl(d.Id, c.Numero, corte);

    /// <summary>Today's balance, the one the API keeps on the installment: a write-off or a cancellation zeroes it.</summary>
    public decimal SaldoHoy(DocumentoModelo d, CuotaModelo c) => d.Castigo is not null || d.Anulacion is not null ? 0 : c.Monto - AplicadoActivo(d.Id, c.Numero);

    public decimal SaldoHoy(DocumentoModelo d) => d.EsNota ? d.Total - AplicadoDesdeActivo(d.Id) : d.Cuotas.Sum(c => SaldoHoy(d, c));

    public decimal AplicadoDesdeActivo(string fuenteId) => Aplicaciones.Where(a => a.FuenteId == fuenteId && a.Reversa is null).Sum(a => a.Monto);

    public decimal AplicadoDesdeAl(string fuenteId, DateOnly corte) => Aplicaciones.Where(a => a.FuenteId == fuenteId && a.ActivaAl(corte)).Sum(a => a.Monto);

    /// <summary>A payment's unapplied money today (a cheque not cleared or protested has none).</summary>
    public decimal SaldoAFavorHoy(PagoModelo p) => p.Cheque && p.Estado != "cobrado" ? 0 : p.Monto - AplicadoDesdeActivo(p.Id);

    /// <summary>Unapplied money at the cut-off per currency: payments received (cheques cleared and not protested) and credit notes in force.</summary>
    public Dictionary<string, decimal> SaldoAFavorAl(DateOnly corte)
    {
        var favor = new Dictionary<string, decimal>();
        foreach (var p in Pagos.Where(p => p.Fecha <= corte && (!p.Cheque || (p.Cobro <= corte && (p.Protesto is null || p.Protesto > corte)))))
            favor[p.Moneda] = favor.GetValueOrDefault(p.Moneda) + p.Monto - AplicadoDesdeAl(p.Id, corte);
        foreach (var n in Notas.Where(n => n.Emision <= corte && (n.Anulacion is null || n.Anulacion > corte)))
            favor[n.Moneda] = favor.GetValueOrDefault(n.Moneda) + n.Total - AplicadoDesdeAl(n.Id, corte);
        return favor.Where(kv => kv.Value > 0).ToDictionary();
    }

    /// <summary>The installments with a balance at the cut-off, as the aging and the statement should list them.</summary>
    public IEnumerable<(DocumentoModelo Documento, CuotaModelo Cuota, decimal Saldo)> AbiertasAl(DateOnly corte) =>
        from d in Debitos
        where EnCarteraAl(d, corte)
        from c in d.Cuotas
        let s = SaldoAl(d, c, corte)
        where s > 0
        select (d, c, s);

    /// <summary>Every date on which some balance may change: the invariants are checked on each of them.</summary>
    public SortedSet<DateOnly> FechasDeCambio()
    {
        var fechas = new SortedSet<DateOnly>();
        foreach (var d in Documentos)
        {
            fechas.Add(d.Emision);
            if (d.Castigo is { } k)
                fechas.Add(k);
            foreach (var (cesion, recompra) in d.Cesiones)
            {
                fechas.Add(cesion);
                if (recompra is { } r)
                    fechas.Add(r);
            }
        }

        foreach (var a in Aplicaciones)
        {
            fechas.Add(a.Fecha);
            if (a.Reversa is { } r)
                fechas.Add(r);
        }

        foreach (var p in Pagos)
        {
            fechas.Add(p.Fecha);
            foreach (var f in new[] { p.Cobro, p.Protesto, p.Deposito })
                if (f is { } x)
                    fechas.Add(x);
        }

        return fechas;
    }

    /// <summary>
    /// The model's own rules of money, at every date anything changed: no installment over-applied, no source giving
    /// more than it had, no application before its document existed or before its money did, nor reversed before it was made.
    /// </summary>
    public IEnumerable<string> Violaciones(DateOnly hoy)
    {
        foreach (var a in Aplicaciones)
        {
            var d = Documento(a.DocumentoId);
            if (a.Fecha < d.Emision)
                yield return $"la aplicación {a.Id} ({a.Monto} {d.Moneda}) está fechada {a.Fecha:yyyy-MM-dd}, antes de la emisión {d.Emision:yyyy-MM-dd} de {d.Tipo}-{d.Folio}";
            if (a.Fecha > hoy)
                yield return $"la aplicación {a.Id} está fechada en el futuro ({a.Fecha:yyyy-MM-dd})";
            var desde = Pagos.FirstOrDefault(p => p.Id == a.FuenteId) is { } p ? p.Disponible : Documento(a.FuenteId).Emision;
            if (desde is null || a.Fecha < desde)
                yield return $"la aplicación {a.Id} está fechada {a.Fecha:yyyy-MM-dd}, antes de que existiera el dinero de su origen ({desde:yyyy-MM-dd})";
            if (a.Reversa is { } r && r < a.Fecha)
                yield return $"la aplicación {a.Id} se reversó el {r:yyyy-MM-dd}, antes de su fecha {a.Fecha:yyyy-MM-dd}";
        }

        foreach (var fecha in FechasDeCambio().Where(f => f <= hoy).Append(hoy))
        {
            foreach (var d in Debitos)
                foreach (var c in d.Cuotas)
                    if (SaldoAl(d, c, fecha) < 0)
                        yield return $"al {fecha:yyyy-MM-dd} la cuota {c.Numero} de {d.Tipo}-{d.Folio} tiene saldo {SaldoAl(d, c, fecha)} (sobreaplicada)";
            foreach (var p in Pagos)
                if (p.Monto - AplicadoDesdeAl(p.Id, fecha) < 0)
                    yield return $"al {fecha:yyyy-MM-dd} el pago {p.Id} aplicó más que su monto {p.Monto}";
            foreach (var n in Notas)
                if (n.Total - AplicadoDesdeAl(n.Id, fecha) < 0)
                    yield return $"al {fecha:yyyy-MM-dd} la nota de crédito {n.Folio} aplicó más que su total {n.Total}";
        }
    }

    /// <summary>An installment a correct automatic application dated <paramref name="fecha"/> must take before leaving money unapplied.</summary>
    public bool HayPendienteElegible(string moneda, DateOnly fecha, DateOnly hoy) =>
        Debitos.Where(d => d.Moneda == moneda && EnCarteraHoy(d) && d.Emision <= fecha)
            .SelectMany(d => d.Cuotas.Select(c => (d, c)))
            .Any(x => SaldoHoy(x.d, x.c) > 0 && FechasDeCambio().Where(f => f >= fecha && f <= hoy).Append(fecha).All(f => SaldoAl(x.d, x.c, f) > 0));
}
