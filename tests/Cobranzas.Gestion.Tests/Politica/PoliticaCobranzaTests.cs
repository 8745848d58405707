using System.Net;
using System.Net.Http.Json;
using Cobranzas.Testing;

namespace Cobranzas.Gestion.Tests.Politica;

public sealed class PoliticaCobranzaTests : PruebaPolitica
{
    [Test]
    public async Task Una_empresa_nueva_tiene_la_politica_por_omision()
    {
        var politica = await (await Api.GetAsync("/api/v1/gestion/politica-cobranza")).JsonAsync();
        var pasos = politica["pasos"]!.AsArray();
        Assert.That(pasos.Select(p => ((string?)p!["nombre"], (int)p["dias"]!, (string?)p["accion"])), Is.EqualTo(new[]
        {
            ("Preventiva", -5, "tarea"), ("Primer aviso", 0, "tarea"), ("Segundo aviso", 15, "tarea"), ("Tercer aviso", 30, "tarea"),
            ("Carta de cobranza", 45, "carta"), ("Suspensión de crédito", 60, "suspension"), ("Prejudicial", 90, "derivacion"), ("Judicial", 120, "derivacion"),
        }));
        Assert.That(pasos.Select(p => (string?)p!["etapa"]).Distinct(), Is.EqualTo(new[] { "preventiva", "administrativa", "prejudicial", "judicial" }));
    }

    [Test]
    public async Task Guardar_la_politica_la_reemplaza_en_su_orden()
    {
        await PoliticaAsync(Paso("Aviso", 3, tipoTarea: "visita"), Paso("Carta", 20, "carta", diasMinimosDesdeAnterior: 5, montoMinimoVencido: 50_000m, segmentos: ["Retail"]));
        var pasos = (await (await Api.GetAsync("/api/v1/gestion/politica-cobranza")).JsonAsync())["pasos"]!.AsArray();
        Assert.That(pasos.Select(p => ((string?)p!["nombre"], (int)p["dias"]!, (string?)p["tipoTarea"], (decimal?)p["montoMinimoVencido"])),
            Is.EqualTo(new[] { ("Aviso", 3, (string?)"visita", (decimal?)null), ("Carta", 20, null, 50_000m) }));
    }

    [TestCase("nombre", "pasos[1].nombre", TestName = "Un_nombre_repetido_da_400_nombrando_el_paso")]
    [TestCase("orden", "pasos[1].dias", TestName = "Pasos_fuera_de_orden_dan_400_nombrando_el_paso")]
    [TestCase("rango", "pasos[0].dias", TestName = "Dias_fuera_de_rango_dan_400_nombrando_el_paso")]
    [TestCase("accion", "pasos[0].accion", TestName = "Una_accion_desconocida_da_400_nombrando_el_paso")]
    [TestCase("derivacion", "pasos[0].etapa", TestName = "Una_derivacion_a_etapa_administrativa_da_400")]
    [TestCase("plantilla", "pasos[0].plantilla", TestName = "Una_plantilla_de_carta_invalida_da_400")]
    public async Task Politica_invalida(string caso, string campo)
    {
        object[] pasos = caso switch
        {
            "nombre" => [Paso("Aviso", 0), Paso("aviso", 10)],
            "orden" => [Paso("Uno", 10), Paso("Dos", 5)],
            "rango" => [Paso("Uno", 5000)],
            "accion" => [Paso("Uno", 0, "fax")],
            "derivacion" => [Paso("Uno", 0, "derivacion")],
            _ => [Paso("Uno", 0, "carta", plantilla: "{{ if }}")],
        };
        var r = await Api.PutAsJsonAsync("/api/v1/gestion/politica-cobranza", new { pasos });
        var problema = await r.JsonAsync(400);
        Assert.That(problema["errors"]!.AsObject().Select(e => e.Key), Does.Contain(campo));
        Assert.That(string.Join(" ", problema["errors"]![campo]!.AsArray().Select(m => (string?)m)), Does.Not.Contain("must").And.Not.Contain("should"));
    }

    [Test]
    public async Task Un_cobrador_no_puede_cambiar_la_politica_ni_ejecutarla()
    {
        var cobrador = await Fixture.ClienteHttpAsync(Empresa, "Cobrador");
        var r = await cobrador.PutAsJsonAsync("/api/v1/gestion/politica-cobranza", new { pasos = new[] { Paso("Uno", 0) } });
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        r = await cobrador.PostAsJsonAsync("/api/v1/gestion/politica-cobranza/ejecutar", new { simular = true });
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await cobrador.GetAsync("/api/v1/gestion/politica-cobranza")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Un_nombre_con_nul_da_400()
    {
        var r = await Api.PutAsJsonAsync("/api/v1/gestion/politica-cobranza", new { pasos = new[] { Paso("Uno\0", 0) } });
        await r.JsonAsync(400);
    }
}
