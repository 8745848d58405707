using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Gestion.Disputas;

public static class EstadosDisputa
{
    public const string Abierta = "abierta";
    public const string EnRevision = "en_revision";
    public const string ResueltaCliente = "resuelta_cliente";
    public const string ResueltaEmpresa = "resuelta_empresa";
    public static readonly string[] Todos = [Abierta, EnRevision, ResueltaCliente, ResueltaEmpresa];
    public static readonly string[] Resueltas = [ResueltaCliente, ResueltaEmpresa];
    public static bool Resuelta(string estado) => estado is ResueltaCliente or ResueltaEmpresa;
}

public static class TiposTareaDisputa
{
    public const string Revisar = "revisar_disputa";
}

/// <summary>A reason a client disputes documents, from the company's editable list.</summary>
public sealed class MotivoDisputa : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Nombre { get; set; }
    public bool Activo { get; set; } = true;

    public static readonly string[] PorOmision = ["Mercadería defectuosa", "No recibido", "Precio incorrecto", "Documento duplicado", "Ya pagado", "Otro"];
}

/// <summary>
/// A client's dispute of one or more documents. While open, escalation leaves its documents alone (a pause per document);
/// the documents stay in aging and reports, Cartera knows nothing of it.
/// </summary>
public sealed class Disputa : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public List<Guid> DocumentoIds { get; set; } = [];
    public Guid MotivoId { get; set; }
    public string Estado { get; set; } = EstadosDisputa.Abierta;
    public Guid? AsignadoAId { get; set; }
    public string? Notas { get; set; }
    public DateTimeOffset Creada { get; init; }
    public required string CreadaPor { get; init; }
    public DateTimeOffset? Resuelta { get; set; }
    public string? Resolucion { get; set; }
}

public sealed class EventoDisputa : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid DisputaId { get; init; }
    public DateTimeOffset Fecha { get; init; }
    public required string Estado { get; init; }
    public string? Notas { get; init; }
    public required string Autor { get; init; }
}

/// <summary>A file attached to a dispute: its bytes live behind <c>IAlmacenArchivos</c> under an opaque key.</summary>
public sealed class AdjuntoDisputa : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid DisputaId { get; init; }
    public required string Nombre { get; init; }
    public required string TipoContenido { get; init; }
    public long Tamano { get; init; }
    public required string Clave { get; init; }
    public DateTimeOffset Subido { get; init; }
    public required string SubidoPor { get; init; }
}

public sealed class ConfiguracionDisputas
    : IEntityTypeConfiguration<MotivoDisputa>, IEntityTypeConfiguration<Disputa>, IEntityTypeConfiguration<EventoDisputa>, IEntityTypeConfiguration<AdjuntoDisputa>
{
    public void Configure(EntityTypeBuilder<MotivoDisputa> e)
    {
        e.ToTable("motivos_disputa");
        e.Property(x => x.Nombre).HasMaxLength(LargosGestion.Nombre);
        e.HasIndex(x => new { x.EmpresaId, x.Nombre }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Disputa> e)
    {
        e.ToTable("disputas");
        e.HasIndex(x => new { x.EmpresaId, x.ClienteId, x.Estado });
        e.HasIndex(x => new { x.EmpresaId, x.Estado, x.AsignadoAId });
        e.Property(x => x.Estado).HasMaxLength(20);
        e.Property(x => x.Notas).HasMaxLength(LargosGestion.Notas);
        e.Property(x => x.Resolucion).HasMaxLength(LargosGestion.Notas);
        e.Property(x => x.CreadaPor).HasMaxLength(200);
        e.HasOne<MotivoDisputa>().WithMany().HasForeignKey(x => x.MotivoId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Cobrador>().WithMany().HasForeignKey(x => x.AsignadoAId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<EventoDisputa> e)
    {
        e.ToTable("disputas_historial");
        e.HasIndex(x => new { x.EmpresaId, x.DisputaId, x.Fecha });
        e.Property(x => x.Estado).HasMaxLength(20);
        e.Property(x => x.Notas).HasMaxLength(LargosGestion.Notas);
        e.Property(x => x.Autor).HasMaxLength(200);
        e.HasOne<Disputa>().WithMany().HasForeignKey(x => x.DisputaId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AdjuntoDisputa> e)
    {
        e.ToTable("disputas_adjuntos");
        e.HasIndex(x => new { x.EmpresaId, x.DisputaId });
        e.Property(x => x.Nombre).HasMaxLength(LargosGestion.Nombre);
        e.Property(x => x.TipoContenido).HasMaxLength(100);
        e.Property(x => x.Clave).HasMaxLength(64);
        e.Property(x => x.SubidoPor).HasMaxLength(200);
        e.HasOne<Disputa>().WithMany().HasForeignKey(x => x.DisputaId).OnDelete(DeleteBehavior.Cascade);
    }
}
