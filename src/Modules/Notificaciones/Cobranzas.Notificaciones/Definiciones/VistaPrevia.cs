using Cobranzas.Cartera.Contracts;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.Notificaciones.Plantillas;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;

namespace Cobranzas.Notificaciones.Definiciones;

public sealed record VistaPreviaCorreoDto(Guid ClienteId, string ClienteNombre, string Asunto, string Html, string Texto);

public sealed record ListarEtiquetasCorreo : IRequest<IReadOnlyList<EtiquetaCorreo>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/notificaciones/plantillas/etiquetas", async Task<Ok<IReadOnlyList<EtiquetaCorreo>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarEtiquetasCorreo(), ct)))
        .WithName("ListarEtiquetasCorreo");
}

public sealed class ListarEtiquetasCorreoHandler : IRequestHandler<ListarEtiquetasCorreo, IReadOnlyList<EtiquetaCorreo>>
{
    public ValueTask<IReadOnlyList<EtiquetaCorreo>> Handle(ListarEtiquetasCorreo request, CancellationToken cancellationToken) => ValueTask.FromResult(EtiquetasCorreo.Todas);
}

public sealed record CuerpoVistaPrevia(Guid? ClienteId);

public sealed record VistaPreviaDefinicion(Guid Id, Guid? ClienteId) : IRequest<VistaPreviaCorreoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/notificaciones/definiciones/{id:guid}/vista-previa", async Task<Ok<VistaPreviaCorreoDto>> (Guid id, CuerpoVistaPrevia body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new VistaPreviaDefinicion(id, body.ClienteId), ct)))
        .WithName("VistaPreviaDefinicion").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed record CuerpoVistaPreviaBorrador(DatosDefinicion Definicion, Guid? ClienteId);

/// <summary>The preview of a definition being edited (not saved): the editor calls it as the user types.</summary>
public sealed record VistaPreviaBorrador(CuerpoVistaPreviaBorrador Cuerpo) : IRequest<VistaPreviaCorreoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/notificaciones/definiciones/vista-previa", async Task<Ok<VistaPreviaCorreoDto>> (CuerpoVistaPreviaBorrador body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new VistaPreviaBorrador(body), ct)))
        .WithName("VistaPreviaBorrador").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class VistaPreviaBorradorValidator : AbstractValidator<VistaPreviaBorrador>
{
    public VistaPreviaBorradorValidator()
    {
        RuleFor(x => x.Cuerpo).NotNull();
        RuleFor(x => x.Cuerpo.Definicion).NotNull().SetValidator(new ReglasDefinicion()).When(x => x.Cuerpo is not null);
    }
}

/// <summary>Renders a definition for one real client of the company (by default the one with most overdue debt), as it would be sent.</summary>
public sealed class VistaPrevia(NotificacionesDbContext db, IMediator mediator, ConstructorDatosCorreo constructor, EnlacesLogo logos, TimeProvider reloj)
    : IRequestHandler<VistaPreviaDefinicion, VistaPreviaCorreoDto>, IRequestHandler<VistaPreviaBorrador, VistaPreviaCorreoDto>
{
    public async ValueTask<VistaPreviaCorreoDto> Handle(VistaPreviaDefinicion request, CancellationToken cancellationToken) =>
        await RenderizarAsync(await DefinicionesHandler.CargarAsync(db, request.Id, cancellationToken), request.ClienteId, cancellationToken);

    public async ValueTask<VistaPreviaCorreoDto> Handle(VistaPreviaBorrador request, CancellationToken cancellationToken)
    {
        await DefinicionesHandler.ReferenciasAsync(db, mediator, request.Cuerpo.Definicion, cancellationToken);
        var d = new DefinicionNotificacion { Tipo = "", Asunto = "", Plantilla = "" };
        DefinicionesHandler.Copiar(d, request.Cuerpo.Definicion);
        return await RenderizarAsync(d, request.Cuerpo.ClienteId, cancellationToken);
    }

    public async Task<VistaPreviaCorreoDto> RenderizarAsync(DefinicionNotificacion d, Guid? clienteId, CancellationToken ct)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var id = clienteId ?? await ClienteMasVencidoAsync(ct);
        var datos = await constructor.ConstruirAsync(d, id, hoy, ct) ?? throw new NoEncontradoException("Cliente", id);
        CorreoRenderizado correo;
        try
        {
            correo = await RenderizadorCorreo.RenderizarAsync(d, datos, logos.Url(d), null, ct);
        }
        catch (SharedKernel.Plantillas.PlantillaExcedidaException e)
        {
            throw new ReglaNegocioException("plantilla", "plantilla_excedida", e.Message);
        }

        return new VistaPreviaCorreoDto(id, datos.Cliente.RazonSocial, correo.Asunto, correo.Html, correo.Texto);
    }

    private async Task<Guid> ClienteMasVencidoAsync(CancellationToken ct)
    {
        var deudas = await mediator.Send(new ObtenerDeudaClientes(null), ct);
        return deudas.OrderByDescending(x => x.Vencido).ThenByDescending(x => x.Saldo).ThenBy(x => x.ClienteId).Select(x => (Guid?)x.ClienteId).FirstOrDefault()
            ?? throw new ReglaNegocioException("clienteId", "sin_cliente", "Ningún cliente tiene deuda: elija un cliente para la vista previa.");
    }
}
