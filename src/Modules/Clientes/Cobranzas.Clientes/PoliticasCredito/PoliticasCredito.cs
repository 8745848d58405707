using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.PoliticasCredito;

public sealed record PoliticaCreditoDto(Guid Id, string Segmento, decimal? LimiteCredito, string MonedaLimite, int PlazoDias, string Garantia, int DiasTolerancia);

public sealed record DatosPolitica(string Segmento, decimal? LimiteCredito, string MonedaLimite, int PlazoDias, string Garantia, int DiasTolerancia);

public sealed class DatosPoliticaValidator : AbstractValidator<DatosPolitica>
{
    public DatosPoliticaValidator()
    {
        RuleFor(x => x.Segmento).NotEmpty().MaximumLength(LargosCliente.Segmento);
        RuleFor(x => x.LimiteCredito).GreaterThanOrEqualTo(0).LessThan(Montos.Maximo);
        RuleFor(x => x.MonedaLimite).NotEmpty().Must(m => Monedas.DeLimite.Contains(m)).WithMessage("Moneda debe ser CLP o UF.");
        RuleFor(x => x.PlazoDias).InclusiveBetween(0, 3650);
        RuleFor(x => x.Garantia).NotEmpty().MaximumLength(100);
        RuleFor(x => x.DiasTolerancia).InclusiveBetween(0, 365);
    }
}

public sealed record ListarPoliticasCredito : IRequest<IReadOnlyList<PoliticaCreditoDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/politicas-credito", async Task<Ok<IReadOnlyList<PoliticaCreditoDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarPoliticasCredito(), ct)))
        .WithName("ListarPoliticasCredito").WithTags("Políticas de crédito");
}

public sealed class ListarPoliticasCreditoHandler(ClientesDbContext db) : IRequestHandler<ListarPoliticasCredito, IReadOnlyList<PoliticaCreditoDto>>
{
    public async ValueTask<IReadOnlyList<PoliticaCreditoDto>> Handle(ListarPoliticasCredito request, CancellationToken cancellationToken) =>
        await db.Politicas.AsNoTracking().OrderBy(p => p.PlazoDias).ThenBy(p => p.Segmento)
            .Select(p => new PoliticaCreditoDto(p.Id, p.Segmento, p.LimiteCredito, p.MonedaLimite, p.PlazoDias, p.Garantia, p.DiasTolerancia))
            .ToListAsync(cancellationToken);

    public static PoliticaCreditoDto ADto(PoliticaCredito p) => new(p.Id, p.Segmento, p.LimiteCredito, p.MonedaLimite, p.PlazoDias, p.Garantia, p.DiasTolerancia);
}

public sealed record CrearPoliticaCredito(DatosPolitica Cuerpo) : IRequest<PoliticaCreditoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/politicas-credito", async Task<Created<PoliticaCreditoDto>> (DatosPolitica body, IMediator m, CancellationToken ct) =>
        {
            var p = await m.Send(new CrearPoliticaCredito(body), ct);
            return TypedResults.Created($"/api/v1/politicas-credito/{p.Id}", p);
        })
        .WithName("CrearPoliticaCredito").WithTags("Políticas de crédito").ProducesValidationProblem().ProducesProblem(409);
}

public sealed class CrearPoliticaCreditoValidator : AbstractValidator<CrearPoliticaCredito>
{
    public CrearPoliticaCreditoValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosPoliticaValidator());
}

public sealed class CrearPoliticaCreditoHandler(ClientesDbContext db) : IRequestHandler<CrearPoliticaCredito, PoliticaCreditoDto>
{
    public async ValueTask<PoliticaCreditoDto> Handle(CrearPoliticaCredito request, CancellationToken cancellationToken)
    {
        var d = request.Cuerpo;
        if (await db.Politicas.AnyAsync(p => p.Segmento == d.Segmento.Trim(), cancellationToken))
            throw new ConflictoException("segmento", $"Ya existe una política para el segmento {d.Segmento}.");
        var politica = new PoliticaCredito { Segmento = d.Segmento.Trim(), Garantia = "" };
        ActualizarPoliticaCreditoHandler.Aplicar(politica, d);
        db.Politicas.Add(politica);
        await db.SaveChangesAsync(cancellationToken);
        return ListarPoliticasCreditoHandler.ADto(politica);
    }
}

public sealed record ActualizarPoliticaCredito(Guid Id, DatosPolitica Cuerpo) : IRequest<PoliticaCreditoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPut("/politicas-credito/{id:guid}", async Task<Ok<PoliticaCreditoDto>> (Guid id, DatosPolitica body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarPoliticaCredito(id, body), ct)))
        .WithName("ActualizarPoliticaCredito").WithTags("Políticas de crédito").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class ActualizarPoliticaCreditoValidator : AbstractValidator<ActualizarPoliticaCredito>
{
    public ActualizarPoliticaCreditoValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosPoliticaValidator());
}

public sealed class ActualizarPoliticaCreditoHandler(ClientesDbContext db) : IRequestHandler<ActualizarPoliticaCredito, PoliticaCreditoDto>
{
    public async ValueTask<PoliticaCreditoDto> Handle(ActualizarPoliticaCredito request, CancellationToken cancellationToken)
    {
        var politica = await db.Politicas.SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            ?? throw new NoEncontradoException("Política de crédito", request.Id);
        var segmento = request.Cuerpo.Segmento.Trim();
        if (segmento != politica.Segmento)
        {
            if (await db.Clientes.AnyAsync(c => c.Segmento == politica.Segmento, cancellationToken))
                throw new ReglaNegocioException("segmento", "segmento_en_uso", $"Hay clientes en el segmento {politica.Segmento}; no se puede renombrar.");
            if (await db.Politicas.AnyAsync(p => p.Segmento == segmento, cancellationToken))
                throw new ConflictoException("segmento", $"Ya existe una política para el segmento {segmento}.");
            politica.Segmento = segmento;
        }

        Aplicar(politica, request.Cuerpo);
        await db.SaveChangesAsync(cancellationToken);
        return ListarPoliticasCreditoHandler.ADto(politica);
    }

    public static void Aplicar(PoliticaCredito p, DatosPolitica d)
    {
        p.LimiteCredito = d.LimiteCredito;
        p.MonedaLimite = d.MonedaLimite;
        p.PlazoDias = d.PlazoDias;
        p.Garantia = d.Garantia.Trim();
        p.DiasTolerancia = d.DiasTolerancia;
    }
}

/// <summary>Every new company starts with the credit policy table of the Softland manual.</summary>
public sealed class SembrarPoliticasAlRegistrarEmpresa(ClientesDbContext db) : INotificationHandler<EmpresaRegistrada>
{
    public static readonly DatosPolitica[] PorDefecto =
    [
        new("Retail", 50, Monedas.Uf, 30, "No requiere", 0),
        new("Mayorista", 500, Monedas.Uf, 60, "Pagaré", 15),
        new("Corporativo", 5000, Monedas.Uf, 90, "Boleta de garantía", 30),
        new("Gobierno", null, Monedas.Uf, 120, "Orden de compra", 60),
    ];

    public async ValueTask Handle(EmpresaRegistrada notification, CancellationToken cancellationToken)
    {
        foreach (var d in PorDefecto)
        {
            var p = new PoliticaCredito { EmpresaId = notification.EmpresaId, Segmento = d.Segmento, Garantia = "" };
            ActualizarPoliticaCreditoHandler.Aplicar(p, d);
            db.Politicas.Add(p);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
