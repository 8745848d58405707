using System.Net.Http.Json;
using Cobranzas.Gestion.Contracts;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Tests.Indicadores;

public sealed class CompromisosPendientesTests : PruebaCompromisos
{
    private static Task<IReadOnlyList<CompromisoPendiente>> PendientesAsync(Guid empresa, DateOnly desde, DateOnly hasta, IReadOnlyCollection<Guid>? clientes = null) =>
        Fixture.EnAmbitoAsync(sp =>
        {
            sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa, "pruebas");
            return sp.GetRequiredService<IMediator>().Send(new CompromisosPendientes(desde, hasta, clientes)).AsTask();
        });

    [Test]
    public async Task Da_cada_cuota_pendiente_en_el_rango_con_lo_que_falta_por_pagar()
    {
        await FacturaAsync(1, 100_000, Hoy.AddDays(-40), Hoy.AddDays(-10));
        var cobrador = await CobradorAsync("Ana", null, ClienteId);
        var enCuotas = await (await Api.PostAsJsonAsync("/api/v1/gestion/compromisos", new
        {
            clienteId = ClienteId, cuotas = new[] { new { fecha = F(Hoy.AddDays(10)), monto = 20_000m }, new { fecha = F(Hoy.AddDays(20)), monto = 30_000m } }, canal = "visita",
        })).JsonAsync(201);
        // 25 000 paid today: the first installment (20 000) is kept, 5 000 goes to the second, which still owes 25 000.
        await PagarAsync(25_000, Hoy);

        var otro = (await Api.CrearClienteAsync()).Id();
        await FacturaAsync(2, 50_000, Hoy.AddDays(-30), Hoy.AddDays(-5), otro);
        var delOtro = await CompromisoAsync(40_000, Hoy.AddDays(3), clienteId: otro);
        var fueraDeRango = await CompromisoAsync(10_000, Hoy.AddDays(40), clienteId: otro);
        var anulado = await CompromisoAsync(5_000, Hoy.AddDays(4), clienteId: otro);
        (await Api.PostAsJsonAsync($"/api/v1/gestion/compromisos/{anulado.Id()}/anular", new { motivo = "Error" })).EnsureSuccessStatusCode();

        var ajena = await Fixture.CrearEmpresaAsync("Otra");
        var apiAjena = await Fixture.ClienteHttpAsync(ajena);
        var clienteAjeno = (await apiAjena.CrearClienteAsync()).Id();
        await CompromisoAsync(7_000, Hoy.AddDays(5), clienteId: clienteAjeno, api: apiAjena);

        var todos = await PendientesAsync(Empresa.Id, Hoy, Hoy.AddDays(30));
        Assert.That(todos.Select(x => (x.CompromisoId.ToString(), x.ClienteId.ToString(), x.CobradorId, x.Fecha, x.Moneda, x.Monto)), Is.EqualTo(new[]
        {
            (delOtro.Id(), otro, (Guid?)null, Hoy.AddDays(3), "CLP", 40_000m),
            (enCuotas.Id(), ClienteId, (Guid?)cobrador, Hoy.AddDays(20), "CLP", 25_000m),
        }));
        Assert.That(fueraDeRango.Id(), Is.Not.Null);

        var soloUno = await PendientesAsync(Empresa.Id, Hoy, Hoy.AddDays(60), [Guid.Parse(otro)]);
        Assert.That(soloUno.Select(x => (x.Fecha, x.Monto)), Is.EqualTo(new[] { (Hoy.AddDays(3), 40_000m), (Hoy.AddDays(40), 10_000m) }));
        Assert.That(await PendientesAsync(Empresa.Id, Hoy, Hoy.AddDays(60), []), Is.Empty);
        Assert.That(await PendientesAsync(Empresa.Id, Hoy.AddDays(5), Hoy.AddDays(4)), Is.Empty);
        Assert.That((await PendientesAsync(ajena.Id, Hoy, Hoy.AddDays(30))).Select(x => x.Monto), Is.EqualTo(new[] { 7_000m }));
    }
}
