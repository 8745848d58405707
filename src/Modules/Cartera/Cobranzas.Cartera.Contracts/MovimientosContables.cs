using Mediator;

namespace Cobranzas.Cartera.Contracts;

/// <summary>Kinds of accounting facts Cartera produces.</summary>
public static class TiposMovimientoContable
{
    /// <summary>A payment received (any channel), on its date: the whole amount, applied or saldo a favor.</summary>
    public const string Pago = "pago";

    /// <summary>A cheque deposited in a deposit account, on its deposit date.</summary>
    public const string DepositoCheque = "deposito_cheque";

    /// <summary>A cheque protested: its amount back to the client's debt, and the bank's cost.</summary>
    public const string ProtestoCheque = "protesto_cheque";

    /// <summary>A document written off (castigo), its written-off balance on the write-off date.</summary>
    public const string Castigo = "castigo";

    /// <summary>Money recovered from a written-off document, on its date (the document stays written off).</summary>
    public const string RecuperoCastigo = "recupero_castigo";

    /// <summary>
    /// Part of a payment that went to a written-off document: the payment already credited Clientes with its whole amount, so this
    /// moves that part from Clientes to the recovery income.
    /// </summary>
    public const string RecuperoCastigoPago = "recupero_castigo_pago";

    /// <summary>A recovery from a payment undone (its cheque protested, or reversed by hand), on the day it stops counting.</summary>
    public const string ReversaRecuperoCastigoPago = "reversa_recupero_castigo_pago";

    /// <summary>A letra or pagaré protested: the notary's cost (the document stays owed).</summary>
    public const string ProtestoDocumento = "protesto_documento";

    /// <summary>The month's change of the provision for bad debts, on the month's last day (negative when it went down).</summary>
    public const string Provision = "provision";
}

/// <summary>
/// One accounting fact of the caller's company: <paramref name="Monto"/> is the amount of the fact (never negative),
/// <paramref name="Costo"/> a protest's cost. <paramref name="Canal"/> and <paramref name="CuentaDeposito"/> are the
/// payment's; <paramref name="Referencia"/> is the payment's reference or the document's "tipo folio".
/// </summary>
public sealed record MovimientoContable(
    string Tipo, Guid OrigenId, DateOnly Fecha, decimal Monto, decimal Costo, string Moneda, string? Canal, string? CuentaDeposito, Guid ClienteId, string? Referencia);

/// <summary>Every accounting fact of the company (whatever their date: a payment registered today may be dated in a past period), set-based.</summary>
public sealed record ObtenerMovimientosContables : IRequest<IReadOnlyList<MovimientoContable>>;

/// <summary>The receivables account Cartera's configuration gives manual documents (seed 000 "configuración contable"), if any.</summary>
public sealed record ObtenerCuentaClientesCartera : IRequest<string?>;

/// <summary>The provision for bad debts (Cartera's aging at the cut-off times the company's percentages, in CLP) at each of these dates.</summary>
public sealed record ObtenerProvisionesAlCorte(IReadOnlyList<DateOnly> Fechas) : IRequest<IReadOnlyList<ProvisionAlCorte>>;

public sealed record ProvisionAlCorte(DateOnly Fecha, decimal Provision);
