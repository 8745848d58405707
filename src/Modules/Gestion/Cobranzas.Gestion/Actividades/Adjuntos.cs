using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Actividades;

/// <summary>Attaches a file to an activity: kind by its first bytes (<see cref="TiposAdjunto"/>), at most <see cref="TiposAdjunto.TamanoMaximo"/>.</summary>
public sealed record AdjuntarArchivoActividad(Guid ActividadId, Stream Contenido, long Tamano, string? NombreArchivo) : IRequest<AdjuntoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/gestion/actividades/{id:guid}/adjuntos", async Task<Results<Created<AdjuntoDto>, ProblemHttpResult>> (Guid id, IFormFile archivo, IMediator m, CancellationToken ct) =>
        {
            if (archivo.Length > TiposAdjunto.TamanoMaximo)
            {
                return TypedResults.Problem(
                    title: "Archivo demasiado grande", statusCode: StatusCodes.Status413PayloadTooLarge,
                    detail: $"El archivo supera el máximo de {TiposAdjunto.TamanoMaximo / (1024 * 1024)} MB.",
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["archivo"] = [$"tamano_maximo: El archivo supera el máximo de {TiposAdjunto.TamanoMaximo / (1024 * 1024)} MB."] } });
            }

            await using var contenido = archivo.OpenReadStream();
            var a = await m.Send(new AdjuntarArchivoActividad(id, contenido, archivo.Length, archivo.FileName), ct);
            return TypedResults.Created($"/api/v1/gestion/actividades/{id}/adjuntos/{a.Id}", a);
        })
        .WithName("AdjuntarArchivoActividad").DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(TiposAdjunto.TamanoMaximo + (1024 * 1024)))
        .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(413).ProducesProblem(422);
}

public sealed class AdjuntarArchivoActividadHandler(GestionDbContext db, AlcanceGestion alcance, IAlmacenArchivos almacen, TimeProvider reloj)
    : IRequestHandler<AdjuntarArchivoActividad, AdjuntoDto>
{
    public async ValueTask<AdjuntoDto> Handle(AdjuntarArchivoActividad request, CancellationToken cancellationToken)
    {
        var actividad = await db.Actividades.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.ActividadId, cancellationToken);
        if (actividad is null || !await alcance.PuedeVerAsync(actividad.ClienteId, cancellationToken))
            throw new NoEncontradoException("Actividad", request.ActividadId);
        if (request.Tamano == 0)
            throw new ReglaNegocioException("archivo", "archivo_vacio", "El archivo está vacío.");

        var (tipo, clave) = await SubidaAdjunto.GuardarAsync(almacen, request.Contenido, cancellationToken)
            ?? throw new ReglaNegocioException("archivo", "tipo_no_permitido", $"El tipo de archivo no está permitido; se aceptan {TiposAdjunto.Descripcion}.");
        var adjunto = new AdjuntoActividad
        {
            ActividadId = actividad.Id,
            Nombre = TiposAdjunto.NombreSeguro(request.NombreArchivo, tipo.Extension),
            ContentType = tipo.ContentType,
            Tamano = request.Tamano,
            Clave = clave,
            Creado = reloj.GetUtcNow(),
        };
        db.Add(adjunto);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await almacen.EliminarAsync(clave, CancellationToken.None);
            throw;
        }

        return new AdjuntoDto(adjunto.Id, adjunto.Nombre, adjunto.ContentType, adjunto.Tamano);
    }

}

public sealed record ArchivoAdjunto(Stream Contenido, string ContentType, string Nombre);

/// <summary>Streams an attachment back with the stored safe name.</summary>
public sealed record DescargarAdjuntoActividad(Guid ActividadId, Guid AdjuntoId) : IRequest<ArchivoAdjunto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/actividades/{id:guid}/adjuntos/{adjuntoId:guid}", async Task<FileStreamHttpResult> (Guid id, Guid adjuntoId, IMediator m, CancellationToken ct) =>
        {
            var a = await m.Send(new DescargarAdjuntoActividad(id, adjuntoId), ct);
            return TypedResults.File(a.Contenido, a.ContentType, a.Nombre);
        })
        .WithName("DescargarAdjuntoActividad")
        .Produces(200, typeof(Stream), TiposAdjunto.Permitidos[0].ContentType, [.. TiposAdjunto.Permitidos.Skip(1).Select(t => t.ContentType).Distinct()])
        .ProducesProblem(404);
}

public sealed class DescargarAdjuntoActividadHandler(GestionDbContext db, AlcanceGestion alcance, IAlmacenArchivos almacen) : IRequestHandler<DescargarAdjuntoActividad, ArchivoAdjunto>
{
    public async ValueTask<ArchivoAdjunto> Handle(DescargarAdjuntoActividad request, CancellationToken cancellationToken)
    {
        var fila = await db.Set<AdjuntoActividad>().AsNoTracking()
            .Where(x => x.Id == request.AdjuntoId && x.ActividadId == request.ActividadId)
            .Join(db.Actividades, x => x.ActividadId, a => a.Id, (x, a) => new { Adjunto = x, a.ClienteId })
            .SingleOrDefaultAsync(cancellationToken);
        if (fila is null || !await alcance.PuedeVerAsync(fila.ClienteId, cancellationToken))
            throw new NoEncontradoException("Adjunto", request.AdjuntoId);
        var contenido = await almacen.AbrirAsync(fila.Adjunto.Clave, cancellationToken) ?? throw new NoEncontradoException("Adjunto", request.AdjuntoId);
        return new ArchivoAdjunto(contenido, fila.Adjunto.ContentType, fila.Adjunto.Nombre);
    }
}
