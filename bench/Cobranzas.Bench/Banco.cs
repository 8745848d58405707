using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Bogus;
using Cobranzas.Api.Infraestructura;
using Cobranzas.Platform.ApiKeys;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.Platform.Empresas;
using Cobranzas.SharedKernel.Rut;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Bench;

public static class Banco
{
    public static async Task<int> Main(string[] args)
    {
        // Measures the Clientes API against raw SQL on the same data, in one run, and prints ratios.
        // Usage: dotnet run -c Release --project bench/Cobranzas.Bench -- "<connection string of an empty database>" [todo|clientes|cartera] [escala]
        // Scale 1 = 100,000 clients (Cartera: 1M open documents, 4M paid history, 100k payments); 0.1 = a tenth of everything.
        var conexion = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("COBRANZAS_BENCH_PG")
            ?? throw new InvalidOperationException("Falta la cadena de conexión (argumento o COBRANZAS_BENCH_PG).");
        var parte = args.Length > 1 ? args[1] : "todo";
        var escala = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1.0;
        var cantidad = (int)(100_000 * escala);

        // The host's appsettings.json is copied next to this program; no source folder is needed.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_COBRANZAS_API", AppContext.BaseDirectory);
        // The escalation run does nothing on weekends and holidays: its part runs on the next business day at noon (Santiago).
        var diaHabil = SiguienteHabil(DateOnly.FromDateTime(DateTime.UtcNow));
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            if (parte is "escalamiento" or "notificaciones")
                b.ConfigureServices(s => s.AddSingleton<TimeProvider>(new RelojFijo(new DateTimeOffset(
                    TimeZoneInfo.ConvertTimeToUtc(diaHabil.ToDateTime(new TimeOnly(12, 0)), Cobranzas.SharedKernel.Tiempo.FechaNegocio.Santiago), TimeSpan.Zero))));
            b.UseSetting("ConnectionStrings:Cobranzas", conexion);
            b.UseSetting("Jwt:Clave", new string('b', 40));
            b.UseSetting("Quartz:Habilitado", "false");
            b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            // The webhooks part delivers to a receiver on loopback, which the SSRF protection refuses unless allow-listed.
            b.UseSetting("Integraciones:Webhooks:Permitidos:0", "127.0.0.1");
            // A quiet machine answers the reports' 30 timed calls + warm-up faster than the per-user limit of 120 a minute allows;
            // the bench measures speed, not the limiter.
            b.UseSetting("LimitesUso:Informes:Permitidas", "1000000");
            b.UseSetting("LimitesUso:Importaciones:Permitidas", "1000000");
        });
        await ComandosConsola.MigrarAsync(factory.Services);

        // COBRANZAS_BENCH_REUSAR (dashboard only): the database already holds the company and its data from an earlier run of
        // the same scenario and scale (bench.sh keeps the cluster), so a change can be measured again without reloading it.
        var reusar = parte == "tablero" && Environment.GetEnvironmentVariable("COBRANZAS_BENCH_REUSAR") is { Length: > 0 };
        Guid empresaId;
        string clave;
        if (reusar)
        {
            await using var c = new NpgsqlConnection(conexion);
            await c.OpenAsync();
            empresaId = (Guid)(await new NpgsqlCommand("SELECT DISTINCT empresa_id FROM clientes.clientes LIMIT 1", c).ExecuteScalarAsync())!;
        }
        else
        {
            await using var scope = factory.Services.CreateAsyncScope();
            empresaId = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new RegistrarEmpresa(Rut.Desde(76_543_210).Canonico, "Bench SpA", "bench@bench.cl", "Bench", "Bench1234!"));
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ContextoSolicitud>().Establecer(empresaId, "bench");
            clave = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CrearApiKey("bench", "lectura_escritura"))).Clave;
        }

        // No command timeout for the bench's own statements: at scale 1 the COPY of the 4M history (and its VACUUM)
        // takes minutes, and Npgsql's default 30 s also bounds NpgsqlBinaryImporter.Complete.
        await using var fuente = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(conexion) { CommandTimeout = 0 }.ConnectionString);
        var generados = Generar(cantidad);
        var sw = Stopwatch.StartNew();
        if (!reusar)
        {
            await CopiarAsync(fuente, empresaId, generados);
            Console.WriteLine($"Datos: {cantidad:N0} clientes cargados por COPY en {sw.Elapsed.TotalSeconds:N1} s (2 cores).");
        }
        await using (var c = await fuente.OpenConnectionAsync())
            await new NpgsqlCommand("ANALYZE clientes.clientes", c).ExecuteNonQueryAsync();

        var http = factory.CreateClient();
        http.Timeout = TimeSpan.FromMinutes(30);
        http.DefaultRequestHeaders.Add("X-Api-Key", clave);
        if (parte == "escalamiento")
        {
            await BancoEscalamiento.EjecutarAsync(http, fuente, empresaId, escala, diaHabil);
            return 0;
        }

        if (parte == "notificaciones")
        {
            await BancoNotificaciones.EjecutarAsync(factory.Services, fuente, empresaId, diaHabil);
            return 0;
        }

        if (parte == "pagos-proveedor")
        {
            await BancoPagosProveedor.EjecutarAsync(factory, http, fuente, empresaId, Math.Min(10_000, cantidad));
            return 0;
        }

        if (parte == "webhooks")
        {
            await BancoWebhooks.EjecutarAsync(factory.Services, http, fuente, empresaId);
            return 0;
        }

        if (parte == "indicadores-gestion")
        {
            await BancoIndicadoresGestion.EjecutarAsync(http, fuente, empresaId, escala);
            return 0;
        }

        if (parte == "trabajo")
        {
            await BancoTrabajo.EjecutarAsync(http, fuente, empresaId);
            return 0;
        }

        if (parte == "pronostico")
        {
            await BancoPronostico.EjecutarAsync(http, fuente, empresaId, escala);
            return 0;
        }

        if (parte == "tablero")
        {
            await BancoTablero.EjecutarAsync(http, fuente, empresaId, escala, reusar);
            return 0;
        }

        if (parte == "reportes-cartera")
        {
            await BancoReportesCartera.EjecutarAsync(http, fuente, empresaId, escala);
            return 0;
        }

        if (parte == "indicadores-cartera")
        {
            await BancoIndicadoresCartera.EjecutarAsync(http, fuente, empresaId, escala);
            return 0;
        }

        if (parte is "cartera" or "cartera-lista")
        {
            await BancoCartera.EjecutarAsync(http, fuente, empresaId, escala, soloListaClientes: parte == "cartera-lista");
            return 0;
        }

        var fragmento = generados[cantidad / 2].RazonSocial.Split(' ')[0][..4];
        var rut = generados[cantidad / 3].Rut;

        Console.WriteLine();
        Console.WriteLine("| escenario | API (mediana) | SQL directo (mediana) | razón |");
        Console.WriteLine("|---|---|---|---|");
        await Comparar($"buscar fragmento '{fragmento}' (página 1 de 25 + total)",
            () => http.GetStringAsync($"/api/v1/clientes?buscar={fragmento}&tamanoPagina=25"),
            () => SqlAsync(fuente, """
                SELECT count(*) FROM clientes.clientes WHERE empresa_id = @e AND (razon_social ILIKE @p OR nombre_fantasia ILIKE @p);
                SELECT id, rut, razon_social FROM clientes.clientes WHERE empresa_id = @e AND (razon_social ILIKE @p OR nombre_fantasia ILIKE @p)
                ORDER BY razon_social, id LIMIT 25
                """, empresaId, "%" + fragmento + "%"));
        await Comparar($"buscar RUT {rut}",
            () => http.GetStringAsync($"/api/v1/clientes?buscar={rut}"),
            () => SqlAsync(fuente, "SELECT count(*) FROM clientes.clientes WHERE empresa_id = @e AND rut = @p; SELECT id, rut, razon_social FROM clientes.clientes WHERE empresa_id = @e AND rut = @p", empresaId, rut));
        await Comparar("página 200 ordenada por razón social",
            () => http.GetStringAsync("/api/v1/clientes?pagina=200&tamanoPagina=50"),
            () => SqlAsync(fuente, "SELECT count(*) FROM clientes.clientes WHERE empresa_id = @e; SELECT id, rut, razon_social FROM clientes.clientes WHERE empresa_id = @e ORDER BY razon_social, id OFFSET 9950 LIMIT 50", empresaId, ""));

        // Import: the same 5,000 new rows through the CSV upload and through a raw COPY (rows/s).
        var nuevos = Generar(5_000, semilla: 99, desde: 30_000_000);
        var csv = new StringBuilder("rut,razonSocial,segmento,comuna,region\n");
        foreach (var n in nuevos)
            csv.Append($"{n.Rut},\"{n.RazonSocial}\",Retail,{n.Comuna},{n.Region}\n");
        sw.Restart();
        using (var contenido = new MultipartFormDataContent())
        {
            var archivo = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
            archivo.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            contenido.Add(archivo, "archivo", "bench.csv");
            var r = await http.PostAsync("/api/v1/importaciones/clientes", contenido);
            r.EnsureSuccessStatusCode();
        }

        var api = nuevos.Count / sw.Elapsed.TotalSeconds;
        var crudos = Generar(5_000, semilla: 98, desde: 40_000_000);
        sw.Restart();
        await CopiarAsync(fuente, empresaId, crudos);
        var copy = crudos.Count / sw.Elapsed.TotalSeconds;
        Console.WriteLine($"| importar 5.000 clientes (CSV por API vs COPY) | {api:N0} filas/s | {copy:N0} filas/s | {api / copy:N2}x del COPY |");
        if (parte == "todo")
            await BancoCartera.EjecutarAsync(http, fuente, empresaId, escala);
        return 0;

        static async Task Comparar(string nombre, Func<Task> api, Func<Task> sql)
        {
            for (var i = 0; i < 5; i++)
            {
                await api();
                await sql();
            }

            var tApi = await Mediana(api);
            var tSql = await Mediana(sql);
            Console.WriteLine($"| {nombre} | {tApi:N2} ms | {tSql:N2} ms | {tApi / tSql:N2}x |");
        }

        static async Task<double> Mediana(Func<Task> accion)
        {
            var tiempos = new List<double>();
            for (var i = 0; i < 30; i++)
            {
                var sw = Stopwatch.StartNew();
                await accion();
                tiempos.Add(sw.Elapsed.TotalMilliseconds);
            }

            tiempos.Sort();
            return tiempos[tiempos.Count / 2];
        }

        static async Task SqlAsync(NpgsqlDataSource fuente, string sql, Guid empresa, string parametro)
        {
            await using var cmd = fuente.CreateCommand(sql);
            cmd.Parameters.AddWithValue("e", empresa);
            cmd.Parameters.AddWithValue("p", parametro);
            await using var lector = await cmd.ExecuteReaderAsync();
            do
            {
                while (await lector.ReadAsync())
                {
                }
            }
            while (await lector.NextResultAsync());
        }

        static DateOnly SiguienteHabil(DateOnly d)
        {
            while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || Cobranzas.Gestion.Feriados.FeriadosChile.Tabla.Any(f => f.Fecha == d && f.Region is null))
                d = d.AddDays(1);
            return d;
        }

        static List<ClienteGenerado> Generar(int cantidad, int semilla = 7, int desde = 10_000_000)
        {
            var f = new Faker("es") { Random = new Randomizer(semilla) };
            string[] segmentos = ["Retail", "Mayorista", "Corporativo", "Gobierno"];
            return Enumerable.Range(0, cantidad)
                .Select(i => new ClienteGenerado(Rut.Desde(desde + i).Canonico, $"{f.Company.CompanyName(0)} {f.Random.Int(1, 9999)}", f.PickRandom(segmentos), f.Address.City(), "Metropolitana"))
                .ToList();
        }

        static async Task CopiarAsync(NpgsqlDataSource fuente, Guid empresa, List<ClienteGenerado> clientes)
        {
            await using var c = await fuente.OpenConnectionAsync();
            await using var copy = await c.BeginBinaryImportAsync(
                "COPY clientes.clientes (id, empresa_id, rut, razon_social, segmento, comuna, region, cuenta_clave, estado_credito, creado, actualizado) FROM STDIN (FORMAT BINARY)");
            var ahora = DateTimeOffset.UtcNow;
            foreach (var x in clientes)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(empresa, NpgsqlDbType.Uuid);
                await copy.WriteAsync(x.Rut, NpgsqlDbType.Varchar);
                await copy.WriteAsync(x.RazonSocial, NpgsqlDbType.Varchar);
                await copy.WriteAsync(x.Segmento, NpgsqlDbType.Varchar);
                await copy.WriteAsync(x.Comuna, NpgsqlDbType.Varchar);
                await copy.WriteAsync(x.Region, NpgsqlDbType.Varchar);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync("vigente", NpgsqlDbType.Varchar);
                await copy.WriteAsync(ahora, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(ahora, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }
    }
}

internal sealed record ClienteGenerado(string Rut, string RazonSocial, string Segmento, string Comuna, string Region);
