using System.ComponentModel;
using Cobranzas.Cartera.Credito;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Pagos;

public sealed record DatosLineaAplicacion(Guid DocumentoId, int? Cuota, decimal Monto);

public sealed record DatosPago(
    Guid? ClienteId, string? Rut, DateOnly Fecha, decimal Monto, string Moneda, string Canal, string? Referencia, string Aplicacion, IReadOnlyList<DatosLineaAplicacion>? Aplicaciones,
    DateOnly? FechaCheque = null);

public static class ModosAplicacion
{
    public const string Automatica = "automatica";
    public const string Manual = "manual";
}

/// <summary>How a payment or its saldo a favor is applied: oldest first, or the lines the caller chose.</summary>
public sealed class ReglasAplicacion<T> : AbstractValidator<T>
{
    public ReglasAplicacion(Func<T, string?> modo, Func<T, IReadOnlyList<DatosLineaAplicacion>?> lineas, Func<T, string?> moneda)
    {
        RuleFor(x => modo(x)).Must(m => m is ModosAplicacion.Automatica or ModosAplicacion.Manual).OverridePropertyName("aplicacion")
            .WithErrorCode("modo_invalido").WithMessage("Aplicacion debe ser automatica o manual.");
        RuleFor(x => lineas(x)).Must(l => l is { Count: > 0 }).When(x => modo(x) == ModosAplicacion.Manual).OverridePropertyName("aplicaciones")
            .WithErrorCode("requerido").WithMessage("La aplicación manual indica las líneas a aplicar.");
        RuleFor(x => lineas(x)).Null().When(x => modo(x) == ModosAplicacion.Automatica).OverridePropertyName("aplicaciones")
            .WithErrorCode("excluyente").WithMessage("La aplicación automática no lleva líneas.");
        RuleForEach(x => lineas(x)).NotNull().OverridePropertyName("aplicaciones").WithErrorCode("requerido").WithMessage("Cada línea de aplicación es un objeto, no null.");
        RuleForEach(x => lineas(x)).ChildRules(l =>
        {
            l.RuleFor(a => a.DocumentoId).NotEmpty();
            l.RuleFor(a => a.Cuota).GreaterThan(0);
            l.RuleFor(a => a.Monto).GreaterThan(0);
        }).OverridePropertyName("aplicaciones");
        RuleForEach(x => lineas(x)).Must((x, l) => l is null || Monedas.EscalaValida(l.Monto, moneda(x)))
            .WithErrorCode("escala_moneda").WithMessage((x, _) => $"El monto tiene más decimales que los que admite {moneda(x)}.").OverridePropertyName("aplicaciones");
    }
}

public sealed class DatosPagoValidator : AbstractValidator<DatosPago>
{
    public DatosPagoValidator()
    {
        this.ClienteIdORut(x => x.ClienteId, x => x.Rut);
        RuleFor(x => x.Fecha).NotEmpty();
        RuleFor(x => x.Moneda).NotEmpty().Must(m => Monedas.Todas.Contains(m)).WithErrorCode("moneda_invalida")
            .WithMessage($"Moneda debe ser una de: {string.Join(", ", Monedas.Todas)}.");
        RuleFor(x => x.Monto).GreaterThan(0).LessThan(100_000_000_000_000m).EnEscalaDe(x => x.Moneda);
        RuleFor(x => x.Canal).NotEmpty().Must(c => Canales.Todos.Contains(c)).WithErrorCode("canal_invalido")
            .WithMessage($"Canal debe ser uno de: {string.Join(", ", Canales.Todos)}.");
        RuleFor(x => x.Referencia).MaximumLength(LargosCartera.Referencia);
        Include(new ReglasAplicacion<DatosPago>(x => x.Aplicacion, x => x.Aplicaciones, x => x.Moneda));
        RuleFor(x => x.FechaCheque).Null().When(x => x.Canal != Cheques.Canal).WithErrorCode("solo_cheque").WithMessage("Solo un cheque lleva fechaCheque.");
    }
}

/// <param name="Recuperos">Money of the payment that went to written-off documents as recoveries: monto = aplicado + recuperos + saldo a favor (a cheque not cashed aside).</param>
public sealed record PagoDto(
    Guid Id, ClienteRefDto Cliente, DateOnly Fecha, decimal Monto, string Moneda, string Canal, string? Referencia, decimal Aplicado, decimal SaldoAFavor,
    IReadOnlyList<AplicacionPagoDto> Aplicaciones, DateTimeOffset Creado, EstadoChequeDto? Cheque, IReadOnlyList<RecuperoPagoDto> Recuperos);

public sealed record RecuperoPagoDto(Guid Id, Guid DocumentoId, string Tipo, long Folio, decimal Monto, DateOnly Fecha, bool Activo, DateOnly? FechaReversa, string? MotivoReversa);

public sealed record EstadoChequeDto(
    string Estado, DateOnly? FechaCheque, string? CuentaDeposito, DateOnly? FechaDeposito, DateOnly? FechaCobro, DateOnly? FechaProtesto, string? MotivoProtesto, decimal? CostoProtesto);

public sealed record AplicacionPagoDto(
    Guid Id, Guid DocumentoId, string Tipo, long Folio, int Cuota, decimal Monto, DateOnly Fecha, bool Activa, DateOnly? FechaReversa, string? MotivoReversa);

public sealed record RegistrarPago(DatosPago Cuerpo) : IRequest<PagoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/pagos", async Task<Created<PagoDto>> (DatosPago body, IMediator m, CancellationToken ct) =>
        {
            var p = await m.Send(new RegistrarPago(body), ct);
            return TypedResults.Created($"/api/v1/pagos/{p.Id}", p);
        })
        .WithName("RegistrarPago").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(422);
}

public sealed class RegistrarPagoValidator : AbstractValidator<RegistrarPago>
{
    public RegistrarPagoValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosPagoValidator());
}

public sealed class RegistrarPagoHandler(CarteraDbContext db, IMediator mediator, Aplicador aplicador, ControlCredito control, AvisoPagos aviso, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<RegistrarPago, PagoDto>
{
    public async ValueTask<PagoDto> Handle(RegistrarPago request, CancellationToken cancellationToken)
    {
        var datos = request.Cuerpo;
        var cliente = await ResolucionCliente.ResolverAsync(mediator, datos.ClienteId, datos.Rut, cancellationToken);
        if (datos.Fecha > FechaNegocio.Hoy(reloj))
            throw new ReglaNegocioException("fecha", "fecha_futura", "Un pago no puede tener fecha futura.");

        var pago = Cheques.Nuevo(cliente.Id, datos, reloj.GetUtcNow());
        await using var tx = await BloqueoCliente.TomarAsync(db, [cliente.Id], cancellationToken);
        if (pago.Referencia is { } referencia
            && await db.Pagos.AnyAsync(p => p.ClienteId == cliente.Id && p.Referencia == referencia && p.Fecha == pago.Fecha && p.Monto == pago.Monto, cancellationToken))
            throw new ConflictoException("referencia", $"El cliente ya tiene el pago con referencia '{referencia}' del {pago.Fecha:dd-MM-yyyy} por {pago.Monto} {pago.Moneda}; no se registra dos veces.");
        db.Pagos.Add(pago);
        if (pago.EstadoCheque == Cheques.EnCartera && datos.Aplicacion != ModosAplicacion.Automatica)
            throw new ReglaNegocioException("aplicacion", "cheque_a_fecha", "Un cheque a fecha se aplica automáticamente cuando se cobra.");
        if (pago.EstadoCheque != Cheques.EnCartera)
        {
            var recuperos = new List<LineaRecupero>();
            var lineas = await AplicacionPago.PlanificarAsync(aplicador, pago, pago.Fecha, datos.Aplicacion, datos.Aplicaciones, cancellationToken, recuperos);
            AplicacionPago.Registrar(db, pago, lineas, pago.Fecha, contexto.Actor, reloj.GetUtcNow());
            AplicacionPago.RegistrarRecuperos(db, pago, recuperos, pago.Fecha, contexto.Actor, reloj.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await control.AplicarAsync([cliente.Id], cancellationToken);
        await aviso.PublicarAsync([cliente.Id], cancellationToken);
        var dto = await ProyeccionPago.CargarAsync(db, mediator, pago.Id, cancellationToken);
        await aviso.EventoAsync(TiposEventoNegocio.PagoRegistrado, pago.Id, dto, cancellationToken);
        await aviso.PagadosAsync(dto.Aplicaciones.Select(a => a.DocumentoId), cancellationToken);
        return dto;
    }
}

/// <summary>The application a payment would get, computed on the same rules and discarded.</summary>
public sealed record VistaPreviaPago(DatosPago Cuerpo) : IRequest<VistaPreviaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/pagos/vista-previa", async Task<Ok<VistaPreviaDto>> (DatosPago body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new VistaPreviaPago(body), ct)))
        .WithName("VistaPreviaPago").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(422);
}

public sealed record VistaPreviaDto(
    ClienteRefDto Cliente, decimal Monto, string Moneda, IReadOnlyList<LineaAplicacion> Aplicaciones, decimal Aplicado, decimal SaldoAFavor,
    [property: Description("Lo que irá a documentos castigados como recupero del castigo (el documento sigue castigado).")] IReadOnlyList<LineaRecupero> Recuperos);

public sealed class VistaPreviaPagoValidator : AbstractValidator<VistaPreviaPago>
{
    public VistaPreviaPagoValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosPagoValidator());
}

public sealed class VistaPreviaPagoHandler(IMediator mediator, Aplicador aplicador) : IRequestHandler<VistaPreviaPago, VistaPreviaDto>
{
    public async ValueTask<VistaPreviaDto> Handle(VistaPreviaPago request, CancellationToken cancellationToken)
    {
        var datos = request.Cuerpo;
        var cliente = await ResolucionCliente.ResolverAsync(mediator, datos.ClienteId, datos.Rut, cancellationToken);
        var pago = new Pago { ClienteId = cliente.Id, Fecha = datos.Fecha, Monto = datos.Monto, Saldo = datos.Monto, Moneda = datos.Moneda, Canal = datos.Canal };
        // The tracked entities change in memory only: nothing is saved in this scope.
        var recuperos = new List<LineaRecupero>();
        var lineas = await AplicacionPago.PlanificarAsync(aplicador, pago, datos.Fecha, datos.Aplicacion, datos.Aplicaciones, cancellationToken, recuperos);
        var aplicado = lineas.Sum(l => l.Monto);
        return new VistaPreviaDto(
            new ClienteRefDto(cliente.Id, cliente.Rut, cliente.RazonSocial), datos.Monto, datos.Moneda, lineas, aplicado, datos.Monto - aplicado - recuperos.Sum(r => r.Monto), recuperos);
    }
}

public static class AplicacionPago
{
    public static Task<List<LineaAplicacion>> PlanificarAsync(
        Aplicador aplicador, Pago pago, DateOnly fecha, string modo, IReadOnlyList<DatosLineaAplicacion>? lineas, CancellationToken ct, List<LineaRecupero>? recuperos = null) =>
        PlanificarAsync(aplicador, pago.ClienteId, pago.Moneda, pago.Saldo, fecha, modo, lineas, ct, recuperos);

    /// <summary>
    /// The lines an amount available to a client (a payment's or a credit note's) gets at <paramref name="fecha"/>, oldest first or as chosen.
    /// With <paramref name="recuperos"/> (payment money), a chosen line on a written-off document is a recovery of that write-off, collected
    /// there instead of applied: the document is not reopened.
    /// </summary>
    public static async Task<List<LineaAplicacion>> PlanificarAsync(
        Aplicador aplicador, Guid clienteId, string moneda, decimal disponible, DateOnly fecha, string modo, IReadOnlyList<DatosLineaAplicacion>? lineas, CancellationToken ct,
        List<LineaRecupero>? recuperos = null)
    {
        foreach (var (l, i) in (lineas ?? []).Select((l, i) => (l, i)))
            if (!Monedas.EscalaValida(l.Monto, moneda))
                throw new ReglaNegocioException($"aplicaciones[{i}].monto", "escala_moneda", $"El monto tiene más decimales que los que admite {moneda}.");
        if (modo == ModosAplicacion.Automatica)
            return await aplicador.AutomaticaAsync(clienteId, moneda, disponible, fecha, ct);
        var elegidas = lineas ?? [];
        if (elegidas.Sum(l => l.Monto) > disponible)
            throw new ReglaNegocioException("aplicaciones", "excede_disponible", $"Las aplicaciones suman {elegidas.Sum(l => l.Monto)} y solo hay {disponible} disponible.");
        var aRecupero = recuperos is null ? [] : await aplicador.RecuperosAsync(clienteId, moneda, elegidas, fecha, ct);
        recuperos?.AddRange(aRecupero.Values);
        var resto = elegidas.Where((_, i) => !aRecupero.ContainsKey(i)).Select(l => new SolicitudLinea(l.DocumentoId, l.Cuota, l.Monto)).ToList();
        return resto.Count == 0 ? [] : await aplicador.ManualAsync(clienteId, moneda, disponible - aRecupero.Values.Sum(r => r.Monto), resto, fecha, ct);
    }

    public static void Registrar(CarteraDbContext db, Pago pago, IEnumerable<LineaAplicacion> lineas, DateOnly fecha, string actor, DateTimeOffset ahora)
    {
        foreach (var l in lineas)
        {
            pago.Saldo -= l.Monto;
            db.Aplicaciones.Add(new Aplicacion
            {
                DocumentoId = l.DocumentoId, Cuota = l.Cuota, ClienteId = pago.ClienteId, Moneda = pago.Moneda, PagoId = pago.Id, Monto = l.Monto, Fecha = fecha, Actor = actor,
                Creado = ahora,
            });
        }

        if (pago.Saldo < 0)
            throw new ReglaNegocioException("aplicaciones", "excede_pago", "Las aplicaciones superan el monto del pago.");
    }

    /// <summary>The payment's money that goes to recoveries of written-off documents: it leaves the payment like an application does.</summary>
    public static void RegistrarRecuperos(CarteraDbContext db, Pago pago, IEnumerable<LineaRecupero> recuperos, DateOnly fecha, string actor, DateTimeOffset ahora)
    {
        var referencia = pago.Referencia ?? $"Pago {pago.Canal} del {pago.Fecha:dd-MM-yyyy}";
        foreach (var r in recuperos)
        {
            pago.Saldo -= r.Monto;
            db.Add(new Castigos.RecuperoCastigo
            {
                DocumentoId = r.DocumentoId, ClienteId = pago.ClienteId, PagoId = pago.Id, Fecha = fecha, Monto = r.Monto, Moneda = pago.Moneda, MontoClp = r.MontoClp,
                Referencia = referencia[..Math.Min(referencia.Length, Castigos.LargosCastigo.Referencia)],
                RegistradoPor = actor, Creado = ahora,
            });
        }

        if (pago.Saldo < 0)
            throw new ReglaNegocioException("aplicaciones", "excede_pago", "Las aplicaciones superan el monto del pago.");
    }
}

public static class ProyeccionPago
{
    public static async Task<PagoDto> CargarAsync(CarteraDbContext db, IMediator mediator, Guid id, CancellationToken ct) =>
        (await CargarVariosAsync(db, mediator, [id], ct)).SingleOrDefault() ?? throw new NoEncontradoException("Pago", id);

    /// <summary>These payments as the API returns them, in the order of <paramref name="ids"/>; unknown ids are absent.</summary>
    public static async Task<IReadOnlyList<PagoDto>> CargarVariosAsync(CarteraDbContext db, IMediator mediator, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var pagos = await db.Pagos.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var aplicaciones = (await (
                from a in db.Aplicaciones.AsNoTracking()
                join d in db.Documentos.AsNoTracking() on a.DocumentoId equals d.Id
                where a.PagoId != null && ids.Contains(a.PagoId.Value)
                orderby a.Fecha, a.Creado, d.FechaVencimiento, d.Folio, a.Cuota
                select new { PagoId = a.PagoId!.Value, Dto = new AplicacionPagoDto(a.Id, a.DocumentoId, d.Tipo, d.Folio, a.Cuota, a.Monto, a.Fecha, a.FechaReversa == null, a.FechaReversa, a.MotivoReversa) })
            .ToListAsync(ct)).ToLookup(x => x.PagoId, x => x.Dto);
        var recuperos = (await (
                from r in db.Set<Castigos.RecuperoCastigo>().AsNoTracking()
                join d in db.Documentos.AsNoTracking() on r.DocumentoId equals d.Id
                where r.PagoId != null && ids.Contains(r.PagoId.Value)
                orderby r.Fecha, r.Creado
                select new { PagoId = r.PagoId!.Value, Dto = new RecuperoPagoDto(r.Id, r.DocumentoId, d.Tipo, d.Folio, r.Monto, r.Fecha, r.FechaReversa == null, r.FechaReversa, r.MotivoReversa) })
            .ToListAsync(ct)).ToLookup(x => x.PagoId, x => x.Dto);
        var clientes = await ResolucionCliente.PorIdAsync(mediator, pagos.Values.Select(p => p.ClienteId).Distinct().ToList(), ct);
        return ids.Where(pagos.ContainsKey).Select(id => pagos[id]).Select(p => new PagoDto(
            p.Id, ProyeccionDocumento.Cliente(p.ClienteId, clientes), p.Fecha, p.Monto, p.Moneda, p.Canal, p.Referencia,
            p.Monto - p.Saldo - recuperos[p.Id].Where(r => r.Activo).Sum(r => r.Monto), Cheques.Disponible(p) ? p.Saldo : 0, aplicaciones[p.Id].ToList(), p.Creado,
            p.EstadoCheque is null ? null
                : new EstadoChequeDto(p.EstadoCheque, p.FechaCheque, p.CuentaDeposito, p.FechaDeposito, p.FechaCobro, p.FechaProtesto, p.MotivoProtesto, p.CostoProtesto),
            recuperos[p.Id].ToList())).ToList();
    }
}
