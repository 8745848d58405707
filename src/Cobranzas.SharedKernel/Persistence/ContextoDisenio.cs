using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Cobranzas.SharedKernel.Persistence;

/// <summary>Lets <c>dotnet ef</c> build a module's context without the web host.</summary>
public abstract class FabricaDisenio<TContext>(string esquema, Func<DbContextOptions<TContext>, IContextoSolicitud, TimeProvider, TContext> crear)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var fuente = new NpgsqlDataSourceBuilder("Host=localhost;Database=cobranzas_disenio").Build();
        var opciones = new DbContextOptionsBuilder<TContext>();
        PostgresOpciones.Configurar(opciones, fuente, esquema);
        return crear(opciones.Options, new ContextoSistema(), TimeProvider.System);
    }
}

/// <summary>A caller with no company: background work before it picks one, design-time tools.</summary>
public sealed class ContextoSistema : IContextoSolicitud
{
    public Guid EmpresaId => throw new InvalidOperationException("Sin empresa.");
    public bool TieneEmpresa => false;
    public string? UsuarioId => null;
    public Guid? ApiKeyId => null;
    public string? Rol => null;
    public string Actor => "sistema";
}
