using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Plantillas;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Notificaciones.Definiciones;

/// <summary>Who receives a definition's mails: client groups, contact groups, or a filter, and the contact roles.</summary>
public sealed record FiltroDestinatarios(
    IReadOnlyList<Guid>? GrupoClienteIds = null, IReadOnlyList<Guid>? GrupoContactoIds = null, IReadOnlyList<string>? Segmentos = null,
    IReadOnlyList<string>? Etapas = null, IReadOnlyList<Guid>? CobradorIds = null, decimal? MontoVencidoMinimo = null, IReadOnlyList<string>? RolesContacto = null);

public sealed record DatosDefinicion(
    string Tipo, string Asunto, string? Descripcion, bool IncluirCuentas, IReadOnlyList<Guid>? CuentaIds, string Frecuencia, IReadOnlyList<int>? DiasSemana,
    int? DiaMes, TimeOnly Hora, int? DiasAntes, int? DiasVencidoMinimo, string? Modo, FiltroDestinatarios? Destinatarios, string Plantilla, string? Firma,
    string? ResponderA);

public sealed record DefinicionDto(
    Guid Id, string Tipo, string Asunto, string? Descripcion, bool Activa, bool IncluirCuentas, IReadOnlyList<Guid> CuentaIds, string Frecuencia,
    IReadOnlyList<int> DiasSemana, int? DiaMes, TimeOnly Hora, int? DiasAntes, int? DiasVencidoMinimo, string Modo, FiltroDestinatarios Destinatarios,
    string Plantilla, string? Firma, string? ResponderA, bool TieneLogo, string? Programacion, DateTimeOffset Creada, DateTimeOffset Actualizada);

public static class RolesContactoNotificacion
{
    /// <summary>The contact roles of Clientes (kept in step with <c>RolesContacto.Todos</c> there).</summary>
    public static readonly string[] Todos = ["cobranza", "pagos", "comercial", "legal"];
}

public sealed class ReglasDefinicion : AbstractValidator<DatosDefinicion>
{
    public const int MaximoElementos = 100;

    public ReglasDefinicion()
    {
        RuleFor(x => x.Tipo).NotEmpty().WithMessage("Indique el tipo de notificación.")
            .Must(t => TiposDefinicion.Todos.Contains(t)).WithMessage($"El tipo debe ser uno de: {string.Join(", ", TiposDefinicion.Todos)}.");
        RuleFor(x => x.Asunto).NotEmpty().WithMessage("Indique el asunto.").MaximumLength(LargosNotificaciones.Asunto)
            .Custom((a, ctx) => Plantilla(a, ctx, "asunto"));
        RuleFor(x => x.Descripcion).MaximumLength(LargosNotificaciones.Descripcion);
        RuleFor(x => x.CuentaIds).Must(c => c is null || c.Count <= 20).WithMessage("Elija a lo más 20 cuentas.")
            .Must(c => c is null || c.All(i => i != Guid.Empty)).WithMessage("Las cuentas deben ser ids válidos.");
        RuleFor(x => x.Frecuencia).NotEmpty().WithMessage("Indique la frecuencia.")
            .Must(f => FrecuenciasDefinicion.Todas.Contains(f)).WithMessage($"La frecuencia debe ser una de: {string.Join(", ", FrecuenciasDefinicion.Todas)}.");
        RuleFor(x => x.DiasSemana).Must(d => d is { Count: > 0 }).WithMessage("Elija al menos un día de la semana para una notificación semanal.")
            .When(x => x.Frecuencia == FrecuenciasDefinicion.Semanal);
        RuleFor(x => x.DiasSemana).Must(d => d is null || (d.All(x => x is >= 1 and <= 7) && d.Distinct().Count() == d.Count))
            .WithMessage("Los días de la semana van de 1 (lunes) a 7 (domingo), sin repetir.");
        RuleFor(x => x.DiaMes).NotNull().WithMessage("Indique el día del mes para una notificación mensual.").When(x => x.Frecuencia == FrecuenciasDefinicion.Mensual);
        RuleFor(x => x.DiaMes).Must(d => d is null or (>= 1 and <= 28) or 31).WithMessage("El día del mes va de 1 a 28, o 31 para el último día.");
        RuleFor(x => x.Hora).Must(h => h.Second == 0 && h.Millisecond == 0 && h.Minute % 5 == 0).WithMessage("La hora va en minutos múltiplos de 5 (por ejemplo 09:30).");
        RuleFor(x => x.DiasAntes).NotNull().WithMessage("Indique cuántos días antes del vencimiento se envía el recordatorio.")
            .When(x => x.Tipo == TiposDefinicion.RecordatorioPreventivo);
        RuleFor(x => x.DiasAntes).InclusiveBetween(1, 90).WithMessage("Los días antes del vencimiento van de 1 a 90.");
        RuleFor(x => x.DiasAntes).Null().WithMessage("Los días antes del vencimiento solo se usan en un recordatorio preventivo.")
            .When(x => x.Tipo != TiposDefinicion.RecordatorioPreventivo);
        RuleFor(x => x.DiasVencidoMinimo).InclusiveBetween(0, 3650).WithMessage("Los días de atraso mínimos van de 0 a 3650.");
        RuleFor(x => x.Modo).Must(m => m is null || ModosDefinicion.Todos.Contains(m)).WithMessage($"El modo debe ser uno de: {string.Join(", ", ModosDefinicion.Todos)}.");
        RuleFor(x => x.Destinatarios).SetValidator(new ReglasDestinatarios()!).When(x => x.Destinatarios is not null);
        RuleFor(x => x.Plantilla).NotEmpty().WithMessage("Escriba el mensaje.").MaximumLength(MotorPlantillas.LargoMaximoFuente)
            .Custom((p, ctx) => Plantilla(p, ctx, "plantilla"));
        RuleFor(x => x.Firma).MaximumLength(LargosNotificaciones.Firma);
        RuleFor(x => x.ResponderA).EmailAddress().WithMessage("La dirección de respuesta no es un correo válido.").MaximumLength(LargosNotificaciones.Email)
            .When(x => !string.IsNullOrEmpty(x.ResponderA));
    }

    /// <summary>A template that does not parse is refused at its field with the first error's line and column.</summary>
    private static void Plantilla(string? fuente, ValidationContext<DatosDefinicion> ctx, string campo)
    {
        if (string.IsNullOrEmpty(fuente) || fuente.Length > MotorPlantillas.LargoMaximoFuente)
            return;
        foreach (var e in MotorPlantillas.Validar(fuente).Take(3))
            ctx.AddFailure(ctx.PropertyPath, MensajeError(e, campo));
    }

    public static string MensajeError(ErrorPlantilla e, string campo) =>
        $"Error en {(campo == "asunto" ? "el asunto" : "la plantilla")}, línea {e.Linea}, columna {e.Columna}: {Traducir(e.Mensaje)}";

    private static string Traducir(string mensaje) => mensaje switch
    {
        _ when mensaje.Contains("end of", StringComparison.OrdinalIgnoreCase) || mensaje.Contains("missing", StringComparison.OrdinalIgnoreCase)
            => $"falta cerrar una expresión o un bloque ({mensaje})",
        _ when mensaje.Contains("Unexpected", StringComparison.OrdinalIgnoreCase) || mensaje.Contains("Invalid", StringComparison.OrdinalIgnoreCase)
            => $"expresión no válida ({mensaje})",
        _ => $"plantilla no válida ({mensaje})",
    };
}

public sealed class ReglasDestinatarios : AbstractValidator<FiltroDestinatarios>
{
    public ReglasDestinatarios()
    {
        RuleFor(x => x.GrupoClienteIds).Must(Ids).WithMessage($"Elija a lo más {ReglasDefinicion.MaximoElementos} grupos de clientes válidos.");
        RuleFor(x => x.GrupoContactoIds).Must(Ids).WithMessage($"Elija a lo más {ReglasDefinicion.MaximoElementos} grupos de contactos válidos.");
        RuleFor(x => x.CobradorIds).Must(Ids).WithMessage($"Elija a lo más {ReglasDefinicion.MaximoElementos} cobradores válidos.");
        RuleFor(x => x.Segmentos).Must(Textos).WithMessage($"Elija a lo más {ReglasDefinicion.MaximoElementos} segmentos, de hasta 50 caracteres.");
        RuleFor(x => x.Etapas).Must(Textos).WithMessage($"Elija a lo más {ReglasDefinicion.MaximoElementos} etapas, de hasta 50 caracteres.");
        RuleFor(x => x.MontoVencidoMinimo).GreaterThanOrEqualTo(0).WithMessage("El monto vencido mínimo no puede ser negativo.")
            .LessThan(1_000_000_000_000m).WithMessage("El monto vencido mínimo es demasiado grande.");
        RuleFor(x => x.RolesContacto).Must(r => r is null || (r.Count > 0 && r.All(x => RolesContactoNotificacion.Todos.Contains(x))))
            .WithMessage($"Los roles de contacto deben ser al menos uno de: {string.Join(", ", RolesContactoNotificacion.Todos)}.");
    }

    private static bool Ids(IReadOnlyList<Guid>? ids) => ids is null || (ids.Count <= ReglasDefinicion.MaximoElementos && ids.All(i => i != Guid.Empty));

    private static bool Textos(IReadOnlyList<string>? t) => t is null || (t.Count <= ReglasDefinicion.MaximoElementos && t.All(s => !string.IsNullOrWhiteSpace(s) && s.Length <= 50));
}

public sealed record ListarDefiniciones(bool? IncluirInactivas, string? Tipo) : IRequest<IReadOnlyList<DefinicionDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/notificaciones/definiciones", async Task<Ok<IReadOnlyList<DefinicionDto>>> ([AsParameters] ListarDefiniciones q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarDefiniciones").ProducesValidationProblem();
}

public sealed class ListarDefinicionesValidator : AbstractValidator<ListarDefiniciones>
{
    public ListarDefinicionesValidator() => RuleFor(x => x.Tipo).Must(t => t is null || TiposDefinicion.Todos.Contains(t))
        .WithMessage($"El tipo debe ser uno de: {string.Join(", ", TiposDefinicion.Todos)}.");
}

public sealed record ObtenerDefinicion(Guid Id) : IRequest<DefinicionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/notificaciones/definiciones/{id:guid}", async Task<Ok<DefinicionDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerDefinicion(id), ct)))
        .WithName("ObtenerDefinicion").ProducesProblem(404);
}

public sealed record CrearDefinicion(DatosDefinicion Cuerpo) : IRequest<DefinicionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/notificaciones/definiciones", async Task<Created<DefinicionDto>> (DatosDefinicion body, IMediator m, CancellationToken ct) =>
        {
            var r = await m.Send(new CrearDefinicion(body), ct);
            return TypedResults.Created($"/api/v1/notificaciones/definiciones/{r.Id}", r);
        })
        .WithName("CrearDefinicion").ProducesValidationProblem().ProducesProblem(422);
}

public sealed class CrearDefinicionValidator : AbstractValidator<CrearDefinicion>
{
    public CrearDefinicionValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasDefinicion());
}

public sealed record ActualizarDefinicion(Guid Id, DatosDefinicion Cuerpo) : IRequest<DefinicionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPut("/notificaciones/definiciones/{id:guid}", async Task<Ok<DefinicionDto>> (Guid id, DatosDefinicion body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarDefinicion(id, body), ct)))
        .WithName("ActualizarDefinicion").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class ActualizarDefinicionValidator : AbstractValidator<ActualizarDefinicion>
{
    public ActualizarDefinicionValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasDefinicion());
}

public sealed record DesactivarDefinicion(Guid Id) : IRequest<DefinicionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/notificaciones/definiciones/{id:guid}/desactivar", async Task<Ok<DefinicionDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DesactivarDefinicion(id), ct)))
        .WithName("DesactivarDefinicion").ProducesProblem(404);
}

public sealed record ActivarDefinicion(Guid Id) : IRequest<DefinicionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/notificaciones/definiciones/{id:guid}/activar", async Task<Ok<DefinicionDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActivarDefinicion(id), ct)))
        .WithName("ActivarDefinicion").ProducesProblem(404);
}

public sealed record EliminarDefinicion(Guid Id) : IRequest
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapDelete("/notificaciones/definiciones/{id:guid}", async Task<NoContent> (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new EliminarDefinicion(id), ct);
            return TypedResults.NoContent();
        })
        .WithName("EliminarDefinicion").ProducesProblem(404).ProducesProblem(409);
}

/// <summary>Definitions: every change (re)schedules the definition's own trigger, after the commit.</summary>
public sealed class DefinicionesHandler(NotificacionesDbContext db, IMediator mediator, ProgramadorDefiniciones programador, TimeProvider reloj)
    : IRequestHandler<ListarDefiniciones, IReadOnlyList<DefinicionDto>>, IRequestHandler<ObtenerDefinicion, DefinicionDto>,
        IRequestHandler<CrearDefinicion, DefinicionDto>, IRequestHandler<ActualizarDefinicion, DefinicionDto>, IRequestHandler<DesactivarDefinicion, DefinicionDto>,
        IRequestHandler<ActivarDefinicion, DefinicionDto>, IRequestHandler<EliminarDefinicion>
{
    public async ValueTask<IReadOnlyList<DefinicionDto>> Handle(ListarDefiniciones request, CancellationToken cancellationToken) =>
        (await db.Definiciones.AsNoTracking().Where(d => (request.IncluirInactivas == true || d.Activa) && (request.Tipo == null || d.Tipo == request.Tipo))
            .OrderBy(d => d.Asunto).ThenBy(d => d.Id).ToListAsync(cancellationToken)).Select(Dto).ToList();

    public async ValueTask<DefinicionDto> Handle(ObtenerDefinicion request, CancellationToken cancellationToken) =>
        Dto(await CargarAsync(db, request.Id, cancellationToken));

    public async ValueTask<DefinicionDto> Handle(CrearDefinicion request, CancellationToken cancellationToken)
    {
        var ahora = reloj.GetUtcNow();
        var d = new DefinicionNotificacion { Tipo = "", Asunto = "", Plantilla = "", Creada = ahora };
        await CopiarAsync(d, request.Cuerpo, cancellationToken);
        db.Add(d);
        await db.SaveChangesAsync(cancellationToken);
        await programador.ProgramarAsync(d, cancellationToken);
        return Dto(d);
    }

    public async ValueTask<DefinicionDto> Handle(ActualizarDefinicion request, CancellationToken cancellationToken)
    {
        var d = await CargarAsync(db, request.Id, cancellationToken);
        await CopiarAsync(d, request.Cuerpo, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await programador.ProgramarAsync(d, cancellationToken);
        return Dto(d);
    }

    public async ValueTask<DefinicionDto> Handle(DesactivarDefinicion request, CancellationToken cancellationToken) => await ActivaAsync(request.Id, false, cancellationToken);

    public async ValueTask<DefinicionDto> Handle(ActivarDefinicion request, CancellationToken cancellationToken) => await ActivaAsync(request.Id, true, cancellationToken);

    public async ValueTask<Unit> Handle(EliminarDefinicion request, CancellationToken cancellationToken)
    {
        var d = await CargarAsync(db, request.Id, cancellationToken);
        if (await db.Envios.AnyAsync(e => e.DefinicionId == d.Id, cancellationToken))
            throw new ConflictoException("id", "La definición ya tiene envíos; desactívela en vez de eliminarla.");
        db.Remove(d);
        await db.SaveChangesAsync(cancellationToken);
        d.Activa = false;
        await programador.ProgramarAsync(d, cancellationToken);
        return Unit.Value;
    }

    private async Task<DefinicionDto> ActivaAsync(Guid id, bool activa, CancellationToken ct)
    {
        var d = await CargarAsync(db, id, ct);
        d.Activa = activa;
        d.Actualizada = reloj.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await programador.ProgramarAsync(d, ct);
        return Dto(d);
    }

    public static async Task<DefinicionNotificacion> CargarAsync(NotificacionesDbContext db, Guid id, CancellationToken ct) =>
        await db.Definiciones.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new NoEncontradoException("Definición", id);

    private async Task CopiarAsync(DefinicionNotificacion d, DatosDefinicion c, CancellationToken ct)
    {
        await ReferenciasAsync(db, mediator, c, ct);
        Copiar(d, c);
        d.Actualizada = reloj.GetUtcNow();
    }

    /// <summary>Every id in the body must be of the caller's company: accounts here, groups in Clientes, collectors in Gestión.</summary>
    public static async Task ReferenciasAsync(NotificacionesDbContext db, IMediator mediator, DatosDefinicion c, CancellationToken ct)
    {
        var cuentas = (c.CuentaIds ?? []).Distinct().ToList();
        if (cuentas.Count > 0 && await db.CuentasDeposito.CountAsync(x => cuentas.Contains(x.Id), ct) != cuentas.Count)
            throw new ReglaNegocioException("cuentaIds", "cuenta_inexistente", "Alguna de las cuentas de depósito no existe.");
        await ReferenciasAsync(mediator, c.Destinatarios, ct);
    }

    /// <summary>The groups and collectors a recipients filter names must be of the caller's company (422 at the field otherwise).</summary>
    public static async Task ReferenciasAsync(IMediator mediator, FiltroDestinatarios? destinatarios, CancellationToken ct)
    {
        var f = destinatarios ?? new FiltroDestinatarios();
        var gc = (f.GrupoClienteIds ?? []).Distinct().ToList();
        var gk = (f.GrupoContactoIds ?? []).Distinct().ToList();
        if (gc.Count + gk.Count > 0)
        {
            var existentes = await mediator.Send(new GruposExistentes(gc, gk), ct);
            if (gc.Any(g => !existentes.Contains(g)))
                throw new ReglaNegocioException("destinatarios.grupoClienteIds", "grupo_inexistente", "Alguno de los grupos de clientes no existe.");
            if (gk.Any(g => !existentes.Contains(g)))
                throw new ReglaNegocioException("destinatarios.grupoContactoIds", "grupo_inexistente", "Alguno de los grupos de contactos no existe.");
        }

        var cobradores = (f.CobradorIds ?? []).Distinct().ToList();
        if (cobradores.Count > 0 && (await mediator.Send(new CobradoresExistentes(cobradores), ct)).Count != cobradores.Count)
            throw new ReglaNegocioException("destinatarios.cobradorIds", "cobrador_inexistente", "Alguno de los cobradores no existe.");
    }

    public static void Copiar(DefinicionNotificacion d, DatosDefinicion c)
    {
        var f = c.Destinatarios ?? new FiltroDestinatarios();
        d.Tipo = c.Tipo;
        d.Asunto = c.Asunto.Trim();
        d.Descripcion = string.IsNullOrWhiteSpace(c.Descripcion) ? null : c.Descripcion.Trim();
        d.IncluirCuentas = c.IncluirCuentas;
        d.CuentaIds = (c.CuentaIds ?? []).Distinct().ToList();
        d.Frecuencia = c.Frecuencia;
        d.DiasSemana = c.Frecuencia == FrecuenciasDefinicion.Semanal ? (c.DiasSemana ?? []).Distinct().Order().ToList() : [];
        d.DiaMes = c.Frecuencia == FrecuenciasDefinicion.Mensual ? c.DiaMes : null;
        d.Hora = c.Hora;
        d.DiasAntes = c.DiasAntes;
        d.DiasVencidoMinimo = c.DiasVencidoMinimo;
        d.Modo = c.Modo ?? ModosDefinicion.PorCliente;
        d.GruposClientes = (f.GrupoClienteIds ?? []).Distinct().ToList();
        d.GruposContactos = (f.GrupoContactoIds ?? []).Distinct().ToList();
        d.Segmentos = (f.Segmentos ?? []).Select(s => s.Trim()).Distinct().ToList();
        d.Etapas = (f.Etapas ?? []).Select(s => s.Trim()).Distinct().ToList();
        d.CobradorIds = (f.CobradorIds ?? []).Distinct().ToList();
        d.MontoVencidoMinimo = f.MontoVencidoMinimo;
        d.RolesContacto = f.RolesContacto is { Count: > 0 } r ? r.Distinct().ToList() : ["cobranza", "pagos"];
        d.Plantilla = c.Plantilla;
        d.Firma = string.IsNullOrWhiteSpace(c.Firma) ? null : c.Firma.Trim();
        d.ResponderA = string.IsNullOrWhiteSpace(c.ResponderA) ? null : c.ResponderA.Trim();
    }

    public static DefinicionDto Dto(DefinicionNotificacion d) => new(
        d.Id, d.Tipo, d.Asunto, d.Descripcion, d.Activa, d.IncluirCuentas, d.CuentaIds, d.Frecuencia, d.DiasSemana, d.DiaMes, d.Hora, d.DiasAntes, d.DiasVencidoMinimo, d.Modo,
        new FiltroDestinatarios(d.GruposClientes, d.GruposContactos, d.Segmentos, d.Etapas, d.CobradorIds, d.MontoVencidoMinimo, d.RolesContacto),
        d.Plantilla, d.Firma, d.ResponderA, d.LogoClave is not null, CronDefinicion.Expresion(d), d.Creada, d.Actualizada);
}
