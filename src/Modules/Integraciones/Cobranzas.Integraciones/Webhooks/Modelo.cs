using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Integraciones.Webhooks;

public static class LargosWebhooks
{
    public const int Url = 2000;
    public const int Descripcion = 200;
    public const int Tipo = 60;
    public const int Estado = 20;
    public const int Detalle = 1000;
    public const int Respuesta = 500;
}

public static class EstadosEntrega
{
    public const string Pendiente = "pendiente";
    public const string Entregada = "entregada";
    public const string Fallida = "fallida";
}

/// <summary>A company's endpoint that receives the events it chose, signed with its own secret (kept encrypted, shown once).</summary>
public sealed class SuscripcionWebhook : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Url { get; set; }
    public string? Descripcion { get; set; }
    public List<string> Eventos { get; set; } = [];

    /// <summary>The signing secret protected with ASP.NET Data Protection (key ring in the database); the API never returns it.</summary>
    public required string SecretoProtegido { get; set; }

    public bool Activa { get; set; } = true;

    /// <summary>Failed attempts in a row (any delivery of this subscription); a success resets it.</summary>
    public int FallosConsecutivos { get; set; }

    public DateTimeOffset? FallandoDesde { get; set; }

    /// <summary>When the sender disabled it after repeated failure (null when a user did, or it is active).</summary>
    public DateTimeOffset? DesactivadaAutomaticamente { get; set; }

    public DateTimeOffset Creada { get; init; }
}

/// <summary>
/// The outbox: one row per (subscription, event), with the body as it is sent (stable across retries, so a receiver's
/// dedup by <see cref="EventoId"/> and a signature over it keep meaning the same thing).
/// </summary>
public sealed class EntregaWebhook : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid SuscripcionId { get; init; }
    public Guid EventoId { get; init; }
    public required string Tipo { get; init; }
    public Guid EntidadId { get; init; }
    public required string Cuerpo { get; init; }
    public string Estado { get; set; } = EstadosEntrega.Pendiente;
    public int Intentos { get; set; }
    public DateTimeOffset ProximoIntento { get; set; }
    public DateTimeOffset Creada { get; init; }
    public DateTimeOffset? Entregada { get; set; }
    public int? UltimoCodigo { get; set; }
    public string? UltimoDetalle { get; set; }
}

/// <summary>The delivery log: every attempt with its answer and timing.</summary>
[Cobranzas.SharedKernel.Auditoria.SinAuditoria]
public sealed class IntentoWebhook : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid EntregaId { get; init; }
    public int Numero { get; init; }
    public DateTimeOffset Momento { get; init; }
    public int? CodigoEstado { get; init; }
    public int DuracionMs { get; init; }
    public string? Respuesta { get; init; }
    public string? Error { get; init; }
}

public sealed class ConfiguracionSuscripcionWebhook : IEntityTypeConfiguration<SuscripcionWebhook>
{
    public void Configure(EntityTypeBuilder<SuscripcionWebhook> e)
    {
        e.ToTable("suscripciones_webhook");
        e.Property(x => x.Url).HasMaxLength(LargosWebhooks.Url);
        e.Property(x => x.Descripcion).HasMaxLength(LargosWebhooks.Descripcion);
        e.Property(x => x.SecretoProtegido).HasMaxLength(1000);
    }
}

public sealed class ConfiguracionEntregaWebhook : IEntityTypeConfiguration<EntregaWebhook>
{
    public void Configure(EntityTypeBuilder<EntregaWebhook> e)
    {
        e.ToTable("entregas_webhook");
        e.Property(x => x.Tipo).HasMaxLength(LargosWebhooks.Tipo);
        e.Property(x => x.Estado).HasMaxLength(LargosWebhooks.Estado);
        e.Property(x => x.UltimoDetalle).HasMaxLength(LargosWebhooks.Detalle);
        e.HasIndex(x => new { x.SuscripcionId, x.EventoId }).IsUnique();
        e.HasIndex(x => new { x.Estado, x.ProximoIntento });
        e.HasIndex(x => new { x.SuscripcionId, x.Creada });
    }
}

public sealed class ConfiguracionIntentoWebhook : IEntityTypeConfiguration<IntentoWebhook>
{
    public void Configure(EntityTypeBuilder<IntentoWebhook> e)
    {
        e.ToTable("intentos_webhook");
        e.Property(x => x.Respuesta).HasMaxLength(LargosWebhooks.Respuesta);
        e.Property(x => x.Error).HasMaxLength(LargosWebhooks.Detalle);
        e.HasIndex(x => new { x.EntregaId, x.Numero });
    }
}
