using Cobranzas.Integraciones.Proveedores;
using Cobranzas.Integraciones.Proveedores.Webpay;
using Cobranzas.Simuladores;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Integraciones.Tests.Adaptadores;

public sealed class WebpayTests
{
    private ServiceProvider servicios = null!;
    private SimuladorWebpay webpay = null!;
    private ReceptorPrueba receptor = null!;
    private ProveedorWebpay adaptador = null!;

    private ConexionProveedor Conexion(string llave = SimuladorWebpay.LlaveSecretaIntegracion) => new(
        webpay.Url, new Dictionary<string, string>
        {
            [ProveedorWebpay.CampoCodigoComercio] = SimuladorWebpay.CodigoComercioIntegracion, [ProveedorWebpay.CampoLlaveSecreta] = llave,
        });

    [SetUp]
    public async Task IniciarAsync()
    {
        servicios = SoporteAdaptadores.Servicios();
        adaptador = servicios.Adaptador<ProveedorWebpay>();
        webpay = new SimuladorWebpay(SimuladorWebpay.CodigoComercioIntegracion, SimuladorWebpay.LlaveSecretaIntegracion);
        await webpay.IniciarAsync();
        receptor = new ReceptorPrueba();
        await receptor.IniciarAsync();
    }

    [TearDown]
    public async Task DetenerAsync()
    {
        await webpay.DisposeAsync();
        await receptor.DisposeAsync();
        await servicios.DisposeAsync();
    }

    private async Task<string> TransaccionAsync(string referencia = "enlace-webpay-1") =>
        (await adaptador.CrearCobroAsync(Conexion(), SoporteAdaptadores.Solicitud(receptor, referencia), default)).IdExterno;

    private async Task<EstadoCobro> RetornoAsync()
    {
        var leida = await adaptador.LeerNotificacionAsync(Conexion(), receptor.Ultima, default);
        Assert.That(leida.Rechazada, Is.False, leida.MotivoRechazo);
        return await adaptador.ConsultarEstadoAsync(Conexion(), leida.Referencia!, default);
    }

    [Test]
    public async Task Credenciales_validas_se_verifican_y_una_llave_ajena_se_rechaza()
    {
        Assert.That((await adaptador.VerificarCredencialesAsync(Conexion(), default)).Validas, Is.True);
        var ajena = await adaptador.VerificarCredencialesAsync(Conexion(llave: "otra-llave"), default);
        Assert.That(ajena.Validas, Is.False);
        Assert.That(ajena.Motivo, Does.Contain("llave secreta"));
        Assert.That(webpay.Creaciones, Is.Zero);
    }

    [Test]
    public async Task Crear_transaccion_con_una_referencia_larga_la_lleva_entera_en_session_id()
    {
        var referencia = Guid.NewGuid().ToString();
        var cobro = await adaptador.CrearCobroAsync(Conexion(), SoporteAdaptadores.Solicitud(receptor, referencia, 10_990m), default);
        var transaccion = webpay.Estado(cobro.IdExterno);
        Assert.Multiple(() =>
        {
            Assert.That(cobro.UrlPago.ToString(), Does.EndWith($"webpayserver/initTransaction?token_ws={cobro.IdExterno}"));
            Assert.That((string?)transaccion["session_id"], Is.EqualTo(referencia));
            Assert.That((string?)transaccion["buy_order"], Is.EqualTo(ProveedorWebpay.OrdenCompra(referencia)).And.Length.EqualTo(26));
            Assert.That((decimal?)transaccion["amount"], Is.EqualTo(10_990m));
            Assert.That((string?)transaccion["status"], Is.EqualTo("INITIALIZED"));
        });
        Assert.That(ProveedorWebpay.OrdenCompra("enlace-corto"), Is.EqualTo("enlace-corto"));
    }

    [Test]
    public void Una_creacion_fallida_no_se_reintenta_sola()
    {
        webpay.FallarProximasCreaciones(1);
        Assert.ThrowsAsync<HttpRequestException>(() => TransaccionAsync());
        Assert.That(webpay.Creaciones, Is.EqualTo(1));
    }

    [Test]
    public async Task Pago_con_retorno_token_ws_se_confirma_una_vez_y_queda_pagado()
    {
        var token = await TransaccionAsync("enlace-pagado");
        Assert.That(await webpay.PagarAsync(token), Is.EqualTo(200));
        Assert.That(receptor.Ultima.Consulta["token_ws"], Is.EqualTo(token));

        var estado = await RetornoAsync();
        Assert.Multiple(() =>
        {
            Assert.That(estado.Estado, Is.EqualTo(EstadoPagoProveedor.Pagado));
            Assert.That(estado.IdPago, Is.EqualTo(token));
            Assert.That(estado.ReferenciaComercio, Is.EqualTo("enlace-pagado"));
            Assert.That(estado.Monto, Is.EqualTo(125_000m));
            Assert.That(estado.FechaPago, Is.Not.Null);
        });
        Assert.That(webpay.Confirmaciones, Is.EqualTo(1));
    }

    [Test]
    public async Task Retorno_repetido_lo_responde_el_estado_con_la_misma_referencia_sin_confirmar_de_nuevo()
    {
        var token = await TransaccionAsync();
        await webpay.PagarAsync(token);
        var primero = await RetornoAsync();
        await webpay.RetornarAsync(token);
        var segundo = await RetornoAsync();
        Assert.That(segundo.Estado, Is.EqualTo(EstadoPagoProveedor.Pagado));
        Assert.That(segundo.IdPago, Is.EqualTo(primero.IdPago));
        Assert.That(segundo.ReferenciaComercio, Is.EqualTo(primero.ReferenciaComercio));
        Assert.That(webpay.Confirmaciones, Is.EqualTo(1));
    }

    [Test]
    public async Task Retorno_por_post_de_formulario_tambien_se_lee()
    {
        webpay.RetornoPorPost = true;
        var token = await TransaccionAsync();
        await webpay.PagarAsync(token);
        Assert.That(receptor.Ultima.ContentType, Does.StartWith("application/x-www-form-urlencoded"));
        Assert.That((await RetornoAsync()).Estado, Is.EqualTo(EstadoPagoProveedor.Pagado));
    }

    [Test]
    public async Task Tarjeta_rechazada_queda_rechazada()
    {
        var token = await TransaccionAsync();
        await webpay.RechazarAsync(token);
        var estado = await RetornoAsync();
        Assert.That(estado.Estado, Is.EqualTo(EstadoPagoProveedor.Rechazado));
        Assert.That(estado.Detalle, Does.Contain("FAILED"));
    }

    [Test]
    public async Task Pago_anulado_por_el_pagador_sigue_pendiente_y_no_se_confirma()
    {
        var token = await TransaccionAsync();
        await webpay.AnularAsync(token);
        Assert.That(receptor.Ultima.Consulta["TBK_TOKEN"], Is.EqualTo(token));
        Assert.That((await RetornoAsync()).Estado, Is.EqualTo(EstadoPagoProveedor.Pendiente));
        Assert.That(webpay.Confirmaciones, Is.Zero);
    }

    [Test]
    public async Task Formulario_expirado_sin_token_se_rechaza_y_no_consulta_nada()
    {
        var token = await TransaccionAsync();
        await webpay.AgotarTiempoAsync(token);
        var leida = await adaptador.LeerNotificacionAsync(Conexion(), receptor.Ultima, default);
        Assert.That(leida.MotivoRechazo, Does.Contain("expiró"));
    }

    [Test]
    public async Task Transaccion_de_mas_de_siete_dias_queda_expirada()
    {
        var token = await TransaccionAsync();
        webpay.Expirar(token);
        var estado = await adaptador.ConsultarEstadoAsync(Conexion(), token, default);
        Assert.That(estado.Estado, Is.EqualTo(EstadoPagoProveedor.Expirado));
        Assert.That(estado.Detalle, Does.Contain("7 days"));
    }

    [Test]
    public async Task Token_inventado_no_da_ningun_pago()
    {
        var estado = await adaptador.ConsultarEstadoAsync(Conexion(), "f" + new string('0', 63), default);
        Assert.That(estado.Estado, Is.Not.EqualTo(EstadoPagoProveedor.Pagado));
        Assert.That(estado.IdPago, Is.Null);
    }

    [Test]
    public async Task Una_falla_de_la_confirmacion_sale_como_excepcion_y_el_reintento_confirma()
    {
        var token = await TransaccionAsync();
        await webpay.PagarAsync(token);
        webpay.FallarProximasConsultas(1);
        Assert.ThrowsAsync<HttpRequestException>(() => adaptador.ConsultarEstadoAsync(Conexion(), token, default));
        Assert.That(webpay.Confirmaciones, Is.Zero);
        Assert.That((await adaptador.ConsultarEstadoAsync(Conexion(), token, default)).Estado, Is.EqualTo(EstadoPagoProveedor.Pagado));
        Assert.That(webpay.Confirmaciones, Is.EqualTo(1));
    }

    [Test]
    public async Task Confirmacion_hecha_con_respuesta_perdida_la_responde_el_estado_en_el_reintento()
    {
        var token = await TransaccionAsync();
        await webpay.PagarAsync(token);
        webpay.PerderRespuestaProximaConfirmacion();
        Assert.ThrowsAsync<HttpRequestException>(() => adaptador.ConsultarEstadoAsync(Conexion(), token, default));
        Assert.That(webpay.Confirmaciones, Is.EqualTo(1));
        var estado = await adaptador.ConsultarEstadoAsync(Conexion(), token, default);
        Assert.That(estado.Estado, Is.EqualTo(EstadoPagoProveedor.Pagado));
        Assert.That(estado.IdPago, Is.EqualTo(token));
    }

    [Test]
    public async Task Ciclo_completo_retorno_del_navegador_al_receptor_registra_el_pago_una_vez()
    {
        var registrados = new Dictionary<string, EstadoCobro>();
        receptor.Procesar = async retorno =>
        {
            var leida = await adaptador.LeerNotificacionAsync(Conexion(), retorno, default);
            if (leida.Rechazada)
                return 400;
            var estado = await adaptador.ConsultarEstadoAsync(Conexion(), leida.Referencia!, default);
            if (estado.Estado == EstadoPagoProveedor.Pagado)
                registrados.TryAdd(estado.IdPago!, estado);
            return 200;
        };
        var token = await TransaccionAsync("enlace-ciclo");
        var otro = await TransaccionAsync("enlace-anulado");

        Assert.That(await webpay.PagarAsync(token), Is.EqualTo(200));
        Assert.That(await webpay.RetornarAsync(token), Is.EqualTo(200));
        Assert.That(await webpay.AnularAsync(otro), Is.EqualTo(200));
        Assert.That(await webpay.AgotarTiempoAsync(otro), Is.EqualTo(400));

        Assert.That(registrados.Keys, Is.EqualTo(new[] { token }));
        Assert.That(registrados[token].ReferenciaComercio, Is.EqualTo("enlace-ciclo"));
        Assert.That(webpay.Confirmaciones, Is.EqualTo(1));
    }
}
