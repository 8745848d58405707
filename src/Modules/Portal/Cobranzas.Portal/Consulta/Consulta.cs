using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Notificaciones.Contracts;
using Cobranzas.Portal.Acceso;
using Cobranzas.Portal.Marca;
using Cobranzas.Portal.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;

namespace Cobranzas.Portal.Consulta;

/// <param name="Logo">The company's logo (uploaded in Notificaciones) as a data URL, or null.</param>
/// <param name="ColorPrimario">The portal's main colour (#rrggbb): its header and buttons, under white text.</param>
/// <param name="ColorAcento">The page's background (#rrggbb), under dark text.</param>
public sealed record MarcaEmpresaDto(string RazonSocial, string Rut, string? Logo, string ColorPrimario, string ColorAcento);

public sealed record CuentaDepositoPortalDto(string Banco, string TipoCuenta, string Numero, string Titular, string RutTitular, string? EmailNotificacion);

public sealed record ResumenPortalDto(MarcaEmpresaDto Empresa, string RutCliente, string RazonSocialCliente, string Contacto, IReadOnlyList<CuentaDepositoPortalDto> Cuentas);

/// <summary>Who the portal is for and whose it is: the company's branding, the client, the contact, where to deposit.</summary>
public sealed record ObtenerResumenPortal : IRequest<ResumenPortalDto>
{
    public static void Map(RutasPortal rutas) => rutas.Sesion.MapGet("/resumen", async Task<Ok<ResumenPortalDto>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerResumenPortal(), ct)))
        .WithName("ObtenerResumenPortal");
}

public sealed class ObtenerResumenPortalHandler(IMediator mediator, IContextoSolicitud contexto, SesionActual sesion, PortalDbContext db) : IRequestHandler<ObtenerResumenPortal, ResumenPortalDto>
{
    public async ValueTask<ResumenPortalDto> Handle(ObtenerResumenPortal request, CancellationToken cancellationToken)
    {
        var empresa = await mediator.Send(new ObtenerDatosEmpresa(contexto.EmpresaId), cancellationToken);
        var cliente = (await mediator.Send(new BuscarClientes([sesion.ClienteId], []), cancellationToken)).SingleOrDefault()
            ?? throw new NoEncontradoException("Cliente", sesion.ClienteId);
        var contacto = await mediator.Send(new ObtenerContactoPortal(contexto.EmpresaId, sesion.ClienteId, sesion.ContactoId, sesion.Actor["portal:".Length..]), cancellationToken);
        var pago = await mediator.Send(new ObtenerDatosPagoEmpresa(), cancellationToken);
        var logo = pago.Logo is { } bytes && pago.LogoContentType is { } tipo && tipo.StartsWith("image/", StringComparison.Ordinal)
            ? $"data:{tipo};base64,{Convert.ToBase64String(bytes)}" : null;
        var marca = await ObtenerMarcaPortalHandler.CargarAsync(db, cancellationToken);
        return new ResumenPortalDto(
            new MarcaEmpresaDto(empresa?.RazonSocial ?? "", empresa?.Rut ?? "", logo, marca.ColorPrimario, marca.ColorAcento),
            cliente.Rut, cliente.RazonSocial, contacto?.Nombre ?? "",
            pago.Cuentas.Select(c => new CuentaDepositoPortalDto(c.Banco, c.TipoCuenta, c.Numero, c.Titular, c.RutTitular, c.EmailNotificacion)).ToList());
    }
}

/// <summary>The client's statement at a date (today by default): balance, open documents, payments of the last year and how they were applied.</summary>
public sealed record ObtenerEstadoCuentaPortal(DateOnly? FechaCorte) : IRequest<EstadoCuentaCliente>
{
    public static void Map(RutasPortal rutas)
    {
        rutas.Sesion.MapGet("/estado-cuenta", async Task<Ok<EstadoCuentaCliente>> ([AsParameters] ObtenerEstadoCuentaPortal q, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(q, ct)))
            .WithName("ObtenerEstadoCuentaPortal").ProducesValidationProblem().ProducesProblem(422);
        rutas.Sesion.MapGet("/estado-cuenta.pdf", async Task<FileContentHttpResult> ([AsParameters] ObtenerEstadoCuentaPortal q, IMediator m, CancellationToken ct) =>
                Archivo(await m.Send(new ExportarEstadoCuentaPortal(q.FechaCorte, "pdf"), ct)))
            .WithName("ObtenerEstadoCuentaPortalPdf").Produces(200, typeof(Stream), "application/pdf").ProducesValidationProblem().ProducesProblem(422)
            .ConLimite(LimitesUso.Informes);
        rutas.Sesion.MapGet("/estado-cuenta.xlsx", async Task<FileContentHttpResult> ([AsParameters] ObtenerEstadoCuentaPortal q, IMediator m, CancellationToken ct) =>
                Archivo(await m.Send(new ExportarEstadoCuentaPortal(q.FechaCorte, "xlsx"), ct)))
            .WithName("ObtenerEstadoCuentaPortalXlsx").Produces(200, typeof(Stream), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
    }

    private static FileContentHttpResult Archivo(ArchivoEstadoCuentaCliente a) => TypedResults.File(a.Contenido, a.TipoContenido, a.NombreArchivo);
}

public sealed record ExportarEstadoCuentaPortal(DateOnly? FechaCorte, string Formato) : IRequest<ArchivoEstadoCuentaCliente>;

public sealed class ObtenerEstadoCuentaPortalValidator : AbstractValidator<ObtenerEstadoCuentaPortal>
{
    public ObtenerEstadoCuentaPortalValidator() =>
        RuleFor(x => x.FechaCorte).Must(f => f is null || (f.Value.Year >= 2000 && f.Value.Year <= 2100)).WithMessage("fechaCorte fuera de rango.");
}

public sealed class EstadoCuentaPortalHandler(IMediator mediator, SesionActual sesion)
    : IRequestHandler<ObtenerEstadoCuentaPortal, EstadoCuentaCliente>, IRequestHandler<ExportarEstadoCuentaPortal, ArchivoEstadoCuentaCliente>
{
    public async ValueTask<EstadoCuentaCliente> Handle(ObtenerEstadoCuentaPortal request, CancellationToken cancellationToken) =>
        await mediator.Send(new ObtenerEstadoCuentaCliente(sesion.ClienteId, request.FechaCorte, null), cancellationToken);

    public async ValueTask<ArchivoEstadoCuentaCliente> Handle(ExportarEstadoCuentaPortal request, CancellationToken cancellationToken) =>
        await mediator.Send(new ExportarEstadoCuentaCliente(sesion.ClienteId, request.FechaCorte, request.Formato), cancellationToken);
}

/// <summary>A document's PDF when the company attached one; 404 for a document of another client or without file.</summary>
public sealed record DescargarDocumentoPortal(Guid Id) : IRequest<ArchivoDocumentoCliente>
{
    public static void Map(RutasPortal rutas) => rutas.Sesion.MapGet("/documentos/{id:guid}/archivo", async Task<FileStreamHttpResult> (Guid id, IMediator m, CancellationToken ct) =>
        {
            var a = await m.Send(new DescargarDocumentoPortal(id), ct);
            return TypedResults.File(a.Contenido, a.TipoContenido, a.NombreArchivo);
        })
        .WithName("DescargarDocumentoPortal").Produces(200, typeof(Stream), "application/pdf").ProducesProblem(404);
}

public sealed class DescargarDocumentoPortalHandler(IMediator mediator, SesionActual sesion) : IRequestHandler<DescargarDocumentoPortal, ArchivoDocumentoCliente>
{
    public async ValueTask<ArchivoDocumentoCliente> Handle(DescargarDocumentoPortal request, CancellationToken cancellationToken) =>
        await mediator.Send(new ObtenerArchivoDocumentoCliente(sesion.ClienteId, request.Id), cancellationToken)
        ?? throw new NoEncontradoException("Archivo del documento", request.Id);
}
