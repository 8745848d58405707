using System.Net;
using System.Net.Http.Json;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Politica;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Tests.Politica;

public sealed class AccionesYEtapasTests : PruebaPolitica
{
    [Test]
    public async Task La_accion_tarea_crea_una_visita_para_el_cobrador_del_cliente()
    {
        await IrAHabilAsync();
        await PoliticaAsync(Paso("Visita", 0, tipoTarea: "visita"));
        var cobrador = await ComoEmpresaAsync(async sp =>
        {
            var db = sp.GetRequiredService<GestionDbContext>();
            var c = new Cobrador { EmpresaId = Empresa.Id, Nombre = "Ana Cobradora" };
            db.Cobradores.Add(c);
            db.Asignaciones.Add(new AsignacionCliente { EmpresaId = Empresa.Id, ClienteId = Guid.Parse(ClienteId), CobradorId = c.Id, Origen = OrigenesAsignacion.Manual });
            await db.SaveChangesAsync();
            return c.Id;
        });
        await DeudaAsync(2);

        await EjecutarAsync();

        var tarea = await ComoEmpresaAsync(sp => sp.GetRequiredService<GestionDbContext>().Tareas.AsNoTracking().SingleAsync());
        Assert.That((tarea.Tipo, tarea.Origen, tarea.CobradorId, tarea.Fecha, tarea.Estado), Is.EqualTo(("visita", OrigenesTarea.Politica, (Guid?)cobrador, Hoy, EstadosTarea.Pendiente)));
        Assert.That(tarea.Titulo, Does.StartWith("Visita: Visitar "));
    }

    [Test]
    public async Task La_accion_carta_registra_una_actividad_con_el_pdf()
    {
        await IrAHabilAsync();
        await PoliticaAsync(Paso("Carta", 0, "carta", plantilla: "<html><body><h1>{{ paso }}</h1><p>{{ cliente.razon_social }} debe {{ deuda.vencido }}</p></body></html>"));
        await DeudaAsync(5, 123_456m);

        var r = await EjecutarAsync();

        Assert.That(Aplicados(r).Select(a => (string?)a["accion"]), Is.EqualTo(new[] { "carta" }));
        var actividad = await ComoEmpresaAsync(async sp =>
        {
            var db = sp.GetRequiredService<GestionDbContext>();
            var a = await db.Actividades.AsNoTracking().SingleAsync();
            return (a.Origen, a.Canal, Tipo: await db.TiposActividad.Where(t => t.Id == a.TipoActividadId).Select(t => t.Tipo).SingleAsync());
        });
        Assert.That(actividad, Is.EqualTo((OrigenesTarea.Politica, CanalesContacto.Escrito, "carta")));
        var paso = (await PasosAsync()).Single()!;
        Assert.That((bool)paso["tieneCarta"]!, Is.True);
        var inicio = await ComoEmpresaAsync(async sp =>
        {
            var clave = await sp.GetRequiredService<GestionDbContext>().Set<PasoAplicado>().Select(p => p.ArchivoClave).SingleAsync();
            await using var pdf = (await sp.GetRequiredService<IAlmacenArchivos>().AbrirAsync(clave!, CancellationToken.None))!;
            var bytes = new byte[4];
            await pdf.ReadExactlyAsync(bytes);
            return System.Text.Encoding.ASCII.GetString(bytes);
        });
        Assert.That(inicio, Is.EqualTo("%PDF"));
    }

    [Test]
    public async Task La_accion_suspension_suspende_el_credito_del_cliente()
    {
        await IrAHabilAsync();
        await DeudaAsync(61);

        var r = await EjecutarAsync();

        Assert.That(Aplicados(r).Select(a => (string?)a["paso"]), Is.EqualTo(new[] { "Suspensión de crédito" }));
        var cliente = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}")).JsonAsync();
        Assert.That((string?)cliente["estadoCredito"], Is.EqualTo("suspendido"));
    }

    [Test]
    public async Task La_derivacion_cambia_la_etapa_y_la_lista_de_documentos_la_filtra_y_la_muestra()
    {
        await IrAHabilAsync();
        var documento = (await DeudaAsync(125)).Id();
        var otro = (await Api.CrearClienteAsync()).Id();
        await DeudaAsync(16, clienteId: otro);

        await EjecutarAsync();

        var etapa = await (await Api.GetAsync($"/api/v1/gestion/clientes/{ClienteId}/etapa")).JsonAsync();
        Assert.That(((string?)etapa["etapa"], (string?)etapa["ultimoPaso"]), Is.EqualTo(("judicial", "Judicial")));
        var judiciales = await (await Api.GetAsync("/api/v1/documentos?etapa=judicial")).JsonAsync();
        Assert.That(judiciales["items"]!.AsArray().Select(d => ((string?)d!["id"], (string?)d["etapaCliente"])), Is.EqualTo(new[] { (documento, "judicial") }));
        var todos = await (await Api.GetAsync("/api/v1/documentos")).JsonAsync();
        Assert.That(todos["items"]!.AsArray().Select(d => (string?)d!["etapaCliente"]).Order(), Is.EqualTo(new[] { "administrativa", "judicial" }));
        var etapas = await (await Api.GetAsync($"/api/v1/gestion/etapas?clienteIds={ClienteId}&clienteIds={otro}")).JsonAsync();
        Assert.That(etapas.AsArray().Select(e => (string?)e!["etapa"]).Order(), Is.EqualTo(new[] { "administrativa", "judicial" }));
    }

    [Test]
    public async Task Una_etapa_desconocida_en_la_lista_de_documentos_da_400()
    {
        var r = await Api.GetAsync("/api/v1/documentos?etapa=cobrada");
        Assert.That((await r.JsonAsync(400))["errors"]!.AsObject().Select(e => e.Key), Does.Contain("etapa"));
    }

    [Test]
    public async Task Un_supervisor_cambia_la_etapa_a_mano_y_queda_en_la_historia()
    {
        await IrAHabilAsync();
        var supervisor = await Fixture.ClienteHttpAsync(Empresa, "Supervisor");
        var r = await supervisor.PostAsJsonAsync($"/api/v1/gestion/clientes/{ClienteId}/etapa", new { etapa = "prejudicial", motivo = "Acuerdo con el abogado" });
        var etapa = await r.JsonAsync();
        Assert.That(((string?)etapa["etapa"], (string?)etapa["desde"]), Is.EqualTo(("prejudicial", F(Hoy))));
        var pasos = await PasosAsync();
        Assert.That(pasos.Select(p => ((string?)p!["nombre"], (string?)p["motivo"], (string?)p["etapa"])),
            Is.EqualTo(new[] { ("Cambio manual de etapa", "Acuerdo con el abogado", "prejudicial") }));
    }

    [Test]
    public async Task Un_cambio_manual_de_etapa_no_cuenta_como_paso_para_el_plazo_minimo()
    {
        await IrAHabilAsync();
        await (await Api.PostAsJsonAsync($"/api/v1/gestion/clientes/{ClienteId}/etapa", new { etapa = "preventiva", motivo = "Revisión" })).JsonAsync();
        await PoliticaAsync(Paso("Aviso", 0, diasMinimosDesdeAnterior: 30));
        await DeudaAsync(1);
        Assert.That(Aplicados(await EjecutarAsync()).Select(a => (string?)a["paso"]), Is.EqualTo(new[] { "Aviso" }));
    }

    [Test]
    public async Task Un_cobrador_no_cambia_etapas_ni_ve_las_de_clientes_ajenos()
    {
        var cobrador = await Fixture.ClienteHttpAsync(Empresa, "Cobrador");
        var r = await cobrador.PostAsJsonAsync($"/api/v1/gestion/clientes/{ClienteId}/etapa", new { etapa = "judicial", motivo = "x" });
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await cobrador.GetAsync($"/api/v1/gestion/clientes/{ClienteId}/etapa")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await cobrador.GetAsync($"/api/v1/gestion/clientes/{ClienteId}/pasos")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("etapa", "otra", "x", TestName = "Una_etapa_manual_desconocida_da_400")]
    [TestCase("motivo", "judicial", "", TestName = "Un_cambio_de_etapa_sin_motivo_da_400")]
    [TestCase("motivo", "judicial", "con\0nul", TestName = "Un_motivo_con_nul_da_400")]
    public async Task Cambio_de_etapa_invalido(string campo, string etapa, string motivo)
    {
        var r = await Api.PostAsJsonAsync($"/api/v1/gestion/clientes/{ClienteId}/etapa", new { etapa, motivo });
        Assert.That((await r.JsonAsync(400))["errors"]!.AsObject().Select(e => e.Key), Does.Contain(campo));
    }

    [Test]
    public async Task La_etapa_de_un_cliente_de_otra_empresa_no_existe()
    {
        var otra = await Fixture.CrearEmpresaAsync("Otra Empresa");
        var api = await Fixture.ClienteHttpAsync(otra);
        Assert.That((await api.GetAsync($"/api/v1/gestion/clientes/{ClienteId}/etapa")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
