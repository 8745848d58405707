using System.Globalization;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Factoring;

public static class ResultadosConciliacion
{
    public const string Coincide = "coincide";
    public const string Diferencia = "diferencia";
    public const string SoloEnNuestros = "solo_en_nuestros";
    public const string SoloEnFactor = "solo_en_factor";
}

public static class EstadosFactor
{
    public const string Pagado = "pagado";
    public const string Pendiente = "pendiente";
}

public sealed record LineaConciliacionDto(
    string Resultado, long Folio, string RutDeudor, Guid? DocumentoId, string? Tipo, decimal? MontoNuestro, decimal? MontoFactor, string? EstadoNuestro,
    string? EstadoFactor, bool DiferenciaMonto, bool DiferenciaEstado, int? FilaArchivo);

public sealed record ErrorConciliacionDto(int Fila, string Columna, string Mensaje);

public sealed record ConciliacionFactorDto(
    Guid FactorId, string Factor, int FilasArchivo, int Coinciden, int Diferencias, int SoloEnNuestros, int SoloEnFactor,
    IReadOnlyList<LineaConciliacionDto> Lineas, IReadOnlyList<ErrorConciliacionDto> Errores);

/// <summary>
/// Compares a factor's statement (CSV or XLSX: folio, rut deudor, monto, estado or pagado) with the documents ceded to it today,
/// matched by debtor RUT and folio: amounts against the document's total, state against our balance (pagado when nothing is
/// owed). Reads only; nothing changes.
/// </summary>
public sealed record ConciliarFactor(Guid FactorId, Stream Archivo, string NombreArchivo) : IRequest<ConciliacionFactorDto>
{
    public const long TamanoMaximo = 5 * 1024 * 1024;

    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/factoring/conciliacion",
            async Task<Results<Ok<ConciliacionFactorDto>, ProblemHttpResult>> (IFormFile archivo, [FromForm] Guid factorId, IMediator m, CancellationToken ct) =>
            {
                if (archivo.Length > TamanoMaximo)
                {
                    return TypedResults.Problem(
                        title: "Archivo demasiado grande", statusCode: StatusCodes.Status413PayloadTooLarge,
                        detail: $"El archivo supera el máximo de {TamanoMaximo / (1024 * 1024)} MB.",
                        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["archivo"] = [$"tamano_maximo: El archivo supera el máximo de {TamanoMaximo / (1024 * 1024)} MB."] } });
                }

                await using var contenido = archivo.OpenReadStream();
                return TypedResults.Ok(await m.Send(new ConciliarFactor(factorId, contenido, archivo.FileName), ct));
            })
        .WithName("ConciliarFactor").DisableAntiforgery().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(413).ProducesProblem(422)
        .ConLimite(LimitesUso.Importaciones);
}

public sealed class ConciliarFactorHandler(CarteraDbContext db, IMediator mediator) : IRequestHandler<ConciliarFactor, ConciliacionFactorDto>
{
    private sealed record FilaFactor(int Fila, long Folio, string Rut, string? Tipo, decimal Monto, string Estado);

    public async ValueTask<ConciliacionFactorDto> Handle(ConciliarFactor request, CancellationToken cancellationToken)
    {
        if (request.FactorId == Guid.Empty)
            throw new ReglaNegocioException("factorId", "requerido", "factorId es obligatorio.");
        var factor = await db.Set<Factor>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == request.FactorId, cancellationToken)
            ?? throw new NoEncontradoException("Factor", request.FactorId);
        List<FilaTabla> tabla;
        try
        {
            tabla = LectorTabla.Leer(request.Archivo, request.NombreArchivo);
        }
        catch (Exception ex) when (ex is CsvHelper.CsvFormatException or InvalidDataException or IOException or InvalidOperationException)
        {
            throw new ReglaNegocioException("archivo", "formato", "No se pudo leer el archivo: debe ser CSV o XLSX con encabezados.");
        }

        if (tabla.Count == 0)
            throw new ReglaNegocioException("archivo", "archivo_vacio", "El archivo no tiene filas.");
        var faltantes = new[] { "folio", "monto" }.Where(c => !tabla[0].Celdas.ContainsKey(c)).ToList();
        if (!tabla[0].Celdas.ContainsKey("rutdeudor") && !tabla[0].Celdas.ContainsKey("rut"))
            faltantes.Add("rut_deudor");
        if (!tabla[0].Celdas.ContainsKey("estado") && !tabla[0].Celdas.ContainsKey("pagado"))
            faltantes.Add("estado");
        if (faltantes.Count > 0)
            throw new ReglaNegocioException("archivo", "columna_faltante", $"Faltan columnas: {string.Join(", ", faltantes)}.");

        var errores = new List<ErrorConciliacionDto>();
        var filas = new List<FilaFactor>();
        foreach (var fila in tabla)
        {
            if (Leer(fila, errores) is { } leida)
            {
                if (filas.Any(f => f.Rut == leida.Rut && f.Folio == leida.Folio && f.Tipo == leida.Tipo))
                    errores.Add(new ErrorConciliacionDto(fila.Numero, "folio", $"El folio {leida.Folio} del deudor {leida.Rut} se repite en el archivo."));
                else
                    filas.Add(leida);
            }
        }

        var documentos = await db.Documentos.AsNoTracking().Where(ReglasCartera.Cedido).Where(d => d.FactorId == factor.Id && d.FechaAnulacion == null)
            .OrderBy(d => d.Folio).ToListAsync(cancellationToken);
        var clientes = await ResolucionCliente.PorIdAsync(mediator, documentos.Select(d => d.ClienteId), cancellationToken);
        var nuestros = documentos.Select(d => (Documento: d, Rut: clientes.TryGetValue(d.ClienteId, out var c) ? c.Rut : "")).ToList();

        var lineas = new List<LineaConciliacionDto>();
        var usados = new HashSet<Guid>();
        foreach (var f in filas)
        {
            var candidato = nuestros.FirstOrDefault(n => !usados.Contains(n.Documento.Id) && n.Rut == f.Rut && n.Documento.Folio == f.Folio && (f.Tipo is null || n.Documento.Tipo == f.Tipo));
            if (candidato.Documento is null)
            {
                lineas.Add(new LineaConciliacionDto(ResultadosConciliacion.SoloEnFactor, f.Folio, f.Rut, null, f.Tipo, null, f.Monto, null, f.Estado, false, false, f.Fila));
                continue;
            }

            var d = candidato.Documento;
            usados.Add(d.Id);
            var estado = EstadoNuestro(d);
            var difMonto = d.Total != f.Monto;
            var difEstado = estado != f.Estado;
            lineas.Add(new LineaConciliacionDto(difMonto || difEstado ? ResultadosConciliacion.Diferencia : ResultadosConciliacion.Coincide,
                f.Folio, f.Rut, d.Id, d.Tipo, d.Total, f.Monto, estado, f.Estado, difMonto, difEstado, f.Fila));
        }

        foreach (var (d, rut) in nuestros.Where(n => !usados.Contains(n.Documento.Id)))
            lineas.Add(new LineaConciliacionDto(ResultadosConciliacion.SoloEnNuestros, d.Folio, rut, d.Id, d.Tipo, d.Total, null, EstadoNuestro(d), null, false, false, null));

        return new ConciliacionFactorDto(factor.Id, factor.Nombre, tabla.Count,
            lineas.Count(l => l.Resultado == ResultadosConciliacion.Coincide), lineas.Count(l => l.Resultado == ResultadosConciliacion.Diferencia),
            lineas.Count(l => l.Resultado == ResultadosConciliacion.SoloEnNuestros), lineas.Count(l => l.Resultado == ResultadosConciliacion.SoloEnFactor),
            lineas, errores);
    }

    private static string EstadoNuestro(Documento d) => d.Saldo == 0 ? EstadosFactor.Pagado : EstadosFactor.Pendiente;

    private static FilaFactor? Leer(FilaTabla fila, List<ErrorConciliacionDto> errores)
    {
        var folioTexto = fila.Valor("folio");
        var rutTexto = fila.Valor("rutDeudor") ?? fila.Valor("rut");
        var montoTexto = fila.Valor("monto");
        var estadoTexto = fila.Valor("estado") ?? fila.Valor("pagado");
        var tipo = fila.Valor("tipo");
        var antes = errores.Count;
        if (!long.TryParse(folioTexto, NumberStyles.None, CultureInfo.InvariantCulture, out var folio) || folio <= 0)
            errores.Add(new ErrorConciliacionDto(fila.Numero, fila.Encabezado("folio"), "El folio debe ser un número entero positivo."));
        if (!SharedKernel.Rut.Rut.TryParse(rutTexto, out var rut))
            errores.Add(new ErrorConciliacionDto(fila.Numero, "rut_deudor", "RUT del deudor inválido."));
        if (!decimal.TryParse(montoTexto, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var monto) || monto <= 0 || monto >= 100_000_000_000_000m)
            errores.Add(new ErrorConciliacionDto(fila.Numero, fila.Encabezado("monto"), "El monto debe ser un número positivo (punto decimal, sin separador de miles)."));
        var estado = Estado(estadoTexto);
        if (estado is null)
            errores.Add(new ErrorConciliacionDto(fila.Numero, "estado", "El estado debe ser pagado o pendiente (o pagado: sí/no)."));
        if (tipo is not null && (tipo.Length > 10 || !tipo.All(char.IsAsciiLetterOrDigit)))
            errores.Add(new ErrorConciliacionDto(fila.Numero, fila.Encabezado("tipo"), "El tipo de documento no es válido."));
        return errores.Count > antes ? null : new FilaFactor(fila.Numero, folio, rut!.Value.Canonico, tipo, monto, estado!);
    }

    private static string? Estado(string? texto) => LectorTabla.Normalizar(texto ?? "") switch
    {
        "pagado" or "pagada" or "si" or "true" or "1" or "cancelado" or "cancelada" => EstadosFactor.Pagado,
        "pendiente" or "vigente" or "no" or "false" or "0" or "impago" or "moroso" or "morosa" => EstadosFactor.Pendiente,
        _ => null,
    };
}
