using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Cartera.Convenios;

public static class TiposConvenio
{
    public const string PagoEnCuotas = "pago_en_cuotas";
    public const string CondonacionIntereses = "condonacion_intereses";
    public const string QuitaCapital = "quita_capital";
    public const string DacionEnPago = "dacion_en_pago";
    public const string CesionCreditos = "cesion_creditos";
    public static readonly string[] Todos = [PagoEnCuotas, CondonacionIntereses, QuitaCapital, DacionEnPago, CesionCreditos];
}

public static class EstadosConvenio
{
    public const string Borrador = "borrador";
    public const string PendienteAprobacion = "pendiente_aprobacion";
    public const string Aprobado = "aprobado";
    public const string Vigente = "vigente";
    public const string Cumplido = "cumplido";
    public const string Roto = "roto";
    public const string Anulado = "anulado";
    public static readonly string[] Todos = [Borrador, PendienteAprobacion, Aprobado, Vigente, Cumplido, Roto, Anulado];

    /// <summary>A document in one of these convenios cannot go into another.</summary>
    public static readonly string[] Activos = [Borrador, PendienteAprobacion, Aprobado, Vigente];
}

public static class FrecuenciasConvenio
{
    public const string Mensual = "mensual";
    public const string Quincenal = "quincenal";
    public const string Semanal = "semanal";
    public static readonly string[] Todas = [Mensual, Quincenal, Semanal];
}

/// <summary>
/// A payment agreement over chosen open documents of one client. Its money trail, fixed when it is created:
/// SaldoDocumentos + InteresMora = MontoConvenido + MontoCondonacion + MontoQuita; the installments add InteresFinanciamiento.
/// On signature the originals are settled by applications whose source is the convenio, and the installments become the
/// cuotas of one receivable document (tipo <c>convenio</c>, folio = Numero) that ages and is paid like any other.
/// </summary>
public sealed class Convenio : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public long Numero { get; init; }
    public Guid ClienteId { get; init; }
    public required string Tipo { get; init; }
    public string Estado { get; set; } = EstadosConvenio.Borrador;

    /// <summary>The calculation date: balances and late interest are taken at it; the signature is not earlier.</summary>
    public DateOnly Fecha { get; init; }
    public required string Moneda { get; init; }
    public decimal SaldoDocumentos { get; init; }
    public decimal InteresMora { get; init; }
    public decimal PorcentajeCondonacion { get; init; }
    public decimal MontoCondonacion { get; init; }
    public decimal MontoQuita { get; init; }
    public decimal MontoConvenido { get; init; }
    public decimal InteresFinanciamiento { get; init; }
    public decimal TotalCuotas { get; init; }
    public int NumeroCuotas { get; init; }
    public DateOnly PrimeraFecha { get; init; }
    public required string Frecuencia { get; init; }
    public decimal TasaMensual { get; init; }
    public string? Detalle { get; init; }
    public string? Notas { get; init; }
    public Guid? SolicitudPortalId { get; set; }
    public string? EstadoAprobacion { get; set; }
    public string? DecididoPor { get; set; }
    public DateTimeOffset? FechaDecision { get; set; }
    public string? ComentarioDecision { get; set; }

    /// <summary>The receivable the installments live in, from the signature on.</summary>
    public Guid? DocumentoId { get; set; }
    public DateOnly? FechaFirma { get; set; }
    public string? FirmadoPor { get; set; }
    public DateOnly? FechaTermino { get; set; }
    public string? MotivoTermino { get; set; }
    public string? TerminadoPor { get; set; }

    /// <summary>A broken convenio: what went back to the originals.</summary>
    public decimal? MontoRepuesto { get; set; }
    public required string CreadoPor { get; init; }
    public DateTimeOffset Creado { get; init; }
    public List<ConvenioDocumento> Documentos { get; init; } = [];
    public List<ConvenioCuota> Cuotas { get; init; } = [];
}

/// <summary>An original document of a convenio and its share of the interest, waiver and haircut.</summary>
public sealed class ConvenioDocumento : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public Guid ConvenioId { get; init; }
    public Guid DocumentoId { get; init; }
    public required string Tipo { get; init; }
    public long Folio { get; init; }
    public DateOnly FechaVencimiento { get; init; }
    public decimal Saldo { get; init; }
    public decimal Interes { get; init; }
    public decimal Condonacion { get; init; }
    public decimal Quita { get; init; }
    public decimal? Repuesto { get; set; }
}

/// <summary>The planned installment; after the signature its balance lives in the receivable's cuota of the same number.</summary>
public sealed class ConvenioCuota : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public Guid ConvenioId { get; init; }
    public int Numero { get; init; }
    public DateOnly FechaVencimiento { get; init; }
    public decimal Capital { get; init; }
    public decimal Interes { get; init; }
    public decimal Monto { get; init; }
}

/// <summary>The company's convenio settings (absent = defaults).</summary>
public sealed class ConfiguracionConvenios : IEntidadDeEmpresa
{
    public const int DiasRupturaPorOmision = 30;
    public Guid EmpresaId { get; set; }
    public int DiasRuptura { get; set; } = DiasRupturaPorOmision;
}

public static class LargosConvenio
{
    public const int Detalle = 2000;
    public const int Notas = 2000;
    public const int Motivo = 500;
}

public sealed class ConvenioConfiguracion : IEntityTypeConfiguration<Convenio>
{
    public void Configure(EntityTypeBuilder<Convenio> e)
    {
        e.ToTable("convenios", t =>
        {
            t.HasCheckConstraint("ck_convenios_rastro", "saldo_documentos + interes_mora = monto_convenido + monto_condonacion + monto_quita");
            t.HasCheckConstraint("ck_convenios_total", "total_cuotas = monto_convenido + interes_financiamiento AND monto_convenido > 0");
        });
        e.HasIndex(x => new { x.EmpresaId, x.Numero }).IsUnique();
        e.HasIndex(x => new { x.EmpresaId, x.ClienteId });
        e.HasIndex(x => new { x.EmpresaId, x.Estado });
        e.Property(x => x.Tipo).HasMaxLength(30);
        e.Property(x => x.Estado).HasMaxLength(30);
        e.Property(x => x.Moneda).HasMaxLength(3);
        e.Property(x => x.Frecuencia).HasMaxLength(20);
        e.Property(x => x.EstadoAprobacion).HasMaxLength(20);
        e.Property(x => x.Detalle).HasMaxLength(LargosConvenio.Detalle);
        e.Property(x => x.Notas).HasMaxLength(LargosConvenio.Notas);
        e.Property(x => x.ComentarioDecision).HasMaxLength(LargosConvenio.Motivo);
        e.Property(x => x.MotivoTermino).HasMaxLength(LargosConvenio.Motivo);
        e.Property(x => x.DecididoPor).HasMaxLength(200);
        e.Property(x => x.FirmadoPor).HasMaxLength(200);
        e.Property(x => x.TerminadoPor).HasMaxLength(200);
        e.Property(x => x.CreadoPor).HasMaxLength(200);
        foreach (var p in new[]
                 {
                     nameof(Convenio.SaldoDocumentos), nameof(Convenio.InteresMora), nameof(Convenio.MontoCondonacion), nameof(Convenio.MontoQuita),
                     nameof(Convenio.MontoConvenido), nameof(Convenio.InteresFinanciamiento), nameof(Convenio.TotalCuotas), nameof(Convenio.MontoRepuesto),
                 })
            e.Property(p).HasPrecision(18, 4);
        e.Property(x => x.PorcentajeCondonacion).HasPrecision(7, 4);
        e.Property(x => x.TasaMensual).HasPrecision(7, 4);
        e.HasOne<Documento>().WithMany().HasForeignKey(x => x.DocumentoId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Documentos).WithOne().HasForeignKey(x => x.ConvenioId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Cuotas).WithOne().HasForeignKey(x => x.ConvenioId).OnDelete(DeleteBehavior.Cascade);
        e.Property<uint>("xmin").IsRowVersion();
    }
}

public sealed class ConvenioDocumentoConfiguracion : IEntityTypeConfiguration<ConvenioDocumento>
{
    public void Configure(EntityTypeBuilder<ConvenioDocumento> e)
    {
        e.ToTable("convenio_documentos");
        e.HasKey(x => new { x.ConvenioId, x.DocumentoId });
        e.HasIndex(x => x.DocumentoId);
        e.Property(x => x.Tipo).HasMaxLength(10);
        foreach (var p in new[] { nameof(ConvenioDocumento.Saldo), nameof(ConvenioDocumento.Interes), nameof(ConvenioDocumento.Condonacion), nameof(ConvenioDocumento.Quita), nameof(ConvenioDocumento.Repuesto) })
            e.Property(p).HasPrecision(18, 4);
        e.HasOne<Documento>().WithMany().HasForeignKey(x => x.DocumentoId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ConvenioCuotaConfiguracion : IEntityTypeConfiguration<ConvenioCuota>
{
    public void Configure(EntityTypeBuilder<ConvenioCuota> e)
    {
        e.ToTable("convenio_cuotas", t => t.HasCheckConstraint("ck_convenio_cuotas_monto", "monto = capital + interes AND monto > 0"));
        e.HasKey(x => new { x.ConvenioId, x.Numero });
        foreach (var p in new[] { nameof(ConvenioCuota.Capital), nameof(ConvenioCuota.Interes), nameof(ConvenioCuota.Monto) })
            e.Property(p).HasPrecision(18, 4);
    }
}

public sealed class ConfiguracionConveniosConfiguracion : IEntityTypeConfiguration<ConfiguracionConvenios>
{
    public void Configure(EntityTypeBuilder<ConfiguracionConvenios> e)
    {
        e.ToTable("configuracion_convenios");
        e.HasKey(x => x.EmpresaId);
        e.Property(x => x.EmpresaId).ValueGeneratedNever();
    }
}
