using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Compensaciones;
using Cobranzas.Cartera.Comun;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Credito;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.EstadoCuenta;
using Cobranzas.Cartera.Importaciones;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Persistence;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;
using FromFormAttribute = Microsoft.AspNetCore.Mvc.FromFormAttribute;

namespace Cobranzas.Cartera;

public static class CarteraModulo
{
    public static IServiceCollection AddCartera(this IServiceCollection services)
    {
        services.AddDbContext<CarteraDbContext>((sp, o) => PostgresOpciones.Configurar(o, sp.GetRequiredService<NpgsqlDataSource>(), CarteraDbContext.Esquema));
        services.AddScoped<Aplicador>();
        services.AddScoped<ControlCredito>();
        services.AddSingleton<ImpresoraPdf>();
        services.AddTransient<ControlCreditoJob>();
        services.AddQuartz(q => q.ScheduleJob<ControlCreditoJob>(
            t => t.WithIdentity("control-credito", "cartera").WithCronSchedule("0 30 6 * * ?", c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("America/Santiago"))),
            j => j.WithIdentity(ControlCreditoJob.Clave)));
        return services;
    }

    public static IEndpointRouteBuilder MapCarteraEndpoints(this IEndpointRouteBuilder app)
    {
        var leer = app.MapGroup("/api/v1").WithTags("Cartera").RequireAuthorization(Permisos.Ver);
        var escribir = app.MapGroup("/api/v1").WithTags("Cartera").RequireAuthorization(Permisos.Editar);

        leer.MapGet("/documentos", async Task<Ok<Pagina<DocumentoResumenDto>>> ([AsParameters] ListarDocumentos q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("ListarDocumentos").ProducesValidationProblem();
        escribir.MapPost("/documentos", async Task<Created<DocumentoDto>> (DatosDocumento body, IMediator m, CancellationToken ct) =>
            {
                var d = await m.Send(new CrearDocumento(body), ct);
                return TypedResults.Created($"/api/v1/documentos/{d.Id}", d);
            })
            .WithName("CrearDocumento").ProducesValidationProblem().ProducesProblem(409).ProducesProblem(422);
        escribir.MapPost("/documentos/lote", async Task<Results<Ok<ResultadoLote>, ProblemHttpResult>> (HttpRequest solicitud, bool? parcial, IOptions<JsonOptions> json, IMediator m, CancellationToken ct) =>
            {
                var r = await m.Send(new ImportarLoteDocumentos(LecturaLote.DesdeJson(solicitud.Body, json.Value.SerializerOptions, ct), parcial ?? false), ct);
                return RespuestaLote.Desde(r, r.Aplicado, r.Errores, solicitud.HttpContext);
            })
            .WithName("ImportarLoteDocumentos").Accepts<List<DatosDocumento>>("application/json").ProducesValidationProblem().ProducesProblem(409);
        escribir.MapPost("/importaciones/documentos", async Task<Ok<ResultadoLote>> (IFormFile archivo, [FromForm] string? mapeo, bool? parcial, IMediator m, CancellationToken ct) =>
            {
                await using var contenido = archivo.OpenReadStream();
                return TypedResults.Ok(await m.Send(new ImportarDocumentos(contenido, archivo.FileName, mapeo, parcial ?? false), ct));
            })
            .WithName("ImportarDocumentos").DisableAntiforgery().ProducesValidationProblem().ProducesProblem(422);
        leer.MapGet("/documentos/{id:guid}", async Task<Ok<DocumentoDto>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerDocumento(id), ct)))
            .WithName("ObtenerDocumento").ProducesProblem(404);
        escribir.MapPost("/documentos/{id:guid}/anular", async Task<Ok<DocumentoDto>> (Guid id, DatosAnulacion body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new AnularDocumento(id, body), ct)))
            .WithName("AnularDocumento").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        escribir.MapPost("/documentos/{id:guid}/ceder", async Task<Ok<DocumentoDto>> (Guid id, DatosCesion body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CederDocumento(id, body), ct)))
            .WithName("CederDocumento").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        escribir.MapPost("/documentos/{id:guid}/ceder/revertir", async Task<Ok<DocumentoDto>> (Guid id, DatosRecompra body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RevertirCesion(id, body), ct)))
            .WithName("RevertirCesion").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        escribir.MapPost("/documentos/{id:guid}/castigar", async Task<Ok<DocumentoDto>> (Guid id, DatosCastigo body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CastigarDocumento(id, body), ct)))
            .WithName("CastigarDocumento").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);

        escribir.MapPost("/documentos/{id:guid}/cobranza-bancaria", async Task<Ok<DocumentoDto>> (Guid id, DatosCobranzaBancaria body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new EnviarCobranzaBancaria(id, body), ct)))
            .WithName("EnviarCobranzaBancaria").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        escribir.MapPost("/documentos/{id:guid}/cobranza-bancaria/retirar", async Task<Ok<DocumentoDto>> (Guid id, DatosRetiroCobranza body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RetirarCobranzaBancaria(id, body), ct)))
            .WithName("RetirarCobranzaBancaria").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        escribir.MapPost("/documentos/{id:guid}/protestar", async Task<Ok<DocumentoDto>> (Guid id, DatosProtestoDocumento body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ProtestarDocumento(id, body), ct)))
            .WithName("ProtestarDocumento").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);

        leer.MapGet("/compensaciones", async Task<Ok<Pagina<CompensacionDto>>> ([AsParameters] ListarCompensaciones q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("ListarCompensaciones").WithTags("Pagos").ProducesValidationProblem();
        escribir.MapPost("/compensaciones", async Task<Created<CompensacionDto>> (DatosCompensacion body, IMediator m, CancellationToken ct) =>
            {
                var c = await m.Send(new CrearCompensacion(body), ct);
                return TypedResults.Created($"/api/v1/compensaciones/{c.Id}", c);
            })
            .WithName("CrearCompensacion").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(422);
        leer.MapGet("/compensaciones/{id:guid}", async Task<Ok<CompensacionDto>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerCompensacion(id), ct)))
            .WithName("ObtenerCompensacion").WithTags("Pagos").ProducesProblem(404);
        escribir.MapPost("/compensaciones/{id:guid}/reversar", async Task<Ok<CompensacionDto>> (Guid id, DatosReversaCompensacion body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ReversarCompensacion(id, body), ct)))
            .WithName("ReversarCompensacion").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);

        leer.MapGet("/pagos", async Task<Ok<Pagina<PagoResumenDto>>> ([AsParameters] ListarPagos q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("ListarPagos").WithTags("Pagos").ProducesValidationProblem();
        escribir.MapPost("/pagos", async Task<Created<PagoDto>> (DatosPago body, IMediator m, CancellationToken ct) =>
            {
                var p = await m.Send(new RegistrarPago(body), ct);
                return TypedResults.Created($"/api/v1/pagos/{p.Id}", p);
            })
            .WithName("RegistrarPago").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(422);
        escribir.MapPost("/pagos/lote", async Task<Results<Ok<ResultadoLotePagos>, ProblemHttpResult>> (HttpRequest solicitud, bool? parcial, IOptions<JsonOptions> json, IMediator m, CancellationToken ct) =>
            {
                var r = await m.Send(new ImportarLotePagos(LoteErrores.DesdeJson<DatosPago>(solicitud.Body, json.Value.SerializerOptions, ct), parcial ?? false), ct);
                return RespuestaLote.Desde(r, r.Aplicado, r.Errores, solicitud.HttpContext);
            })
            .WithName("ImportarLotePagos").WithTags("Pagos").Accepts<List<DatosPago>>("application/json").ProducesValidationProblem();
        escribir.MapPost("/pagos/vista-previa", async Task<Ok<VistaPreviaDto>> (DatosPago body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new VistaPreviaPago(body), ct)))
            .WithName("VistaPreviaPago").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(422);
        leer.MapGet("/pagos/{id:guid}", async Task<Ok<PagoDto>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerPago(id), ct)))
            .WithName("ObtenerPago").WithTags("Pagos").ProducesProblem(404);
        escribir.MapPost("/pagos/{id:guid}/aplicaciones", async Task<Ok<PagoDto>> (Guid id, DatosAplicacionSaldo body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new AplicarSaldoPago(id, body), ct)))
            .WithName("AplicarSaldoPago").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        escribir.MapPost("/pagos/{id:guid}/depositar", async Task<Ok<PagoDto>> (Guid id, DatosDeposito body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new DepositarCheque(id, body), ct)))
            .WithName("DepositarCheque").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        escribir.MapPost("/pagos/{id:guid}/cobrar", async Task<Ok<PagoDto>> (Guid id, DatosCobro? body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CobrarCheque(id, body), ct)))
            .WithName("CobrarCheque").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        escribir.MapPost("/pagos/{id:guid}/protestar", async Task<Ok<PagoDto>> (Guid id, DatosProtesto body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ProtestarCheque(id, body), ct)))
            .WithName("ProtestarCheque").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        leer.MapGet("/cheques", async Task<Ok<Pagina<ChequeDto>>> ([AsParameters] ListarCheques q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("ListarCheques").WithTags("Pagos").ProducesValidationProblem();
        escribir.MapPost("/aplicaciones/{id:guid}/reversar", async Task<Ok<AplicacionDto>> (Guid id, DatosReversa body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ReversarAplicacion(id, body), ct)))
            .WithName("ReversarAplicacion").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);

        leer.MapGet("/cartera/antiguedad", async Task<Ok<AntiguedadDto>> ([AsParameters] AntiguedadCartera q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("AntiguedadCartera").ProducesValidationProblem().ProducesProblem(422);
        leer.MapGet("/cartera/provision", async Task<Ok<ProvisionDto>> ([AsParameters] CalcularProvision q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("CalcularProvision").ProducesValidationProblem().ProducesProblem(422);
        leer.MapGet("/cartera/configuracion", async Task<Ok<ConfiguracionCarteraDto>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerConfiguracionCartera(), ct)))
            .WithName("ObtenerConfiguracionCartera");
        app.MapGroup("/api/v1").WithTags("Cartera").RequireAuthorization(Permisos.Administrar)
            .MapPut("/cartera/configuracion", async Task<Ok<ConfiguracionCarteraDto>> (DatosConfiguracionCartera body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GuardarConfiguracionCartera(body), ct)))
            .WithName("GuardarConfiguracionCartera").ProducesValidationProblem();
        // Serialised with the source-generated fast path (a statement can carry tens of thousands of documents); same JSON as the host's options.
        leer.MapGet("/clientes/{id:guid}/estado-cuenta", async Task<JsonHttpResult<EstadoCuentaDto>> ([AsParameters] ObtenerEstadoCuenta q, IMediator m, CancellationToken ct) =>
                TypedResults.Json(await m.Send(q, ct), EstadoCuentaJson.Default.EstadoCuentaDto))
            .WithName("ObtenerEstadoCuenta").Produces<EstadoCuentaDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        leer.MapGet("/clientes/{id:guid}/estado-cuenta.pdf", async Task<FileContentHttpResult> ([AsParameters] ObtenerEstadoCuenta q, IMediator m, CancellationToken ct) =>
                EstadoCuentaArchivo(await m.Send(new ExportarEstadoCuenta(q, "pdf"), ct)))
            .WithName("ObtenerEstadoCuentaPdf").Produces(200, typeof(Stream), "application/pdf").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        leer.MapGet("/clientes/{id:guid}/estado-cuenta.xlsx", async Task<FileContentHttpResult> ([AsParameters] ObtenerEstadoCuenta q, IMediator m, CancellationToken ct) =>
                EstadoCuentaArchivo(await m.Send(new ExportarEstadoCuenta(q, "xlsx"), ct)))
            .WithName("ObtenerEstadoCuentaXlsx").Produces(200, typeof(Stream), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        leer.MapGet("/clientes/{id:guid}/credito", async Task<Ok<CreditoDto>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerCredito(id), ct)))
            .WithName("ObtenerCredito").ProducesProblem(404);
        leer.MapGet("/valores-uf", async Task<Ok<IReadOnlyList<ValorUfDto>>> ([AsParameters] ListarValoresUf q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("ListarValoresUf");
        app.MapGroup("/api/v1").WithTags("Cartera").RequireAuthorization(Permisos.Administrar)
            .MapPut("/valores-uf", async Task<NoContent> (IReadOnlyList<ValorUfDto> body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new GuardarValoresUf(body), ct);
                return TypedResults.NoContent();
            })
            .WithName("GuardarValoresUf").ProducesValidationProblem();
        app.MapGroup("/api/v1").WithTags("Cartera").RequireAuthorization(Permisos.Administrar)
            .MapPost("/importaciones/valores-uf", async Task<Ok<ResultadoValoresUf>> (IFormFile archivo, IMediator m, CancellationToken ct) =>
            {
                await using var contenido = archivo.OpenReadStream();
                return TypedResults.Ok(await m.Send(new ImportarValoresUf(contenido, archivo.FileName), ct));
            })
            .WithName("ImportarValoresUf").DisableAntiforgery().ProducesValidationProblem();
        leer.MapGet("/valores-dolar", async Task<Ok<IReadOnlyList<ValorDolarDto>>> ([AsParameters] ListarValoresDolar q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("ListarValoresDolar");
        app.MapGroup("/api/v1").WithTags("Cartera").RequireAuthorization(Permisos.Administrar)
            .MapPut("/valores-dolar", async Task<NoContent> (IReadOnlyList<ValorDolarDto> body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new GuardarValoresDolar(body), ct);
                return TypedResults.NoContent();
            })
            .WithName("GuardarValoresDolar").ProducesValidationProblem();
        app.MapGroup("/api/v1").WithTags("Cartera").RequireAuthorization(Permisos.Administrar)
            .MapPost("/importaciones/valores-dolar", async Task<Ok<ResultadoValoresUf>> (IFormFile archivo, IMediator m, CancellationToken ct) =>
            {
                await using var contenido = archivo.OpenReadStream();
                return TypedResults.Ok(await m.Send(new ImportarValoresDolar(contenido, archivo.FileName), ct));
            })
            .WithName("ImportarValoresDolar").DisableAntiforgery().ProducesValidationProblem();
        return app;
    }

    private static FileContentHttpResult EstadoCuentaArchivo(ArchivoEstadoCuenta a) => TypedResults.File(a.Contenido, a.TipoContenido, a.NombreArchivo);
}
