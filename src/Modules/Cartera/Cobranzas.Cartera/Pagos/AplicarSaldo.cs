using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Pagos;

public sealed record DatosAplicacionSaldo(string Aplicacion, IReadOnlyList<DatosLineaAplicacion>? Aplicaciones);

/// <summary>Applies (part of) a payment's saldo a favor to documents, dated today.</summary>
public sealed record AplicarSaldoPago(Guid Id, DatosAplicacionSaldo Cuerpo) : IRequest<PagoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/pagos/{id:guid}/aplicaciones", async Task<Ok<PagoDto>> (Guid id, DatosAplicacionSaldo body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new AplicarSaldoPago(id, body), ct)))
        .WithName("AplicarSaldoPago").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class AplicarSaldoPagoValidator : AbstractValidator<AplicarSaldoPago>
{
    public AplicarSaldoPagoValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasAplicacion<DatosAplicacionSaldo>(x => x.Aplicacion, x => x.Aplicaciones, _ => null));
}

public sealed class AplicarSaldoPagoHandler(CarteraDbContext db, IMediator mediator, Aplicador aplicador, AvisoPagos aviso, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<AplicarSaldoPago, PagoDto>
{
    public async ValueTask<PagoDto> Handle(AplicarSaldoPago request, CancellationToken cancellationToken)
    {
        var clienteId = await db.Pagos.Where(p => p.Id == request.Id).Select(p => (Guid?)p.ClienteId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NoEncontradoException("Pago", request.Id);
        await using var tx = await BloqueoCliente.TomarAsync(db, [clienteId], cancellationToken);
        var pago = await db.Pagos.SingleAsync(p => p.Id == request.Id, cancellationToken);
        if (!Cheques.Disponible(pago))
            throw new ReglaNegocioException("id", "cheque_no_cobrado", "El dinero de un cheque está disponible cuando se cobra.");
        if (pago.Saldo == 0)
            throw new ReglaNegocioException("id", "sin_saldo_a_favor", "El pago no tiene saldo a favor por aplicar.");
        var hoy = FechaNegocio.Hoy(reloj);
        var recuperos = new List<LineaRecupero>();
        var lineas = await AplicacionPago.PlanificarAsync(aplicador, pago, hoy, request.Cuerpo.Aplicacion, request.Cuerpo.Aplicaciones, cancellationToken, recuperos);
        if (lineas.Count == 0 && recuperos.Count == 0)
            throw new ReglaNegocioException("aplicacion", "sin_documentos", "El cliente no tiene documentos pendientes en la moneda del pago.");
        AplicacionPago.Registrar(db, pago, lineas, hoy, contexto.Actor, reloj.GetUtcNow());
        AplicacionPago.RegistrarRecuperos(db, pago, recuperos, hoy, contexto.Actor, reloj.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await aviso.PublicarAsync([clienteId], cancellationToken);
        await aviso.PagadosAsync(lineas.Select(l => l.DocumentoId), cancellationToken);
        return await ProyeccionPago.CargarAsync(db, mediator, pago.Id, cancellationToken);
    }
}

/// <param name="Fecha">The day the application stops counting (default today): not before the application's date nor after today.</param>
public sealed record DatosReversa(string Motivo, DateOnly? Fecha = null);

public sealed record ReversarAplicacion(Guid Id, DatosReversa Cuerpo) : IRequest<AplicacionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/aplicaciones/{id:guid}/reversar", async Task<Ok<AplicacionDto>> (Guid id, DatosReversa body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ReversarAplicacion(id, body), ct)))
        .WithName("ReversarAplicacion").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class ReversarAplicacionValidator : AbstractValidator<ReversarAplicacion>
{
    public ReversarAplicacionValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c => c.RuleFor(x => x.Motivo).NotEmpty().MaximumLength(LargosCartera.Motivo));
}

/// <summary>The money goes back where it came from: the installment owes it again, the payment or credit note has it as saldo a favor.</summary>
public sealed class ReversarAplicacionHandler(CarteraDbContext db, AvisoPagos aviso, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<ReversarAplicacion, AplicacionDto>
{
    public async ValueTask<AplicacionDto> Handle(ReversarAplicacion request, CancellationToken cancellationToken)
    {
        var clienteId = await db.Aplicaciones.Where(a => a.Id == request.Id).Join(db.Documentos, a => a.DocumentoId, d => d.Id, (_, d) => (Guid?)d.ClienteId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NoEncontradoException("Aplicación", request.Id);
        await using var tx = await BloqueoCliente.TomarAsync(db, [clienteId], cancellationToken);
        var aplicacion = await db.Aplicaciones.SingleAsync(a => a.Id == request.Id, cancellationToken);
        if (aplicacion.FechaReversa is not null)
            throw new ReglaNegocioException("id", "ya_reversada", "La aplicación ya fue reversada.");
        if (aplicacion.ConvenioId is not null)
            throw new ReglaNegocioException("id", "aplicacion_convenio", "La aplicación es la liquidación de un convenio; se repone solo si el convenio se rompe.");
        await Factoring.CobrosDelegados.RechazarSiTransferidaAsync(db, [aplicacion.Id], cancellationToken);

        var documento = await db.Documentos.Include(d => d.Cuotas).SingleAsync(d => d.Id == aplicacion.DocumentoId, cancellationToken);
        Aplicador.Reversar(aplicacion, documento, Aplicador.FechaReversa(request.Cuerpo.Fecha, aplicacion.Fecha, reloj), request.Cuerpo.Motivo.Trim(), contexto.Actor);
        if (aplicacion.PagoId is { } pagoId)
            (await db.Pagos.SingleAsync(p => p.Id == pagoId, cancellationToken)).Saldo += aplicacion.Monto;
        else
            (await db.Documentos.SingleAsync(d => d.Id == aplicacion.NotaCreditoId, cancellationToken)).Saldo += aplicacion.Monto;

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await aviso.PublicarAsync([clienteId], cancellationToken);
        if (aplicacion.PagoId is { } reversado)
        {
            await aviso.EventoAsync(TiposEventoNegocio.PagoReversado, reversado, new
            {
                pagoId = reversado, aplicacionId = aplicacion.Id, documentoId = aplicacion.DocumentoId, aplicacion.Monto, fecha = aplicacion.FechaReversa, motivo = aplicacion.MotivoReversa,
            }, cancellationToken);
        }

        return ProyeccionDocumento.Aplicacion(aplicacion);
    }
}
