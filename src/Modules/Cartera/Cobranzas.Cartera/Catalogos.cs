using FluentValidation;

namespace Cobranzas.Cartera;

/// <summary>Document types by their SII code, plus the two commercial papers that have none.</summary>
public static class TiposDocumento
{
    public const string NotaCredito = "61";
    public const string NotaDebito = "56";
    public const string NotaCreditoExportacion = "112";
    public const string NotaDebitoExportacion = "111";
    public const string Letra = "letra";
    public const string Pagare = "pagare";

    /// <summary>The receivable a signed convenio creates (its installments); created only by the convenio, never by hand or by the ERP.</summary>
    public const string Convenio = "convenio";

    public static readonly string[] Todos = ["33", "34", "39", "41", "43", "46", "56", "61", "110", "111", "112", "letra", "pagare"];

    /// <summary>Credit notes: their amount is a credit for the client, not a debt.</summary>
    public static bool EsCredito(string tipo) => tipo is NotaCredito or NotaCreditoExportacion;

    public static bool AdmiteReferencia(string tipo) => tipo is NotaCredito or NotaDebito or NotaCreditoExportacion or NotaDebitoExportacion;
}

public static class Monedas
{
    public const string Clp = "CLP";
    public const string Uf = "UF";
    public const string Usd = "USD";
    public static readonly string[] Todas = [Clp, Uf, Usd];

    public static int Decimales(string moneda) => moneda switch
    {
        Uf => 4,
        Usd => 2,
        _ => 0,
    };

    public static bool EscalaValida(decimal monto, string? moneda) =>
        moneda is null || !Todas.Contains(moneda) || monto == Math.Round(monto, Decimales(moneda));

    /// <summary>The amount has no more decimals than the currency allows (CLP 0, UF 4, USD 2).</summary>
    public static IRuleBuilderOptions<T, decimal> EnEscalaDe<T>(this IRuleBuilder<T, decimal> regla, Func<T, string?> moneda) =>
        regla.Must((x, monto) => EscalaValida(monto, moneda(x))).WithErrorCode("escala_moneda")
            .WithMessage((x, _) => $"El monto tiene más decimales que los que admite {moneda(x)} ({Decimales(moneda(x) ?? Clp)}).");
}

public static class Estados
{
    public const string PorVencer = "por_vencer";
    public const string Vencido = "vencido";
    public const string Parcial = "parcial";
    public const string Pagado = "pagado";
    public const string Anulado = "anulado";
    public const string Protestado = "protestado";
    public const string Cedido = "cedido";
    public const string Castigado = "castigado";
    public static readonly string[] Todos = [PorVencer, Vencido, Parcial, Pagado, Anulado, Protestado, Cedido, Castigado];

    /// <summary>
    /// Derived, never stored: cancelled wins, then ceded to a factor, then written off, then fully paid,
    /// then unpaid after a protested cheque, then any overdue installment with balance, then partially
    /// paid; credit notes are never overdue.
    /// </summary>
    public static string De(bool anulado, decimal total, decimal saldo, bool tieneCuotaVencidaConSaldo, bool cedido = false, bool castigado = false, bool protestado = false) =>
        anulado ? Anulado
        : cedido ? Cedido
        : castigado ? Castigado
        : saldo == 0 ? Pagado
        : protestado ? Protestado
        : tieneCuotaVencidaConSaldo ? Vencido
        : saldo < total ? Parcial
        : PorVencer;
}
