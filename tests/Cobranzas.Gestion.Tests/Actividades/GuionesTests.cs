using System.Net.Http.Json;
using Cobranzas.Testing;

namespace Cobranzas.Gestion.Tests.Actividades;

public sealed class GuionesTests : PruebaGestion
{
    private async Task<string> GuionAsync(string plantilla, string nombre = "Primer aviso") =>
        (await (await Api.PostAsJsonAsync("/api/v1/gestion/guiones", new { nombre, etapa = "administrativa", plantilla })).JsonAsync(201)).Id();

    [Test]
    public async Task El_guion_se_muestra_con_los_datos_del_cliente()
    {
        await FacturaAsync(501, 1_190_000, Hoy.AddDays(-60), Hoy.AddDays(-30));
        await FacturaAsync(502, 500_000, Hoy.AddDays(-5), Hoy.AddDays(25));
        var cliente = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}")).JsonAsync();
        var id = await GuionAsync("Buenos días, ¿hablo con {{ cliente.nombre }} (RUT {{ cliente.rut }})?\nSu deuda es {{ deuda.total }}, vencido {{ deuda.vencida }} desde el {{ deuda.vencimiento_mas_antiguo }}.");

        var vista = await (await Api.PostAsJsonAsync($"/api/v1/gestion/guiones/{id}/vista", new { clienteId = ClienteId })).JsonAsync();
        var rut = SharedKernel.Rut.Rut.Parse((string)cliente["rut"]!).Formateado;
        Assert.That((string)vista["texto"]!, Is.EqualTo(
            $"Buenos días, ¿hablo con {(string)cliente["razonSocial"]!} (RUT {rut})?\nSu deuda es $1.690.000, vencido $1.190.000 desde el {Hoy.AddDays(-30):dd-MM-yyyy}."));
    }

    [Test]
    public async Task Una_plantilla_invalida_se_rechaza_al_guardar_nombrando_la_linea()
    {
        var r = await Api.PostAsJsonAsync("/api/v1/gestion/guiones", new { nombre = "Roto", etapa = "preventiva", plantilla = "Hola\n{{ if cliente.nombre }}\nsin cierre" });
        var p = await r.ProblemaAsync(400);
        Assert.That(p["errors"]!["plantilla"]!.AsArray().Select(e => (string)e!).First(), Does.Contain("Línea"));
    }

    [TestCase("{{ while true }}x{{ end }}", TestName = "Un ciclo infinito se detiene")]
    [TestCase("{{ for i in 1..100000 }}0123456789{{ end }}", TestName = "Un ciclo largo se detiene")]
    [TestCase("{{ x = '0123456789'; for i in 1..40; x = x + x; end; x }}", TestName = "Una salida enorme se detiene")]
    [TestCase("{{ func f; f; end; f }}", TestName = "Una recursion infinita se detiene")]
    public async Task Una_plantilla_desbocada_se_detiene(string plantilla)
    {
        var id = await GuionAsync(plantilla);
        var p = await (await Api.PostAsJsonAsync($"/api/v1/gestion/guiones/{id}/vista", new { clienteId = ClienteId })).ProblemaAsync(422);
        Assert.That(p.CamposConError(), Is.EqualTo(new[] { "plantilla" }));
    }

    [Test]
    public async Task La_plantilla_solo_ve_los_datos_que_se_le_pasan()
    {
        var id = await GuionAsync("[{{ empresa_id }}{{ environment }}{{ cliente.id }}]");
        var vista = await (await Api.PostAsJsonAsync($"/api/v1/gestion/guiones/{id}/vista", new { clienteId = ClienteId })).JsonAsync();
        Assert.That((string)vista["texto"]!, Is.EqualTo("[]"));
    }

    [Test]
    public async Task Los_guiones_se_editan_y_eliminan()
    {
        var id = await GuionAsync("Hola {{ cliente.nombre }}");
        var editado = await (await Api.PutAsJsonAsync($"/api/v1/gestion/guiones/{id}", new { nombre = "Aviso judicial", etapa = "judicial", plantilla = "Estimado {{ cliente.nombre }}", activo = false })).JsonAsync();
        Assert.That(((string)editado["etapa"]!, (bool)editado["activo"]!), Is.EqualTo(("judicial", false)));
        var lista = (await (await Api.GetAsync("/api/v1/gestion/guiones?etapa=judicial")).JsonAsync()).AsArray();
        Assert.That(lista.Select(g => (string)g!["nombre"]!), Is.EqualTo(new[] { "Aviso judicial" }));
        Assert.That((await Api.DeleteAsync($"/api/v1/gestion/guiones/{id}")).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NoContent));
        await (await Api.GetAsync($"/api/v1/gestion/guiones/{id}")).ProblemaAsync(404);
    }
}
