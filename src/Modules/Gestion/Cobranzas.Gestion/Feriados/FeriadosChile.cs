using Cobranzas.Gestion.Persistencia;

namespace Cobranzas.Gestion.Feriados;

/// <summary>
/// Chilean holidays as data (Leyes 2.977, 19.668, 20.148, 20.299, 20.663, 20.768, 21.357 and the election days), with the
/// moved ones at the date they are observed: 2025–2027 as published, the years after computed by the same laws (Easter, the
/// winter solstice, the Monday and Friday moves) until the decrees are out. A new revision adds rows with a new
/// <see cref="Version"/> and a migration.
/// </summary>
public static class FeriadosChile
{
    public const string Version = "2026.1";
    public const string Arica = "Arica y Parinacota";
    public const string Nuble = "Ñuble";

    public static readonly Feriado[] Tabla =
    [
        .. Anio(2025, new(2025, 4, 18), new(2025, 6, 20), sanPedro: new(2025, 6, 29), encuentro: new(2025, 10, 12), evangelicas: new(2025, 10, 31)),
        N(new(2025, 11, 16), "Elecciones presidenciales y parlamentarias", irrenunciable: true),
        N(new(2025, 12, 14), "Elección presidencial (segunda vuelta)", irrenunciable: true),
        .. Anio(2026, new(2026, 4, 3), new(2026, 6, 21), sanPedro: new(2026, 6, 29), encuentro: new(2026, 10, 12), evangelicas: new(2026, 10, 31)),
        .. Anio(2027, new(2027, 3, 26), new(2027, 6, 21), sanPedro: new(2027, 6, 28), encuentro: new(2027, 10, 11), evangelicas: new(2027, 10, 31)),
        .. Enumerable.Range(2028, 8).SelectMany(a => Calculado(a, VersionCalculada)),
    ];

    /// <summary>The revision that added the computed years 2028–2035.</summary>
    public const string VersionCalculada = "2026.2";

    /// <summary>A year's national and regional holidays by the laws' rules, without election days (those are set by decree).</summary>
    public static IEnumerable<Feriado> Calculado(int anio, string version = Version) =>
        Anio(anio, Pascua(anio).AddDays(-2), SolsticioDeInvierno(anio), sanPedro: AlLunes(new(anio, 6, 29)), encuentro: AlLunes(new(anio, 10, 12)),
            evangelicas: Evangelicas(anio)).Select(f => f.Version == version ? f : new Feriado
            {
                Fecha = f.Fecha, Nombre = f.Nombre, Region = f.Region, FechaOriginal = f.FechaOriginal, Irrenunciable = f.Irrenunciable, Version = version,
            });

    /// <summary>Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    private static DateOnly Pascua(int anio)
    {
        int a = anio % 19, b = anio / 100, c = anio % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        return new DateOnly(anio, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1);
    }

    /// <summary>
    /// Ley 21.357: the day of the June solstice in Chile. Meeus' mean-solstice polynomial (Astronomical Algorithms, ch. 27), good to
    /// minutes, then the instant's date in Santiago.
    /// </summary>
    private static DateOnly SolsticioDeInvierno(int anio)
    {
        var y = (anio - 2000) / 1000.0;
        var jde = 2451716.56767 + 365241.62603 * y + 0.00325 * y * y + 0.00888 * y * y * y - 0.00030 * y * y * y * y;
        var utc = new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddDays(jde - 2451545.0).AddSeconds(-70);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, SharedKernel.Tiempo.FechaNegocio.Santiago));
    }

    /// <summary>Ley 19.668: on a Tuesday, Wednesday or Thursday the holiday moves to that week's Monday; on a Friday, to the next Monday.</summary>
    private static DateOnly AlLunes(DateOnly fecha) => fecha.DayOfWeek switch
    {
        DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday => fecha.AddDays(DayOfWeek.Monday - fecha.DayOfWeek),
        DayOfWeek.Friday => fecha.AddDays(3),
        _ => fecha,
    };

    /// <summary>Ley 20.299: 31 October on a Tuesday moves to the Friday before; on a Wednesday, to the Friday after.</summary>
    private static DateOnly Evangelicas(int anio)
    {
        var dia = new DateOnly(anio, 10, 31);
        return dia.DayOfWeek switch { DayOfWeek.Tuesday => dia.AddDays(-4), DayOfWeek.Wednesday => dia.AddDays(2), _ => dia };
    }

    private static IEnumerable<Feriado> Anio(int anio, DateOnly viernesSanto, DateOnly pueblosIndigenas, DateOnly sanPedro, DateOnly encuentro, DateOnly evangelicas) =>
    [
        N(new(anio, 1, 1), "Año Nuevo", irrenunciable: true),
        N(viernesSanto, "Viernes Santo"),
        N(viernesSanto.AddDays(1), "Sábado Santo"),
        N(new(anio, 5, 1), "Día Nacional del Trabajo", irrenunciable: true),
        N(new(anio, 5, 21), "Día de las Glorias Navales"),
        N(pueblosIndigenas, "Día Nacional de los Pueblos Indígenas"),
        N(sanPedro, "San Pedro y San Pablo", original: new(anio, 6, 29)),
        R(new(anio, 6, 7), "Asalto y Toma del Morro de Arica", Arica),
        N(new(anio, 7, 16), "Día de la Virgen del Carmen"),
        N(new(anio, 8, 15), "Asunción de la Virgen"),
        R(new(anio, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)", Nuble),
        N(new(anio, 9, 18), "Independencia Nacional", irrenunciable: true),
        N(new(anio, 9, 19), "Día de las Glorias del Ejército", irrenunciable: true),
        N(encuentro, "Encuentro de Dos Mundos", original: new(anio, 10, 12)),
        N(evangelicas, "Día de las Iglesias Evangélicas y Protestantes", original: new(anio, 10, 31)),
        N(new(anio, 11, 1), "Día de Todos los Santos"),
        N(new(anio, 12, 8), "Inmaculada Concepción"),
        N(new(anio, 12, 25), "Navidad", irrenunciable: true),
    ];

    private static Feriado N(DateOnly fecha, string nombre, bool irrenunciable = false, DateOnly? original = null) =>
        new() { Fecha = fecha, Nombre = nombre, Irrenunciable = irrenunciable, FechaOriginal = original == fecha ? null : original, Version = Version };

    private static Feriado R(DateOnly fecha, string nombre, string region) => new() { Fecha = fecha, Nombre = nombre, Region = region, Version = Version };
}
