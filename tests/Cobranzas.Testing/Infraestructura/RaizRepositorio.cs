namespace Cobranzas.Testing.Infraestructura;

public static class RaizRepositorio
{
    private static readonly Lazy<string> Raiz = new(() =>
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Cobranzas.sln")))
                return d.FullName;
        }

        throw new InvalidOperationException($"No se encontró Cobranzas.sln sobre {AppContext.BaseDirectory}.");
    });

    public static string Ruta => Raiz.Value;
}
