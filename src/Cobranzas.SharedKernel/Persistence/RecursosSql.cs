using System.Collections.Concurrent;
using System.Text;

namespace Cobranzas.SharedKernel.Persistence;

/// <summary>
/// A module's set-based statements, each kept whole in a <c>.sql</c> file beside its slice (embedded by the csproj) and read
/// once. A line <c>--#incluir ruta.sql</c> is replaced by that file (relative to the including one), so the CTEs two
/// statements share are written once.
/// </summary>
public sealed class RecursosSql(System.Reflection.Assembly ensamblado)
{
    private readonly ConcurrentDictionary<string, string> _leidos = new();

    /// <param name="ruta">Path from the project folder, e.g. <c>Antiguedad/Antiguedad.sql</c>.</param>
    public string Leer(string ruta) => _leidos.GetOrAdd(ruta, Cargar);

    private string Cargar(string ruta)
    {
        var nombre = ensamblado.GetManifestResourceNames().SingleOrDefault(n => n.Replace('\\', '/') == ruta)
            ?? throw new InvalidOperationException($"No hay recurso SQL {ruta}.");
        using var lector = new StreamReader(ensamblado.GetManifestResourceStream(nombre)!);
        var texto = new StringBuilder();
        while (lector.ReadLine() is { } linea)
        {
            if (linea.StartsWith("--#incluir ", StringComparison.Ordinal))
                texto.AppendLine(Leer(Normalizar(Path.GetDirectoryName(ruta) + "/" + linea["--#incluir ".Length..].Trim())).TrimEnd());
            else
                texto.AppendLine(linea);
        }

        return texto.ToString();
    }

    private static string Normalizar(string ruta)
    {
        var partes = new List<string>();
        foreach (var parte in ruta.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (parte == "..")
                partes.RemoveAt(partes.Count - 1);
            else if (parte != ".")
                partes.Add(parte);
        }

        return string.Join('/', partes);
    }
}
