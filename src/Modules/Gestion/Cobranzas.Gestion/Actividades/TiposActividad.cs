using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Actividades;

public sealed record TipoActividadDto(Guid Id, string Nombre, string Tipo, string? Descripcion, string Canal, bool Activo);

public sealed record DatosTipoActividad(string Nombre, string Tipo, string? Descripcion, string Canal);

public sealed class DatosTipoActividadValidator : AbstractValidator<DatosTipoActividad>
{
    public DatosTipoActividadValidator()
    {
        RuleFor(x => x.Nombre).NotEmpty().MaximumLength(LargosGestion.Nombre);
        RuleFor(x => x.Tipo).NotEmpty().Must(t => TiposDeActividad.Todos.Contains(t)).WithErrorCode("valor_invalido")
            .WithMessage($"El tipo debe ser uno de: {string.Join(", ", TiposDeActividad.Todos)}.");
        RuleFor(x => x.Descripcion).MaximumLength(LargosGestion.Motivo);
        RuleFor(x => x.Canal).NotEmpty().Must(c => CanalesContacto.Todos.Contains(c)).WithErrorCode("valor_invalido")
            .WithMessage($"El canal debe ser uno de: {string.Join(", ", CanalesContacto.Todos)}.");
    }
}

public sealed record ListarTiposActividad(bool IncluirInactivos) : IRequest<IReadOnlyList<TipoActividadDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/tipos-actividad", async Task<Ok<IReadOnlyList<TipoActividadDto>>> (bool? incluirInactivos, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarTiposActividad(incluirInactivos ?? false), ct)))
        .WithName("ListarTiposActividad").ProducesValidationProblem();
}

public sealed record CrearTipoActividad(DatosTipoActividad Cuerpo) : IRequest<TipoActividadDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/gestion/tipos-actividad", async Task<Created<TipoActividadDto>> (DatosTipoActividad body, IMediator m, CancellationToken ct) =>
        {
            var t = await m.Send(new CrearTipoActividad(body), ct);
            return TypedResults.Created($"/api/v1/gestion/tipos-actividad/{t.Id}", t);
        })
        .WithName("CrearTipoActividad").ProducesValidationProblem().ProducesProblem(409);
}

public sealed class CrearTipoActividadValidator : AbstractValidator<CrearTipoActividad>
{
    public CrearTipoActividadValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosTipoActividadValidator());
}

public sealed record ActualizarTipoActividad(Guid Id, DatosTipoActividad Cuerpo) : IRequest<TipoActividadDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPut("/gestion/tipos-actividad/{id:guid}", async Task<Ok<TipoActividadDto>> (Guid id, DatosTipoActividad body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarTipoActividad(id, body), ct)))
        .WithName("ActualizarTipoActividad").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
}

public sealed class ActualizarTipoActividadValidator : AbstractValidator<ActualizarTipoActividad>
{
    public ActualizarTipoActividadValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosTipoActividadValidator());
}

/// <summary>A type with activities cannot be deleted (the log keeps it); it is deactivated and no longer offered.</summary>
public sealed record DesactivarTipoActividad(Guid Id) : IRequest<TipoActividadDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/gestion/tipos-actividad/{id:guid}/desactivar", async Task<Ok<TipoActividadDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DesactivarTipoActividad(id), ct)))
        .WithName("DesactivarTipoActividad").ProducesProblem(404);
}

public sealed class TiposActividadHandler(GestionDbContext db)
    : IRequestHandler<ListarTiposActividad, IReadOnlyList<TipoActividadDto>>, IRequestHandler<CrearTipoActividad, TipoActividadDto>,
      IRequestHandler<ActualizarTipoActividad, TipoActividadDto>, IRequestHandler<DesactivarTipoActividad, TipoActividadDto>
{
    public async ValueTask<IReadOnlyList<TipoActividadDto>> Handle(ListarTiposActividad request, CancellationToken cancellationToken) =>
        (await db.TiposActividad.AsNoTracking().Where(t => request.IncluirInactivos || t.Activo).OrderBy(t => t.Nombre).ToListAsync(cancellationToken)).Select(Dto).ToList();

    public async ValueTask<TipoActividadDto> Handle(CrearTipoActividad request, CancellationToken cancellationToken)
    {
        var d = request.Cuerpo;
        await NombreLibreAsync(d.Nombre.Trim(), null, cancellationToken);
        var tipo = new TipoActividad { Nombre = d.Nombre.Trim(), Tipo = d.Tipo, Descripcion = Limpio(d.Descripcion), Canal = d.Canal };
        db.TiposActividad.Add(tipo);
        await db.SaveChangesAsync(cancellationToken);
        return Dto(tipo);
    }

    public async ValueTask<TipoActividadDto> Handle(ActualizarTipoActividad request, CancellationToken cancellationToken)
    {
        var tipo = await db.TiposActividad.SingleOrDefaultAsync(t => t.Id == request.Id, cancellationToken) ?? throw new NoEncontradoException("Tipo de actividad", request.Id);
        var d = request.Cuerpo;
        await NombreLibreAsync(d.Nombre.Trim(), tipo.Id, cancellationToken);
        tipo.Nombre = d.Nombre.Trim();
        tipo.Tipo = d.Tipo;
        tipo.Descripcion = Limpio(d.Descripcion);
        tipo.Canal = d.Canal;
        await db.SaveChangesAsync(cancellationToken);
        return Dto(tipo);
    }

    public async ValueTask<TipoActividadDto> Handle(DesactivarTipoActividad request, CancellationToken cancellationToken)
    {
        var tipo = await db.TiposActividad.SingleOrDefaultAsync(t => t.Id == request.Id, cancellationToken) ?? throw new NoEncontradoException("Tipo de actividad", request.Id);
        tipo.Activo = false;
        await db.SaveChangesAsync(cancellationToken);
        return Dto(tipo);
    }

    private async Task NombreLibreAsync(string nombre, Guid? id, CancellationToken ct)
    {
        if (await db.TiposActividad.AnyAsync(t => t.Nombre == nombre && t.Id != id, ct))
            throw new ConflictoException("nombre", $"Ya existe un tipo de actividad llamado «{nombre}».");
    }

    private static string? Limpio(string? texto) => string.IsNullOrWhiteSpace(texto) ? null : texto.Trim();

    public static TipoActividadDto Dto(TipoActividad t) => new(t.Id, t.Nombre, t.Tipo, t.Descripcion, t.Canal, t.Activo);
}

/// <summary>A new company starts with the usual activity types (seed 000 "Actividades"), each with the channel the contact rules use.</summary>
public sealed class SembrarTiposActividad(GestionDbContext db) : INotificationHandler<EmpresaRegistrada>
{
    public static readonly (string Nombre, string Tipo, string Canal, string Descripcion)[] Iniciales =
    [
        ("Llamada", TiposDeActividad.Llamada, CanalesContacto.Telefono, "Llamada telefónica al cliente."),
        ("Correo", TiposDeActividad.Correo, CanalesContacto.Escrito, "Correo electrónico enviado al cliente."),
        ("Visita", TiposDeActividad.Visita, CanalesContacto.Presencial, "Visita en terreno al domicilio del cliente."),
        ("Reunión", TiposDeActividad.Reunion, CanalesContacto.Presencial, "Reunión con el cliente."),
        ("Carta", TiposDeActividad.Carta, CanalesContacto.Escrito, "Carta de cobranza enviada."),
        ("WhatsApp/SMS", TiposDeActividad.Whatsapp, CanalesContacto.Escrito, "Mensaje de WhatsApp o SMS."),
        ("Compromiso de pago", TiposDeActividad.CompromisoPago, CanalesContacto.Telefono, "Compromiso de pago acordado con el cliente."),
    ];

    public async ValueTask Handle(EmpresaRegistrada notification, CancellationToken cancellationToken)
    {
        foreach (var (nombre, tipo, canal, descripcion) in Iniciales)
            db.TiposActividad.Add(new TipoActividad { EmpresaId = notification.EmpresaId, Nombre = nombre, Tipo = tipo, Canal = canal, Descripcion = descripcion });
        await db.SaveChangesAsync(cancellationToken);
    }
}
