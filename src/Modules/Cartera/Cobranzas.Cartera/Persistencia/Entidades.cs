using Cobranzas.SharedKernel.Tenancy;

namespace Cobranzas.Cartera.Persistencia;

public sealed class Documento : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Tipo { get; init; }
    public long Folio { get; init; }
    public Guid ClienteId { get; init; }
    public DateOnly FechaEmision { get; init; }

    /// <summary>Due date of the last installment (the only one for single-payment documents).</summary>
    public DateOnly FechaVencimiento { get; init; }
    public required string Moneda { get; init; }
    public decimal Neto { get; init; }
    public decimal Exento { get; init; }
    public decimal Iva { get; init; }
    public decimal Total { get; init; }

    /// <summary>Debit documents: what is still owed. Credit notes: credit not yet applied (saldo a favor).</summary>
    public decimal Saldo { get; set; }
    public Guid? ReferenciaId { get; init; }
    public required string Origen { get; init; }
    public string? ExternalId { get; init; }
    public string? Notas { get; init; }
    public DateOnly? FechaAnulacion { get; set; }
    public string? MotivoAnulacion { get; set; }
    public string? AnuladoPor { get; set; }

    /// <summary>Factoring: ceded while FechaCesion is set and FechaRecompra is not; the factor fields stay after a buy-back.</summary>
    public string? FactorNombre { get; set; }
    public string? FactorRut { get; set; }
    public DateOnly? FechaCesion { get; set; }
    public DateOnly? FechaNotificacionCesion { get; set; }
    public string? NotasCesion { get; set; }
    public string? CedidoPor { get; set; }
    public DateOnly? FechaRecompra { get; set; }
    public string? MotivoRecompra { get; set; }
    public Guid? FactorId { get; set; }
    public string? MedioNotificacionCesion { get; set; }
    public string? EvidenciaNotificacionCesion { get; set; }

    /// <summary>Cession with recourse: if the debtor does not pay, the company answers to the factor.</summary>
    public bool ResponsabilidadSolidaria { get; set; }

    /// <summary>The company still collects the ceded document for the factor: it stays in the worklist and payments apply to it, to be transferred.</summary>
    public bool AdministracionDelegada { get; set; }

    /// <summary>Write-off: the balance written off; total = applications + credit notes + castigo.</summary>
    public decimal? MontoCastigo { get; set; }
    public DateOnly? FechaCastigo { get; set; }
    public string? MotivoCastigo { get; set; }
    public string? CastigadoPor { get; set; }

    /// <summary>Manual documents: the account of the company's accounting configuration when it was created (null for ERP documents).</summary>
    public string? CuentaContable { get; init; }

    /// <summary>Letras and pagarés sent to a bank for collection (cobranza bancaria) until withdrawn, paid or protested.</summary>
    public string? BancoCobranza { get; set; }
    public DateOnly? FechaEnvioCobranza { get; set; }
    public DateOnly? FechaRetiroCobranza { get; set; }
    public string? MotivoRetiroCobranza { get; set; }

    /// <summary>A letra or pagaré protested for non-payment (notarial protest), with its cost.</summary>
    public DateOnly? FechaProtesto { get; set; }
    public string? MotivoProtesto { get; set; }
    public decimal? CostoProtesto { get; set; }
    public DateTimeOffset Creado { get; init; }
    public List<Cuota> Cuotas { get; init; } = [];
}

/// <summary>Every document has at least one installment; a single-payment document has exactly one.</summary>
public sealed class Cuota : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public Guid DocumentoId { get; init; }
    public int Numero { get; init; }

    /// <summary>
    /// Copies of the document's client, currency and emission date (all immutable once issued), so the aging reads
    /// the open installments alone, from one partial index, without joining every open document.
    /// </summary>
    public Guid ClienteId { get; init; }
    public required string Moneda { get; init; }
    public DateOnly FechaEmision { get; init; }
    public DateOnly FechaVencimiento { get; init; }
    public decimal Monto { get; init; }
    public decimal Saldo { get; set; }

    /// <summary>
    /// Its document's <see cref="ReglasCartera.Vigente"/> (not cancelled, not ceded to a factor), kept by
    /// <see cref="ReglasCartera.MarcarVigencia"/>: the open-installment index holds only these, so the aging and the
    /// statement no longer read the installments of cancelled and ceded documents only to take them away again.
    /// </summary>
    public bool Vigente { get; set; } = true;

    /// <summary>
    /// Its document's <see cref="ReglasCartera.CedidoDelegado"/>, kept by <see cref="ReglasCartera.MarcarVigencia"/>: the
    /// installments the company collects for a factor, which the worklist and the per-client read model count beside the vigente ones.
    /// </summary>
    public bool Delegada { get; set; }
}

public sealed class Pago : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public DateOnly Fecha { get; init; }
    public decimal Monto { get; init; }
    public required string Moneda { get; init; }
    public required string Canal { get; init; }
    public string? Referencia { get; init; }

    /// <summary>The part of the payment not applied to any document (saldo a favor).</summary>
    public decimal Saldo { get; set; }
    public DateTimeOffset Creado { get; init; }

    /// <summary>
    /// Cheques only: a cheque a fecha (dated after the day it is received) is en_cartera, then depositado,
    /// then cobrado (applied) or protestado (its applications reversed); a cheque al día is cobrado at once.
    /// Money of a cheque that is not cobrado is neither applied nor saldo a favor.
    /// </summary>
    public string? EstadoCheque { get; set; }
    public DateOnly? FechaCheque { get; init; }
    public string? CuentaDeposito { get; set; }
    public DateOnly? FechaDeposito { get; set; }
    public DateOnly? FechaCobro { get; set; }
    public DateOnly? FechaProtesto { get; set; }
    public string? MotivoProtesto { get; set; }
    public decimal? CostoProtesto { get; set; }
}

/// <summary>
/// An amount of a payment or of a credit note applied to one installment. Reversal keeps the row
/// (with its date) so balances can be rebuilt at any past cut-off date.
/// </summary>
public sealed class Aplicacion : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid DocumentoId { get; init; }
    public int Cuota { get; init; }

    /// <summary>The document's client and currency, carried so a period's collections by client are read from the applications alone.</summary>
    public required Guid ClienteId { get; init; }

    /// <inheritdoc cref="ClienteId"/>
    public required string Moneda { get; init; }
    public Guid? PagoId { get; init; }
    public Guid? NotaCreditoId { get; init; }

    /// <summary>Set when the application is a line of a compensation (a credit note's balance set off against debit documents).</summary>
    public Guid? CompensacionId { get; init; }

    /// <summary>A convenio's settlement of an original document (the third source, beside payments and credit notes): not money received.</summary>
    public Guid? ConvenioId { get; init; }
    public decimal Monto { get; init; }
    public DateOnly Fecha { get; init; }
    public DateOnly? FechaReversa { get; set; }
    public string? MotivoReversa { get; set; }
    public string? ReversadaPor { get; set; }
    public required string Actor { get; init; }
    public DateTimeOffset Creado { get; init; }
}

/// <summary>A credit note's balance set off against debit documents of the same client, as one reversible act.</summary>
public sealed class Compensacion : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public Guid NotaCreditoId { get; init; }
    public DateOnly Fecha { get; init; }
    public decimal Monto { get; init; }
    public required string Motivo { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset Creado { get; init; }
    public DateOnly? FechaReversa { get; set; }
    public string? MotivoReversa { get; set; }
    public string? ReversadaPor { get; set; }
}

/// <summary>A daily series: the UF, or the dólar observado for USD amounts.</summary>
public interface IValorDiario
{
    DateOnly Fecha { get; }
    decimal Valor { get; set; }
}

/// <summary>The national UF of each date: one series for every company, loaded only by the installation's operator (console command).</summary>
public sealed class ValorUf : IValorDiario
{
    public DateOnly Fecha { get; init; }
    public decimal Valor { get; set; }
}

/// <summary>The Banco Central's dólar observado of each date, in CLP per USD: national, like <see cref="ValorUf"/>.</summary>
public sealed class ValorDolar : IValorDiario
{
    public DateOnly Fecha { get; init; }
    public decimal Valor { get; set; }
}

/// <summary>A company's own UF for a date, used by that company instead of the national one.</summary>
public sealed class ValorUfEmpresa : IValorDiario, IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public DateOnly Fecha { get; init; }
    public decimal Valor { get; set; }
}

/// <summary>A company's own dólar for a date, used by that company instead of the national one.</summary>
public sealed class ValorDolarEmpresa : IValorDiario, IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public DateOnly Fecha { get; init; }
    public decimal Valor { get; set; }
}

/// <summary>
/// A company's Cartera settings (one row; absent = defaults): aging bucket limits, the order of the
/// automatic application, provision percentages per bucket, and the accounting accounts a manual
/// document records (seed 000, "configuración contable").
/// </summary>
public sealed class ConfiguracionCartera : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }

    /// <summary>Upper day limits of the overdue buckets, ascending; [30, 60, 90, 120] gives 1-30, 31-60, 61-90, 91-120, más de 120.</summary>
    public int[] LimitesTramos { get; set; } = [];
    public required string OrdenImputacion { get; set; }

    /// <summary>One percentage per bucket, por vencer first.</summary>
    public decimal[] PorcentajesProvision { get; set; } = [];
    public string? CuentaContableConReferencia { get; set; }
    public string? CuentaContableSinReferencia { get; set; }

    /// <summary>Concentración máxima: the share of the portfolio (%) one client should not exceed; null = the default.</summary>
    public decimal? ConcentracionMaxima { get; set; }
}

/// <summary>A client's lock row: see <see cref="Pagos.BloqueoCliente"/>. Written only in SQL, never audited (it holds no data).</summary>
[Cobranzas.SharedKernel.Auditoria.SinAuditoria]
public sealed class FilaBloqueoCliente
{
    public Guid EmpresaId { get; init; }
    public Guid ClienteId { get; init; }
}
