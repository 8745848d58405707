using Cobranzas.SharedKernel.Persistence;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Persistencia;

public sealed class ClientesDbContext(DbContextOptions<ClientesDbContext> options, IContextoSolicitud contexto, TimeProvider reloj)
    : ModuloDbContext(options, contexto, reloj)
{
    public const string Esquema = "clientes";

    public DbSet<Cliente> Clientes => Set<Cliente>();
    public DbSet<Contacto> Contactos => Set<Contacto>();
    public DbSet<HistorialEstadoCredito> HistorialEstados => Set<HistorialEstadoCredito>();
    public DbSet<PoliticaCredito> Politicas => Set<PoliticaCredito>();
    public DbSet<GrupoClientes> GruposClientes => Set<GrupoClientes>();
    public DbSet<MiembroGrupoClientes> MiembrosGruposClientes => Set<MiembroGrupoClientes>();
    public DbSet<GrupoContactos> GruposContactos => Set<GrupoContactos>();
    public DbSet<MiembroGrupoContactos> MiembrosGruposContactos => Set<MiembroGrupoContactos>();

    /// <summary>
    /// <c>clientes.sin_acentos(texto)</c>: lower case without accents, an immutable wrapper over <c>unaccent</c> so the
    /// trigram indexes on names can use it (migration <c>BusquedaSinAcentos</c>). SQL only.
    /// </summary>
    public static string SinAcentos(string? texto) => throw new InvalidOperationException("Sólo en consultas SQL.");

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Esquema);
        b.HasPostgresExtension("pg_trgm");
        b.HasPostgresExtension("unaccent");
        b.HasDbFunction(typeof(ClientesDbContext).GetMethod(nameof(SinAcentos))!).HasName("sin_acentos").HasSchema(Esquema);

        b.ApplyConfiguration(new Comunas.ComunaConfiguracion());
        b.ApplyConfiguration(new Aprobaciones.NivelAprobacionConfiguracion());
        b.ApplyConfiguration(new Aprobaciones.AprobacionConfiguracion());
        b.ApplyConfiguration(new Credito.SolicitudCreditoConfiguracion());
        b.ApplyConfiguration(new Credito.PonderacionesScoreConfiguracion());
        b.ApplyConfiguration(new Credito.PolizaSeguroConfiguracion());
        b.ApplyConfiguration(new Credito.ClienteAseguradoConfiguracion());
        b.ApplyConfiguration(new Credito.AvisoSiniestroConfiguracion());
        b.ApplyConfiguration(new Documentacion.DocumentoClienteConfiguracion());
        b.Entity<Cliente>(e =>
        {
            e.HasIndex(x => new { x.EmpresaId, x.Rut }).IsUnique();
            e.HasIndex(x => x.RazonSocial).HasMethod("gin").HasOperators("gin_trgm_ops");
            e.HasIndex(x => x.NombreFantasia).HasMethod("gin").HasOperators("gin_trgm_ops");
            e.HasIndex(x => new { x.EmpresaId, x.Segmento });
            e.HasIndex(x => new { x.EmpresaId, x.RazonSocial, x.Id });
            e.Property(x => x.Rut).HasMaxLength(10);
            e.Property(x => x.RazonSocial).HasMaxLength(LargosCliente.RazonSocial);
            e.Property(x => x.NombreFantasia).HasMaxLength(LargosCliente.RazonSocial);
            e.Property(x => x.Giro).HasMaxLength(LargosCliente.Giro);
            e.Property(x => x.Direccion).HasMaxLength(LargosCliente.Direccion);
            e.Property(x => x.Comuna).HasMaxLength(LargosCliente.Lugar);
            e.Property(x => x.Region).HasMaxLength(LargosCliente.Lugar);
            e.Property(x => x.Segmento).HasMaxLength(LargosCliente.Segmento);
            e.Property(x => x.EstadoCredito).HasMaxLength(20);
            e.Property(x => x.MotivoEstado).HasMaxLength(LargosCliente.Motivo);
            e.OwnsOne(x => x.Condiciones, c => c.ToJson());
            e.OwnsMany(x => x.Excepciones, x =>
            {
                x.ToTable("excepciones_autorizadas");
                x.WithOwner().HasForeignKey("ClienteId");
                x.HasKey(p => p.Id);
                x.Property(p => p.Id).ValueGeneratedNever();
                x.Property(p => p.Descripcion).HasMaxLength(500);
                x.Property(p => p.AprobadaPor).HasMaxLength(200);
            });
            e.Property<uint>("xmin").IsRowVersion();
        });
        b.Entity<Contacto>(e =>
        {
            e.HasOne(x => x.Cliente).WithMany(c => c.Contactos).HasForeignKey(x => x.ClienteId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Nombre).HasMaxLength(200);
            e.Property(x => x.Cargo).HasMaxLength(100);
            e.Property(x => x.Rol).HasMaxLength(20);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.Telefono).HasMaxLength(30);
            e.Property(x => x.CanalPreferido).HasMaxLength(20);
            // Rows written by COPY (imports) get the database default; EF sends false explicitly (the sentinel is true).
            e.Property(x => x.Activo).HasDefaultValue(true).HasSentinel(true);
        });
        b.Entity<HistorialEstadoCredito>(e => e.HasIndex(x => new { x.ClienteId, x.Fecha }));
        b.Entity<PoliticaCredito>(e =>
        {
            e.HasIndex(x => new { x.EmpresaId, x.Segmento }).IsUnique();
            e.Property(x => x.Segmento).HasMaxLength(LargosCliente.Segmento);
            e.Property(x => x.Garantia).HasMaxLength(100);
            e.Property(x => x.MonedaLimite).HasMaxLength(3);
            e.Property(x => x.LimiteCredito).HasPrecision(18, 4);
        });
        b.Entity<GrupoClientes>(e =>
        {
            e.HasIndex(x => new { x.EmpresaId, x.Nombre }).IsUnique();
            e.Property(x => x.Nombre).HasMaxLength(100);
            e.Property(x => x.Descripcion).HasMaxLength(500);
        });
        b.Entity<MiembroGrupoClientes>(e =>
        {
            e.HasKey(x => new { x.GrupoId, x.ClienteId });
            e.HasOne<GrupoClientes>().WithMany(g => g.Miembros).HasForeignKey(x => x.GrupoId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Cliente).WithMany().HasForeignKey(x => x.ClienteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<GrupoContactos>(e =>
        {
            e.HasIndex(x => new { x.EmpresaId, x.Nombre }).IsUnique();
            e.Property(x => x.Nombre).HasMaxLength(100);
            e.Property(x => x.Descripcion).HasMaxLength(500);
        });
        b.Entity<MiembroGrupoContactos>(e =>
        {
            e.HasKey(x => new { x.GrupoId, x.ContactoId });
            e.HasOne<GrupoContactos>().WithMany(g => g.Miembros).HasForeignKey(x => x.GrupoId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Contacto).WithMany().HasForeignKey(x => x.ContactoId).OnDelete(DeleteBehavior.Cascade);
        });

        base.OnModelCreating(b);
    }
}

public static class LargosCliente
{
    public const int RazonSocial = 200;
    public const int Giro = 200;
    public const int Direccion = 300;
    public const int Lugar = 100;
    public const int Segmento = 50;
    public const int Motivo = 500;
}
