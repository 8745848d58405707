using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Gestion.Politica;

/// <summary>The kinds of action a step can take; each is one <see cref="IAccionPaso"/> class (the e-mail of Notificaciones adds one more).</summary>
public static class AccionesPaso
{
    public const string Tarea = "tarea";
    public const string Carta = "carta";
    public const string Suspension = "suspension";
    public const string Derivacion = "derivacion";

    /// <summary>An e-mail queued by Notificaciones (its definition of kind <c>politica</c>); a written contact.</summary>
    public const string Correo = "correo";
}

public static class TiposTareaPaso
{
    public const string Llamada = "llamada";
    public const string Visita = "visita";
    public static readonly string[] Todos = [Llamada, Visita];
}

/// <summary>
/// One step of the company's escalation policy. It falls due <see cref="Dias"/> days after the due date of the client's oldest
/// open document (negative: before it), at least <see cref="DiasMinimosDesdeAnterior"/> days after the previous step applied
/// to the client, when its conditions hold; then its action runs once.
/// </summary>
public sealed class PasoPolitica : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public int Orden { get; set; }
    public required string Nombre { get; set; }
    public required string Etapa { get; set; }
    public int Dias { get; set; }
    public int DiasMinimosDesdeAnterior { get; set; }

    /// <summary>Minimum overdue amount in CLP (null: any).</summary>
    public decimal? MontoMinimoVencido { get; set; }

    /// <summary>Only clients of these segments (empty: all).</summary>
    public List<string> Segmentos { get; set; } = [];

    public bool SoloCuentaClave { get; set; }
    public required string Accion { get; set; }

    /// <summary>For <see cref="AccionesPaso.Tarea"/>: llamada or visita.</summary>
    public string? TipoTarea { get; set; }

    /// <summary>For <see cref="AccionesPaso.Carta"/>: the letter's Scriban template (null: the default letter).</summary>
    public string? Plantilla { get; set; }
}

/// <summary>
/// A step applied to a client (or, with no <see cref="PasoId"/>, a manual change of stage): the client's history in the process.
/// The unique keys (company, client, step, business date) and (company, client, step, cycle) make each step happen once: the run
/// inserts the row with ON CONFLICT DO NOTHING and acts only if it inserted it, in the same transaction as the action's writes.
/// </summary>
public sealed class PasoAplicado : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public Guid? PasoId { get; init; }
    public required string Nombre { get; init; }
    public required string Etapa { get; init; }
    public string? Accion { get; init; }

    /// <summary>The business date it was applied on.</summary>
    public DateOnly Fecha { get; init; }

    /// <summary>The due date of the oldest open document that drove it: the cycle. A step is not repeated within a cycle.</summary>
    public DateOnly? VencimientoCiclo { get; init; }

    public int? DiasVencido { get; init; }
    public string? Detalle { get; set; }

    /// <summary>The letter's PDF in <see cref="SharedKernel.Archivos.IAlmacenArchivos"/> (carta only).</summary>
    public string? ArchivoClave { get; set; }

    public string? Motivo { get; init; }
    public required string RegistradoPor { get; init; }
    public DateTimeOffset Creado { get; init; }
}

public sealed class PasoPoliticaConfiguracion : IEntityTypeConfiguration<PasoPolitica>
{
    public void Configure(EntityTypeBuilder<PasoPolitica> e)
    {
        e.ToTable("pasos_politica");
        e.HasIndex(x => new { x.EmpresaId, x.Orden }).IsUnique();
        e.Property(x => x.Nombre).HasMaxLength(LargosPolitica.NombrePaso);
        e.Property(x => x.Etapa).HasMaxLength(20);
        e.Property(x => x.Accion).HasMaxLength(30);
        e.Property(x => x.TipoTarea).HasMaxLength(30);
        e.Property(x => x.Plantilla).HasMaxLength(LargosPolitica.Plantilla);
        e.Property(x => x.MontoMinimoVencido).HasPrecision(18, 2);
    }
}

public sealed class PasoAplicadoConfiguracion : IEntityTypeConfiguration<PasoAplicado>
{
    public void Configure(EntityTypeBuilder<PasoAplicado> e)
    {
        e.ToTable("pasos_aplicados");
        e.HasIndex(x => new { x.EmpresaId, x.ClienteId, x.PasoId, x.Fecha }).IsUnique();
        e.HasIndex(x => new { x.EmpresaId, x.ClienteId, x.PasoId, x.VencimientoCiclo }).IsUnique();
        e.Property(x => x.Nombre).HasMaxLength(LargosPolitica.NombrePaso);
        e.Property(x => x.Etapa).HasMaxLength(20);
        e.Property(x => x.Accion).HasMaxLength(30);
        e.Property(x => x.Detalle).HasMaxLength(LargosGestion.Motivo);
        e.Property(x => x.ArchivoClave).HasMaxLength(64);
        e.Property(x => x.Motivo).HasMaxLength(LargosGestion.Motivo);
        e.Property(x => x.RegistradoPor).HasMaxLength(200);
    }
}

public static class LargosPolitica
{
    public const int NombrePaso = 100;
    public const int Plantilla = 20_000;
    public const int Segmento = 50;
    public const int MaxPasos = 30;
}
