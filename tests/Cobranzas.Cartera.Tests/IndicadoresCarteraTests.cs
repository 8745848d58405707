using System.Net.Http.Json;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Cartera.Tests;

public sealed class IndicadoresCarteraTests : PruebaCartera
{
    private Task<T> EnviarAsync<T>(IRequest<T> solicitud, Guid? empresa = null) =>
        Fixture.EnAmbitoAsync(sp =>
        {
            sp.GetRequiredService<ContextoSolicitud>().Establecer(empresa ?? Empresa.Id, "pruebas");
            return sp.GetRequiredService<IMediator>().Send(solicitud).AsTask();
        });

    [Test]
    public async Task Recaudacion_suma_lo_aplicado_en_el_rango_sin_reversas_ni_otros_clientes()
    {
        var otroCliente = (await Api.CrearClienteAsync()).Id();
        var desde = Hoy.AddDays(-20);
        var hasta = Hoy.AddDays(-1);
        await CrearDocumentoAsync(Factura(1, 100_000, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        await CrearDocumentoAsync(Factura(2, 80_000, Hoy.AddDays(-60), Hoy.AddDays(-30), otroCliente));
        await PagarAsync(10_000, desde.AddDays(-1)); // before the range
        await PagarAsync(30_000, desde);
        var reversado = await PagarAsync(5_000, hasta);
        await PagarAsync(25_000, hasta, clienteId: otroCliente);
        await PagarAsync(7_000, Hoy); // after the range
        var aplicacion = reversado["aplicaciones"]!.AsArray().Single()!;
        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{aplicacion.Id()}/reversar", new { motivo = "Pago mal aplicado" })).JsonAsync();

        // 30 000 (first day) + 25 000 (other client); 10 000 is before, 5 000 reversed, 7 000 after.
        Assert.That(await EnviarAsync(new ObtenerRecaudacion(desde, hasta, null)), Is.EqualTo(55_000m));
        Assert.That(await EnviarAsync(new ObtenerRecaudacion(desde, hasta, [Guid.Parse(ClienteId)])), Is.EqualTo(30_000m));
        Assert.That(await EnviarAsync(new ObtenerRecaudacion(desde, hasta, [])), Is.EqualTo(0m));
        Assert.That(await EnviarAsync(new ObtenerRecaudacion(desde.AddDays(-1), Hoy, null)), Is.EqualTo(72_000m));

        var otra = await Fixture.CrearEmpresaAsync("Otra");
        Assert.That(await EnviarAsync(new ObtenerRecaudacion(desde, hasta, null), otra.Id), Is.EqualTo(0m));
    }
}
