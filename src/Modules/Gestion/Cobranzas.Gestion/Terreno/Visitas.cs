using Cobranzas.Gestion.Actividades;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Terreno;

public sealed record DatosLlegada(double Latitud, double Longitud, double? Precision, DateTimeOffset? Fecha);

public sealed record DatosInformeVisita(string Resultado, string? Notas);

public sealed record ParadaRegistradaDto(Guid Id, Guid RutaId, Guid ClienteId, string Estado, DateTimeOffset? LlegadaEn, double? LlegadaLatitud, double? LlegadaLongitud, double? LlegadaPrecision,
    Guid? ActividadId, string? Resultado, string? Notas, DateTimeOffset? InformadaEn)
{
    public static ParadaRegistradaDto De(ParadaRuta p) => new(
        p.Id, p.RutaId, p.ClienteId, p.Estado, p.LlegadaEn, p.LlegadaLatitud, p.LlegadaLongitud, p.LlegadaPrecision, p.ActividadId, p.Resultado, p.Notas, p.InformadaEn);
}

/// <summary>The activity type visits are logged with (one per company, created on first use).</summary>
public static class TipoVisitaTerreno
{
    public const string Nombre = "Visita en terreno";

    public static async Task<TipoActividad> ObtenerAsync(GestionDbContext db, CancellationToken ct)
    {
        var tipo = await db.TiposActividad.FirstOrDefaultAsync(t => t.Nombre == Nombre, ct)
            ?? await db.TiposActividad.Where(t => t.Activo && t.Canal == CanalesContacto.Presencial && t.Tipo == TiposDeActividad.Visita).OrderBy(t => t.Id).FirstOrDefaultAsync(ct);
        if (tipo is not null)
            return tipo;
        tipo = new TipoActividad { Nombre = Nombre, Tipo = TiposDeActividad.Visita, Canal = CanalesContacto.Presencial, Descripcion = "Visita del cobrador en terreno (ruta del día)." };
        db.TiposActividad.Add(tipo);
        return tipo;
    }
}

/// <summary>
/// "Llegué": the collector is at the client. Records where (and how precisely) the phone says it is, and logs the visit in the
/// client's activity log, where the contact rules (Ley 21.320 for consumers, one call or visit a week) are checked like any
/// contact: a forbidden visit answers 422 and nothing is recorded. Repeating it (an offline retry) returns the first arrival.
/// </summary>
public sealed record RegistrarLlegada(Guid ParadaId, DatosLlegada Cuerpo) : IRequest<ParadaRegistradaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/terreno/paradas/{id:guid}/llegada", async Task<Results<Ok<ParadaRegistradaDto>, ProblemHttpResult>> (Guid id, DatosLlegada body, IMediator m, CancellationToken ct) =>
        {
            try
            {
                return TypedResults.Ok(await m.Send(new RegistrarLlegada(id, body), ct));
            }
            catch (ContactoBloqueadoException b)
            {
                return (ProblemHttpResult)b.Problema();
            }
        })
        .WithName("RegistrarLlegadaTerreno").WithTags("Terreno").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class RegistrarLlegadaValidator : AbstractValidator<RegistrarLlegada>
{
    public RegistrarLlegadaValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.Latitud).InclusiveBetween(-90, 90);
        c.RuleFor(x => x.Longitud).InclusiveBetween(-180, 180);
        c.RuleFor(x => x.Precision).InclusiveBetween(0, 100_000);
    });
}

public sealed class RegistrarLlegadaHandler(GestionDbContext db, AccesoRutas acceso, ReglasContacto reglas, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<RegistrarLlegada, ParadaRegistradaDto>
{
    public async ValueTask<ParadaRegistradaDto> Handle(RegistrarLlegada request, CancellationToken cancellationToken)
    {
        var (ruta, parada) = await acceso.ParadaAsync(request.ParadaId, cancellationToken);
        if (parada.LlegadaEn is not null)
            return ParadaRegistradaDto.De(parada);
        var d = request.Cuerpo;
        var ahora = reloj.GetUtcNow();
        // An arrival queued offline keeps the moment it happened; never a future one.
        var fecha = (d.Fecha ?? ahora).ToUniversalTime();
        if (fecha > ahora + RegistrarActividad.ToleranciaFutura)
            throw new ReglaNegocioException("fecha", "fecha_futura", "La llegada no puede tener fecha futura.");
        if (await reglas.EvaluarAsync(parada.ClienteId, CanalesContacto.Presencial, fecha, cancellationToken) is { } bloqueo)
            throw new ContactoBloqueadoException(bloqueo);
        var tipo = await TipoVisitaTerreno.ObtenerAsync(db, cancellationToken);
        var actividad = new Actividad
        {
            ClienteId = parada.ClienteId, TipoActividadId = tipo.Id, Canal = CanalesContacto.Presencial, CobradorId = ruta.CobradorId, Fecha = fecha,
            Notas = $"Llegada registrada en terreno ({d.Latitud:0.######}, {d.Longitud:0.######}{(d.Precision is { } p ? $", ±{p:0} m" : "")}).",
            RegistradaPor = contexto.Actor, Origen = "terreno", OrigenId = parada.Id, Creada = ahora,
        };
        db.Actividades.Add(actividad);
        parada.Estado = EstadosParada.EnVisita;
        parada.LlegadaEn = fecha;
        parada.LlegadaLatitud = d.Latitud;
        parada.LlegadaLongitud = d.Longitud;
        parada.LlegadaPrecision = d.Precision;
        parada.ActividadId = actividad.Id;
        await db.SaveChangesAsync(cancellationToken);
        return ParadaRegistradaDto.De(parada);
    }
}

/// <summary>The visit report: the outcome (a fixed list), notes; it completes the visit and its activity. Sending it again replaces it.</summary>
public sealed record InformarVisita(Guid ParadaId, DatosInformeVisita Cuerpo) : IRequest<ParadaRegistradaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/terreno/paradas/{id:guid}/informe", async Task<Ok<ParadaRegistradaDto>> (Guid id, DatosInformeVisita body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new InformarVisita(id, body), ct)))
        .WithName("InformarVisitaTerreno").WithTags("Terreno").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class InformarVisitaValidator : AbstractValidator<InformarVisita>
{
    public InformarVisitaValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.Resultado).NotEmpty().Must(r => ResultadosVisita.Todos.Contains(r)).WithErrorCode("valor_invalido")
            .WithMessage($"El resultado debe ser uno de: {string.Join(", ", ResultadosVisita.Todos)}.");
        c.RuleFor(x => x.Notas).MaximumLength(LargosGestion.Notas);
    });
}

public sealed class InformarVisitaHandler(GestionDbContext db, AccesoRutas acceso, TimeProvider reloj) : IRequestHandler<InformarVisita, ParadaRegistradaDto>
{
    public async ValueTask<ParadaRegistradaDto> Handle(InformarVisita request, CancellationToken cancellationToken)
    {
        var (_, parada) = await acceso.ParadaAsync(request.ParadaId, cancellationToken);
        if (parada.ActividadId is not { } actividadId)
            throw new ReglaNegocioException("resultado", "sin_llegada", "Registre primero la llegada al cliente («llegué»).");
        var d = request.Cuerpo;
        var notas = string.IsNullOrWhiteSpace(d.Notas) ? null : d.Notas.Trim();
        parada.Resultado = d.Resultado;
        parada.Notas = notas;
        parada.Estado = EstadosParada.Visitada;
        parada.InformadaEn = reloj.GetUtcNow();
        var actividad = await db.Actividades.SingleAsync(a => a.Id == actividadId, cancellationToken);
        actividad.Resultado = ResultadosVisita.Actividad(d.Resultado);
        actividad.Notas = notas is null ? $"Visita: {d.Resultado}." : $"Visita: {d.Resultado}. {notas}";
        if (actividad.Notas.Length > LargosGestion.Notas)
            actividad.Notas = actividad.Notas[..LargosGestion.Notas];
        await db.SaveChangesAsync(cancellationToken);
        return ParadaRegistradaDto.De(parada);
    }
}

/// <summary>A photo of the visit, stored as an attachment of its activity (same storage, kinds and size limit).</summary>
public sealed record FotografiarVisita(Guid ParadaId, Stream Contenido, long Tamano, string? NombreArchivo) : IRequest<FotoVisitaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/terreno/paradas/{id:guid}/fotos", async Task<Results<Created<FotoVisitaDto>, ProblemHttpResult>> (Guid id, IFormFile archivo, IMediator m, CancellationToken ct) =>
        {
            if (archivo.Length > TiposAdjunto.TamanoMaximo)
            {
                return TypedResults.Problem(
                    title: "Archivo demasiado grande", statusCode: StatusCodes.Status413PayloadTooLarge,
                    detail: $"El archivo supera el máximo de {TiposAdjunto.TamanoMaximo / (1024 * 1024)} MB.",
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["archivo"] = [$"tamano_maximo: El archivo supera el máximo de {TiposAdjunto.TamanoMaximo / (1024 * 1024)} MB."] } });
            }

            await using var contenido = archivo.OpenReadStream();
            var a = await m.Send(new FotografiarVisita(id, contenido, archivo.Length, archivo.FileName), ct);
            return TypedResults.Created($"/api/v1/gestion/actividades/{a.ActividadId}/adjuntos/{a.Adjunto.Id}", a);
        })
        .WithName("FotografiarVisitaTerreno").WithTags("Terreno").DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(TiposAdjunto.TamanoMaximo + (1024 * 1024)))
        .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(413).ProducesProblem(422);
}

public sealed record FotoVisitaDto(Guid ActividadId, AdjuntoDto Adjunto);

public sealed class FotografiarVisitaHandler(GestionDbContext db, AccesoRutas acceso, IAlmacenArchivos almacen, TimeProvider reloj) : IRequestHandler<FotografiarVisita, FotoVisitaDto>
{
    public async ValueTask<FotoVisitaDto> Handle(FotografiarVisita request, CancellationToken cancellationToken)
    {
        var (_, parada) = await acceso.ParadaAsync(request.ParadaId, cancellationToken);
        if (parada.ActividadId is not { } actividadId)
            throw new ReglaNegocioException("archivo", "sin_llegada", "Registre primero la llegada al cliente («llegué»).");
        if (request.Tamano == 0)
            throw new ReglaNegocioException("archivo", "archivo_vacio", "El archivo está vacío.");
        var (tipo, clave) = await SubidaAdjunto.GuardarAsync(almacen, request.Contenido, cancellationToken)
            ?? throw new ReglaNegocioException("archivo", "tipo_no_permitido", $"El tipo de archivo no está permitido; se aceptan {TiposAdjunto.Descripcion}.");
        var adjunto = new AdjuntoActividad
        {
            ActividadId = actividadId, Nombre = TiposAdjunto.NombreSeguro(request.NombreArchivo, tipo.Extension), ContentType = tipo.ContentType,
            Tamano = request.Tamano, Clave = clave, Creado = reloj.GetUtcNow(),
        };
        db.Add(adjunto);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await almacen.EliminarAsync(clave, CancellationToken.None);
            throw;
        }

        return new FotoVisitaDto(actividadId, new AdjuntoDto(adjunto.Id, adjunto.Nombre, adjunto.ContentType, adjunto.Tamano));
    }
}
