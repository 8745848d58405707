using System.ComponentModel;
using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Castigos;

public static class AsientoRecupero
{
    public const string CuentaCaja = "Banco";
    public const string CuentaIngreso = "Recuperación de deudores castigados";

    public static IReadOnlyList<LineaAsientoCastigoDto> Lineas(decimal monto) => [new(CuentaCaja, monto, 0), new(CuentaIngreso, 0, monto)];

    /// <summary>A recovery in pesos at the UF or dólar of its date (the latest value up to it), as the recovery report converts payments.</summary>
    public static async Task<decimal> EnPesosAsync(CarteraDbContext db, decimal monto, string moneda, DateOnly fecha, string campo, CancellationToken ct)
    {
        if (moneda == Monedas.Clp)
            return monto;
        var (uf, dolar) = await ValoresMoneda.ValoresDelDia.UltimosAsync(db, fecha, ct);
        return ReglasCartera.EnClp(monto, moneda, uf, dolar) is { } clp
            ? decimal.Round(clp, 0, MidpointRounding.AwayFromZero)
            : throw new ReglaNegocioException(campo, "falta_valor_moneda",
                $"Falta el valor {(moneda == Monedas.Uf ? "UF" : "del dólar observado")} del {fecha:dd-MM-yyyy} o anterior para llevar el recupero a pesos; cárguelo en /api/v1/valores-uf o /api/v1/valores-dolar.");
    }
}

/// <param name="Moneda">The document's currency: montoCastigo and monto are in it; montoClp is the recovery in pesos at the value of its date.</param>
public sealed record RecuperoCastigoDto(
    Guid Id, Guid DocumentoId, Guid ClienteId, string? RazonSocial, string Tipo, long Folio, DateOnly FechaCastigo, decimal MontoCastigo, DateOnly Fecha, decimal Monto,
    string? Referencia, string RegistradoPor, DateTimeOffset Creado, string Moneda, decimal MontoClp, Guid? PagoId,
    [property: Description("El asiento del recupero: debe banco, haber ingreso por recuperación de castigados (el documento sigue castigado).")] IReadOnlyList<LineaAsientoCastigoDto> Asiento,
    [property: Description("Desde este día el recupero ya no cuenta (cheque protestado o reversa manual); los cortes anteriores lo siguen mostrando.")] DateOnly? FechaReversa,
    string? MotivoReversa);

/// <param name="Monto">In pesos.</param>
public sealed record MesRecuperoDto([property: Description("Primer día del mes.")] DateOnly Mes, int Cantidad, decimal Monto);

public sealed record RecuperosCastigoDto(DateOnly Desde, DateOnly Hasta, string Moneda, IReadOnlyList<MesRecuperoDto> Meses, decimal Total, IReadOnlyList<RecuperoCastigoDto> Recuperos);

/// <param name="DocumentoId">The written-off document; or, instead, its <paramref name="Tipo"/> and <paramref name="Folio"/>.</param>
public sealed record DatosRecuperoCastigo(
    Guid? DocumentoId, DateOnly Fecha, decimal Monto, string? Referencia,
    [property: Description("Tipo del documento (código DTE, letra o pagare), con folio, en lugar de documentoId.")] string? Tipo = null,
    long? Folio = null);

/// <summary>
/// Money received for a written-off document is a recovery: income, not a payment on the receivable, so the document stays written off
/// with no balance; the recoveries of a document never add up to more than what was written off.
/// </summary>
public sealed record RegistrarRecuperoCastigo(DatosRecuperoCastigo Cuerpo) : IRequest<RecuperoCastigoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/castigos/recuperos", async Task<Created<RecuperoCastigoDto>> (DatosRecuperoCastigo body, IMediator m, CancellationToken ct) =>
        {
            var r = await m.Send(new RegistrarRecuperoCastigo(body), ct);
            return TypedResults.Created($"/api/v1/castigos/recuperos/{r.Id}", r);
        })
        .WithName("RegistrarRecuperoCastigo").WithTags("Castigos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class RegistrarRecuperoCastigoValidator : AbstractValidator<RegistrarRecuperoCastigo>
{
    public RegistrarRecuperoCastigoValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x).Must(x => x.DocumentoId is { } id ? id != Guid.Empty && x.Tipo is null && x.Folio is null : !string.IsNullOrEmpty(x.Tipo) && x.Folio is > 0)
                .OverridePropertyName("documentoId").WithErrorCode("documento_requerido")
                .WithMessage("Indique documentoId, o bien tipo y folio del documento castigado (no ambos).");
            c.RuleFor(x => x.Tipo).Must(t => t is null || TiposDocumento.Todos.Contains(t)).WithErrorCode("tipo_invalido")
                .WithMessage($"tipo debe ser uno de: {string.Join(", ", TiposDocumento.Todos)}.");
            c.RuleFor(x => x.Fecha).Must(f => f >= ReglaFechaCorte.Primera && f <= ReglaFechaCorte.Ultima).WithMessage("fecha es obligatoria y debe ser una fecha razonable.");
            c.RuleFor(x => x.Monto).GreaterThan(0m).LessThan(1_000_000_000_000m).Must(m => decimal.Round(m, 4) == m)
                .WithMessage("monto es un monto en la moneda del documento, mayor que cero y con a lo más 4 decimales.");
            c.RuleFor(x => x.Referencia).MaximumLength(LargosCastigo.Referencia);
        });
}

public sealed class RegistrarRecuperoCastigoHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<RegistrarRecuperoCastigo, RecuperoCastigoDto>
{
    public async ValueTask<RecuperoCastigoDto> Handle(RegistrarRecuperoCastigo request, CancellationToken cancellationToken)
    {
        var c = request.Cuerpo;
        var documentos = c.DocumentoId is { } id ? db.Documentos.Where(d => d.Id == id) : db.Documentos.Where(d => d.Tipo == c.Tipo && d.Folio == c.Folio);
        var encontrado = await documentos.Select(d => new { d.Id, d.ClienteId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NoEncontradoException("Documento", c.DocumentoId?.ToString() ?? $"{c.Tipo} {c.Folio}");
        await using var tx = await BloqueoCliente.TomarAsync(db, [encontrado.ClienteId], cancellationToken);
        var d = await db.Documentos.AsNoTracking().SingleAsync(x => x.Id == encontrado.Id, cancellationToken);
        if (d.FechaCastigo is not { } fechaCastigo || d.MontoCastigo is not > 0)
            throw new ReglaNegocioException("documentoId", "no_castigado", $"El documento {d.Tipo} {d.Folio} no está castigado: un pago suyo se registra como pago, no como recupero.");
        if (!Monedas.EscalaValida(c.Monto, d.Moneda))
            throw new ReglaNegocioException("monto", "escala_moneda", $"El monto va en la moneda del documento ({d.Moneda}) y tiene más decimales que los que admite.");
        var hoy = FechaNegocio.Hoy(reloj);
        if (c.Fecha < fechaCastigo || c.Fecha > hoy)
            throw new ReglaNegocioException("fecha", "fecha_invalida", $"La fecha del recupero debe estar entre el castigo ({fechaCastigo:dd-MM-yyyy}) y hoy.");
        var recuperado = await db.Set<RecuperoCastigo>().Where(r => r.DocumentoId == d.Id && r.FechaReversa == null).SumAsync(r => (decimal?)r.Monto, cancellationToken) ?? 0;
        if (recuperado + c.Monto > d.MontoCastigo)
            throw new ReglaNegocioException("monto", "excede_castigo",
                $"El recupero ({c.Monto:0.####} {d.Moneda}) supera lo que queda por recuperar del castigo ({d.MontoCastigo - recuperado:0.####} de {d.MontoCastigo:0.####} {d.Moneda}).");
        var enPesos = await AsientoRecupero.EnPesosAsync(db, c.Monto, d.Moneda, c.Fecha, "fecha", cancellationToken);

        var r = new RecuperoCastigo
        {
            DocumentoId = d.Id, ClienteId = d.ClienteId, Fecha = c.Fecha, Monto = c.Monto, Moneda = d.Moneda, MontoClp = enPesos, Referencia = string.IsNullOrWhiteSpace(c.Referencia) ? null : c.Referencia.Trim(),
            RegistradoPor = contexto.Actor, Creado = reloj.GetUtcNow(),
        };
        db.Add(r);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        var nombre = (await mediator.Send(new BuscarClientes([d.ClienteId], []), cancellationToken)).FirstOrDefault()?.RazonSocial;
        return ListarRecuperosCastigoHandler.Dto(r, d, nombre);
    }
}

/// <summary>The recoveries of written-off debt between two dates (by default the last twelve months), by month and one by one.</summary>
public sealed record ListarRecuperosCastigo(DateOnly? Desde, DateOnly? Hasta, Guid? ClienteId) : IRequest<RecuperosCastigoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/castigos/recuperos", async Task<Ok<RecuperosCastigoDto>> ([AsParameters] ListarRecuperosCastigo q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarRecuperosCastigo").WithTags("Castigos").ProducesValidationProblem();
}

public sealed class ListarRecuperosCastigoValidator : AbstractValidator<ListarRecuperosCastigo>
{
    public ListarRecuperosCastigoValidator()
    {
        RuleFor(x => x.Desde).EnRango("desde");
        RuleFor(x => x.Hasta).EnRango("hasta");
        RuleFor(x => x.Hasta).Must((x, h) => x.Desde is null || h is null || h >= x.Desde).WithMessage("hasta no puede ser anterior a desde.");
    }
}

public sealed class ListarRecuperosCastigoHandler(CarteraDbContext db, IMediator mediator, TimeProvider reloj) : IRequestHandler<ListarRecuperosCastigo, RecuperosCastigoDto>
{
    public const int Maximo = 1000;

    public async ValueTask<RecuperosCastigoDto> Handle(ListarRecuperosCastigo request, CancellationToken cancellationToken)
    {
        var hasta = request.Hasta ?? FechaNegocio.Hoy(reloj);
        var desde = request.Desde ?? new DateOnly(hasta.Year, hasta.Month, 1).AddMonths(-11);
        var q = db.Set<RecuperoCastigo>().AsNoTracking().Where(r => r.Fecha >= desde && r.Fecha <= hasta && (r.FechaReversa == null || r.FechaReversa > hasta));
        if (request.ClienteId is { } cliente)
            q = q.Where(r => r.ClienteId == cliente);
        var filas = await q.OrderByDescending(r => r.Fecha).ThenByDescending(r => r.Creado).Take(Maximo)
            .Join(db.Documentos, r => r.DocumentoId, d => d.Id, (r, d) => new { r, d }).ToListAsync(cancellationToken);
        var meses = await q.GroupBy(r => new { r.Fecha.Year, r.Fecha.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Cantidad = g.Count(), Monto = g.Sum(r => r.MontoClp) }).ToListAsync(cancellationToken);
        var nombres = (await mediator.Send(new BuscarClientes(filas.Select(f => f.r.ClienteId).Distinct().ToList(), []), cancellationToken))
            .ToDictionary(c => c.Id, c => c.RazonSocial);
        var porMes = meses.Select(m => new MesRecuperoDto(new DateOnly(m.Year, m.Month, 1), m.Cantidad, m.Monto)).OrderBy(m => m.Mes).ToList();
        return new RecuperosCastigoDto(desde, hasta, Monedas.Clp, porMes, porMes.Sum(m => m.Monto),
            filas.Select(f => Dto(f.r, f.d, nombres.GetValueOrDefault(f.r.ClienteId))).ToList());
    }

    public static RecuperoCastigoDto Dto(RecuperoCastigo r, Documento d, string? razonSocial) => new(
        r.Id, r.DocumentoId, r.ClienteId, razonSocial, d.Tipo, d.Folio, d.FechaCastigo!.Value, d.MontoCastigo ?? 0, r.Fecha, r.Monto, r.Referencia, r.RegistradoPor, r.Creado,
        r.Moneda, r.MontoClp, r.PagoId, AsientoRecupero.Lineas(r.MontoClp), r.FechaReversa, r.MotivoReversa);
}
