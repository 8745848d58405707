using System.Net;
using System.Net.Http.Json;
using Cobranzas.Gestion.Feriados;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Politica;
using Cobranzas.SharedKernel.Tiempo;
using Cobranzas.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Tests.Politica;

public sealed class EscalamientoTests : PruebaPolitica
{
    [Test]
    public async Task Un_cliente_con_16_dias_de_atraso_recibe_el_segundo_aviso_una_vez()
    {
        var hoy = await IrAHabilAsync();
        await DeudaAsync(16);

        var primera = await EjecutarAsync();
        var segunda = await EjecutarAsync();

        Assert.That(Aplicados(primera).Select(a => ((string?)a["clienteId"], (string?)a["paso"], (string?)a["accion"], (int)a["diasVencido"]!)),
            Is.EqualTo(new[] { (ClienteId, "Segundo aviso", "tarea", 16) }));
        Assert.That(((int)segunda["pasosAplicados"]!, Aplicados(segunda)), Is.EqualTo((0, Array.Empty<object>())));
        var pasos = await PasosAsync();
        Assert.That(pasos.Select(p => ((string?)p!["nombre"], (string?)p["fecha"], (string?)p["vencimientoCiclo"])),
            Is.EqualTo(new[] { ("Segundo aviso", F(hoy), F(hoy.AddDays(-16))) }));
        var etapa = await (await Api.GetAsync($"/api/v1/gestion/clientes/{ClienteId}/etapa")).JsonAsync();
        Assert.That(((string?)etapa["etapa"], (string?)etapa["ultimoPaso"], (string?)etapa["fechaUltimoPaso"]), Is.EqualTo(("administrativa", "Segundo aviso", F(hoy))));
    }

    [Test]
    public async Task La_ejecucion_de_las_7_de_la_manana_evalua_el_contacto_a_las_8_y_aplica_el_paso()
    {
        var hoy = await IrAHabilAsync();
        await DeudaAsync(16);
        var siete = TimeZoneInfo.ConvertTimeToUtc(hoy.AddDays(1).ToDateTime(new TimeOnly(7, 0)), FechaNegocio.Santiago);
        while (!EsHabil(DateOnly.FromDateTime(siete)))
            siete = siete.AddDays(1);
        Fixture.Reloj.SetUtcNow(new DateTimeOffset(siete, TimeSpan.Zero));
        Api = await Fixture.IniciarSesionAsync(Empresa.EmailAdmin, Empresa.Password, Empresa.Id);

        var ejecucion = await EjecutarAsync();

        Assert.That(Aplicados(ejecucion).Select(a => ((string?)a["clienteId"], (string?)a["accion"])), Is.EqualTo(new[] { (ClienteId, "tarea") }));
    }

    [Test]
    public async Task El_trabajo_diario_corrido_dos_veces_el_mismo_dia_aplica_cada_paso_una_vez()
    {
        await IrAHabilAsync();
        await DeudaAsync(1);
        var otro = (await Api.CrearClienteAsync()).Id();
        await DeudaAsync(31, clienteId: otro);

        var (primera, segunda) = await Fixture.EnAmbitoAsync(async sp =>
        {
            var job = sp.GetRequiredService<EscalamientoJob>();
            return (await job.EjecutarAsync(CancellationToken.None), await job.EjecutarAsync(CancellationToken.None));
        });

        Assert.That((primera, segunda), Is.EqualTo((2, 0)));
        Assert.That((await PasosAsync()).Select(p => (string?)p!["nombre"]), Is.EqualTo(new[] { "Primer aviso" }));
        Assert.That((await PasosAsync(otro)).Select(p => (string?)p!["nombre"]), Is.EqualTo(new[] { "Tercer aviso" }));
        Assert.That((await ConteosAsync()).Tareas, Is.EqualTo(2));
    }

    [Test]
    public async Task Dos_ejecuciones_concurrentes_desde_dos_ambitos_aplican_cada_paso_una_vez()
    {
        await IrAHabilAsync();
        var clientes = new List<string> { ClienteId };
        for (var i = 0; i < 7; i++)
            clientes.Add((await Api.CrearClienteAsync()).Id());
        foreach (var c in clientes)
            await DeudaAsync(16, clienteId: c);

        var resultados = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            ComoEmpresaAsync(sp => sp.GetRequiredService<MotorEscalamiento>().EjecutarAsync(false, CancellationToken.None)))));

        Assert.That(resultados.Sum(r => r.PasosAplicados), Is.EqualTo(8));
        var conteos = await ConteosAsync();
        Assert.That((conteos.Pasos, conteos.Tareas), Is.EqualTo((8, 8)));
    }

    [TestCase(DayOfWeek.Saturday, "Sábado", TestName = "Un_sabado_no_aplica_pasos_y_el_lunes_si")]
    [TestCase(DayOfWeek.Sunday, "Domingo", TestName = "Un_domingo_no_aplica_pasos_y_el_lunes_si")]
    public async Task Un_fin_de_semana_no_aplica_pasos(DayOfWeek dia, string motivo)
    {
        await IrAAsync(d => d.DayOfWeek == dia && EsHabil(d.AddDays(dia == DayOfWeek.Saturday ? 2 : 1)));
        await DeudaAsync(16);

        var finde = await EjecutarAsync();
        Assert.That(((bool)finde["habil"]!, (string?)finde["motivoNoHabil"], (int)finde["pasosAplicados"]!), Is.EqualTo((false, $"{motivo}: no se aplican pasos en fin de semana.", 0)));
        Assert.That((await ConteosAsync()).Pasos, Is.Zero);

        await IrAHabilAsync();
        var lunes = await EjecutarAsync();
        Assert.That(Aplicados(lunes).Select(a => (string?)a["paso"]), Is.EqualTo(new[] { "Segundo aviso" }));
    }

    [Test]
    public async Task Un_feriado_no_aplica_pasos_dice_cual_es_y_el_dia_habil_siguiente_si()
    {
        var feriado = FeriadosChile.Tabla.Where(f => f.Region is null && f.Fecha > Hoy && !CalendarioHabil.EsFinDeSemana(f.Fecha)).OrderBy(f => f.Fecha).First();
        await IrAFechaAsync(feriado.Fecha);
        await DeudaAsync(16);

        var enFeriado = await EjecutarAsync();
        Assert.That(((bool)enFeriado["habil"]!, (string?)enFeriado["motivoNoHabil"]), Is.EqualTo((false, $"Feriado: {feriado.Nombre}.")));
        Assert.That((await ConteosAsync()).Pasos, Is.Zero);

        var siguiente = await IrAHabilAsync();
        var despues = await EjecutarAsync();
        Assert.That(Aplicados(despues).Select(a => ((string?)a["paso"], (int)a["diasVencido"]!)), Is.EqualTo(new[] { ("Segundo aviso", 16 + siguiente.DayNumber - feriado.Fecha.DayNumber) }));
    }

    [Test]
    public async Task El_plazo_minimo_desde_el_paso_anterior_se_respeta()
    {
        var lunes = await IrALunesHabilAsync();
        await PoliticaAsync(Paso("Aviso", 0), Paso("Segundo", 3, diasMinimosDesdeAnterior: 5));
        await DeudaAsync(0);
        Assert.That(Aplicados(await EjecutarAsync()).Select(a => (string?)a["paso"]), Is.EqualTo(new[] { "Aviso" }));

        await IrAFechaAsync(lunes.AddDays(3));
        var jueves = await EjecutarAsync();
        Assert.That(Aplicados(jueves), Is.Empty);
        Assert.That(Omitidos(jueves).Select(o => ((string?)o["paso"], (string?)o["motivo"])).Single(),
            Is.EqualTo(("Segundo", $"Plazo mínimo no cumplido: el paso anterior fue el {lunes:dd-MM-yyyy} y este exige 5 días (faltan 2).")));

        await IrAAsync(d => d >= lunes.AddDays(5) && EsHabil(d));
        Assert.That(Aplicados(await EjecutarAsync()).Select(a => (string?)a["paso"]), Is.EqualTo(new[] { "Segundo" }));
    }

    [Test]
    public async Task El_monto_minimo_vencido_se_respeta()
    {
        await IrAHabilAsync();
        await PoliticaAsync(Paso("Aviso", 0, montoMinimoVencido: 500_000m));
        var grande = (await Api.CrearClienteAsync()).Id();
        await DeudaAsync(3, 100_000m);
        await DeudaAsync(3, 600_000m, grande);

        var r = await EjecutarAsync();

        Assert.That(Aplicados(r).Select(a => (string?)a["clienteId"]), Is.EqualTo(new[] { grande }));
        Assert.That(Omitidos(r).Select(o => ((string?)o["clienteId"], (string?)o["motivo"])).Single(),
            Is.EqualTo((ClienteId, "Paso «Aviso»: el monto vencido (100.000 CLP) es menor que el mínimo (500.000 CLP).")));
    }

    [Test]
    public async Task El_segmento_se_respeta()
    {
        await IrAHabilAsync();
        await PoliticaAsync(Paso("Aviso", 0, segmentos: ["Mayorista"]));
        var mayorista = (await Api.CrearClienteAsync(Datos.Cliente(segmento: "Mayorista"))).Id();
        await DeudaAsync(3);
        await DeudaAsync(3, clienteId: mayorista);

        var r = await EjecutarAsync();

        Assert.That(Aplicados(r).Select(a => (string?)a["clienteId"]), Is.EqualTo(new[] { mayorista }));
        Assert.That((string?)Omitidos(r).Single()["motivo"], Does.Contain("segmento «Retail»"));
    }

    [Test]
    public async Task Un_paso_solo_para_cuentas_clave_deja_a_las_demas_en_el_paso_anterior()
    {
        await IrAHabilAsync();
        await PoliticaAsync(Paso("Aviso", 0), Paso("Gerencia", 10, soloCuentaClave: true));
        var clave = (await Api.CrearClienteAsync(Datos.Cliente(cuentaClave: true))).Id();
        await DeudaAsync(12);
        await DeudaAsync(12, clienteId: clave);

        var r = await EjecutarAsync();

        Assert.That(Aplicados(r).Select(a => ((string?)a["clienteId"], (string?)a["paso"])).OrderBy(x => x.Item2),
            Is.EqualTo(new[] { (ClienteId, "Aviso"), (clave, "Gerencia") }));
    }

    [Test]
    public async Task Un_documento_en_pausa_sale_del_escalamiento_y_el_siguiente_mas_antiguo_lo_conduce()
    {
        var hoy = await IrAHabilAsync();
        var antiguo = (await DeudaAsync(40)).Id();
        await DeudaAsync(16);
        await PausarAsync(Guid.Parse(antiguo), MotivosPausa.Disputa, null);

        var r = await EjecutarAsync();

        Assert.That(Aplicados(r).Select(a => ((string?)a["paso"], (int)a["diasVencido"]!)), Is.EqualTo(new[] { ("Segundo aviso", 16) }));
        Assert.That((string?)(await PasosAsync())[0]!["vencimientoCiclo"], Is.EqualTo(F(hoy.AddDays(-16))));
    }

    [Test]
    public async Task Una_pausa_vencida_ya_no_retiene_el_documento()
    {
        await IrAHabilAsync();
        var antiguo = (await DeudaAsync(40)).Id();
        await PausarAsync(Guid.Parse(antiguo), MotivosPausa.Compromiso, Hoy.AddDays(-1));

        var r = await EjecutarAsync();

        Assert.That(Aplicados(r).Select(a => (string?)a["paso"]), Is.EqualTo(new[] { "Tercer aviso" }));
    }

    [Test]
    public async Task Una_pausa_de_todo_el_cliente_lo_omite_y_dice_por_que()
    {
        await IrAHabilAsync();
        await DeudaAsync(16);
        await PausarAsync(null, MotivosPausa.Compromiso, Hoy.AddDays(3));

        var r = await EjecutarAsync();

        Assert.That(Aplicados(r), Is.Empty);
        Assert.That(Omitidos(r).Select(o => ((string?)o["clienteId"], (string?)o["motivo"])),
            Is.EqualTo(new[] { (ClienteId, "Cliente en pausa por un compromiso de pago vigente.") }));
        Assert.That((await ConteosAsync()).Pasos, Is.Zero);
    }

    [Test]
    public async Task La_vista_previa_no_cambia_nada_y_dice_lo_que_haria()
    {
        await IrAHabilAsync();
        await DeudaAsync(16);
        var otro = (await Api.CrearClienteAsync()).Id();
        await DeudaAsync(65, clienteId: otro);
        var antes = await ConteosAsync();

        var r = await EjecutarAsync(simular: true);

        Assert.That(await ConteosAsync(), Is.EqualTo(antes));
        Assert.That(((bool)r["simulacion"]!, (int)r["pasosAplicados"]!), Is.EqualTo((true, 0)));
        Assert.That(r["clientes"]!.AsArray().Select(c => ((string?)c!["paso"], (string?)c["accion"], (string?)c["estado"])).OrderBy(x => x.Item1),
            Is.EqualTo(new[] { ("Segundo aviso", "tarea", "simulado"), ("Suspensión de crédito", "suspension", "simulado") }));
        var cliente = await (await Api.GetAsync($"/api/v1/clientes/{otro}")).JsonAsync();
        Assert.That((string?)cliente["estadoCredito"], Is.Not.EqualTo("suspendido"));
    }

    [Test]
    public async Task Un_cliente_sin_deuda_vencida_a_tiempo_no_recibe_pasos()
    {
        await IrAHabilAsync();
        await DeudaAsync(-10);
        var r = await EjecutarAsync();
        Assert.That(((int)r["pasosAplicados"]!, r["clientes"]!.AsArray().Count), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task Pagada_la_deuda_mas_antigua_la_siguiente_inicia_un_ciclo_nuevo()
    {
        await IrAHabilAsync();
        await DeudaAsync(40, 50_000m);
        await DeudaAsync(2, 70_000m);
        Assert.That(Aplicados(await EjecutarAsync()).Select(a => (string?)a["paso"]), Is.EqualTo(new[] { "Tercer aviso" }));

        await PagarAsync(50_000m, Hoy);
        await IrAAsync(d => EsHabil(d) && d >= Hoy.AddDays(7));
        var r = await EjecutarAsync();
        Assert.That(Aplicados(r).Select(a => (string?)a["paso"]), Is.EqualTo(new[] { "Primer aviso" }));
    }

    private Task PausarAsync(Guid? documentoId, string motivo, DateOnly? hasta) => ComoEmpresaAsync(async sp =>
    {
        var db = sp.GetRequiredService<GestionDbContext>();
        db.Pausas.Add(new PausaEscalamiento
        {
            EmpresaId = Empresa.Id, ClienteId = Guid.Parse(ClienteId), DocumentoId = documentoId, Motivo = motivo, OrigenId = Guid.CreateVersion7(), Hasta = hasta,
        });
        await db.SaveChangesAsync();
        return true;
    });
}
