using Cobranzas.SharedKernel.Persistence;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Integraciones.Persistencia;

/// <summary>
/// The module's tables. Each area maps its own tables in an <see cref="IEntityTypeConfiguration{TEntity}"/> beside its slices
/// (providers and payment links, webhooks, accounting export), so the areas grow without touching each other.
/// </summary>
public sealed class IntegracionesDbContext(DbContextOptions<IntegracionesDbContext> options, IContextoSolicitud contexto, TimeProvider reloj)
    : ModuloDbContext(options, contexto, reloj)
{
    public const string Esquema = "integraciones";

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Esquema);
        b.ApplyConfigurationsFromAssembly(typeof(IntegracionesDbContext).Assembly);
        base.OnModelCreating(b);
    }
}
