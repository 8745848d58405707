using Cobranzas.SharedKernel.Persistence;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Notificaciones.Persistencia;

/// <summary>
/// The module's tables. The core ones (deposit accounts, definitions, the outbox/delivery log, its events, settings) are mapped
/// here; a feature that needs more maps its own tables in an <see cref="IEntityTypeConfiguration{TEntity}"/> beside its slices.
/// </summary>
public sealed class NotificacionesDbContext(DbContextOptions<NotificacionesDbContext> options, IContextoSolicitud contexto, TimeProvider reloj)
    : ModuloDbContext(options, contexto, reloj)
{
    public const string Esquema = "notificaciones";

    public DbSet<CuentaDeposito> CuentasDeposito => Set<CuentaDeposito>();
    public DbSet<DefinicionNotificacion> Definiciones => Set<DefinicionNotificacion>();
    public DbSet<Envio> Envios => Set<Envio>();
    public DbSet<EventoEnvio> Eventos => Set<EventoEnvio>();
    public DbSet<ConfiguracionNotificaciones> Configuraciones => Set<ConfiguracionNotificaciones>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Esquema);

        b.Entity<CuentaDeposito>(e =>
        {
            e.ToTable("cuentas_deposito");
            e.Property(x => x.Banco).HasMaxLength(LargosNotificaciones.Nombre);
            e.Property(x => x.TipoCuenta).HasMaxLength(20);
            e.Property(x => x.Numero).HasMaxLength(30);
            e.Property(x => x.Titular).HasMaxLength(LargosNotificaciones.Nombre);
            e.Property(x => x.RutTitular).HasMaxLength(12);
            e.Property(x => x.EmailNotificacion).HasMaxLength(LargosNotificaciones.Email);
            e.HasIndex(x => new { x.EmpresaId, x.Banco, x.Numero }).IsUnique();
            e.HasIndex(x => x.EmpresaId).IsUnique().HasFilter("por_defecto");
        });
        b.Entity<DefinicionNotificacion>(e =>
        {
            e.ToTable("definiciones");
            e.Property(x => x.Tipo).HasMaxLength(30);
            e.Property(x => x.Asunto).HasMaxLength(LargosNotificaciones.Asunto);
            e.Property(x => x.Descripcion).HasMaxLength(LargosNotificaciones.Descripcion);
            e.Property(x => x.Frecuencia).HasMaxLength(20);
            e.Property(x => x.Modo).HasMaxLength(20);
            e.Property(x => x.Plantilla).HasMaxLength(SharedKernel.Plantillas.MotorPlantillas.LargoMaximoFuente);
            e.Property(x => x.Firma).HasMaxLength(LargosNotificaciones.Firma);
            e.Property(x => x.LogoClave).HasMaxLength(200);
            e.Property(x => x.LogoContentType).HasMaxLength(100);
            e.Property(x => x.ResponderA).HasMaxLength(LargosNotificaciones.Email);
            e.Property(x => x.MontoVencidoMinimo).HasPrecision(18, 4);
            e.HasIndex(x => new { x.EmpresaId, x.Asunto });
        });
        b.Entity<Envio>(e =>
        {
            e.ToTable("envios");
            e.Property(x => x.Clave).HasMaxLength(200);
            e.HasIndex(x => new { x.EmpresaId, x.Clave }).IsUnique();
            e.Property(x => x.Origen).HasMaxLength(20);
            e.Property(x => x.Asunto).HasMaxLength(LargosNotificaciones.Asunto);
            e.Property(x => x.ResponderA).HasMaxLength(LargosNotificaciones.Email);
            e.Property(x => x.MessageId).HasMaxLength(200);
            e.HasIndex(x => x.MessageId).IsUnique();
            e.Property(x => x.Estado).HasMaxLength(20);
            e.Property(x => x.Detalle).HasMaxLength(LargosNotificaciones.Detalle);
            // The sender's claim reads the outbox in this order and stops at its batch; by due time alone it sorted every pending row per claim.
            e.HasIndex(x => new { x.ProximoIntento, x.Id }).HasFilter("estado = 'pendiente'").HasDatabaseName("ix_envios_pendientes");
            e.HasIndex(x => x.Enviado).HasFilter("estado = 'enviado' AND NOT actividad_registrada").HasDatabaseName("ix_envios_sin_actividad");
            e.HasIndex(x => new { x.EmpresaId, x.Creado });
            e.HasIndex(x => new { x.EmpresaId, x.ClienteId, x.Creado });
            e.HasIndex(x => new { x.EmpresaId, x.DefinicionId, x.FechaNegocio });
            e.HasOne<DefinicionNotificacion>().WithMany().HasForeignKey(x => x.DefinicionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<EventoEnvio>(e =>
        {
            e.ToTable("eventos_envio");
            e.Property(x => x.Tipo).HasMaxLength(30);
            e.Property(x => x.Detalle).HasMaxLength(LargosNotificaciones.Detalle);
            e.HasIndex(x => new { x.EmpresaId, x.EnvioId, x.Fecha });
            e.HasOne<Envio>().WithMany().HasForeignKey(x => x.EnvioId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ConfiguracionNotificaciones>(e =>
        {
            e.ToTable("configuracion");
            e.HasKey(x => x.EmpresaId);
            e.Property(x => x.EmpresaId).ValueGeneratedNever();
            e.Property(x => x.NombreRemitente).HasMaxLength(LargosNotificaciones.Nombre);
            e.Property(x => x.ResponderA).HasMaxLength(LargosNotificaciones.Email);
            e.Property(x => x.PlantillaAcuse).HasMaxLength(SharedKernel.Plantillas.MotorPlantillas.LargoMaximoFuente);
        });

        b.ApplyConfigurationsFromAssembly(typeof(NotificacionesDbContext).Assembly);
        base.OnModelCreating(b);
    }
}

public static class LargosNotificaciones
{
    public const int Nombre = 200;
    public const int Email = 254;
    public const int Asunto = 200;
    public const int Descripcion = 1000;
    public const int Firma = 2000;
    public const int Detalle = 2000;
}
