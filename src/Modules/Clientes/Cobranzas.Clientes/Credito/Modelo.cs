using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Clientes.Credito;

public static class EstadosSolicitudCredito
{
    public const string Borrador = "borrador";
    public const string EnAprobacion = "en_aprobacion";
    public const string Aprobada = "aprobada";
    public const string Rechazada = "rechazada";
}

/// <summary>A request for a credit line: a new client's first line or a higher one, evaluated and approved by amount.</summary>
public sealed class SolicitudCredito : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public decimal LimiteSolicitado { get; set; }
    public required string Moneda { get; set; }
    public int PlazoDias { get; set; }

    /// <summary>How long the line is granted for: on approval the client's limit is valid until today plus these months.</summary>
    public int VigenciaMeses { get; set; } = 12;

    public string? ReferenciasComerciales { get; set; }
    public DatosFinancieros? Financieros { get; set; }
    public InformeComercial? Informe { get; set; }

    /// <summary>The client's limit when the request was made (null: a new line).</summary>
    public decimal? LimiteAnterior { get; init; }

    public string? MonedaLimiteAnterior { get; init; }
    public string Estado { get; set; } = EstadosSolicitudCredito.Borrador;
    public decimal? MontoUf { get; set; }
    public DateOnly? VigenteHasta { get; set; }
    public required string CreadaPor { get; init; }
    public DateTimeOffset Creada { get; init; }
    public DateTimeOffset? Resuelta { get; set; }

    /// <summary>The review task raised for this line before it lapses (once).</summary>
    public Guid? TareaRevisionId { get; set; }
}

/// <summary>The client's financial data as the analyst enters it from its statements (pesos).</summary>
public sealed class DatosFinancieros
{
    public decimal? VentasAnuales { get; set; }
    public decimal? Patrimonio { get; set; }
    public decimal? DeudaFinanciera { get; set; }
    public decimal? UtilidadNeta { get; set; }
}

/// <summary>A commercial bureau report's fields (Equifax/DICOM and the like), entered by hand or read from the bureau's file.</summary>
public sealed class InformeComercial
{
    public required string Fuente { get; set; }
    public int? Score { get; set; }
    public int Protestos { get; set; }
    public int Morosidades { get; set; }
    public int DicomCantidad { get; set; }
    public decimal DicomMonto { get; set; }
    public DateOnly Fecha { get; set; }
}

/// <summary>The company's weights of the internal score (percent of the total; they add up to 100).</summary>
public sealed class PonderacionesScore : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public int DiasPago { get; set; }
    public int Protestos { get; set; }
    public int CompromisosRotos { get; set; }
    public int Bureau { get; set; }
    public int Antiguedad { get; set; }
    public int Exposicion { get; set; }
}

public static class LargosCredito
{
    public const int Referencias = 2000;
}

public sealed class SolicitudCreditoConfiguracion : IEntityTypeConfiguration<SolicitudCredito>
{
    public void Configure(EntityTypeBuilder<SolicitudCredito> e)
    {
        e.ToTable("solicitudes_credito");
        e.HasIndex(x => new { x.EmpresaId, x.ClienteId, x.Creada });
        e.HasOne<Cliente>().WithMany().HasForeignKey(x => x.ClienteId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.LimiteSolicitado).HasPrecision(18, 4);
        e.Property(x => x.LimiteAnterior).HasPrecision(18, 4);
        e.Property(x => x.MontoUf).HasPrecision(18, 4);
        e.Property(x => x.Moneda).HasMaxLength(3);
        e.Property(x => x.MonedaLimiteAnterior).HasMaxLength(3);
        e.Property(x => x.Estado).HasMaxLength(20);
        e.Property(x => x.ReferenciasComerciales).HasMaxLength(LargosCredito.Referencias);
        e.Property(x => x.CreadaPor).HasMaxLength(256);
        e.OwnsOne(x => x.Financieros, f => f.ToJson());
        e.OwnsOne(x => x.Informe, f => f.ToJson());
        e.Property<uint>("xmin").IsRowVersion();
    }
}

public sealed class PonderacionesScoreConfiguracion : IEntityTypeConfiguration<PonderacionesScore>
{
    public void Configure(EntityTypeBuilder<PonderacionesScore> e)
    {
        e.ToTable("ponderaciones_score");
        e.HasKey(x => x.EmpresaId);
        e.Property(x => x.EmpresaId).ValueGeneratedNever();
    }
}
