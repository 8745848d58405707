using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Notificaciones.Seguimiento;

public sealed record EnvioListaDto(
    Guid Id, Guid? DefinicionId, string? Definicion, Guid ClienteId, string? ClienteRut, string? ClienteNombre, string Asunto, IReadOnlyList<string> Para, string Origen,
    DateOnly FechaNegocio, string Estado, string? Detalle, DateTimeOffset Creado, DateTimeOffset? Enviado, DateTimeOffset? Abierto, bool AperturaProbableAutomatica,
    DateTimeOffset? Clic, DateTimeOffset? Rebotado, DateTimeOffset? Respondido);

public sealed record EventoEnvioDto(Guid Id, string Tipo, DateTimeOffset Fecha, string? Detalle);

public sealed record RespuestaCorreoDto(
    Guid Id, Guid EnvioId, Guid ClienteId, string Tipo, string De, string Asunto, string Texto, DateTimeOffset Fecha, string? Motivo, bool AcuseEnviado);

public sealed record EnvioDetalleDto(
    EnvioListaDto Envio, string Html, string? Texto, string? ResponderA, string MessageId, int Intentos, IReadOnlyList<EventoEnvioDto> Eventos,
    IReadOnlyList<RespuestaCorreoDto> Respuestas);

public sealed record ResumenDefinicionDto(
    Guid? DefinicionId, string Definicion, int Total, int Enviados, int Fallidos, int Rebotados, int Omitidos, int Pendientes, int Abiertos, int Clics, int Respondidos);

public sealed record ResumenEnviosDto(DateOnly Desde, DateOnly Hasta, IReadOnlyList<ResumenDefinicionDto> Definiciones);

/// <summary>The caller's view of the log: a Cobrador user sees only the messages of its clients (Gestión's scope).</summary>
public static class AlcanceBitacora
{
    public static async Task<IQueryable<Envio>> EnviosVisiblesAsync(NotificacionesDbContext db, IMediator mediator, CancellationToken ct)
    {
        IQueryable<Envio> q = db.Envios.AsNoTracking();
        if (await mediator.Send(new ClientesVisiblesCorreo(), ct) is { } visibles)
        {
            var ids = visibles.ToList();
            q = q.Where(e => ids.Contains(e.ClienteId));
        }

        return q;
    }

    public static async Task<List<EnvioListaDto>> ProyectarAsync(NotificacionesDbContext db, IMediator mediator, IReadOnlyList<Envio> envios, CancellationToken ct)
    {
        var definicionIds = envios.Where(e => e.DefinicionId != null).Select(e => e.DefinicionId!.Value).Distinct().ToList();
        var definiciones = await db.Definiciones.AsNoTracking().Where(d => definicionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Descripcion ?? d.Asunto, ct);
        var clientes = (await mediator.Send(new BuscarClientes(envios.Select(e => e.ClienteId).Distinct().ToList(), []), ct)).ToDictionary(c => c.Id);
        return envios.Select(e =>
        {
            var c = clientes.GetValueOrDefault(e.ClienteId);
            return new EnvioListaDto(e.Id, e.DefinicionId, e.DefinicionId is { } d ? definiciones.GetValueOrDefault(d) : null, e.ClienteId, c?.Rut, c?.RazonSocial, e.Asunto,
                e.Para, e.Origen, e.FechaNegocio, e.Estado, e.Detalle, e.Creado, e.Enviado, e.Abierto, e.AperturaProbableAutomatica, e.Clic, e.Rebotado, e.Respondido);
        }).ToList();
    }

    public static RespuestaCorreoDto Dto(RespuestaCorreo r) => new(r.Id, r.EnvioId, r.ClienteId, r.Tipo, r.De, r.Asunto, r.Texto, r.Fecha, r.Motivo, r.AcuseEnviado);
}

public sealed record ListarEnvios(
    Guid? DefinicionId, Guid? ClienteId, string? Estado, DateOnly? Desde, DateOnly? Hasta, bool? Abierto, bool? Clic, bool? Respondido, bool? Rebotado, int? Pagina,
    int? TamanoPagina) : IRequest<Pagina<EnvioListaDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/notificaciones/envios", async Task<Ok<Pagina<EnvioListaDto>>> (
                Guid? definicionId, Guid? clienteId, string? estado, DateOnly? desde, DateOnly? hasta, bool? abierto, bool? clic, bool? respondido, bool? rebotado,
                int? pagina, int? tamanoPagina, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarEnvios(definicionId, clienteId, estado, desde, hasta, abierto, clic, respondido, rebotado, pagina, tamanoPagina), ct)))
        .WithName("ListarEnvios").WithSummary("Bitácora de envíos (filtros por definición, cliente, estado, fechas, abiertos, clics, respuestas y rebotes)")
        .ProducesValidationProblem();
}

public sealed class ListarEnviosValidator : AbstractValidator<ListarEnvios>
{
    public ListarEnviosValidator()
    {
        RuleFor(x => x.Estado).Must(e => EstadosEnvio.Todos.Contains(e)).When(x => x.Estado is not null)
            .WithMessage($"El estado debe ser uno de: {string.Join(", ", EstadosEnvio.Todos)}.");
        RuleFor(x => x.Hasta).GreaterThanOrEqualTo(x => x.Desde).When(x => x.Desde is not null && x.Hasta is not null)
            .WithMessage("«hasta» no puede ser anterior a «desde».");
    }
}

public sealed class ListarEnviosHandler(NotificacionesDbContext db, IMediator mediator) : IRequestHandler<ListarEnvios, Pagina<EnvioListaDto>>
{
    public async ValueTask<Pagina<EnvioListaDto>> Handle(ListarEnvios r, CancellationToken ct)
    {
        var q = await AlcanceBitacora.EnviosVisiblesAsync(db, mediator, ct);
        if (r.DefinicionId is { } definicion)
            q = q.Where(e => e.DefinicionId == definicion);
        if (r.ClienteId is { } cliente)
            q = q.Where(e => e.ClienteId == cliente);
        if (r.Estado is { } estado)
            q = q.Where(e => e.Estado == estado);
        if (r.Desde is { } desde)
            q = q.Where(e => e.FechaNegocio >= desde);
        if (r.Hasta is { } hasta)
            q = q.Where(e => e.FechaNegocio <= hasta);
        if (r.Abierto is { } abierto)
            q = q.Where(e => (e.Abierto != null) == abierto);
        if (r.Clic is { } clic)
            q = q.Where(e => (e.Clic != null) == clic);
        if (r.Respondido is { } respondido)
            q = q.Where(e => (e.Respondido != null) == respondido);
        if (r.Rebotado is { } rebotado)
            q = q.Where(e => (e.Rebotado != null) == rebotado);

        var total = await q.CountAsync(ct);
        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(r.Pagina, r.TamanoPagina);
        var filas = await q.OrderByDescending(e => e.Creado).ThenByDescending(e => e.Id).Skip(saltar).Take(tomar).ToListAsync(ct);
        return new Pagina<EnvioListaDto>(await AlcanceBitacora.ProyectarAsync(db, mediator, filas, ct), total, pagina, tamano);
    }
}

public sealed record ObtenerEnvio(Guid Id) : IRequest<EnvioDetalleDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/notificaciones/envios/{id:guid}", async Task<Ok<EnvioDetalleDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerEnvio(id), ct)))
        .WithName("ObtenerEnvio").WithSummary("El mensaje tal como se envió, con sus eventos y respuestas").ProducesProblem(404);
}

public sealed class ObtenerEnvioHandler(NotificacionesDbContext db, IMediator mediator) : IRequestHandler<ObtenerEnvio, EnvioDetalleDto>
{
    public async ValueTask<EnvioDetalleDto> Handle(ObtenerEnvio r, CancellationToken ct)
    {
        var envio = await (await AlcanceBitacora.EnviosVisiblesAsync(db, mediator, ct)).SingleOrDefaultAsync(e => e.Id == r.Id, ct)
            ?? throw new NoEncontradoException("Envío", r.Id);
        var eventos = await db.Eventos.AsNoTracking().Where(e => e.EnvioId == envio.Id).OrderBy(e => e.Fecha).ThenBy(e => e.Id)
            .Select(e => new EventoEnvioDto(e.Id, e.Tipo, e.Fecha, e.Detalle)).ToListAsync(ct);
        var respuestas = await db.Set<RespuestaCorreo>().AsNoTracking().Where(x => x.EnvioId == envio.Id).OrderBy(x => x.Fecha).ToListAsync(ct);
        var lista = (await AlcanceBitacora.ProyectarAsync(db, mediator, [envio], ct))[0];
        return new EnvioDetalleDto(lista, envio.Html, envio.Texto, envio.ResponderA, envio.MessageId, envio.Intentos, eventos, respuestas.Select(AlcanceBitacora.Dto).ToList());
    }
}

public sealed record ResumenEnvios(DateOnly? Desde, DateOnly? Hasta) : IRequest<ResumenEnviosDto>
{
    public const int DiasPorOmision = 30;

    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/notificaciones/envios/resumen", async Task<Ok<ResumenEnviosDto>> (
                DateOnly? desde, DateOnly? hasta, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ResumenEnvios(desde, hasta), ct)))
        .WithName("ResumenEnvios").WithSummary("Cifras por definición en un rango de fechas (por omisión, los últimos 30 días)").ProducesValidationProblem();
}

public sealed class ResumenEnviosValidator : AbstractValidator<ResumenEnvios>
{
    public ResumenEnviosValidator() => RuleFor(x => x.Hasta).GreaterThanOrEqualTo(x => x.Desde).When(x => x.Desde is not null && x.Hasta is not null)
        .WithMessage("«hasta» no puede ser anterior a «desde».");
}

public sealed class ResumenEnviosHandler(NotificacionesDbContext db, IMediator mediator, TimeProvider reloj) : IRequestHandler<ResumenEnvios, ResumenEnviosDto>
{
    public async ValueTask<ResumenEnviosDto> Handle(ResumenEnvios r, CancellationToken ct)
    {
        var hasta = r.Hasta ?? (r.Desde is { } d && d > FechaNegocio.Hoy(reloj) ? d : FechaNegocio.Hoy(reloj));
        var desde = r.Desde ?? (hasta.DayNumber >= ResumenEnvios.DiasPorOmision ? hasta.AddDays(1 - ResumenEnvios.DiasPorOmision) : DateOnly.MinValue);
        var q = (await AlcanceBitacora.EnviosVisiblesAsync(db, mediator, ct)).Where(e => e.FechaNegocio >= desde && e.FechaNegocio <= hasta);
        var filas = await q.GroupBy(e => e.DefinicionId).Select(g => new
        {
            DefinicionId = g.Key,
            Total = g.Count(),
            Enviados = g.Count(e => e.Enviado != null),
            Fallidos = g.Count(e => e.Estado == EstadosEnvio.Fallido),
            Rebotados = g.Count(e => e.Rebotado != null),
            Omitidos = g.Count(e => e.Estado == EstadosEnvio.Omitido),
            Pendientes = g.Count(e => e.Estado == EstadosEnvio.Pendiente),
            Abiertos = g.Count(e => e.Abierto != null),
            Clics = g.Count(e => e.Clic != null),
            Respondidos = g.Count(e => e.Respondido != null),
        }).ToListAsync(ct);
        var ids = filas.Where(f => f.DefinicionId != null).Select(f => f.DefinicionId!.Value).ToList();
        var nombres = await db.Definiciones.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Descripcion ?? x.Asunto, ct);
        return new ResumenEnviosDto(desde, hasta, filas
            .Select(f => new ResumenDefinicionDto(f.DefinicionId, f.DefinicionId is { } id ? nombres.GetValueOrDefault(id, "") : "Sin definición (pruebas y política)",
                f.Total, f.Enviados, f.Fallidos, f.Rebotados, f.Omitidos, f.Pendientes, f.Abiertos, f.Clics, f.Respondidos))
            .OrderByDescending(f => f.Total).ThenBy(f => f.Definicion, StringComparer.Ordinal).ToList());
    }
}

public sealed record ObtenerRespuestaCorreo(Guid Id) : IRequest<RespuestaCorreoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/notificaciones/respuestas/{id:guid}", async Task<Ok<RespuestaCorreoDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerRespuestaCorreo(id), ct)))
        .WithName("ObtenerRespuestaCorreo").WithSummary("Una respuesta recibida (texto, remitente y su envío)").ProducesProblem(404);
}

public sealed class ObtenerRespuestaCorreoHandler(NotificacionesDbContext db, IMediator mediator) : IRequestHandler<ObtenerRespuestaCorreo, RespuestaCorreoDto>
{
    public async ValueTask<RespuestaCorreoDto> Handle(ObtenerRespuestaCorreo r, CancellationToken ct)
    {
        var respuesta = await db.Set<RespuestaCorreo>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == r.Id, ct) ?? throw new NoEncontradoException("Respuesta", r.Id);
        if (await mediator.Send(new ClientesVisiblesCorreo(), ct) is { } visibles && !visibles.Contains(respuesta.ClienteId))
            throw new NoEncontradoException("Respuesta", r.Id);
        return AlcanceBitacora.Dto(respuesta);
    }
}
