using Cobranzas.Testing;
using Cobranzas.Testing.OpenApi;

namespace Cobranzas.Api.Tests.Generados;

/// <summary>
/// Company B, through a user and through an API key, calls every operation of the OpenAPI
/// document with company A's ids, in the path and in the body: it must never reach A's data.
/// Each refusal has an owner control (the same request with the owner's ids is accepted), so a
/// 403/404 proves isolation and not a broken request.
/// </summary>
public sealed class AislamientoEntreEmpresasTests : PruebaSobreDatosSembrados
{
    private RecursosEmpresa _a = null!;
    private RecursosEmpresa _b = null!;
    private (string Quien, HttpClient Cliente)[] _llamadoresB = [];

    public static IEnumerable<TestCaseData> OperacionesConIds() =>
        DocumentoOpenApi.DelRepositorio.Operaciones.Where(o => o.ParametrosRuta.Any() && !o.Anonima && !o.EsPortal && !o.EsAgencia && !PorCodigoDeCatalogo.Contains(o.Id)).Select(DocumentoOpenApi.Caso);

    /// <summary>The path names a provider of the catalogue (the same codes in every company), not a resource of one company.</summary>
    private static readonly HashSet<string> PorCodigoDeCatalogo = ["ObtenerProveedorPago", "ActivarProveedorPago", "DesactivarProveedorPago", "ActualizarComisionesProveedorPago"];

    public static IEnumerable<TestCaseData> Listados() =>
        DocumentoOpenApi.DelRepositorio.Operaciones.Where(o => o.Metodo == "GET" && !o.ParametrosRuta.Any() && !o.Anonima && !o.EsPortal && !o.EsAgencia).Select(DocumentoOpenApi.Caso);

    public static IEnumerable<TestCaseData> IdsEnCuerpos() => IdsEnCuerpo.Casos();

    private static readonly HashSet<string> SinIdsPropios = ["CerrarSesion", "InvitarUsuario", "CrearApiKey", "CrearPoliticaCredito", "CrearGrupoClientes", "CrearGrupoContactos", "GuardarConfiguracionCartera", "GuardarConfiguracionCargosMora", "GuardarConfiguracionConvenios", "GuardarReglasCastigo", "GuardarConfiguracionGestion",
        "GuardarPoliticaCobranza", "EjecutarPoliticaCobranza", "RecalcularAsignaciones", "MarcarAlertasLeidas", "AvisarTareasAtrasadas",
        "CrearTipoActividad", "CrearGuion", "CrearMotivoDisputa", "CrearCuentaDeposito", "GuardarConfiguracionContable", "GenerarAsientosContables", "CrearSuscripcionWebhook",
        "GuardarMarcaPortal", "CrearAgencia", "CrearEstudio", "CrearPolizaSeguro", "CrearFactor"];

    public static Cobertura Cobertura =>
        Cobertura.De(
            nameof(AislamientoEntreEmpresasTests),
            new Dictionary<string, Func<IEnumerable<TestCaseData>>>
            {
                [nameof(OperacionesConIds)] = OperacionesConIds,
                [nameof(Listados)] = Listados,
                [nameof(IdsEnCuerpos)] = IdsEnCuerpos,
            },
            new Exclusion("anónima por token de invitación o de cambio de contraseña: no lleva ids de empresa",
                o => o.Id is "ObtenerInvitacion" or "ActivarCuenta" or "RecuperarClave" or "RestablecerClave"),
            new Exclusion("anónima por token firmado de un correo: la empresa y el envío (o la definición del logo) están en el token (SeguimientoTests: un token alterado o de otro tipo no cambia nada)",
                o => o.Id is "RegistrarApertura" or "RegistrarClic" or "VerBajaRecordatorios" or "RegistrarBajaRecordatorios" or "ObtenerLogoPublico"),
            new Exclusion("no lleva ids ni en la ruta ni en el cuerpo: escribe sólo en la empresa del llamador", o => SinIdsPropios.Contains(o.Id)),
            new Exclusion("sesión del portal de clientes: ninguna credencial del personal la abre; su aislamiento entre clientes y empresas lo prueba PortalSesionTests", o => o.EsPortal),
            new Exclusion("clave de una agencia de cobranza: ninguna credencial del personal la abre (403); su alcance (solo sus documentos derivados, 404 con los ajenos) lo prueba AgenciasTests", o => o.EsAgencia),
            new Exclusion("anónima del portal: pide un enlace (misma respuesta exista o no el correo) o lo canjea por una sesión; la empresa la nombra el RUT o el enlace (AccesoPortalTests)",
                o => o.Id is "SolicitarAccesoPortal" or "AbrirSesionPortal"),
            new Exclusion("el código de la ruta es un proveedor del catálogo, el mismo en cada empresa: cada una ve y cambia sólo su propia configuración (ProveedoresTests)",
                o => PorCodigoDeCatalogo.Contains(o.Id)),
            new Exclusion("anónima: notificación de un proveedor de pagos; el enlace nombra la empresa y el estado lo decide la consulta firmada al proveedor (EnlacesPagoFlowTests: una confirmación falsa o de otro enlace no cambia nada)",
                o => o.Id is "RecibirNotificacionProveedor" or "RecibirRetornoProveedor"),
            new Exclusion("archivo (multipart): los RUTs y folios de otra empresa dentro de archivos y lotes los prueba LotesConDatosDeOtraEmpresaTests",
                o => o.Id is "ImportarClientes" or "ImportarDocumentos" or "ConciliarFactor"),
            new Exclusion("archivo (multipart) del bureau: un RUT de otra empresa no encuentra cliente y nada se aplica (InformesComercialesTests.Consulta_no_importa_y_el_rut_de_otra_empresa_no_se_encuentra)",
                o => o.Id is "ImportarInformesComerciales"),
            new Exclusion("valores UF y dólar propios de la empresa: sin ids, escriben sólo los de la empresa del llamador (ValoresMonedaEmpresaTests, AgregadosAisladosTests)",
                o => o.Id is "GuardarValoresUf" or "GuardarValoresDolar" or "ImportarValoresUf" or "ImportarValoresDolar"),
            new Exclusion("niveles de aprobación y ponderaciones del score de la empresa: sin ids, escriben sólo los de la empresa del llamador (AprobacionesTests.Niveles_y_ponderaciones_de_una_empresa_no_cambian_los_de_otra)",
                o => o.Id is "GuardarNivelesAprobacion" or "GuardarPonderacionesScore"));

    protected override async Task SembrarAsync()
    {
        _a = await RecursosEmpresa.CrearAsync(await Fixture.CrearEmpresaAsync("Alfa Reservada"));
        var empresaB = await Fixture.CrearEmpresaAsync("Beta Curiosa");
        _b = await RecursosEmpresa.CrearAsync(empresaB);
        _llamadoresB = [("usuario administrador de B", _b.Admin), ("API key de lectura y escritura de B", await Fixture.ClienteConApiKeyAsync(empresaB, "lectura_escritura"))];
    }

    protected override void VolverAlSembradoEnMemoria()
    {
        _a.VolverAlSembrado();
        _b.VolverAlSembrado();
    }

    [TestCaseSource(nameof(OperacionesConIds))]
    public async Task Otra_empresa_recibe_404_o_403_con_los_ids_de_esta(Operacion op)
    {
        var url = await _a.UrlAsync(op);
        var antes = await Fixture.ContarFilasAsync();

        foreach (var (quien, cliente) in _llamadoresB)
        {
            using var solicitud = new HttpRequestMessage(new HttpMethod(op.Metodo), url) { Content = CuerposEjemplo.Contenido(op, _b) };
            var respuesta = await cliente.SendAsync(solicitud);
            var texto = await respuesta.Content.ReadAsStringAsync();

            Assert.That((int)respuesta.StatusCode, Is.AnyOf(403, 404), $"{quien}: {op.Metodo} {url} → {texto}");
            foreach (var dato in _a.Datos)
                Assert.That(texto, Does.Not.Contain(dato), $"{quien}: {op.Metodo} {url} mostró datos de la empresa A");
        }

        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes), "Una llamada de la empresa B cambió datos.");
        if (op.EsEscritura)
        {
            await ControlDelDuenoAsync(_a.Admin, op.Metodo, url, CuerposEjemplo.Contenido(op, _a));
            if (op.Metodo != "DELETE")
                await ConservarDatosAsync();
        }
    }

    [TestCaseSource(nameof(IdsEnCuerpos))]
    public async Task Ids_de_esta_empresa_en_el_cuerpo_de_otra_no_alcanzan_nada(Operacion op, string campo)
    {
        var coleccion = IdsEnCuerpo.Coleccion(op, campo);
        Assert.That(coleccion, Is.Not.Null, $"{op}: el campo {campo} parece un id; diga en {nameof(IdsEnCuerpo)}.{nameof(IdsEnCuerpo.Coleccion)} de qué recurso es.");
        var url = await _b.UrlAsync(op);
        var antes = await Fixture.ContarFilasAsync();

        var ajeno = IdsEnCuerpo.ConId(CuerposEjemplo.Valido(op, _b), op, campo, _a.Id(coleccion!));
        var respuesta = await _b.Admin.SendAsync(new HttpRequestMessage(new HttpMethod(op.Metodo), url) { Content = CuerposEjemplo.Json(ajeno) });
        var texto = await respuesta.Content.ReadAsStringAsync();

        var contexto = $"{op.Metodo} {url} con {campo} de la empresa A → {(int)respuesta.StatusCode} {texto}";
        Assert.That((int)respuesta.StatusCode, Is.AnyOf(401, 403, 404, 422), contexto);
        foreach (var dato in _a.Datos)
            Assert.That(texto, Does.Not.Contain(dato), $"{contexto}: mostró datos de la empresa A");
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes), $"{contexto}: cambió datos.");

        var propio = IdsEnCuerpo.ConId(CuerposEjemplo.Valido(op, _b), op, campo, _b.Id(coleccion!));
        var control = await _b.Admin.SendAsync(new HttpRequestMessage(new HttpMethod(op.Metodo), url) { Content = CuerposEjemplo.Json(propio) });
        // B's own earlier controls may have left a state that refuses this one (a document already paid, a client sent to
        // an agency): the case then runs again on the seed, where the control must succeed.
        if (!control.IsSuccessStatusCode && await VolverAlSembradoAsync())
        {
            await Ids_de_esta_empresa_en_el_cuerpo_de_otra_no_alcanzan_nada(op, campo);
            return;
        }

        Assert.That((int)control.StatusCode, Is.InRange(200, 299), $"Control: con su propio {campo}, B debería lograrlo: {(int)control.StatusCode} {await control.Content.ReadAsStringAsync()}");
        if (op.Metodo != "DELETE")
            await ConservarDatosAsync();
    }

    /// <summary>
    /// The owner's same request is accepted, or refused by a business rule about the resource it found
    /// (422: a cheque operation on a transfer, a document not at the bank; 409: a state an earlier case's control left, a task
    /// already done), never 403/404.
    /// </summary>
    private static async Task ControlDelDuenoAsync(HttpClient dueno, string metodo, string url, HttpContent? contenido)
    {
        var respuesta = await dueno.SendAsync(new HttpRequestMessage(new HttpMethod(metodo), url) { Content = contenido });
        var codigo = (int)respuesta.StatusCode;
        await TestContext.Out.WriteLineAsync($"Control del dueño: {metodo} {url} → {codigo}");
        Assert.That(codigo is >= 200 and < 300 or 409 or 422, $"Control del dueño: {metodo} {url} → {codigo} {await respuesta.Content.ReadAsStringAsync()}");
    }

    [TestCaseSource(nameof(Listados))]
    public async Task Listados_de_otra_empresa_no_muestran_nada_de_esta(Operacion op)
    {
        var url = op.Ruta + CuerposEjemplo.ConsultaObligatoria(op);
        foreach (var (quien, cliente) in _llamadoresB)
        {
            var respuesta = await cliente.GetAsync(url);
            var texto = await respuesta.Content.ReadAsStringAsync();

            Assert.That((int)respuesta.StatusCode, Is.LessThan(500), $"{quien}: GET {url} → {texto}");
            foreach (var dato in _a.Datos.Concat(_a.Ids))
                Assert.That(texto, Does.Not.Contain(dato), $"{quien}: GET {url} mostró datos de la empresa A");
        }

        var delAdministrador = await _b.Admin.GetAsync(url);
        Assert.That((int)delAdministrador.StatusCode, Is.EqualTo(200), $"GET {url} debería responder al administrador de B: {await delAdministrador.Content.ReadAsStringAsync()}");
    }

    [Test]
    public async Task La_empresa_duena_si_alcanza_sus_recursos()
    {
        foreach (var op in DocumentoOpenApi.DelRepositorio.Operaciones.Where(o => o.Metodo == "GET" && o.ParametrosRuta.Any() && !o.Anonima && !o.EsPortal && !o.EsAgencia))
        {
            var url = await _a.UrlAsync(op);
            var respuesta = await _a.Admin.GetAsync(url);
            Assert.That((int)respuesta.StatusCode, Is.EqualTo(200), $"GET {url}: {await respuesta.Content.ReadAsStringAsync()}");
        }
    }
}
