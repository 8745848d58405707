using System.ComponentModel;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Clientes;

public sealed record DatosCondiciones(
    int? PlazoPagoDias,
    [property: Description("Porcentaje (0 a 100), exacto; no es un monto.")] decimal? DescuentoProntoPagoPorcentaje,
    int? DiasProntoPago,
    [property: Description("Tasa de interés por mora mensual, en porcentaje (0 a 100), exacta; no es un monto.")] decimal? TasaInteresMoraMensual,
    decimal? LimiteCredito,
    string? MonedaLimite,
    string? Garantias,
    IReadOnlyList<DatosExcepcion>? Excepciones);

public sealed record DatosExcepcion(string Descripcion, string AprobadaPor, DateOnly VigenteHasta);

public sealed record ActualizarCondiciones(Guid Id, DatosCondiciones Cuerpo) : IRequest<ClienteDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPut("/clientes/{id:guid}/condiciones", async Task<Ok<ClienteDto>> (Guid id, DatosCondiciones body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarCondiciones(id, body), ct)))
        .WithName("ActualizarCondiciones").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
}

public sealed class ActualizarCondicionesValidator : AbstractValidator<ActualizarCondiciones>
{
    public ActualizarCondicionesValidator()
    {
        RuleFor(x => x.Cuerpo).NotNull();
        RuleFor(x => x.Cuerpo.PlazoPagoDias).InclusiveBetween(0, 3650);
        RuleFor(x => x.Cuerpo.DescuentoProntoPagoPorcentaje).InclusiveBetween(0, 100);
        RuleFor(x => x.Cuerpo.DiasProntoPago).InclusiveBetween(0, 365);
        RuleFor(x => x.Cuerpo.TasaInteresMoraMensual).InclusiveBetween(0, 100);
        RuleFor(x => x.Cuerpo.LimiteCredito).GreaterThanOrEqualTo(0).LessThan(Montos.Maximo);
        RuleFor(x => x.Cuerpo.MonedaLimite).Must(m => m is null || Monedas.DeLimite.Contains(m)).WithMessage("Moneda debe ser CLP o UF.");
        RuleFor(x => x.Cuerpo.MonedaLimite).NotEmpty().When(x => x.Cuerpo.LimiteCredito is not null).WithMessage("Indique la moneda del límite (CLP o UF).");
        RuleFor(x => x.Cuerpo.Garantias).MaximumLength(500);
        RuleFor(x => x.Cuerpo.DiasProntoPago).NotNull().When(x => x.Cuerpo.DescuentoProntoPagoPorcentaje is > 0)
            .WithMessage("Un descuento por pronto pago necesita los días en que aplica.");
        RuleForEach(x => x.Cuerpo.Excepciones).NotNull().WithErrorCode("requerido")
            .WithMessage("Cada excepción es un objeto con descripción, aprobada por y vigente hasta; no puede ser null.").ChildRules(e =>
        {
            e.RuleFor(x => x.Descripcion).NotEmpty().MaximumLength(500);
            e.RuleFor(x => x.AprobadaPor).NotEmpty().MaximumLength(200);
        });
    }
}

public sealed class ActualizarCondicionesHandler(ClientesDbContext db, TimeProvider reloj) : IRequestHandler<ActualizarCondiciones, ClienteDto>
{
    public async ValueTask<ClienteDto> Handle(ActualizarCondiciones request, CancellationToken cancellationToken)
    {
        var cliente = await db.Clientes.Include(c => c.Excepciones).SingleOrDefaultAsync(c => c.Id == request.Id, cancellationToken)
            ?? throw new NoEncontradoException("Cliente", request.Id);
        var d = request.Cuerpo;
        var vacias = d.PlazoPagoDias is null && d.DescuentoProntoPagoPorcentaje is null && d.DiasProntoPago is null
            && d.TasaInteresMoraMensual is null && d.LimiteCredito is null && string.IsNullOrWhiteSpace(d.Garantias);
        var anterior = cliente.Condiciones;
        cliente.Condiciones = vacias ? null : new CondicionesComerciales
        {
            // The validity granted by an approved credit line stays while the limit is the same.
            LimiteVigenteHasta = anterior?.LimiteCredito == d.LimiteCredito && anterior?.MonedaLimite == d.MonedaLimite ? anterior?.LimiteVigenteHasta : null,
            PlazoPagoDias = d.PlazoPagoDias,
            DescuentoProntoPagoPorcentaje = d.DescuentoProntoPagoPorcentaje,
            DiasProntoPago = d.DiasProntoPago,
            TasaInteresMoraMensual = d.TasaInteresMoraMensual,
            LimiteCredito = d.LimiteCredito,
            MonedaLimite = d.LimiteCredito is null ? null : d.MonedaLimite,
            Garantias = EscrituraCliente.Limpio(d.Garantias),
        };
        cliente.Excepciones.Clear();
        cliente.Excepciones.AddRange((d.Excepciones ?? []).Select(e => new ExcepcionAutorizada
        {
            Descripcion = e.Descripcion.Trim(), AprobadaPor = e.AprobadaPor.Trim(), VigenteHasta = e.VigenteHasta,
        }));
        cliente.Actualizado = reloj.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return await ProyeccionCliente.CargarAsync(db, cliente.Id, cancellationToken);
    }
}

public sealed record DatosCambioEstado(string Estado, string Motivo);

public sealed record CambiarEstadoCredito(Guid Id, DatosCambioEstado Cuerpo) : IRequest<ClienteDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/clientes/{id:guid}/estado-credito", async Task<Ok<ClienteDto>> (Guid id, DatosCambioEstado body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new CambiarEstadoCredito(id, body), ct)))
        .WithName("CambiarEstadoCredito").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class CambiarEstadoCreditoValidator : AbstractValidator<CambiarEstadoCredito>
{
    public CambiarEstadoCreditoValidator()
    {
        RuleFor(x => x.Cuerpo).NotNull();
        RuleFor(x => x.Cuerpo.Estado).NotEmpty().Must(e => EstadosCredito.Todos.Contains(e))
            .WithMessage($"Estado debe ser uno de: {string.Join(", ", EstadosCredito.Todos)}.");
        RuleFor(x => x.Cuerpo.Motivo).NotEmpty().MaximumLength(LargosCliente.Motivo);
    }
}

public sealed class CambiarEstadoCreditoHandler(ClientesDbContext db, IContextoSolicitud contexto, TimeProvider reloj, IPublisher publicador)
    : IRequestHandler<CambiarEstadoCredito, ClienteDto>
{
    public async ValueTask<ClienteDto> Handle(CambiarEstadoCredito request, CancellationToken cancellationToken)
    {
        var cliente = await db.Clientes.SingleOrDefaultAsync(c => c.Id == request.Id, cancellationToken)
            ?? throw new NoEncontradoException("Cliente", request.Id);
        if (cliente.EstadoCredito == request.Cuerpo.Estado)
            throw new ReglaNegocioException("estado", "sin_cambio", $"El cliente ya está {cliente.EstadoCredito}.");

        var ahora = reloj.GetUtcNow();
        db.HistorialEstados.Add(new HistorialEstadoCredito
        {
            ClienteId = cliente.Id, EstadoAnterior = cliente.EstadoCredito, EstadoNuevo = request.Cuerpo.Estado,
            Motivo = request.Cuerpo.Motivo.Trim(), Actor = contexto.Actor, Fecha = ahora,
        });
        cliente.EstadoCredito = request.Cuerpo.Estado;
        cliente.MotivoEstado = request.Cuerpo.Motivo.Trim();
        cliente.EstadoCambiadoPor = contexto.Actor;
        cliente.EstadoCambiadoEn = ahora;
        cliente.Actualizado = ahora;
        await db.SaveChangesAsync(cancellationToken);
        var dto = await ProyeccionCliente.CargarAsync(db, cliente.Id, cancellationToken);
        if (cliente.EstadoCredito == EstadosCredito.Suspendido)
            await publicador.Publish(EventoNegocio.Uno(contexto.EmpresaId, TiposEventoNegocio.ClienteSuspendido, cliente.Id, dto, ahora), cancellationToken);
        return dto;
    }
}

public sealed record CambioEstadoDto(DateTimeOffset Fecha, string EstadoAnterior, string EstadoNuevo, string Motivo, string Actor);

public sealed record HistorialEstadoCreditoCliente(Guid Id) : IRequest<IReadOnlyList<CambioEstadoDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/clientes/{id:guid}/estado-credito", async Task<Ok<IReadOnlyList<CambioEstadoDto>>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new HistorialEstadoCreditoCliente(id), ct)))
        .WithName("HistorialEstadoCredito").ProducesProblem(404);
}

public sealed class HistorialEstadoCreditoClienteHandler(ClientesDbContext db) : IRequestHandler<HistorialEstadoCreditoCliente, IReadOnlyList<CambioEstadoDto>>
{
    public async ValueTask<IReadOnlyList<CambioEstadoDto>> Handle(HistorialEstadoCreditoCliente request, CancellationToken cancellationToken)
    {
        if (!await db.Clientes.AnyAsync(c => c.Id == request.Id, cancellationToken))
            throw new NoEncontradoException("Cliente", request.Id);
        return await db.HistorialEstados.AsNoTracking().Where(h => h.ClienteId == request.Id).OrderByDescending(h => h.Fecha)
            .Select(h => new CambioEstadoDto(h.Fecha, h.EstadoAnterior, h.EstadoNuevo, h.Motivo, h.Actor))
            .ToListAsync(cancellationToken);
    }
}
