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
}
