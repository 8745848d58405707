using System.Globalization;

namespace Cobranzas.Cartera.CargosMora;

public static class RegimenesCargo
{
    /// <summary>A business debtor: Ley 19.983 (as amended by Ley 21.131) on invoices.</summary>
    public const string Empresa = "empresa";

    /// <summary>A consumer: Ley 19.496 art. 37.</summary>
    public const string Consumidor = "consumidor";
}

/// <summary>An overdue installment as the late-charge rules see it, at the calculation date.</summary>
/// <param name="SaldoDias">The sum, over each day from the day after the due date to the calculation date, of that day's balance.</param>
public readonly record struct CuotaEnMora(string Tipo, string Moneda, DateOnly FechaVencimiento, decimal Saldo, decimal SaldoDias, decimal SaldoClp, decimal ValorMoneda);

public sealed record PasoCargoDto(string Concepto, string Detalle, decimal Monto);

public sealed record CargosCuota(int DiasMora, decimal Interes, decimal Comision, decimal GastosCobranza, IReadOnlyList<PasoCargoDto> Pasos)
{
    public decimal Total => Interes + Comision + GastosCobranza;
}

/// <summary>
/// The charges Chilean law allows on late debt, the one home of these rules. Interest is simple, from the day after the due date,
/// on each day's balance at the annual rate / 360 (the market's convention for the tasa máxima convencional). Business debtors owe
/// the fixed collection commission on unpaid invoices (Ley 21.131, at most 1%). Consumers owe collection charges only after 20
/// days overdue, on a progressive scale in UF of the overdue debt, less 0.2 UF when they got no free notice within 15 days
/// after the due date. Amounts are CLP, rounded to the peso half away from zero.
/// </summary>
public static class ReglasCargosMora
{
    public const int DiasSinGastosConsumidor = 20;
    public const int DiasAvisoGratuito = 15;
    public const decimal ReduccionSinAvisoUf = 0.2m;
    public const decimal ComisionMaximaPorcentaje = 1m;
    public const int BaseDias = 360;

    /// <summary>Ley 19.496 art. 37: 9% up to 10 UF, 6% on the part between 10 and 50 UF, 3% on the part above 50 UF.</summary>
    public static readonly (decimal HastaUf, decimal Porcentaje)[] TramosConsumidor = [(10m, 9m), (50m, 6m), (decimal.MaxValue, 3m)];

    /// <summary>Factura electrónica and factura exenta: the documents of Ley 19.983.</summary>
    private static readonly string[] Facturas = ["33", "34"];

    private static readonly CultureInfo Chile = CultureInfo.GetCultureInfo("es-CL");

    public static bool EsFactura(string tipo) => Facturas.Contains(tipo);

    public static decimal Pesos(decimal monto) => Math.Round(monto, 0, MidpointRounding.AwayFromZero);

    public static decimal GastosConsumidorUf(decimal deudaUf)
    {
        decimal gastos = 0, desde = 0;
        foreach (var (hasta, porcentaje) in TramosConsumidor)
        {
            if (deudaUf <= desde)
                break;
            gastos += (Math.Min(deudaUf, hasta) - desde) * porcentaje / 100m;
            desde = hasta;
        }

        return Math.Round(gastos, 4, MidpointRounding.AwayFromZero);
    }

    public static CargosCuota Calcular(
        CuotaEnMora cuota, DateOnly fecha, string regimen, decimal? tasaAnual, decimal comisionPorcentaje, decimal? uf, bool avisoGratuito)
    {
        var dias = fecha.DayNumber - cuota.FechaVencimiento.DayNumber;
        var pasos = new List<PasoCargoDto>();

        decimal interes = 0;
        if (tasaAnual is { } tasa && tasa > 0)
        {
            var enMoneda = Math.Round(cuota.SaldoDias * tasa / 100m / BaseDias, Monedas.Decimales(cuota.Moneda), MidpointRounding.AwayFromZero);
            interes = Pesos(enMoneda * cuota.ValorMoneda);
            var conversion = cuota.Moneda == Monedas.Clp ? "" : $" = {enMoneda.ToString("N" + Monedas.Decimales(cuota.Moneda), Chile)} {cuota.Moneda} × {Dinero(cuota.ValorMoneda)}";
            pasos.Add(new("interes",
                $"Saldo diario acumulado {Cantidad(cuota.SaldoDias, cuota.Moneda)} (saldo de cada día por {dias} días) × {Porcentaje(tasa)} anual / {BaseDias}{conversion}", interes));
        }

        decimal comision = 0;
        if (regimen == RegimenesCargo.Empresa && EsFactura(cuota.Tipo) && comisionPorcentaje > 0)
        {
            comision = Pesos(cuota.SaldoClp * comisionPorcentaje / 100m);
            pasos.Add(new("comision", $"Comisión de cobranza: {Porcentaje(comisionPorcentaje)} del saldo {Dinero(cuota.SaldoClp)} (Ley 21.131)", comision));
        }

        decimal gastos = 0;
        if (regimen == RegimenesCargo.Consumidor)
        {
            if (dias <= DiasSinGastosConsumidor)
                pasos.Add(new("gastos_cobranza", $"Sin gastos de cobranza: {dias} días de atraso, se cobran desde el día {DiasSinGastosConsumidor + 1} (Ley 19.496 art. 37)", 0));
            else if (uf is { } valorUf)
            {
                var deudaUf = Math.Round(cuota.SaldoClp / valorUf, 4, MidpointRounding.AwayFromZero);
                var escala = GastosConsumidorUf(deudaUf);
                var neto = avisoGratuito ? escala : Math.Max(0, escala - ReduccionSinAvisoUf);
                gastos = Pesos(neto * valorUf);
                pasos.Add(new("gastos_cobranza",
                    $"Deuda vencida {Dinero(cuota.SaldoClp)} = {Uf(deudaUf)} (UF {Dinero(valorUf)}); escala 9% hasta 10 UF, 6% de 10 a 50 UF, 3% sobre 50 UF = {Uf(escala)}"
                    + (avisoGratuito ? "" : $"; menos {Uf(ReduccionSinAvisoUf)} por no haber aviso gratuito en los {DiasAvisoGratuito} días siguientes al vencimiento = {Uf(neto)}")
                    + $"; × UF {Dinero(valorUf)}", gastos));
            }
        }

        return new CargosCuota(dias, interes, comision, gastos, pasos);
    }

    private static string Dinero(decimal monto) => "$" + monto.ToString(monto == decimal.Truncate(monto) ? "N0" : "N2", Chile);

    private static string Cantidad(decimal monto, string moneda) => moneda == Monedas.Clp ? Dinero(monto) : $"{monto.ToString("N" + Monedas.Decimales(moneda), Chile)} {moneda}";

    private static string Uf(decimal uf) => $"{uf.ToString("0.####", Chile)} UF";

    private static string Porcentaje(decimal p) => $"{p.ToString("0.####", Chile)}%";
}
