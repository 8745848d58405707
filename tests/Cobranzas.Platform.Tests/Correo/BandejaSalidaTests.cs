using Cobranzas.Platform.Correo;
using Cobranzas.Platform.Persistencia;
using Cobranzas.Testing;
using Cobranzas.Testing.Infraestructura;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cobranzas.Platform.Tests.Correo;

/// <summary>The e-mail outbox drained by DespachadorCorreos (what the Quartz job runs every 30 s).</summary>
public sealed class BandejaSalidaTests : PruebaApi
{
    private static async Task<Guid> EncolarAsync(string para, TimeSpan? demora = null)
    {
        var correo = new CorreoSaliente
        {
            Para = para, Asunto = $"Prueba de bandeja {para}", Html = "<p>Hola</p>", Texto = "Hola",
            Creado = Fixture.Reloj.GetUtcNow(), ProximoIntento = Fixture.Reloj.GetUtcNow() + (demora ?? TimeSpan.Zero),
        };
        await Fixture.EnAmbitoAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlataformaDbContext>();
            db.CorreosSalientes.Add(correo);
            await db.SaveChangesAsync();
        });
        return correo.Id;
    }

    private static Task<int> DespacharAsync() =>
        Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<DespachadorCorreos>().EnviarPendientesAsync(CancellationToken.None));

    private static Task<CorreoSaliente> LeerAsync(Guid id) =>
        Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<PlataformaDbContext>().CorreosSalientes.AsNoTracking().SingleAsync(c => c.Id == id));

    [Test]
    public async Task Correo_pendiente_se_envia_por_smtp_una_sola_vez()
    {
        var para = Fixture.EmailUnico("bandeja", "cliente.test");
        var id = await EncolarAsync(para);

        Assert.That(await DespacharAsync(), Is.EqualTo(1));
        Assert.That(await DespacharAsync(), Is.Zero);

        var recibido = await Fixture.Correo.EsperarCorreoAsync(para);
        Assert.That(recibido.Asunto, Is.EqualTo($"Prueba de bandeja {para}"));
        Assert.That(await Fixture.Correo.CorreosParaAsync(para), Has.Count.EqualTo(1));
        Assert.That((await LeerAsync(id)).Enviado, Is.Not.Null);
    }

    [Test]
    public async Task Correo_programado_espera_su_hora()
    {
        var para = Fixture.EmailUnico("programado", "cliente.test");
        await EncolarAsync(para, TimeSpan.FromMinutes(5));

        Assert.That(await DespacharAsync(), Is.Zero);
        Fixture.Reloj.Advance(TimeSpan.FromMinutes(5));
        Assert.That(await DespacharAsync(), Is.EqualTo(1));

        await Fixture.Correo.EsperarCorreoAsync(para);
    }

    [Test]
    public async Task Si_el_servidor_smtp_no_responde_el_correo_se_reintenta_despues()
    {
        var para = Fixture.EmailUnico("reintento", "cliente.test");
        var id = await EncolarAsync(para);
        var puertoCerrado = Procesos.PuertoLibre();

        var enviados = await Fixture.EnAmbitoAsync(sp =>
        {
            var sinServidor = Options.Create(new OpcionesSmtp { Host = "127.0.0.1", Port = puertoCerrado });
            var despachador = new DespachadorCorreos(sp.GetRequiredService<PlataformaDbContext>(), sinServidor, Fixture.Reloj, sp.GetRequiredService<ILogger<DespachadorCorreos>>());
            return despachador.EnviarPendientesAsync(CancellationToken.None);
        });

        Assert.That(enviados, Is.Zero);
        var fallido = await LeerAsync(id);
        Assert.That((fallido.Enviado, fallido.Intentos), Is.EqualTo(((DateTimeOffset?)null, 1)));
        Assert.That(fallido.UltimoError, Is.Not.Empty);
        Assert.That(fallido.ProximoIntento, Is.EqualTo(Fixture.Reloj.GetUtcNow().AddSeconds(30)).Within(TimeSpan.FromMilliseconds(1)));

        Assert.That(await DespacharAsync(), Is.Zero, "Antes del plazo de reintento no se envía.");
        Fixture.Reloj.Advance(TimeSpan.FromSeconds(30));
        Assert.That(await DespacharAsync(), Is.EqualTo(1));
        await Fixture.Correo.EsperarCorreoAsync(para);
    }
}
