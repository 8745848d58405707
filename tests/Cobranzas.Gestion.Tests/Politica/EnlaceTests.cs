using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Gestion.Compromisos;
using Cobranzas.Gestion.Judicial;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Politica;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Tests.Politica;

/// <summary>How the areas work together: contact rules gate the policy, promises and disputes pause it, alerts reach collectors.</summary>
public sealed class EnlaceTests : PruebaPolitica
{
    /// <summary>The company's grace days for promises when nobody changed them (<c>ConfiguracionGestion.DiasGraciaCompromiso</c>).</summary>
    private const int DiasGraciaPorOmision = 2;

    private async Task<string> ClienteEmpresaAsync() =>
        (await Api.CrearClienteAsync(new { rut = SharedKernel.Rut.Rut.Desde(76_000_000 + Fixture.Siguiente()).Canonico, razonSocial = "Comercial Andes SpA", segmento = "Retail", cuentaClave = false }))
        .Id();

    /// <summary>A call logged at the moment, written as the activity log would (without its own contact check, to place it in the past).</summary>
    private Task LlamadaAsync(string clienteId, DateTimeOffset fecha) => ComoEmpresaAsync(async sp =>
    {
        var db = sp.GetRequiredService<GestionDbContext>();
        var tipo = await db.TiposActividad.Where(t => t.Canal == CanalesContacto.Telefono).Select(t => t.Id).FirstAsync();
        db.Actividades.Add(new Actividad
        {
            ClienteId = Guid.Parse(clienteId), TipoActividadId = tipo, Canal = CanalesContacto.Telefono, Fecha = fecha, Resultado = ResultadosActividad.NoContesta,
            RegistradaPor = "prueba", Creada = fecha,
        });
        await db.SaveChangesAsync();
        return 0;
    });

    private static JsonNode DeCliente(JsonNode ejecucion, string clienteId) =>
        ejecucion["clientes"]!.AsArray().Single(c => (string?)c!["clienteId"] == clienteId)!;

    private static string EstadoDe(JsonNode ejecucion, string clienteId) => (string)DeCliente(ejecucion, clienteId)["estado"]!;

    private static Task<int> EvaluacionDiariaAsync() =>
        Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<EvaluacionCompromisosJob>().EjecutarAsync(CancellationToken.None));

    private async Task<JsonNode> CompromisoAsync(string clienteId, decimal monto, DateOnly fecha, string[]? documentoIds = null) =>
        await (await Api.PostAsJsonAsync("/api/v1/gestion/compromisos", new
        {
            clienteId, documentoIds, cuotas = new[] { new { fecha = F(fecha), monto } }, canal = "telefono", notas = "Paga el viernes",
        })).JsonAsync(201);

    private async Task<string> MotivoAsync() =>
        (await (await Api.GetAsync("/api/v1/gestion/motivos-disputa")).JsonAsync()).AsArray().First()!.Id();

    private async Task<JsonNode> DisputaAsync(string clienteId, string[] documentoIds, string? asignadoAId = null) =>
        await (await Api.PostAsJsonAsync("/api/v1/gestion/disputas", new { clienteId, documentoIds, motivoId = await MotivoAsync(), notas = "No recibido", asignadoAId }))
            .JsonAsync(201);

    /// <summary>A Cobrador user, the collector linked to it (POST cobradores usuarioId) and its session.</summary>
    private async Task<(string CobradorId, HttpClient Sesion, UsuarioPrueba Usuario)> CobradorConUsuarioAsync(string nombre)
    {
        var usuario = await Fixture.CrearUsuarioAsync(Empresa, Roles.Cobrador);
        var cobrador = await (await Api.PostAsJsonAsync("/api/v1/gestion/cobradores", new { nombre, usuarioId = usuario.Id })).JsonAsync(201);
        return (cobrador.Id(), await Fixture.IniciarSesionAsync(usuario.Email, usuario.Password, Empresa.Id), usuario);
    }

    private async Task AsignarAsync(string clienteId, string cobradorId) =>
        await (await Api.PutAsJsonAsync($"/api/v1/gestion/asignaciones/{clienteId}", new { cobradorId })).JsonAsync();

    private static async Task<JsonNode[]> AlertasAsync(HttpClient sesion) =>
        (await (await sesion.GetAsync("/api/v1/gestion/alertas")).JsonAsync())["items"]!.AsArray().Select(a => a!).ToArray();

    [Test]
    public async Task Un_consumidor_con_una_llamada_ayer_omite_la_tarea_por_la_ley_21320_y_se_reintenta_despues()
    {
        var hoy = await IrAHabilAsync();
        await PoliticaAsync(Paso("Llamar", 0));
        var empresa = await ClienteEmpresaAsync();
        await DeudaAsync(3);
        await DeudaAsync(3, clienteId: empresa);
        var ayer = Fixture.Reloj.GetUtcNow().AddDays(-1);
        await LlamadaAsync(ClienteId, ayer);
        await LlamadaAsync(empresa, ayer);

        var r = await EjecutarAsync();

        var consumidor = DeCliente(r, ClienteId);
        Assert.That((string)consumidor["estado"]!, Is.EqualTo("omitido"));
        Assert.That((string)consumidor["motivo"]!, Does.Contain("ley_21320_llamadas_semana"));
        Assert.That(EstadoDe(r, empresa), Is.EqualTo("aplicado"), "un cliente empresa no está sujeto a la Ley 21.320");
        Assert.That(await PasosAsync(), Is.Empty, "el paso bloqueado no queda registrado");

        await IrAAsync(d => EsHabil(d) && d.DayNumber - hoy.DayNumber >= 7);
        var despues = await EjecutarAsync();

        Assert.That(EstadoDe(despues, ClienteId), Is.EqualTo("aplicado"));
    }

    [Test]
    public async Task Un_consumidor_en_etapa_judicial_no_recibe_cartas_de_la_politica()
    {
        await IrAHabilAsync();
        await PoliticaAsync(Paso("Carta", 0, "carta", plantilla: "<html><body><p>{{ cliente.razon_social }}</p></body></html>"));
        await DeudaAsync(10);
        await ComoEmpresaAsync(async sp =>
        {
            var db = sp.GetRequiredService<GestionDbContext>();
            await EtapasCliente.CambiarAsync(db, Empresa.Id, Guid.Parse(ClienteId), Contracts.EtapasCobranza.Judicial, Hoy, null, CancellationToken.None);
            await db.SaveChangesAsync();
            return 0;
        });

        var r = await EjecutarAsync();

        // The judicial stage stops extrajudicial collection for every client, so it answers before Ley 21.320's own rule.
        Assert.That((string)DeCliente(r, ClienteId)["motivo"]!, Is.EqualTo(SuspensionCobranza.MotivoJudicial));
        Assert.That((await ConteosAsync()).Actividades, Is.Zero);
    }

    [Test]
    public async Task La_carta_de_la_politica_se_descarga_como_adjunto_de_su_actividad_y_cuenta_como_contacto_escrito()
    {
        await IrAHabilAsync();
        await PoliticaAsync(Paso("Primera carta", 0, "carta", plantilla: "<html><body><h1>{{ paso }}</h1><p>{{ cliente.razon_social }}</p></body></html>"));
        await DeudaAsync(5);

        await EjecutarAsync();

        var actividades = (await (await Api.GetAsync($"/api/v1/gestion/actividades?clienteId={ClienteId}")).JsonAsync())["items"]!.AsArray();
        var actividad = actividades.Single()!;
        var adjunto = actividad["adjuntos"]!.AsArray().Single()!;
        Assert.That(((string)adjunto["nombre"]!, (string)adjunto["contentType"]!), Is.EqualTo(("carta-primera-carta-" + F(Hoy) + ".pdf", "application/pdf")));
        var descarga = await Api.GetAsync($"/api/v1/gestion/actividades/{actividad.Id()}/adjuntos/{adjunto.Id()}");
        descarga.EnsureSuccessStatusCode();
        var bytes = await descarga.Content.ReadAsByteArrayAsync();
        Assert.That(System.Text.Encoding.ASCII.GetString(bytes, 0, 4), Is.EqualTo("%PDF"));
        Assert.That((long)adjunto["tamano"]!, Is.EqualTo(bytes.Length));

        var reglas = await (await Api.GetAsync($"/api/v1/gestion/reglas-contacto/{ClienteId}?canal=escrito")).JsonAsync();
        Assert.That(((bool)reglas["permitido"]!, (string?)reglas["regla"]), Is.EqualTo((false, "ley_21320_escritos_intervalo")));
    }

    [Test]
    public async Task Un_compromiso_pendiente_pausa_su_documento_y_al_romperse_el_escalamiento_se_reanuda()
    {
        await IrAHabilAsync();
        await PoliticaAsync(Paso("Primer aviso", 0), Paso("Segundo aviso", 15));
        var cliente = await ClienteEmpresaAsync();
        var antiguo = await DeudaAsync(20, clienteId: cliente);
        await DeudaAsync(5, clienteId: cliente);
        var compromiso = await CompromisoAsync(cliente, 100_000m, Hoy, [antiguo.Id()]);

        var pausado = DeCliente(await EjecutarAsync(), cliente);

        Assert.That(((string)pausado["estado"]!, (string)pausado["paso"]!, (int)pausado["diasVencido"]!), Is.EqualTo(("aplicado", "Primer aviso", 5)),
            "el documento prometido sale del escalamiento y el siguiente lo conduce");

        var inicio = Hoy;
        var plazo = inicio.AddDays(DiasGraciaPorOmision);
        var dia = await IrAAsync(d => EsHabil(d) && d > plazo);
        await EvaluacionDiariaAsync();
        var roto = await (await Api.GetAsync($"/api/v1/gestion/compromisos/{compromiso.Id()}")).JsonAsync();
        Assert.That((string)roto["estado"]!, Is.EqualTo("incumplido"));

        var reanudado = DeCliente(await EjecutarAsync(), cliente);

        Assert.That(((string)reanudado["estado"]!, (string)reanudado["paso"]!, (int)reanudado["diasVencido"]!),
            Is.EqualTo(("aplicado", "Segundo aviso", 20 + dia.DayNumber - inicio.DayNumber)));
    }

    [Test]
    public async Task Un_compromiso_de_monto_pausa_al_cliente_entero()
    {
        await IrAHabilAsync();
        await PoliticaAsync(Paso("Primer aviso", 0));
        var cliente = await ClienteEmpresaAsync();
        await DeudaAsync(10, clienteId: cliente);
        await CompromisoAsync(cliente, 50_000m, Hoy.AddDays(3));

        var r = DeCliente(await EjecutarAsync(), cliente);

        Assert.That(((string)r["estado"]!, (string)r["motivo"]!), Is.EqualTo(("omitido", "Cliente en pausa por un compromiso de pago vigente.")));
    }

    [Test]
    public async Task Un_documento_en_disputa_sale_del_escalamiento_y_resolverla_lo_reanuda()
    {
        await IrAHabilAsync();
        await PoliticaAsync(Paso("Primer aviso", 0), Paso("Segundo aviso", 15));
        var cliente = await ClienteEmpresaAsync();
        var antiguo = await DeudaAsync(20, clienteId: cliente);
        await DeudaAsync(5, clienteId: cliente);
        var disputa = await DisputaAsync(cliente, [antiguo.Id()]);

        var pausado = DeCliente(await EjecutarAsync(), cliente);
        Assert.That(((string)pausado["paso"]!, (int)pausado["diasVencido"]!), Is.EqualTo(("Primer aviso", 5)));

        await (await Api.PostAsJsonAsync($"/api/v1/gestion/disputas/{disputa.Id()}/estado", new { estado = "resuelta_empresa", notas = "Guía firmada" })).JsonAsync();
        await IrAHabilAsync();
        var reanudado = DeCliente(await EjecutarAsync(), cliente);

        Assert.That(((string)reanudado["estado"]!, (string)reanudado["paso"]!), Is.EqualTo(("aplicado", "Segundo aviso")));
        Assert.That((int)reanudado["diasVencido"]!, Is.GreaterThan(20));
    }

    [Test]
    public async Task Un_compromiso_roto_avisa_al_cobrador_del_cliente()
    {
        await IrAHabilAsync();
        var (cobrador, sesion, usuario) = await CobradorConUsuarioAsync("Ana Cobradora");
        await AsignarAsync(ClienteId, cobrador);
        await DeudaAsync(10);
        await CompromisoAsync(ClienteId, 100_000m, Hoy);
        Assert.That(await AlertasAsync(sesion), Is.Empty);

        Fixture.Reloj.Advance(TimeSpan.FromDays(DiasGraciaPorOmision + 2));
        await EvaluacionDiariaAsync();
        sesion = await Fixture.IniciarSesionAsync(usuario.Email, usuario.Password, Empresa.Id);

        var alerta = (await AlertasAsync(sesion)).Single();
        Assert.That(((string)alerta["titulo"]!, (string)alerta["enlace"]!), Is.EqualTo(("Compromiso de pago incumplido", $"/clientes/{ClienteId}")));
    }

    [Test]
    public async Task Abrir_una_disputa_avisa_al_asignado()
    {
        var (cobrador, sesion, _) = await CobradorConUsuarioAsync("Bruno Revisor");
        var documento = await FacturaAsync(77, 50_000m, Hoy.AddDays(-40), Hoy.AddDays(-10));

        await DisputaAsync(ClienteId, [documento.Id()], cobrador);

        var alerta = (await AlertasAsync(sesion)).Single();
        Assert.That((string)alerta["titulo"]!, Does.StartWith("Disputa asignada: "));
        Assert.That((string)alerta["detalle"]!, Does.Contain("77"));
    }

    [Test]
    public async Task Derivar_a_prejudicial_avisa_al_cobrador_del_cliente()
    {
        await IrAHabilAsync();
        var (cobrador, sesion, _) = await CobradorConUsuarioAsync("Carla Cobradora");
        await AsignarAsync(ClienteId, cobrador);
        await PoliticaAsync(Paso("Prejudicial", 0, "derivacion", "prejudicial"));
        await DeudaAsync(90);

        await EjecutarAsync();
        await EjecutarAsync();

        var alerta = (await AlertasAsync(sesion)).Single();
        Assert.That((string)alerta["titulo"]!, Does.StartWith("Cliente derivado a etapa prejudicial: "));
        Assert.That((string)alerta["enlace"]!, Is.EqualTo($"/clientes/{ClienteId}"));
    }

    [Test]
    public async Task Una_reasignacion_masiva_avisa_al_cobrador_que_recibe()
    {
        var (desde, sesionDesde, _) = await CobradorConUsuarioAsync("Diego Saliente");
        var (hacia, sesionHacia, _) = await CobradorConUsuarioAsync("Elena Entrante");
        var otro = await ClienteEmpresaAsync();
        await AsignarAsync(ClienteId, desde);
        await AsignarAsync(otro, desde);

        await (await Api.PostAsJsonAsync("/api/v1/gestion/asignaciones/reasignar", new { desdeCobradorId = desde, haciaCobradorId = hacia, simular = false })).JsonAsync();

        var alerta = (await AlertasAsync(sesionHacia)).Single();
        Assert.That(((string)alerta["titulo"]!, (string)alerta["enlace"]!), Is.EqualTo(("Se le asignaron 2 clientes", "/gestion/mi-trabajo")));
        Assert.That(await AlertasAsync(sesionDesde), Is.Empty);
    }
}
