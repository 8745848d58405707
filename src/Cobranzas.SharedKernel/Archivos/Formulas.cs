namespace Cobranzas.SharedKernel.Archivos;

/// <summary>
/// A text cell that begins with = + - @ (or a tab or carriage return) is run as a formula by spreadsheets
/// (CSV injection). Exports prefix it with an apostrophe, which spreadsheets show as text; imports remove that
/// apostrophe again, so an exported file imports back unchanged.
/// </summary>
public static class Formulas
{
    private static readonly char[] Iniciales = ['=', '+', '-', '@', '\t', '\r'];

    public static string? Neutralizar(string? texto) => texto is { Length: > 0 } && Iniciales.Contains(texto[0]) ? "'" + texto : texto;

    public static string? Restaurar(string? texto) => texto is { Length: > 1 } && texto[0] == '\'' && Iniciales.Contains(texto[1]) ? texto[1..] : texto;
}
