using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Gestion.Actividades;

/// <summary>A file attached to an activity (call recording, letter, photo): metadata here, content in <c>IAlmacenArchivos</c>.</summary>
public sealed class AdjuntoActividad : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ActividadId { get; init; }

    /// <summary>The name shown and used on download, made safe from the uploaded one.</summary>
    public required string Nombre { get; init; }

    public required string ContentType { get; init; }
    public long Tamano { get; init; }

    /// <summary>The store's opaque key.</summary>
    public required string Clave { get; init; }

    public DateTimeOffset Creado { get; init; }
}

/// <summary>A call script for a collection stage, a Scriban template rendered with the client's data.</summary>
public sealed class Guion : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Nombre { get; set; }

    /// <summary>One of <see cref="EtapasCobranza.Todas"/>.</summary>
    public required string Etapa { get; set; }

    public required string Plantilla { get; set; }
    public bool Activo { get; set; } = true;
    public DateTimeOffset Actualizado { get; set; }
}

public static class TiposDeActividad
{
    public const string Llamada = "llamada";
    public const string Correo = "correo";
    public const string Visita = "visita";
    public const string Reunion = "reunion";
    public const string Carta = "carta";
    public const string Whatsapp = "whatsapp";
    public const string CompromisoPago = "compromiso_pago";
    public const string Otro = "otro";
    public static readonly string[] Todos = [Llamada, Correo, Visita, Reunion, Carta, Whatsapp, CompromisoPago, Otro];
}

public sealed class AdjuntoActividadConfiguracion : IEntityTypeConfiguration<AdjuntoActividad>
{
    public void Configure(EntityTypeBuilder<AdjuntoActividad> e)
    {
        e.ToTable("adjuntos_actividad");
        e.HasIndex(x => new { x.EmpresaId, x.ActividadId });
        e.Property(x => x.Nombre).HasMaxLength(LargosGestion.Nombre);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.Clave).HasMaxLength(64);
        e.HasOne<Actividad>().WithMany().HasForeignKey(x => x.ActividadId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class GuionConfiguracion : IEntityTypeConfiguration<Guion>
{
    public void Configure(EntityTypeBuilder<Guion> e)
    {
        e.ToTable("guiones");
        e.HasIndex(x => new { x.EmpresaId, x.Nombre }).IsUnique();
        e.Property(x => x.Nombre).HasMaxLength(LargosGestion.Nombre);
        e.Property(x => x.Etapa).HasMaxLength(20);
        e.Property(x => x.Plantilla).HasMaxLength(SharedKernel.Plantillas.MotorPlantillas.LargoMaximoFuente);
    }
}
