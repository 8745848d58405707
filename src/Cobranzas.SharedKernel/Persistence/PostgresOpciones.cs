using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cobranzas.SharedKernel.Persistence;

public static class PostgresOpciones
{
    public const string NombreConexion = "Cobranzas";

    public static string Conexion(IConfiguration configuracion) =>
        configuracion.GetConnectionString(NombreConexion)
        ?? throw new InvalidOperationException("Falta ConnectionStrings:Cobranzas (variable ConnectionStrings__Cobranzas).");

    /// <summary>Common options for every module: its own schema and migrations history, snake_case names.</summary>
    public static void Configurar(DbContextOptionsBuilder opciones, NpgsqlDataSource fuente, string esquema) =>
        opciones
            .UseNpgsql(fuente, npgsql => npgsql.MigrationsHistoryTable("__migraciones", esquema))
            .UseSnakeCaseNamingConvention();

    /// <summary>The module's DbContext on the host's shared data source, in its own schema.</summary>
    public static IServiceCollection AddContextoModulo<TContexto>(this IServiceCollection services, string esquema)
        where TContexto : DbContext =>
        services.AddDbContext<TContexto>((sp, o) => Configurar(o, sp.GetRequiredService<NpgsqlDataSource>(), esquema));
}
