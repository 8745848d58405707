using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Gestion.Cobradores;

/// <summary>A named set of clients ("Grandes cuentas"), optionally with a responsible collector; a client may be in several.</summary>
public sealed class Cartera : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Nombre { get; set; }
    public string? Descripcion { get; set; }

    /// <summary>The collector its clients get by the cartera rule (none: the cartera only groups).</summary>
    public Guid? CobradorId { get; set; }

    /// <summary>Lower first: a client in several carteras takes the collector of the one with the lowest priority number.</summary>
    public int Prioridad { get; set; }

    public DateTimeOffset Creada { get; init; }
}

public sealed class ClienteCartera : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public Guid CarteraId { get; init; }
    public Guid ClienteId { get; init; }
}

public static class TiposRegla
{
    public const string Segmento = "segmento";
    public const string CuentaClave = "cuenta_clave";
    public static readonly string[] Todos = [Segmento, CuentaClave];
}

/// <summary>
/// A company rule of the segment / key account level: clients of a segment (or key accounts) go to a collector.
/// Evaluated in <see cref="Orden"/> after manual and cartera and before zone.
/// </summary>
public sealed class ReglaAsignacion : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public int Orden { get; set; }
    public required string Tipo { get; set; }

    /// <summary>The segment's name for a segment rule; null for the key account rule.</summary>
    public string? Segmento { get; set; }

    public Guid CobradorId { get; set; }
}

public sealed class CarteraConfiguracion : IEntityTypeConfiguration<Cartera>
{
    public void Configure(EntityTypeBuilder<Cartera> e)
    {
        e.ToTable("carteras");
        e.Property(x => x.Nombre).HasMaxLength(LargosGestion.Nombre);
        e.Property(x => x.Descripcion).HasMaxLength(LargosGestion.Motivo);
        e.HasIndex(x => new { x.EmpresaId, x.Nombre }).IsUnique();
        e.HasOne<Cobrador>().WithMany().HasForeignKey(x => x.CobradorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ClienteCarteraConfiguracion : IEntityTypeConfiguration<ClienteCartera>
{
    public void Configure(EntityTypeBuilder<ClienteCartera> e)
    {
        e.ToTable("clientes_cartera");
        e.HasKey(x => new { x.EmpresaId, x.CarteraId, x.ClienteId });
        e.HasIndex(x => new { x.EmpresaId, x.ClienteId });
        e.HasOne<Cartera>().WithMany().HasForeignKey(x => x.CarteraId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReglaAsignacionConfiguracion : IEntityTypeConfiguration<ReglaAsignacion>
{
    public void Configure(EntityTypeBuilder<ReglaAsignacion> e)
    {
        e.ToTable("reglas_asignacion");
        e.Property(x => x.Tipo).HasMaxLength(20);
        e.Property(x => x.Segmento).HasMaxLength(LargosGestion.Nombre);
        e.HasIndex(x => new { x.EmpresaId, x.Orden });
        e.HasOne<Cobrador>().WithMany().HasForeignKey(x => x.CobradorId).OnDelete(DeleteBehavior.Restrict);
    }
}
