using Cobranzas.Gestion.Persistencia;

namespace Cobranzas.Gestion.Feriados;

/// <summary>
/// Chilean holidays 2025–2027 as data (Leyes 2.977, 19.668, 20.148, 20.299, 20.663, 20.768, 21.357 and the election days),
/// with the moved ones at the date they are observed. A new revision adds rows with a new <see cref="Version"/> and a migration.
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
    ];

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
