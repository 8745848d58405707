using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace Cobranzas.Cartera.Persistencia;

/// <summary>
/// Whether a document counts in the portfolio, written once for LINQ (EF translates these expressions) and once for SQL (the
/// functions of the same names in the <c>cartera</c> schema, created by the initial migration). ReglasCarteraTests checks
/// that both forms agree on generated documents.
/// </summary>
public static class ReglasCartera
{
    /// <summary>Credit notes: their amount is a credit for the client, not a debt. SQL: <c>cartera.es_nota_credito(tipo)</c>.</summary>
    public static readonly Expression<Func<Documento, bool>> NotaCredito =
        d => d.Tipo == TiposDocumento.NotaCredito || d.Tipo == TiposDocumento.NotaCreditoExportacion;

    /// <summary>Debit documents: everything but credit notes.</summary>
    public static readonly Expression<Func<Documento, bool>> Debito = No(NotaCredito);

    /// <summary>Ceded to a factor and not bought back.</summary>
    public static readonly Expression<Func<Documento, bool>> Cedido = d => d.FechaCesion != null && d.FechaRecompra == null;

    public static readonly Expression<Func<Documento, bool>> NoCedido = No(Cedido);

    /// <summary>
    /// The client's today, as debt or as credit: not cancelled and not ceded to a factor. SQL: <c>cartera.vigente(fecha_anulacion,
    /// fecha_cesion, fecha_recompra)</c>.
    /// </summary>
    public static readonly Expression<Func<Documento, bool>> Vigente = d => d.FechaAnulacion == null && !(d.FechaCesion != null && d.FechaRecompra == null);

    /// <summary>
    /// Debt the company collects itself today: vigente, not written off, not a credit note. SQL: <c>cartera.en_cartera(tipo,
    /// fecha_anulacion, fecha_castigo, fecha_cesion, fecha_recompra)</c>.
    /// </summary>
    public static readonly Expression<Func<Documento, bool>> EnCartera = Y(Y(Vigente, d => d.FechaCastigo == null), No(NotaCredito));

    /// <summary>
    /// In the portfolio at a past (or today's) cut-off: not yet cancelled, written off or ceded then, or bought back by then; a
    /// document cancelled, written off or ceded after the cut-off still counts at it. SQL: <c>cartera.en_cartera_al(fecha_anulacion,
    /// fecha_castigo, fecha_cesion, fecha_recompra, corte)</c>.
    /// </summary>
    public static Expression<Func<Documento, bool>> EnCarteraAl(DateOnly corte) =>
        d => (d.FechaAnulacion == null || d.FechaAnulacion > corte)
            && (d.FechaCastigo == null || d.FechaCastigo > corte)
            && (d.FechaCesion == null || d.FechaCesion > corte || d.FechaRecompra <= corte);

    /// <summary>
    /// Ceded to a factor under administración delegada today: the money is the factor's, but the company still collects it, so
    /// the document stays in the company's collection (worklist, statement, credit exposure, the client list's debt) and apart
    /// from its own receivable (the aging shows it separately). SQL: <c>cartera.cedido_delegado_al(administracion_delegada,
    /// fecha_anulacion, fecha_castigo, fecha_cesion, fecha_recompra, corte)</c> at today.
    /// </summary>
    public static readonly Expression<Func<Documento, bool>> CedidoDelegado =
        d => d.AdministracionDelegada && d.FechaAnulacion == null && d.FechaCastigo == null && d.FechaCesion != null && d.FechaRecompra == null;

    /// <summary>
    /// Ceded under administración delegada at a past (or today's) cut-off: ceded by then and not yet bought back, not cancelled
    /// or written off by then. Before the cession the document is the company's own (<see cref="EnCarteraAl"/>), after a
    /// buy-back again its own. SQL: <c>cartera.cedido_delegado_al(...)</c>.
    /// </summary>
    public static Expression<Func<Documento, bool>> CedidoDelegadoAl(DateOnly corte) =>
        d => d.AdministracionDelegada
            && (d.FechaAnulacion == null || d.FechaAnulacion > corte)
            && (d.FechaCastigo == null || d.FechaCastigo > corte)
            && d.FechaCesion != null && d.FechaCesion <= corte && (d.FechaRecompra == null || d.FechaRecompra > corte);

    /// <summary>Debt the company collects today, its own or a factor's under administración delegada (a debit document either way).</summary>
    public static readonly Expression<Func<Documento, bool>> EnCobranza = O(EnCartera, Y(CedidoDelegado, No(NotaCredito)));

    private static readonly Func<Documento, bool> EsNotaCreditoCompilada = NotaCredito.Compile();
    private static readonly Func<Documento, bool> EsCedidoCompilada = Cedido.Compile();
    private static readonly Func<Documento, bool> EsVigenteCompilada = Vigente.Compile();
    private static readonly Func<Documento, bool> EstaEnCarteraCompilada = EnCartera.Compile();
    private static readonly Func<Documento, bool> EsCedidoDelegadoCompilada = CedidoDelegado.Compile();

    public static bool EsNotaCredito(Documento d) => EsNotaCreditoCompilada(d);

    public static bool EsCedido(Documento d) => EsCedidoCompilada(d);

    public static bool EsVigente(Documento d) => EsVigenteCompilada(d);

    public static bool EstaEnCartera(Documento d) => EstaEnCarteraCompilada(d);

    public static bool EstaEnCarteraAl(Documento d, DateOnly corte) => EnCarteraAl(corte).Compile()(d);

    public static bool EsCedidoDelegado(Documento d) => EsCedidoDelegadoCompilada(d);

    public static bool EsCedidoDelegadoAl(Documento d, DateOnly corte) => CedidoDelegadoAl(corte).Compile()(d);

    /// <summary>
    /// Keeps <see cref="Cuota.Vigente"/> and <see cref="Cuota.Delegada"/> equal to the document's rules; called wherever
    /// cancellation, cession or its administration changes (needs the installments loaded).
    /// </summary>
    public static void MarcarVigencia(Documento d)
    {
        var vigente = EsVigente(d);
        var delegada = EsCedidoDelegado(d) && !EsNotaCredito(d);
        foreach (var cuota in d.Cuotas)
        {
            cuota.Vigente = vigente;
            cuota.Delegada = delegada;
        }
    }

    /// <summary>
    /// An amount in CLP at the day's UF and dólar observado values, rounded to the peso (half away from zero, as PostgreSQL's
    /// <c>round</c>); null when the currency needs a value that is missing. SQL: <c>cartera.en_clp(monto, moneda, uf, dolar)</c>.
    /// </summary>
    public static decimal? EnClp(decimal monto, string moneda, decimal? uf, decimal? dolar) => moneda switch
    {
        Monedas.Clp => monto,
        Monedas.Uf => uf is { } v ? decimal.Round(monto * v, 0, MidpointRounding.AwayFromZero) : null,
        Monedas.Usd => dolar is { } v ? decimal.Round(monto * v, 0, MidpointRounding.AwayFromZero) : null,
        _ => null,
    };

    private static Expression<Func<Documento, bool>> Y(Expression<Func<Documento, bool>> a, Expression<Func<Documento, bool>> b) =>
        Expression.Lambda<Func<Documento, bool>>(Expression.AndAlso(a.Body, ReplacingExpressionVisitor.Replace(b.Parameters[0], a.Parameters[0], b.Body)), a.Parameters);

    private static Expression<Func<Documento, bool>> O(Expression<Func<Documento, bool>> a, Expression<Func<Documento, bool>> b) =>
        Expression.Lambda<Func<Documento, bool>>(Expression.OrElse(a.Body, ReplacingExpressionVisitor.Replace(b.Parameters[0], a.Parameters[0], b.Body)), a.Parameters);

    private static Expression<Func<Documento, bool>> No(Expression<Func<Documento, bool>> a) =>
        Expression.Lambda<Func<Documento, bool>>(Expression.Not(a.Body), a.Parameters);
}
