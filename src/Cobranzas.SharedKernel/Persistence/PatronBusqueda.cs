namespace Cobranzas.SharedKernel.Persistence;

public static class PatronBusqueda
{
    /// <summary>An ILIKE pattern that finds the text anywhere, with <c>\</c> as escape for the user's own % and _.</summary>
    public const string Escape = "\\";

    public static string Contiene(string texto) =>
        "%" + texto.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
