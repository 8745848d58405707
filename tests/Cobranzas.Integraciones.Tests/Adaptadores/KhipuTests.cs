using Cobranzas.Integraciones.Proveedores;
using Cobranzas.Integraciones.Proveedores.Khipu;
using Cobranzas.Simuladores;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Integraciones.Tests.Adaptadores;

public sealed class KhipuTests
{
    private const string ApiKey = "b1e2c3d4-api-key-de-prueba";
    private const string Secreto = "secreto-de-la-cuenta-de-cobro";

    private ServiceProvider servicios = null!;
    private SimuladorKhipu khipu = null!;
    private ReceptorPrueba receptor = null!;
    private ProveedorKhipu adaptador = null!;

    private ConexionProveedor Conexion(string apiKey = ApiKey, string secreto = Secreto) =>
        new(khipu.Url, new Dictionary<string, string> { [ProveedorKhipu.CampoApiKey] = apiKey, [ProveedorKhipu.CampoSecreto] = secreto });

    [SetUp]
    public async Task IniciarAsync()
    {
        servicios = SoporteAdaptadores.Servicios();
        adaptador = servicios.Adaptador<ProveedorKhipu>();
        khipu = new SimuladorKhipu(ApiKey, Secreto);
        await khipu.IniciarAsync();
        receptor = new ReceptorPrueba();
        await receptor.IniciarAsync();
    }

    [TearDown]
    public async Task DetenerAsync()
    {
        await khipu.DisposeAsync();
        await receptor.DisposeAsync();
        await servicios.DisposeAsync();
    }

    private async Task<string> CobroAsync(string referencia = "enlace-khipu-1") =>
        (await adaptador.CrearCobroAsync(Conexion(), SoporteAdaptadores.Solicitud(receptor, referencia), default)).IdExterno;

    [Test]
    public async Task Credenciales_validas_se_verifican_y_una_api_key_ajena_se_rechaza()
    {
        Assert.That(await adaptador.VerificarCredencialesAsync(Conexion(), default), Is.EqualTo(new VerificacionCredenciales(true, null)));
        var ajena = await adaptador.VerificarCredencialesAsync(Conexion(apiKey: "otra"), default);
        Assert.That(ajena.Validas, Is.False);
        Assert.That(ajena.Motivo, Does.Contain("API key"));
        var incompleta = await adaptador.VerificarCredencialesAsync(new ConexionProveedor(khipu.Url, new Dictionary<string, string>()), default);
        Assert.That(incompleta.Validas, Is.False);
    }

    [Test]
    public async Task Crear_cobro_envia_la_referencia_y_la_url_de_notificacion_3_0()
    {
        var cobro = await adaptador.CrearCobroAsync(Conexion(), SoporteAdaptadores.Solicitud(receptor, "enlace-42", 98_765m), default);
        var pago = khipu.Pago(cobro.IdExterno);
        Assert.Multiple(() =>
        {
            Assert.That(cobro.UrlPago.ToString(), Does.EndWith($"payment/info/{cobro.IdExterno}"));
            Assert.That((string?)pago["transaction_id"], Is.EqualTo("enlace-42"));
            Assert.That((decimal?)pago["amount"], Is.EqualTo(98_765m));
            Assert.That((string?)pago["notify_api_version"], Is.EqualTo("3.0"));
            Assert.That((string?)pago["notify_url"], Is.EqualTo(new Uri(receptor.Url, "notificaciones/enlace-42").ToString()));
        });
    }

    [Test]
    public void Una_creacion_fallida_no_se_reintenta_sola()
    {
        khipu.FallarProximasCreaciones(1);
        Assert.ThrowsAsync<HttpRequestException>(() => CobroAsync());
        Assert.That(khipu.Creaciones, Is.EqualTo(1));
    }

    [Test]
    public async Task Pago_notificado_queda_pagado_con_la_referencia_del_enlace()
    {
        var id = await CobroAsync("enlace-pagado");
        Assert.That(await khipu.PagarAsync(id), Is.EqualTo(new[] { 200 }));

        var leida = await adaptador.LeerNotificacionAsync(Conexion(), receptor.Ultima, default);
        Assert.That(leida, Is.EqualTo(NotificacionLeida.Valida(id)));
        var estado = await adaptador.ConsultarEstadoAsync(Conexion(), leida.Referencia!, default);
        Assert.Multiple(() =>
        {
            Assert.That(estado.Estado, Is.EqualTo(EstadoPagoProveedor.Pagado));
            Assert.That(estado.IdPago, Is.EqualTo(id));
            Assert.That(estado.ReferenciaComercio, Is.EqualTo("enlace-pagado"));
            Assert.That(estado.Monto, Is.EqualTo(125_000m));
            Assert.That(estado.Moneda, Is.EqualTo("CLP"));
            Assert.That(estado.FechaPago, Is.Not.Null);
        });
    }

    [Test]
    public async Task Pago_rechazado_por_el_pagador_queda_rechazado()
    {
        var id = await CobroAsync();
        await khipu.RechazarAsync(id);
        var leida = await adaptador.LeerNotificacionAsync(Conexion(), receptor.Ultima, default);
        Assert.That((await adaptador.ConsultarEstadoAsync(Conexion(), leida.Referencia!, default)).Estado, Is.EqualTo(EstadoPagoProveedor.Rechazado));
    }

    [Test]
    public async Task Cobro_vencido_sin_pagar_queda_expirado_y_uno_vigente_pendiente()
    {
        var id = await CobroAsync();
        Assert.That((await adaptador.ConsultarEstadoAsync(Conexion(), id, default)).Estado, Is.EqualTo(EstadoPagoProveedor.Pendiente));
        khipu.Expirar(id);
        var estado = await adaptador.ConsultarEstadoAsync(Conexion(), id, default);
        Assert.That(estado.Estado, Is.EqualTo(EstadoPagoProveedor.Expirado));
        Assert.That(estado.FechaPago, Is.Null);
    }

    [Test]
    public async Task Notificacion_duplicada_da_la_misma_referencia()
    {
        var id = await CobroAsync();
        await khipu.PagarAsync(id);
        await khipu.NotificarDuplicadoAsync(id);
        var leidas = new List<NotificacionLeida>();
        foreach (var notificacion in receptor.Recibidas)
            leidas.Add(await adaptador.LeerNotificacionAsync(Conexion(), notificacion, default));
        Assert.That(leidas, Has.Count.EqualTo(3));
        Assert.That(leidas, Is.All.EqualTo(NotificacionLeida.Valida(id)));
    }

    [Test]
    public async Task Firma_falsificada_se_rechaza()
    {
        var id = await CobroAsync();
        await khipu.NotificarAsync(id, Falsificacion.FirmaFalsa);
        var leida = await adaptador.LeerNotificacionAsync(Conexion(), receptor.Ultima, default);
        Assert.That(leida.Rechazada, Is.True);
        Assert.That(leida.MotivoRechazo, Does.Contain("Firma"));
    }

    [Test]
    public async Task Cuerpo_alterado_con_la_firma_original_se_rechaza()
    {
        var id = await CobroAsync();
        await khipu.NotificarAsync(id);
        var original = receptor.Ultima;
        var alterada = original with { Cuerpo = original.Cuerpo.Replace("125000", "1") };
        Assert.That(alterada.Cuerpo, Is.Not.EqualTo(original.Cuerpo));
        Assert.That((await adaptador.LeerNotificacionAsync(Conexion(), alterada, default)).Rechazada, Is.True);
        var sinFirma = original with { Encabezados = new Dictionary<string, string>() };
        Assert.That((await adaptador.LeerNotificacionAsync(Conexion(), sinFirma, default)).Rechazada, Is.True);
    }

    [Test]
    public async Task Marca_de_tiempo_vencida_se_rechaza_aunque_la_firma_sea_correcta()
    {
        var id = await CobroAsync();
        await khipu.NotificarAsync(id, Falsificacion.MarcaVencida);
        var leida = await adaptador.LeerNotificacionAsync(Conexion(), receptor.Ultima, default);
        Assert.That(leida.MotivoRechazo, Does.Contain("tolerancia"));
    }

    [Test]
    public async Task Una_falla_de_la_consulta_se_reintenta_y_si_persiste_sale_como_excepcion_y_luego_responde()
    {
        var id = await CobroAsync();
        await khipu.PagarAsync(id);

        khipu.FallarProximasConsultas(2); // absorbed by the retries of the named client (GET is safe)
        Assert.That((await adaptador.ConsultarEstadoAsync(Conexion(), id, default)).Estado, Is.EqualTo(EstadoPagoProveedor.Pagado));

        khipu.FallarProximasConsultas(4); // the first attempt and its three retries
        var error = Assert.ThrowsAsync<HttpRequestException>(() => adaptador.ConsultarEstadoAsync(Conexion(), id, default));
        Assert.That(error!.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.InternalServerError));

        Assert.That((await adaptador.ConsultarEstadoAsync(Conexion(), id, default)).Estado, Is.EqualTo(EstadoPagoProveedor.Pagado));
    }

    [Test]
    public async Task Ciclo_completo_el_receptor_que_falla_recibe_el_reintento_y_registra_el_pago_una_vez()
    {
        var registrados = new Dictionary<string, EstadoCobro>();
        var llamadas = 0;
        receptor.Procesar = async notificacion =>
        {
            if (Interlocked.Increment(ref llamadas) == 1)
                return 503; // the endpoint was down: Khipu must deliver again
            var leida = await adaptador.LeerNotificacionAsync(Conexion(), notificacion, default);
            if (leida.Rechazada)
                return 400;
            var estado = await adaptador.ConsultarEstadoAsync(Conexion(), leida.Referencia!, default);
            if (estado.Estado == EstadoPagoProveedor.Pagado)
                registrados.TryAdd(estado.IdPago!, estado);
            return 200;
        };
        var id = await CobroAsync("enlace-ciclo");

        Assert.That(await khipu.PagarAsync(id), Is.EqualTo(new[] { 503, 200 }));
        Assert.That(await khipu.NotificarDuplicadoAsync(id), Is.EqualTo(new[] { 200, 200 }));
        Assert.That(await khipu.NotificarAsync(id, Falsificacion.FirmaFalsa), Is.EqualTo(new[] { 400, 400, 400 }));

        Assert.That(registrados.Keys, Is.EqualTo(new[] { id }));
        Assert.That(registrados[id].ReferenciaComercio, Is.EqualTo("enlace-ciclo"));
    }
}
