using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cobranzas.SharedKernel.Http;

/// <summary>
/// Decimals as exact JSON numbers without the column's padding: amounts are stored at scale 4 for every currency
/// (<c>392676595.0000</c>) but validated to their currency's scale on the way in, so writing the value without trailing
/// zeros gives a CLP amount no decimals, USD at most 2 and UF at most 4 (<c>392676595</c>, <c>1234.5</c>, <c>36789.1234</c>).
/// Reads numbers only, never strings.
/// </summary>
public sealed class DecimalJson : JsonConverter<decimal>
{
    /// <summary>Said by the OpenAPI document of every decimal that is money.</summary>
    public const string DescripcionMonto =
        "Monto exacto en la moneda de su documento o pago, sin ceros de relleno: CLP sin decimales, USD con a lo más 2, UF con a lo más 4.";

    /// <summary>Said by the OpenAPI document of a decimal that is not money (see <see cref="NoEsMonto"/>).</summary>
    public const string DescripcionNoMonto =
        "Número exacto que no es un monto: un porcentaje (0 a 100), un índice, días o una probabilidad, según el nombre del campo.";

    /// <summary>
    /// Whether a decimal JSON property is a rate, share, index, number of days or probability rather than money, by its name:
    /// the reports' KPIs (DSO, CEI, morosity index, shares) are decimals too, and must not be documented as amounts.
    /// </summary>
    public static bool NoEsMonto(string nombreJson) => PatronNoMonto.IsMatch(nombreJson);

    private static readonly System.Text.RegularExpressions.Regex PatronNoMonto = new(
        "porcentaje|^tasa|^indice|^participacion|dso|^cei$|^dias|^probabilidad|^cobertura|^concentracion|^mae",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? reader.GetDecimal() : throw new JsonException();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        // Dividing by one keeps the value exactly and drops trailing zeros from its scale; most amounts are whole (CLP).
        if (value.Scale != 0)
        {
            var entero = decimal.Truncate(value);
            value = entero == value ? entero : value / 1.0000000000000000000000000000m;
        }

        writer.WriteNumberValue(value);
    }
}
