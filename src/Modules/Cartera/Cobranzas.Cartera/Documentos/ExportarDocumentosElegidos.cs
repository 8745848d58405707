using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Documentos;

/// <summary>
/// The documents a person chose in the list, as the same file as the filtered export (<see cref="ExportarDocumentos"/>):
/// a POST because a selection of hundreds of ids does not fit in a URL.
/// </summary>
public sealed record ExportarDocumentosElegidos(Guid[] DocumentoIds, string? Formato) : IRequest<ArchivoExportado>
{
    /// <summary>A selection made by hand, row by row: far below the filtered export's limit.</summary>
    public const int Maximo = 5_000;

    public static void Map(RutasModulo rutas) => rutas.Leer.MapPost("/documentos/exportar-elegidos", async Task<FileContentHttpResult> (ExportarDocumentosElegidos cuerpo, IMediator m, CancellationToken ct) =>
        {
            var archivo = await m.Send(cuerpo, ct);
            return TypedResults.File(archivo.Contenido, archivo.TipoContenido, archivo.NombreArchivo);
        })
        .WithName("ExportarDocumentosElegidos").Produces(200, typeof(Stream), Exportacion.TipoXlsx, "text/csv").ProducesValidationProblem().ProducesProblem(422)
        .ConLimite(LimitesUso.Informes);
}

public sealed class ExportarDocumentosElegidosValidator : AbstractValidator<ExportarDocumentosElegidos>
{
    public ExportarDocumentosElegidosValidator()
    {
        RuleFor(x => x.DocumentoIds).NotEmpty().WithMessage("Elija al menos un documento.")
            .Must(ids => ids is null || ids.Length <= ExportarDocumentosElegidos.Maximo)
            .WithMessage($"Se pueden exportar a lo más {ExportarDocumentosElegidos.Maximo:N0} documentos elegidos; use los filtros para más.");
        RuleFor(x => x.Formato).Must(f => f is null || Exportacion.Formatos.Contains(f)).WithMessage("Formato debe ser xlsx o csv.");
    }
}

public sealed class ExportarDocumentosElegidosHandler(CarteraDbContext db, IMediator mediator) : IRequestHandler<ExportarDocumentosElegidos, ArchivoExportado>
{
    public async ValueTask<ArchivoExportado> Handle(ExportarDocumentosElegidos request, CancellationToken cancellationToken)
    {
        var ids = request.DocumentoIds.Distinct().ToArray();
        var existentes = await db.Documentos.AsNoTracking().CountAsync(d => ids.Contains(d.Id), cancellationToken);
        if (existentes != ids.Length)
            throw new ReglaNegocioException("documentoIds", "documento_inexistente",
                ids.Length - existentes == 1 ? "Uno de los documentos elegidos ya no existe." : $"{ids.Length - existentes} de los documentos elegidos ya no existen.");

        // Every filter off (also "con saldo"): a paid document the person chose is exported too.
        var filtros = new ListarDocumentos(null, null, null, null, null, null, null, null) { Elegidos = ids };
        return await mediator.Send(new ExportarDocumentos(filtros, request.Formato ?? "xlsx"), cancellationToken);
    }
}
