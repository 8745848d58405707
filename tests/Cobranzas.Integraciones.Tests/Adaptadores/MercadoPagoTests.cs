using Cobranzas.Integraciones.Proveedores;
using Cobranzas.Integraciones.Proveedores.MercadoPago;
using Cobranzas.Simuladores;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Integraciones.Tests.Adaptadores;

public sealed class MercadoPagoTests
{
    private const string Token = "TEST-5417-112233-access-token";
    private const string Secreto = "clave-secreta-de-webhooks";

    private ServiceProvider servicios = null!;
    private SimuladorMercadoPago mp = null!;
    private ReceptorPrueba receptor = null!;
    private ProveedorMercadoPago adaptador = null!;

    private ConexionProveedor Conexion(string token = Token, string secreto = Secreto) => new(
        mp.Url, new Dictionary<string, string> { [ProveedorMercadoPago.CampoAccessToken] = token, [ProveedorMercadoPago.CampoSecretoWebhook] = secreto });

    [SetUp]
    public async Task IniciarAsync()
    {
        servicios = SoporteAdaptadores.Servicios();
        adaptador = servicios.Adaptador<ProveedorMercadoPago>();
        mp = new SimuladorMercadoPago(Token, Secreto);
        await mp.IniciarAsync();
        receptor = new ReceptorPrueba();
        await receptor.IniciarAsync();
    }

    [TearDown]
    public async Task DetenerAsync()
    {
        await mp.DisposeAsync();
        await receptor.DisposeAsync();
        await servicios.DisposeAsync();
    }

    private async Task<string> PreferenciaAsync(string referencia = "enlace-mp-1") =>
        (await adaptador.CrearCobroAsync(Conexion(), SoporteAdaptadores.Solicitud(receptor, referencia), default)).IdExterno;

    [Test]
    public async Task Credenciales_validas_se_verifican_y_un_token_ajeno_se_rechaza()
    {
        Assert.That((await adaptador.VerificarCredencialesAsync(Conexion(), default)).Validas, Is.True);
        var ajeno = await adaptador.VerificarCredencialesAsync(Conexion(token: "APP_USR-otro"), default);
        Assert.That(ajeno.Validas, Is.False);
        Assert.That(ajeno.Motivo, Does.Contain("access token"));
        Assert.That((await adaptador.VerificarCredencialesAsync(Conexion(secreto: ""), default)).Validas, Is.False);
    }

    [Test]
    public async Task Crear_preferencia_lleva_external_reference_y_notification_url_solo_de_webhooks()
    {
        var cobro = await adaptador.CrearCobroAsync(Conexion(), SoporteAdaptadores.Solicitud(receptor, "enlace-77", 45_500m), default);
        var preferencia = mp.Preferencia(cobro.IdExterno);
        Assert.Multiple(() =>
        {
            Assert.That(cobro.UrlPago.ToString(), Does.Contain($"pref_id={cobro.IdExterno}"));
            Assert.That((string?)preferencia["external_reference"], Is.EqualTo("enlace-77"));
            Assert.That((string?)preferencia["notification_url"], Is.EqualTo($"{new Uri(receptor.Url, "notificaciones/enlace-77")}?source_news=webhooks"));
            Assert.That((decimal?)preferencia["items"]![0]!["unit_price"], Is.EqualTo(45_500m));
            Assert.That((string?)preferencia["items"]![0]!["currency_id"], Is.EqualTo("CLP"));
            Assert.That((bool?)preferencia["expires"], Is.True);
        });
    }

    [Test]
    public async Task La_misma_clave_de_idempotencia_dos_veces_da_la_misma_preferencia()
    {
        var solicitud = SoporteAdaptadores.Solicitud(receptor, "enlace-idem", clave: "clave-enlace-idem");
        var primera = await adaptador.CrearCobroAsync(Conexion(), solicitud, default);
        var segunda = await adaptador.CrearCobroAsync(Conexion(), solicitud, default);
        Assert.That(segunda, Is.EqualTo(primera));
        Assert.That(mp.PreferenciasCreadas, Is.EqualTo(1));

        var otra = await adaptador.CrearCobroAsync(Conexion(), solicitud with { ClaveIdempotencia = "otra-clave" }, default);
        Assert.That(otra.IdExterno, Is.Not.EqualTo(primera.IdExterno));
        Assert.That(mp.PreferenciasCreadas, Is.EqualTo(2));
    }

    [Test]
    public void Una_creacion_fallida_sale_como_excepcion_sin_reintento_y_el_llamador_la_repite_con_su_clave()
    {
        mp.FallarProximasCreaciones(1);
        var solicitud = SoporteAdaptadores.Solicitud(receptor, "enlace-falla");
        Assert.ThrowsAsync<HttpRequestException>(() => adaptador.CrearCobroAsync(Conexion(), solicitud, default));
        Assert.That(mp.Creaciones, Is.EqualTo(1));
        Assert.DoesNotThrowAsync(() => adaptador.CrearCobroAsync(Conexion(), solicitud, default));
        Assert.That(mp.PreferenciasCreadas, Is.EqualTo(1));
    }

    [Test]
    public async Task Pago_aprobado_notificado_queda_pagado_con_data_id_como_id_de_pago()
    {
        var preferencia = await PreferenciaAsync("enlace-pagado");
        var (idPago, entregas) = await mp.PagarAsync(preferencia);
        Assert.That(entregas, Is.EqualTo(new[] { 200 }));
        Assert.That(receptor.Ultima.Consulta["data.id"], Is.EqualTo(idPago));

        var leida = await adaptador.LeerNotificacionAsync(Conexion(), receptor.Ultima, default);
        Assert.That(leida, Is.EqualTo(NotificacionLeida.Valida(idPago)));
        var estado = await adaptador.ConsultarEstadoAsync(Conexion(), leida.Referencia!, default);
        Assert.Multiple(() =>
        {
            Assert.That(estado.Estado, Is.EqualTo(EstadoPagoProveedor.Pagado));
            Assert.That(estado.IdPago, Is.EqualTo(idPago));
            Assert.That(estado.ReferenciaComercio, Is.EqualTo("enlace-pagado"));
            Assert.That(estado.Monto, Is.EqualTo(125_000m));
            Assert.That(estado.FechaPago, Is.Not.Null);
        });
    }

    [Test]
    public async Task Pago_rechazado_queda_rechazado_y_uno_cancelado_por_vencimiento_expirado()
    {
        var preferencia = await PreferenciaAsync();
        var (rechazado, _) = await mp.RechazarAsync(preferencia);
        Assert.That((await adaptador.ConsultarEstadoAsync(Conexion(), rechazado, default)).Estado, Is.EqualTo(EstadoPagoProveedor.Rechazado));
        var (vencido, _) = await mp.ExpirarAsync(preferencia);
        var leida = await adaptador.LeerNotificacionAsync(Conexion(), receptor.Ultima, default);
        Assert.That(leida.Referencia, Is.EqualTo(vencido));
        var estado = await adaptador.ConsultarEstadoAsync(Conexion(), vencido, default);
        Assert.That(estado.Estado, Is.EqualTo(EstadoPagoProveedor.Expirado));
        Assert.That(estado.FechaPago, Is.Null);
    }

    [Test]
    public async Task Notificacion_duplicada_da_la_misma_referencia()
    {
        var preferencia = await PreferenciaAsync();
        var (idPago, _) = await mp.PagarAsync(preferencia);
        await mp.NotificarDuplicadoAsync(idPago);
        var leidas = new List<NotificacionLeida>();
        foreach (var notificacion in receptor.Recibidas)
            leidas.Add(await adaptador.LeerNotificacionAsync(Conexion(), notificacion, default));
        Assert.That(leidas, Has.Count.EqualTo(3));
        Assert.That(leidas, Is.All.EqualTo(NotificacionLeida.Valida(idPago)));
    }

    [Test]
    public async Task Firma_falsificada_o_data_id_cambiado_se_rechazan()
    {
        var preferencia = await PreferenciaAsync();
        var (idPago, _) = await mp.PagarAsync(preferencia);
        await mp.NotificarAsync(idPago, Falsificacion.FirmaFalsa);
        Assert.That((await adaptador.LeerNotificacionAsync(Conexion(), receptor.Ultima, default)).MotivoRechazo, Does.Contain("inválida"));

        await mp.NotificarAsync(idPago);
        var original = receptor.Ultima;
        var otroPago = original with { Consulta = new Dictionary<string, string>(original.Consulta) { ["data.id"] = "999" } };
        Assert.That((await adaptador.LeerNotificacionAsync(Conexion(), otroPago, default)).Rechazada, Is.True);
        var otraSolicitud = original with
        {
            Encabezados = new Dictionary<string, string>(original.Encabezados, StringComparer.OrdinalIgnoreCase) { ["x-request-id"] = Guid.NewGuid().ToString() },
        };
        Assert.That((await adaptador.LeerNotificacionAsync(Conexion(), otraSolicitud, default)).Rechazada, Is.True);
        Assert.That((await adaptador.LeerNotificacionAsync(Conexion(), original, default)).Rechazada, Is.False);
    }

    [Test]
    public async Task Marca_de_tiempo_vencida_se_rechaza_aunque_la_firma_sea_correcta()
    {
        var preferencia = await PreferenciaAsync();
        var (idPago, _) = await mp.PagarAsync(preferencia);
        await mp.NotificarAsync(idPago, Falsificacion.MarcaVencida);
        Assert.That((await adaptador.LeerNotificacionAsync(Conexion(), receptor.Ultima, default)).MotivoRechazo, Does.Contain("tolerancia"));
    }

    [Test]
    public void El_manifiesto_sigue_la_plantilla_documentada()
    {
        Assert.That(ProveedorMercadoPago.Manifiesto("ABC123", "req-1", "1704908010"), Is.EqualTo("id:abc123;request-id:req-1;ts:1704908010;"));
        Assert.That(ProveedorMercadoPago.Manifiesto(null, null, "1704908010"), Is.EqualTo("ts:1704908010;"));
    }

    [Test]
    public async Task Una_falla_de_la_consulta_sale_como_excepcion_y_luego_responde()
    {
        var preferencia = await PreferenciaAsync();
        var (idPago, _) = await mp.PagarAsync(preferencia);
        mp.FallarProximasConsultas(4);
        Assert.ThrowsAsync<HttpRequestException>(() => adaptador.ConsultarEstadoAsync(Conexion(), idPago, default));
        Assert.That((await adaptador.ConsultarEstadoAsync(Conexion(), idPago, default)).Estado, Is.EqualTo(EstadoPagoProveedor.Pagado));
    }

    [Test]
    public async Task Ciclo_completo_el_receptor_que_falla_recibe_el_reintento_y_registra_el_pago_una_vez()
    {
        var registrados = new Dictionary<string, EstadoCobro>();
        var llamadas = 0;
        receptor.Procesar = async notificacion =>
        {
            if (Interlocked.Increment(ref llamadas) == 1)
                return 500;
            var leida = await adaptador.LeerNotificacionAsync(Conexion(), notificacion, default);
            if (leida.Rechazada)
                return 400;
            var estado = await adaptador.ConsultarEstadoAsync(Conexion(), leida.Referencia!, default);
            if (estado.Estado == EstadoPagoProveedor.Pagado)
                registrados.TryAdd(estado.IdPago!, estado);
            return 200;
        };
        var preferencia = await PreferenciaAsync("enlace-ciclo");

        var (idPago, entregas) = await mp.PagarAsync(preferencia);
        Assert.That(entregas, Is.EqualTo(new[] { 500, 200 }));
        Assert.That(await mp.NotificarDuplicadoAsync(idPago), Is.EqualTo(new[] { 200, 200 }));
        Assert.That(await mp.NotificarAsync(idPago, Falsificacion.MarcaVencida), Is.EqualTo(new[] { 400, 400, 400 }));

        Assert.That(registrados.Keys, Is.EqualTo(new[] { idPago }));
        Assert.That(registrados[idPago].ReferenciaComercio, Is.EqualTo("enlace-ciclo"));
    }
}
