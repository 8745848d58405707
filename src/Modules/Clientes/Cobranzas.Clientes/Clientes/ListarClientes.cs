using System.Globalization;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Persistence;
using CsvHelper;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Cobranzas.Clientes.Clientes;

public sealed record ClienteResumenDto(
    Guid Id, string Rut, string RazonSocial, string? NombreFantasia, string Segmento, string EstadoCredito, bool CuentaClave,
    string? EjecutivoId, string? Comuna, string? Region);

public sealed record ListarClientes(
    string? Buscar, string? Segmento, Guid? GrupoId, string? Estado, string? EjecutivoId, bool? CuentaClave, string? Orden, int? Pagina, int? TamanoPagina)
    : IRequest<Pagina<ClienteResumenDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/clientes", async Task<Ok<Pagina<ClienteResumenDto>>> ([AsParameters] ListarClientes q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarClientes").ProducesValidationProblem();
}

public sealed class ListarClientesValidator : AbstractValidator<ListarClientes>
{
    public static readonly string[] Ordenes = ["razonSocial", "-razonSocial", "rut", "-rut", "creado", "-creado"];

    public ListarClientesValidator()
    {
        RuleFor(x => x.Buscar).MaximumLength(200);
        RuleFor(x => x.Segmento).MaximumLength(LargosCliente.Segmento);
        RuleFor(x => x.EjecutivoId).MaximumLength(100);
        RuleFor(x => x.Estado).Must(e => e is null || EstadosCredito.Todos.Contains(e)).WithMessage($"Estado debe ser uno de: {string.Join(", ", EstadosCredito.Todos)}.");
        RuleFor(x => x.Orden).Must(o => o is null || Ordenes.Contains(o)).WithMessage($"Orden debe ser uno de: {string.Join(", ", Ordenes)}.");
        RuleFor(x => x.Pagina).GreaterThan(0);
        RuleFor(x => x.TamanoPagina).InclusiveBetween(1, Paginacion.TamanoMaximo);
    }
}

public sealed class ListarClientesHandler(ClientesDbContext db) : IRequestHandler<ListarClientes, Pagina<ClienteResumenDto>>
{
    public async ValueTask<Pagina<ClienteResumenDto>> Handle(ListarClientes request, CancellationToken cancellationToken)
    {
        var q = ConsultaClientes.Filtrar(db, request);
        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(request.Pagina, request.TamanoPagina);
        var total = await q.CountAsync(cancellationToken);
        var items = await ConsultaClientes.Ordenar(q, request.Orden).Skip(saltar).Take(tomar).Select(ConsultaClientes.Resumen).ToListAsync(cancellationToken);
        return new Pagina<ClienteResumenDto>(items, total, pagina, tamano);
    }
}

public static class ConsultaClientes
{
    public static readonly System.Linq.Expressions.Expression<Func<Cliente, ClienteResumenDto>> Resumen = c =>
        new ClienteResumenDto(c.Id, c.Rut, c.RazonSocial, c.NombreFantasia, c.Segmento, c.EstadoCredito, c.CuentaClave, c.EjecutivoId, c.Comuna, c.Region);

    public static IQueryable<Cliente> Filtrar(ClientesDbContext db, ListarClientes f)
    {
        var q = db.Clientes.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Buscar))
            q = Buscar(q, f.Buscar.Trim());
        if (!string.IsNullOrWhiteSpace(f.Segmento))
            q = q.Where(c => c.Segmento == f.Segmento);
        if (f.Estado is not null)
            q = q.Where(c => c.EstadoCredito == f.Estado);
        if (!string.IsNullOrWhiteSpace(f.EjecutivoId))
            q = q.Where(c => c.EjecutivoId == f.EjecutivoId);
        if (f.CuentaClave is { } clave)
            q = q.Where(c => c.CuentaClave == clave);
        if (f.GrupoId is { } grupo)
            q = q.Where(c => db.MiembrosGruposClientes.Any(m => m.GrupoId == grupo && m.ClienteId == c.Id));
        return q;
    }

    /// <summary>A full RUT in any format matches exactly; digits match the RUT's start; anything else is a name fragment (trigram index).</summary>
    private static IQueryable<Cliente> Buscar(IQueryable<Cliente> q, string texto)
    {
        var digitos = texto.Replace(".", "").Replace("-", "");
        var soloDigitos = digitos.Length >= 3 && digitos.All(char.IsAsciiDigit);
        if (SharedKernel.Rut.Rut.TryParse(texto, out var rut))
        {
            var canonico = rut.Value.Canonico;
            // Digits without a hyphen are a RUT with its check digit, or the start of one typed without it (7741928 of 7.741.928-K).
            return soloDigitos && !texto.Contains('-') ? q.Where(c => c.Rut == canonico || c.Rut.StartsWith(digitos)) : q.Where(c => c.Rut == canonico);
        }

        var patron = PatronBusqueda.Contiene(texto);
        if (soloDigitos)
            return q.Where(c => c.Rut.StartsWith(digitos) || EF.Functions.ILike(c.RazonSocial, patron, PatronBusqueda.Escape));

        return q.Where(c => EF.Functions.ILike(c.RazonSocial, patron, PatronBusqueda.Escape) || EF.Functions.ILike(c.NombreFantasia!, patron, PatronBusqueda.Escape));
    }

    public static IQueryable<Cliente> Ordenar(IQueryable<Cliente> q, string? orden) => orden switch
    {
        "-razonSocial" => q.OrderByDescending(c => c.RazonSocial).ThenBy(c => c.Id),
        "rut" => q.OrderBy(c => c.Rut.Length).ThenBy(c => c.Rut),
        "-rut" => q.OrderByDescending(c => c.Rut.Length).ThenByDescending(c => c.Rut),
        "creado" => q.OrderBy(c => c.Creado).ThenBy(c => c.Id),
        "-creado" => q.OrderByDescending(c => c.Creado).ThenBy(c => c.Id),
        _ => q.OrderBy(c => c.RazonSocial).ThenBy(c => c.Id),
    };
}

/// <summary>The filtered list as a CSV (CsvHelper) or XLSX (MiniExcel) file.</summary>
public sealed record ExportarClientes(ListarClientes Filtros, string Formato) : IRequest<ArchivoExportado>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/clientes/exportar", async Task<FileContentHttpResult> ([AsParameters] ListarClientes q, string? formato, IMediator m, CancellationToken ct) =>
        {
            var archivo = await m.Send(new ExportarClientes(q, formato ?? "csv"), ct);
            return TypedResults.File(archivo.Contenido, archivo.TipoContenido, archivo.NombreArchivo);
        })
        .WithName("ExportarClientes").Produces(200, typeof(Stream), "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").ProducesValidationProblem().ConLimite(LimitesUso.Informes);
}

public sealed record ArchivoExportado(byte[] Contenido, string TipoContenido, string NombreArchivo);

public sealed class ExportarClientesValidator : AbstractValidator<ExportarClientes>
{
    public ExportarClientesValidator()
    {
        RuleFor(x => x.Formato).Must(f => f is "csv" or "xlsx").WithMessage("Formato debe ser csv o xlsx.");
        RuleFor(x => x.Filtros).SetValidator(new ListarClientesValidator());
    }
}

public sealed class ExportarClientesHandler(ClientesDbContext db, TimeProvider reloj) : IRequestHandler<ExportarClientes, ArchivoExportado>
{
    public async ValueTask<ArchivoExportado> Handle(ExportarClientes request, CancellationToken cancellationToken)
    {
        // Same columns as the import, so an exported file can be edited and imported back.
        var filas = await ConsultaClientes.Ordenar(ConsultaClientes.Filtrar(db, request.Filtros), request.Filtros.Orden)
            .Select(c => new[] { c.Rut, c.RazonSocial, c.NombreFantasia, c.Giro, c.Direccion, c.Comuna, c.Region, c.Segmento, c.CuentaClave ? "sí" : "no", c.EstadoCredito })
            .ToListAsync(cancellationToken);
        filas = filas.Select(f => f.Select(SharedKernel.Archivos.Formulas.Neutralizar).ToArray()).ToList();
        var nombre = $"clientes-{reloj.GetUtcNow():yyyyMMdd-HHmm}";
        using var salida = new MemoryStream();
        if (request.Formato == "xlsx")
        {
            var hoja = filas.Select(f => Columnas.Select((c, i) => (c, f[i])).ToDictionary(x => x.c, x => (object?)x.Item2));
            // MiniExcel's async writer puts <drawing> inside <sheetData> (invalid OOXML); the synchronous one does not, and the stream is in memory.
            salida.SaveAs(hoja, sheetName: "Clientes");
            return new ArchivoExportado(salida.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", nombre + ".xlsx");
        }

        await using (var csv = CsvWriter.Create(salida, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteHeader(Columnas);
            foreach (var fila in filas)
                csv.WriteRecord(fila.Select(v => v ?? "").ToArray());
        }

        return new ArchivoExportado(salida.ToArray(), "text/csv; charset=utf-8", nombre + ".csv");
    }

    private static readonly string[] Columnas = ["rut", "razonSocial", "nombreFantasia", "giro", "direccion", "comuna", "region", "segmento", "cuentaClave", "estadoCredito"];
}
