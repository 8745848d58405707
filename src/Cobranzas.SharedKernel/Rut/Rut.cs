using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Cobranzas.SharedKernel.Rut;

/// <summary>Chilean RUT, stored canonically as <c>12345678-5</c>.</summary>
public readonly record struct Rut
{
    public const int LargoMaximoEntrada = 12;

    /// <summary>No person or company alive holds a RUT below this; "1-9" passes módulo 11 but is a typing slip, not a RUT.</summary>
    public const int NumeroMinimo = 100_000;

    private Rut(int numero, char digitoVerificador)
    {
        Numero = numero;
        DigitoVerificador = digitoVerificador;
    }

    public int Numero { get; }
    public char DigitoVerificador { get; }

    public string Canonico => $"{Numero.ToString(CultureInfo.InvariantCulture)}-{DigitoVerificador}";

    public string Formateado => $"{Numero.ToString("#,0", CultureInfo.GetCultureInfo("es-CL"))}-{DigitoVerificador}";

    public override string ToString() => Canonico;

    public static bool TryParse(string? texto, [NotNullWhen(true)] out Rut? rut)
    {
        rut = null;
        if (string.IsNullOrWhiteSpace(texto) || texto.Length > LargoMaximoEntrada)
            return false;

        var limpio = texto.Trim().Replace(".", "").Replace("-", "").ToUpperInvariant();
        if (limpio.Length < 2 || limpio.Length > 9)
            return false;

        var cuerpo = limpio[..^1];
        var dv = limpio[^1];
        if (!cuerpo.All(char.IsAsciiDigit) || !(char.IsAsciiDigit(dv) || dv == 'K'))
            return false;

        var numero = int.Parse(cuerpo, CultureInfo.InvariantCulture);
        if (numero < NumeroMinimo || CalcularDigito(numero) != dv)
            return false;

        rut = new Rut(numero, dv);
        return true;
    }

    public static Rut Parse(string texto) =>
        TryParse(texto, out var rut) ? rut.Value : throw new FormatException($"RUT inválido: '{texto}'.");

    public static Rut Desde(int numero) => new(numero, CalcularDigito(numero));

    /// <summary>Módulo 11 with the factors 2..7 cycling from the right.</summary>
    public static char CalcularDigito(int numero)
    {
        var suma = 0;
        var factor = 2;
        for (var n = numero; n > 0; n /= 10)
        {
            suma += n % 10 * factor;
            factor = factor == 7 ? 2 : factor + 1;
        }

        return (11 - suma % 11) switch
        {
            11 => '0',
            10 => 'K',
            var d => (char)('0' + d),
        };
    }
}
