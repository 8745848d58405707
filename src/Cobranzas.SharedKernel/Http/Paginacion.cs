namespace Cobranzas.SharedKernel.Http;

public sealed record Pagina<T>(IReadOnlyList<T> Items, int Total, int NumeroPagina, int TamanoPagina);

public static class Paginacion
{
    public const int TamanoMaximo = 200;

    public static (int Saltar, int Tomar, int Pagina, int Tamano) Normalizar(int? pagina, int? tamano)
    {
        var p = Math.Max(1, pagina ?? 1);
        var t = Math.Clamp(tamano ?? 25, 1, TamanoMaximo);
        return ((p - 1) * t, t, p, t);
    }
}
