using System.Text;

namespace Cobranzas.SharedKernel.Archivos;

/// <summary>A kind of file users may attach, recognised by its first bytes (not by the name or type the browser sent).</summary>
public sealed record TipoAdjunto(string Extension, string ContentType, byte[] Firma, int Desplazamiento = 0, byte[]? Firma2 = null, int Desplazamiento2 = 0);

/// <summary>What an attachment may be: PDF, images (JPEG, PNG, WebP) and call recordings (MP3, WAV, OGG, M4A), up to a size.</summary>
public static class TiposAdjunto
{
    public const long TamanoMaximo = 20 * 1024 * 1024;

    public static readonly TipoAdjunto[] Permitidos =
    [
        new("pdf", "application/pdf", "%PDF-"u8.ToArray()),
        new("jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        new("png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        new("webp", "image/webp", "RIFF"u8.ToArray(), 0, "WEBP"u8.ToArray(), 8),
        new("wav", "audio/wav", "RIFF"u8.ToArray(), 0, "WAVE"u8.ToArray(), 8),
        new("mp3", "audio/mpeg", "ID3"u8.ToArray()),
        new("mp3", "audio/mpeg", [0xFF, 0xFB]),
        new("ogg", "audio/ogg", "OggS"u8.ToArray()),
        new("m4a", "audio/mp4", "ftyp"u8.ToArray(), 4),
    ];

    public static string Descripcion => "PDF, JPEG, PNG, WebP, MP3, WAV, OGG o M4A";

    /// <summary>The kind of the content from its first bytes (at least 12 of them), or null if it is not an allowed kind.</summary>
    public static TipoAdjunto? Reconocer(ReadOnlySpan<byte> inicio)
    {
        foreach (var tipo in Permitidos)
        {
            if (Coincide(inicio, tipo.Firma, tipo.Desplazamiento) && (tipo.Firma2 is null || Coincide(inicio, tipo.Firma2, tipo.Desplazamiento2)))
                return tipo;
        }

        return null;
    }

    /// <summary>The name shown: the uploaded one without folders or odd characters, with the extension of the recognised kind.</summary>
    public static string NombreSeguro(string? nombre, string extension, string porDefecto = "adjunto")
    {
        var basico = Path.GetFileNameWithoutExtension(Path.GetFileName((nombre ?? "").Replace('\\', '/').Split('/').Last()));
        var limpio = new StringBuilder();
        foreach (var c in basico.Normalize(NormalizationForm.FormC))
            limpio.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' or '.' ? c : '_');
        var texto = limpio.ToString().Trim(' ', '.');
        if (texto.Length == 0)
            texto = porDefecto;
        if (texto.Length > 100)
            texto = texto[..100];
        return $"{texto}.{extension}";
    }

    private static bool Coincide(ReadOnlySpan<byte> inicio, byte[] firma, int desplazamiento) =>
        inicio.Length >= desplazamiento + firma.Length && inicio.Slice(desplazamiento, firma.Length).SequenceEqual(firma);
}
