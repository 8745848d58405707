using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Configuracion;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Feriados;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Actividades;

/// <summary>A contact the rules forbid at that moment: the rule's code, a message in Spanish and when it would be allowed (null: not while the situation lasts, e.g. judicial stage).</summary>
public sealed record BloqueoContacto(string Regla, string Mensaje, DateTimeOffset? SiguientePermitido);

public static class ReglasLey21320
{
    public const string LlamadasSemana = "ley_21320_llamadas_semana";
    public const string EscritosSemana = "ley_21320_escritos_semana";
    public const string EscritosIntervalo = "ley_21320_escritos_intervalo";
    public const string Horario = "ley_21320_horario";
    public const string Domingo = "ley_21320_domingo";
    public const string Feriado = "ley_21320_feriado";
    public const string EtapaJudicial = "ley_21320_etapa_judicial";
    public const string EmpresaLlamadasSemana = "limite_empresa_llamadas_semana";
    public const string EmpresaEscritosSemana = "limite_empresa_escritos_semana";
}

/// <summary>The caller cannot contact the client now; answers 422 with the rule and the next allowed moment.</summary>
public sealed class ContactoBloqueadoException(BloqueoContacto bloqueo) : Exception(bloqueo.Mensaje)
{
    public BloqueoContacto Bloqueo { get; } = bloqueo;

    public IResult Problema() => TypedResults.Problem(
        title: "Contacto no permitido",
        detail: Bloqueo.Mensaje,
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?>
        {
            ["codigo"] = Bloqueo.Regla,
            ["siguientePermitido"] = Bloqueo.SiguientePermitido,
            ["errors"] = new Dictionary<string, string[]> { ["fecha"] = [$"{Bloqueo.Regla}: {Bloqueo.Mensaje}"] },
        });
}

/// <summary>
/// The contact rules of a client (Ley 19.496 art. 37 as amended by Ley 21.320). Consumers: at most one call or visit in any
/// 7 days, at most two written contacts in any 7 days and at least 48 hours apart, only Monday to Saturday 08:00–20:00
/// America/Santiago, never on a national holiday or one of the client's region, and no extrajudicial contact once the client is
/// in the judicial stage. Business clients: only the company's own weekly limits (<see cref="ConfiguracionGestion"/>).
/// <para>
/// What counts as a contact: every activity logged on a channel, whatever its outcome, because the law limits the attempts
/// the creditor makes (a call nobody answers or that goes to voicemail is still a call to the debtor); the one exception is
/// <c>numero_equivocado</c>, a call that never reached the debtor, and a reply of the client by e-mail (not a contact the company made). Activities on which a supervisor recorded an override count
/// too. Calls and visits share one counter, written contacts (e-mail, letter, WhatsApp/SMS) another.
/// </para>
/// Used by the activity log and by the escalation policy before it plans a call, visit or letter.
/// </summary>
public sealed class ReglasContacto(GestionDbContext db, IMediator mediator, CalendarioHabil calendario)
{
    public static readonly TimeSpan Semana = TimeSpan.FromDays(7);
    public static readonly TimeSpan IntervaloEscritos = TimeSpan.FromHours(48);
    public static readonly TimeOnly HoraInicio = new(8, 0);
    public static readonly TimeOnly HoraFin = new(20, 0);

    private sealed record Situacion(ClienteInfo Cliente, string? Etapa, ConfiguracionGestion Configuracion, List<(DateTimeOffset Fecha, string Canal)> Contactos);

    /// <summary>The rule that forbids contacting the client on the channel at that moment (with the next allowed moment), or null if it is allowed.</summary>
    public async Task<BloqueoContacto?> EvaluarAsync(Guid clienteId, string canal, DateTimeOffset momento, CancellationToken ct)
    {
        var s = await CargarAsync(clienteId, momento, ct);
        var regla = await ReglaAsync(s, canal, momento, ct);
        if (regla is null)
            return null;
        return regla.Value.Regla == ReglasLey21320.EtapaJudicial ? new BloqueoContacto(regla.Value.Regla, regla.Value.Mensaje, null)
            : new BloqueoContacto(regla.Value.Regla, regla.Value.Mensaje, await SiguienteAsync(s, canal, momento, ct));
    }

    /// <summary>
    /// <see cref="EvaluarAsync"/> for many clients at once (a run of reminders): the clients, their stages and their week of contacts in
    /// one query each; a business client is only read when the company has a limit for the channel. Only blocked clients are answered.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, BloqueoContacto>> EvaluarVariosAsync(IReadOnlyCollection<Guid> clienteIds, string canal, DateTimeOffset momento, CancellationToken ct)
    {
        var bloqueados = new Dictionary<Guid, BloqueoContacto>();
        momento = momento.ToUniversalTime();
        var configuracion = await ConfiguracionEmpresa.CargarAsync(db, ct);
        var limiteEmpresa = EsLlamadaOVisita(canal) ? configuracion.MaxLlamadasSemanaEmpresas : configuracion.MaxEscritosSemanaEmpresas;
        var clientes = (await mediator.Send(new BuscarClientes([.. clienteIds.Distinct()], []), ct)).Where(c => c.Consumidor || limiteEmpresa is not null).ToList();
        if (clientes.Count == 0)
            return bloqueados;
        var ids = clientes.Select(c => c.Id).ToList();
        var etapas = await db.Etapas.AsNoTracking().Where(e => ids.Contains(e.ClienteId)).ToDictionaryAsync(e => e.ClienteId, e => e.Etapa, ct);
        var desde = momento - Semana;
        var contactos = (await db.Actividades.AsNoTracking()
                .Where(a => ids.Contains(a.ClienteId) && a.Fecha > desde && a.Resultado != ResultadosActividad.NumeroEquivocado && a.Origen != TiposActividadCorreo.Respuesta)
                .Select(a => new { a.ClienteId, a.Fecha, a.Canal }).ToListAsync(ct))
            .ToLookup(a => a.ClienteId, a => (a.Fecha, a.Canal));
        foreach (var cliente in clientes)
        {
            var s = new Situacion(cliente, etapas.GetValueOrDefault(cliente.Id), configuracion, [.. contactos[cliente.Id]]);
            if (await ReglaAsync(s, canal, momento, ct) is { } regla)
            {
                bloqueados[cliente.Id] = new BloqueoContacto(regla.Regla, regla.Mensaje,
                    regla.Regla == ReglasLey21320.EtapaJudicial ? null : await SiguienteAsync(s, canal, momento, ct));
            }
        }

        return bloqueados;
    }

    /// <summary>The first moment from <paramref name="desde"/> on when a contact on the channel is allowed (null if none, e.g. judicial stage).</summary>
    public async Task<DateTimeOffset?> SiguientePermitidoAsync(Guid clienteId, string canal, DateTimeOffset desde, CancellationToken ct) =>
        await SiguienteAsync(await CargarAsync(clienteId, desde, ct), canal, desde, ct);

    private async Task<Situacion> CargarAsync(Guid clienteId, DateTimeOffset momento, CancellationToken ct)
    {
        // PostgreSQL's timestamptz parameters must be in UTC; a caller may pass a Santiago-local moment.
        momento = momento.ToUniversalTime();
        var cliente = (await mediator.Send(new BuscarClientes([clienteId], []), ct)).SingleOrDefault() ?? throw new NoEncontradoException("Cliente", clienteId);
        var etapa = await db.Etapas.AsNoTracking().Where(e => e.ClienteId == clienteId).Select(e => e.Etapa).SingleOrDefaultAsync(ct);
        var configuracion = await ConfiguracionEmpresa.CargarAsync(db, ct);
        var desde = momento - Semana;
        var contactos = await db.Actividades.AsNoTracking()
            .Where(a => a.ClienteId == clienteId && a.Fecha > desde && a.Resultado != ResultadosActividad.NumeroEquivocado && a.Origen != TiposActividadCorreo.Respuesta)
            .Select(a => new { a.Fecha, a.Canal }).ToListAsync(ct);
        return new Situacion(cliente, etapa, configuracion, contactos.Select(c => (c.Fecha, c.Canal)).ToList());
    }

    private static bool EsLlamadaOVisita(string canal) => canal is CanalesContacto.Telefono or CanalesContacto.Presencial;

    private async Task<(string Regla, string Mensaje)?> ReglaAsync(Situacion s, string canal, DateTimeOffset momento, CancellationToken ct)
    {
        var escrito = !EsLlamadaOVisita(canal);
        var mismos = s.Contactos.Where(c => EsLlamadaOVisita(c.Canal) != escrito).Select(c => c.Fecha).ToList();
        if (!s.Cliente.Consumidor)
        {
            var maximo = escrito ? s.Configuracion.MaxEscritosSemanaEmpresas : s.Configuracion.MaxLlamadasSemanaEmpresas;
            if (maximo is { } max && SobreLimite(mismos, momento, max))
            {
                return escrito
                    ? (ReglasLey21320.EmpresaEscritosSemana, $"La empresa permite como máximo {max} contactos escritos por semana a clientes empresa.")
                    : (ReglasLey21320.EmpresaLlamadasSemana, $"La empresa permite como máximo {max} llamadas o visitas por semana a clientes empresa.");
            }

            return null;
        }

        if (s.Etapa == EtapasCobranza.Judicial)
            return (ReglasLey21320.EtapaJudicial, "El cliente está en etapa judicial: la Ley 21.320 prohíbe la cobranza extrajudicial mientras dure el juicio.");
        var local = TimeZoneInfo.ConvertTime(momento, FechaNegocio.Santiago);
        var dia = DateOnly.FromDateTime(local.DateTime);
        if (local.DayOfWeek == DayOfWeek.Sunday)
            return (ReglasLey21320.Domingo, "La Ley 21.320 no permite contactar a un consumidor en día domingo.");
        if (await calendario.FeriadoAsync(dia, s.Cliente.Region, ct) is { } feriado)
            return (ReglasLey21320.Feriado, $"La Ley 21.320 no permite contactar a un consumidor en día feriado ({feriado.Nombre}).");
        var hora = TimeOnly.FromDateTime(local.DateTime);
        if (hora < HoraInicio || hora > HoraFin)
            return (ReglasLey21320.Horario, "La Ley 21.320 solo permite contactar a un consumidor de lunes a sábado entre las 08:00 y las 20:00.");
        if (!escrito && SobreLimite(mismos, momento, 1))
            return (ReglasLey21320.LlamadasSemana, "La Ley 21.320 permite como máximo una llamada o visita por semana a un consumidor.");
        if (escrito && SobreLimite(mismos, momento, 2))
            return (ReglasLey21320.EscritosSemana, "La Ley 21.320 permite como máximo dos comunicaciones escritas por semana a un consumidor.");
        if (escrito && mismos.Any(f => (f - momento).Duration() < IntervaloEscritos))
            return (ReglasLey21320.EscritosIntervalo, "La Ley 21.320 exige al menos dos días entre comunicaciones escritas a un consumidor.");
        return null;
    }

    /// <summary>Whether a contact at <paramref name="momento"/> would make more than <paramref name="maximo"/> in a rolling 7 days, looking back and forward (activities may be logged late).</summary>
    private static bool SobreLimite(List<DateTimeOffset> fechas, DateTimeOffset momento, int maximo) =>
        fechas.Count(f => f <= momento && f > momento - Semana) >= maximo || fechas.Count(f => f >= momento && f < momento + Semana) >= maximo;

    private async Task<DateTimeOffset?> SiguienteAsync(Situacion s, string canal, DateTimeOffset desde, CancellationToken ct)
    {
        var momento = desde;
        var escrito = !EsLlamadaOVisita(canal);
        var mismos = s.Contactos.Where(c => EsLlamadaOVisita(c.Canal) != escrito).Select(c => c.Fecha).OrderByDescending(f => f).ToList();
        for (var i = 0; i < 100; i++)
        {
            var regla = await ReglaAsync(s, canal, momento, ct);
            if (regla is null)
                return momento;
            DateTimeOffset siguiente;
            switch (regla.Value.Regla)
            {
                case ReglasLey21320.EtapaJudicial:
                    return null;
                case ReglasLey21320.Domingo or ReglasLey21320.Feriado or ReglasLey21320.Horario:
                    siguiente = ProximaApertura(momento);
                    break;
                case ReglasLey21320.EscritosIntervalo:
                    siguiente = mismos.Where(f => (f - momento).Duration() < IntervaloEscritos).Max() + IntervaloEscritos;
                    break;
                default:
                    // The window frees up 7 days after the contact that keeps the count at its maximum.
                    var maximo = regla.Value.Regla switch
                    {
                        ReglasLey21320.LlamadasSemana => 1,
                        ReglasLey21320.EscritosSemana => 2,
                        ReglasLey21320.EmpresaLlamadasSemana => s.Configuracion.MaxLlamadasSemanaEmpresas ?? 1,
                        _ => s.Configuracion.MaxEscritosSemanaEmpresas ?? 1,
                    };
                    var atras = mismos.Where(f => f <= momento && f > momento - Semana).ToList();
                    siguiente = atras.Count >= maximo ? atras[maximo - 1] + Semana : mismos.Where(f => f >= momento && f < momento + Semana).Max() + Semana;
                    break;
            }

            momento = siguiente > momento ? siguiente : momento + TimeSpan.FromMinutes(1);
        }

        return null;
    }

    /// <summary>The next 08:00 in Santiago after the moment (the same day if it is before 08:00); the caller re-checks Sundays and holidays.</summary>
    private static DateTimeOffset ProximaApertura(DateTimeOffset momento)
    {
        var local = TimeZoneInfo.ConvertTime(momento, FechaNegocio.Santiago);
        var dia = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) >= HoraInicio)
            dia = dia.AddDays(1);
        var apertura = dia.ToDateTime(HoraInicio);
        return new DateTimeOffset(apertura, FechaNegocio.Santiago.GetUtcOffset(apertura));
    }
}

public sealed record EstadoReglasContacto(bool Permitido, string? Regla, string? Mensaje, DateTimeOffset? SiguientePermitido, bool Consumidor);

/// <summary>Whether the client may be contacted now on a channel, for the SPA to warn before the collector dials.</summary>
public sealed record ConsultarReglasContacto(Guid ClienteId, string Canal) : IRequest<EstadoReglasContacto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/reglas-contacto/{clienteId:guid}", async Task<Ok<EstadoReglasContacto>> (Guid clienteId, string? canal, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ConsultarReglasContacto(clienteId, canal ?? CanalesContacto.Telefono), ct)))
        .WithName("ConsultarReglasContacto").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class ConsultarReglasContactoValidator : AbstractValidator<ConsultarReglasContacto>
{
    public ConsultarReglasContactoValidator() => RuleFor(x => x.Canal).Must(c => CanalesContacto.Todos.Contains(c)).WithErrorCode("valor_invalido")
        .WithMessage($"El canal debe ser uno de: {string.Join(", ", CanalesContacto.Todos)}.");
}

public sealed class ConsultarReglasContactoHandler(AlcanceGestion alcance, ReglasContacto reglas, TimeProvider reloj) : IRequestHandler<ConsultarReglasContacto, EstadoReglasContacto>
{
    public async ValueTask<EstadoReglasContacto> Handle(ConsultarReglasContacto request, CancellationToken cancellationToken)
    {
        var cliente = await alcance.ClienteAsync(request.ClienteId, cancellationToken);
        var bloqueo = await reglas.EvaluarAsync(request.ClienteId, request.Canal, reloj.GetUtcNow(), cancellationToken);
        return new EstadoReglasContacto(bloqueo is null, bloqueo?.Regla, bloqueo?.Mensaje, bloqueo?.SiguientePermitido, cliente.Consumidor);
    }
}
