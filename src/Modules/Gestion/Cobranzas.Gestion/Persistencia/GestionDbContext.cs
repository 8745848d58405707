using Cobranzas.Gestion.Feriados;
using Cobranzas.SharedKernel.Persistence;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Persistencia;

/// <summary>
/// The module's tables. The core ones (collectors, assignment, stage, tasks, activities, holidays, settings) are mapped here;
/// each feature maps its own tables in an <see cref="IEntityTypeConfiguration{TEntity}"/> beside its slices.
/// </summary>
public sealed class GestionDbContext(DbContextOptions<GestionDbContext> options, IContextoSolicitud contexto, TimeProvider reloj)
    : ModuloDbContext(options, contexto, reloj)
{
    public const string Esquema = "gestion";

    public DbSet<Cobrador> Cobradores => Set<Cobrador>();
    public DbSet<AsignacionCliente> Asignaciones => Set<AsignacionCliente>();
    public DbSet<EtapaCliente> Etapas => Set<EtapaCliente>();
    public DbSet<Tarea> Tareas => Set<Tarea>();
    public DbSet<TipoActividad> TiposActividad => Set<TipoActividad>();
    public DbSet<Actividad> Actividades => Set<Actividad>();
    public DbSet<Feriado> Feriados => Set<Feriado>();
    public DbSet<ConfiguracionGestion> Configuraciones => Set<ConfiguracionGestion>();
    public DbSet<PausaEscalamiento> Pausas => Set<PausaEscalamiento>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Esquema);

        b.Entity<Cobrador>(e =>
        {
            e.ToTable("cobradores");
            e.Property(x => x.Nombre).HasMaxLength(LargosGestion.Nombre);
            e.Property(x => x.Email).HasMaxLength(LargosGestion.Email);
            e.Property(x => x.Telefono).HasMaxLength(LargosGestion.Telefono);
            e.Property(x => x.UsuarioId).HasMaxLength(LargosGestion.UsuarioId);
            e.HasIndex(x => new { x.EmpresaId, x.UsuarioId }).IsUnique().HasFilter("usuario_id IS NOT NULL");
            e.HasIndex(x => new { x.EmpresaId, x.Nombre }).IsUnique();
        });
        b.Entity<AsignacionCliente>(e =>
        {
            e.ToTable("asignaciones");
            e.HasKey(x => new { x.EmpresaId, x.ClienteId });
            e.HasIndex(x => new { x.EmpresaId, x.CobradorId });
            e.Property(x => x.Origen).HasMaxLength(20);
            e.HasOne<Cobrador>().WithMany().HasForeignKey(x => x.CobradorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<EtapaCliente>(e =>
        {
            e.ToTable("etapas_cliente");
            e.HasKey(x => new { x.EmpresaId, x.ClienteId });
            e.Property(x => x.Etapa).HasMaxLength(20);
        });
        b.Entity<Tarea>(e =>
        {
            e.ToTable("tareas");
            e.HasIndex(x => new { x.EmpresaId, x.CobradorId, x.Estado, x.Fecha });
            e.HasIndex(x => new { x.EmpresaId, x.ClienteId, x.Fecha });
            e.Property(x => x.Tipo).HasMaxLength(30);
            e.Property(x => x.Origen).HasMaxLength(20);
            e.Property(x => x.Titulo).HasMaxLength(LargosGestion.Titulo);
            e.Property(x => x.Motivo).HasMaxLength(LargosGestion.Motivo);
            e.Property(x => x.Estado).HasMaxLength(20);
            e.Property(x => x.CompletadaPor).HasMaxLength(200);
            e.Property(x => x.Resultado).HasMaxLength(LargosGestion.Notas);
            e.HasOne<Cobrador>().WithMany().HasForeignKey(x => x.CobradorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<TipoActividad>(e =>
        {
            e.ToTable("tipos_actividad");
            e.HasIndex(x => new { x.EmpresaId, x.Nombre }).IsUnique();
            e.Property(x => x.Nombre).HasMaxLength(LargosGestion.Nombre);
            e.Property(x => x.Tipo).HasMaxLength(30);
            e.Property(x => x.Descripcion).HasMaxLength(LargosGestion.Motivo);
            e.Property(x => x.Canal).HasMaxLength(20);
        });
        b.Entity<Actividad>(e =>
        {
            e.ToTable("actividades");
            e.HasIndex(x => new { x.EmpresaId, x.ClienteId, x.Fecha });
            e.HasIndex(x => new { x.EmpresaId, x.CobradorId, x.Fecha });
            // A sent message is in the timeline once: the sender's batches insert with ON CONFLICT on it, and it finds them by message id.
            e.HasIndex(x => new { x.EmpresaId, x.OrigenId }).IsUnique().HasFilter("origen = 'correo_enviado'");
            e.Property(x => x.Canal).HasMaxLength(20);
            e.Property(x => x.Resultado).HasMaxLength(30);
            e.Property(x => x.Notas).HasMaxLength(LargosGestion.Notas);
            e.Property(x => x.RegistradaPor).HasMaxLength(200);
            e.Property(x => x.Origen).HasMaxLength(20);
            e.Property(x => x.MotivoExcepcion).HasMaxLength(LargosGestion.Motivo);
            e.HasOne<TipoActividad>().WithMany().HasForeignKey(x => x.TipoActividadId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Cobrador>().WithMany().HasForeignKey(x => x.CobradorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Feriado>(e =>
        {
            e.ToTable("feriados");
            e.HasKey(x => new { x.Fecha, x.Nombre });
            e.Property(x => x.Nombre).HasMaxLength(LargosGestion.Nombre);
            e.Property(x => x.Region).HasMaxLength(LargosGestion.Nombre);
            e.Property(x => x.Version).HasMaxLength(20);
            e.HasData(FeriadosChile.Tabla);
        });
        b.Entity<ConfiguracionGestion>(e =>
        {
            e.ToTable("configuraciones");
            e.HasKey(x => x.EmpresaId);
            e.Property(x => x.EmpresaId).ValueGeneratedNever();
        });

        b.Entity<PausaEscalamiento>(e =>
        {
            e.ToTable("pausas_escalamiento");
            e.HasIndex(x => new { x.EmpresaId, x.ClienteId });
            e.HasIndex(x => new { x.EmpresaId, x.Motivo, x.OrigenId });
            e.Property(x => x.Motivo).HasMaxLength(20);
        });

        b.ApplyConfigurationsFromAssembly(typeof(GestionDbContext).Assembly);
        base.OnModelCreating(b);
    }
}

public static class LargosGestion
{
    public const int Nombre = 200;
    public const int Email = 254;
    public const int Telefono = 30;
    public const int UsuarioId = 64;
    public const int Titulo = 200;
    public const int Motivo = 500;
    public const int Notas = 4000;
}
