namespace Cobranzas.Cartera.Convenios;

public sealed record CuotaPlan(int Numero, DateOnly FechaVencimiento, decimal Capital, decimal Interes, decimal Monto);

/// <summary>
/// The installment schedule, in whole pesos. Without interest: equal installments of the amount divided by their number,
/// rounded down, the last one taking the remainder. With a monthly rate: the French system (equal installments
/// C·i / (1 − (1 + i)^−n) at the period's rate i), each period's interest on the balance still owed, rounded to the peso;
/// the last installment takes whatever capital is left, so the capital always sums to the agreed amount.
/// </summary>
public static class PlanCuotas
{
    public static decimal TasaPeriodo(decimal tasaMensual, string frecuencia) => frecuencia switch
    {
        FrecuenciasConvenio.Quincenal => tasaMensual / 2m,
        FrecuenciasConvenio.Semanal => tasaMensual * 7m / 30m,
        _ => tasaMensual,
    } / 100m;

    public static DateOnly Fecha(DateOnly primera, string frecuencia, int indice) => frecuencia switch
    {
        FrecuenciasConvenio.Quincenal => primera.AddDays(15 * indice),
        FrecuenciasConvenio.Semanal => primera.AddDays(7 * indice),
        _ => primera.AddMonths(indice),
    };

    public static List<CuotaPlan> Calcular(decimal capital, int numero, DateOnly primera, string frecuencia, decimal tasaMensual)
    {
        var i = TasaPeriodo(tasaMensual, frecuencia);
        var cuotas = new List<CuotaPlan>(numero);
        if (i == 0)
        {
            var parte = Math.Floor(capital / numero);
            for (var k = 0; k < numero; k++)
            {
                var c = k == numero - 1 ? capital - parte * (numero - 1) : parte;
                cuotas.Add(new CuotaPlan(k + 1, Fecha(primera, frecuencia, k), c, 0, c));
            }

            return cuotas;
        }

        decimal factor = 1;
        for (var k = 0; k < numero; k++)
            factor *= 1 + i;
        var fija = Pesos(capital * i * factor / (factor - 1));
        var resto = capital;
        for (var k = 0; k < numero; k++)
        {
            var interes = Pesos(resto * i);
            var amortizacion = k == numero - 1 ? resto : Math.Min(resto, fija - interes);
            resto -= amortizacion;
            cuotas.Add(new CuotaPlan(k + 1, Fecha(primera, frecuencia, k), amortizacion, interes, amortizacion + interes));
        }

        return cuotas;
    }

    /// <summary>Splits <paramref name="total"/> over weights in whole pesos, proportionally; the last non-zero weight takes the remainder.</summary>
    public static decimal[] Repartir(decimal total, IReadOnlyList<decimal> pesos)
    {
        var suma = pesos.Sum();
        var partes = new decimal[pesos.Count];
        if (suma == 0 || total == 0)
            return partes;
        var ultimo = -1;
        for (var k = 0; k < pesos.Count; k++)
            if (pesos[k] > 0)
                ultimo = k;
        decimal asignado = 0;
        for (var k = 0; k < pesos.Count; k++)
        {
            if (k == ultimo)
                partes[k] = total - asignado;
            else
                partes[k] = Math.Floor(total * pesos[k] / suma);
            asignado += partes[k];
        }

        return partes;
    }

    private static decimal Pesos(decimal monto) => Math.Round(monto, 0, MidpointRounding.AwayFromZero);
}
