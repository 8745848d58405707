using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Castigos;

/// <param name="Fecha">The day the recovery stops counting (default today): not before the recovery nor after today.</param>
public sealed record DatosReversaRecupero(string Motivo, DateOnly? Fecha = null);

/// <summary>
/// Undoes a recovery taken from a payment (the line was a mistake, the money belonged to another debt): from the reversal date on the
/// recovery no longer counts and its money is the payment's saldo a favor again; cut-offs before that date keep showing it.
/// A manual recovery has no payment to give the money back to, so it is not reversed here.
/// </summary>
public sealed record ReversarRecuperoCastigo(Guid Id, DatosReversaRecupero Cuerpo) : IRequest<RecuperoCastigoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/castigos/recuperos/{id:guid}/reversar", async Task<Ok<RecuperoCastigoDto>> (Guid id, DatosReversaRecupero body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ReversarRecuperoCastigo(id, body), ct)))
        .WithName("ReversarRecuperoCastigo").WithTags("Castigos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class ReversarRecuperoCastigoValidator : AbstractValidator<ReversarRecuperoCastigo>
{
    public ReversarRecuperoCastigoValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Motivo).NotEmpty().MaximumLength(LargosCastigo.Motivo);
            c.RuleFor(x => x.Fecha).Must(f => f is null || (f >= ReglaFechaCorte.Primera && f <= ReglaFechaCorte.Ultima)).WithMessage("fecha debe ser una fecha razonable.");
        });
}

public sealed class ReversarRecuperoCastigoHandler(CarteraDbContext db, IMediator mediator, AvisoPagos aviso, TimeProvider reloj)
    : IRequestHandler<ReversarRecuperoCastigo, RecuperoCastigoDto>
{
    public async ValueTask<RecuperoCastigoDto> Handle(ReversarRecuperoCastigo request, CancellationToken cancellationToken)
    {
        var clienteId = await db.Set<RecuperoCastigo>().Where(r => r.Id == request.Id).Select(r => (Guid?)r.ClienteId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NoEncontradoException("Recupero", request.Id);
        await using var tx = await BloqueoCliente.TomarAsync(db, [clienteId], cancellationToken);
        var recupero = await db.Set<RecuperoCastigo>().SingleAsync(r => r.Id == request.Id, cancellationToken);
        if (recupero.FechaReversa is { } reversado)
            throw new ReglaNegocioException("id", "ya_reversado", $"El recupero ya fue reversado el {reversado:dd-MM-yyyy}.");
        if (recupero.PagoId is not { } pagoId)
            throw new ReglaNegocioException("id", "recupero_manual", "Solo se reversa un recupero tomado de un pago: su dinero vuelve al pago como saldo a favor.");
        var fecha = request.Cuerpo.Fecha ?? FechaNegocio.Hoy(reloj);
        if (fecha > FechaNegocio.Hoy(reloj))
            throw new ReglaNegocioException("fecha", "fecha_futura", "Una reversa no puede tener fecha futura.");
        if (fecha < recupero.Fecha)
            throw new ReglaNegocioException("fecha", "antes_del_recupero", $"La reversa no puede ser anterior al recupero ({recupero.Fecha:dd-MM-yyyy}).");

        var pago = await db.Pagos.SingleAsync(p => p.Id == pagoId, cancellationToken);
        pago.Saldo += recupero.Monto;
        recupero.FechaReversa = fecha;
        recupero.MotivoReversa = request.Cuerpo.Motivo.Trim();
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await aviso.PublicarAsync([clienteId], cancellationToken);
        await aviso.EventoAsync(TiposEventoNegocio.PagoReversado, pagoId, new
        {
            pagoId, recuperoId = recupero.Id, documentoId = recupero.DocumentoId, recupero.Monto, fecha, motivo = recupero.MotivoReversa,
        }, cancellationToken);

        var documento = await db.Documentos.AsNoTracking().SingleAsync(d => d.Id == recupero.DocumentoId, cancellationToken);
        var nombre = (await mediator.Send(new BuscarClientes([clienteId], []), cancellationToken)).FirstOrDefault()?.RazonSocial;
        return ListarRecuperosCastigoHandler.Dto(recupero, documento, nombre);
    }
}
