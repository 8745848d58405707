using Cobranzas.Gestion.Feriados;
using Cobranzas.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Tests;

public sealed class FeriadosTests : PruebaApi
{
    [TestCase("2026-04-04", false, TestName = "Sábado Santo 2026 no es hábil")]
    [TestCase("2026-04-03", false, TestName = "Viernes Santo 2026 no es hábil")]
    [TestCase("2027-06-28", false, TestName = "San Pedro y San Pablo 2027 se traslada al lunes 28")]
    [TestCase("2027-06-29", true, TestName = "El martes 29 de junio de 2027 es hábil")]
    [TestCase("2026-12-07", true, TestName = "Un lunes corriente es hábil")]
    [TestCase("2026-12-05", false, TestName = "Un sábado no es hábil")]
    public async Task Dias_habiles_segun_la_tabla_de_feriados(string fecha, bool habil)
    {
        var esHabil = await Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<CalendarioHabil>().EsHabilAsync(DateOnly.Parse(fecha)));
        Assert.That(esHabil, Is.EqualTo(habil));
    }

    [Test]
    public async Task Un_feriado_regional_solo_lo_es_en_su_region()
    {
        var morro = new DateOnly(2027, 6, 7);
        var (enArica, enSantiago) = await Fixture.EnAmbitoAsync(async sp =>
        {
            var calendario = sp.GetRequiredService<CalendarioHabil>();
            return (await calendario.EsHabilAsync(morro, FeriadosChile.Arica), await calendario.EsHabilAsync(morro, "Metropolitana de Santiago"));
        });
        Assert.That((enArica, enSantiago), Is.EqualTo((false, true)));
    }

    [TestCase(2025)]
    [TestCase(2026)]
    [TestCase(2027)]
    public void Las_reglas_de_las_leyes_reproducen_la_tabla_publicada(int anio)
    {
        var publicada = FeriadosChile.Tabla.Where(f => f.Fecha.Year == anio && !f.Nombre.StartsWith("Elecci", StringComparison.Ordinal))
            .Select(f => (f.Fecha, f.Nombre, f.Region, f.FechaOriginal, f.Irrenunciable)).Order();
        var calculada = FeriadosChile.Calculado(anio).Select(f => (f.Fecha, f.Nombre, f.Region, f.FechaOriginal, f.Irrenunciable)).Order();

        Assert.That(calculada, Is.EqualTo(publicada));
    }

    [Test]
    public void Los_anios_calculados_siguen_las_reglas_de_traslado_y_el_solsticio()
    {
        var de2028 = FeriadosChile.Tabla.Where(f => f.Fecha.Year == 2028).ToDictionary(f => f.Nombre, f => f.Fecha);

        // 2028: Easter 16 April; the solstice falls on 20 June in Chile; 29 June is a Thursday (moved to Monday 26);
        // 12 October a Thursday (Monday 9); 31 October a Tuesday (the Friday before, 27).
        Assert.That(de2028["Viernes Santo"], Is.EqualTo(new DateOnly(2028, 4, 14)));
        Assert.That(de2028["Día Nacional de los Pueblos Indígenas"], Is.EqualTo(new DateOnly(2028, 6, 20)));
        Assert.That(de2028["San Pedro y San Pablo"], Is.EqualTo(new DateOnly(2028, 6, 26)));
        Assert.That(de2028["Encuentro de Dos Mundos"], Is.EqualTo(new DateOnly(2028, 10, 9)));
        Assert.That(de2028["Día de las Iglesias Evangélicas y Protestantes"], Is.EqualTo(new DateOnly(2028, 10, 27)));
        Assert.That(FeriadosChile.Tabla.Max(f => f.Fecha.Year), Is.EqualTo(2035));
    }
}
