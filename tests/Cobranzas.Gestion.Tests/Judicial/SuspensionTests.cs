using System.Net;
using System.Net.Http.Json;
using Cobranzas.Gestion.Tests.Politica;
using Cobranzas.Testing;

namespace Cobranzas.Gestion.Tests.Judicial;

public sealed class SuspensionTests : PruebaPolitica
{
    private async Task QuiebraAsync(string clienteId, string? fechaCierre = null) =>
        await (await Api.PutAsJsonAsync($"/api/v1/judicial/clientes/{clienteId}/quiebra", new
        {
            procedimiento = "liquidacion", fechaPublicacion = F(Hoy.AddDays(-3)), liquidador = "Juan Pérez", plazoVerificacion = F(Hoy.AddDays(27)),
            montoVerificado = 80_000m, fechaCierre, notas = "Boletín Concursal",
        })).JsonAsync();

    [Test]
    public async Task Un_cliente_en_quiebra_sale_del_escalamiento()
    {
        await IrAHabilAsync();
        await PoliticaAsync(Paso("Llamar", 0));
        await DeudaAsync(10);
        var otro = (await Api.CrearClienteAsync()).Id();
        await DeudaAsync(10, clienteId: otro);
        await QuiebraAsync(ClienteId);

        var r = await EjecutarAsync();

        Assert.That(Aplicados(r).Select(a => (string?)a["clienteId"]), Is.EqualTo(new[] { otro }));
        var omitido = Omitidos(r).Single();
        Assert.That(((string?)omitido["clienteId"], (string?)omitido["motivo"]), Is.EqualTo((ClienteId, (string?)"El cliente está en procedimiento concursal (quiebra o liquidación): la cobranza se detiene.")));
    }

    [Test]
    public async Task Una_quiebra_cerrada_devuelve_el_cliente_al_escalamiento()
    {
        await IrAHabilAsync();
        await PoliticaAsync(Paso("Llamar", 0));
        await DeudaAsync(10);
        await QuiebraAsync(ClienteId, fechaCierre: F(Hoy));

        var r = await EjecutarAsync();

        Assert.That(Aplicados(r).Select(a => (string?)a["clienteId"]), Is.EqualTo(new[] { ClienteId }));
    }

    [Test]
    public async Task Un_cliente_demandado_queda_en_etapa_judicial_y_sale_del_escalamiento()
    {
        await IrAHabilAsync();
        await PoliticaAsync(Paso("Llamar", 0));
        await DeudaAsync(10);
        var estudio = (await (await Api.PostAsJsonAsync("/api/v1/judicial/estudios", new { nombre = "Estudio Larraín", rut = "78.123.456-7" })).JsonAsync(201)).Id();
        var juicio = await (await Api.PostAsJsonAsync("/api/v1/judicial/juicios", new
        {
            clienteId = ClienteId, estudioId = estudio, tribunal = "1° Juzgado Civil de Santiago", rol = "C-1234-2026", procedimiento = "Ejecutivo",
            etapaProcesal = "Notificación", montoDemandado = 100_000m, fechaInicio = F(Hoy),
        })).JsonAsync(201);
        await (await Api.PostAsJsonAsync($"/api/v1/judicial/juicios/{juicio.Id()}/audiencias", new { fecha = F(Hoy.AddDays(20)), descripcion = "Audiencia de conciliación" })).JsonAsync();
        await (await Api.PostAsJsonAsync($"/api/v1/judicial/juicios/{juicio.Id()}/costos", new { tipo = "incurrido", fecha = F(Hoy), monto = 35_000m, concepto = "Receptor judicial" })).JsonAsync();
        var conCostos = await (await Api.PostAsJsonAsync($"/api/v1/judicial/juicios/{juicio.Id()}/costos", new { tipo = "recuperado", fecha = F(Hoy), monto = 5_000m, concepto = "Costas" })).JsonAsync();

        var r = await EjecutarAsync();

        Assert.That(((decimal?)conCostos["costosIncurridos"], (decimal?)conCostos["costosRecuperados"], conCostos["audiencias"]!.AsArray().Count), Is.EqualTo(((decimal?)35_000m, (decimal?)5_000m, 1)));
        Assert.That(Aplicados(r), Is.Empty);
        Assert.That((string?)Omitidos(r).Single()["motivo"], Is.EqualTo("El cliente está en etapa judicial: no recibe cobranza extrajudicial."));
        var etapa = await (await Api.GetAsync($"/api/v1/gestion/clientes/{ClienteId}/etapa")).JsonAsync();
        Assert.That((string?)etapa["etapa"], Is.EqualTo("judicial"));
    }

    [Test]
    public async Task La_quiebra_registra_recuperos_parciales()
    {
        await QuiebraAsync(ClienteId);

        await (await Api.PostAsJsonAsync($"/api/v1/judicial/clientes/{ClienteId}/quiebra/recuperos", new { fecha = F(Hoy), monto = 20_000m, notas = "Primer reparto" })).JsonAsync();
        var q = await (await Api.PostAsJsonAsync($"/api/v1/judicial/clientes/{ClienteId}/quiebra/recuperos", new { fecha = F(Hoy), monto = 5_000m })).JsonAsync();
        var antes = await Api.PostAsJsonAsync($"/api/v1/judicial/clientes/{ClienteId}/quiebra/recuperos", new { fecha = F(Hoy.AddDays(-30)), monto = 5_000m });

        Assert.That(((decimal?)q["recuperado"], (decimal?)q["montoVerificado"], (string?)q["liquidador"]), Is.EqualTo(((decimal?)25_000m, (decimal?)80_000m, "Juan Pérez")));
        Assert.That(antes.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }
}
