using FluentValidation;

namespace Cobranzas.SharedKernel.Rut;

public static class ReglasRut
{
    public static IRuleBuilderOptions<T, string> EsRut<T>(this IRuleBuilder<T, string> regla) =>
        regla.NotEmpty().WithErrorCode("requerido").WithMessage("El RUT es obligatorio.")
            .MaximumLength(Rut.LargoMaximoEntrada).WithErrorCode("largo_maximo").WithMessage($"El RUT no puede tener más de {Rut.LargoMaximoEntrada} caracteres.")
            .Must(r => Rut.TryParse(r, out _)).WithErrorCode("rut_invalido").WithMessage("RUT inválido: el dígito verificador no corresponde (módulo 11), el número es menor que 100.000 o el formato no es 12.345.678-5.");
}
