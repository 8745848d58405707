using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Cartera.Factoring;

/// <summary>A factoring company the company cedes documents to; one per RUT and company.</summary>
public sealed class Factor : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Nombre { get; set; }
    public required string Rut { get; init; }
    public string? Contacto { get; set; }
    public string? Email { get; set; }
    public DateTimeOffset Creado { get; init; }
}

/// <summary>
/// Money collected for a factor under administración delegada and passed to it: the payment applications it covers
/// (<see cref="TransferenciaFactorLinea"/>) sum to <see cref="Monto"/>, so nothing is transferred twice.
/// </summary>
public sealed class TransferenciaFactor : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid FactorId { get; init; }
    public DateOnly Fecha { get; init; }
    public required string Moneda { get; init; }
    public decimal Monto { get; init; }
    public string? Referencia { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset Creado { get; init; }
    public List<TransferenciaFactorLinea> Lineas { get; init; } = [];
}

public sealed class TransferenciaFactorLinea : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public Guid TransferenciaId { get; init; }
    public Guid AplicacionId { get; init; }
    public Guid DocumentoId { get; init; }
    public decimal Monto { get; init; }
}

public static class LargosFactoring
{
    public const int Nombre = 200;
    public const int Contacto = 200;
    public const int Email = 254;
    public const int Medio = 30;
    public const int Evidencia = 500;
}

public static class MediosNotificacion
{
    public const string Notario = "notario";
    public const string CartaCertificada = "carta_certificada";
    public const string RegistroSii = "registro_sii";
    public const string Email = "email";
    public static readonly string[] Todos = [Notario, CartaCertificada, RegistroSii, Email];
}

public sealed class FactorConfiguracion : IEntityTypeConfiguration<Factor>
{
    public void Configure(EntityTypeBuilder<Factor> e)
    {
        e.ToTable("factores");
        e.HasIndex(x => new { x.EmpresaId, x.Rut }).IsUnique();
        e.Property(x => x.Nombre).HasMaxLength(LargosFactoring.Nombre);
        e.Property(x => x.Rut).HasMaxLength(12);
        e.Property(x => x.Contacto).HasMaxLength(LargosFactoring.Contacto);
        e.Property(x => x.Email).HasMaxLength(LargosFactoring.Email);
    }
}

public sealed class TransferenciaFactorConfiguracion : IEntityTypeConfiguration<TransferenciaFactor>
{
    public void Configure(EntityTypeBuilder<TransferenciaFactor> e)
    {
        e.ToTable("transferencias_factor", t => t.HasCheckConstraint("ck_transferencias_factor_monto", "monto > 0"));
        e.HasIndex(x => new { x.EmpresaId, x.FactorId, x.Fecha });
        e.Property(x => x.Moneda).HasMaxLength(3);
        e.Property(x => x.Monto).HasPrecision(18, 4);
        e.Property(x => x.Referencia).HasMaxLength(LargosCartera.Referencia);
        e.Property(x => x.Actor).HasMaxLength(200);
        e.HasOne<Factor>().WithMany().HasForeignKey(x => x.FactorId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Lineas).WithOne().HasForeignKey(x => x.TransferenciaId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TransferenciaFactorLineaConfiguracion : IEntityTypeConfiguration<TransferenciaFactorLinea>
{
    public void Configure(EntityTypeBuilder<TransferenciaFactorLinea> e)
    {
        e.ToTable("transferencias_factor_lineas", t => t.HasCheckConstraint("ck_transferencias_factor_lineas_monto", "monto > 0"));
        e.HasKey(x => new { x.TransferenciaId, x.AplicacionId });
        // An application is passed to the factor once.
        e.HasIndex(x => x.AplicacionId).IsUnique();
        e.Property(x => x.Monto).HasPrecision(18, 4);
        e.HasOne<Aplicacion>().WithMany().HasForeignKey(x => x.AplicacionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Documento>().WithMany().HasForeignKey(x => x.DocumentoId).OnDelete(DeleteBehavior.Restrict);
    }
}
