using Cobranzas.SharedKernel.Auditoria;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Integraciones.Contabilidad;

/// <summary>An account code for one key: a payment channel (efectivo, cheque…) or a deposit account (as Cartera records it).</summary>
public sealed class CuentaPorClave
{
    public required string Clave { get; set; }
    public required string Cuenta { get; set; }
}

/// <summary>
/// A company's accounting configuration (one row; absent = defaults): the account of each concept, and per channel and per
/// deposit account the account a payment received there debits (the bank account by default).
/// </summary>
public sealed class ConfiguracionContable : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public required string CuentaClientes { get; set; }
    public required string CuentaBanco { get; set; }
    public required string CuentaGastoIncobrables { get; set; }
    public required string CuentaProvisionIncobrables { get; set; }

    /// <summary>A write-off debits the provision (already expensed) instead of the bad-debt expense.</summary>
    public bool CastigoContraProvision { get; set; }
    public required string CuentaGastoProtesto { get; set; }
    public List<CuentaPorClave> CuentasCanal { get; set; } = [];
    public List<CuentaPorClave> CuentasDeposito { get; set; } = [];
}

/// <summary>One line of an entry: an account and its debit or credit (one of them zero).</summary>
public sealed class LineaAsiento
{
    public required string Cuenta { get; set; }
    public required string Concepto { get; set; }
    public decimal Debe { get; set; }
    public decimal Haber { get; set; }
}

/// <summary>
/// A journal entry, immutable once written: a fact of Cartera (origin kind and id) produces version 1; when the fact changes or
/// disappears the next version carries only the difference (a reversal entry), never an edit of what an ERP already pulled.
/// <see cref="Secuencia"/> is assigned under a per-company lock, so its order is the commit order and a cursor over it never skips.
/// </summary>
[SinAuditoria]
public sealed class AsientoContable : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public long Secuencia { get; init; }
    public required string TipoOrigen { get; init; }
    public Guid OrigenId { get; init; }
    public int Version { get; init; }
    public DateOnly Fecha { get; init; }
    public required string Glosa { get; init; }
    public required string Moneda { get; init; }
    public Guid ClienteId { get; init; }

    /// <summary>The payment's reference or the document's type and folio, for the ERP's reconciliation.</summary>
    public string? Referencia { get; init; }

    /// <summary>The fact's amount and cost this version adds (negative in a reversal): their sum per origin is what the entries reflect.</summary>
    public decimal MontoOrigen { get; init; }
    public decimal CostoOrigen { get; init; }
    public List<LineaAsiento> Lineas { get; init; } = [];
    public DateTimeOffset Creado { get; init; }
}

public static class LargosContabilidad
{
    public const int Cuenta = 50;
    public const int Clave = 100;
    public const int Referencia = 200;
    public const int MaximoCuentasPorLista = 50;
}

public sealed class ConfiguracionContableMapeo : IEntityTypeConfiguration<ConfiguracionContable>
{
    public void Configure(EntityTypeBuilder<ConfiguracionContable> e)
    {
        e.ToTable("configuraciones_contables");
        e.HasKey(x => x.EmpresaId);
        e.Property(x => x.EmpresaId).ValueGeneratedNever();
        e.Property(x => x.CuentaClientes).HasMaxLength(LargosContabilidad.Cuenta);
        e.Property(x => x.CuentaBanco).HasMaxLength(LargosContabilidad.Cuenta);
        e.Property(x => x.CuentaGastoIncobrables).HasMaxLength(LargosContabilidad.Cuenta);
        e.Property(x => x.CuentaProvisionIncobrables).HasMaxLength(LargosContabilidad.Cuenta);
        e.Property(x => x.CuentaGastoProtesto).HasMaxLength(LargosContabilidad.Cuenta);
        e.OwnsMany(x => x.CuentasCanal, c => c.ToJson());
        e.OwnsMany(x => x.CuentasDeposito, c => c.ToJson());
    }
}

public sealed class AsientoContableMapeo : IEntityTypeConfiguration<AsientoContable>
{
    public void Configure(EntityTypeBuilder<AsientoContable> e)
    {
        e.ToTable("asientos_contables");
        e.HasIndex(x => new { x.EmpresaId, x.Secuencia }).IsUnique();
        e.HasIndex(x => new { x.EmpresaId, x.TipoOrigen, x.OrigenId, x.Version }).IsUnique();
        e.HasIndex(x => new { x.EmpresaId, x.Fecha });
        e.Property(x => x.TipoOrigen).HasMaxLength(30);
        e.Property(x => x.Glosa).HasMaxLength(300);
        e.Property(x => x.Referencia).HasMaxLength(LargosContabilidad.Referencia);
        e.Property(x => x.Moneda).HasMaxLength(3);
        e.OwnsMany(x => x.Lineas, l => l.ToJson());
    }
}
