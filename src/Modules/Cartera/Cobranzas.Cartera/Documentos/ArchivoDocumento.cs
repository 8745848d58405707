using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Cartera.Documentos;

/// <summary>The PDF of a document as the ERP issued it, kept in the file store (one per document; a new upload replaces it).</summary>
public sealed class ArchivoDocumento : IEntidadDeEmpresa
{
    public Guid DocumentoId { get; init; }
    public Guid EmpresaId { get; set; }
    public required string Clave { get; set; }
    public long Tamano { get; set; }
    public DateTimeOffset Subido { get; set; }
    public required string SubidoPor { get; set; }
}

public sealed class ArchivoDocumentoConfiguracion : IEntityTypeConfiguration<ArchivoDocumento>
{
    public void Configure(EntityTypeBuilder<ArchivoDocumento> e)
    {
        e.ToTable("archivos_documento");
        e.HasKey(x => x.DocumentoId);
        e.Property(x => x.DocumentoId).ValueGeneratedNever();
        e.Property(x => x.Clave).HasMaxLength(64);
        e.Property(x => x.SubidoPor).HasMaxLength(200);
        e.HasOne<Documento>().WithOne().HasForeignKey<ArchivoDocumento>(x => x.DocumentoId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed record ArchivoDocumentoDto(Guid DocumentoId, long Tamano, DateTimeOffset Subido, string SubidoPor);

/// <summary>Attaches (or replaces) a document's PDF: a PDF by its first bytes, at most <see cref="TiposAdjunto.TamanoMaximo"/>.</summary>
public sealed record AdjuntarArchivoDocumento(Guid DocumentoId, Stream Contenido, long Tamano) : IRequest<ArchivoDocumentoDto>
{
    public const string Pdf = "application/pdf";

    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPut("/documentos/{id:guid}/archivo", async Task<Results<Ok<ArchivoDocumentoDto>, ProblemHttpResult>> (Guid id, IFormFile archivo, IMediator m, CancellationToken ct) =>
        {
            if (archivo.Length > TiposAdjunto.TamanoMaximo)
            {
                return TypedResults.Problem(
                    title: "Archivo demasiado grande", statusCode: StatusCodes.Status413PayloadTooLarge,
                    detail: $"El archivo supera el máximo de {TiposAdjunto.TamanoMaximo / (1024 * 1024)} MB.",
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["archivo"] = [$"tamano_maximo: El archivo supera el máximo de {TiposAdjunto.TamanoMaximo / (1024 * 1024)} MB."] } });
            }

            await using var contenido = archivo.OpenReadStream();
            return TypedResults.Ok(await m.Send(new AdjuntarArchivoDocumento(id, contenido, archivo.Length), ct));
        })
        .WithName("AdjuntarArchivoDocumento").DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(TiposAdjunto.TamanoMaximo + (1024 * 1024)))
        .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(413).ProducesProblem(422);
}

public sealed class AdjuntarArchivoDocumentoHandler(CarteraDbContext db, IAlmacenArchivos almacen, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<AdjuntarArchivoDocumento, ArchivoDocumentoDto>
{
    public async ValueTask<ArchivoDocumentoDto> Handle(AdjuntarArchivoDocumento request, CancellationToken cancellationToken)
    {
        if (!await db.Documentos.AnyAsync(d => d.Id == request.DocumentoId, cancellationToken))
            throw new NoEncontradoException("Documento", request.DocumentoId);
        if (request.Tamano == 0)
            throw new ReglaNegocioException("archivo", "archivo_vacio", "El archivo está vacío.");

        var (tipo, clave) = await SubidaAdjunto.GuardarAsync(almacen, request.Contenido, cancellationToken)
            ?? throw new ReglaNegocioException("archivo", "tipo_no_permitido", "El archivo del documento debe ser un PDF.");
        if (tipo.ContentType != AdjuntarArchivoDocumento.Pdf)
        {
            await almacen.EliminarAsync(clave, CancellationToken.None);
            throw new ReglaNegocioException("archivo", "tipo_no_permitido", "El archivo del documento debe ser un PDF.");
        }

        var archivo = await db.Set<ArchivoDocumento>().SingleOrDefaultAsync(a => a.DocumentoId == request.DocumentoId, cancellationToken);
        var anterior = archivo?.Clave;
        if (archivo is null)
        {
            archivo = new ArchivoDocumento { DocumentoId = request.DocumentoId, Clave = clave, SubidoPor = contexto.Actor };
            db.Add(archivo);
        }

        archivo.Clave = clave;
        archivo.Tamano = request.Tamano;
        archivo.Subido = reloj.GetUtcNow();
        archivo.SubidoPor = contexto.Actor;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await almacen.EliminarAsync(clave, CancellationToken.None);
            throw;
        }

        if (anterior is not null)
            await almacen.EliminarAsync(anterior, CancellationToken.None);
        return new ArchivoDocumentoDto(archivo.DocumentoId, archivo.Tamano, archivo.Subido, archivo.SubidoPor);
    }
}

/// <summary>Streams a document's PDF back; 404 when the document has none.</summary>
public sealed record DescargarArchivoDocumento(Guid DocumentoId) : IRequest<ArchivoDocumentoCliente?>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/documentos/{id:guid}/archivo", async Task<FileStreamHttpResult> (Guid id, IMediator m, CancellationToken ct) =>
        {
            var a = await m.Send(new DescargarArchivoDocumento(id), ct) ?? throw new NoEncontradoException("Archivo del documento", id);
            return TypedResults.File(a.Contenido, a.TipoContenido, a.NombreArchivo);
        })
        .WithName("DescargarArchivoDocumento").Produces(200, typeof(Stream), AdjuntarArchivoDocumento.Pdf).ProducesProblem(404);
}

public sealed class DescargarArchivoDocumentoHandler(CarteraDbContext db, IAlmacenArchivos almacen)
    : IRequestHandler<DescargarArchivoDocumento, ArchivoDocumentoCliente?>, IRequestHandler<ObtenerArchivoDocumentoCliente, ArchivoDocumentoCliente?>
{
    public ValueTask<ArchivoDocumentoCliente?> Handle(DescargarArchivoDocumento request, CancellationToken cancellationToken) =>
        AbrirAsync(request.DocumentoId, null, cancellationToken);

    public ValueTask<ArchivoDocumentoCliente?> Handle(ObtenerArchivoDocumentoCliente request, CancellationToken cancellationToken) =>
        AbrirAsync(request.DocumentoId, request.ClienteId, cancellationToken);

    private async ValueTask<ArchivoDocumentoCliente?> AbrirAsync(Guid documentoId, Guid? clienteId, CancellationToken ct)
    {
        var fila = await db.Set<ArchivoDocumento>().AsNoTracking().Where(a => a.DocumentoId == documentoId)
            .Join(db.Documentos, a => a.DocumentoId, d => d.Id, (a, d) => new { a.Clave, d.ClienteId, d.Tipo, d.Folio })
            .SingleOrDefaultAsync(ct);
        if (fila is null || (clienteId is { } c && fila.ClienteId != c))
            return null;
        var contenido = await almacen.AbrirAsync(fila.Clave, ct);
        return contenido is null ? null : new ArchivoDocumentoCliente(contenido, AdjuntarArchivoDocumento.Pdf, $"documento-{fila.Tipo}-{fila.Folio}.pdf");
    }
}
