using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Cobranzas.SharedKernel.Archivos;

/// <summary>
/// Where the files users attach (call recordings, letters, photos, guarantees) are kept. A file is named by an opaque key the
/// store makes itself, never by anything a user sent, and is read back as a stream.
/// </summary>
public interface IAlmacenArchivos
{
    /// <summary>Stores the content and answers its key.</summary>
    Task<string> GuardarAsync(Stream contenido, CancellationToken ct);

    /// <summary>The stored content, or null if the key names nothing.</summary>
    Task<Stream?> AbrirAsync(string clave, CancellationToken ct);

    Task EliminarAsync(string clave, CancellationToken ct);
}

public sealed class OpcionesAlmacen
{
    /// <summary>The folder of the local store; by default <c>archivos</c> under the host's data folder.</summary>
    public string Carpeta { get; set; } = Path.Combine(AppContext.BaseDirectory, "datos", "archivos");
}

/// <summary>The default store: files on the local disk, two levels of folders by key so no folder grows too large.</summary>
public sealed partial class AlmacenDiscoLocal(IOptions<OpcionesAlmacen> opciones) : IAlmacenArchivos
{
    public async Task<string> GuardarAsync(Stream contenido, CancellationToken ct)
    {
        var clave = Guid.CreateVersion7().ToString("N");
        var ruta = Ruta(clave);
        Directory.CreateDirectory(Path.GetDirectoryName(ruta)!);
        var temporal = ruta + ".parcial";
        await using (var destino = new FileStream(temporal, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            await contenido.CopyToAsync(destino, ct);
        File.Move(temporal, ruta);
        return clave;
    }

    public Task<Stream?> AbrirAsync(string clave, CancellationToken ct)
    {
        var ruta = Ruta(clave);
        return Task.FromResult<Stream?>(File.Exists(ruta) ? new FileStream(ruta, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    public Task EliminarAsync(string clave, CancellationToken ct)
    {
        File.Delete(Ruta(clave));
        return Task.CompletedTask;
    }

    private string Ruta(string clave)
    {
        if (!ClaveValida().IsMatch(clave))
            throw new ArgumentException("Clave de archivo inválida.", nameof(clave));
        return Path.Combine(opciones.Value.Carpeta, clave[..2], clave[2..4], clave);
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex ClaveValida();
}
