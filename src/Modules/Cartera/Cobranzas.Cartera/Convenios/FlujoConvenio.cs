using Cobranzas.Cartera.CargosMora;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Convenios;

public sealed record SolicitarAprobacionConvenio(Guid Id) : IRequest<ConvenioDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/convenios/{id:guid}/solicitar-aprobacion", async Task<Ok<ConvenioDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new SolicitarAprobacionConvenio(id), ct)))
        .WithName("SolicitarAprobacionConvenio").WithTags("Convenios").ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class SolicitarAprobacionConvenioHandler(CarteraDbContext db, IMediator mediator, AprobacionConvenio aprobacion, TimeProvider reloj)
    : IRequestHandler<SolicitarAprobacionConvenio, ConvenioDto>
{
    public async ValueTask<ConvenioDto> Handle(SolicitarAprobacionConvenio request, CancellationToken cancellationToken)
    {
        var c = await ProyeccionConvenio.CargarAsync(db, request.Id, cancellationToken);
        if (c.Estado != EstadosConvenio.Borrador)
            throw new ReglaNegocioException("estado", "no_borrador", $"Solo un convenio en borrador se envía a aprobación (está {c.Estado}).");
        if ((await CalculoConvenio.EnOtroConvenioAsync(db, c.Documentos.Select(x => x.DocumentoId).ToList(), c.Id, cancellationToken)).FirstOrDefault() is { Numero: > 0 } otro)
            throw new ReglaNegocioException("documentos", "en_otro_convenio", $"Un documento ya está en el convenio N° {otro.Numero}, en aprobación o vigente.");
        var estado = await aprobacion.AbrirAsync(c, cancellationToken);
        c.EstadoAprobacion = estado;
        c.Estado = estado == EstadosAprobacion.Aprobada ? EstadosConvenio.Aprobado : EstadosConvenio.PendienteAprobacion;
        await db.SaveChangesAsync(cancellationToken);
        return await ProyeccionConvenio.DeAsync(db, mediator, reloj, c, cancellationToken);
    }
}

public sealed record DatosDecisionConvenio(bool Aprobar, string? Comentario);

public sealed record DecidirConvenio(Guid Id, DatosDecisionConvenio Cuerpo) : IRequest<ConvenioDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/convenios/{id:guid}/decision", async Task<Ok<ConvenioDto>> (Guid id, DatosDecisionConvenio body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DecidirConvenio(id, body), ct)))
        .WithName("DecidirConvenio").WithTags("Convenios").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class DecidirConvenioValidator : AbstractValidator<DecidirConvenio>
{
    public DecidirConvenioValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Comentario).MaximumLength(LargosConvenio.Motivo);
            c.RuleFor(x => x.Comentario).NotEmpty().When(x => !x.Aprobar).WithMessage("comentario es obligatorio al rechazar.");
        });
}

/// <summary>
/// The calling user's approval or rejection, recorded by the approval levels (which decide whether the user's role may and how
/// many approvers the level needs); a rejected convenio goes back to borrador with the comment, to be annulled or sent again.
/// </summary>
public sealed class DecidirConvenioHandler(CarteraDbContext db, IMediator mediator, AprobacionConvenio aprobacion, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<DecidirConvenio, ConvenioDto>
{
    public async ValueTask<ConvenioDto> Handle(DecidirConvenio request, CancellationToken cancellationToken)
    {
        var c = await ProyeccionConvenio.CargarAsync(db, request.Id, cancellationToken);
        if (c.Estado != EstadosConvenio.PendienteAprobacion)
            throw new ReglaNegocioException("estado", "no_pendiente", $"El convenio no espera aprobación (está {c.Estado}).");
        var estado = await aprobacion.DecidirAsync(c, request.Cuerpo.Aprobar, request.Cuerpo.Comentario, cancellationToken);
        c.EstadoAprobacion = estado;
        c.DecididoPor = contexto.Actor;
        c.FechaDecision = reloj.GetUtcNow();
        c.ComentarioDecision = string.IsNullOrWhiteSpace(request.Cuerpo.Comentario) ? null : request.Cuerpo.Comentario.Trim();
        c.Estado = estado switch
        {
            EstadosAprobacion.Aprobada => EstadosConvenio.Aprobado,
            EstadosAprobacion.Rechazada => EstadosConvenio.Borrador,
            _ => EstadosConvenio.PendienteAprobacion,
        };
        await db.SaveChangesAsync(cancellationToken);
        return await ProyeccionConvenio.DeAsync(db, mediator, reloj, c, cancellationToken);
    }
}

public sealed record DatosFirmaConvenio(DateOnly? Fecha);

public sealed record FirmarConvenio(Guid Id, DatosFirmaConvenio Cuerpo) : IRequest<ConvenioDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/convenios/{id:guid}/firmar", async Task<Ok<ConvenioDto>> (Guid id, DatosFirmaConvenio body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new FirmarConvenio(id, body), ct)))
        .WithName("FirmarConvenio").WithTags("Convenios").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class FirmarConvenioValidator : AbstractValidator<FirmarConvenio>
{
    public FirmarConvenioValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c => c.RuleFor(x => x.Fecha).Must(f => f is null || f.Value.Year >= 1900).WithMessage("fecha inválida."));
}

/// <summary>
/// The signature settles the originals with applications from the convenio, dated the signature day (so every cut-off before it
/// still shows the originals owed), and issues the receivable whose cuotas are the installments.
/// </summary>
public sealed class FirmarConvenioHandler(CarteraDbContext db, IMediator mediator, Aplicador aplicador, AvisoPagos aviso, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<FirmarConvenio, ConvenioDto>
{
    public async ValueTask<ConvenioDto> Handle(FirmarConvenio request, CancellationToken cancellationToken)
    {
        var clienteId = await db.Set<Convenio>().Where(c => c.Id == request.Id).Select(c => (Guid?)c.ClienteId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NoEncontradoException("Convenio", request.Id);
        await using var tx = await BloqueoCliente.TomarAsync(db, [clienteId], cancellationToken);
        var c = await ProyeccionConvenio.CargarAsync(db, request.Id, cancellationToken);
        if (c.Estado is EstadosConvenio.Vigente or EstadosConvenio.Cumplido or EstadosConvenio.Roto)
            throw new ConflictoException("estado", $"El convenio N° {c.Numero} ya fue firmado.");
        if (c.Estado != EstadosConvenio.Aprobado)
            throw new ReglaNegocioException("estado", "no_aprobado", $"Solo se firma un convenio aprobado (está {c.Estado}).");
        var hoy = FechaNegocio.Hoy(reloj);
        var fecha = request.Cuerpo.Fecha ?? hoy;
        if (fecha > hoy)
            throw new ReglaNegocioException("fecha", "fecha_futura", "La firma no puede tener fecha futura.");
        if (fecha < c.Fecha)
            throw new ReglaNegocioException("fecha", "antes_del_calculo", $"La firma no puede ser anterior a la fecha del convenio ({c.Fecha:dd-MM-yyyy}).");
        if (c.Cuotas.Min(x => x.FechaVencimiento) <= fecha)
            throw new ReglaNegocioException("fecha", "cuota_vencida_al_firmar", "La primera cuota debe vencer después de la firma; calcule un convenio nuevo.");

        var ids = c.Documentos.Select(x => x.DocumentoId).ToList();
        var originales = await db.Documentos.Include(d => d.Cuotas).Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var ahora = reloj.GetUtcNow();
        foreach (var cd in c.Documentos)
        {
            var d = originales[cd.DocumentoId];
            if (!ReglasCartera.EstaEnCartera(d) || d.Saldo != cd.Saldo)
                throw new ReglaNegocioException("documentos", "saldo_cambio",
                    $"El documento {d.Tipo} {d.Folio} cambió desde el cálculo (debía {cd.Saldo:N0}, hoy {d.Saldo:N0}); anule el convenio y calcule uno nuevo.");
            var lineas = await aplicador.HastaSaldoAsync(d, cd.Saldo, fecha, cancellationToken);
            if (lineas.Sum(l => l.Monto) != cd.Saldo)
                throw new ReglaNegocioException("fecha", "saldo_no_libre", $"El documento {d.Tipo} {d.Folio} no debía todo su saldo el {fecha:dd-MM-yyyy} y después; firme con otra fecha.");
            foreach (var l in lineas)
                db.Aplicaciones.Add(new Aplicacion
                {
                    DocumentoId = d.Id, Cuota = l.Cuota, ClienteId = d.ClienteId, Moneda = d.Moneda, ConvenioId = c.Id, Monto = l.Monto, Fecha = fecha, Actor = contexto.Actor,
                    Creado = ahora,
                });
        }

        var cuotas = c.Cuotas.OrderBy(x => x.Numero).ToList();
        var documento = new Documento
        {
            Tipo = TiposDocumento.Convenio, Folio = c.Numero, ClienteId = c.ClienteId, FechaEmision = fecha, FechaVencimiento = cuotas[^1].FechaVencimiento,
            Moneda = c.Moneda, Neto = 0, Exento = c.TotalCuotas, Iva = 0, Total = c.TotalCuotas, Saldo = c.TotalCuotas, Origen = "convenio",
            Notas = $"Convenio N° {c.Numero}: cuotas del acuerdo de pago que liquidó {c.Documentos.Count} documento(s).", Creado = ahora,
        };
        documento.Cuotas.AddRange(cuotas.Select(x => new Cuota
        {
            DocumentoId = documento.Id, Numero = x.Numero, ClienteId = c.ClienteId, Moneda = c.Moneda, FechaEmision = fecha, FechaVencimiento = x.FechaVencimiento,
            Monto = x.Monto, Saldo = x.Monto,
        }));
        db.Documentos.Add(documento);
        c.DocumentoId = documento.Id;
        c.Estado = EstadosConvenio.Vigente;
        c.FechaFirma = fecha;
        c.FirmadoPor = contexto.Actor;
        var notaDebito = NotaDebitoConvenio.Solicitud(c, fecha, contexto.Actor, ahora);
        if (notaDebito is not null)
            db.Add(notaDebito);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw new ConflictoException("folio", $"Ya existe un documento convenio con folio {c.Numero}.");
        }

        await tx.CommitAsync(cancellationToken);
        await aviso.PublicarAsync([c.ClienteId], cancellationToken);
        if (notaDebito is not null)
            await mediator.Publish(EventoNegocio.Uno(contexto.EmpresaId, TiposEventoNegocio.NotaDebitoSolicitada, notaDebito.Id, SolicitudNotaDebitoDto.De(notaDebito, true), ahora),
                cancellationToken);
        return await ProyeccionConvenio.DeAsync(db, mediator, reloj, c, cancellationToken);
    }
}

public sealed record DatosMotivoConvenio(string Motivo);

public sealed class DatosMotivoConvenioValidator : AbstractValidator<DatosMotivoConvenio>
{
    public DatosMotivoConvenioValidator() => RuleFor(x => x.Motivo).NotEmpty().MaximumLength(LargosConvenio.Motivo).WithMessage("motivo es obligatorio (hasta 500 caracteres).");
}

public sealed record AnularConvenio(Guid Id, DatosMotivoConvenio Cuerpo) : IRequest<ConvenioDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/convenios/{id:guid}/anular", async Task<Ok<ConvenioDto>> (Guid id, DatosMotivoConvenio body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new AnularConvenio(id, body), ct)))
        .WithName("AnularConvenio").WithTags("Convenios").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class AnularConvenioValidator : AbstractValidator<AnularConvenio>
{
    public AnularConvenioValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosMotivoConvenioValidator());
}

/// <summary>Before the signature nothing was settled: annulling only closes the convenio and frees its documents.</summary>
public sealed class AnularConvenioHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<AnularConvenio, ConvenioDto>
{
    public async ValueTask<ConvenioDto> Handle(AnularConvenio request, CancellationToken cancellationToken)
    {
        var c = await ProyeccionConvenio.CargarAsync(db, request.Id, cancellationToken);
        if (c.Estado is not (EstadosConvenio.Borrador or EstadosConvenio.PendienteAprobacion or EstadosConvenio.Aprobado))
            throw new ReglaNegocioException("estado", "no_anulable", $"Un convenio {c.Estado} no se anula; uno vigente se rompe.");
        c.Estado = EstadosConvenio.Anulado;
        c.FechaTermino = FechaNegocio.Hoy(reloj);
        c.MotivoTermino = request.Cuerpo.Motivo.Trim();
        c.TerminadoPor = contexto.Actor;
        await db.SaveChangesAsync(cancellationToken);
        return await ProyeccionConvenio.DeAsync(db, mediator, reloj, c, cancellationToken);
    }
}

public sealed record RomperConvenio(Guid Id, DatosMotivoConvenio Cuerpo) : IRequest<ConvenioDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/convenios/{id:guid}/romper", async Task<Ok<ConvenioDto>> (Guid id, DatosMotivoConvenio body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RomperConvenio(id, body), ct)))
        .WithName("RomperConvenio").WithTags("Convenios").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class RomperConvenioValidator : AbstractValidator<RomperConvenio>
{
    public RomperConvenioValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosMotivoConvenioValidator());
}

public sealed class RomperConvenioHandler(CarteraDbContext db, IMediator mediator, AvisoPagos aviso, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<RomperConvenio, ConvenioDto>
{
    public async ValueTask<ConvenioDto> Handle(RomperConvenio request, CancellationToken cancellationToken)
    {
        var clienteId = await db.Set<Convenio>().Where(c => c.Id == request.Id).Select(c => (Guid?)c.ClienteId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NoEncontradoException("Convenio", request.Id);
        Convenio c;
        await using (var tx = await BloqueoCliente.TomarAsync(db, [clienteId], cancellationToken))
        {
            c = await ProyeccionConvenio.CargarAsync(db, request.Id, cancellationToken);
            if (c.Estado == EstadosConvenio.Roto)
                throw new ConflictoException("estado", $"El convenio N° {c.Numero} ya está roto.");
            if (c.Estado != EstadosConvenio.Vigente)
                throw new ReglaNegocioException("estado", "no_vigente", $"Solo se rompe un convenio vigente (está {c.Estado}).");
            await RupturaConvenio.RomperAsync(db, c, FechaNegocio.Hoy(reloj), request.Cuerpo.Motivo.Trim(), contexto.Actor, reloj.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        await aviso.PublicarAsync([c.ClienteId], cancellationToken);
        await RupturaConvenio.NotificarAsync(mediator, c, cancellationToken);
        return await ProyeccionConvenio.DeAsync(db, mediator, reloj, c, cancellationToken);
    }
}

/// <summary>
/// A broken convenio gives back to the originals the part of their debt the convenio did not pay: the originals' settled balance
/// times the share of the installments still unpaid (rounded to the peso), split over the originals by their settled balance. The
/// waiver and haircut fall with the agreement. The settlement applications are reversed at the break date and what the convenio
/// did pay is applied again from the convenio at that date, so every cut-off before the break keeps what it showed; the receivable
/// leaves the portfolio at the break date (cancelled, its payments stay on it).
/// </summary>
public static class RupturaConvenio
{
    public static async Task<decimal> RomperAsync(CarteraDbContext db, Convenio c, DateOnly fecha, string motivo, string actor, DateTimeOffset ahora, CancellationToken ct)
    {
        var receivable = await db.Documentos.Include(d => d.Cuotas).SingleAsync(d => d.Id == c.DocumentoId, ct);
        var ids = c.Documentos.Select(x => x.DocumentoId).ToList();
        var originales = await db.Documentos.Include(d => d.Cuotas).Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var aplicaciones = await db.Aplicaciones.Where(a => a.ConvenioId == c.Id && a.FechaReversa == null).ToListAsync(ct);
        var lineas = c.Documentos.OrderBy(x => x.FechaVencimiento).ThenBy(x => x.Folio).ToList();
        var repuesto = Math.Round(c.SaldoDocumentos * receivable.Saldo / receivable.Total, 0, MidpointRounding.AwayFromZero);
        var partes = PlanCuotas.Repartir(repuesto, lineas.Select(x => x.Saldo).ToList());
        for (var k = 0; k < lineas.Count; k++)
        {
            var cd = lineas[k];
            var d = originales[cd.DocumentoId];
            foreach (var a in aplicaciones.Where(a => a.DocumentoId == d.Id))
                Aplicador.Reversar(a, d, fecha, $"Convenio N° {c.Numero} roto: {motivo}", actor);
            var resto = cd.Saldo - partes[k];
            foreach (var cuota in d.Cuotas.OrderBy(x => x.FechaVencimiento).ThenBy(x => x.Numero))
            {
                if (resto <= 0)
                    break;
                var monto = Math.Min(resto, cuota.Saldo);
                if (monto <= 0)
                    continue;
                cuota.Saldo -= monto;
                d.Saldo -= monto;
                resto -= monto;
                db.Aplicaciones.Add(new Aplicacion
                {
                    DocumentoId = d.Id, Cuota = cuota.Numero, ClienteId = d.ClienteId, Moneda = d.Moneda, ConvenioId = c.Id, Monto = monto, Fecha = fecha, Actor = actor,
                    Creado = ahora,
                });
            }

            cd.Repuesto = partes[k];
        }

        receivable.FechaAnulacion = fecha;
        receivable.MotivoAnulacion = $"Convenio N° {c.Numero} roto: {motivo}";
        receivable.AnuladoPor = actor;
        ReglasCartera.MarcarVigencia(receivable);
        c.Estado = EstadosConvenio.Roto;
        c.FechaTermino = fecha;
        c.MotivoTermino = motivo;
        c.TerminadoPor = actor;
        c.MontoRepuesto = repuesto;
        return repuesto;
    }

    public static async Task NotificarAsync(IMediator mediator, Convenio c, CancellationToken ct) =>
        await mediator.Send(new RegistrarTareaConvenio(c.ClienteId, c.Id, "convenio_roto", $"Convenio N° {c.Numero} roto",
            $"{c.MotivoTermino}. Se repusieron {c.MontoRepuesto:N0} CLP en los documentos originales; contacte al cliente."), ct);
}
