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
        var inicio = new byte[16];
        var leidos = 0;
        while (leidos < inicio.Length && await request.Contenido.ReadAsync(inicio.AsMemory(leidos), cancellationToken) is var n and > 0)
            leidos += n;
        var tipo = TiposAdjunto.Reconocer(inicio.AsSpan(0, leidos))
            ?? throw new ReglaNegocioException("archivo", "tipo_no_permitido", $"Solo se adjuntan archivos {TiposAdjunto.Descripcion}.");
        string clave;
        await using (var completo = new ConcatenadoStream(inicio.AsMemory(0, leidos), request.Contenido))
            clave = await almacen.GuardarAsync(completo, cancellationToken);
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

/// <summary>The bytes already read to recognise the kind, then the rest of the upload.</summary>
internal sealed class ConcatenadoStream(ReadOnlyMemory<byte> inicio, Stream resto) : Stream
{
    private int _posicion;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_posicion < inicio.Length)
        {
            var n = Math.Min(buffer.Length, inicio.Length - _posicion);
            inicio.Slice(_posicion, n).CopyTo(buffer);
            _posicion += n;
            return n;
        }

        return await resto.ReadAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
