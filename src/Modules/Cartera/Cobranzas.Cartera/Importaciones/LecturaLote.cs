using System.Runtime.CompilerServices;
using System.Text.Json;
using Cobranzas.Cartera.Documentos;

namespace Cobranzas.Cartera.Importaciones;

public static class LecturaLote
{
    /// <summary>The elements of a JSON array read one by one from the request body, never buffered whole.</summary>
    public static async IAsyncEnumerable<FilaLote> DesdeJson(Stream cuerpo, JsonSerializerOptions opciones, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var (fila, datos) in LoteErrores.DesdeJson<DatosDocumento>(cuerpo, opciones, ct))
            yield return new FilaLote(fila, datos, []);
    }
}
