using System.Text.RegularExpressions;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Portal.Tests;

/// <summary>A reminder with <c>{{ enlace_portal }}</c> carries a single-use link that opens the portal of the contact it was sent to.</summary>
public sealed class RecordatorioPortalTests : PruebaPortal
{
    [Test]
    public async Task Un_recordatorio_con_la_etiqueta_enlace_portal_abre_el_portal_del_contacto_una_vez()
    {
        // A business client: Ley 21.320's hours and holidays bind reminders to consumers only, and the shared clock, which starts at
        // the real time and earlier tests move on, may stand at any hour of any day.
        var rut = Datos.RutNuevo();
        var cliente = (await Api.CrearClienteAsync(new { rut, razonSocial = $"Comercial {rut} SpA", segmento = "Retail", cuentaClave = false, consumidor = false })).Id();
        var email = Fixture.EmailUnico("tesoreria", "cliente.test");
        await Api.CrearContactoAsync(cliente, Datos.Contacto(email: email));
        await FacturaAsync(701, 50_000m, Hoy.AddDays(-8), cliente);
        var definicion = await Fixture.EnAmbitoAsync(async sp =>
        {
            sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(Empresa.Id, "prueba");
            var db = sp.GetRequiredService<NotificacionesDbContext>();
            var d = new DefinicionNotificacion
            {
                Tipo = TiposDefinicion.DocumentosVencidos, Asunto = "Documentos vencidos de {{ cliente.nombre }}",
                Plantilla = """<p>{{ cliente.nombre }} debe {{ deuda.vencida }}. Revise y pague en <a href="{{ enlace_portal }}">su portal</a>.</p>""",
                IncluirCuentas = false, Modo = ModosDefinicion.PorCliente, Firma = "Cobranzas", Creada = Fixture.Reloj.GetUtcNow(),
            };
            db.Definiciones.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });

        await (await Api.PostAsync($"/api/v1/notificaciones/definiciones/{definicion}/ejecutar", null)).JsonAsync();
        await DrenarAsync();

        var correo = await Fixture.Correo.EsperarCorreoAsync(email);
        Assert.That(await Fixture.Correo.CorreosParaAsync(email), Has.Count.EqualTo(1));
        // The link goes through click tracking: its redirect leads to the portal link.
        var clic = new Uri(Regex.Match(correo.Html, "href=\"([^\"]+)\">su portal").Groups[1].Value.Replace("&amp;", "&"));
        var sinSeguir = Fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var redireccion = await sinSeguir.GetAsync(clic.PathAndQuery);
        var token = TokenDe(redireccion.Headers.Location!.ToString());
        var sesion = await (await AbrirSesionAsync(token)).JsonAsync();
        var resumen = await (await Portal((string)sesion["token"]!).GetAsync("/api/v1/portal/resumen")).JsonAsync();
        Assert.That((string)resumen["contacto"]!, Is.EqualTo("María Pérez"));
        await (await AbrirSesionAsync(token)).ProblemaAsync(401);
    }
}
