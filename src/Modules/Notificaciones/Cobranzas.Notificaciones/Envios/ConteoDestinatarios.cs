using Cobranzas.Gestion.Contracts;
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
public sealed record ConteoDestinatarios(
    string Tipo, int? DiasAntes, int? DiasVencidoMinimo, List<Guid>? GruposClientes, List<Guid>? GruposContactos, List<string>? Segmentos,
    List<string>? Etapas, List<Guid>? CobradorIds, decimal? MontoVencidoMinimo, List<string>? RolesContacto) : IRequest<ConteoDestinatariosDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapPost("/notificaciones/definiciones/conteo-destinatarios",
            async Task<Ok<ConteoDestinatariosDto>> (ConteoDestinatarios body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(body, ct)))
        .WithName("ContarDestinatariosNotificacion").ProducesValidationProblem().ProducesProblem(422);

    public FiltroDestinatarios Filtro() => new(
        Tipo, DiasAntes, DiasVencidoMinimo, GruposClientes ?? [], GruposContactos ?? [], Segmentos ?? [], Etapas ?? [], CobradorIds ?? [], MontoVencidoMinimo,
        RolesContacto is null or { Count: 0 } ? ["cobranza", "pagos"] : RolesContacto);
}

public sealed class ConteoDestinatariosValidator : AbstractValidator<ConteoDestinatarios>
{
    public const int ElementosMaximos = 200;

    public ConteoDestinatariosValidator()
    {
        RuleFor(x => x.Tipo).NotEmpty().WithName("tipo").Must(t => t is TiposDefinicion.DocumentosVencidos or TiposDefinicion.ResumenDeuda or TiposDefinicion.RecordatorioPreventivo)
            .WithMessage("tipo debe ser documentos_vencidos, resumen_deuda o recordatorio_preventivo.");
        RuleFor(x => x.DiasAntes).InclusiveBetween(0, 365).WithName("diasAntes");
        RuleFor(x => x.DiasAntes).NotNull().WithName("diasAntes").When(x => x.Tipo == TiposDefinicion.RecordatorioPreventivo)
            .WithMessage("diasAntes es obligatorio en un recordatorio preventivo.");
        RuleFor(x => x.DiasVencidoMinimo).InclusiveBetween(1, 3650).WithName("diasVencidoMinimo");
        RuleFor(x => x.MontoVencidoMinimo).InclusiveBetween(0m, 1_000_000_000_000m).WithName("montoVencidoMinimo");
        RuleFor(x => x.GruposClientes).Must(l => l is null || l.Count <= ElementosMaximos).WithName("gruposClientes").WithMessage($"gruposClientes admite hasta {ElementosMaximos} elementos.");
        RuleFor(x => x.GruposContactos).Must(l => l is null || l.Count <= ElementosMaximos).WithName("gruposContactos").WithMessage($"gruposContactos admite hasta {ElementosMaximos} elementos.");
        RuleFor(x => x.CobradorIds).Must(l => l is null || l.Count <= ElementosMaximos).WithName("cobradorIds").WithMessage($"cobradorIds admite hasta {ElementosMaximos} elementos.");
        RuleFor(x => x.Segmentos).Must(l => l is null || l.Count <= ElementosMaximos).WithName("segmentos").WithMessage($"segmentos admite hasta {ElementosMaximos} elementos.");
        RuleForEach(x => x.Segmentos).NotEmpty().MaximumLength(50).WithName("segmentos");
        RuleFor(x => x.Etapas).Must(l => l is null || l.Count <= ElementosMaximos).WithName("etapas").WithMessage($"etapas admite hasta {ElementosMaximos} elementos.");
        RuleForEach(x => x.Etapas).NotEmpty().MaximumLength(30).WithName("etapas");
        RuleFor(x => x.RolesContacto).Must(l => l is null || l.Count <= 10).WithName("rolesContacto").WithMessage("rolesContacto admite hasta 10 elementos.");
        RuleForEach(x => x.RolesContacto).NotEmpty().MaximumLength(20).WithName("rolesContacto");
    }
}

public sealed class ConteoDestinatariosHandler(SeleccionDestinatarios seleccion, IMediator mediator, TimeProvider reloj) : IRequestHandler<ConteoDestinatarios, ConteoDestinatariosDto>
{
    public async ValueTask<ConteoDestinatariosDto> Handle(ConteoDestinatarios r, CancellationToken ct)
    {
        if (r.CobradorIds is { Count: > 0 } cobradores && (await mediator.Send(new CobradoresExistentes(cobradores), ct)).Count < cobradores.Distinct().Count())
            throw new ReglaNegocioException("cobradorIds", "cobrador_inexistente", "cobradorIds nombra un cobrador que no existe.");
        var sel = await seleccion.SeleccionarAsync(r.Filtro(), FechaNegocio.Hoy(reloj), ct);
        var bloqueados = sel.Clientes.Count == 0
            ? new Dictionary<Guid, ContactoNoPermitido>()
            : await mediator.Send(new EvaluarContactosEscritos([.. sel.Clientes.Select(c => c.ClienteId)], reloj.GetUtcNow()), ct);
        var reciben = sel.Clientes.Where(c => !bloqueados.ContainsKey(c.ClienteId)).ToList();
        return new ConteoDestinatariosDto(reciben.Count, reciben.Sum(c => c.Contactos.Count), sel.SinContacto + bloqueados.Count);
    }
}
