namespace Cobranzas.SharedKernel.Archivos;

/// <summary>An upload stored only if its first bytes are an allowed kind (<see cref="TiposAdjunto"/>), streamed whole to the store.</summary>
public static class SubidaAdjunto
{
    /// <summary>The kind and the store's key, or null (nothing stored) when the content is not an allowed kind.</summary>
    public static async Task<(TipoAdjunto Tipo, string Clave)?> GuardarAsync(IAlmacenArchivos almacen, Stream contenido, CancellationToken ct)
    {
        // An uploaded form file is seekable; anything else is first spooled to a temporary file so it can be read twice.
        await using var temporal = contenido.CanSeek ? null : new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        if (temporal is not null)
        {
            await contenido.CopyToAsync(temporal, ct);
            contenido = temporal;
        }

        contenido.Position = 0;
        var inicio = new byte[16];
        var leidos = await contenido.ReadAtLeastAsync(inicio, inicio.Length, throwOnEndOfStream: false, ct);
        if (TiposAdjunto.Reconocer(inicio.AsSpan(0, leidos)) is not { } tipo)
            return null;
        contenido.Position = 0;
        return (tipo, await almacen.GuardarAsync(contenido, ct));
    }
}
