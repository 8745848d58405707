using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Integraciones.EnlacesPago;

public static class EstadosEnlace
{
    public const string Activo = "activo";
    public const string Pagado = "pagado";
    public const string Rechazado = "rechazado";
    public const string Expirado = "expirado";
    public const string Anulado = "anulado";

    public static readonly string[] Todos = [Activo, Pagado, Rechazado, Expirado, Anulado];
}

public static class AlcancesEnlace
{
    public const string Documentos = "documentos";
    public const string DeudaVencida = "deuda_vencida";
}

/// <summary>
/// A charge created at a provider for some documents of one client, its amount fixed at creation. <see cref="ClaveDocumentos"/>
/// (the sorted document ids) is unique among the active links of a company: one active link per set of documents.
/// </summary>
public sealed class EnlacePago : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public required string Proveedor { get; init; }
    public required string Alcance { get; init; }
    public string Estado { get; set; } = EstadosEnlace.Activo;
    public decimal Monto { get; init; }
    public required string Moneda { get; init; }
    public required string ClaveDocumentos { get; init; }
    public DateTimeOffset Expira { get; init; }
    public string? Url { get; set; }
    public string? IdExterno { get; set; }
    public string? EmailPagador { get; init; }
    public DateTimeOffset Creado { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset? Pagado { get; set; }
    public Guid? PagoId { get; set; }
    public string? IdPagoProveedor { get; set; }
    public decimal? MontoPagado { get; set; }
    public DateTimeOffset? Anulado { get; set; }
    public DateTimeOffset? UltimaConsulta { get; set; }
    public string? DetalleProveedor { get; set; }
    public List<EnlacePagoDocumento> Documentos { get; init; } = [];
}

public sealed class EnlacePagoDocumento : IEntidadDeEmpresa
{
    public Guid EnlaceId { get; init; }
    public Guid EmpresaId { get; set; }
    public Guid DocumentoId { get; init; }
    public required string Tipo { get; init; }
    public long Folio { get; init; }
    public decimal Monto { get; init; }
}

public sealed class EnlacePagoConfiguracion : IEntityTypeConfiguration<EnlacePago>
{
    public void Configure(EntityTypeBuilder<EnlacePago> e)
    {
        e.ToTable("enlaces_pago");
        e.HasIndex(x => new { x.EmpresaId, x.ClaveDocumentos }).IsUnique().HasFilter("estado = 'activo'");
        e.HasIndex(x => new { x.EmpresaId, x.ClienteId, x.Creado });
        e.HasIndex(x => new { x.Estado, x.Creado });
        e.HasIndex(x => new { x.Proveedor, x.IdExterno });
        e.Property(x => x.Proveedor).HasMaxLength(40);
        e.Property(x => x.Alcance).HasMaxLength(20);
        e.Property(x => x.Estado).HasMaxLength(20);
        e.Property(x => x.Moneda).HasMaxLength(3);
        e.Property(x => x.Monto).HasPrecision(18, 4);
        e.Property(x => x.MontoPagado).HasPrecision(18, 4);
        e.Property(x => x.Url).HasMaxLength(1000);
        e.Property(x => x.IdExterno).HasMaxLength(200);
        e.Property(x => x.IdPagoProveedor).HasMaxLength(200);
        e.Property(x => x.EmailPagador).HasMaxLength(320);
        e.Property(x => x.Actor).HasMaxLength(200);
        e.Property(x => x.DetalleProveedor).HasMaxLength(500);
        e.HasMany(x => x.Documentos).WithOne().HasForeignKey(d => d.EnlaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EnlacePagoDocumentoConfiguracion : IEntityTypeConfiguration<EnlacePagoDocumento>
{
    public void Configure(EntityTypeBuilder<EnlacePagoDocumento> e)
    {
        e.ToTable("enlaces_pago_documentos");
        e.HasKey(x => new { x.EnlaceId, x.DocumentoId });
        e.HasIndex(x => new { x.EmpresaId, x.DocumentoId });
        e.Property(x => x.Tipo).HasMaxLength(10);
        e.Property(x => x.Monto).HasPrecision(18, 4);
    }
}
