using System.Security.Claims;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Judicial;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Trabajo;

public sealed record VencimientoCalendarioDto(Guid DocumentoId, Guid ClienteId, string RazonSocial, string Tipo, long Folio, int Cuota, string Moneda, decimal Saldo);

public sealed record TareaCalendarioDto(Guid TareaId, Guid ClienteId, string RazonSocial, string Tipo, string Titulo, string Origen, string Estado, Guid? CobradorId, string? Cobrador);

public sealed record AudienciaCalendarioDto(Guid AudienciaId, Guid JuicioId, Guid ClienteId, string RazonSocial, string Tribunal, string Rol, string Descripcion, string EstadoJuicio);

public sealed record DiaCalendarioDto(
    DateOnly Fecha, IReadOnlyList<VencimientoCalendarioDto> Vencimientos, IReadOnlyList<TareaCalendarioDto> Tareas, IReadOnlyList<AudienciaCalendarioDto> Audiencias);

public sealed record CalendarioDto(DateOnly Desde, DateOnly Hasta, Guid? CobradorId, bool Equipo, IReadOnlyList<DiaCalendarioDto> Dias, string? Aviso);

/// <summary>
/// Per day (only days with something), the open installments falling due for the collector's clients and the tasks planned
/// for it (promise installments are tasks too) and the hearings of its clients' lawsuits, for one collector (the caller's own by default) or, with <c>equipo=true</c>,
/// for the whole company (supervisors). At most 93 days; by default from today, 31 days.
/// </summary>
public sealed record ObtenerCalendario(DateOnly? Desde, DateOnly? Hasta, Guid? CobradorId, bool Equipo) : IRequest<CalendarioDto>
{
    public const int DiasMaximos = 93;

    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/calendario",
            async Task<Results<Ok<CalendarioDto>, ForbidHttpResult>> (DateOnly? desde, DateOnly? hasta, Guid? cobradorId, bool? equipo, ClaimsPrincipal usuario, AlcanceGestion alcance, IMediator m, CancellationToken ct) =>
            {
                var supervisa = usuario.HasClaim(Permisos.ClaimTipo, Permisos.Supervisar);
                if (!supervisa && (equipo == true || (cobradorId is { } pedido && pedido != await alcance.CobradorPropioAsync(ct))))
                    return TypedResults.Forbid();
                return TypedResults.Ok(await m.Send(new ObtenerCalendario(desde, hasta, cobradorId, equipo ?? false), ct));
            })
        .WithName("ObtenerCalendario").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
}

public sealed class ObtenerCalendarioValidator : AbstractValidator<ObtenerCalendario>
{
    public ObtenerCalendarioValidator()
    {
        RuleFor(x => x.Desde).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithMessage("desde debe estar entre 2000-01-01 y 2100-12-31.");
        RuleFor(x => x.Hasta).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithMessage("hasta debe estar entre 2000-01-01 y 2100-12-31.")
            .Must((x, h) => h >= x.Desde).When(x => x.Desde is not null && x.Hasta is not null).WithMessage("hasta no puede ser anterior a desde.")
            .Must((x, h) => h!.Value.DayNumber - x.Desde!.Value.DayNumber < ObtenerCalendario.DiasMaximos).When(x => x.Desde is not null && x.Hasta is not null).WithMessage($"hasta: el rango no puede superar {ObtenerCalendario.DiasMaximos} días.");
        RuleFor(x => x.CobradorId).NotEqual(Guid.Empty).WithMessage("cobradorId no puede ser vacío.");
    }
}

public sealed class ObtenerCalendarioHandler(GestionDbContext db, AlcanceGestion alcance, IMediator mediator, TimeProvider reloj) : IRequestHandler<ObtenerCalendario, CalendarioDto>
{
    public async ValueTask<CalendarioDto> Handle(ObtenerCalendario request, CancellationToken cancellationToken)
    {
        var desde = request.Desde ?? FechaNegocio.Hoy(reloj);
        var hasta = request.Hasta ?? desde.AddDays(30);
        if (hasta.DayNumber - desde.DayNumber >= ObtenerCalendario.DiasMaximos || hasta < desde)
            throw new ReglaNegocioException("hasta", "rango_invalido", $"hasta: el rango debe ir de desde a lo más {ObtenerCalendario.DiasMaximos} días después.");
        var tareas = db.Tareas.AsNoTracking().Where(t => t.Estado != EstadosTarea.Cancelada && t.Fecha >= desde && t.Fecha <= hasta);
        var audiencias = db.Set<AudienciaJuicio>().AsNoTracking().Where(a => a.Fecha >= desde && a.Fecha <= hasta)
            .Join(db.Set<Juicio>(), a => a.JuicioId, j => j.Id, (a, j) => new { a.Id, a.Fecha, a.Descripcion, JuicioId = j.Id, j.ClienteId, j.Tribunal, j.Rol, j.Estado });
        List<Guid>? clientesVencimientos = null;
        Guid? cobrador = null;
        if (!request.Equipo)
        {
            cobrador = request.CobradorId ?? await alcance.CobradorPropioAsync(cancellationToken);
            if (cobrador is null)
                return new CalendarioDto(desde, hasta, null, false, [], "Su usuario no está vinculado a ningún cobrador: elija un cobrador o vea el equipo.");
            var id = cobrador.Value;
            if (!await db.Cobradores.AnyAsync(c => c.Id == id, cancellationToken))
                throw new NoEncontradoException("Cobrador", id);
            var asignados = db.Asignaciones.Where(a => a.CobradorId == id).Select(a => a.ClienteId);
            tareas = tareas.Where(t => t.CobradorId == id || (t.CobradorId == null && asignados.Contains(t.ClienteId)));
            audiencias = audiencias.Where(a => asignados.Contains(a.ClienteId));
            clientesVencimientos = await asignados.ToListAsync(cancellationToken);
        }

        var filasTareas = await tareas
            .GroupJoin(db.Cobradores, t => t.CobradorId, c => c.Id, (t, cs) => new { t, cs })
            .SelectMany(x => x.cs.DefaultIfEmpty(), (x, c) => new { x.t.Id, x.t.ClienteId, x.t.Tipo, x.t.Titulo, x.t.Origen, x.t.Estado, x.t.CobradorId, x.t.Fecha, Cobrador = c == null ? null : c.Nombre })
            .OrderBy(x => x.Fecha).ThenBy(x => x.Id)
            .ToListAsync(cancellationToken);
        var filasAudiencias = await audiencias.OrderBy(a => a.Fecha).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        IReadOnlyList<VencimientoDocumento> vencimientos = clientesVencimientos is { Count: 0 }
            ? []
            : await mediator.Send(new VencimientosEnRango(clientesVencimientos, desde, hasta), cancellationToken);

        var ids = filasTareas.Select(t => t.ClienteId).Concat(vencimientos.Select(v => v.ClienteId)).Concat(filasAudiencias.Select(a => a.ClienteId)).Distinct().ToList();
        var nombres = ids.Count == 0 ? [] : (await mediator.Send(new BuscarClientes(ids, []), cancellationToken)).ToDictionary(c => c.Id, c => c.RazonSocial);
        var porDiaV = vencimientos.ToLookup(v => v.Fecha);
        var porDiaT = filasTareas.ToLookup(t => t.Fecha);
        var porDiaA = filasAudiencias.ToLookup(a => a.Fecha);
        var dias = vencimientos.Select(v => v.Fecha).Concat(filasTareas.Select(t => t.Fecha)).Concat(filasAudiencias.Select(a => a.Fecha)).Distinct().Order()
            .Select(f => new DiaCalendarioDto(f,
                porDiaV[f].Select(v => new VencimientoCalendarioDto(v.DocumentoId, v.ClienteId, nombres.GetValueOrDefault(v.ClienteId, ""), v.Tipo, v.Folio, v.Cuota, v.Moneda, v.Saldo)).ToList(),
                porDiaT[f].Select(t => new TareaCalendarioDto(t.Id, t.ClienteId, nombres.GetValueOrDefault(t.ClienteId, ""), t.Tipo, t.Titulo, t.Origen, t.Estado, t.CobradorId, t.Cobrador)).ToList(),
                porDiaA[f].Select(a => new AudienciaCalendarioDto(a.Id, a.JuicioId, a.ClienteId, nombres.GetValueOrDefault(a.ClienteId, ""), a.Tribunal, a.Rol, a.Descripcion, a.Estado)).ToList()))
            .ToList();
        return new CalendarioDto(desde, hasta, cobrador, request.Equipo, dias, null);
    }
}
