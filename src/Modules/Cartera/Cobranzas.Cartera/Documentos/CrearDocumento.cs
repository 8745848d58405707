using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Documentos;

public sealed record DatosCuota(int Numero, DateOnly FechaVencimiento, decimal Monto);

/// <summary>The document an NC/ND corrects: by id, or by type and folio.</summary>
public sealed record DatosReferencia(Guid? DocumentoId, string? Tipo, long? Folio);

public sealed record DatosDocumento(
    string Tipo,
    long Folio,
    Guid? ClienteId,
    string? Rut,
    DateOnly FechaEmision,
    DateOnly? FechaVencimiento,
    IReadOnlyList<DatosCuota>? Cuotas,
    string Moneda,
    decimal Neto,
    decimal Exento,
    decimal Iva,
    decimal Total,
    DatosReferencia? Referencia,
    string? Origen,
    string? ExternalId,
    string? Notas);

public sealed class DatosDocumentoValidator : AbstractValidator<DatosDocumento>
{
    public static readonly string[] Origenes = ["erp", "manual"];

    private static bool SumaCabe(DatosDocumento x) => Math.Abs(x.Neto) < Montos.Maximo && Math.Abs(x.Exento) < Montos.Maximo && Math.Abs(x.Iva) < Montos.Maximo;

    public DatosDocumentoValidator()
    {
        RuleFor(x => x.Tipo).NotEmpty().Must(t => TiposDocumento.Todos.Contains(t)).WithErrorCode("tipo_invalido")
            .WithMessage($"Tipo debe ser uno de: {string.Join(", ", TiposDocumento.Todos)}.");
        RuleFor(x => x.Folio).GreaterThan(0);
        this.ClienteIdORut(x => x.ClienteId, x => x.Rut);
        RuleFor(x => x.FechaEmision).NotEmpty();
        RuleFor(x => x.Moneda).NotEmpty().Must(m => Monedas.Todas.Contains(m)).WithErrorCode("moneda_invalida")
            .WithMessage($"Moneda debe ser una de: {string.Join(", ", Monedas.Todas)}.");
        RuleFor(x => x.Neto).GreaterThanOrEqualTo(0).LessThan(Montos.Maximo).EnEscalaDe(x => x.Moneda);
        RuleFor(x => x.Exento).GreaterThanOrEqualTo(0).LessThan(Montos.Maximo).EnEscalaDe(x => x.Moneda);
        RuleFor(x => x.Iva).GreaterThanOrEqualTo(0).LessThan(Montos.Maximo).EnEscalaDe(x => x.Moneda);
        RuleFor(x => x.Total).GreaterThan(0).LessThan(Montos.Maximo).EnEscalaDe(x => x.Moneda);
        // Amounts past the total's range are already rejected above; their sum would overflow decimal.
        RuleFor(x => x.Total).Must((x, total) => !SumaCabe(x) || x.Neto + x.Exento + x.Iva == total).WithErrorCode("total_descuadrado")
            .WithMessage(x => $"neto + exento + iva = {x.Neto + x.Exento + x.Iva} y no cuadra con el total {x.Total}.");

        RuleFor(x => x.FechaVencimiento).Must((x, v) => v is null || v >= x.FechaEmision).WithErrorCode("antes_de_emision")
            .WithMessage("El vencimiento no puede ser anterior a la emisión.");
        RuleFor(x => x.FechaVencimiento).NotNull().When(x => x.Cuotas is null && !TiposDocumento.EsCredito(x.Tipo ?? ""))
            .WithErrorCode("requerido").WithMessage("Indique fechaVencimiento o cuotas.");
        RuleFor(x => x.FechaVencimiento).Null().When(x => x.Cuotas is not null)
            .WithErrorCode("excluyente").WithMessage("Indique fechaVencimiento o cuotas, no ambos.");
        RuleFor(x => x.Cuotas).Null().When(x => TiposDocumento.EsCredito(x.Tipo ?? ""))
            .WithErrorCode("sin_cuotas").WithMessage("Una nota de crédito no tiene cuotas.");
        // A null installment is refused by itself; the rules over the whole list only run without one.
        RuleForEach(x => x.Cuotas).NotNull().When(x => x.Cuotas is not null).WithErrorCode("cuota_nula").WithMessage("Una cuota no puede ser nula.");
        When(x => x.Cuotas is not null && x.Cuotas.All(q => q is not null), () =>
        {
            RuleFor(x => x.Cuotas!).NotEmpty().Must(c => c.Count <= 120).WithMessage("Máximo 120 cuotas.");
            RuleFor(x => x.Cuotas!).Must(c => c.Select(q => q.Numero).Order().SequenceEqual(Enumerable.Range(1, c.Count)))
                .WithErrorCode("numeracion").WithMessage("Las cuotas se numeran 1, 2, 3... sin repetir.");
            RuleFor(x => x.Cuotas!).Must((x, c) => c.Sum(q => q.Monto) == x.Total).WithErrorCode("cuotas_descuadradas")
                .WithMessage(x => $"Las cuotas suman {x.Cuotas!.Sum(q => q.Monto)} y el total es {x.Total}.");
            RuleForEach(x => x.Cuotas!).ChildRules(c =>
            {
                c.RuleFor(q => q.Monto).GreaterThan(0);
                c.RuleFor(q => q.FechaVencimiento).NotEmpty();
            });
            RuleForEach(x => x.Cuotas!).Must((x, q) => Monedas.EscalaValida(q.Monto, x.Moneda)).WithErrorCode("escala_moneda")
                .WithMessage(x => $"El monto de la cuota tiene más decimales que los que admite {x.Moneda}.");
            RuleForEach(x => x.Cuotas!).Must((x, q) => q.FechaVencimiento >= x.FechaEmision).WithErrorCode("antes_de_emision")
                .WithMessage("El vencimiento de la cuota no puede ser anterior a la emisión.");
        });

        RuleFor(x => x.Referencia).Null().When(x => !TiposDocumento.AdmiteReferencia(x.Tipo ?? ""))
            .WithErrorCode("sin_referencia").WithMessage("Solo notas de crédito y débito llevan referencia.");
        RuleFor(x => x.Referencia!).Must(r => r.DocumentoId is not null || (!string.IsNullOrEmpty(r.Tipo) && r.Folio is > 0))
            .When(x => x.Referencia is not null).WithErrorCode("referencia_incompleta").WithMessage("Indique documentoId, o tipo y folio.");
        RuleFor(x => x.Origen).Must(o => o is null || Origenes.Contains(o)).WithErrorCode("origen_invalido").WithMessage("Origen debe ser erp o manual.");
        RuleFor(x => x.ExternalId).MaximumLength(LargosCartera.ExternalId);
        RuleFor(x => x.Notas).MaximumLength(LargosCartera.Notas);
    }
}

public sealed record CrearDocumento(DatosDocumento Cuerpo) : IRequest<DocumentoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/documentos", async Task<Created<DocumentoDto>> (DatosDocumento body, IMediator m, CancellationToken ct) =>
        {
            var d = await m.Send(new CrearDocumento(body), ct);
            return TypedResults.Created($"/api/v1/documentos/{d.Id}", d);
        })
        .WithName("CrearDocumento").ProducesValidationProblem().ProducesProblem(409).ProducesProblem(422);
}

public sealed class CrearDocumentoValidator : AbstractValidator<CrearDocumento>
{
    public CrearDocumentoValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosDocumentoValidator());
}

public sealed class CrearDocumentoHandler(CarteraDbContext db, IMediator mediator, Aplicador aplicador, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<CrearDocumento, DocumentoDto>
{
    public async ValueTask<DocumentoDto> Handle(CrearDocumento request, CancellationToken cancellationToken)
    {
        var datos = request.Cuerpo;
        var cliente = await ResolucionCliente.ResolverAsync(mediator, datos.ClienteId, datos.Rut, cancellationToken);
        if (await db.Documentos.AnyAsync(d => d.Tipo == datos.Tipo && d.Folio == datos.Folio, cancellationToken))
            throw new ConflictoException("folio", $"Ya existe un documento tipo {datos.Tipo} con folio {datos.Folio}.");
        var externalId = string.IsNullOrWhiteSpace(datos.ExternalId) ? null : datos.ExternalId.Trim();
        if (externalId is not null && await db.Documentos.AnyAsync(d => d.ExternalId == externalId, cancellationToken))
            throw new ConflictoException("externalId", $"Ya existe un documento con externalId '{externalId}'.");

        // A note that references a document applies to it at once: money moves, so it waits its turn like a payment.
        await using var tx = datos.Referencia is null ? null : await BloqueoCliente.TomarAsync(db, [cliente.Id], cancellationToken);
        var referencia = datos.Referencia is null ? null : await ReferenciaAsync(datos.Referencia, cancellationToken);
        if (referencia is not null)
            Aplicador.ValidarDestino(referencia, cliente.Id, datos.Moneda, "referencia");

        var ahora = reloj.GetUtcNow();
        var origen = datos.Origen ?? "manual";
        var ajustes = await AjustesCartera.CargarAsync(db, cancellationToken);
        var credito = TiposDocumento.EsCredito(datos.Tipo);
        var cuotas = datos.Cuotas ?? (credito ? [] : [new DatosCuota(1, datos.FechaVencimiento!.Value, datos.Total)]);
        var documento = new Documento
        {
            Tipo = datos.Tipo,
            Folio = datos.Folio,
            ClienteId = cliente.Id,
            FechaEmision = datos.FechaEmision,
            FechaVencimiento = cuotas.Count > 0 ? cuotas.Max(c => c.FechaVencimiento) : datos.FechaVencimiento ?? datos.FechaEmision,
            Moneda = datos.Moneda,
            Neto = datos.Neto,
            Exento = datos.Exento,
            Iva = datos.Iva,
            Total = datos.Total,
            Saldo = datos.Total,
            ReferenciaId = referencia?.Id,
            Origen = origen,
            CuentaContable = origen == "manual" ? (referencia is null ? ajustes.CuentaContableSinReferencia : ajustes.CuentaContableConReferencia) : null,
            ExternalId = externalId,
            Notas = string.IsNullOrWhiteSpace(datos.Notas) ? null : datos.Notas.Trim(),
            Creado = ahora,
            Cuotas = cuotas.Select(c => new Cuota
            {
                Numero = c.Numero, ClienteId = cliente.Id, Moneda = datos.Moneda, FechaEmision = datos.FechaEmision, FechaVencimiento = c.FechaVencimiento,
                Monto = c.Monto, Saldo = c.Monto,
            }).ToList(),
        };
        db.Documentos.Add(documento);

        // A credit note corrects the document it references at once; what exceeds its balance stays as saldo a favor.
        if (credito && referencia is not null)
        {
            foreach (var linea in await aplicador.HastaSaldoAsync(referencia, documento.Total, documento.FechaEmision, cancellationToken))
            {
                documento.Saldo -= linea.Monto;
                db.Aplicaciones.Add(new Aplicacion
                {
                    DocumentoId = linea.DocumentoId, Cuota = linea.Cuota, ClienteId = referencia.ClienteId, Moneda = referencia.Moneda, NotaCreditoId = documento.Id,
                    Monto = linea.Monto, Fecha = documento.FechaEmision, Actor = contexto.Actor, Creado = ahora,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (tx is not null)
            await tx.CommitAsync(cancellationToken);
        var dto = await ProyeccionDocumento.CargarAsync(db, mediator, reloj, documento.Id, cancellationToken);
        await mediator.Publish(EventoNegocio.Uno(contexto.EmpresaId, TiposEventoNegocio.DocumentoCreado, documento.Id, DocumentoEvento.De(documento), ahora), cancellationToken);
        return dto;
    }

    private async Task<Documento> ReferenciaAsync(DatosReferencia r, CancellationToken ct)
    {
        var q = db.Documentos.Include(d => d.Cuotas);
        var documento = r.DocumentoId is { } id
            ? await q.SingleOrDefaultAsync(d => d.Id == id, ct)
            : await q.SingleOrDefaultAsync(d => d.Tipo == r.Tipo && d.Folio == r.Folio, ct);
        return documento ?? throw new ReglaNegocioException("referencia", "documento_inexistente", "El documento referenciado no existe.");
    }
}

/// <summary>What a webhook subscriber receives as <c>datos</c> of documento.creado / documento.pagado, the same for one document and a batch.</summary>
public sealed record DocumentoEvento(
    Guid Id, string Tipo, long Folio, Guid ClienteId, DateOnly FechaEmision, DateOnly FechaVencimiento, string Moneda, decimal Total, decimal Saldo, string? ExternalId, string Origen)
{
    public static DocumentoEvento De(Documento d) => new(d.Id, d.Tipo, d.Folio, d.ClienteId, d.FechaEmision, d.FechaVencimiento, d.Moneda, d.Total, d.Saldo, d.ExternalId, d.Origen);
}
