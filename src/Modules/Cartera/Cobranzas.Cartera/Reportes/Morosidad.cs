using System.ComponentModel;
using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Pdf;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;

namespace Cobranzas.Cartera.Reportes;

public sealed record MesMorosidadDto(
    [property: Description("Primer día del mes.")] DateOnly Mes,
    [property: Description("Fecha a la que se calculó: el último día del mes, o la fecha de corte en su mes.")] DateOnly Corte,
    decimal Total, decimal Vencido, decimal Mas90,
    [property: Description("Índice de morosidad: vencido / total (%), 2 decimales.")] decimal IndiceMorosidad,
    [property: Description("Deuda con más de 90 días / total (%), 2 decimales.")] decimal IndiceMas90);

public sealed record MorosidadDto(DateOnly FechaCorte, string Moneda, IReadOnlyList<MesMorosidadDto> Meses);

/// <summary>
/// Evolución de morosidad: for each of the last <see cref="Meses"/> months (24 by default) the total debt, the overdue
/// part, the part more than 90 days past due and the morosity index, each at its month-end (the last at the cut-off),
/// from the aging's as-of statement; closed months of the whole company are cached (<see cref="SerieMensual"/>).
/// </summary>
public sealed record EvolucionMorosidad(DateOnly? FechaCorte, int? Meses, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId)
    : IRequest<MorosidadDto>, IFiltroReporte
{
    public static void Map(RutasModulo rutas)
    {
        rutas.Leer.MapGet("/reportes/morosidad", async Task<Ok<MorosidadDto>> ([AsParameters] EvolucionMorosidad q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("EvolucionMorosidad").ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
        rutas.Leer.MapGet("/reportes/morosidad/exportar", async Task<FileContentHttpResult> ([AsParameters] EvolucionMorosidad q, string? formato, IMediator m, CancellationToken ct) =>
            {
                var a = await m.Send(new ExportarMorosidad(q, formato ?? "xlsx"), ct);
                return TypedResults.File(a.Contenido, a.TipoContenido, a.NombreArchivo);
            })
            .WithName("ExportarEvolucionMorosidad").Produces(200, typeof(Stream), Exportacion.TipoXlsx, "text/csv", ExportacionReportes.TipoPdf)
            .ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
    }
}

/// <summary>The rules of the monthly series' parameters, shared by the morosity and provision series.</summary>
public static class ReglasSerieMensual
{
    public const int MesesMaximo = 36;
    public const int MesesPorDefecto = 24;

    public static void ReglasSerie<T>(this AbstractValidator<T> v, Func<T, DateOnly?> corte, Func<T, int?> meses)
    {
        v.RuleFor(x => corte(x)).EnRango("fechaCorte").OverridePropertyName("fechaCorte");
        v.RuleFor(x => meses(x)).InclusiveBetween(1, MesesMaximo).OverridePropertyName("meses").WithErrorCode("rango")
            .WithMessage($"meses debe estar entre 1 y {MesesMaximo}.");
        // The first month must still be a date the aging can compute.
        v.RuleFor(x => corte(x)).Must((x, c) => c is null || c.Value.AddMonths(-(meses(x) ?? MesesPorDefecto)) >= ReglaFechaCorte.Primera)
            .When(x => corte(x) >= ReglaFechaCorte.Primera && corte(x) <= ReglaFechaCorte.Ultima && meses(x) is null or (>= 1 and <= MesesMaximo))
            .OverridePropertyName("fechaCorte").WithErrorCode("rango").WithMessage("fechaCorte deja meses anteriores a 1900.");
    }
}

public sealed class EvolucionMorosidadValidator : AbstractValidator<EvolucionMorosidad>
{
    public EvolucionMorosidadValidator()
    {
        this.ReglasSerie(x => x.FechaCorte, x => x.Meses);
        this.ReglasFiltroReporte();
    }
}

public sealed class EvolucionMorosidadHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<EvolucionMorosidad, MorosidadDto>
{
    public async ValueTask<MorosidadDto> Handle(EvolucionMorosidad request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var corte = request.FechaCorte ?? hoy;
        var ajustes = await AjustesCartera.CargarAsync(db, cancellationToken);
        var clientes = await request.ClientesAsync(mediator, cancellationToken);
        var serie = await SerieMensual.CalcularAsync(db, contexto.EmpresaId, ajustes, corte, request.Meses ?? ReglasSerieMensual.MesesPorDefecto, hoy, clientes, cancellationToken);
        return new MorosidadDto(corte, Monedas.Clp, serie.Select(m => new MesMorosidadDto(m.Mes, m.Corte, m.Total, m.Vencido, m.MasDe(SerieMensual.Dias90),
            Indice(m.Vencido, m.Total), Indice(m.MasDe(SerieMensual.Dias90), m.Total))).ToList());
    }

    public static decimal Indice(decimal parte, decimal total) => total == 0 ? 0 : decimal.Round(parte * 100m / total, 2, MidpointRounding.AwayFromZero);
}

public sealed record ExportarMorosidad(EvolucionMorosidad Consulta, string Formato) : IRequest<ArchivoExportado>;

public sealed class ExportarMorosidadValidator : AbstractValidator<ExportarMorosidad>
{
    public ExportarMorosidadValidator() => this.ReglaFormato(x => x.Formato);
}

public sealed class ExportarMorosidadHandler(IMediator mediator, IContextoSolicitud contexto, ImpresoraPdf impresora) : IRequestHandler<ExportarMorosidad, ArchivoExportado>
{
    public async ValueTask<ArchivoExportado> Handle(ExportarMorosidad request, CancellationToken cancellationToken)
    {
        var r = await mediator.Send(request.Consulta, cancellationToken);
        var empresa = await mediator.Send(new ObtenerDatosEmpresa(contexto.EmpresaId), cancellationToken);
        var tabla = new TablaReporte("Evolución de morosidad", "evolucion-morosidad", r.FechaCorte, [],
            ["Mes", "Corte", "Deuda total", "Vencido", "Más de 90 días", "Índice de morosidad %", "Más de 90 días %"],
            r.Meses.Select(m => (IReadOnlyList<object?>)[m.Mes.ToString("yyyy-MM", ExportacionReportes.Chile), m.Corte, m.Total, m.Vencido, m.Mas90, m.IndiceMorosidad, m.IndiceMas90]).ToList());
        return await ExportacionReportes.GenerarAsync(request.Formato, tabla, empresa, impresora, cancellationToken);
    }
}

public sealed record MesProvisionDto(DateOnly Mes, DateOnly Corte, decimal Saldo, IReadOnlyList<ProvisionTramoDto> Tramos, decimal Provision,
    [property: Description("Provisión / saldo (%), 2 decimales.")] decimal Cobertura);

public sealed record EvolucionProvisionDto(DateOnly FechaCorte, string Moneda, IReadOnlyList<Tramo> DefinicionTramos, IReadOnlyList<MesProvisionDto> Meses);

/// <summary>
/// Provisión de incobrables month by month: each month-end's aging (the morosity series' months, cached alike) times the
/// company's current provision percentage per bucket, rounded to the peso per bucket as <see cref="CalcularProvision"/> does.
/// </summary>
public sealed record EvolucionProvision(DateOnly? FechaCorte, int? Meses, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId)
    : IRequest<EvolucionProvisionDto>, IFiltroReporte
{
    public static void Map(RutasModulo rutas)
    {
        rutas.Leer.MapGet("/reportes/provision/evolucion", async Task<Ok<EvolucionProvisionDto>> ([AsParameters] EvolucionProvision q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("EvolucionProvision").ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
        rutas.Leer.MapGet("/reportes/provision/evolucion/exportar", async Task<FileContentHttpResult> ([AsParameters] EvolucionProvision q, string? formato, IMediator m, CancellationToken ct) =>
            {
                var a = await m.Send(new ExportarEvolucionProvision(q, formato ?? "xlsx"), ct);
                return TypedResults.File(a.Contenido, a.TipoContenido, a.NombreArchivo);
            })
            .WithName("ExportarEvolucionProvision").Produces(200, typeof(Stream), Exportacion.TipoXlsx, "text/csv", ExportacionReportes.TipoPdf)
            .ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
    }
}

public sealed class EvolucionProvisionValidator : AbstractValidator<EvolucionProvision>
{
    public EvolucionProvisionValidator()
    {
        this.ReglasSerie(x => x.FechaCorte, x => x.Meses);
        this.ReglasFiltroReporte();
    }
}

public sealed class EvolucionProvisionHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<EvolucionProvision, EvolucionProvisionDto>
{
    public async ValueTask<EvolucionProvisionDto> Handle(EvolucionProvision request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var corte = request.FechaCorte ?? hoy;
        var ajustes = await AjustesCartera.CargarAsync(db, cancellationToken);
        var clientes = await request.ClientesAsync(mediator, cancellationToken);
        var serie = await SerieMensual.CalcularAsync(db, contexto.EmpresaId, ajustes, corte, request.Meses ?? ReglasSerieMensual.MesesPorDefecto, hoy, clientes, cancellationToken);
        var tramos = ajustes.Tramos;
        return new EvolucionProvisionDto(corte, Monedas.Clp, tramos, serie.Select(m =>
        {
            var montos = m.EnTramos(ajustes.LimitesTramos);
            var lineas = tramos.Select((t, i) => new ProvisionTramoDto(t.Codigo, montos[i], ajustes.PorcentajesProvision[i],
                decimal.Round(montos[i] * ajustes.PorcentajesProvision[i] / 100m, 0, MidpointRounding.AwayFromZero))).ToList();
            var provision = lineas.Sum(l => l.Provision);
            return new MesProvisionDto(m.Mes, m.Corte, m.Total, lineas, provision, EvolucionMorosidadHandler.Indice(provision, m.Total));
        }).ToList());
    }
}

public sealed record ExportarEvolucionProvision(EvolucionProvision Consulta, string Formato) : IRequest<ArchivoExportado>;

public sealed class ExportarEvolucionProvisionValidator : AbstractValidator<ExportarEvolucionProvision>
{
    public ExportarEvolucionProvisionValidator() => this.ReglaFormato(x => x.Formato);
}

public sealed class ExportarEvolucionProvisionHandler(IMediator mediator, IContextoSolicitud contexto, ImpresoraPdf impresora) : IRequestHandler<ExportarEvolucionProvision, ArchivoExportado>
{
    public async ValueTask<ArchivoExportado> Handle(ExportarEvolucionProvision request, CancellationToken cancellationToken)
    {
        var r = await mediator.Send(request.Consulta, cancellationToken);
        var empresa = await mediator.Send(new ObtenerDatosEmpresa(contexto.EmpresaId), cancellationToken);
        var encabezados = new List<string> { "Mes", "Corte", "Saldo" };
        encabezados.AddRange(r.DefinicionTramos.Select(t => "Provisión " + EstadoCuenta.FormatoCl.Tramo(t.Codigo)));
        encabezados.AddRange(["Provisión", "Cobertura %"]);
        var tabla = new TablaReporte("Evolución de la provisión de incobrables", "evolucion-provision", r.FechaCorte, [], encabezados,
            r.Meses.Select(m => (IReadOnlyList<object?>)new object?[] { m.Mes.ToString("yyyy-MM", ExportacionReportes.Chile), m.Corte, m.Saldo }
                .Concat(m.Tramos.Select(t => (object?)t.Provision)).Concat([m.Provision, m.Cobertura]).ToList()).ToList());
        return await ExportacionReportes.GenerarAsync(request.Formato, tabla, empresa, impresora, cancellationToken);
    }
}
