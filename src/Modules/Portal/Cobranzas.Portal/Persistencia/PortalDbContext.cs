using Cobranzas.SharedKernel.Persistence;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Portal.Persistencia;

/// <summary>The portal's own tables: access links, sessions and the client's requests (pointers to Gestión's tasks and disputes).</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options, IContextoSolicitud contexto, TimeProvider reloj)
    : ModuloDbContext(options, contexto, reloj)
{
    public const string Esquema = "portal";

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Esquema);
        b.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        base.OnModelCreating(b);
    }
}
