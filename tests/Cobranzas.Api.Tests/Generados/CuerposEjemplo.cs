using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;
using Cobranzas.Testing.OpenApi;

namespace Cobranzas.Api.Tests.Generados;

/// <summary>
/// Request bodies for any operation of the document: a valid one (known examples by schema,
/// otherwise built from the schema) and the broken variants of the bad-input tests.
/// </summary>
public static class CuerposEjemplo
{
    public const int LargoExcesivo = 5000;

    private static readonly string[] CamposDelServidor = ["id", "empresaId", "creado", "actualizado"];

    private static DocumentoOpenApi OpenApi => DocumentoOpenApi.DelRepositorio;

    public static HttpContent? Contenido(Operacion op, RecursosEmpresa r) => op.TipoCuerpo switch
    {
        null => null,
        "multipart/form-data" => Formulario(op),
        _ => Json(Valido(op, r)),
    };

    public static HttpContent Json(JsonNode cuerpo) => new StringContent(cuerpo.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>Whether the body is a JSON array (its elements are what the variants break).</summary>
    public static bool EsLista(Operacion op) => DocumentoOpenApi.Tipos(op.EsquemaCuerpo).Contains("array");

    /// <summary>The schema of the body, or of each element when the body is an array.</summary>
    public static JsonObject EsquemaElemento(Operacion op) => (EsLista(op) ? OpenApi.Resolver(op.EsquemaCuerpo!["items"]) : op.EsquemaCuerpo) ?? [];

    public static JsonNode Envolver(Operacion op, JsonObject elemento) => EsLista(op) ? new JsonArray(elemento) : elemento;

    public static JsonNode Valido(Operacion op, RecursosEmpresa r) => Envolver(op, ElementoValido(op, r));

    public static object DocumentoCartera(string clienteId, long folio, DateOnly emision, string? notas = null) => new
    {
        tipo = "33", folio, clienteId, rut = (string?)null, fechaEmision = emision.ToString("yyyy-MM-dd"), fechaVencimiento = emision.AddDays(30).ToString("yyyy-MM-dd"),
        cuotas = (object[]?)null, moneda = "CLP", neto = 100_000m, exento = 0m, iva = 0m, total = 100_000m, referencia = (object?)null, origen = (string?)null,
        externalId = (string?)null, notas,
    };

    /// <summary>A credit note without reference: its whole amount is saldo a favor to compensate.</summary>
    public static object NotaCreditoCartera(string clienteId, long folio, DateOnly emision) => new
    {
        tipo = "61", folio, clienteId, rut = (string?)null, fechaEmision = emision.ToString("yyyy-MM-dd"), fechaVencimiento = (string?)null,
        cuotas = (object[]?)null, moneda = "CLP", neto = 10_000m, exento = 0m, iva = 0m, total = 10_000m, referencia = (object?)null, origen = (string?)null,
        externalId = (string?)null, notas = (string?)null,
    };

    public static object PagoCartera(string clienteId, DateOnly fecha, string? referencia = null) => new
    {
        clienteId, rut = (string?)null, fecha = fecha.ToString("yyyy-MM-dd"), monto = 40_000m, moneda = "CLP", canal = "transferencia", referencia,
        aplicacion = "automatica", aplicaciones = (object[]?)null,
    };

    /// <summary>A webhook to a closed port on loopback (allow-listed in the tests' host): deliveries fail at once, nothing listens.</summary>
    public static object SuscripcionWebhook(string descripcion) =>
        new { url = "http://127.0.0.1:9/webhooks", descripcion, eventos = new[] { "documento.creado", "pago.registrado" }, activa = true };

    /// <summary>A valid body (or array element): a known example for the schema, otherwise one built from the schema.</summary>
    public static JsonObject ElementoValido(Operacion op, RecursosEmpresa r)
    {
        var n = Fixture.Siguiente();
        var esquema = EsLista(op) ? DocumentoOpenApi.NombreReferencia(op.EsquemaCuerpo!["items"]) : op.NombreEsquemaCuerpo;
        var ayer = SharedKernel.Tiempo.FechaNegocio.Hoy(Fixture.Reloj).AddDays(-1);
        object? ejemplo = esquema switch
        {
            "IniciarSesion" => new { email = r.Empresa.EmailAdmin, password = r.Empresa.Password, empresaId = r.Empresa.Id },
            "CambiarEmpresa" => new { empresaId = r.Empresa.Id },
            "DatosSolicitudAcceso" => new { email = $"sin-cuenta{n}@ejemplo.test", empresa = r.Empresa.Rut },
            "DatosAbrirSesionPortal" => new { token = "token-de-ejemplo" },
            "DatosPagoPortal" => new { documentoIds = new[] { r.Id("/api/v1/documentos") }, deudaVencida = (bool?)null },
            "DatosSolicitudPortal" => new { tipo = "consulta", mensaje = $"Consulta de ejemplo {n}", documentoIds = (string[]?)null, cuotas = (int?)null },
            "DatosReclamoPortal" => new { documentoId = r.Id("/api/v1/documentos"), mensaje = $"Reclamo de ejemplo {n}" },
            "DatosCompromisoPortal" => new { fecha = ayer.AddDays(10).ToString("yyyy-MM-dd"), monto = 1_000m, mensaje = (string?)null },
            "ActivarCuenta" => new { token = "token-de-ejemplo", password = "Clave-Ejemplo-2026" },
            "RecuperarClave" => new { email = $"sin-cuenta{n}@ejemplo.test" },
            "RestablecerClave" => new { usuario = Guid.NewGuid().ToString(), token = "dG9rZW4tZGUtZWplbXBsbw", password = "Clave-Ejemplo-2026" },
            "InvitarUsuario" => new { email = $"invitado{n}@ejemplo.test", nombre = "Invitado de ejemplo", rol = "Consulta" },
            "CambioRolDto" => new { rol = "Supervisor" },
            "CrearApiKey" => new { nombre = $"Clave de ejemplo {n}", alcance = "lectura" },
            "DatosCliente" => Datos.Cliente(),
            "DatosContacto" => Datos.Contacto(email: $"ejemplo{n}@cliente.test"),
            "DatosCambioEstado" => new { estado = "suspendido", motivo = "Ejemplo" },
            "DatosPolitica" => new { segmento = $"Segmento ejemplo {n}", limiteCredito = 100m, monedaLimite = "UF", plazoDias = 30, garantia = "Ninguna", diasTolerancia = 0 },
            "DatosGrupo" => new { nombre = $"Grupo ejemplo {n}", descripcion = "Ejemplo" },
            "DatosMiembros" => new { ids = new[] { r.Id(op.Ruta) } },
            "DatosCondiciones" => new
            {
                plazoPagoDias = 45, descuentoProntoPagoPorcentaje = 2m, diasProntoPago = 10, tasaInteresMoraMensual = 1.5m, limiteCredito = 1000m, monedaLimite = "UF",
                garantias = "Pagaré", excepciones = new[] { new { descripcion = "Plazo extra", aprobadaPor = "Gerencia", vigenteHasta = "2027-01-31" } },
            },
            "DatosDocumento" => DocumentoCartera(r.Id("/api/v1/clientes"), 500_000 + n, ayer),
            "ExportarDocumentosElegidos" => new { documentoIds = new[] { r.Id("/api/v1/documentos") }, formato = "csv" },
            "ExportarClientesElegidos" => new { clienteIds = new[] { r.Id("/api/v1/clientes") }, formato = "csv" },
            "DatosPago" => PagoCartera(r.Id("/api/v1/clientes"), ayer),
            "DatosAplicacionSaldo" => new { aplicacion = "automatica", aplicaciones = (object[]?)null },
            "DatosCesion" => new { factor = new { nombre = "Factor de ejemplo", rut = "76.086.428-5" }, fecha = ayer, fechaNotificacion = (DateOnly?)null, notas = "Ejemplo" },
            "DatosRecompra" => new { motivo = "Recompra de ejemplo" },
            "DatosCastigo" => new { fecha = ayer, motivo = "Castigo de ejemplo" },
            "DatosSolicitudNotaDebito" => new { clienteId = r.Id("/api/v1/cargos-mora/clientes"), notas = "Solicitud de ejemplo" },
            "DatosResolucionNotaDebito" => new { estado = "emitida", folioNotaDebito = 90_000 + n },
            "DatosConfiguracionCargosMora" => new { tasaMaximaAnual = 36m, tasaAnual = 24m, porcentajeComision = 1m },
            "DatosConvenio" => new
            {
                clienteId = r.Id("/api/v1/convenios/clientes"), tipo = "pago_en_cuotas", documentoIds = new[] { r.Id("/api/v1/convenios/documentos") }, porcentajeCondonacion = (decimal?)null,
                montoQuita = (decimal?)null, numeroCuotas = 3, primeraFecha = ayer.AddDays(31), frecuencia = "mensual", tasaMensual = (decimal?)null, fecha = (DateOnly?)null,
                detalle = (string?)null, notas = "Convenio de ejemplo",
            },
            "DatosDecisionConvenio" => new { aprobar = true, comentario = "Decisión de ejemplo" },
            "DatosFirmaConvenio" => new { fecha = (DateOnly?)null },
            "DatosMotivoConvenio" => new { motivo = "Motivo de ejemplo" },
            "ConfiguracionConveniosDto" => new { diasRuptura = 30 },
            "ReglasCastigoDto" => new { diasMinimos = 365, exigeCierreJudicial = false },
            "DatosPropuestaCastigo" => new { documentoIds = new[] { r.Id("/api/v1/castigos/candidatos") }, motivo = "Propuesta de ejemplo" },
            "DatosDecisionCastigo" => new { aprobar = false, comentario = "Decisión de ejemplo" },
            "DatosAnulacionCastigo" => new { motivo = "Anulación de ejemplo" },
            "DatosRecuperoCastigo" => new { documentoId = r.Id("/api/v1/castigos/documentos"), fecha = ayer, monto = 1_000m, referencia = "Recupero de ejemplo" },
            "DatosMarcaPortal" => new { colorPrimario = "#7a1f3d", colorAcento = "#fff8f0" },
            "DatosCobranzaBancaria" => new { banco = "Banco de ejemplo", fecha = ayer },
            "DatosRetiroCobranza" => new { fecha = ayer, motivo = "Retiro de ejemplo" },
            "DatosProtestoDocumento" => new { fecha = ayer, motivo = "Protesto de ejemplo", costo = 5_000m },
            "DatosCompensacion" => new { notaCreditoId = r.Id("notaCredito"), aplicacion = "automatica", aplicaciones = (object[]?)null, motivo = "Compensación de ejemplo" },
            "DatosReversaCompensacion" => new { motivo = "Reversa de ejemplo" },
            "PoliticaCobranzaDto" => new
            {
                pasos = new[]
                {
                    new
                    {
                        nombre = "Aviso de ejemplo", etapa = "administrativa", dias = 0, diasMinimosDesdeAnterior = 0, montoMinimoVencido = (decimal?)null,
                        segmentos = Array.Empty<string>(), soloCuentaClave = false, accion = "tarea", tipoTarea = "llamada", plantilla = (string?)null,
                    },
                },
            },
            "EjecutarPoliticaCuerpo" => new { simular = true },
            "DatosReporteEjecutivo" => new
            {
                nombre = $"Reporte ejecutivo {n}", frecuencia = "semanal", diaSemana = 1, diaMes = (int?)null, hora = "08:00:00",
                grupoClienteId = r.Id("/api/v1/grupos-clientes"), usuarioIds = new[] { r.Id("/api/v1/usuarios") }, activo = true,
            },
            "ConteoDestinatarios" => new
            {
                tipo = "documentos_vencidos", diasAntes = (int?)null, diasVencidoMinimo = 1,
                destinatarios = new
                {
                    grupoClienteIds = Array.Empty<string>(), grupoContactoIds = Array.Empty<string>(), segmentos = new[] { "Retail" }, etapas = Array.Empty<string>(),
                    cobradorIds = new[] { r.Id(RecursosEmpresa.CobradorDestino) }, montoVencidoMinimo = (decimal?)null, rolesContacto = new[] { "cobranza" },
                },
            },
            "DatosAgencia" => new
            {
                nombre = $"Agencia ejemplo {n}", rut = SharedKernel.Rut.Rut.Desde(72_000_000 + n).Canonico, contacto = "Contacto", email = $"agencia{n}@ejemplo.test",
                telefono = "+56911112222", porcentajeComision = 10m,
            },
            "DatosDerivacion" => new { clienteId = r.Id("/api/v1/clientes"), documentoIds = (string[]?)null, notas = "Derivación de ejemplo" },
            "DatosActividadAgencia" => new { canal = "telefono", resultado = "contactado", notas = $"Gestión de ejemplo {n}" },
            "DatosPagoAgencia" => new { fecha = ayer, monto = 1_000m, referencia = $"REF-{n}" },
            "DatosEstudio" => new { nombre = $"Estudio ejemplo {n}", rut = SharedKernel.Rut.Rut.Desde(71_000_000 + n).Canonico, contacto = "Contacto", email = $"estudio{n}@ejemplo.test", telefono = "+56911112222" },
            "DatosJuicio" => new
            {
                clienteId = r.Id("/api/v1/clientes"), estudioId = r.Id("/api/v1/judicial/estudios"), tribunal = "Juzgado de ejemplo", rol = $"C-{n}-2026", procedimiento = "Ejecutivo",
                etapaProcesal = "Notificación", montoDemandado = 1_000m, fechaInicio = ayer, notas = "Ejemplo",
            },
            "DatosEtapaJuicio" => new { etapaProcesal = "Sentencia", estado = "vigente", fechaTermino = (DateOnly?)null },
            "DatosAudiencia" => new { fecha = ayer.AddDays(10), descripcion = "Audiencia de ejemplo" },
            "DatosCosto" => new { tipo = "incurrido", fecha = ayer, monto = 1_000m, concepto = "Costo de ejemplo" },
            "DatosQuiebra" => new
            {
                procedimiento = "liquidacion", fechaPublicacion = ayer, liquidador = "Liquidador de ejemplo", plazoVerificacion = ayer.AddDays(30), montoVerificado = 1_000m,
                fechaCierre = (DateOnly?)null, notas = "Ejemplo",
            },
            "DatosRecuperoQuiebra" => new { fecha = ayer, monto = 1_000m, notas = "Ejemplo" },
            "CambiarEtapaCuerpo" => new { etapa = "prejudicial", motivo = "Cambio de ejemplo" },
            "DatosFactor" => new { nombre = $"Factor ejemplo {n}", rut = SharedKernel.Rut.Rut.Desde(70_500_000 + n).Canonico, contacto = "Contacto", email = $"factor{n}@ejemplo.test" },
            "DatosNotificacionCesion" => new { fecha = ayer.AddDays(1), medio = "notario", evidencia = $"Certificado de ejemplo {n}" },
            "DatosCondicionesCesion" => new { responsabilidadSolidaria = true, administracionDelegada = true },
            "DatosTransferencia" => new { factorId = r.Id("/api/v1/factoring/factores"), fecha = ayer.AddDays(1), moneda = "CLP", referencia = $"TEF-{n}" },
            // No company contact limits: the suites log activities for the same business client again and again.
            "ConfiguracionGestionDto" => new { diasGraciaCompromiso = 2, maxLlamadasSemanaEmpresas = (int?)null, maxEscritosSemanaEmpresas = (int?)null },
            "DatosTipoActividad" => new { nombre = $"Tipo de ejemplo {n}", tipo = "llamada", descripcion = "Ejemplo", canal = "telefono" },
            "DatosActividad" => new
            {
                clienteId = r.Id("/api/v1/clientes"), tipoActividadId = r.Id("/api/v1/gestion/tipos-actividad"), fecha = (DateTimeOffset?)null, resultado = "contactado",
                notas = "Ejemplo", proximaAccion = (string?)null, documentoIds = new[] { r.Id("/api/v1/documentos") }, motivoExcepcion = (string?)null,
            },
            "DatosGuion" => new { nombre = $"Guion de ejemplo {n}", etapa = "administrativa", plantilla = "Hola {{ cliente.nombre }}", activo = true },
            "CuerpoVistaGuion" => new { clienteId = r.Id("/api/v1/clientes") },
            "DatosConfiguracionCartera" => new
            {
                limitesTramos = new[] { 30, 60, 90, 120 }, ordenImputacion = "vencimiento", porcentajesProvision = new[] { 1m, 5m, 10m, 25m, 50m, 100m },
                cuentaContableConReferencia = "1-1-05-002", cuentaContableSinReferencia = "1-1-05-001",
            },
            "DatosCobrador" => new { nombre = $"Cobrador ejemplo {n}", email = $"cobrador{n}@empresa.test", telefono = "+56 9 1111 2222", usuarioId = (string?)null, regiones = new[] { "Maule" }, comunas = new[] { "Talca" } },
            "DatosDesactivacion" => new { haciaCobradorId = r.Id(RecursosEmpresa.CobradorDestino), recalcular = false },
            "DatosCartera" => new { nombre = $"Cartera ejemplo {n}", descripcion = "Ejemplo", cobradorId = r.Id(RecursosEmpresa.CobradorDestino), prioridad = 5 },
            "DatosClientesCartera" => new { clienteIds = new[] { r.Id("/api/v1/clientes") } },
            "DatosReglasAsignacion" => new { reglas = new[] { new { tipo = "segmento", segmento = "Retail", cobradorId = r.Id(RecursosEmpresa.CobradorDestino) } } },
            "DatosAsignacionManual" => new { cobradorId = r.Id(RecursosEmpresa.CobradorDestino) },
            "DatosRecalculo" => new { simular = true },
            "DatosReasignacion" => new
            {
                desdeCobradorId = (string?)null, clienteIds = new[] { r.Id("/api/v1/clientes") }, filtro = new { segmento = "Retail", region = (string?)null, comuna = (string?)null, carteraId = (string?)null },
                haciaCobradorId = r.Id(RecursosEmpresa.CobradorDestino), simular = true,
            },
            "DatosTarea" => new { clienteId = r.Id("/api/v1/clientes"), tipo = "llamada", titulo = $"Tarea ejemplo {n}", fecha = ayer.AddDays(1), cobradorId = r.Id(RecursosEmpresa.CobradorDestino), motivo = "Ejemplo" },
            "DatosCompletarTarea" => new { resultado = "Resultado de ejemplo" },
            "DatosPosponerTarea" => new { fecha = ayer.AddDays(8), motivo = "Ejemplo" },
            "DatosReasignarTarea" => new { cobradorId = r.Id(RecursosEmpresa.CobradorDestino) },
            "DatosCompromiso" => new
            {
                clienteId = r.Id("/api/v1/clientes"), documentoIds = new[] { r.Id("/api/v1/documentos") },
                cuotas = new[] { new { fecha = ayer.AddDays(6), monto = 1_000m } }, canal = "telefono", notas = "Ejemplo",
            },
            "DatosReprogramacion" => new { cuotas = new[] { new { fecha = ayer.AddDays(11), monto = 1_000m } }, motivo = "Reprogramación de ejemplo" },
            "DatosAnulacion" => new { motivo = "Anulación de ejemplo" },
            "DatosMotivoDisputa" => new { nombre = $"Motivo ejemplo {n}" },
            "DatosDisputa" => new
            {
                clienteId = r.Id("/api/v1/clientes"), documentoIds = new[] { r.Id("/api/v1/documentos") }, motivoId = r.Id("/api/v1/gestion/motivos-disputa"), notas = "Ejemplo",
                asignadoAId = r.Id(RecursosEmpresa.CobradorDestino),
            },
            "DatosEstadoDisputa" => new { estado = "en_revision", notas = "Ejemplo" },
            "DatosResolucionDisputas" => new { ids = new[] { r.Id("/api/v1/gestion/disputas") }, estado = "resuelta_empresa", notas = "Ejemplo" },
            "DatosCuentaDeposito" => new
            {
                banco = $"Banco ejemplo {n}", tipoCuenta = "corriente", numero = $"{n}-001", titular = "Empresa de ejemplo", rutTitular = "76086428-5", emailNotificacion = "pagos@empresa.test",
            },
            "DatosDefinicion" => DefinicionNotificacion(r, $"Asunto ejemplo {n}"),
            "DatosSuscripcionWebhook" => SuscripcionWebhook($"Webhook ejemplo {n}"),
            "CuerpoVistaPrevia" => new { clienteId = r.Id("/api/v1/clientes") },
            "DatosActivacion" => ActivacionFlowAsync().GetAwaiter().GetResult(),
            "DatosComisiones" => new { porcentaje = 2.95m, fijo = 100m },
            "DatosEnlacePago" => new
            {
                clienteId = r.Id("/api/v1/clientes"), documentoIds = new[] { r.Id("/api/v1/documentos") }, deudaVencida = (bool?)null, proveedor = "flow", diasVigencia = 7,
                emailPagador = "pagador@cliente.test",
            },
            "CuerpoVistaPreviaBorrador" => new { definicion = DefinicionNotificacion(r, "Vista previa de ejemplo"), clienteId = r.Id("/api/v1/clientes") },
            "DatosConfiguracionContable" => new
            {
                cuentaClientes = "1105", cuentaBanco = "1102", cuentaGastoIncobrables = "6305", cuentaProvisionIncobrables = "1106", castigoContraProvision = false,
                cuentaGastoProtesto = "6307", cuentasCanal = new[] { new { clave = "efectivo", cuenta = "1101" } }, cuentasDeposito = new[] { new { clave = "Banco de ejemplo 123", cuenta = "1102.01" } },
            },
            // Terreno: one route per collector and day, so each example plans another day (up to a year ahead).
            "DatosRuta" => new
            {
                cobradorId = r.Id(RecursosEmpresa.CobradorDestino), fecha = ayer.AddDays(2 + (n % 360)), inicioLatitud = -33.45, inicioLongitud = -70.65,
                clienteIds = new[] { r.Id("/api/v1/clientes") }, optimizar = true,
            },
            "DatosOrdenRuta" => new { inicioLatitud = -33.45, inicioLongitud = -70.65, clienteIds = new[] { r.Id("/api/v1/clientes") } },
            "DatosRecorrido" => new { inicioLatitud = -33.45, inicioLongitud = -70.65, clienteIds = new[] { r.Id("/api/v1/clientes") } },
            "DatosLlegada" => new { latitud = -33.45, longitud = -70.65, precision = 15.0, fecha = (DateTimeOffset?)null },
            "DatosInformeVisita" => new { resultado = "sin_pago", notas = "Ejemplo" },
            "DatosPagoTerreno" => new
            {
                clienteId = r.Id("/api/v1/clientes"), claveIdempotencia = $"ejemplo-{n}-{Guid.NewGuid():N}", monto = 1_000m, medio = "efectivo", banco = (string?)null,
                numeroCheque = (string?)null, fechaCheque = (string?)null, notas = "Ejemplo",
            },
            // Crédito y documentación (issue 16 §1-2).
            "DatosNuevaSolicitudCredito" => new
            {
                clienteId = r.Id("/api/v1/clientes"), limiteSolicitado = 80m, moneda = "UF", plazoDias = 30, vigenciaMeses = 12, referenciasComerciales = "Referencia de ejemplo",
                financieros = new { ventasAnuales = 100_000_000m, patrimonio = 20_000_000m, deudaFinanciera = 5_000_000m, utilidadNeta = 3_000_000m },
            },
            "DatosSolicitudCredito" => new { limiteSolicitado = 80m, moneda = "UF", plazoDias = 30, vigenciaMeses = 12, referenciasComerciales = "Referencia de ejemplo", financieros = (object?)null },
            "InformeComercialDto" => new { fuente = "manual", score = 650, protestos = 0, morosidades = 1, dicomCantidad = 0, dicomMonto = 0m, fecha = ayer },
            "DatosDecision" => new { aprueba = false, comentario = "Rechazo de ejemplo" },
            "DatosNivelesAprobacion" => new
            {
                tipo = "convenio", niveles = new object[] { new { nombre = "Supervisor", hastaUf = 200m, rolMinimo = "Supervisor", aprobadoresRequeridos = 1 }, new { nombre = "Gerencia", hastaUf = (decimal?)null, rolMinimo = "Administrador", aprobadoresRequeridos = 2 } },
            },
            "PonderacionesScoreDto" => new { diasPago = 30, protestos = 15, compromisosRotos = 10, bureau = 25, antiguedad = 10, exposicion = 10 },
            "DatosPoliza" => new
            {
                aseguradora = "Aseguradora de ejemplo", numeroPoliza = $"POL-{n}", vigenciaDesde = ayer.AddYears(-1), vigenciaHasta = ayer.AddYears(1), porcentajeCobertura = 90m, diasDenuncia = 60,
            },
            "DatosTerminoPoliza" => new { fecha = ayer, motivo = "Póliza no renovada" },
            "DatosSeguroCliente" => new { polizaId = r.Id("/api/v1/credito/seguros/polizas"), limiteAsegurado = 1_000_000m },
            "DatosDocumentoCliente" => new
            {
                tipo = "boleta_garantia", descripcion = $"Boleta de ejemplo {n}", monto = 1_000_000m, moneda = "CLP", fechaEmision = ayer, vencimiento = ayer.AddDays(180), representante = (string?)null,
            },
            _ => null,
        };
        return ejemplo is null
            ? DesdeEsquema(EsquemaElemento(op))
            : JsonSerializer.SerializeToNode(ejemplo, JsonSerializerOptions.Web)!.AsObject();
    }

    /// <summary>A weekly overdue-documents definition naming this company's deposit account and collector.</summary>
    /// <summary>Flow's credentials and base URL on the simulator the seeded companies use.</summary>
    public static async Task<object> ActivacionFlowAsync()
    {
        var flow = await RecursosEmpresa.SimuladorFlowAsync();
        return new { credenciales = new Dictionary<string, string> { ["apiKey"] = flow.ApiKey, ["secretKey"] = flow.SecretKey }, urlBase = flow.Url.AbsoluteUri, porDefecto = true };
    }

    public static object DefinicionNotificacion(RecursosEmpresa r, string asunto) => new
    {
        tipo = "documentos_vencidos", asunto, descripcion = "Ejemplo", incluirCuentas = true, cuentaIds = new[] { r.Id("/api/v1/notificaciones/cuentas-deposito") },
        frecuencia = "semanal", diasSemana = new[] { 1, 4 }, diaMes = (int?)null, hora = "09:00:00", diasAntes = (int?)null, diasVencidoMinimo = 1, modo = "cliente",
        destinatarios = new
        {
            grupoClienteIds = new[] { r.Id("/api/v1/grupos-clientes") }, grupoContactoIds = new[] { r.Id("/api/v1/grupos-contactos") }, segmentos = new[] { "Retail" },
            etapas = new[] { "administrativa" }, cobradorIds = new[] { r.Id(RecursosEmpresa.CobradorDestino) }, montoVencidoMinimo = 0m, rolesContacto = new[] { "cobranza" },
        },
        plantilla = "<p>Hola {{ cliente.nombre }}</p>{{ tabla_documentos }}", firma = "Ejemplo", responderA = "cobranzas@empresa.test",
    };

    /// <summary>The smallest logo a definition accepts (recognised as PNG by its first bytes).</summary>
    public static readonly byte[] PngEjemplo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    /// <summary>The smallest attachment the activity log accepts (recognised as PDF by its first bytes).</summary>
    public static readonly byte[] PdfEjemplo = "%PDF-1.4\n%ejemplo\n"u8.ToArray();

    /// <summary>A form for multipart operations: the client import gets a one-row CSV, other files are empty.</summary>
    private static MultipartFormDataContent Formulario(Operacion op)
    {
        var formulario = new MultipartFormDataContent();
        foreach (var (nombre, _) in op.EsquemaCuerpo?["properties"]?.AsObject() ?? [])
        {
            if (op.Id == "SubirLogoDefinicion")
            {
                formulario.Add(new ByteArrayContent(PngEjemplo), nombre, "logo.png");
                continue;
            }

            if (op.Id == "AdjuntarArchivoActividad")
            {
                formulario.Add(new ByteArrayContent(PdfEjemplo), nombre, $"{nombre}.pdf");
                continue;
            }

            var contenido = op.Id == "ImportarClientes" ? $"rut,razonSocial,segmento\n{Datos.RutNuevo()},Importado de ejemplo,Retail\n" : "";
            formulario.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(contenido)), nombre, $"{nombre}.csv");
        }

        return formulario;
    }

    /// <summary>A body with a plausible value for every property, from the schema alone.</summary>
    public static JsonObject DesdeEsquema(JsonObject esquema)
    {
        var cuerpo = new JsonObject();
        foreach (var (nombre, propiedad) in Propiedades(esquema))
            cuerpo[nombre] = ValorDeEjemplo(OpenApi.Resolver(propiedad) ?? []);
        return cuerpo;
    }

    /// <summary>The query string with a plausible value for each required query parameter ("" when there is none).</summary>
    public static string ConsultaObligatoria(Operacion op)
    {
        var pares = op.Parametros.Where(p => p is { Ubicacion: "query", Requerido: true })
            .Select(p => $"{p.Nombre}={Uri.EscapeDataString(ValorDeEjemplo(p.Esquema ?? [])?.ToString() ?? "")}")
            .ToList();
        return pares.Count == 0 ? "" : "?" + string.Join('&', pares);
    }

    private static JsonNode? ValorDeEjemplo(JsonObject esquema)
    {
        if (esquema["enum"] is JsonArray { Count: > 0 } valores)
            return valores[0]!.DeepClone();
        var tipos = DocumentoOpenApi.Tipos(esquema);
        return (string?)esquema["format"] switch
        {
            _ when tipos.Contains("boolean") => false,
            _ when tipos.Contains("integer") || tipos.Contains("number") => 1,
            "uuid" => Guid.NewGuid().ToString(),
            "date" => "2026-01-31",
            "date-time" => "2026-01-31T12:00:00Z",
            "email" => $"ejemplo{Fixture.Siguiente()}@ejemplo.test",
            _ when tipos.Contains("string") => "Ejemplo",
            _ when tipos.Contains("array") => new JsonArray(),
            _ when esquema["properties"] is not null => DesdeEsquema(esquema),
            _ => null,
        };
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Propiedades(JsonObject? esquema) =>
        esquema?["properties"]?.AsObject() ?? [];

    private static bool EsTexto(JsonObject esquema)
    {
        var tipos = DocumentoOpenApi.Tipos(esquema);
        return tipos.Contains("string") && !tipos.Contains("integer") && !tipos.Contains("number");
    }

    /// <summary>Whether <c>{}</c> lacks something: a required property that does not admit null.</summary>
    public static bool TieneObligatoriosNoNulos(JsonObject esquema)
    {
        var requeridas = (esquema["required"]?.AsArray() ?? []).Select(r => (string)r!).ToHashSet();
        return Propiedades(esquema).Any(p => requeridas.Contains(p.Key) && !DocumentoOpenApi.Tipos(OpenApi.Resolver(p.Value)).Contains("null"));
    }

    public static bool TieneTextos(JsonObject? esquema) =>
        Propiedades(esquema).Select(p => OpenApi.Resolver(p.Value) ?? []).Any(p =>
            EsTexto(p) || TieneTextos(p) || (OpenApi.Resolver(p["items"]) is { } items && (EsTexto(items) || TieneTextos(items))));

    /// <summary>A number where the schema says string; a string where it says boolean, number, array or object.</summary>
    public static JsonObject TiposIncorrectos(JsonObject valido, JsonObject esquema)
    {
        var cuerpo = valido.DeepClone().AsObject();
        foreach (var (nombre, propiedad) in Propiedades(esquema))
            cuerpo[nombre] = EsTexto(OpenApi.Resolver(propiedad) ?? []) ? 12345 : "no-es-de-este-tipo";
        return cuerpo;
    }

    /// <summary>Every string property, also inside nested objects and arrays, 5000 characters long.</summary>
    public static JsonObject TextosLargos(JsonObject valido, JsonObject esquema) => ConTextos(valido, esquema, new string('x', LargoExcesivo), EsTexto);

    /// <summary>Every free-text property (a string without format), also nested, with a NUL character inside.</summary>
    public static JsonObject TextosConNulo(JsonObject valido, JsonObject esquema) => ConTextos(valido, esquema, "con\0nulo", EsTextoLibre);

    public static bool TieneTextosLibres(JsonObject? esquema) =>
        Propiedades(esquema).Select(p => OpenApi.Resolver(p.Value) ?? []).Any(p =>
            EsTextoLibre(p) || TieneTextosLibres(p) || (OpenApi.Resolver(p["items"]) is { } items && (EsTextoLibre(items) || TieneTextosLibres(items))));

    private static bool EsTextoLibre(JsonObject esquema) => EsTexto(esquema) && esquema["format"] is null && esquema["enum"] is null;

    private static JsonObject ConTextos(JsonObject valido, JsonObject esquema, string valor, Func<JsonObject, bool> cuales)
    {
        var cuerpo = valido.DeepClone().AsObject();
        foreach (var (nombre, propiedad) in Propiedades(esquema))
        {
            var p = OpenApi.Resolver(propiedad) ?? [];
            if (cuales(p))
            {
                cuerpo[nombre] = valor;
            }
            else if (OpenApi.Resolver(p["items"]) is { } items)
            {
                var elementos = cuerpo[nombre] as JsonArray is { Count: > 0 } a ? a.Select(e => e!.DeepClone()).ToList() : [ValorDeEjemplo(items)!];
                cuerpo[nombre] = new JsonArray(elementos.Select(e => cuales(items) ? JsonValue.Create(valor) : e is JsonObject o ? ConTextos(o, items, valor, cuales) : (JsonNode?)e).ToArray());
            }
            else if (p["properties"] is not null)
            {
                cuerpo[nombre] = ConTextos(cuerpo[nombre] as JsonObject ?? DesdeEsquema(p), p, valor, cuales);
            }
        }

        return cuerpo;
    }

    /// <summary>A valid body plus fields the server owns (id, empresaId, creado, actualizado) that the schema does not take.</summary>
    public static JsonObject ConCamposDelServidor(JsonObject valido, JsonObject esquema)
    {
        var cuerpo = valido.DeepClone().AsObject();
        foreach (var campo in CamposAjenos(esquema))
            cuerpo[campo] = campo is "creado" or "actualizado" ? "2026-01-31T12:00:00Z" : Guid.NewGuid().ToString();
        return cuerpo;
    }

    public static IEnumerable<string> CamposAjenos(JsonObject esquema) =>
        CamposDelServidor.Where(c => !Propiedades(esquema).Any(p => p.Key == c));
}
