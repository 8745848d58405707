using FluentValidation;

namespace Cobranzas.Cartera.Antiguedad;

public static class ReglaFechaCorte
{
    // Periods and day counts are computed around the cut-off: the ends of the calendar overflow them.
    public static readonly DateOnly Primera = new(1900, 1, 1);
    public static readonly DateOnly Ultima = new(2999, 12, 31);

    public static IRuleBuilderOptions<T, DateOnly?> EnRango<T>(this IRuleBuilder<T, DateOnly?> regla, string campo) =>
        regla.Must(f => f is null || (f >= Primera && f <= Ultima)).WithErrorCode("rango")
            .WithMessage($"{campo} debe estar entre el 01-01-1900 y el 31-12-2999.");
}
