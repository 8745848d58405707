using Npgsql;

namespace Cobranzas.Testing.Infraestructura;

/// <summary>
/// The PostgreSQL server of the run: the one in COBRANZAS_TEST_PG (build/test.sh), or a
/// throw-away cluster started here so that a plain <c>dotnet test</c> also works.
/// </summary>
public sealed class ClusterPostgres : IAsyncDisposable
{
    public const string Variable = "COBRANZAS_TEST_PG";

    private readonly string? _directorio;
    private readonly string? _pgCtl;

    private ClusterPostgres(string conexionAdministrador, string? directorio = null, string? pgCtl = null)
    {
        ConexionAdministrador = conexionAdministrador;
        _directorio = directorio;
        _pgCtl = pgCtl;
    }

    /// <summary>Connection to a database where CREATE DATABASE is allowed.</summary>
    public string ConexionAdministrador { get; }

    public static async Task<ClusterPostgres> ObtenerAsync()
    {
        var dada = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(dada) ? await IniciarPropioAsync() : new ClusterPostgres(dada);
    }

    private static async Task<ClusterPostgres> IniciarPropioAsync()
    {
        string[] extras = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).ToArray() : [];
        var initdb = Procesos.BuscarEnPath("initdb", extras);
        var pgCtl = Procesos.BuscarEnPath("pg_ctl", extras);
        if (initdb is null || pgCtl is null)
            throw new InvalidOperationException($"Falta {Variable} y no hay binarios de PostgreSQL (initdb, pg_ctl) para levantar un clúster propio: instale postgresql-15 o use build/test.sh.");

        var directorio = Path.Combine(Path.GetTempPath(), $"cobranzas-test-pg-{Guid.NewGuid():N}"[..32]);
        Directory.CreateDirectory(directorio);
        if (Environment.IsPrivilegedProcess)
            await Procesos.EjecutarAsync("chown", ["postgres", directorio]);

        var datos = Path.Combine(directorio, "data");
        await Procesos.EjecutarComoPostgresAsync(initdb, "-D", datos, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        var puerto = Procesos.PuertoLibre();
        var opciones = $"-p {puerto} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await Procesos.EjecutarComoPostgresAsync(pgCtl, "-D", datos, "-l", Path.Combine(directorio, "postgres.log"), "-o", opciones, "-w", "-t", "60", "start");
        return new ClusterPostgres($"Host=127.0.0.1;Port={puerto};Username=postgres;Database=postgres", directorio, pgCtl);
    }

    /// <summary>Drops and creates the database of one test assembly; answers its connection string.</summary>
    public async Task<string> RecrearBaseAsync(string nombre)
    {
        await using (var conexion = new NpgsqlConnection(ConexionAdministrador))
        {
            await conexion.OpenAsync();
            await using var borrar = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{nombre}" WITH (FORCE)""", conexion);
            await borrar.ExecuteNonQueryAsync();
            await using var crear = new NpgsqlCommand($"""CREATE DATABASE "{nombre}" ENCODING 'UTF8' TEMPLATE template0""", conexion);
            await crear.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConexionAdministrador) { Database = nombre, IncludeErrorDetail = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_directorio is null || _pgCtl is null)
            return;
        try
        {
            await Procesos.EjecutarComoPostgresAsync(_pgCtl, "-D", Path.Combine(_directorio, "data"), "-m", "immediate", "-w", "-t", "30", "stop");
        }
        finally
        {
            Directory.Delete(_directorio, recursive: true);
        }
    }
}
