namespace Cobranzas.SharedKernel.Http;

public static class Montos
{
    /// <summary>Every amount column is numeric(18,4): anything from here up would overflow it in the database.</summary>
    public const decimal Maximo = 100_000_000_000_000m;
}
