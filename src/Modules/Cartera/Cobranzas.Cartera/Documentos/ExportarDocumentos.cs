using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using Mediator;

namespace Cobranzas.Cartera.Documentos;

/// <summary>The documents list with its filters as an XLSX or CSV file (<see cref="Exportacion"/>), at most <see cref="Maximo"/> rows.</summary>
public sealed record ExportarDocumentos(ListarDocumentos Filtros, string Formato) : IRequest<ArchivoExportado>
{
    /// <summary>An export is for a list a person looks at; beyond this, the ERP batch API is the tool.</summary>
    public const int Maximo = 20_000;

    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/documentos/exportar", async Task<FileContentHttpResult> ([AsParameters] ListarDocumentos q, string? formato, IMediator m, CancellationToken ct) =>
        {
            var archivo = await m.Send(new ExportarDocumentos(q, formato ?? "xlsx"), ct);
            return TypedResults.File(archivo.Contenido, archivo.TipoContenido, archivo.NombreArchivo);
        })
        .WithName("ExportarDocumentos").Produces(200, typeof(Stream), Exportacion.TipoXlsx, "text/csv").ProducesValidationProblem().ProducesProblem(422)
        .ConLimite(LimitesUso.Informes);
}

public sealed class ExportarDocumentosValidator : AbstractValidator<ExportarDocumentos>
{
    public ExportarDocumentosValidator()
    {
        RuleFor(x => x.Formato).Must(f => Exportacion.Formatos.Contains(f)).WithMessage("Formato debe ser xlsx o csv.");
        RuleFor(x => x.Filtros).SetValidator(new ListarDocumentosValidator());
    }
}

public sealed class ExportarDocumentosHandler(IMediator mediator, TimeProvider reloj) : IRequestHandler<ExportarDocumentos, ArchivoExportado>
{
    private static readonly string[] Columnas =
        ["Tipo", "Documento", "Folio", "RUT", "Cliente", "Emisión", "Vencimiento", "Moneda", "Total", "Saldo", "Estado", "Días vencido", "Etapa", "Id externo"];

    public async ValueTask<ArchivoExportado> Handle(ExportarDocumentos request, CancellationToken cancellationToken)
    {
        // Page by page through the list itself, so the file has exactly the rows, states and names the screen shows.
        var filas = new List<DocumentoResumenDto>();
        for (var pagina = 1; filas.Count < ExportarDocumentos.Maximo; pagina++)
        {
            var p = await mediator.Send(request.Filtros with { Pagina = pagina, TamanoPagina = Paginacion.TamanoMaximo }, cancellationToken);
            filas.AddRange(p.Items);
            if (p.Items.Count < Paginacion.TamanoMaximo)
                break;
        }

        var tabla = filas.Take(ExportarDocumentos.Maximo).Select(d => (IReadOnlyList<object?>)
        [
            d.Tipo, EstadoCuenta.FormatoCl.TipoDocumento(d.Tipo), d.Folio, EstadoCuenta.FormatoCl.Rut(d.Cliente.Rut), d.Cliente.RazonSocial,
            d.FechaEmision, d.FechaVencimiento, d.Moneda, d.Total, d.Saldo, NombreEstado(d.Estado), d.DiasVencido, d.EtapaCliente, d.ExternalId,
        ]);
        return Exportacion.Generar(request.Formato, $"documentos-{reloj.GetUtcNow():yyyyMMdd-HHmm}", "Documentos", Columnas, tabla);
    }

    private static string NombreEstado(string estado) => estado switch
    {
        Estados.PorVencer => "Por vencer",
        Estados.Vencido => "Vencido",
        Estados.Parcial => "Pago parcial",
        Estados.Pagado => "Pagado",
        Estados.Anulado => "Anulado",
        Estados.Protestado => "Protestado",
        Estados.Cedido => "Cedido",
        Estados.Castigado => "Castigado",
        _ => estado,
    };
}
