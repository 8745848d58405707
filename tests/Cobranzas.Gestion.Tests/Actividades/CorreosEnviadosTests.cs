using System.Net.Http.Json;
using Cobranzas.Gestion.Contracts;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Tests.Actividades;

/// <summary>The sender's batches of sent mails in the timeline (<see cref="RegistrarCorreosEnviados"/>).</summary>
public sealed class CorreosEnviadosTests : PruebaActividades
{
    private static Task<int> RegistrarLoteAsync(Guid empresa, params CorreoEnviado[] correos) => Fixture.EnAmbitoAsync(sp =>
    {
        sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa, "sistema: notificaciones");
        return sp.GetRequiredService<IMediator>().Send(new RegistrarCorreosEnviados(correos)).AsTask();
    });

    [Test]
    public async Task Un_lote_queda_una_vez_en_el_historial_aunque_llegue_dos_veces_a_la_vez_y_con_el_cobrador_del_cliente()
    {
        var cobrador = (await (await Api.PostAsJsonAsync("/api/v1/gestion/cobradores", new
        {
            nombre = "Ana Correo", email = "ana.correo@empresa.test", telefono = "+56 9 5555 0000", regiones = Array.Empty<string>(), comunas = Array.Empty<string>(),
        })).JsonAsync(201)).Id();
        await (await Api.PutAsJsonAsync($"/api/v1/gestion/asignaciones/{ClienteId}", new { cobradorId = cobrador })).JsonAsync();
        var otro = await ClienteEmpresaAsync();
        var enviado = M("2026-11-04T11:00:00-03:00");
        var lote = new[]
        {
            new CorreoEnviado(Guid.Parse(ClienteId), "Correo enviado: «Documentos vencidos» (1 destinatario).", enviado, Guid.NewGuid()),
            new CorreoEnviado(Guid.Parse(otro), "Correo enviado: «Documentos vencidos» (2 destinatarios).", enviado.AddMinutes(1), Guid.NewGuid()),
        };

        var simultaneos = await Task.WhenAll(RegistrarLoteAsync(Empresa.Id, lote), RegistrarLoteAsync(Empresa.Id, lote));
        Assert.That(simultaneos.Sum(), Is.EqualTo(2), "entre los dos, cada correo se registra una vez");
        Assert.That(await RegistrarLoteAsync(Empresa.Id, [lote[0], lote[0]]), Is.Zero, "repetido, en otro lote o dentro del mismo, no suma nada");

        var propio = (await (await Api.GetAsync($"/api/v1/gestion/actividades?clienteId={ClienteId}")).JsonAsync())["items"]!.AsArray();
        Assert.That(propio.Select(a => ((string)a!["tipoNombre"]!, (string?)a["cobradorId"], (string)a["notas"]!, (string)a["registradaPor"]!, a["fecha"]!.GetValue<DateTimeOffset>())), Is.EqualTo(new[]
        {
            ("Correo", (string?)cobrador, "Correo enviado: «Documentos vencidos» (1 destinatario).", "sistema: notificaciones", enviado),
        }));
        var delOtro = (await (await Api.GetAsync($"/api/v1/gestion/actividades?clienteId={otro}")).JsonAsync())["items"]!.AsArray();
        Assert.That(delOtro.Select(a => ((string?)a!["cobradorId"], (string)a["notas"]!)), Is.EqualTo(new[] { ((string?)null, "Correo enviado: «Documentos vencidos» (2 destinatarios).") }));

        // The same message ids under another company are that company's own activities (the index is per company), never this one's.
        var ajena = await Fixture.CrearEmpresaAsync("Otra");
        var clienteAjeno = (await (await Fixture.ClienteHttpAsync(ajena)).CrearClienteAsync()).Id();
        Assert.That(await RegistrarLoteAsync(ajena.Id, lote[0] with { ClienteId = Guid.Parse(clienteAjeno) }), Is.EqualTo(1));
        Assert.That((int)(await (await Api.GetAsync($"/api/v1/gestion/actividades?clienteId={ClienteId}")).JsonAsync())["total"]!, Is.EqualTo(1));
    }
}
