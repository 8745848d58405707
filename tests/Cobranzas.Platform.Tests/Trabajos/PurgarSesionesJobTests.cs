using System.Net.Http.Json;
using Cobranzas.Platform.Persistencia;
using Cobranzas.Platform.Trabajos;
using Cobranzas.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Extensibility;
using Quartz.Impl;

namespace Cobranzas.Platform.Tests.Trabajos;

public sealed class PurgarSesionesJobTests : PruebaApi
{
    [Test]
    public async Task Purga_las_sesiones_vencidas_o_revocadas_hace_mas_de_un_dia_y_conserva_las_vigentes()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var vencida = await Fixture.CrearUsuarioAsync(empresa, "Consulta");
        var revocadaAntigua = await Fixture.CrearUsuarioAsync(empresa, "Consulta");
        var vigente = await Fixture.CrearUsuarioAsync(empresa, "Consulta");
        var revocadaReciente = await Fixture.CrearUsuarioAsync(empresa, "Consulta");
        await Fixture.IniciarSesionAsync(vencida.Email, vencida.Password);
        await (await (await Fixture.IniciarSesionAsync(revocadaAntigua.Email, revocadaAntigua.Password)).PostAsync("/api/v1/auth/logout", null)).TextoAsync(204);

        // Sessions last 10 hours; a day and a half later the first two are gone for more than a day.
        Fixture.Reloj.Advance(TimeSpan.FromHours(36));
        var api = await Fixture.IniciarSesionAsync(vigente.Email, vigente.Password);
        await (await (await Fixture.IniciarSesionAsync(revocadaReciente.Email, revocadaReciente.Password)).PostAsync("/api/v1/auth/logout", null)).TextoAsync(204);

        await EjecutarAsync();

        var quedan = await Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<PlataformaDbContext>().Sesiones.Select(s => s.UsuarioId).ToListAsync());
        Assert.That(quedan, Is.EquivalentTo(new[] { vigente.Id, revocadaReciente.Id }));
        await (await api.GetAsync("/api/v1/clientes")).JsonAsync();
    }

    [Test]
    public async Task Purga_las_invitaciones_vencidas_hace_mas_de_un_dia()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var admin = await Fixture.ClienteHttpAsync(empresa);
        await (await admin.PostAsJsonAsync("/api/v1/usuarios/invitaciones", new { email = Fixture.EmailUnico("nuevo", "austral.test"), nombre = "Nuevo", rol = "Consulta" })).JsonAsync(201);
        await EjecutarAsync();
        Assert.That(await ContarInvitacionesAsync(), Is.EqualTo(1));

        Fixture.Reloj.Advance(TimeSpan.FromDays(30));
        await EjecutarAsync();

        Assert.That(await ContarInvitacionesAsync(), Is.Zero);
    }

    /// <summary>One run of the job as Quartz runs it: resolved from the host's container in a scope of its own.</summary>
    private static Task EjecutarAsync() => Fixture.EnAmbitoAsync(async sp =>
    {
        var trabajo = sp.GetRequiredService<PurgarSesionesJob>();
        var detalle = JobBuilder.Create<PurgarSesionesJob>().WithIdentity(PurgarSesionesJob.Clave).Build();
        var ahora = Fixture.Reloj.GetUtcNow();
        var disparo = new TriggerFiredBundle
        {
            JobDetail = detalle,
            Trigger = (IOperableTrigger)TriggerBuilder.Create().ForJob(detalle).StartAt(ahora).Build(),
            Recovering = false,
            FireTimeUtc = ahora,
            ScheduledFireTimeUtc = ahora,
            PreviousFireTimeUtc = null,
            NextFireTimeUtc = null,
        };
        var planificador = await sp.GetRequiredService<ISchedulerFactory>().GetScheduler();
        using var contexto = new JobExecutionContextImpl(planificador, disparo, trabajo, new SystemTextJsonJobInputSerializer());
        await trabajo.Execute(contexto, CancellationToken.None);
    });

    private static Task<int> ContarInvitacionesAsync() =>
        Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<PlataformaDbContext>().Invitaciones.CountAsync());
}
