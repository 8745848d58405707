using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Cartera.Castigos;

public static class EstadosPropuestaCastigo
{
    public const string PendienteAprobacion = "pendiente_aprobacion";
    public const string Castigada = "castigada";
    public const string Rechazada = "rechazada";
    public const string Anulada = "anulada";
    public static readonly string[] Todos = [PendienteAprobacion, Castigada, Rechazada, Anulada];
}

/// <summary>
/// A write-off proposal: chosen documents (in pesos, UF or dólares) with their balance at the proposal, approved on the approval levels (kind <c>castigo</c>)
/// and then written off together. Its accounting entry, fixed at the proposal: the provision already made for these documents
/// absorbs the loss first, the rest is an expense; the receivable is credited with the whole total
/// (MontoProvision + MontoGasto = Total), all in pesos at the UF or dólar of the proposal's date.
/// </summary>
public sealed class PropuestaCastigo : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public long Numero { get; init; }
    public string Estado { get; set; } = EstadosPropuestaCastigo.PendienteAprobacion;
    public DateOnly Fecha { get; init; }
    public required string Motivo { get; init; }
    public decimal Total { get; init; }
    public decimal MontoProvision { get; init; }
    public decimal MontoGasto { get; init; }
    public string? EstadoAprobacion { get; set; }
    public DateOnly? FechaCastigo { get; set; }
    public DateTimeOffset? FechaDecision { get; set; }
    public string? MotivoAnulacion { get; set; }
    public required string CreadaPor { get; init; }
    public DateTimeOffset Creada { get; init; }
    public List<PropuestaCastigoDocumento> Documentos { get; init; } = [];
}

/// <summary>
/// One document of a proposal: <see cref="Saldo"/> in its currency (what its write-off will be, as the single write-off does),
/// <see cref="SaldoClp"/> that balance in pesos at the UF or dólar of the proposal's date, and <see cref="Provision"/> in pesos.
/// </summary>
public sealed class PropuestaCastigoDocumento : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public Guid PropuestaId { get; init; }
    public Guid DocumentoId { get; init; }
    public Guid ClienteId { get; init; }
    public required string Tipo { get; init; }
    public long Folio { get; init; }
    public DateOnly FechaVencimiento { get; init; }
    public int DiasVencido { get; init; }
    public decimal Saldo { get; init; }
    public string Moneda { get; init; } = Monedas.Clp;
    public decimal SaldoClp { get; init; }
    public decimal Provision { get; init; }
    public required string Motivo { get; init; }
}

/// <summary>
/// Money received for a written-off document: income from recovered bad debt. The document stays written off (its balance is not
/// reopened); what is recovered never exceeds what was written off. A recovery taken from a payment (a payment or its saldo a favor
/// applied to a written-off document) names it: the payment's money went here instead of to the receivable, and a protest of that
/// cheque undoes the recovery (FechaReversa) rather than erasing it, so past months keep what they showed.
/// </summary>
public sealed class RecuperoCastigo : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid DocumentoId { get; init; }
    public Guid ClienteId { get; init; }
    public DateOnly Fecha { get; init; }

    /// <summary>In the document's currency, like its write-off (<see cref="Moneda"/>).</summary>
    public decimal Monto { get; init; }

    public string Moneda { get; init; } = Monedas.Clp;

    /// <summary>The amount in pesos at the UF or dólar of its date: what the recovery reports and the accounting entry add up.</summary>
    public decimal MontoClp { get; init; }

    public string? Referencia { get; init; }
    public required string RegistradoPor { get; init; }
    public DateTimeOffset Creado { get; init; }
    public Guid? PagoId { get; init; }
    public DateOnly? FechaReversa { get; set; }
    public string? MotivoReversa { get; set; }
}

/// <summary>The company's rules for write-off candidates (absent = defaults).</summary>
public sealed class ConfiguracionCastigos : IEntidadDeEmpresa
{
    public const int DiasMinimosPorOmision = 365;
    public Guid EmpresaId { get; set; }
    public int DiasMinimos { get; set; } = DiasMinimosPorOmision;

    /// <summary>Also require that legal collection ended: every lawsuit of the client ended, or its insolvency procedure closed.</summary>
    public bool ExigeCierreJudicial { get; set; } = true;
}

public static class LargosCastigo
{
    public const int Motivo = 500;
    public const int Referencia = 200;
}

public sealed class PropuestaCastigoConfiguracion : IEntityTypeConfiguration<PropuestaCastigo>
{
    public void Configure(EntityTypeBuilder<PropuestaCastigo> e)
    {
        e.ToTable("propuestas_castigo", t => t.HasCheckConstraint("ck_propuestas_castigo_asiento", "monto_provision + monto_gasto = total AND total > 0 AND monto_provision >= 0 AND monto_gasto >= 0"));
        e.HasIndex(x => new { x.EmpresaId, x.Numero }).IsUnique();
        e.HasIndex(x => new { x.EmpresaId, x.Estado });
        e.Property(x => x.Estado).HasMaxLength(30);
        e.Property(x => x.EstadoAprobacion).HasMaxLength(20);
        e.Property(x => x.Motivo).HasMaxLength(LargosCastigo.Motivo);
        e.Property(x => x.MotivoAnulacion).HasMaxLength(LargosCastigo.Motivo);
        e.Property(x => x.CreadaPor).HasMaxLength(200);
        foreach (var p in new[] { nameof(PropuestaCastigo.Total), nameof(PropuestaCastigo.MontoProvision), nameof(PropuestaCastigo.MontoGasto) })
            e.Property(p).HasPrecision(18, 4);
        e.HasMany(x => x.Documentos).WithOne().HasForeignKey(x => x.PropuestaId).OnDelete(DeleteBehavior.Cascade);
        e.Property<uint>("xmin").IsRowVersion();
    }
}

public sealed class PropuestaCastigoDocumentoConfiguracion : IEntityTypeConfiguration<PropuestaCastigoDocumento>
{
    public void Configure(EntityTypeBuilder<PropuestaCastigoDocumento> e)
    {
        e.ToTable("propuesta_castigo_documentos");
        e.HasKey(x => new { x.PropuestaId, x.DocumentoId });
        e.HasIndex(x => x.DocumentoId);
        e.Property(x => x.Tipo).HasMaxLength(10);
        e.Property(x => x.Motivo).HasMaxLength(LargosCastigo.Motivo);
        e.Property(x => x.Saldo).HasPrecision(18, 4);
        e.Property(x => x.Moneda).HasMaxLength(3);
        e.Property(x => x.SaldoClp).HasPrecision(18, 4);
        e.Property(x => x.Provision).HasPrecision(18, 4);
        e.HasOne<Documento>().WithMany().HasForeignKey(x => x.DocumentoId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RecuperoCastigoConfiguracion : IEntityTypeConfiguration<RecuperoCastigo>
{
    public void Configure(EntityTypeBuilder<RecuperoCastigo> e)
    {
        e.ToTable("recuperos_castigo", t => t.HasCheckConstraint("ck_recuperos_castigo_monto", "monto > 0"));
        e.HasIndex(x => new { x.EmpresaId, x.Fecha });
        e.HasIndex(x => x.DocumentoId);
        e.Property(x => x.Monto).HasPrecision(18, 4);
        e.Property(x => x.MontoClp).HasPrecision(18, 4);
        e.Property(x => x.Moneda).HasMaxLength(3);
        e.Property(x => x.Referencia).HasMaxLength(LargosCastigo.Referencia);
        e.Property(x => x.RegistradoPor).HasMaxLength(200);
        e.Property(x => x.MotivoReversa).HasMaxLength(LargosCastigo.Motivo);
        e.HasOne<Documento>().WithMany().HasForeignKey(x => x.DocumentoId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Pago>().WithMany().HasForeignKey(x => x.PagoId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.PagoId);
    }
}

public sealed class ConfiguracionCastigosConfiguracion : IEntityTypeConfiguration<ConfiguracionCastigos>
{
    public void Configure(EntityTypeBuilder<ConfiguracionCastigos> e)
    {
        e.ToTable("configuracion_castigos");
        e.HasKey(x => x.EmpresaId);
        e.Property(x => x.EmpresaId).ValueGeneratedNever();
    }
}
