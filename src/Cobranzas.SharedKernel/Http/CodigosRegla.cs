namespace Cobranzas.SharedKernel.Http;

/// <summary>
/// The rule a client reads in a problem or a row error: our own codes as they are, FluentValidation's built-in
/// ones (class names such as <c>NotEmptyValidator</c>) in Spanish, so no answer names a .NET type.
/// </summary>
public static class CodigosRegla
{
    public static string DeValidacion(string? codigo) => codigo switch
    {
        "NotEmptyValidator" or "NotNullValidator" => "requerido",
        "GreaterThanValidator" or "GreaterThanOrEqualValidator" or "LessThanValidator" or "LessThanOrEqualValidator"
            or "InclusiveBetweenValidator" or "ExclusiveBetweenValidator" => "rango",
        "MaximumLengthValidator" or "MinimumLengthValidator" or "LengthValidator" or "ExactLengthValidator" => "largo",
        "EmailValidator" => "email_invalido",
        "RegularExpressionValidator" => "formato",
        "ScalePrecisionValidator" or "PrecisionScaleValidator" => "decimales",
        "NullValidator" or "EmptyValidator" => "debe_omitirse",
        "EnumValidator" or "StringEnumValidator" or "EqualValidator" or "NotEqualValidator" => "valor_invalido",
        null or "" => "invalido",
        _ when codigo.EndsWith("Validator", StringComparison.Ordinal) => "invalido",
        _ => codigo,
    };
}
