using Cobranzas.SharedKernel.Auditoria;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Platform.Persistencia;

public sealed class PlataformaDbContext(DbContextOptions<PlataformaDbContext> options, IContextoSolicitud contexto, TimeProvider reloj)
    : IdentityDbContext<Usuario>(options)
{
    public const string Esquema = "plataforma";

    public DbSet<Empresa> Empresas => Set<Empresa>();
    public DbSet<Membresia> Membresias => Set<Membresia>();
    public DbSet<Invitacion> Invitaciones => Set<Invitacion>();
    public DbSet<Sesion> Sesiones => Set<Sesion>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<EntradaAuditoria> Auditoria => Set<EntradaAuditoria>();
    public DbSet<CorreoSaliente> CorreosSalientes => Set<CorreoSaliente>();
    public DbSet<ClaveProteccionDatos> ClavesProteccionDatos => Set<ClaveProteccionDatos>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Esquema);

        builder.Entity<Usuario>().Property(u => u.Nombre).HasMaxLength(200);
        builder.Entity<Empresa>(e =>
        {
            e.Property(x => x.Rut).HasMaxLength(12);
            e.HasIndex(x => x.Rut).IsUnique();
            e.Property(x => x.RazonSocial).HasMaxLength(200);
        });
        builder.Entity<Membresia>(e =>
        {
            e.HasIndex(x => new { x.EmpresaId, x.UsuarioId }).IsUnique();
            e.Property(x => x.Rol).HasMaxLength(30);
            e.HasOne(x => x.Usuario).WithMany().HasForeignKey(x => x.UsuarioId);
            e.HasOne(x => x.Empresa).WithMany().HasForeignKey(x => x.EmpresaId);
        });
        builder.Entity<Invitacion>(e => e.HasIndex(x => x.TokenHash).IsUnique());
        builder.Entity<Sesion>(e => e.HasIndex(x => x.Expira));
        builder.Entity<ApiKey>(e =>
        {
            e.HasIndex(x => x.Prefijo).IsUnique();
            e.HasIndex(x => x.EmpresaId);
            e.Property(x => x.Nombre).HasMaxLength(100);
            e.Property(x => x.Alcance).HasMaxLength(30);
        });
        builder.Entity<EntradaAuditoria>(e =>
        {
            e.ToTable("auditoria");
            e.Property(x => x.Antes).HasColumnType("jsonb");
            e.Property(x => x.Despues).HasColumnType("jsonb");
            e.HasIndex(x => new { x.EmpresaId, x.Fecha });
            e.HasIndex(x => new { x.EmpresaId, x.Entidad, x.EntidadId });
        });
        builder.Entity<CorreoSaliente>(e => e.HasIndex(x => new { x.Enviado, x.ProximoIntento }));
        builder.Entity<ClaveProteccionDatos>(e =>
        {
            e.ToTable("claves_proteccion_datos");
            e.Property(x => x.Nombre).HasMaxLength(200);
            e.HasIndex(x => x.Nombre).IsUnique();
        });
        builder.Entity<Idempotencia.ClaveIdempotencia>(e =>
        {
            e.ToTable("claves_idempotencia");
            e.HasKey(x => new { x.EmpresaId, x.Clave });
            e.Property(x => x.Clave).HasMaxLength(Idempotencia.IdempotenciaMiddleware.LargoMaximo);
            e.Property(x => x.Ruta).HasMaxLength(500);
            e.Property(x => x.TipoContenido).HasMaxLength(200);
            e.Property(x => x.Ubicacion).HasMaxLength(2000);
            e.HasIndex(x => x.Expira);
        });
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        RegistroAuditoria.GuardarConAuditoriaAsync(this, contexto, reloj, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();
}
