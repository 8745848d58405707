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

public static class Cheques
{
    public const string Canal = "cheque";
    public const string EnCartera = "en_cartera";
    public const string Depositado = "depositado";
    public const string Cobrado = "cobrado";
    public const string Protestado = "protestado";
    public static readonly string[] Estados = [EnCartera, Depositado, Cobrado, Protestado];

    /// <summary>
    /// A new payment; a cheque dated after the day it was received (a cheque a fecha) stays en cartera (unapplied) until it is
    /// deposited and cleared, whether or not its date has come since: only clearing makes its money real.
    /// </summary>
    public static Pago Nuevo(Guid clienteId, DatosPago d, DateTimeOffset ahora)
    {
        var cheque = d.Canal == Canal;
        var aFecha = cheque && d.FechaCheque > d.Fecha;
        return new Pago
        {
            ClienteId = clienteId, Fecha = d.Fecha, Monto = d.Monto, Saldo = d.Monto, Moneda = d.Moneda, Canal = d.Canal,
            Referencia = string.IsNullOrWhiteSpace(d.Referencia) ? null : d.Referencia.Trim(), Creado = ahora,
            FechaCheque = cheque ? d.FechaCheque ?? d.Fecha : null,
            EstadoCheque = cheque ? aFecha ? EnCartera : Cobrado : null,
            FechaCobro = cheque && !aFecha ? d.Fecha : null,
        };
    }

    /// <summary>Whether the payment's money is real: not a cheque still in the portfolio, deposited but not cleared, or protested.</summary>
    public static bool Disponible(Pago p) => p.EstadoCheque is null or Cobrado;
}

public sealed record ChequeDto(
    Guid PagoId, ClienteRefDto Cliente, decimal Monto, string Moneda, string? Referencia, DateOnly Fecha, DateOnly? FechaCheque, string Estado,
    string? CuentaDeposito, DateOnly? FechaDeposito, DateOnly? FechaCobro, DateOnly? FechaProtesto, string? MotivoProtesto, decimal? CostoProtesto);

/// <summary>The cheque board: by state, and those dated up to <c>venceHasta</c> (what to deposit this week).</summary>
public sealed record ListarCheques(string? Estado, DateOnly? VenceHasta, Guid? ClienteId, int? Pagina, int? TamanoPagina) : IRequest<Pagina<ChequeDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/cheques", async Task<Ok<Pagina<ChequeDto>>> ([AsParameters] ListarCheques q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarCheques").WithTags("Pagos").ProducesValidationProblem();
}

public sealed class ListarChequesValidator : AbstractValidator<ListarCheques>
{
    public ListarChequesValidator()
    {
        RuleFor(x => x.Estado).Must(e => e is null || Cheques.Estados.Contains(e)).WithMessage($"Estado debe ser uno de: {string.Join(", ", Cheques.Estados)}.");
        RuleFor(x => x.Pagina).GreaterThan(0);
        RuleFor(x => x.TamanoPagina).InclusiveBetween(1, Paginacion.TamanoMaximo);
    }
}

public sealed class ListarChequesHandler(CarteraDbContext db, IMediator mediator) : IRequestHandler<ListarCheques, Pagina<ChequeDto>>
{
    public async ValueTask<Pagina<ChequeDto>> Handle(ListarCheques request, CancellationToken cancellationToken)
    {
        var q = db.Pagos.AsNoTracking().Where(p => p.EstadoCheque != null);
        if (request.Estado is { } estado)
            q = q.Where(p => p.EstadoCheque == estado);
        if (request.VenceHasta is { } hasta)
            q = q.Where(p => p.FechaCheque <= hasta);
        if (request.ClienteId is { } cliente)
            q = q.Where(p => p.ClienteId == cliente);
        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(request.Pagina, request.TamanoPagina);
        var total = await q.CountAsync(cancellationToken);
        var pagos = await q.OrderBy(p => p.FechaCheque).ThenBy(p => p.Id).Skip(saltar).Take(tomar).ToListAsync(cancellationToken);
        var clientes = await ResolucionCliente.PorIdAsync(mediator, pagos.Select(p => p.ClienteId), cancellationToken);
        return new Pagina<ChequeDto>(pagos.Select(p => new ChequeDto(
            p.Id, ProyeccionDocumento.Cliente(p.ClienteId, clientes), p.Monto, p.Moneda, p.Referencia, p.Fecha, p.FechaCheque, p.EstadoCheque!, p.CuentaDeposito,
            p.FechaDeposito, p.FechaCobro, p.FechaProtesto, p.MotivoProtesto, p.CostoProtesto)).ToList(), total, pagina, tamano);
    }
}

public sealed record DatosDeposito(string CuentaDeposito, DateOnly? Fecha);

public sealed record DepositarCheque(Guid Id, DatosDeposito Cuerpo) : IRequest<PagoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/pagos/{id:guid}/depositar", async Task<Ok<PagoDto>> (Guid id, DatosDeposito body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DepositarCheque(id, body), ct)))
        .WithName("DepositarCheque").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class DepositarChequeValidator : AbstractValidator<DepositarCheque>
{
    public DepositarChequeValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c => c.RuleFor(x => x.CuentaDeposito).NotEmpty().MaximumLength(LargosCartera.Referencia));
}

public sealed class DepositarChequeHandler(CarteraDbContext db, IMediator mediator, TimeProvider reloj) : IRequestHandler<DepositarCheque, PagoDto>
{
    public async ValueTask<PagoDto> Handle(DepositarCheque request, CancellationToken cancellationToken)
    {
        var pago = await ChequesComun.CargarAsync(db, request.Id, Cheques.EnCartera, "depositar", cancellationToken);
        var fecha = request.Cuerpo.Fecha ?? FechaNegocio.Hoy(reloj);
        if (fecha > FechaNegocio.Hoy(reloj))
            throw new ReglaNegocioException("fecha", "fecha_futura", "El depósito no puede tener fecha futura.");
        if (fecha < pago.FechaCheque)
            throw new ReglaNegocioException("fecha", "antes_de_fecha_cheque", $"El cheque es a fecha {pago.FechaCheque:dd-MM-yyyy}: no se deposita antes.");
        pago.EstadoCheque = Cheques.Depositado;
        pago.CuentaDeposito = request.Cuerpo.CuentaDeposito.Trim();
        pago.FechaDeposito = fecha;
        await db.SaveChangesAsync(cancellationToken);
        return await ProyeccionPago.CargarAsync(db, mediator, pago.Id, cancellationToken);
    }
}

public sealed record DatosCobro(DateOnly? Fecha);

/// <summary>The bank cleared the cheque: its money is applied oldest due date first, dated the day it cleared.</summary>
public sealed record CobrarCheque(Guid Id, DatosCobro? Cuerpo) : IRequest<PagoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/pagos/{id:guid}/cobrar", async Task<Ok<PagoDto>> (Guid id, DatosCobro? body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new CobrarCheque(id, body), ct)))
        .WithName("CobrarCheque").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class CobrarChequeHandler(CarteraDbContext db, IMediator mediator, Aplicador aplicador, ControlCredito control, AvisoPagos aviso, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<CobrarCheque, PagoDto>
{
    public async ValueTask<PagoDto> Handle(CobrarCheque request, CancellationToken cancellationToken)
    {
        await using var tx = await BloqueoCliente.TomarAsync(db, [await ChequesComun.ClienteAsync(db, request.Id, cancellationToken)], cancellationToken);
        var pago = await ChequesComun.CargarAsync(db, request.Id, Cheques.Depositado, "cobrar", cancellationToken);
        var fecha = request.Cuerpo?.Fecha ?? FechaNegocio.Hoy(reloj);
        if (fecha > FechaNegocio.Hoy(reloj) || fecha < pago.FechaDeposito)
            throw new ReglaNegocioException("fecha", "fecha_invalida", "El cobro va entre la fecha del depósito y hoy.");
        pago.EstadoCheque = Cheques.Cobrado;
        pago.FechaCobro = fecha;
        var lineas = await aplicador.AutomaticaAsync(pago.ClienteId, pago.Moneda, pago.Saldo, fecha, cancellationToken);
        AplicacionPago.Registrar(db, pago, lineas, fecha, contexto.Actor, reloj.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await control.AplicarAsync([pago.ClienteId], cancellationToken);
        await aviso.PublicarAsync([pago.ClienteId], cancellationToken);
        await aviso.PagadosAsync(lineas.Select(l => l.DocumentoId), cancellationToken);
        return await ProyeccionPago.CargarAsync(db, mediator, pago.Id, cancellationToken);
    }
}

public sealed record DatosProtesto(string Motivo, decimal Costo, DateOnly? Fecha);

/// <summary>
/// The bank returned the cheque: every application it paid is reversed (the documents owe again, or a
/// written-off document's write-off grows by it), and the protest is recorded with its bank cost. The account statement lists it with the documents it reopened.
/// </summary>
public sealed record ProtestarCheque(Guid Id, DatosProtesto Cuerpo) : IRequest<PagoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/pagos/{id:guid}/protestar", async Task<Ok<PagoDto>> (Guid id, DatosProtesto body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ProtestarCheque(id, body), ct)))
        .WithName("ProtestarCheque").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class ProtestarChequeValidator : AbstractValidator<ProtestarCheque>
{
    public ProtestarChequeValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Motivo).NotEmpty().MaximumLength(LargosCartera.Motivo);
            c.RuleFor(x => x.Costo).GreaterThanOrEqualTo(0).LessThan(1_000_000_000m);
        });
}

public sealed class ProtestarChequeHandler(CarteraDbContext db, IMediator mediator, ControlCredito control, AvisoPagos aviso, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<ProtestarCheque, PagoDto>
{
    public async ValueTask<PagoDto> Handle(ProtestarCheque request, CancellationToken cancellationToken)
    {
        await using var tx = await BloqueoCliente.TomarAsync(db, [await ChequesComun.ClienteAsync(db, request.Id, cancellationToken)], cancellationToken);
        var pago = await db.Pagos.SingleAsync(p => p.Id == request.Id, cancellationToken);
        if (pago.EstadoCheque is not (Cheques.Depositado or Cheques.Cobrado))
            throw new ReglaNegocioException("id", "estado_cheque", pago.EstadoCheque is null
                ? "El pago no es un cheque."
                : $"Un cheque {pago.EstadoCheque.Replace('_', ' ')} no se puede protestar (solo depositado o cobrado).");
        if (!Monedas.EscalaValida(request.Cuerpo.Costo, pago.Moneda))
            throw new ReglaNegocioException("costo", "escala_moneda", $"El costo tiene más decimales que los que admite {pago.Moneda}.");
        var hoy = FechaNegocio.Hoy(reloj);
        var fecha = request.Cuerpo.Fecha ?? hoy;
        if (fecha > hoy || fecha < pago.FechaDeposito)
            throw new ReglaNegocioException("fecha", "fecha_invalida", "El protesto va entre la fecha del depósito y hoy.");

        var aplicaciones = await db.Aplicaciones.Where(a => a.PagoId == pago.Id && a.FechaReversa == null).ToListAsync(cancellationToken);
        await Factoring.CobrosDelegados.RechazarSiTransferidaAsync(db, aplicaciones.Select(a => a.Id), cancellationToken);
        var ids = aplicaciones.Select(a => a.DocumentoId).Distinct().ToList();
        var documentos = await db.Documentos.Include(d => d.Cuotas).Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var motivo = $"Cheque protestado: {request.Cuerpo.Motivo.Trim()}";
        foreach (var a in aplicaciones)
        {
            Aplicador.FechaReversa(fecha, a.Fecha, reloj);
            var documento = documentos[a.DocumentoId];
            // A written-off document stays written off: what the cheque had paid on it was never paid, so it joins the write-off.
            if (documento.FechaCastigo is not null)
                documento.MontoCastigo += a.Monto;
            else
            {
                documento.Cuotas.Single(c => c.Numero == a.Cuota).Saldo += a.Monto;
                documento.Saldo += a.Monto;
            }

            pago.Saldo += a.Monto;
            a.FechaReversa = fecha;
            a.MotivoReversa = motivo[..Math.Min(motivo.Length, LargosCartera.Motivo)];
            a.ReversadaPor = contexto.Actor;
        }

        // What the cheque had recovered of a write-off was never recovered: the recovery is undone at the protest date, the money back on the payment.
        foreach (var r in await db.Set<Castigos.RecuperoCastigo>().Where(r => r.PagoId == pago.Id && r.FechaReversa == null).ToListAsync(cancellationToken))
        {
            Aplicador.FechaReversa(fecha, r.Fecha, reloj);
            pago.Saldo += r.Monto;
            r.FechaReversa = fecha;
            r.MotivoReversa = motivo[..Math.Min(motivo.Length, Castigos.LargosCastigo.Motivo)];
        }

        pago.EstadoCheque = Cheques.Protestado;
        pago.FechaProtesto = fecha;
        pago.MotivoProtesto = request.Cuerpo.Motivo.Trim();
        pago.CostoProtesto = request.Cuerpo.Costo;
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await control.AplicarAsync([pago.ClienteId], cancellationToken);
        await aviso.PublicarAsync([pago.ClienteId], cancellationToken);
        var dto = await ProyeccionPago.CargarAsync(db, mediator, pago.Id, cancellationToken);
        await aviso.EventoAsync(TiposEventoNegocio.PagoReversado, pago.Id, new { pagoId = pago.Id, fecha, motivo = pago.MotivoProtesto, protesto = true, pago = dto }, cancellationToken);
        return dto;
    }
}

internal static class ChequesComun
{
    public static async Task<Guid> ClienteAsync(CarteraDbContext db, Guid id, CancellationToken ct) =>
        await db.Pagos.Where(p => p.Id == id).Select(p => (Guid?)p.ClienteId).SingleOrDefaultAsync(ct) ?? throw new NoEncontradoException("Pago", id);

    public static async Task<Pago> CargarAsync(CarteraDbContext db, Guid id, string estadoRequerido, string accion, CancellationToken ct)
    {
        var pago = await db.Pagos.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NoEncontradoException("Pago", id);
        if (pago.EstadoCheque != estadoRequerido)
            throw new ReglaNegocioException("id", "estado_cheque", pago.EstadoCheque is null
                ? "El pago no es un cheque."
                : $"Solo un cheque {estadoRequerido.Replace('_', ' ')} se puede {accion}; este está {pago.EstadoCheque.Replace('_', ' ')}.");
        return pago;
    }
}
