using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Disputas;

public static class ProyeccionAdjunto
{
    public static AdjuntoDisputaDto Dto(AdjuntoDisputa a) => new(a.Id, a.Nombre, a.TipoContenido, a.Tamano, a.Subido, a.SubidoPor);
}

/// <summary>Attaches a file to a dispute; its kind comes from its first bytes, its name is only shown.</summary>
public sealed record AdjuntarADisputa(Guid Id, Stream Contenido, string Nombre, long Tamano) : IRequest<AdjuntoDisputaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/gestion/disputas/{id:guid}/adjuntos", async Task<Created<AdjuntoDisputaDto>> (Guid id, IFormFile archivo, IMediator m, CancellationToken ct) =>
        {
            await using var contenido = archivo.OpenReadStream();
            var a = await m.Send(new AdjuntarADisputa(id, contenido, archivo.FileName, archivo.Length), ct);
            return TypedResults.Created($"/api/v1/gestion/disputas/{id}/adjuntos/{a.Id}", a);
        })
        .WithName("AdjuntarADisputa").DisableAntiforgery().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class AdjuntarADisputaHandler(GestionDbContext db, AlcanceGestion alcance, IAlmacenArchivos almacen, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<AdjuntarADisputa, AdjuntoDisputaDto>
{
    public async ValueTask<AdjuntoDisputaDto> Handle(AdjuntarADisputa request, CancellationToken cancellationToken)
    {
        var disputa = await ProyeccionDisputa.VisibleAsync(db, alcance, request.Id, cancellationToken);
        if (request.Tamano <= 0)
            throw new ReglaNegocioException("archivo", "archivo_vacio", "El archivo está vacío.");
        if (request.Tamano > TiposAdjunto.TamanoMaximo)
            throw new ReglaNegocioException("archivo", "archivo_grande", $"El archivo supera {TiposAdjunto.TamanoMaximo / 1024 / 1024} MB.");
        var (tipo, clave) = await SubidaAdjunto.GuardarAsync(almacen, request.Contenido, cancellationToken)
            ?? throw new ReglaNegocioException("archivo", "tipo_no_permitido", $"Solo se adjuntan archivos {TiposAdjunto.Descripcion}.");
        var nombre = Path.GetFileName(request.Nombre.Replace('\\', '/')).Replace("\0", "", StringComparison.Ordinal).Trim();
        if (nombre.Length == 0)
            nombre = $"adjunto.{tipo.Extension}";
        var adjunto = new AdjuntoDisputa
        {
            DisputaId = disputa.Id, Nombre = nombre[..Math.Min(nombre.Length, LargosGestion.Nombre)], TipoContenido = tipo.ContentType, Tamano = request.Tamano, Clave = clave,
            Subido = reloj.GetUtcNow(), SubidoPor = contexto.Actor,
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

        return ProyeccionAdjunto.Dto(adjunto);
    }
}

public sealed record DescargarAdjuntoDisputa(Guid Id, Guid AdjuntoId) : IRequest<(AdjuntoDisputa Adjunto, Stream Contenido)>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/disputas/{id:guid}/adjuntos/{adjuntoId:guid}", async Task<FileStreamHttpResult> (Guid id, Guid adjuntoId, IMediator m, CancellationToken ct) =>
        {
            var (adjunto, contenido) = await m.Send(new DescargarAdjuntoDisputa(id, adjuntoId), ct);
            return TypedResults.File(contenido, adjunto.TipoContenido, adjunto.Nombre);
        })
        .WithName("DescargarAdjuntoDisputa").Produces(200, typeof(Stream), "application/octet-stream").ProducesProblem(404);
}

public sealed class DescargarAdjuntoDisputaHandler(GestionDbContext db, AlcanceGestion alcance, IAlmacenArchivos almacen)
    : IRequestHandler<DescargarAdjuntoDisputa, (AdjuntoDisputa Adjunto, Stream Contenido)>
{
    public async ValueTask<(AdjuntoDisputa Adjunto, Stream Contenido)> Handle(DescargarAdjuntoDisputa request, CancellationToken cancellationToken)
    {
        await ProyeccionDisputa.VisibleAsync(db, alcance, request.Id, cancellationToken);
        var adjunto = await db.Set<AdjuntoDisputa>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.AdjuntoId && a.DisputaId == request.Id, cancellationToken)
            ?? throw new NoEncontradoException("Adjunto", request.AdjuntoId);
        var contenido = await almacen.AbrirAsync(adjunto.Clave, cancellationToken) ?? throw new NoEncontradoException("Adjunto", request.AdjuntoId);
        return (adjunto, contenido);
    }
}
