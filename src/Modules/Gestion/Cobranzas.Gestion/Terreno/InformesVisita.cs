using Cobranzas.Gestion.Indicadores;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Pdf;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Terreno;

public sealed record FilaInformeVisitasDto(
    Guid CobradorId, string Cobrador, DateOnly Fecha, int Planificadas, int ConLlegada, int Realizadas, int Pendientes, decimal Cumplimiento, int Recibos, decimal Recaudado,
    decimal RecaudadoEfectivo, decimal RecaudadoCheque);

public sealed record InformeVisitasDto(DateOnly Desde, DateOnly Hasta, string Definicion, IReadOnlyList<FilaInformeVisitasDto> Filas, int Planificadas, int Realizadas, decimal Recaudado);

/// <summary>Field visits planned vs done and money collected in the field, per collector and day (the receipts are at <c>/terreno/recibos</c>).</summary>
public sealed record InformeVisitas(DateOnly? Desde, DateOnly? Hasta, Guid? CobradorId) : IRequest<InformeVisitasDto>, IPeriodoIndicadores
{
    public const string Definicion =
        "Planificadas: visitas en las rutas del día; realizadas: visitas con informe; cumplimiento: realizadas / planificadas (%); recaudado: recibos de terreno del día en CLP.";

    public static void Map(RutasModulo rutas)
    {
        rutas.Leer.MapGet("/terreno/informes/visitas", async Task<Ok<InformeVisitasDto>> ([AsParameters] InformeVisitas q, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(q, ct)))
            .WithName("InformeVisitasTerreno").WithTags("Terreno").ProducesValidationProblem().ConLimite(LimitesUso.Informes);
        rutas.Leer.MapGet("/terreno/informes/visitas/exportar", async Task<FileContentHttpResult> ([AsParameters] InformeVisitas q, string? formato, IMediator m, ImpresoraPdf impresora, TimeProvider reloj, CancellationToken ct) =>
                await ExportarIndicador.ArchivoAsync(m, q, formato, Tabla, impresora, reloj, ct))
            .WithName("ExportarInformeVisitasTerreno").WithTags("Terreno").Produces(200, typeof(Stream), "text/csv", SharedKernel.Archivos.Exportacion.TipoXlsx, "application/pdf")
            .ProducesValidationProblem().ConLimite(LimitesUso.Informes);
    }

    public static TablaIndicador Tabla(InformeVisitasDto d) => new("informe-visitas", "Informe de visitas en terreno", d.Definicion,
        ["Cobrador", "Fecha", "Planificadas", "Con llegada", "Realizadas", "Pendientes", "Cumplimiento %", "Recibos", "Recaudado", "Efectivo", "Cheque"],
        [.. d.Filas.Select(f => (IReadOnlyList<object?>)
            [f.Cobrador, f.Fecha, f.Planificadas, f.ConLlegada, f.Realizadas, f.Pendientes, f.Cumplimiento, f.Recibos, f.Recaudado, f.RecaudadoEfectivo, f.RecaudadoCheque])]);
}

public sealed class InformeVisitasValidator : AbstractValidator<InformeVisitas>
{
    public InformeVisitasValidator() => this.ReglasPeriodo();
}

public sealed class InformeVisitasHandler(GestionDbContext db, AlcanceGestion alcance, TimeProvider reloj) : IRequestHandler<InformeVisitas, InformeVisitasDto>
{
    public async ValueTask<InformeVisitasDto> Handle(InformeVisitas request, CancellationToken cancellationToken)
    {
        var (desde, hasta) = request.Periodo(reloj);
        var cobrador = await alcance.CobradorRestringidoAsync(cancellationToken) ?? request.CobradorId;
        var rutas = db.Set<RutaTerreno>().AsNoTracking().Where(r => r.Fecha >= desde && r.Fecha <= hasta);
        var recibos = db.Set<ReciboTerreno>().AsNoTracking().Where(r => r.Fecha >= desde && r.Fecha <= hasta && r.CobradorId != null);
        if (cobrador is { } c)
        {
            rutas = rutas.Where(r => r.CobradorId == c);
            recibos = recibos.Where(r => r.CobradorId == c);
        }

        var visitas = await rutas.Select(r => new
        {
            r.CobradorId, r.Fecha, Planificadas = r.Paradas.Count, ConLlegada = r.Paradas.Count(p => p.LlegadaEn != null),
            Realizadas = r.Paradas.Count(p => p.Estado == EstadosParada.Visitada),
        }).ToListAsync(cancellationToken);
        var dinero = await recibos.GroupBy(r => new { CobradorId = r.CobradorId!.Value, r.Fecha }).Select(g => new
        {
            g.Key.CobradorId, g.Key.Fecha, Recibos = g.Count(), Total = g.Sum(x => x.Monto),
            Efectivo = g.Where(x => x.Medio == MediosPagoTerreno.Efectivo).Sum(x => x.Monto), Cheque = g.Where(x => x.Medio == MediosPagoTerreno.Cheque).Sum(x => x.Monto),
        }).ToListAsync(cancellationToken);
        var claves = visitas.Select(v => (v.CobradorId, v.Fecha)).Union(dinero.Select(x => (x.CobradorId, x.Fecha))).ToList();
        var ids = claves.Select(k => k.CobradorId).Distinct().ToList();
        var nombres = await db.Cobradores.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Nombre, cancellationToken);
        var filas = claves.Select(k =>
        {
            var v = visitas.SingleOrDefault(x => x.CobradorId == k.CobradorId && x.Fecha == k.Fecha);
            var m = dinero.SingleOrDefault(x => x.CobradorId == k.CobradorId && x.Fecha == k.Fecha);
            var planificadas = v?.Planificadas ?? 0;
            var realizadas = v?.Realizadas ?? 0;
            return new FilaInformeVisitasDto(
                k.CobradorId, nombres.GetValueOrDefault(k.CobradorId, ""), k.Fecha, planificadas, v?.ConLlegada ?? 0, realizadas, planificadas - realizadas,
                planificadas == 0 ? 0 : Math.Round(100m * realizadas / planificadas, 1), m?.Recibos ?? 0, m?.Total ?? 0, m?.Efectivo ?? 0, m?.Cheque ?? 0);
        }).OrderBy(f => f.Fecha).ThenBy(f => f.Cobrador).ThenBy(f => f.CobradorId).ToList();
        return new InformeVisitasDto(desde, hasta, InformeVisitas.Definicion, filas, filas.Sum(f => f.Planificadas), filas.Sum(f => f.Realizadas), filas.Sum(f => f.Recaudado));
    }
}
