using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Portal.Acceso;

public static class OrigenesEnlace
{
    public const string Solicitud = "solicitud";
    public const string Recordatorio = "recordatorio";
}

/// <summary>A single-use link that opens a portal session for one contact of one client; only the token's hash is kept.</summary>
public sealed class EnlaceAcceso : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public Guid ContactoId { get; init; }
    public required string Email { get; init; }
    public required string TokenHash { get; init; }
    public required string Origen { get; init; }
    public DateTimeOffset Creado { get; init; }
    public DateTimeOffset Expira { get; init; }
    public DateTimeOffset? Usado { get; set; }
}

/// <summary>An open portal session: one company, one client, one contact; it expires and can be closed.</summary>
public sealed class SesionPortal : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public Guid ContactoId { get; init; }
    public required string Email { get; init; }
    public required string TokenHash { get; init; }
    public Guid EnlaceId { get; init; }
    public DateTimeOffset Creada { get; init; }
    public DateTimeOffset Expira { get; init; }
    public DateTimeOffset? Cerrada { get; set; }
}

public sealed class EnlaceAccesoConfiguracion : IEntityTypeConfiguration<EnlaceAcceso>
{
    public void Configure(EntityTypeBuilder<EnlaceAcceso> e)
    {
        e.ToTable("enlaces_acceso");
        e.Property(x => x.Email).HasMaxLength(256);
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.Property(x => x.Origen).HasMaxLength(20);
        e.HasIndex(x => x.TokenHash).IsUnique();
    }
}

public sealed class SesionPortalConfiguracion : IEntityTypeConfiguration<SesionPortal>
{
    public void Configure(EntityTypeBuilder<SesionPortal> e)
    {
        e.ToTable("sesiones");
        e.Property(x => x.Email).HasMaxLength(256);
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.HasIndex(x => x.TokenHash).IsUnique();
        // One link opens one session, even when two requests race with it.
        e.HasIndex(x => x.EnlaceId).IsUnique();
    }
}
