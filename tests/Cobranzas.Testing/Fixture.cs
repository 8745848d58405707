using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Api.Infraestructura;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.Platform.Empresas;
using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing.Infraestructura;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace Cobranzas.Testing;

/// <summary>A company created for a test, with the credentials of its first administrator.</summary>
public sealed record EmpresaPrueba(Guid Id, string Rut, string RazonSocial, string EmailAdmin, string Password);

public sealed record UsuarioPrueba(string Id, string Email, string Password, string Rol);

/// <summary>The rows of every table a reset empties, and the stored files, as they were when taken (<see cref="Fixture.GuardarInstantaneaAsync"/>).</summary>
public sealed class Instantanea
{
    internal Instantanea(IReadOnlyList<(string Tabla, byte[] Filas)> tablas, IReadOnlyDictionary<string, byte[]> archivos)
    {
        Tablas = tablas;
        Archivos = archivos;
    }

    internal IReadOnlyList<(string Tabla, byte[] Filas)> Tablas { get; }

    /// <summary>Each stored file by its path under the host's folder.</summary>
    internal IReadOnlyDictionary<string, byte[]> Archivos { get; }
}

/// <summary>
/// One host and one database per test assembly (ContosoUniversity's SliceFixture idea):
/// started once by <see cref="FixtureEnsamblado"/>, reset by Respawn before each test (<see cref="ReiniciarBaseAsync"/>).
/// </summary>
public static class Fixture
{
    public const string Password = "Clave-Pruebas-2026";

    private static ClusterPostgres? _postgres;
    private static Maildev? _correo;
    private static BuzonImap? _imap;
    private static ApiFactory? _factory;
    private static string _sqlTablasConFilas = "";
    private static string[] _esquemas = [];
    private static readonly Dictionary<string, Respawner> _respawners = [];
    private static string _sqlContarFilas = "";
    private static Dictionary<string, string> _columnasCopiables = [];
    private static string _conexion = "";
    private static string[] _esquemasModulos = [];
    private static int _secuencia;

    public static ApiFactory Factory => _factory ?? throw new InvalidOperationException("El fixture no está iniciado (falta el [SetUpFixture] del ensamblado).");

    /// <summary>The host's clock: it only moves when a test moves it.</summary>
    public static FakeTimeProvider Reloj { get; } = new(DateTimeOffset.UtcNow);

    public static Maildev Correo => _correo ?? throw new InvalidOperationException("El fixture no está iniciado.");

    public static string Conexion => _conexion;

    /// <summary>The replies mailbox (real dovecot) the host reads over IMAP.</summary>
    public static BuzonImap Imap => _imap ?? throw new InvalidOperationException("No hay buzón IMAP: instale dovecot-imapd o use build/test.sh (COBRANZAS_TEST_IMAP_PORT).");

    /// <summary>
    /// Waits for the host's connections, not for a clock: until <paramref name="cantidad"/> of them wait on a lock (the test's, or the
    /// one ahead of them), at most 60 s. Each look is a new connection: inside the test's transaction PostgreSQL would keep showing the
    /// first snapshot of pg_stat_activity. The round trip of each look paces the loop.
    /// </summary>
    public static async Task EsperarBloqueadasAsync(int cantidad)
    {
        var limite = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var c = new NpgsqlConnection(Conexion);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0", c);
            if ((long)(await cmd.ExecuteScalarAsync())! >= cantidad)
                return;
            if (DateTime.UtcNow > limite)
                Assert.Fail($"Las {cantidad} solicitudes no llegaron a esperar el bloqueo de la prueba.");
        }
    }

    /// <summary>A number unique in this run, for RUTs, e-mails and names.</summary>
    public static int Siguiente() => Interlocked.Increment(ref _secuencia);

    /// <summary>An address never used before, not even by earlier runs that wrote to the same maildev.</summary>
    public static string EmailUnico(string prefijo, string dominio) => $"{prefijo}.{Guid.NewGuid().ToString("N")[..12]}@{dominio}";

    public static async Task IniciarAsync(string nombreBase)
    {
        _postgres = await ClusterPostgres.ObtenerAsync();
        _correo = Maildev.Obtener();
        await _correo.IniciarAsync();
        _imap = await BuzonImap.ObtenerAsync();
        _conexion = await _postgres.RecrearBaseAsync(nombreBase);
        _factory = new ApiFactory(_conexion, _correo.PuertoSmtp, Reloj, _imap);

        var configuracion = _factory.Services.GetRequiredService<IConfiguration>();
        if (configuracion.GetConnectionString("Cobranzas") != _conexion || configuracion.GetValue<bool>("Quartz:Habilitado"))
            throw new InvalidOperationException("El host no tomó la configuración de pruebas (¿variables de entorno ConnectionStrings__Cobranzas o Quartz__Habilitado?).");

        await ComandosConsola.MigrarAsync(_factory.Services);

        await using var conexion = new NpgsqlConnection(_conexion);
        await conexion.OpenAsync();
        var esquemas = await EsquemasAsync(conexion);
        _esquemasModulos = esquemas.Where(e => e != PlataformaDbContext.Esquema).ToArray();
        _esquemas = esquemas;
        _sqlTablasConFilas = await ConsultaTablasConFilasAsync(conexion, esquemas);
        _sqlContarFilas = await ConsultaContarFilasAsync(conexion);
        _columnasCopiables = await ColumnasCopiablesAsync(conexion, esquemas);
    }

    /// <summary>Each table's columns as COPY takes them ("schema"."table" → "a", "b"): all but the generated ones.</summary>
    private static async Task<Dictionary<string, string>> ColumnasCopiablesAsync(NpgsqlConnection conexion, string[] esquemas)
    {
        await using var comando = new NpgsqlCommand(
            """
            SELECT format('"%s"."%s"', n.nspname, c.relname), string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
            WHERE n.nspname = ANY(@esquemas) AND c.relkind = 'r'
            GROUP BY 1
            """, conexion);
        comando.Parameters.AddWithValue("esquemas", esquemas);
        var columnas = new Dictionary<string, string>();
        await using var lector = await comando.ExecuteReaderAsync();
        while (await lector.ReadAsync())
            columnas[lector.GetString(0)] = lector.GetString(1);
        return columnas;
    }

    /// <summary>
    /// One query naming the tables a reset must empty that hold rows. The Data Protection key ring outlives a reset, as in
    /// production (the host keeps its keys in memory and a second host reads them), and so do the reference tables the
    /// migrations fill (holidays, comunas).
    /// </summary>
    private static async Task<string> ConsultaTablasConFilasAsync(NpgsqlConnection conexion, string[] esquemas)
    {
        await using var comando = new NpgsqlCommand(
            """
            SELECT table_schema, table_name FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema = ANY(@esquemas) AND table_name <> '__migraciones'
              AND (table_schema, table_name) NOT IN (('gestion', 'feriados'), ('clientes', 'comunas'), ('plataforma', 'claves_proteccion_datos'),
                                                  ('notificaciones', 'clave_enlaces'))
            ORDER BY 1, 2
            """, conexion);
        comando.Parameters.AddWithValue("esquemas", esquemas);
        var consultas = new List<string>();
        await using var lector = await comando.ExecuteReaderAsync();
        while (await lector.ReadAsync())
        {
            var (esquema, tabla) = (lector.GetString(0), lector.GetString(1));
            consultas.Add($"SELECT '{esquema}', '{tabla}' WHERE EXISTS (SELECT FROM \"{esquema}\".\"{tabla}\")");
        }

        return string.Join("\nUNION ALL ", consultas);
    }

    public static async Task DetenerAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
        if (_correo is not null)
            await _correo.DisposeAsync();
        if (_imap is not null)
            await _imap.DisposeAsync();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }

    /// <summary>Every schema the migrations made (plataforma and each module's), except Quartz's job store.</summary>
    private static async Task<string[]> EsquemasAsync(NpgsqlConnection conexion)
    {
        await using var comando = new NpgsqlCommand(
            """
            SELECT DISTINCT table_schema FROM information_schema.tables
            WHERE table_name = '__migraciones' AND table_schema <> 'quartz'
            ORDER BY 1
            """, conexion);
        var esquemas = new List<string>();
        await using var lector = await comando.ExecuteReaderAsync();
        while (await lector.ReadAsync())
            esquemas.Add(lector.GetString(0));
        return esquemas.ToArray();
    }

    /// <summary>
    /// Respawn empties the tables that hold rows, not all of them: truncating every table gives each table and index a new file
    /// and invalidates every connection's catalog cache, which took longer than most tests (~0.3 s under load), while finding
    /// the tables with rows takes ~20 ms. A Respawner reads the schema's foreign keys when created (~0.5 s), so there is one per
    /// set of tables, and the same few sets come back test after test.
    /// </summary>
    public static async Task ReiniciarBaseAsync()
    {
        await using var conexion = new NpgsqlConnection(_conexion);
        await conexion.OpenAsync();
        var conFilas = await TablasConFilasAsync(conexion);
        if (conFilas.Count == 0)
            return;
        var clave = string.Join(",", conFilas.Select(t => $"{t.Schema}.{t.Name}"));
        if (!_respawners.TryGetValue(clave, out var respawner))
        {
            respawner = await Respawner.CreateAsync(conexion, new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres,
                SchemasToInclude = _esquemas,
                TablesToInclude = [.. conFilas],
            });
            _respawners[clave] = respawner;
        }

        await respawner.ResetAsync(conexion);
    }

    private static async Task<List<Table>> TablasConFilasAsync(NpgsqlConnection conexion, NpgsqlTransaction? transaccion = null)
    {
        var conFilas = new List<Table>();
        await using var comando = new NpgsqlCommand(_sqlTablasConFilas, conexion, transaccion);
        await comando.PrepareAsync();
        await using var lector = await comando.ExecuteReaderAsync();
        while (await lector.ReadAsync())
            conFilas.Add(new Table(lector.GetString(0), lector.GetString(1)));
        return conFilas;
    }

    private static string Nombre(Table tabla) => $"\"{tabla.Schema}\".\"{tabla.Name}\"";

    /// <summary>
    /// The database (the tables a reset empties) and the stored files as they are now, kept in memory: putting them back with
    /// <see cref="RestaurarAsync"/> takes a fraction of a second, where seeding the same data again through the API takes seconds.
    /// </summary>
    public static async Task<Instantanea> GuardarInstantaneaAsync()
    {
        await using var conexion = new NpgsqlConnection(_conexion);
        await conexion.OpenAsync();
        await using var transaccion = await conexion.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var tablas = new List<(string, byte[])>();
        foreach (var tabla in await TablasConFilasAsync(conexion, transaccion))
        {
            var nombre = Nombre(tabla);
            using var filas = new MemoryStream();
            await using (var copia = await conexion.BeginRawBinaryCopyAsync($"COPY {nombre} ({_columnasCopiables[nombre]}) TO STDOUT (FORMAT BINARY)"))
                await copia.CopyToAsync(filas);
            tablas.Add((nombre, filas.ToArray()));
        }

        await transaccion.CommitAsync();
        var carpeta = Factory.CarpetaArchivos;
        var archivos = Directory.Exists(carpeta)
            ? Directory.EnumerateFiles(carpeta, "*", SearchOption.AllDirectories).ToDictionary(a => Path.GetRelativePath(carpeta, a), File.ReadAllBytes)
            : [];
        return new Instantanea(tablas, archivos);
    }

    /// <summary>Resets the database (Respawn) and puts back the rows and files of <paramref name="instantanea"/>, ids and all.</summary>
    public static async Task RestaurarAsync(Instantanea instantanea)
    {
        await ReiniciarBaseAsync();
        await using (var conexion = new NpgsqlConnection(_conexion))
        {
            await conexion.OpenAsync();
            await using var transaccion = await conexion.BeginTransactionAsync();
            // Triggers stay off while the rows come back as they were: foreign keys (the order of tables does not matter) and the
            // triggers that keep read models, whose rows are in the snapshot too. Sequences are left ahead: new ids never collide.
            await using (var comando = new NpgsqlCommand("SET LOCAL session_replication_role = replica", conexion, transaccion))
                await comando.ExecuteNonQueryAsync();
            foreach (var (tabla, filas) in instantanea.Tablas)
            {
                await using var copia = await conexion.BeginRawBinaryCopyAsync($"COPY {tabla} ({_columnasCopiables[tabla]}) FROM STDIN (FORMAT BINARY)");
                await copia.WriteAsync(filas);
            }

            await transaccion.CommitAsync();
        }

        var carpeta = Factory.CarpetaArchivos;
        if (Directory.Exists(carpeta))
        {
            foreach (var archivo in Directory.EnumerateFiles(carpeta, "*", SearchOption.AllDirectories).ToList())
                if (!instantanea.Archivos.ContainsKey(Path.GetRelativePath(carpeta, archivo)))
                    File.Delete(archivo);
        }

        // Stored files are never rewritten (each has a key of its own), so one that exists is the one the snapshot holds.
        foreach (var (relativa, contenido) in instantanea.Archivos)
        {
            var ruta = Path.Combine(carpeta, relativa);
            if (File.Exists(ruta))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(ruta)!);
            await File.WriteAllBytesAsync(ruta, contenido);
        }
    }

    /// <summary>
    /// Row count of every table of the module schemas plus the audit log: a rejected request
    /// must leave all of them as they were.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, long>> ContarFilasAsync()
    {
        await using var conexion = new NpgsqlConnection(_conexion);
        await conexion.OpenAsync();
        var conteos = new SortedDictionary<string, long>();
        await using var contar = new NpgsqlCommand(_sqlContarFilas, conexion);
        await contar.PrepareAsync();
        await using var filas = await contar.ExecuteReaderAsync();
        while (await filas.ReadAsync())
            conteos[filas.GetString(0)] = filas.GetInt64(1);
        return conteos;
    }

    /// <summary>
    /// The tables only change with the migrations, so the count is one query built once per host. It runs prepared (Npgsql keeps
    /// the statement on each pooled connection): planning a statement over every table took ~15 ms, running the plan well under 1 ms.
    /// </summary>
    private static async Task<string> ConsultaContarFilasAsync(NpgsqlConnection conexion)
    {
        var tablas = new List<string> { "plataforma.auditoria" };
        await using var listar = new NpgsqlCommand(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema = ANY(@esquemas) AND table_type = 'BASE TABLE' AND table_name <> '__migraciones' ORDER BY 1",
            conexion);
        listar.Parameters.AddWithValue("esquemas", _esquemasModulos);
        await using var lector = await listar.ExecuteReaderAsync();
        while (await lector.ReadAsync())
            tablas.Add(lector.GetString(0));
        return string.Join(" UNION ALL ", tablas.Select(t => $"SELECT '{t}', count(*) FROM {t}"));
    }

    public static async Task<T> EnAmbitoAsync<T>(Func<IServiceProvider, Task<T>> accion)
    {
        await using var ambito = Factory.Services.CreateAsyncScope();
        return await accion(ambito.ServiceProvider);
    }

    public static Task EnAmbitoAsync(Func<IServiceProvider, Task> accion) =>
        EnAmbitoAsync(async sp =>
        {
            await accion(sp);
            return true;
        });

    /// <summary>Registers a company (not exposed over HTTP) with its administrator and default credit policies.</summary>
    public static async Task<EmpresaPrueba> CrearEmpresaAsync(string nombre, string? emailAdmin = null)
    {
        var n = Siguiente();
        var rut = SharedKernel.Rut.Rut.Desde(70_000_000 + n).Canonico;
        var email = emailAdmin ?? $"admin{n}@{Dominio(nombre)}";
        var id = await EnAmbitoAsync(sp => sp.GetRequiredService<IMediator>().Send(new RegistrarEmpresa(rut, nombre, email, $"Administrador {nombre}", Password)).AsTask());
        return new EmpresaPrueba(id, rut, nombre, email, Password);
    }

    /// <summary>A user with a password and a role in the company, created directly (no e-mail).</summary>
    public static async Task<UsuarioPrueba> CrearUsuarioAsync(EmpresaPrueba empresa, string rol, string? email = null)
    {
        email ??= $"{rol.ToLowerInvariant()}{Siguiente()}@{Dominio(empresa.RazonSocial)}";
        var id = await EnAmbitoAsync(async sp =>
        {
            sp.GetRequiredService<ContextoSolicitud>().Establecer(empresa.Id, "pruebas");
            var usuarios = sp.GetRequiredService<UserManager<Usuario>>();
            var usuario = new Usuario
            {
                UserName = email, Email = email, Nombre = $"{rol} de pruebas", EmailConfirmed = true, LockoutEnabled = true, Creado = Reloj.GetUtcNow(),
            };
            var creado = await usuarios.CreateAsync(usuario, Password);
            if (!creado.Succeeded)
                throw new InvalidOperationException(string.Join("; ", creado.Errors.Select(e => e.Description)));

            var db = sp.GetRequiredService<PlataformaDbContext>();
            db.Membresias.Add(new Membresia { EmpresaId = empresa.Id, UsuarioId = usuario.Id, Rol = rol, Creada = Reloj.GetUtcNow() });
            await db.SaveChangesAsync();
            return usuario.Id;
        });
        return new UsuarioPrueba(id, email, Password, rol);
    }

    /// <summary>A logged-in client of a new user with <paramref name="rol"/> in the company (Administrador: its first admin).</summary>
    public static async Task<HttpClient> ClienteHttpAsync(EmpresaPrueba empresa, string rol = Roles.Administrador)
    {
        if (rol == Roles.Administrador)
            return await IniciarSesionAsync(empresa.EmailAdmin, empresa.Password, empresa.Id);
        var usuario = await CrearUsuarioAsync(empresa, rol);
        return await IniciarSesionAsync(usuario.Email, usuario.Password, empresa.Id);
    }

    public static async Task<HttpClient> IniciarSesionAsync(string email, string password, Guid? empresaId = null)
    {
        var anonimo = ClienteAnonimo();
        var respuesta = await anonimo.PostAsJsonAsync("/api/v1/auth/login", new { email, password, empresaId });
        var sesion = await respuesta.JsonAsync();
        return ConToken((string)sesion["token"]!);
    }

    public static HttpClient ConToken(string token)
    {
        var cliente = ClienteAnonimo();
        cliente.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return cliente;
    }

    /// <summary>A client that authenticates with a new API key of the company ("lectura" or "lectura_escritura").</summary>
    public static async Task<HttpClient> ClienteConApiKeyAsync(EmpresaPrueba empresa, string alcance)
    {
        var admin = await ClienteHttpAsync(empresa);
        var creada = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { nombre = $"ERP {alcance} {Siguiente()}", alcance })).JsonAsync(201);
        return ConApiKey((string)creada["clave"]!);
    }

    public static HttpClient ConApiKey(string clave)
    {
        var cliente = ClienteAnonimo();
        cliente.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Encabezado, clave);
        return cliente;
    }

    public static HttpClient ClienteAnonimo() => Factory.CreateDefaultClient();

    private static string Dominio(string nombre) =>
        new string(nombre.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray()) is { Length: > 0 } d ? $"{d}.test" : "empresa.test";
}
