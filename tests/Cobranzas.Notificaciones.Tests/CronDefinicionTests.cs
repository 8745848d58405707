using Cobranzas.Notificaciones.Definiciones;
using Cobranzas.Notificaciones.Persistencia;

namespace Cobranzas.Notificaciones.Tests;

public sealed class CronDefinicionTests
{
    private static DefinicionNotificacion Semanal(params int[] dias) => new()
    {
        Tipo = TiposDefinicion.DocumentosVencidos, Asunto = "a", Plantilla = "p", Frecuencia = FrecuenciasDefinicion.Semanal, DiasSemana = [.. dias], Hora = new TimeOnly(9, 30),
    };

    [Test]
    public void Semanal_lunes_y_miercoles_a_las_9_30_dispara_en_hora_de_santiago_tambien_al_cambiar_el_horario()
    {
        var d = Semanal(3, 1);
        Assert.That(CronDefinicion.Expresion(d), Is.EqualTo("0 30 9 ? * MON,WED"));

        // Chile moves to summer time on Sunday 6 September 2026 (-04:00 → -03:00).
        var proximas = CronDefinicion.Proximas(d, new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero), 4);
        Assert.That(proximas, Is.EqualTo(new[]
        {
            new DateTimeOffset(2026, 9, 2, 9, 30, 0, TimeSpan.FromHours(-4)),
            new DateTimeOffset(2026, 9, 7, 9, 30, 0, TimeSpan.FromHours(-3)),
            new DateTimeOffset(2026, 9, 9, 9, 30, 0, TimeSpan.FromHours(-3)),
            new DateTimeOffset(2026, 9, 14, 9, 30, 0, TimeSpan.FromHours(-3)),
        }));
        Assert.That(proximas.Select(p => p.Offset), Is.EqualTo(new[] { TimeSpan.FromHours(-4), TimeSpan.FromHours(-3), TimeSpan.FromHours(-3), TimeSpan.FromHours(-3) }));
    }

    [Test]
    public void Al_volver_al_horario_de_invierno_sigue_a_las_9_30_locales()
    {
        // Back to -04:00 on Sunday 5 April 2026.
        var proximas = CronDefinicion.Proximas(Semanal(1, 3), new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), 2);
        Assert.That(proximas, Is.EqualTo(new[] { new DateTimeOffset(2026, 4, 1, 9, 30, 0, TimeSpan.FromHours(-3)), new DateTimeOffset(2026, 4, 6, 9, 30, 0, TimeSpan.FromHours(-4)) }));
        Assert.That(proximas.Select(p => p.UtcDateTime.Hour), Is.EqualTo(new[] { 12, 13 }));
    }

    [Test]
    public void Diaria_mensual_y_politica()
    {
        var d = Semanal();
        d.Frecuencia = FrecuenciasDefinicion.Diaria;
        Assert.That(CronDefinicion.Expresion(d), Is.EqualTo("0 30 9 * * ?"));
        d.Frecuencia = FrecuenciasDefinicion.Mensual;
        d.DiaMes = 31;
        Assert.That(CronDefinicion.Proximas(d, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), 2).Select(p => p.Date),
            Is.EqualTo(new[] { new DateTime(2026, 2, 28), new DateTime(2026, 3, 31) }));
        d.Tipo = TiposDefinicion.Politica;
        Assert.That(CronDefinicion.Expresion(d), Is.Null);
    }
}
