using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Clientes.Aprobaciones;

/// <summary>A company's approval level for one kind: amounts up to <see cref="HastaUf"/> (null: any amount) need this role, N times.</summary>
public sealed class NivelAprobacion : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Tipo { get; init; }
    public int Orden { get; set; }
    public required string Nombre { get; set; }
    public decimal? HastaUf { get; set; }
    public required string RolMinimo { get; set; }
    public int AprobadoresRequeridos { get; set; } = 1;
}

public sealed class Aprobacion : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Tipo { get; init; }
    public Guid SujetoId { get; init; }
    public Guid? ClienteId { get; init; }
    public required string Descripcion { get; set; }
    public decimal MontoUf { get; init; }
    public string Estado { get; set; } = Contracts.EstadosAprobacion.Pendiente;
    public required string Nivel { get; init; }
    public required string RolMinimo { get; init; }
    public int AprobacionesRequeridas { get; init; }

    /// <summary>Stored (not only counted) so each decision rewrites this row and two approvers racing are caught by its version.</summary>
    public int AprobacionesRecibidas { get; set; }

    public DateTimeOffset Creada { get; init; }
    public DateTimeOffset? Resuelta { get; set; }
    public List<DecisionAprobacion> Decisiones { get; init; } = [];
}

public sealed class DecisionAprobacion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UsuarioId { get; init; }
    public required string Actor { get; init; }
    public required string Rol { get; init; }
    public bool Aprueba { get; init; }
    public string? Comentario { get; init; }
    public DateTimeOffset Fecha { get; init; }
}

public static class LargosAprobacion
{
    public const int Nombre = 100;
    public const int Descripcion = 300;
    public const int Comentario = 1000;
}

public sealed class NivelAprobacionConfiguracion : IEntityTypeConfiguration<NivelAprobacion>
{
    public void Configure(EntityTypeBuilder<NivelAprobacion> e)
    {
        e.ToTable("niveles_aprobacion");
        e.HasIndex(x => new { x.EmpresaId, x.Tipo, x.Orden }).IsUnique();
        e.Property(x => x.Tipo).HasMaxLength(20);
        e.Property(x => x.Nombre).HasMaxLength(LargosAprobacion.Nombre);
        e.Property(x => x.RolMinimo).HasMaxLength(30);
        e.Property(x => x.HastaUf).HasPrecision(18, 4);
    }
}

public sealed class AprobacionConfiguracion : IEntityTypeConfiguration<Aprobacion>
{
    public void Configure(EntityTypeBuilder<Aprobacion> e)
    {
        e.ToTable("aprobaciones");
        e.HasIndex(x => new { x.EmpresaId, x.Tipo, x.SujetoId, x.Creada });
        e.HasIndex(x => new { x.EmpresaId, x.Estado });
        e.Property(x => x.Tipo).HasMaxLength(20);
        e.Property(x => x.Descripcion).HasMaxLength(LargosAprobacion.Descripcion);
        e.Property(x => x.Estado).HasMaxLength(20);
        e.Property(x => x.Nivel).HasMaxLength(LargosAprobacion.Nombre);
        e.Property(x => x.RolMinimo).HasMaxLength(30);
        e.Property(x => x.MontoUf).HasPrecision(18, 4);
        e.OwnsMany(x => x.Decisiones, d =>
        {
            d.ToTable("decisiones_aprobacion");
            d.WithOwner().HasForeignKey("AprobacionId");
            d.HasKey(x => x.Id);
            d.Property(x => x.Id).ValueGeneratedNever();
            d.Property(x => x.UsuarioId).HasMaxLength(100);
            d.Property(x => x.Actor).HasMaxLength(256);
            d.Property(x => x.Rol).HasMaxLength(30);
            d.Property(x => x.Comentario).HasMaxLength(LargosAprobacion.Comentario);
        });
        e.Property<uint>("xmin").IsRowVersion();
    }
}
