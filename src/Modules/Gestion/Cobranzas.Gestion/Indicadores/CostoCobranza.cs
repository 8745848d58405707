using Cobranzas.Cartera.Contracts;
using Cobranzas.Gestion.Configuracion;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Pdf;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Indicadores;

public sealed record CostoPorCobradorDto(Guid? CobradorId, string Nombre, int Actividades, decimal Costo);

public sealed record CostoPorTipoDto(Guid TipoActividadId, string Nombre, decimal CostoUnitario, int Actividades, decimal Costo);

public sealed record CostoPorMesDto(string Mes, int Actividades, decimal Costo, decimal Recaudado, decimal? CostoPorPeso);

/// <summary>
/// The collection cost of a period: activities × the cost of their type, plus the commission of external agencies on what
/// they recovered (no agencies exist yet: recovered 0, commission 0), against what was collected in the period.
/// </summary>
public sealed record CostoCobranzaDto(
    DateOnly Desde, DateOnly Hasta, string Definicion, int Actividades, decimal CostoActividades, decimal ComisionAgenciasPorcentaje, decimal RecuperadoAgencias,
    decimal ComisionAgencias, decimal CostoTotal, decimal Recaudado, decimal? CostoPorPeso, IReadOnlyList<CostoPorCobradorDto> PorCobrador,
    IReadOnlyList<CostoPorTipoDto> PorTipo, IReadOnlyList<CostoPorMesDto> PorMes);

public sealed record CostoCobranza(DateOnly? Desde, DateOnly? Hasta, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId)
    : IRequest<CostoCobranzaDto>, IFiltroIndicadores, IPeriodoIndicadores
{
    public const string Definicion =
        "Costo de cobranza = Σ actividades del período × costo de su tipo (tabla de costos de la empresa, CLP) + comisión de agencias externas sobre lo que recuperaron " +
        "(aún sin agencias: 0). Costo por peso recaudado = costo total / pagos aplicados en el período a los clientes del filtro.";

    public static void Map(RutasModulo rutas)
    {
        rutas.Leer.MapGet("/indicadores/costo-cobranza", async Task<Ok<CostoCobranzaDto>> ([AsParameters] CostoCobranza q, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(q, ct)))
            .WithName("IndicadorCostoCobranza").ProducesValidationProblem().ConLimite(LimitesUso.Informes);
        rutas.Leer.MapGet("/indicadores/costo-cobranza/exportar", async Task<FileContentHttpResult> ([AsParameters] CostoCobranza q, string? formato, IMediator m, ImpresoraPdf impresora, TimeProvider reloj, CancellationToken ct) =>
                await ExportarIndicador.ArchivoAsync(m, q, formato, Tabla, impresora, reloj, ct))
            .WithName("ExportarCostoCobranza").Produces(200, typeof(Stream), "text/csv", SharedKernel.Archivos.Exportacion.TipoXlsx, "application/pdf")
            .ProducesValidationProblem().ConLimite(LimitesUso.Informes);
    }

    public static TablaIndicador Tabla(CostoCobranzaDto d) => new("costo-cobranza", "Costo de cobranza", d.Definicion,
        ["Concepto", "Detalle", "Actividades", "Costo"],
        [
            .. d.PorCobrador.Select(c => (IReadOnlyList<object?>)["Cobrador", c.Nombre, c.Actividades, c.Costo]),
            .. d.PorTipo.Select(t => (IReadOnlyList<object?>)["Tipo de actividad", t.Nombre, t.Actividades, t.Costo]),
            .. d.PorMes.Select(m => (IReadOnlyList<object?>)["Mes", m.Mes, m.Actividades, m.Costo]),
            ["Comisión agencias externas", $"{d.ComisionAgenciasPorcentaje} % de {d.RecuperadoAgencias:N0}", null, d.ComisionAgencias],
            ["Total", "", d.Actividades, d.CostoTotal],
            ["Recaudado", "", null, d.Recaudado],
            ["Costo por peso recaudado", "", null, d.CostoPorPeso],
        ]);
}

public sealed class CostoCobranzaValidator : AbstractValidator<CostoCobranza>
{
    public CostoCobranzaValidator()
    {
        this.ReglasFiltro();
        this.ReglasPeriodo();
    }
}

public sealed class CostoCobranzaHandler(GestionDbContext db, AlcanceGestion alcance, IMediator mediator, TimeProvider reloj) : IRequestHandler<CostoCobranza, CostoCobranzaDto>
{
    public async ValueTask<CostoCobranzaDto> Handle(CostoCobranza request, CancellationToken cancellationToken)
    {
        var (desde, hasta) = request.Periodo(reloj);
        var clientes = await request.ClientesAsync(db, alcance, mediator, cancellationToken);
        var ids = clientes?.ToList();
        var (inicio, fin) = FiltroIndicadores.Instantes(desde, hasta);
        var q = db.Actividades.AsNoTracking().Where(a => a.Fecha >= inicio && a.Fecha < fin);
        if (ids is not null)
            q = q.Where(a => ids.Contains(a.ClienteId));

        var grupos = await q.GroupBy(a => new { a.CobradorId, a.TipoActividadId })
            .Select(g => new { g.Key.CobradorId, g.Key.TipoActividadId, N = g.Count() }).ToListAsync(cancellationToken);
        var costos = await db.Set<CostoActividad>().AsNoTracking().ToDictionaryAsync(c => c.TipoActividadId, c => c.Costo, cancellationToken);
        var tipos = await db.TiposActividad.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Nombre, cancellationToken);
        var cobradores = await db.Cobradores.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Nombre, cancellationToken);
        var configuracion = await ConfiguracionEmpresa.CargarAsync(db, cancellationToken);

        var filas = grupos.Select(g => new { g.CobradorId, g.TipoActividadId, g.N, Costo = g.N * costos.GetValueOrDefault(g.TipoActividadId) }).ToList();
        var costoActividades = filas.Sum(f => f.Costo);
        var recuperadoAgencias = 0m;
        var comision = Math.Round(recuperadoAgencias * configuracion.ComisionAgenciasPorcentaje / 100m, 0, MidpointRounding.AwayFromZero);
        var total = costoActividades + comision;
        var recaudado = await mediator.Send(new ObtenerRecaudacion(desde, hasta, ids), cancellationToken);

        var porMes = new List<CostoPorMesDto>();
        for (var mes = new DateOnly(desde.Year, desde.Month, 1); mes <= hasta; mes = mes.AddMonths(1))
        {
            var clave = FiltroIndicadores.Mes(mes);
            var inicioMes = mes < desde ? desde : mes;
            var finMes = mes.AddMonths(1).AddDays(-1) > hasta ? hasta : mes.AddMonths(1).AddDays(-1);
            // Months are Santiago months: each is its own range of instants.
            var (i0, i1) = FiltroIndicadores.Instantes(inicioMes, finMes);
            var delMes = (await q.Where(a => a.Fecha >= i0 && a.Fecha < i1).GroupBy(a => a.TipoActividadId).Select(g => new { Tipo = g.Key, N = g.Count() }).ToListAsync(cancellationToken))
                .Select(g => (g.N, Costo: g.N * costos.GetValueOrDefault(g.Tipo))).ToList();
            var recaudadoMes = await mediator.Send(new ObtenerRecaudacion(inicioMes, finMes, ids), cancellationToken);
            porMes.Add(new CostoPorMesDto(clave, delMes.Sum(f => f.N), delMes.Sum(f => f.Costo), recaudadoMes, Razon(delMes.Sum(f => f.Costo), recaudadoMes)));
            if (porMes.Count >= 24)
                break;
        }

        return new CostoCobranzaDto(desde, hasta, CostoCobranza.Definicion, filas.Sum(f => f.N), costoActividades, configuracion.ComisionAgenciasPorcentaje, recuperadoAgencias, comision,
            total, recaudado, Razon(total, recaudado),
            [.. filas.GroupBy(f => f.CobradorId).Select(g => new CostoPorCobradorDto(g.Key, g.Key is { } c ? cobradores.GetValueOrDefault(c) ?? "" : "(sin cobrador)", g.Sum(f => f.N), g.Sum(f => f.Costo)))
                .OrderByDescending(c => c.Costo).ThenBy(c => c.Nombre)],
            [.. filas.GroupBy(f => f.TipoActividadId).Select(g => new CostoPorTipoDto(g.Key, tipos.GetValueOrDefault(g.Key) ?? "", costos.GetValueOrDefault(g.Key), g.Sum(f => f.N), g.Sum(f => f.Costo)))
                .OrderByDescending(c => c.Costo).ThenBy(c => c.Nombre)],
            porMes);
    }

    /// <summary>Pesos spent per peso collected, 4 decimals; null when nothing was collected.</summary>
    private static decimal? Razon(decimal costo, decimal recaudado) => recaudado == 0 ? null : Math.Round(costo / recaudado, 4, MidpointRounding.AwayFromZero);
}
