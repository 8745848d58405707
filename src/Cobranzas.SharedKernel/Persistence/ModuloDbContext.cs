using System.Linq.Expressions;
using Cobranzas.SharedKernel.Auditoria;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.SharedKernel.Persistence;

/// <summary>
/// Base of every module's DbContext: rows of other companies are invisible (global filter),
/// new rows get the caller's company, and every write is audited in the same transaction.
/// </summary>
public abstract class ModuloDbContext(DbContextOptions options, IContextoSolicitud contexto, TimeProvider reloj) : DbContext(options)
{
    protected IContextoSolicitud Contexto { get; } = contexto;

    // Read by the query filters on every query; a context without company sees nothing.
    public Guid EmpresaActual => Contexto.TieneEmpresa ? Contexto.EmpresaId : Guid.Empty;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        foreach (var tipo in modelBuilder.Model.GetEntityTypes().Where(t => typeof(IEntidadDeEmpresa).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            var e = Expression.Parameter(tipo.ClrType, "e");
            var filtro = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(e, nameof(IEntidadDeEmpresa.EmpresaId)),
                    Expression.Property(Expression.Constant(this), nameof(EmpresaActual))),
                e);
            modelBuilder.Entity(tipo.ClrType).HasQueryFilter(filtro);
            modelBuilder.Entity(tipo.ClrType).HasIndex(nameof(IEntidadDeEmpresa.EmpresaId));
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AsignarEmpresa();
        return RegistroAuditoria.GuardarConAuditoriaAsync(this, Contexto, reloj, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);
    }

    private void AsignarEmpresa()
    {
        foreach (var entry in ChangeTracker.Entries<IEntidadDeEmpresa>())
        {
            if (entry.State == EntityState.Added && entry.Entity.EmpresaId == Guid.Empty)
                entry.Entity.EmpresaId = EmpresaActual;

            if (entry.State != EntityState.Unchanged && Contexto.TieneEmpresa && entry.Entity.EmpresaId != Contexto.EmpresaId)
                throw new InvalidOperationException($"Intento de escribir {entry.Metadata.ClrType.Name} de otra empresa.");
        }
    }
}
