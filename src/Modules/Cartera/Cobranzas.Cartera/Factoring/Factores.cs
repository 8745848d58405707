using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Rut;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cobranzas.Cartera.Factoring;

/// <summary>
/// A factor with what it holds of the company's documents today: ceded balance, the part with recourse (responsabilidad
/// solidaria) and its overdue part (what the company may have to answer for), and money collected for it not yet transferred.
/// </summary>
public sealed record FactorResumenDto(
    Guid Id, string Nombre, string Rut, string? Contacto, string? Email, int DocumentosCedidos, decimal SaldoCedido, decimal SaldoConResponsabilidad,
    decimal VencidoConResponsabilidad, int DocumentosAdministracionDelegada, decimal PorTransferir);

public sealed record DatosFactor(string Nombre, string Rut, string? Contacto, string? Email);

public sealed record CrearFactor(DatosFactor Cuerpo) : IRequest<FactorResumenDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/factoring/factores", async Task<Created<FactorResumenDto>> (DatosFactor body, IMediator m, CancellationToken ct) =>
        {
            var f = await m.Send(new CrearFactor(body), ct);
            return TypedResults.Created($"/api/v1/factoring/factores/{f.Id}", f);
        })
        .WithName("CrearFactor").ProducesValidationProblem().ProducesProblem(409);
}

public sealed class CrearFactorValidator : AbstractValidator<CrearFactor>
{
    public CrearFactorValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.Nombre).NotEmpty().MaximumLength(LargosFactoring.Nombre);
        c.RuleFor(x => x.Rut).EsRut();
        c.RuleFor(x => x.Contacto).MaximumLength(LargosFactoring.Contacto);
        c.RuleFor(x => x.Email).MaximumLength(LargosFactoring.Email).EmailAddress().When(x => !string.IsNullOrEmpty(x.Email));
    });
}

public sealed class CrearFactorHandler(CarteraDbContext db, TimeProvider reloj) : IRequestHandler<CrearFactor, FactorResumenDto>
{
    public async ValueTask<FactorResumenDto> Handle(CrearFactor request, CancellationToken cancellationToken)
    {
        var c = request.Cuerpo;
        var rut = Rut.Parse(c.Rut).Canonico;
        if (await db.Set<Factor>().AnyAsync(f => f.Rut == rut, cancellationToken))
            throw new ConflictoException("rut", $"Ya existe un factor con RUT {rut}.");
        var factor = new Factor
        {
            Nombre = c.Nombre.Trim(), Rut = rut, Contacto = Texto(c.Contacto), Email = Texto(c.Email), Creado = reloj.GetUtcNow(),
        };
        db.Add(factor);
        await db.SaveChangesAsync(cancellationToken);
        return new FactorResumenDto(factor.Id, factor.Nombre, factor.Rut, factor.Contacto, factor.Email, 0, 0, 0, 0, 0, 0);
    }

    private static string? Texto(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record ListarFactores : IRequest<IReadOnlyList<FactorResumenDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/factoring/factores", async Task<Ok<IReadOnlyList<FactorResumenDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarFactores(), ct)))
        .WithName("ListarFactores");
}

public sealed class ListarFactoresHandler(CarteraDbContext db, TimeProvider reloj) : IRequestHandler<ListarFactores, IReadOnlyList<FactorResumenDto>>
{
    public async ValueTask<IReadOnlyList<FactorResumenDto>> Handle(ListarFactores request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var factores = await db.Set<Factor>().AsNoTracking().OrderBy(f => f.Nombre).ToListAsync(cancellationToken);
        var cedidos = await db.Documentos.AsNoTracking().Where(ReglasCartera.Cedido).Where(d => d.FactorId != null && d.FechaAnulacion == null)
            .GroupBy(d => d.FactorId!.Value)
            .Select(g => new
            {
                FactorId = g.Key,
                Documentos = g.Count(),
                Saldo = g.Sum(d => d.Saldo),
                ConResponsabilidad = g.Where(d => d.ResponsabilidadSolidaria).Sum(d => d.Saldo),
                VencidoConResponsabilidad = g.Where(d => d.ResponsabilidadSolidaria && d.FechaVencimiento < hoy).Sum(d => d.Saldo),
                Delegados = g.Count(d => d.AdministracionDelegada),
            })
            .ToDictionaryAsync(x => x.FactorId, cancellationToken);
        var pendientes = (await CobrosDelegados.PendientesAsync(db, null, cancellationToken)).GroupBy(p => p.FactorId).ToDictionary(g => g.Key, g => g.Sum(p => p.Monto));
        return factores.Select(f =>
        {
            var c = cedidos.GetValueOrDefault(f.Id);
            return new FactorResumenDto(f.Id, f.Nombre, f.Rut, f.Contacto, f.Email, c?.Documentos ?? 0, c?.Saldo ?? 0, c?.ConResponsabilidad ?? 0,
                c?.VencidoConResponsabilidad ?? 0, c?.Delegados ?? 0, pendientes.GetValueOrDefault(f.Id));
        }).ToList();
    }
}

/// <summary>The factor of a cession by RUT: the one already known, or a new one with the cession's name.</summary>
public static class RegistroFactores
{
    /// <summary>
    /// Two cessions at once to a factor not yet on file must both find the same one: the insert of the second waits on the first's
    /// unique key and then does nothing. Called inside the cession's transaction, so a refused cession leaves no factor behind.
    /// </summary>
    public static async Task<Factor> ObtenerOCrearAsync(CarteraDbContext db, string nombre, string rutCanonico, DateTimeOffset ahora, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO cartera.factores (id, empresa_id, nombre, rut, creado) VALUES (@id, @empresa, @nombre, @rut, @creado)
            ON CONFLICT (empresa_id, rut) DO NOTHING
            """,
            [
                new NpgsqlParameter("id", Guid.CreateVersion7()), new NpgsqlParameter("empresa", db.EmpresaActual), new NpgsqlParameter("nombre", nombre),
                new NpgsqlParameter("rut", rutCanonico), new NpgsqlParameter("creado", ahora),
            ], ct);
        return await db.Set<Factor>().SingleAsync(f => f.Rut == rutCanonico, ct);
    }
}
