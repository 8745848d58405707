using Cobranzas.Gestion.Contracts;
using Cobranzas.Notificaciones.Definiciones;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;

namespace Cobranzas.Notificaciones.Envios;

public sealed record ConteoDestinatariosDto(int Clientes, int Contactos, int Omitidos);

/// <summary>
/// Who a definition with this kind and recipients filter would write to if it ran now (the editor's count): clients, their usable
/// contacts, and the clients it would skip (no usable contact, or a contact rule). The same selection as a run, without writing.
/// </summary>
public sealed record ConteoDestinatarios(string Tipo, int? DiasAntes, int? DiasVencidoMinimo, FiltroDestinatarios? Destinatarios) : IRequest<ConteoDestinatariosDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/notificaciones/definiciones/conteo-destinatarios",
            async Task<Ok<ConteoDestinatariosDto>> (ConteoDestinatarios body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(body, ct)))
        .WithName("ContarDestinatariosNotificacion").ProducesValidationProblem().ProducesProblem(422);

    public CriteriosSeleccion Criterios()
    {
        var f = Destinatarios ?? new FiltroDestinatarios();
        return new(
            Tipo, DiasAntes, DiasVencidoMinimo, f.GrupoClienteIds ?? [], f.GrupoContactoIds ?? [], f.Segmentos ?? [], f.Etapas ?? [], f.CobradorIds ?? [], f.MontoVencidoMinimo,
            f.RolesContacto is null or { Count: 0 } ? ["cobranza", "pagos"] : f.RolesContacto);
    }
}

public sealed class ConteoDestinatariosValidator : AbstractValidator<ConteoDestinatarios>
{
    public ConteoDestinatariosValidator()
    {
        RuleFor(x => x.Tipo).NotEmpty().WithName("tipo").Must(t => t is TiposDefinicion.DocumentosVencidos or TiposDefinicion.ResumenDeuda or TiposDefinicion.RecordatorioPreventivo)
            .WithMessage("tipo debe ser documentos_vencidos, resumen_deuda o recordatorio_preventivo.");
        RuleFor(x => x.DiasAntes).InclusiveBetween(0, 365).WithName("diasAntes");
        RuleFor(x => x.DiasAntes).NotNull().WithName("diasAntes").When(x => x.Tipo == TiposDefinicion.RecordatorioPreventivo)
            .WithMessage("diasAntes es obligatorio en un recordatorio preventivo.");
        RuleFor(x => x.DiasVencidoMinimo).InclusiveBetween(1, 3650).WithName("diasVencidoMinimo");
        RuleFor(x => x.Destinatarios).SetValidator(new ReglasDestinatarios()!).When(x => x.Destinatarios is not null);
    }
}

public sealed class ConteoDestinatariosHandler(SeleccionDestinatarios seleccion, IMediator mediator, TimeProvider reloj) : IRequestHandler<ConteoDestinatarios, ConteoDestinatariosDto>
{
    public async ValueTask<ConteoDestinatariosDto> Handle(ConteoDestinatarios r, CancellationToken ct)
    {
        await DefinicionesHandler.ReferenciasAsync(mediator, r.Destinatarios, ct);
        var sel = await seleccion.SeleccionarAsync(r.Criterios(), FechaNegocio.Hoy(reloj), ct);
        var bloqueados = sel.Clientes.Count == 0
            ? new Dictionary<Guid, ContactoNoPermitido>()
            : await mediator.Send(new EvaluarContactosEscritos([.. sel.Clientes.Select(c => c.ClienteId)], reloj.GetUtcNow()), ct);
        var reciben = sel.Clientes.Where(c => !bloqueados.ContainsKey(c.ClienteId)).ToList();
        return new ConteoDestinatariosDto(reciben.Count, reciben.Sum(c => c.Contactos.Count), sel.SinContacto + bloqueados.Count);
    }
}
