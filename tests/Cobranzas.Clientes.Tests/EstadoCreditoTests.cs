using System.Net.Http.Json;
using Cobranzas.Testing;

namespace Cobranzas.Clientes.Tests;

public sealed class EstadoCreditoTests : PruebaClientes
{
    [Test]
    public async Task Cambio_de_estado_guarda_motivo_quien_y_cuando_y_queda_en_el_historial()
    {
        var cliente = await Api.CrearClienteAsync();
        var url = $"/api/v1/clientes/{cliente.Id()}/estado-credito";
        var supervisor = await Fixture.CrearUsuarioAsync(Empresa, "Supervisor");
        var apiSupervisor = await Fixture.IniciarSesionAsync(supervisor.Email, supervisor.Password);

        var suspendido = await (await Api.PostAsJsonAsync(url, new { estado = "suspendido", motivo = "Mora sobre 60 días" })).JsonAsync();
        var primerCambio = Fixture.Reloj.GetUtcNow();
        Fixture.Reloj.Advance(TimeSpan.FromHours(2));
        var bloqueado = await (await apiSupervisor.PostAsJsonAsync(url, new { estado = "bloqueado", motivo = "Cheque protestado" })).JsonAsync();

        Assert.That((string?)suspendido["estadoCredito"], Is.EqualTo("suspendido"));
        Assert.That((string?)suspendido["estadoCambiadoPor"], Is.EqualTo(Empresa.EmailAdmin));
        Assert.That(DateTimeOffset.Parse((string)suspendido["estadoCambiadoEn"]!), Is.EqualTo(primerCambio).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That((string?)bloqueado["estadoCredito"], Is.EqualTo("bloqueado"));
        Assert.That((string?)bloqueado["motivoEstado"], Is.EqualTo("Cheque protestado"));
        Assert.That((string?)bloqueado["estadoCambiadoPor"], Is.EqualTo(supervisor.Email));

        var historial = (await (await Api.GetAsync(url)).JsonAsync()).AsArray()
            .Select(h => ((string?)h!["estadoAnterior"], (string?)h["estadoNuevo"], (string?)h["motivo"], (string?)h["actor"]))
            .ToList();
        Assert.That(historial, Is.EqualTo(new[]
        {
            ("suspendido", "bloqueado", "Cheque protestado", supervisor.Email),
            ("vigente", "suspendido", "Mora sobre 60 días", Empresa.EmailAdmin),
        }));
    }

    [Test]
    public async Task Cambio_sin_motivo_responde_400_nombrando_motivo()
    {
        var cliente = await Api.CrearClienteAsync();

        var problema = await (await Api.PostAsJsonAsync($"/api/v1/clientes/{cliente.Id()}/estado-credito", new { estado = "bloqueado", motivo = " " })).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "motivo" }));
    }

    [Test]
    public async Task Estado_desconocido_responde_400_nombrando_estado()
    {
        var cliente = await Api.CrearClienteAsync();

        var problema = await (await Api.PostAsJsonAsync($"/api/v1/clientes/{cliente.Id()}/estado-credito", new { estado = "moroso", motivo = "x" })).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "estado" }));
    }

    [Test]
    public async Task Pasar_al_mismo_estado_responde_422_y_no_agrega_historial()
    {
        var cliente = await Api.CrearClienteAsync();
        var antes = await Fixture.ContarFilasAsync();

        var problema = await (await Api.PostAsJsonAsync($"/api/v1/clientes/{cliente.Id()}/estado-credito", new { estado = "vigente", motivo = "Sin cambio" })).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "estado" }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Cliente_nuevo_nace_vigente_y_sin_historial()
    {
        var cliente = await Api.CrearClienteAsync();

        Assert.That((string?)cliente["estadoCredito"], Is.EqualTo("vigente"));
        Assert.That((await (await Api.GetAsync($"/api/v1/clientes/{cliente.Id()}/estado-credito")).JsonAsync()).AsArray(), Is.Empty);
    }
}
