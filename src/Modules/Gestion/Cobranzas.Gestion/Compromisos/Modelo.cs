using System.Text.Json;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Gestion.Compromisos;

public static class EstadosCompromiso
{
    public const string Pendiente = "pendiente";
    public const string Cumplido = "cumplido";
    public const string CumplidoParcial = "cumplido_parcial";
    public const string Incumplido = "incumplido";
    public const string Anulado = "anulado";
    public static readonly string[] Todos = [Pendiente, Cumplido, CumplidoParcial, Incumplido, Anulado];

    /// <summary>Not kept in full by its date plus the grace days: it needs a follow-up.</summary>
    public static bool Roto(string estado) => estado is Incumplido or CumplidoParcial;
}

public static class CanalesCompromiso
{
    public static readonly string[] Todos = ["telefono", "correo", "visita", "portal", "otro"];
}

public static class TiposTareaCompromiso
{
    public const string Vence = "verificar_compromiso";
    public const string Seguimiento = "seguimiento_compromiso";
}

/// <summary>One installment of a promise, as promised and as evaluated against the payments that arrived.</summary>
public sealed record CuotaCompromiso(int Numero, DateOnly Fecha, decimal Monto, decimal MontoCumplido = 0, string Estado = EstadosCompromiso.Pendiente);

/// <summary>
/// A client's promise to pay (documents or an amount) in one or several installments. Its state is never set by hand: it
/// follows the payments Cartera applied since the promise was taken (<see cref="Desde"/>) and the passage of time.
/// </summary>
public sealed class Compromiso : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public List<Guid> DocumentoIds { get; set; } = [];
    public List<CuotaCompromiso> Cuotas { get; set; } = [];
    public decimal Monto { get; set; }
    public decimal MontoCumplido { get; set; }
    public string Estado { get; set; } = EstadosCompromiso.Pendiente;
    public required string Canal { get; init; }
    public string? Notas { get; set; }
    public required string TomadoPor { get; init; }
    public Guid? CobradorId { get; set; }
    public DateTimeOffset Creado { get; init; }

    /// <summary>The business date it was taken: only payments applied from this date on keep it.</summary>
    public DateOnly Desde { get; init; }

    public int Version { get; set; } = 1;
}

/// <summary>What happened to a promise: taken, rescheduled (a new version, with its installments), cancelled, or its state changed.</summary>
public sealed class EventoCompromiso : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid CompromisoId { get; init; }
    public DateTimeOffset Fecha { get; init; }
    public required string Accion { get; init; }
    public int Version { get; init; }
    public string? Estado { get; init; }
    public string? Motivo { get; init; }
    public required string Autor { get; init; }

    /// <summary>The installments of the version this event created (taken or rescheduled); empty otherwise.</summary>
    public List<CuotaCompromiso> Cuotas { get; init; } = [];
}

public sealed class ConfiguracionCompromisos : IEntityTypeConfiguration<Compromiso>, IEntityTypeConfiguration<EventoCompromiso>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Cuotas<T>(PropertyBuilder<List<CuotaCompromiso>> p) =>
        p.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<List<CuotaCompromiso>>(v, Json) ?? new List<CuotaCompromiso>(),
            new ValueComparer<List<CuotaCompromiso>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, c) => HashCode.Combine(h, c.GetHashCode())), v => v.ToList()));

    public void Configure(EntityTypeBuilder<Compromiso> e)
    {
        e.ToTable("compromisos");
        e.HasIndex(x => new { x.EmpresaId, x.ClienteId, x.Estado });
        e.HasIndex(x => new { x.EmpresaId, x.Estado });
        e.Property(x => x.Estado).HasMaxLength(20);
        e.Property(x => x.Canal).HasMaxLength(20);
        e.Property(x => x.Notas).HasMaxLength(LargosGestion.Notas);
        e.Property(x => x.TomadoPor).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        Cuotas<Compromiso>(e.Property(x => x.Cuotas));
        e.HasOne<Cobrador>().WithMany().HasForeignKey(x => x.CobradorId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<EventoCompromiso> e)
    {
        e.ToTable("compromisos_historial");
        e.HasIndex(x => new { x.EmpresaId, x.CompromisoId, x.Fecha });
        e.Property(x => x.Accion).HasMaxLength(20);
        e.Property(x => x.Estado).HasMaxLength(20);
        e.Property(x => x.Motivo).HasMaxLength(LargosGestion.Motivo);
        e.Property(x => x.Autor).HasMaxLength(200);
        Cuotas<EventoCompromiso>(e.Property(x => x.Cuotas));
        e.HasOne<Compromiso>().WithMany().HasForeignKey(x => x.CompromisoId).OnDelete(DeleteBehavior.Cascade);
    }
}
