using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Notificaciones.Definiciones;

/// <summary>What a logo may be: PNG, JPEG or GIF, recognised by its first bytes, up to 1 MB.</summary>
public static class TiposLogo
{
    public const long TamanoMaximo = 1024 * 1024;

    public static readonly TipoAdjunto[] Permitidos =
    [
        new("png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        new("jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        new("gif", "image/gif", "GIF87a"u8.ToArray()),
        new("gif", "image/gif", "GIF89a"u8.ToArray()),
    ];

    public static TipoAdjunto? Reconocer(ReadOnlySpan<byte> inicio)
    {
        foreach (var t in Permitidos)
        {
            if (inicio.Length >= t.Firma.Length && inicio[..t.Firma.Length].SequenceEqual(t.Firma))
                return t;
        }

        return null;
    }
}

/// <summary>
/// The logo's address in a mail: a public URL with a signed token (company + definition) that needs no login. A URL rather than a
/// CID inline image because the same HTML is shown in the editor's preview (a browser cannot resolve <c>cid:</c>) and because ten
/// thousand reminders would otherwise each carry the image's bytes. The token does not expire: old mails keep showing the logo.
/// </summary>
public sealed class EnlacesLogo(IDataProtectionProvider proteccion, Seguimiento.UrlPublicaCorreo urlPublica)
{
    private readonly IDataProtector protector = proteccion.CreateProtector("Cobranzas.Notificaciones.Logo");

    public string? Url(DefinicionNotificacion d) => d.LogoClave is null
        ? null
        : $"{urlPublica.Base()}/api/v1/notificaciones/logos/{protector.Protect($"{d.EmpresaId:N}.{d.Id:N}")}";

    public (Guid EmpresaId, Guid DefinicionId)? Leer(string token)
    {
        try
        {
            var partes = protector.Unprotect(token).Split('.');
            return partes.Length == 2 && Guid.TryParse(partes[0], out var e) && Guid.TryParse(partes[1], out var d) ? (e, d) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

public sealed record SubirLogoDefinicion(Guid Id, Stream Contenido, long Tamano) : IRequest<DefinicionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPut("/notificaciones/definiciones/{id:guid}/logo", async Task<Ok<DefinicionDto>> (Guid id, IFormFile archivo, IMediator m, CancellationToken ct) =>
        {
            await using var contenido = archivo.OpenReadStream();
            return TypedResults.Ok(await m.Send(new SubirLogoDefinicion(id, contenido, archivo.Length), ct));
        })
        .WithName("SubirLogoDefinicion").DisableAntiforgery().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed record EliminarLogoDefinicion(Guid Id) : IRequest<DefinicionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapDelete("/notificaciones/definiciones/{id:guid}/logo", async Task<Ok<DefinicionDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new EliminarLogoDefinicion(id), ct)))
        .WithName("EliminarLogoDefinicion").ProducesProblem(404);
}

public sealed record ObtenerLogoDefinicion(Guid Id) : IRequest<(string ContentType, Stream Contenido)>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/notificaciones/definiciones/{id:guid}/logo", async Task<FileStreamHttpResult> (Guid id, IMediator m, CancellationToken ct) =>
        {
            var (tipo, contenido) = await m.Send(new ObtenerLogoDefinicion(id), ct);
            return TypedResults.File(contenido, tipo);
        })
        .WithName("ObtenerLogoDefinicion").Produces(200, typeof(Stream), "image/png", "image/jpeg", "image/gif").ProducesProblem(404);
}

/// <summary>The logo as mail clients fetch it: no login, the signed token says which company and definition.</summary>
public sealed record ObtenerLogoPublico(string Token) : IRequest<(string ContentType, Stream Contenido)>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/notificaciones/logos/{token}", async Task<FileStreamHttpResult> (string token, IMediator m, CancellationToken ct) =>
        {
            var (tipo, contenido) = await m.Send(new ObtenerLogoPublico(token), ct);
            return TypedResults.File(contenido, tipo);
        })
        .WithName("ObtenerLogoPublico").AllowAnonymous().Produces(200, typeof(Stream), "image/png", "image/jpeg", "image/gif").ProducesProblem(404);
}

public sealed class LogoDefinicionHandler(NotificacionesDbContext db, IAlmacenArchivos almacen, EnlacesLogo enlaces, IContextoSolicitudExplicito contexto, TimeProvider reloj)
    : IRequestHandler<SubirLogoDefinicion, DefinicionDto>, IRequestHandler<EliminarLogoDefinicion, DefinicionDto>,
        IRequestHandler<ObtenerLogoDefinicion, (string ContentType, Stream Contenido)>, IRequestHandler<ObtenerLogoPublico, (string ContentType, Stream Contenido)>
{
    public async ValueTask<DefinicionDto> Handle(SubirLogoDefinicion request, CancellationToken cancellationToken)
    {
        var d = await DefinicionesHandler.CargarAsync(db, request.Id, cancellationToken);
        if (request.Tamano <= 0)
            throw new ReglaNegocioException("archivo", "archivo_vacio", "El archivo está vacío.");
        if (request.Tamano > TiposLogo.TamanoMaximo)
            throw new ReglaNegocioException("archivo", "archivo_grande", "El logo no puede superar 1 MB.");
        // At most 1 MB: read whole, so the kind is checked on the bytes that are stored.
        using var memoria = new MemoryStream();
        await request.Contenido.CopyToAsync(memoria, cancellationToken);
        if (memoria.Length > TiposLogo.TamanoMaximo)
            throw new ReglaNegocioException("archivo", "archivo_grande", "El logo no puede superar 1 MB.");
        var tipo = TiposLogo.Reconocer(memoria.GetBuffer().AsSpan(0, (int)Math.Min(16, memoria.Length)))
            ?? throw new ReglaNegocioException("archivo", "tipo_no_permitido", "El logo debe ser una imagen PNG, JPEG o GIF.");
        memoria.Position = 0;
        var clave = await almacen.GuardarAsync(memoria, cancellationToken);
        var anterior = d.LogoClave;
        d.LogoClave = clave;
        d.LogoContentType = tipo.ContentType;
        d.Actualizada = reloj.GetUtcNow();
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
        return DefinicionesHandler.Dto(d);
    }

    public async ValueTask<DefinicionDto> Handle(EliminarLogoDefinicion request, CancellationToken cancellationToken)
    {
        var d = await DefinicionesHandler.CargarAsync(db, request.Id, cancellationToken);
        if (d.LogoClave is { } clave)
        {
            d.LogoClave = null;
            d.LogoContentType = null;
            d.Actualizada = reloj.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            await almacen.EliminarAsync(clave, CancellationToken.None);
        }

        return DefinicionesHandler.Dto(d);
    }

    public async ValueTask<(string ContentType, Stream Contenido)> Handle(ObtenerLogoDefinicion request, CancellationToken cancellationToken) =>
        await AbrirAsync(await db.Definiciones.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.Id, cancellationToken), request.Id, cancellationToken);

    public async ValueTask<(string ContentType, Stream Contenido)> Handle(ObtenerLogoPublico request, CancellationToken cancellationToken)
    {
        if (enlaces.Leer(request.Token) is not var (empresaId, definicionId))
            throw new NoEncontradoException("Logo", "token");
        contexto.Establecer(empresaId, "público: logo");
        return await AbrirAsync(await db.Definiciones.AsNoTracking().SingleOrDefaultAsync(d => d.Id == definicionId, cancellationToken), definicionId, cancellationToken);
    }

    private async Task<(string, Stream)> AbrirAsync(DefinicionNotificacion? d, Guid id, CancellationToken ct)
    {
        if (d?.LogoClave is null)
            throw new NoEncontradoException("Logo", id);
        var contenido = await almacen.AbrirAsync(d.LogoClave, ct) ?? throw new NoEncontradoException("Logo", id);
        return (d.LogoContentType ?? "application/octet-stream", contenido);
    }
}
