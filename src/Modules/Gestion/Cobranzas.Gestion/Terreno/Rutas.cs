using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Terreno;

public sealed record ParadaDto(
    Guid Id, int Orden, Guid ClienteId, string RazonSocial, string? Direccion, string? Comuna, double? Latitud, double? Longitud, string OrigenUbicacion,
    decimal Saldo, decimal Vencido, string Estado, DateTimeOffset? LlegadaEn, double? LlegadaLatitud, double? LlegadaLongitud, double? LlegadaPrecision,
    Guid? ActividadId, string? Resultado, string? Notas, DateTimeOffset? InformadaEn);

public sealed record RutaDto(
    Guid Id, Guid CobradorId, string Cobrador, DateOnly Fecha, double? InicioLatitud, double? InicioLongitud, double DistanciaKm, int Visitadas,
    IReadOnlyList<ParadaDto> Paradas, string CreadaPor, DateTimeOffset Creada, DateTimeOffset Actualizada);

public sealed record ResumenRutaDto(Guid Id, Guid CobradorId, string Cobrador, DateOnly Fecha, int Paradas, int Visitadas);

public sealed record DatosRuta(
    Guid CobradorId, DateOnly Fecha, double? InicioLatitud, double? InicioLongitud, IReadOnlyList<Guid> ClienteIds,
    [property: System.ComponentModel.Description("true (por omisión): ordena por vecino más cercano + 2-opt desde el inicio; false: en el orden dado.")] bool? Optimizar = null);

public sealed record DatosOrdenRuta(double? InicioLatitud, double? InicioLongitud, IReadOnlyList<Guid> ClienteIds);

public sealed record DatosRecorrido(double? InicioLatitud, double? InicioLongitud, IReadOnlyList<Guid> ClienteIds);

public sealed record PuntoRecorridoDto(int Orden, Guid ClienteId, string RazonSocial, string? Direccion, string? Comuna, double? Latitud, double? Longitud, string OrigenUbicacion);

public sealed record RecorridoDto(double DistanciaKm, IReadOnlyList<PuntoRecorridoDto> Puntos);

public static class ReglasTerreno
{
    public static void Inicio<T>(AbstractValidator<T> v, Func<T, double?> lat, Func<T, double?> lon)
    {
        v.RuleFor(x => lat(x)).InclusiveBetween(-90, 90).OverridePropertyName("inicioLatitud");
        v.RuleFor(x => lon(x)).InclusiveBetween(-180, 180).OverridePropertyName("inicioLongitud");
        v.RuleFor(x => lat(x)).NotNull().When(x => lon(x) is not null).OverridePropertyName("inicioLatitud").WithErrorCode("requerido")
            .WithMessage("Indique la latitud de inicio junto con la longitud.");
        v.RuleFor(x => lon(x)).NotNull().When(x => lat(x) is not null).OverridePropertyName("inicioLongitud").WithErrorCode("requerido")
            .WithMessage("Indique la longitud de inicio junto con la latitud.");
    }

    public static void Clientes<T>(AbstractValidator<T> v, Func<T, IReadOnlyList<Guid>?> ids)
    {
        v.RuleFor(x => ids(x)).Cascade(CascadeMode.Stop).NotNull().OverridePropertyName("clienteIds").WithMessage("Indique los clientes a visitar.")
            .Must(l => l!.Count <= LargosTerreno.ParadasMaximas).OverridePropertyName("clienteIds").WithErrorCode("rango")
            .WithMessage($"Una ruta tiene a lo más {LargosTerreno.ParadasMaximas} visitas.")
            .Must(l => l!.Distinct().Count() == l!.Count).OverridePropertyName("clienteIds").WithErrorCode("repetido")
            .WithMessage("Un cliente aparece dos veces en la ruta.");
        v.RuleForEach(x => ids(x)).NotEmpty().OverridePropertyName("clienteIds");
    }

    public static (double, double)? Punto(double? lat, double? lon) => lat is { } a && lon is { } b ? (a, b) : null;
}

/// <summary>What a route's clients look like for planning: each client of the company with its location (unknown ids: 422).</summary>
public sealed class UbicacionesRuta(IMediator mediator)
{
    public async Task<Dictionary<Guid, UbicacionCliente>> CargarAsync(IReadOnlyCollection<Guid> clienteIds, CancellationToken ct)
    {
        var ubicaciones = (await mediator.Send(new UbicarClientes(clienteIds), ct)).ToDictionary(u => u.ClienteId);
        if (clienteIds.FirstOrDefault(id => !ubicaciones.ContainsKey(id)) is var falta && falta != Guid.Empty)
            throw new ReglaNegocioException("clienteIds", "cliente_inexistente", $"El cliente {falta} no existe en la empresa.");
        return ubicaciones;
    }

    /// <summary>The clients in visiting order: optimised over those with a location; those without one go last, by id.</summary>
    public static List<Guid> Ordenar((double Lat, double Lon)? inicio, IReadOnlyCollection<Guid> clienteIds, IReadOnlyDictionary<Guid, UbicacionCliente> ubicaciones)
    {
        var puntos = clienteIds.Select(id => ubicaciones[id]).Where(u => u.Latitud is not null && u.Longitud is not null)
            .Select(u => new PuntoRecorrido(u.ClienteId, u.Latitud!.Value, u.Longitud!.Value)).ToList();
        var orden = Recorrido.Optimizar(inicio, puntos).Select(p => p.Id).ToList();
        orden.AddRange(clienteIds.Where(id => !orden.Contains(id)).OrderBy(id => id));
        return orden;
    }

    public static double Distancia((double Lat, double Lon)? inicio, IEnumerable<Guid> orden, IReadOnlyDictionary<Guid, UbicacionCliente> ubicaciones) =>
        Recorrido.LargoKm(inicio, orden.Select(id => ubicaciones.GetValueOrDefault(id)).Where(u => u?.Latitud is not null && u.Longitud is not null)
            .Select(u => new PuntoRecorrido(u!.ClienteId, u.Latitud!.Value, u.Longitud!.Value)).ToList());
}

/// <summary>Who may plan and work a route: supervisors any collector's, a collector only its own (another's does not exist for it).</summary>
public sealed class AccesoRutas(GestionDbContext db, AlcanceGestion alcance)
{
    public async Task<Cobrador> CobradorAsync(Guid cobradorId, CancellationToken ct)
    {
        var restringido = await alcance.CobradorRestringidoAsync(ct);
        var cobrador = await db.Cobradores.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cobradorId, ct);
        if (cobrador is null || (restringido is { } propio && propio != cobradorId))
            throw new NoEncontradoException("Cobrador", cobradorId);
        if (!cobrador.Activo)
            throw new ReglaNegocioException("cobradorId", "cobrador_inactivo", $"El cobrador «{cobrador.Nombre}» está desactivado.");
        return cobrador;
    }

    public async Task<RutaTerreno> RutaAsync(Guid rutaId, bool seguir, CancellationToken ct)
    {
        var q = db.Set<RutaTerreno>().Include(r => r.Paradas).AsQueryable();
        if (!seguir)
            q = q.AsNoTracking();
        var ruta = await q.SingleOrDefaultAsync(r => r.Id == rutaId, ct);
        if (ruta is null || (await alcance.CobradorRestringidoAsync(ct) is { } propio && propio != ruta.CobradorId))
            throw new NoEncontradoException("Ruta", rutaId);
        return ruta;
    }

    public async Task<(RutaTerreno Ruta, ParadaRuta Parada)> ParadaAsync(Guid paradaId, CancellationToken ct)
    {
        var rutaId = await db.Set<ParadaRuta>().Where(p => p.Id == paradaId).Select(p => (Guid?)p.RutaId).SingleOrDefaultAsync(ct)
            ?? throw new NoEncontradoException("Parada", paradaId);
        try
        {
            var ruta = await RutaAsync(rutaId, true, ct);
            return (ruta, ruta.Paradas.Single(p => p.Id == paradaId));
        }
        catch (NoEncontradoException)
        {
            throw new NoEncontradoException("Parada", paradaId);
        }
    }
}

public static class ProyeccionRuta
{
    public static async Task<RutaDto> ProyectarAsync(GestionDbContext db, IMediator mediator, UbicacionesRuta ubicaciones, RutaTerreno ruta, CancellationToken ct)
    {
        var cobrador = await db.Cobradores.AsNoTracking().Where(c => c.Id == ruta.CobradorId).Select(c => c.Nombre).SingleAsync(ct);
        var paradas = ruta.Paradas.OrderBy(p => p.Orden).ToList();
        var ids = paradas.Select(p => p.ClienteId).ToList();
        var lugares = ids.Count == 0 ? [] : (await mediator.Send(new UbicarClientes(ids), ct)).ToDictionary(u => u.ClienteId);
        var deudas = ids.Count == 0 ? [] : (await mediator.Send(new ObtenerDeudaClientes(ids), ct)).ToDictionary(d => d.ClienteId);
        var inicio = ReglasTerreno.Punto(ruta.InicioLatitud, ruta.InicioLongitud);
        return new RutaDto(
            ruta.Id, ruta.CobradorId, cobrador, ruta.Fecha, ruta.InicioLatitud, ruta.InicioLongitud, Math.Round(UbicacionesRuta.Distancia(inicio, ids, lugares), 3),
            paradas.Count(p => p.Estado == EstadosParada.Visitada),
            paradas.Select(p =>
            {
                var u = lugares.GetValueOrDefault(p.ClienteId);
                var d = deudas.GetValueOrDefault(p.ClienteId);
                return new ParadaDto(
                    p.Id, p.Orden, p.ClienteId, u?.RazonSocial ?? "", u?.Direccion, u?.Comuna, u?.Latitud, u?.Longitud, u?.Origen ?? OrigenesUbicacion.SinUbicacion,
                    d?.Saldo ?? 0, d?.Vencido ?? 0, p.Estado, p.LlegadaEn, p.LlegadaLatitud, p.LlegadaLongitud, p.LlegadaPrecision, p.ActividadId, p.Resultado, p.Notas, p.InformadaEn);
            }).ToList(),
            ruta.CreadaPor, ruta.Creada, ruta.Actualizada);
    }
}

/// <summary>A day's routes (a collector sees only its own).</summary>
public sealed record ListarRutas(DateOnly? Fecha, Guid? CobradorId) : IRequest<IReadOnlyList<ResumenRutaDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/terreno/rutas", async Task<Ok<IReadOnlyList<ResumenRutaDto>>> (DateOnly? fecha, Guid? cobradorId, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarRutas(fecha, cobradorId), ct)))
        .WithName("ListarRutasTerreno").WithTags("Terreno").ProducesValidationProblem();
}

public sealed class ListarRutasHandler(GestionDbContext db, AlcanceGestion alcance, TimeProvider reloj) : IRequestHandler<ListarRutas, IReadOnlyList<ResumenRutaDto>>
{
    public async ValueTask<IReadOnlyList<ResumenRutaDto>> Handle(ListarRutas request, CancellationToken cancellationToken)
    {
        var fecha = request.Fecha ?? SharedKernel.Tiempo.FechaNegocio.Hoy(reloj);
        var q = db.Set<RutaTerreno>().AsNoTracking().Where(r => r.Fecha == fecha);
        if (await alcance.CobradorRestringidoAsync(cancellationToken) is { } propio)
            q = q.Where(r => r.CobradorId == propio);
        if (request.CobradorId is { } cobrador)
            q = q.Where(r => r.CobradorId == cobrador);
        return await q.Join(db.Cobradores, r => r.CobradorId, c => c.Id, (r, c) => new { r, c.Nombre })
            .OrderBy(x => x.Nombre).ThenBy(x => x.r.Id)
            .Select(x => new ResumenRutaDto(x.r.Id, x.r.CobradorId, x.Nombre, x.r.Fecha, x.r.Paradas.Count, x.r.Paradas.Count(p => p.Estado == EstadosParada.Visitada)))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>Plans a collector's day: one route per collector and day (409 if it exists: reorder it instead).</summary>
public sealed record CrearRuta(DatosRuta Cuerpo) : IRequest<RutaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/terreno/rutas", async Task<Created<RutaDto>> (DatosRuta body, IMediator m, CancellationToken ct) =>
        {
            var r = await m.Send(new CrearRuta(body), ct);
            return TypedResults.Created($"/api/v1/terreno/rutas/{r.Id}", r);
        })
        .WithName("CrearRutaTerreno").WithTags("Terreno").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class CrearRutaValidator : AbstractValidator<CrearRuta>
{
    public CrearRutaValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.CobradorId).NotEmpty();
        c.RuleFor(x => x.Fecha).NotEmpty();
        ReglasTerreno.Inicio(c, x => x.InicioLatitud, x => x.InicioLongitud);
        ReglasTerreno.Clientes(c, x => x.ClienteIds);
    });
}

public sealed class CrearRutaHandler(GestionDbContext db, AccesoRutas acceso, UbicacionesRuta ubicaciones, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<CrearRuta, RutaDto>
{
    public async ValueTask<RutaDto> Handle(CrearRuta request, CancellationToken cancellationToken)
    {
        var d = request.Cuerpo;
        await acceso.CobradorAsync(d.CobradorId, cancellationToken);
        if (d.Fecha < SharedKernel.Tiempo.FechaNegocio.Hoy(reloj).AddDays(-1) || d.Fecha > SharedKernel.Tiempo.FechaNegocio.Hoy(reloj).AddYears(1))
            throw new ReglaNegocioException("fecha", "fecha_fuera_de_rango", "La ruta se planifica para hoy o un día futuro (hasta un año).");
        if (await db.Set<RutaTerreno>().AnyAsync(r => r.CobradorId == d.CobradorId && r.Fecha == d.Fecha, cancellationToken))
            throw new ConflictoException("fecha", $"El cobrador ya tiene una ruta el {d.Fecha:dd-MM-yyyy}; modifíquela.");
        var lugares = await ubicaciones.CargarAsync(d.ClienteIds, cancellationToken);
        var inicio = ReglasTerreno.Punto(d.InicioLatitud, d.InicioLongitud);
        var orden = d.Optimizar ?? true ? UbicacionesRuta.Ordenar(inicio, d.ClienteIds, lugares) : d.ClienteIds.ToList();
        var ahora = reloj.GetUtcNow();
        var ruta = new RutaTerreno
        {
            CobradorId = d.CobradorId, Fecha = d.Fecha, InicioLatitud = d.InicioLatitud, InicioLongitud = d.InicioLongitud, CreadaPor = contexto.Actor, Creada = ahora, Actualizada = ahora,
        };
        ruta.Paradas.AddRange(orden.Select((id, i) => new ParadaRuta { RutaId = ruta.Id, ClienteId = id, Orden = i + 1 }));
        db.Add(ruta);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictoException("fecha", $"El cobrador ya tiene una ruta el {d.Fecha:dd-MM-yyyy}; modifíquela.");
        }

        return await ProyeccionRuta.ProyectarAsync(db, mediator, ubicaciones, ruta, cancellationToken);
    }
}

public sealed record ObtenerRuta(Guid Id) : IRequest<RutaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/terreno/rutas/{id:guid}", async Task<Ok<RutaDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerRuta(id), ct)))
        .WithName("ObtenerRutaTerreno").WithTags("Terreno").ProducesProblem(404);
}

public sealed class ObtenerRutaHandler(GestionDbContext db, AccesoRutas acceso, UbicacionesRuta ubicaciones, IMediator mediator) : IRequestHandler<ObtenerRuta, RutaDto>
{
    public async ValueTask<RutaDto> Handle(ObtenerRuta request, CancellationToken cancellationToken) =>
        await ProyeccionRuta.ProyectarAsync(db, mediator, ubicaciones, await acceso.RutaAsync(request.Id, false, cancellationToken), cancellationToken);
}

/// <summary>The caller's own route of a day (today by default): what the collector's phone opens.</summary>
public sealed record MiRuta(DateOnly? Fecha) : IRequest<RutaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/terreno/mi-ruta", async Task<Ok<RutaDto>> (DateOnly? fecha, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new MiRuta(fecha), ct)))
        .WithName("MiRutaTerreno").WithTags("Terreno").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class MiRutaHandler(GestionDbContext db, AlcanceGestion alcance, UbicacionesRuta ubicaciones, IMediator mediator, TimeProvider reloj) : IRequestHandler<MiRuta, RutaDto>
{
    public async ValueTask<RutaDto> Handle(MiRuta request, CancellationToken cancellationToken)
    {
        var fecha = request.Fecha ?? SharedKernel.Tiempo.FechaNegocio.Hoy(reloj);
        var cobrador = await alcance.CobradorPropioAsync(cancellationToken) ?? throw new NoEncontradoException("Ruta", Guid.Empty);
        var ruta = await db.Set<RutaTerreno>().AsNoTracking().Include(r => r.Paradas).SingleOrDefaultAsync(r => r.CobradorId == cobrador && r.Fecha == fecha, cancellationToken)
            ?? throw new NoEncontradoException("Ruta", Guid.Empty);
        return await ProyeccionRuta.ProyectarAsync(db, mediator, ubicaciones, ruta, cancellationToken);
    }
}

/// <summary>
/// Sets the route's visits in the given order (the hand reordering): clients left out are removed if not yet visited, new ones
/// are added; what was recorded on a stop stays with it.
/// </summary>
public sealed record OrdenarRuta(Guid Id, DatosOrdenRuta Cuerpo) : IRequest<RutaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPut("/terreno/rutas/{id:guid}", async Task<Ok<RutaDto>> (Guid id, DatosOrdenRuta body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new OrdenarRuta(id, body), ct)))
        .WithName("OrdenarRutaTerreno").WithTags("Terreno").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class OrdenarRutaValidator : AbstractValidator<OrdenarRuta>
{
    public OrdenarRutaValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        ReglasTerreno.Inicio(c, x => x.InicioLatitud, x => x.InicioLongitud);
        ReglasTerreno.Clientes(c, x => x.ClienteIds);
    });
}

/// <summary>Reorders a route's visits by nearest neighbour + 2-opt from its start point.</summary>
public sealed record OptimizarRuta(Guid Id) : IRequest<RutaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/terreno/rutas/{id:guid}/optimizar", async Task<Ok<RutaDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new OptimizarRuta(id), ct)))
        .WithName("OptimizarRutaTerreno").WithTags("Terreno").ProducesProblem(404);
}

public sealed class OrdenarRutaHandler(GestionDbContext db, AccesoRutas acceso, UbicacionesRuta ubicaciones, IMediator mediator, TimeProvider reloj)
    : IRequestHandler<OrdenarRuta, RutaDto>, IRequestHandler<OptimizarRuta, RutaDto>
{
    public async ValueTask<RutaDto> Handle(OrdenarRuta request, CancellationToken cancellationToken)
    {
        var d = request.Cuerpo;
        var ruta = await acceso.RutaAsync(request.Id, true, cancellationToken);
        await ubicaciones.CargarAsync(d.ClienteIds, cancellationToken);
        var quitadas = ruta.Paradas.Where(p => !d.ClienteIds.Contains(p.ClienteId)).ToList();
        if (quitadas.FirstOrDefault(p => p.Estado != EstadosParada.Pendiente) is { } visitada)
            throw new ReglaNegocioException("clienteIds", "parada_visitada", "No se puede quitar de la ruta una visita ya iniciada o registrada.");
        foreach (var p in quitadas)
        {
            ruta.Paradas.Remove(p);
            db.Remove(p);
        }

        for (var i = 0; i < d.ClienteIds.Count; i++)
        {
            var parada = ruta.Paradas.SingleOrDefault(p => p.ClienteId == d.ClienteIds[i]);
            if (parada is null)
            {
                parada = new ParadaRuta { RutaId = ruta.Id, ClienteId = d.ClienteIds[i] };
                ruta.Paradas.Add(parada);
                db.Add(parada);
            }

            parada.Orden = i + 1;
        }

        ruta.InicioLatitud = d.InicioLatitud;
        ruta.InicioLongitud = d.InicioLongitud;
        ruta.Actualizada = reloj.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return await ProyeccionRuta.ProyectarAsync(db, mediator, ubicaciones, ruta, cancellationToken);
    }

    public async ValueTask<RutaDto> Handle(OptimizarRuta request, CancellationToken cancellationToken)
    {
        var ruta = await acceso.RutaAsync(request.Id, true, cancellationToken);
        var ids = ruta.Paradas.Select(p => p.ClienteId).ToList();
        var lugares = ids.Count == 0 ? [] : await ubicaciones.CargarAsync(ids, cancellationToken);
        var orden = UbicacionesRuta.Ordenar(ReglasTerreno.Punto(ruta.InicioLatitud, ruta.InicioLongitud), ids, lugares);
        foreach (var p in ruta.Paradas)
            p.Orden = orden.IndexOf(p.ClienteId) + 1;
        ruta.Actualizada = reloj.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return await ProyeccionRuta.ProyectarAsync(db, mediator, ubicaciones, ruta, cancellationToken);
    }
}

/// <summary>The optimised order of some clients from a start point, without saving anything (the planner's preview).</summary>
public sealed record CalcularRecorrido(DatosRecorrido Cuerpo) : IRequest<RecorridoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapPost("/terreno/recorrido", async Task<Ok<RecorridoDto>> (DatosRecorrido body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new CalcularRecorrido(body), ct)))
        .WithName("CalcularRecorridoTerreno").WithTags("Terreno").ProducesValidationProblem().ProducesProblem(422);
}

public sealed class CalcularRecorridoValidator : AbstractValidator<CalcularRecorrido>
{
    public CalcularRecorridoValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        ReglasTerreno.Inicio(c, x => x.InicioLatitud, x => x.InicioLongitud);
        ReglasTerreno.Clientes(c, x => x.ClienteIds);
    });
}

public sealed class CalcularRecorridoHandler(UbicacionesRuta ubicaciones) : IRequestHandler<CalcularRecorrido, RecorridoDto>
{
    public async ValueTask<RecorridoDto> Handle(CalcularRecorrido request, CancellationToken cancellationToken)
    {
        var d = request.Cuerpo;
        var lugares = await ubicaciones.CargarAsync(d.ClienteIds, cancellationToken);
        var inicio = ReglasTerreno.Punto(d.InicioLatitud, d.InicioLongitud);
        var orden = UbicacionesRuta.Ordenar(inicio, d.ClienteIds, lugares);
        return new RecorridoDto(Math.Round(UbicacionesRuta.Distancia(inicio, orden, lugares), 3), orden.Select((id, i) =>
        {
            var u = lugares[id];
            return new PuntoRecorridoDto(i + 1, id, u.RazonSocial, u.Direccion, u.Comuna, u.Latitud, u.Longitud, u.Origen);
        }).ToList());
    }
}
