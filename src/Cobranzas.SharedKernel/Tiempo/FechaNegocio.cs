namespace Cobranzas.SharedKernel.Tiempo;

/// <summary>Business dates are days in America/Santiago, whatever the server's zone.</summary>
public static class FechaNegocio
{
    public static readonly TimeZoneInfo Santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

    /// <summary>Today in America/Santiago, the date every business rule uses.</summary>
    public static DateOnly Hoy(TimeProvider reloj) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(reloj.GetUtcNow(), Santiago).DateTime);

    /// <summary>The business date of an instant.</summary>
    public static DateOnly De(DateTimeOffset instante) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instante, Santiago).DateTime);
}
