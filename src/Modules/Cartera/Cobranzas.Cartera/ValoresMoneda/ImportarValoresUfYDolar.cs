using System.Globalization;
using System.Text.Json;
using Cobranzas.Cartera.Importaciones;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Auditoria;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cobranzas.Cartera.ValoresMoneda;

public sealed record ResultadoValoresUf(bool Aplicado, int Filas, int Creados, int Actualizados, int SinCambios, IReadOnlyList<ErrorFila> Errores);

/// <summary>The company's own UF values from a CSV/XLSX with columns fecha and valor ("37.123,45" or "37123.45"), upserted in one statement.</summary>
public sealed record ImportarValoresUf(Stream Archivo, string NombreArchivo) : IRequest<ResultadoValoresUf>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPost("/importaciones/valores-uf", async Task<Ok<ResultadoValoresUf>> (IFormFile archivo, IMediator m, CancellationToken ct) =>
        {
            await using var contenido = archivo.OpenReadStream();
            return TypedResults.Ok(await m.Send(new ImportarValoresUf(contenido, archivo.FileName), ct));
        })
        .WithName("ImportarValoresUf").DisableAntiforgery().ProducesValidationProblem().ConLimite(LimitesUso.Importaciones);
}

public sealed class ImportarValoresUfHandler(CarteraDbContext db, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<ImportarValoresUf, ResultadoValoresUf>
{
    public async ValueTask<ResultadoValoresUf> Handle(ImportarValoresUf request, CancellationToken cancellationToken) =>
        await ImportacionSerieDiaria.ImportarAsync(db, contexto, reloj, request.Archivo, request.NombreArchivo, SerieValores.Uf, contexto.EmpresaId, cancellationToken);
}

/// <summary>The company's own dólar observado values from a CSV/XLSX with columns fecha and valor, upserted in one statement.</summary>
public sealed record ImportarValoresDolar(Stream Archivo, string NombreArchivo) : IRequest<ResultadoValoresUf>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPost("/importaciones/valores-dolar", async Task<Ok<ResultadoValoresUf>> (IFormFile archivo, IMediator m, CancellationToken ct) =>
        {
            await using var contenido = archivo.OpenReadStream();
            return TypedResults.Ok(await m.Send(new ImportarValoresDolar(contenido, archivo.FileName), ct));
        })
        .WithName("ImportarValoresDolar").DisableAntiforgery().ProducesValidationProblem().ConLimite(LimitesUso.Importaciones);
}

public sealed class ImportarValoresDolarHandler(CarteraDbContext db, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<ImportarValoresDolar, ResultadoValoresUf>
{
    public async ValueTask<ResultadoValoresUf> Handle(ImportarValoresDolar request, CancellationToken cancellationToken) =>
        await ImportacionSerieDiaria.ImportarAsync(db, contexto, reloj, request.Archivo, request.NombreArchivo, SerieValores.Dolar, contexto.EmpresaId, cancellationToken);
}

public enum SerieValores
{
    Uf,
    Dolar,
}

/// <summary>
/// The national UF or dólar series from a CSV/XLSX (same columns as the companies' import). No endpoint sends it: only the
/// installation's operator, through the host's console command <c>valores cargar-uf|cargar-dolar archivo</c> and the demo seed.
/// </summary>
public sealed record CargarSerieNacional(SerieValores Serie, Stream Archivo, string NombreArchivo) : IRequest<ResultadoValoresUf>;

public sealed class CargarSerieNacionalHandler(CarteraDbContext db, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<CargarSerieNacional, ResultadoValoresUf>
{
    public async ValueTask<ResultadoValoresUf> Handle(CargarSerieNacional request, CancellationToken cancellationToken) =>
        await ImportacionSerieDiaria.ImportarAsync(db, contexto, reloj, request.Archivo, request.NombreArchivo, request.Serie, empresa: null, cancellationToken);
}

public static class ImportacionSerieDiaria
{
    /// <param name="empresa">The company whose own values are written; null writes the national series.</param>
    public static async Task<ResultadoValoresUf> ImportarAsync(
        CarteraDbContext db, IContextoSolicitud contexto, TimeProvider reloj, Stream archivo, string nombreArchivo, SerieValores serie, Guid? empresa,
        CancellationToken cancellationToken)
    {
        var (tabla, etiqueta, entidadAuditoria) = serie == SerieValores.Uf
            ? ("valores_uf", "valor UF", "ImportacionValoresUf")
            : ("valores_dolar", "dólar observado", "ImportacionValoresDolar");
        var destino = empresa is null
            ? (Tabla: $"cartera.{tabla}", Columnas: "fecha, valor", Valores: "fecha, valor", Clave: "fecha", DeLaEmpresa: "")
            : (Tabla: $"cartera.{tabla}_empresa", Columnas: "empresa_id, fecha, valor", Valores: "@empresa, fecha, valor", Clave: "empresa_id, fecha", DeLaEmpresa: "WHERE v.empresa_id = @empresa");
        List<FilaTabla> filas;
        try
        {
            filas = LectorTabla.Leer(archivo, nombreArchivo);
        }
        catch (Exception ex) when (ex is CsvHelper.CsvFormatException or InvalidDataException or IOException or InvalidOperationException)
        {
            return new ResultadoValoresUf(false, 0, 0, 0, 0, [new ErrorFila(1, "archivo", "formato", $"No se pudo leer el archivo: {ex.Message}")]);
        }

        var errores = new List<ErrorFila>();
        var valores = new Dictionary<DateOnly, decimal>();
        foreach (var fila in filas)
        {
            var f = fila.Valor("fecha");
            var v = fila.Valor("valor");
            if (f is null || !DateOnly.TryParseExact(f.Length > 10 ? f[..10] : f, ["yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var fecha))
            {
                errores.Add(new ErrorFila(fila.Numero, "fecha", "formato", $"'{f}' no es una fecha (aaaa-mm-dd o dd-mm-aaaa)."));
                continue;
            }

            var cultura = v is not null && (v.Contains(',') || v.Count(c => c == '.') > 1) ? CultureInfo.GetCultureInfo("es-CL") : CultureInfo.InvariantCulture;
            if (v is null || !decimal.TryParse(v, NumberStyles.Number, cultura, out var valor) || valor <= 0 || valor >= 1_000_000m || valor != Math.Round(valor, 2))
                errores.Add(new ErrorFila(fila.Numero, "valor", "formato", $"'{v}' no es un {etiqueta} (positivo, 2 decimales)."));
            else if (!valores.TryAdd(fecha, valor))
                errores.Add(new ErrorFila(fila.Numero, "fecha", "fecha_repetida", $"La fecha {fecha:yyyy-MM-dd} viene más de una vez."));
        }

        if (filas.Count == 0)
            errores.Add(new ErrorFila(1, "archivo", "vacio", "El archivo no tiene filas de datos."));
        if (errores.Count > 0)
            return new ResultadoValoresUf(false, filas.Count, 0, 0, 0, errores);

        var estrategia = db.Database.CreateExecutionStrategy();
        return await estrategia.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var comando = new NpgsqlCommand(
                $"""
                WITH entrada AS (SELECT * FROM unnest(@fechas, @valores) AS u(fecha, valor)),
                previos AS (SELECT v.fecha, v.valor FROM {destino.Tabla} v JOIN entrada e USING (fecha) {destino.DeLaEmpresa}),
                escritos AS (
                    INSERT INTO {destino.Tabla} AS t ({destino.Columnas}) SELECT {destino.Valores} FROM entrada
                    ON CONFLICT ({destino.Clave}) DO UPDATE SET valor = excluded.valor WHERE t.valor <> excluded.valor
                    RETURNING fecha)
                SELECT (SELECT count(*) FROM escritos WHERE fecha NOT IN (SELECT fecha FROM previos)),
                       (SELECT count(*) FROM escritos WHERE fecha IN (SELECT fecha FROM previos))
                """, conexion);
            comando.Parameters.AddWithValue("fechas", valores.Keys.ToArray());
            comando.Parameters.AddWithValue("valores", valores.Values.ToArray());
            if (empresa is { } id)
                comando.Parameters.AddWithValue("empresa", id);
            await using var lector = await comando.ExecuteReaderAsync(cancellationToken);
            await lector.ReadAsync(cancellationToken);
            var (creados, actualizados) = ((int)lector.GetInt64(0), (int)lector.GetInt64(1));
            await lector.CloseAsync();
            var resumen = JsonSerializer.Serialize(new
            {
                serie = empresa is null ? "nacional" : "empresa", filas = filas.Count, creados, actualizados, desde = valores.Keys.Min(), hasta = valores.Keys.Max(),
            });
            await RegistroAuditoria.GuardarAsync(db, contexto, reloj, [new RegistroAuditoria.Entrada(entidadAuditoria, Guid.CreateVersion7().ToString(), "importar", null, resumen)], cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return new ResultadoValoresUf(true, filas.Count, creados, actualizados, valores.Count - creados - actualizados, []);
        });
    }
}
