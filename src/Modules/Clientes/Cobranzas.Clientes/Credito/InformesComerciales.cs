using System.Globalization;
using Cobranzas.Clientes.Importaciones;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Credito;

/// <summary>One bureau report as a source gives it, with where it came from (a file's row) to name it in an error.</summary>
public sealed record InformeLeido(int Fila, string Rut, InformeComercialDto Informe);

public sealed record LecturaInformes(int FilasLeidas, IReadOnlyList<InformeLeido> Informes, IReadOnlyList<ErrorFilaCliente> Errores);

/// <summary>What a source of bureau reports is given: the bureau's file today; an adapter to a bureau's service would read <see cref="Ruts"/>.</summary>
public sealed record PedidoInformes(Stream? Archivo, string? NombreArchivo, IReadOnlyList<string> Ruts);

/// <summary>
/// A source of commercial reports (Equifax/DICOM and the like). The workflow (the reports land on the clients' draft credit
/// requests) does not change when an adapter for a bureau's service is added beside the file reader.
/// </summary>
public interface IProveedorInformeComercial
{
    /// <summary>The code the request names it by and the report's <c>fuente</c>.</summary>
    string Codigo { get; }

    Task<LecturaInformes> ObtenerAsync(PedidoInformes pedido, CancellationToken ct);
}

/// <summary>Reads the bureau's file (CSV or XLSX): rut, score, protestos, morosidades, dicom_cantidad, dicom_monto, fecha.</summary>
public sealed class ArchivoBureau : IProveedorInformeComercial
{
    public const int FilasMaximas = 10_000;
    public static readonly string[] Columnas = ["rut", "score", "protestos", "morosidades", "dicom_cantidad", "dicom_monto", "fecha"];
    private static readonly ReglasInforme Reglas = new();

    public string Codigo => "archivo_bureau";

    public Task<LecturaInformes> ObtenerAsync(PedidoInformes pedido, CancellationToken ct)
    {
        if (pedido.Archivo is null)
            return Task.FromResult(Rechazo(new ErrorFilaCliente(1, "archivo", "requerido", "Adjunte el archivo del bureau.")));
        List<FilaTabla> filas;
        try
        {
            filas = LectorTabla.Leer(pedido.Archivo, pedido.NombreArchivo ?? "informes.csv");
        }
        catch (Exception ex) when (ex is CsvHelper.CsvFormatException or InvalidDataException or IOException or InvalidOperationException)
        {
            return Task.FromResult(Rechazo(new ErrorFilaCliente(1, "archivo", "formato", $"No se pudo leer el archivo: {ex.Message}")));
        }

        if (filas.Count == 0)
            return Task.FromResult(Rechazo(new ErrorFilaCliente(1, "archivo", "vacio", "El archivo no tiene filas de datos.")));
        if (filas.Count > FilasMaximas)
            return Task.FromResult(Rechazo(new ErrorFilaCliente(1, "archivo", "demasiadas_filas", $"Máximo {FilasMaximas} filas por archivo.")));
        var faltantes = Columnas.Where(c => c != "score" && !filas[0].Celdas.ContainsKey(LectorTabla.Normalizar(c))).ToList();
        if (faltantes.Count > 0)
            return Task.FromResult(Rechazo(faltantes.Select(c => new ErrorFilaCliente(1, c, "columna_faltante", $"Falta la columna {c}.")).ToArray()));

        var informes = new List<InformeLeido>();
        var errores = new List<ErrorFilaCliente>();
        foreach (var fila in filas)
        {
            var erroresFila = new List<ErrorFilaCliente>();
            var rut = fila.Valor("rut");
            if (rut is null || !SharedKernel.Rut.Rut.TryParse(rut, out var rutValido))
            {
                erroresFila.Add(new(fila.Numero, fila.Encabezado("rut"), "rut", $"«{fila.Encabezado("rut")}» no es un RUT válido."));
                rutValido = null;
            }

            int? Entero(string columna, bool requerido)
            {
                var texto = fila.Valor(columna);
                if (texto is null && !requerido)
                    return null;
                if (int.TryParse(texto, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    return n;
                erroresFila.Add(new(fila.Numero, fila.Encabezado(columna), "entero", $"«{fila.Encabezado(columna)}» debe ser un número entero sin signo."));
                return null;
            }

            var score = Entero("score", false);
            var protestos = Entero("protestos", true);
            var morosidades = Entero("morosidades", true);
            var dicomCantidad = Entero("dicom_cantidad", true);
            var montoTexto = fila.Valor("dicom_monto");
            if (!decimal.TryParse(montoTexto, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dicomMonto))
                erroresFila.Add(new(fila.Numero, fila.Encabezado("dicom_monto"), "numero", $"«{fila.Encabezado("dicom_monto")}» debe ser un monto sin signo (punto decimal)."));
            var fechaTexto = fila.Valor("fecha");
            if (!DateOnly.TryParseExact(fechaTexto, ["yyyy-MM-dd", "dd-MM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var fecha))
                erroresFila.Add(new(fila.Numero, fila.Encabezado("fecha"), "fecha", $"«{fila.Encabezado("fecha")}» debe ser una fecha aaaa-mm-dd o dd-mm-aaaa."));

            if (erroresFila.Count == 0)
            {
                var informe = new InformeComercialDto(Codigo, score, protestos!.Value, morosidades!.Value, dicomCantidad!.Value, dicomMonto, fecha);
                erroresFila.AddRange(Reglas.Validate(informe).Errors.Select(e =>
                {
                    var columna = fila.Encabezado(e.PropertyName switch
                    {
                        nameof(InformeComercialDto.DicomCantidad) => "dicom_cantidad",
                        nameof(InformeComercialDto.DicomMonto) => "dicom_monto",
                        _ => e.PropertyName.ToLowerInvariant(),
                    });
                    return new ErrorFilaCliente(fila.Numero, columna, CodigosRegla.DeValidacion(e.ErrorCode), LectorTabla.NombrarColumna(e.ErrorMessage, e.PropertyName, columna));
                }));
                if (erroresFila.Count == 0)
                    informes.Add(new InformeLeido(fila.Numero, rutValido!.Value.Canonico, informe));
            }

            errores.AddRange(erroresFila);
        }

        return Task.FromResult(new LecturaInformes(filas.Count, informes, errores));
    }

    private static LecturaInformes Rechazo(params ErrorFilaCliente[] errores) => new(0, [], errores);
}

/// <param name="SolicitudesActualizadas">Draft credit requests whose commercial report was replaced.</param>
public sealed record ResultadoImportacionInformes(bool Aplicado, int FilasLeidas, int SolicitudesActualizadas, IReadOnlyList<ErrorFilaCliente> Errores);

/// <summary>
/// Loads bureau reports onto the clients' draft credit requests (the latest draft of each client), through a source
/// (<c>archivo_bureau</c>, the bureau's file, by default). All-or-nothing: any row in error applies none.
/// </summary>
public sealed record ImportarInformesComerciales(Stream Archivo, string NombreArchivo, string Proveedor) : IRequest<ResultadoImportacionInformes>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/credito/informes/importar", async Task<Ok<ResultadoImportacionInformes>> (IFormFile archivo, [FromForm] string? proveedor, IMediator m, CancellationToken ct) =>
        {
            await using var contenido = archivo.OpenReadStream();
            return TypedResults.Ok(await m.Send(new ImportarInformesComerciales(contenido, archivo.FileName, proveedor ?? "archivo_bureau"), ct));
        })
        .WithName("ImportarInformesComerciales").WithTags("Crédito").DisableAntiforgery().ProducesValidationProblem().ConLimite(LimitesUso.Importaciones);
}

public sealed class ImportarInformesComercialesValidator : AbstractValidator<ImportarInformesComerciales>
{
    public ImportarInformesComercialesValidator(IEnumerable<IProveedorInformeComercial> proveedores)
    {
        var codigos = proveedores.Select(p => p.Codigo).ToList();
        RuleFor(x => x.Proveedor).Must(codigos.Contains).WithErrorCode("valor_permitido").WithMessage($"Proveedor debe ser uno de: {string.Join(", ", codigos)}.");
    }
}

public sealed class ImportarInformesComercialesHandler(ClientesDbContext db, IEnumerable<IProveedorInformeComercial> proveedores)
    : IRequestHandler<ImportarInformesComerciales, ResultadoImportacionInformes>
{
    public async ValueTask<ResultadoImportacionInformes> Handle(ImportarInformesComerciales request, CancellationToken cancellationToken)
    {
        var proveedor = proveedores.Single(p => p.Codigo == request.Proveedor);
        var lectura = await proveedor.ObtenerAsync(new PedidoInformes(request.Archivo, request.NombreArchivo, []), cancellationToken);
        var errores = lectura.Errores.ToList();
        var filas = lectura.FilasLeidas;

        var ruts = lectura.Informes.Select(i => i.Rut).Distinct().ToList();
        var clientes = await db.Clientes.AsNoTracking().Where(c => ruts.Contains(c.Rut)).Select(c => new { c.Id, c.Rut }).ToDictionaryAsync(c => c.Rut, c => c.Id, cancellationToken);
        var ids = clientes.Values.ToList();
        var borradores = (await db.Set<SolicitudCredito>().Where(s => ids.Contains(s.ClienteId) && s.Estado == EstadosSolicitudCredito.Borrador).ToListAsync(cancellationToken))
            .GroupBy(s => s.ClienteId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Creada)!);
        var vistos = new HashSet<string>();
        var aplicar = new List<(SolicitudCredito Solicitud, InformeComercialDto Informe)>();
        foreach (var i in lectura.Informes)
        {
            var formateado = SharedKernel.Rut.Rut.Parse(i.Rut).Formateado;
            if (!vistos.Add(i.Rut))
                errores.Add(new(i.Fila, "rut", "rut_repetido", $"El RUT {formateado} aparece antes en el archivo."));
            else if (!clientes.TryGetValue(i.Rut, out var clienteId))
                errores.Add(new(i.Fila, "rut", "cliente_inexistente", $"No hay un cliente con RUT {formateado}."));
            else if (!borradores.TryGetValue(clienteId, out var solicitud))
                errores.Add(new(i.Fila, "rut", "sin_solicitud_borrador", $"El cliente {formateado} no tiene una solicitud de crédito en borrador."));
            else
                aplicar.Add((solicitud, i.Informe));
        }

        if (errores.Count > 0)
            return new ResultadoImportacionInformes(false, filas, 0, errores.OrderBy(e => e.Fila).ToList());

        foreach (var (s, i) in aplicar)
        {
            s.Informe = new InformeComercial
            {
                Fuente = i.Fuente, Score = i.Score, Protestos = i.Protestos, Morosidades = i.Morosidades, DicomCantidad = i.DicomCantidad, DicomMonto = i.DicomMonto, Fecha = i.Fecha,
            };
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ResultadoImportacionInformes(true, filas, aplicar.Count, []);
    }
}
