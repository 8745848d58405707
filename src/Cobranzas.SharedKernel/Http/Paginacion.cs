namespace Cobranzas.SharedKernel.Http;

public sealed record Pagina<T>(IReadOnlyList<T> Items, int Total, int NumeroPagina, int TamanoPagina);

public static class Paginacion
{
    public const int TamanoMaximo = 200;

    public static (int Saltar, int Tomar, int Pagina, int Tamano) Normalizar(int? pagina, int? tamano)
    {
        var t = Math.Clamp(tamano ?? 25, 1, TamanoMaximo);
        // A page past the last one is empty; capping it keeps (p - 1) * t an int (int.MaxValue overflowed to a negative OFFSET).
        var p = Math.Clamp(pagina ?? 1, 1, int.MaxValue / t);
        return ((p - 1) * t, t, p, t);
    }
}
