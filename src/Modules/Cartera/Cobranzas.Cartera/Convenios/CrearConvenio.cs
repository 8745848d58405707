using System.ComponentModel;
using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.CargosMora;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Convenios;

public sealed record DatosConvenio(
    Guid ClienteId,
    [property: Description("pago_en_cuotas, condonacion_intereses, quita_capital, dacion_en_pago o cesion_creditos.")] string Tipo,
    List<Guid>? DocumentoIds,
    [property: Description("Porcentaje del interés de mora que se condona (0 a 100); no es un monto.")] decimal? PorcentajeCondonacion,
    decimal? MontoQuita,
    int NumeroCuotas,
    DateOnly PrimeraFecha,
    [property: Description("mensual, quincenal o semanal.")] string Frecuencia,
    [property: Description("Tasa de interés mensual del financiamiento (porcentaje, 0 a 10); no es un monto.")] decimal? TasaMensual,
    [property: Description("Fecha del cálculo (saldos e interés de mora); por omisión hoy.")] DateOnly? Fecha,
    [property: Description("Bien dado en pago o créditos cedidos, según el tipo.")] string? Detalle,
    string? Notas);

public sealed class DatosConvenioValidator : AbstractValidator<DatosConvenio>
{
    public DatosConvenioValidator()
    {
        RuleFor(x => x.ClienteId).NotEmpty().WithMessage("clienteId es obligatorio.");
        RuleFor(x => x.Tipo).NotEmpty().Must(t => TiposConvenio.Todos.Contains(t)).WithMessage($"tipo debe ser uno de: {string.Join(", ", TiposConvenio.Todos)}.");
        RuleFor(x => x.DocumentoIds).NotNull().WithMessage("documentoIds es obligatorio.")
            .Must(d => d is { Count: >= 1 and <= 200 }).WithMessage("documentoIds lleva de 1 a 200 documentos.")
            .Must(d => d is null || d.Distinct().Count() == d.Count).WithMessage("documentoIds no puede repetir documentos.")
            .Must(d => d is null || d.All(i => i != Guid.Empty)).WithMessage("documentoIds no puede llevar ids vacíos.");
        RuleFor(x => x.PorcentajeCondonacion).InclusiveBetween(0m, 100m).Must(p => p is null || decimal.Round(p.Value, 4) == p)
            .WithMessage("porcentajeCondonacion es un porcentaje de 0 a 100, con hasta 4 decimales.");
        RuleFor(x => x.MontoQuita).GreaterThanOrEqualTo(0m).Must(m => m is null || decimal.Round(m.Value, 0) == m)
            .WithMessage("montoQuita es un monto en pesos, sin decimales, no negativo.");
        RuleFor(x => x.NumeroCuotas).InclusiveBetween(1, 120).WithMessage("numeroCuotas va de 1 a 120.");
        RuleFor(x => x.PrimeraFecha).NotEmpty().Must(f => f >= ReglaFechaCorte.Primera && f <= ReglaFechaCorte.Ultima.AddYears(-20))
            .WithMessage("primeraFecha es obligatoria y debe ser una fecha razonable.");
        RuleFor(x => x.Frecuencia).NotEmpty().Must(f => FrecuenciasConvenio.Todas.Contains(f)).WithMessage("frecuencia debe ser mensual, quincenal o semanal.");
        RuleFor(x => x.TasaMensual).InclusiveBetween(0m, 10m).Must(p => p is null || decimal.Round(p.Value, 4) == p)
            .WithMessage("tasaMensual es un porcentaje de 0 a 10, con hasta 4 decimales.");
        RuleFor(x => x.Fecha).EnRango("fecha");
        RuleFor(x => x.Detalle).MaximumLength(LargosConvenio.Detalle);
        RuleFor(x => x.Notas).MaximumLength(LargosConvenio.Notas);
        RuleFor(x => x.Detalle).NotEmpty().When(x => x.Tipo is TiposConvenio.DacionEnPago or TiposConvenio.CesionCreditos)
            .WithMessage("detalle es obligatorio en una dación en pago (el bien) o una cesión de créditos (los créditos cedidos).");
        RuleFor(x => x.PorcentajeCondonacion).NotNull().GreaterThan(0m).When(x => x.Tipo == TiposConvenio.CondonacionIntereses)
            .WithMessage("Una condonación de intereses indica porcentajeCondonacion mayor que 0.");
        RuleFor(x => x.MontoQuita).NotNull().GreaterThan(0m).When(x => x.Tipo == TiposConvenio.QuitaCapital)
            .WithMessage("Una quita de capital indica montoQuita mayor que 0.");
    }
}

/// <summary>The totals and schedule a convenio would have, without saving it (the SPA's live preview).</summary>
public sealed record VistaPreviaConvenio(DatosConvenio Cuerpo) : IRequest<ConvenioDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapPost("/convenios/vista-previa", async Task<Ok<ConvenioDto>> (DatosConvenio body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new VistaPreviaConvenio(body), ct)))
        .WithName("VistaPreviaConvenio").WithTags("Convenios").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class VistaPreviaConvenioValidator : AbstractValidator<VistaPreviaConvenio>
{
    public VistaPreviaConvenioValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosConvenioValidator());
}

public sealed class VistaPreviaConvenioHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<VistaPreviaConvenio, ConvenioDto>
{
    public async ValueTask<ConvenioDto> Handle(VistaPreviaConvenio request, CancellationToken cancellationToken)
    {
        var convenio = await CalculoConvenio.CalcularAsync(db, mediator, contexto, reloj, request.Cuerpo, 0, cancellationToken);
        return await ProyeccionConvenio.DeAsync(db, mediator, reloj, convenio, cancellationToken);
    }
}

public sealed record CrearConvenio(DatosConvenio Cuerpo) : IRequest<ConvenioDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/convenios", async Task<Created<ConvenioDto>> (DatosConvenio body, IMediator m, CancellationToken ct) =>
        {
            var c = await m.Send(new CrearConvenio(body), ct);
            return TypedResults.Created($"/api/v1/convenios/{c.Id}", c);
        })
        .WithName("CrearConvenio").WithTags("Convenios").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class CrearConvenioValidator : AbstractValidator<CrearConvenio>
{
    public CrearConvenioValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosConvenioValidator());
}

public sealed class CrearConvenioHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<CrearConvenio, ConvenioDto>
{
    public async ValueTask<ConvenioDto> Handle(CrearConvenio request, CancellationToken cancellationToken)
    {
        await using var tx = await Pagos.BloqueoCliente.TomarAsync(db, [request.Cuerpo.ClienteId], cancellationToken);
        var numero = (await db.Set<Convenio>().MaxAsync(c => (long?)c.Numero, cancellationToken) ?? 0) + 1;
        var convenio = await CalculoConvenio.CalcularAsync(db, mediator, contexto, reloj, request.Cuerpo, numero, cancellationToken);
        db.Add(convenio);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw new ConflictoException("numero", "Otro convenio tomó el mismo número al mismo tiempo; vuelva a intentarlo.");
        }

        await tx.CommitAsync(cancellationToken);
        return await ProyeccionConvenio.DeAsync(db, mediator, reloj, convenio, cancellationToken);
    }
}

public static class CalculoConvenio
{
    /// <summary>The convenio over the chosen documents at the calculation date: balances, late interest, waiver, haircut, schedule.</summary>
    public static async Task<Convenio> CalcularAsync(
        CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj, DatosConvenio d, long numero, CancellationToken ct)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var fecha = d.Fecha ?? hoy;
        if (fecha > hoy)
            throw new ReglaNegocioException("fecha", "fecha_futura", "La fecha del convenio no puede ser futura.");
        if (d.PrimeraFecha <= fecha)
            throw new ReglaNegocioException("primeraFecha", "antes_de_fecha", "La primera cuota vence después de la fecha del convenio.");
        await ResolucionCliente.ResolverAsync(mediator, d.ClienteId, null, ct);

        var ids = d.DocumentoIds!;
        var documentos = await db.Documentos.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var enOtro = await EnOtroConvenioAsync(db, ids, null, ct);
        for (var i = 0; i < ids.Count; i++)
        {
            var campo = $"documentoIds[{i}]";
            if (!documentos.TryGetValue(ids[i], out var doc))
                throw new ReglaNegocioException(campo, "documento_inexistente", $"El documento '{ids[i]}' no existe.");
            if (doc.ClienteId != d.ClienteId)
                throw new ReglaNegocioException(campo, "cliente_distinto", "El documento es de otro cliente.");
            if (!ReglasCartera.EstaEnCartera(doc))
                throw new ReglaNegocioException(campo, "fuera_de_cartera", $"El documento {doc.Tipo} {doc.Folio} no está en cartera (anulado, cedido, castigado o nota de crédito).");
            if (doc.Tipo == TiposDocumento.Convenio)
                throw new ReglaNegocioException(campo, "documento_convenio", "Las cuotas de un convenio no se renegocian en otro convenio; rompa el convenio primero.");
            if (doc.Moneda != Monedas.Clp)
                throw new ReglaNegocioException(campo, "moneda", "Los convenios se pactan en pesos: el documento no está en CLP.");
            if (doc.Saldo <= 0)
                throw new ReglaNegocioException(campo, "sin_saldo", $"El documento {doc.Tipo} {doc.Folio} no tiene saldo.");
            if (doc.FechaEmision > fecha)
                throw new ReglaNegocioException(campo, "documento_posterior", $"El documento se emitió después de la fecha del convenio ({fecha:dd-MM-yyyy}).");
            if (enOtro.FirstOrDefault(x => x.DocumentoId == doc.Id) is { Numero: > 0 } otro)
                throw new ReglaNegocioException(campo, "en_otro_convenio", $"El documento ya está en el convenio N° {otro.Numero}.");
        }

        // Balances at the calculation date (a date in the past reads the balance the document had then).
        var saldos = await SaldosAlAsync(db, ids, fecha, ct);
        var interesPorDocumento = await InteresMoraAsync(db, contexto.EmpresaId, d.ClienteId, ids, fecha, ct);

        var ordenados = ids.Select(id => documentos[id]).OrderBy(x => x.FechaVencimiento).ThenBy(x => x.Folio).ToList();
        var saldo = ordenados.Select(x => saldos.GetValueOrDefault(x.Id)).ToList();
        if (saldo.Any(s => s <= 0))
            throw new ReglaNegocioException("documentoIds", "sin_saldo_a_la_fecha", $"Un documento no tenía saldo el {fecha:dd-MM-yyyy}.");
        var interes = ordenados.Select(x => interesPorDocumento.GetValueOrDefault(x.Id)).ToList();
        var porcentaje = d.PorcentajeCondonacion ?? 0;
        var condonacion = interes.Select(x => Math.Round(x * porcentaje / 100m, 0, MidpointRounding.AwayFromZero)).ToList();
        var totalSaldo = saldo.Sum();
        var quita = d.MontoQuita ?? 0;
        if (quita >= totalSaldo)
            throw new ReglaNegocioException("montoQuita", "quita_excesiva", $"La quita ({quita:N0}) debe ser menor que el saldo de los documentos ({totalSaldo:N0}).");
        var quitas = PlanCuotas.Repartir(quita, saldo);
        var convenido = totalSaldo + interes.Sum() - condonacion.Sum() - quita;
        var tasa = d.TasaMensual ?? 0;
        var plan = PlanCuotas.Calcular(convenido, d.NumeroCuotas, d.PrimeraFecha, d.Frecuencia, tasa);
        if (plan.Any(c => c.Monto <= 0))
            throw new ReglaNegocioException("numeroCuotas", "cuotas_sin_monto", "Hay más cuotas que pesos a pagar: reduzca numeroCuotas.");

        var id = Guid.CreateVersion7();
        return new Convenio
        {
            Id = id, Numero = numero, ClienteId = d.ClienteId, Tipo = d.Tipo, Fecha = fecha, Moneda = Monedas.Clp,
            SaldoDocumentos = totalSaldo, InteresMora = interes.Sum(), PorcentajeCondonacion = porcentaje, MontoCondonacion = condonacion.Sum(), MontoQuita = quita,
            MontoConvenido = convenido, InteresFinanciamiento = plan.Sum(c => c.Interes), TotalCuotas = plan.Sum(c => c.Monto),
            NumeroCuotas = d.NumeroCuotas, PrimeraFecha = d.PrimeraFecha, Frecuencia = d.Frecuencia, TasaMensual = tasa,
            Detalle = Limpio(d.Detalle), Notas = Limpio(d.Notas), CreadoPor = contexto.Actor, Creado = reloj.GetUtcNow(),
            Documentos = ordenados.Select((x, k) => new ConvenioDocumento
            {
                ConvenioId = id, DocumentoId = x.Id, Tipo = x.Tipo, Folio = x.Folio, FechaVencimiento = x.FechaVencimiento, Saldo = saldo[k], Interes = interes[k],
                Condonacion = condonacion[k], Quita = quitas[k],
            }).ToList(),
            Cuotas = plan.Select(c => new ConvenioCuota { ConvenioId = id, Numero = c.Numero, FechaVencimiento = c.FechaVencimiento, Capital = c.Capital, Interes = c.Interes, Monto = c.Monto })
                .ToList(),
        };
    }

    /// <summary>
    /// The late interest of each chosen document at the date, by the late-charge rules (<see cref="ReglasCargosMora"/>, the company's rate):
    /// only the interest, on each day's balance; the commission and the consumer's collection charges are not part of a convenio.
    /// </summary>
    public static async Task<Dictionary<Guid, decimal>> InteresMoraAsync(CarteraDbContext db, Guid empresaId, Guid clienteId, IReadOnlyCollection<Guid> ids, DateOnly fecha,
        CancellationToken ct)
    {
        var tasa = ConfiguracionCargosMoraDto.De(await db.Set<ConfiguracionCargosMora>().AsNoTracking().SingleOrDefaultAsync(ct)).TasaEfectiva;
        if (tasa is null or 0)
            return [];
        var filas = await CalcularCargosMoraHandler.LeerAsync(db, empresaId, clienteId, fecha, ct);
        return filas.Where(f => ids.Contains(f.DocumentoId) && f.Moneda == Monedas.Clp)
            .GroupBy(f => f.DocumentoId)
            .ToDictionary(g => g.Key, g => g.Sum(f => ReglasCargosMora.Calcular(
                new CuotaEnMora(f.Tipo, f.Moneda, f.Vencimiento, f.Saldo, f.SaldoDias, f.SaldoClp ?? f.Saldo, 1m), fecha, RegimenesCargo.Empresa, tasa, 0m, null, true).Interes));
    }

    /// <summary>
    /// Documents already committed to a convenio in approval, approved or vigente (drafts are proposals: several may name the same
    /// document, and only one of them can go on to approval).
    /// </summary>
    public static async Task<List<(Guid DocumentoId, long Numero)>> EnOtroConvenioAsync(CarteraDbContext db, IReadOnlyCollection<Guid> ids, Guid? excepto, CancellationToken ct) =>
        (await db.Set<ConvenioDocumento>().Where(x => ids.Contains(x.DocumentoId) && x.ConvenioId != excepto)
            .Join(db.Set<Convenio>().Where(c => c.Estado == EstadosConvenio.PendienteAprobacion || c.Estado == EstadosConvenio.Aprobado || c.Estado == EstadosConvenio.Vigente),
                x => x.ConvenioId, c => c.Id, (x, c) => new { x.DocumentoId, c.Numero })
            .ToListAsync(ct)).Select(x => (x.DocumentoId, x.Numero)).ToList();

    /// <summary>Each document's balance at <paramref name="fecha"/>: its total less what was applied by then and not reversed by then.</summary>
    public static async Task<Dictionary<Guid, decimal>> SaldosAlAsync(CarteraDbContext db, IReadOnlyCollection<Guid> ids, DateOnly fecha, CancellationToken ct)
    {
        var totales = await db.Documentos.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Total }).ToListAsync(ct);
        var aplicado = await db.Aplicaciones.Where(a => ids.Contains(a.DocumentoId) && a.Fecha <= fecha && (a.FechaReversa == null || a.FechaReversa > fecha))
            .GroupBy(a => a.DocumentoId).Select(g => new { g.Key, Monto = g.Sum(a => a.Monto) }).ToDictionaryAsync(x => x.Key, x => x.Monto, ct);
        return totales.ToDictionary(t => t.Id, t => t.Total - aplicado.GetValueOrDefault(t.Id));
    }

    private static string? Limpio(string? texto) => string.IsNullOrWhiteSpace(texto) ? null : texto.Trim();
}
