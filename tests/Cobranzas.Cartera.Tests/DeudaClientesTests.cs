using Cobranzas.Cartera.Contracts;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Cartera.Tests;

public sealed class DeudaClientesTests : PruebaCartera
{
    private Task<IReadOnlyList<DeudaCliente>> DeudaAsync(Guid[]? clientes, Guid[]? excluidos = null) =>
        Fixture.EnAmbitoAsync(sp =>
        {
            sp.GetRequiredService<ContextoSolicitud>().Establecer(Empresa.Id, "pruebas");
            return sp.GetRequiredService<IMediator>().Send(new ObtenerDeudaClientes(clientes, excluidos)).AsTask();
        });

    [Test]
    public async Task Deuda_de_hoy_con_vencido_y_vencimiento_mas_antiguo_sin_los_documentos_excluidos()
    {
        var antiguo = await CrearDocumentoAsync(Factura(1, 100_000, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        await CrearDocumentoAsync(Factura(2, 50_000, Hoy.AddDays(-20), Hoy.AddDays(-5)));
        await CrearDocumentoAsync(Factura(3, 70_000, Hoy, Hoy.AddDays(30)));
        await PagarAsync(20_000, Hoy);

        var deuda = (await DeudaAsync(null)).Single();
        var sinAntiguo = (await DeudaAsync([Guid.Parse(ClienteId)], [Guid.Parse(antiguo.Id())])).Single();

        Assert.That(deuda, Is.EqualTo(new DeudaCliente(Guid.Parse(ClienteId), 200_000, 130_000, Hoy.AddDays(-30), 3, 2)));
        Assert.That(sinAntiguo.VencimientoMasAntiguo, Is.EqualTo(Hoy.AddDays(-5)));
        Assert.That(sinAntiguo.Saldo, Is.EqualTo(200_000m));
    }

    [Test]
    public async Task Otra_empresa_no_ve_la_deuda()
    {
        await CrearDocumentoAsync(Factura(1, 100_000, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        var otra = await Fixture.CrearEmpresaAsync("Otra SpA");
        var deuda = await Fixture.EnAmbitoAsync(sp =>
        {
            sp.GetRequiredService<ContextoSolicitud>().Establecer(otra.Id, "pruebas");
            return sp.GetRequiredService<IMediator>().Send(new ObtenerDeudaClientes([Guid.Parse(ClienteId)])).AsTask();
        });
        Assert.That(deuda, Is.Empty);
    }
}
