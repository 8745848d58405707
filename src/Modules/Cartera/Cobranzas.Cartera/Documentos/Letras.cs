using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Documentos;

public sealed record DatosCobranzaBancaria(string Banco, DateOnly Fecha);

/// <summary>
/// Letras en cobranza: a letra or pagaré handed to a bank that collects it from the client. It stays
/// in the company's portfolio (aging, exposure) and is marked as at the bank until withdrawn, paid
/// (the bank's payment is registered as any payment) or protested.
/// </summary>
public sealed record EnviarCobranzaBancaria(Guid Id, DatosCobranzaBancaria Cuerpo) : IRequest<DocumentoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/documentos/{id:guid}/cobranza-bancaria", async Task<Ok<DocumentoDto>> (Guid id, DatosCobranzaBancaria body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new EnviarCobranzaBancaria(id, body), ct)))
        .WithName("EnviarCobranzaBancaria").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class EnviarCobranzaBancariaValidator : AbstractValidator<EnviarCobranzaBancaria>
{
    public EnviarCobranzaBancariaValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Banco).NotEmpty().MaximumLength(200);
            c.RuleFor(x => x.Fecha).NotEmpty();
        });
}

public sealed class EnviarCobranzaBancariaHandler(CarteraDbContext db, IMediator mediator, TimeProvider reloj) : IRequestHandler<EnviarCobranzaBancaria, DocumentoDto>
{
    public async ValueTask<DocumentoDto> Handle(EnviarCobranzaBancaria request, CancellationToken cancellationToken)
    {
        var d = await ReglasLetra.CargarAbiertaAsync(db, request.Id, cancellationToken);
        if (ProyeccionDocumento.EnCobranzaBancaria(d))
            throw new ReglaNegocioException("id", "ya_en_cobranza", $"El documento ya está en cobranza en {d.BancoCobranza}.");
        ReglasLetra.ValidarFecha(d, request.Cuerpo.Fecha, reloj);

        d.BancoCobranza = request.Cuerpo.Banco.Trim();
        d.FechaEnvioCobranza = request.Cuerpo.Fecha;
        d.FechaRetiroCobranza = null;
        d.MotivoRetiroCobranza = null;
        await db.SaveChangesAsync(cancellationToken);
        return await ProyeccionDocumento.CargarAsync(db, mediator, reloj, d.Id, cancellationToken);
    }
}

public sealed record DatosRetiroCobranza(DateOnly Fecha, string Motivo);

public sealed record RetirarCobranzaBancaria(Guid Id, DatosRetiroCobranza Cuerpo) : IRequest<DocumentoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/documentos/{id:guid}/cobranza-bancaria/retirar", async Task<Ok<DocumentoDto>> (Guid id, DatosRetiroCobranza body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RetirarCobranzaBancaria(id, body), ct)))
        .WithName("RetirarCobranzaBancaria").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class RetirarCobranzaBancariaValidator : AbstractValidator<RetirarCobranzaBancaria>
{
    public RetirarCobranzaBancariaValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Fecha).NotEmpty();
            c.RuleFor(x => x.Motivo).NotEmpty().MaximumLength(LargosCartera.Motivo);
        });
}

public sealed class RetirarCobranzaBancariaHandler(CarteraDbContext db, IMediator mediator, TimeProvider reloj) : IRequestHandler<RetirarCobranzaBancaria, DocumentoDto>
{
    public async ValueTask<DocumentoDto> Handle(RetirarCobranzaBancaria request, CancellationToken cancellationToken)
    {
        var d = await db.Documentos.SingleOrDefaultAsync(x => x.Id == request.Id, cancellationToken) ?? throw new NoEncontradoException("Documento", request.Id);
        if (!ProyeccionDocumento.EnCobranzaBancaria(d))
            throw new ReglaNegocioException("id", "no_en_cobranza", "El documento no está en cobranza bancaria.");
        if (request.Cuerpo.Fecha < d.FechaEnvioCobranza || request.Cuerpo.Fecha > FechaNegocio.Hoy(reloj))
            throw new ReglaNegocioException("fecha", "fecha_invalida", "La fecha de retiro debe estar entre el envío al banco y hoy.");

        d.FechaRetiroCobranza = request.Cuerpo.Fecha;
        d.MotivoRetiroCobranza = request.Cuerpo.Motivo.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return await ProyeccionDocumento.CargarAsync(db, mediator, reloj, d.Id, cancellationToken);
    }
}

public sealed record DatosProtestoDocumento(DateOnly Fecha, string Motivo, decimal Costo);

/// <summary>
/// Notarial protest of an unpaid letra or pagaré: the document shows as protestado (and leaves the
/// bank's collection), with the protest's cost recorded for the statement.
/// </summary>
public sealed record ProtestarDocumento(Guid Id, DatosProtestoDocumento Cuerpo) : IRequest<DocumentoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/documentos/{id:guid}/protestar", async Task<Ok<DocumentoDto>> (Guid id, DatosProtestoDocumento body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ProtestarDocumento(id, body), ct)))
        .WithName("ProtestarDocumento").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class ProtestarDocumentoValidator : AbstractValidator<ProtestarDocumento>
{
    public ProtestarDocumentoValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Fecha).NotEmpty();
            c.RuleFor(x => x.Motivo).NotEmpty().MaximumLength(LargosCartera.Motivo);
            c.RuleFor(x => x.Costo).GreaterThanOrEqualTo(0).LessThan(1_000_000_000m).Must(m => decimal.Round(m, 0) == m)
                .WithErrorCode("escala_moneda").WithMessage("El costo del protesto va en pesos, sin decimales.");
        });
}

public sealed class ProtestarDocumentoHandler(CarteraDbContext db, IMediator mediator, TimeProvider reloj) : IRequestHandler<ProtestarDocumento, DocumentoDto>
{
    public async ValueTask<DocumentoDto> Handle(ProtestarDocumento request, CancellationToken cancellationToken)
    {
        var d = await ReglasLetra.CargarAbiertaAsync(db, request.Id, cancellationToken);
        if (d.FechaProtesto is not null)
            throw new ReglaNegocioException("id", "ya_protestado", "El documento ya fue protestado.");
        ReglasLetra.ValidarFecha(d, request.Cuerpo.Fecha, reloj);
        if (d.Cuotas.All(c => c.Saldo == 0 || c.FechaVencimiento >= request.Cuerpo.Fecha))
            throw new ReglaNegocioException("fecha", "no_vencido", "Solo se protesta por falta de pago una cuota vencida con saldo.");

        d.FechaProtesto = request.Cuerpo.Fecha;
        d.MotivoProtesto = request.Cuerpo.Motivo.Trim();
        d.CostoProtesto = request.Cuerpo.Costo;
        await db.SaveChangesAsync(cancellationToken);
        return await ProyeccionDocumento.CargarAsync(db, mediator, reloj, d.Id, cancellationToken);
    }
}

file static class ReglasLetra
{
    /// <summary>A letra or pagaré with balance, in the company's own collection.</summary>
    public static async Task<Documento> CargarAbiertaAsync(CarteraDbContext db, Guid id, CancellationToken ct)
    {
        var d = await db.Documentos.Include(x => x.Cuotas).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NoEncontradoException("Documento", id);
        if (d.Tipo is not (TiposDocumento.Letra or TiposDocumento.Pagare))
            throw new ReglaNegocioException("id", "no_es_letra", "Solo letras y pagarés van a cobranza bancaria o se protestan ante notario.");
        if (d.FechaAnulacion is not null)
            throw new ReglaNegocioException("id", "documento_anulado", "El documento está anulado.");
        if (ProyeccionDocumento.Cedido(d))
            throw new ReglaNegocioException("id", "documento_cedido", "El documento está cedido a un factor.");
        if (d.FechaCastigo is not null)
            throw new ReglaNegocioException("id", "documento_castigado", "El documento está castigado.");
        if (d.Saldo <= 0)
            throw new ReglaNegocioException("saldo", "sin_saldo", "El documento está pagado.");
        return d;
    }

    public static void ValidarFecha(Documento d, DateOnly fecha, TimeProvider reloj)
    {
        if (fecha < d.FechaEmision || fecha > FechaNegocio.Hoy(reloj))
            throw new ReglaNegocioException("fecha", "fecha_invalida", "La fecha debe estar entre la emisión del documento y hoy.");
    }
}
