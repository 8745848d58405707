using Cobranzas.Platform.Correo;
using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Correo;
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

    [Test]
    public async Task Dos_despachos_a_la_vez_envian_cada_correo_una_sola_vez()
    {
        // Two replicas drain the outbox at once (the Quartz job on one, an invitation on the other).
        var destinatarios = Enumerable.Range(0, 20).Select(i => Fixture.EmailUnico($"paralelo{i}", "cliente.test")).ToList();
        foreach (var para in destinatarios)
            await EncolarAsync(para);

        var enviados = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(DespacharAsync)));

        Assert.That(enviados.Sum(), Is.EqualTo(20), "Entre todos los despachos se envía cada correo una vez.");
        foreach (var para in destinatarios)
            await Fixture.Correo.EsperarCorreoAsync(para);
        var recibidos = new List<int>();
        foreach (var para in destinatarios)
            recibidos.Add((await Fixture.Correo.CorreosParaAsync(para)).Count);
        Assert.That(recibidos, Is.All.EqualTo(1));
    }

    [Test]
    public async Task El_message_id_del_correo_es_el_de_su_fila_en_la_bandeja()
    {
        // A resend after a crash between the SMTP server's acceptance and the mark carries the same Message-ID,
        // so the receiving server or client can recognise the duplicate.
        var para = Fixture.EmailUnico("messageid", "cliente.test");
        var id = await EncolarAsync(para);

        await DespacharAsync();

        await Fixture.Correo.EsperarCorreoAsync(para);
        Assert.That(await Fixture.Correo.MessageIdsParaAsync(para), Is.EqualTo(new[] { $"{id:N}@cobranzas" }));
    }
}
