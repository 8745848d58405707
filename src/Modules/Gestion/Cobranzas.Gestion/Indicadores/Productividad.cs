using Cobranzas.Cartera.Contracts;
using Cobranzas.Gestion.Compromisos;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Pdf;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Indicadores;

/// <summary>
/// Productivity of collectors in a period, the one computation behind the report, the dashboard's contract and the
/// Cobrador's own strip. Activities are those of the collector dated in the period; a contact is one whose result shows
/// the client was reached; promises are those the collector took in the period (kept: paid in full by date + grace, the
/// amount kept is what was paid against them); collected is what Cartera applied in the period to the collector's clients.
/// </summary>
public static class CalculoProductividad
{
    public static readonly string[] ResultadosContacto =
        [ResultadosActividad.Contactado, ResultadosActividad.Promesa, ResultadosActividad.Disputa, ResultadosActividad.Pago, ResultadosActividad.SeNiega];

    public const string Definicion =
        "Actividades: registradas por el cobrador en el período. Contactos: actividades con resultado que llegó al cliente (contactado, promesa, disputa, pago, se niega). " +
        "Compromisos tomados: los que el cobrador tomó en el período; cumplidos: pagados por completo hasta la fecha de cada cuota más la gracia; monto cumplido: lo pagado contra ellos. " +
        "Recaudado: pagos aplicados en el período a documentos de los clientes asignados hoy al cobrador.";

    public static async Task<List<ProductividadCobrador>> CalcularAsync(
        GestionDbContext db, IMediator mediator, DateOnly desde, DateOnly hasta, Guid? soloCobrador, IReadOnlyCollection<Guid>? clientes, CancellationToken ct)
    {
        var (inicio, fin) = FiltroIndicadores.Instantes(desde, hasta);
        var ids = clientes?.ToList();
        var actividades = db.Actividades.AsNoTracking().Where(a => a.CobradorId != null && a.Fecha >= inicio && a.Fecha < fin);
        var compromisos = db.Set<Compromiso>().AsNoTracking().Where(c => c.CobradorId != null && c.Estado != EstadosCompromiso.Anulado && c.Desde >= desde && c.Desde <= hasta);
        var cobradores = db.Cobradores.AsNoTracking();
        if (soloCobrador is { } solo)
        {
            actividades = actividades.Where(a => a.CobradorId == solo);
            compromisos = compromisos.Where(c => c.CobradorId == solo);
            cobradores = cobradores.Where(c => c.Id == solo);
        }

        if (ids is not null)
        {
            actividades = actividades.Where(a => ids.Contains(a.ClienteId));
            compromisos = compromisos.Where(c => ids.Contains(c.ClienteId));
        }

        var contacto = ResultadosContacto;
        var conteo = await actividades.GroupBy(a => a.CobradorId!.Value)
            .Select(g => new { Cobrador = g.Key, Actividades = g.Count(), Contactos = g.Count(a => a.Resultado != null && contacto.Contains(a.Resultado)) })
            .ToDictionaryAsync(x => x.Cobrador, ct);
        var promesas = await compromisos.GroupBy(c => c.CobradorId!.Value)
            .Select(g => new
            {
                Cobrador = g.Key, Tomados = g.Count(), Monto = g.Sum(c => c.Monto), Cumplidos = g.Count(c => c.Estado == EstadosCompromiso.Cumplido), Pagado = g.Sum(c => c.MontoCumplido),
            })
            .ToDictionaryAsync(x => x.Cobrador, ct);
        var lista = await cobradores.OrderBy(c => c.Nombre).Select(c => new { c.Id, c.Nombre, c.Activo }).ToListAsync(ct);
        var asignados = (await db.Asignaciones.AsNoTracking().Where(a => soloCobrador == null || a.CobradorId == soloCobrador).Select(a => new { a.CobradorId, a.ClienteId }).ToListAsync(ct))
            .Where(a => ids is null || ids.Contains(a.ClienteId)).ToLookup(a => a.CobradorId, a => a.ClienteId);

        var filas = new List<ProductividadCobrador>();
        foreach (var c in lista)
        {
            var n = conteo.GetValueOrDefault(c.Id);
            var p = promesas.GetValueOrDefault(c.Id);
            var suyos = asignados[c.Id].ToList();
            if (!c.Activo && n is null && p is null)
                continue;
            var recaudado = suyos.Count == 0 ? 0m : await mediator.Send(new ObtenerRecaudacion(desde, hasta, suyos), ct);
            filas.Add(new ProductividadCobrador(c.Id, c.Nombre, n?.Actividades ?? 0, n?.Contactos ?? 0, p?.Tomados ?? 0, p?.Monto ?? 0, p?.Cumplidos ?? 0, p?.Pagado ?? 0, recaudado));
        }

        return filas;
    }
}

public sealed class ObtenerProductividadCobradoresHandler(GestionDbContext db, IMediator mediator) : IRequestHandler<ObtenerProductividadCobradores, IReadOnlyList<ProductividadCobrador>>
{
    public async ValueTask<IReadOnlyList<ProductividadCobrador>> Handle(ObtenerProductividadCobradores request, CancellationToken cancellationToken) =>
        await CalculoProductividad.CalcularAsync(db, mediator, request.Desde, request.Hasta, request.CobradorId, null, cancellationToken);
}

public sealed record FilaProductividadDto(
    Guid CobradorId, string Nombre, int Actividades, int Contactos, decimal? TasaContacto, int CompromisosTomados, decimal MontoComprometido, int CompromisosCumplidos,
    decimal MontoCumplido, decimal Recaudado);

public sealed record ProductividadDto(DateOnly Desde, DateOnly Hasta, string Definicion, IReadOnlyList<FilaProductividadDto> Filas);

public sealed record ProductividadCobradores(DateOnly? Desde, DateOnly? Hasta, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId)
    : IRequest<ProductividadDto>, IFiltroIndicadores, IPeriodoIndicadores
{
    public static void Map(RutasModulo rutas)
    {
        rutas.Leer.MapGet("/indicadores/productividad", async Task<Ok<ProductividadDto>> ([AsParameters] ProductividadCobradores q, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(q, ct)))
            .WithName("IndicadorProductividad").ProducesValidationProblem().ConLimite(LimitesUso.Informes);
        rutas.Leer.MapGet("/indicadores/productividad/exportar", async Task<FileContentHttpResult> ([AsParameters] ProductividadCobradores q, string? formato, IMediator m, ImpresoraPdf impresora, TimeProvider reloj, CancellationToken ct) =>
                await ExportarIndicador.ArchivoAsync(m, q, formato, Tabla, impresora, reloj, ct))
            .WithName("ExportarProductividad").Produces(200, typeof(Stream), "text/csv", SharedKernel.Archivos.Exportacion.TipoXlsx, "application/pdf")
            .ProducesValidationProblem().ConLimite(LimitesUso.Informes);
    }

    public static TablaIndicador Tabla(ProductividadDto d) => new("productividad-cobradores", "Productividad por cobrador", d.Definicion,
        ["Cobrador", "Actividades", "Contactos", "Tasa contacto %", "Compromisos tomados", "Monto comprometido", "Compromisos cumplidos", "Monto cumplido", "Recaudado"],
        [.. d.Filas.Select(f => (IReadOnlyList<object?>)
            [f.Nombre, f.Actividades, f.Contactos, f.TasaContacto, f.CompromisosTomados, f.MontoComprometido, f.CompromisosCumplidos, f.MontoCumplido, f.Recaudado])]);
}

public sealed class ProductividadCobradoresValidator : AbstractValidator<ProductividadCobradores>
{
    public ProductividadCobradoresValidator()
    {
        this.ReglasFiltro();
        this.ReglasPeriodo();
    }
}

public sealed class ProductividadCobradoresHandler(GestionDbContext db, AlcanceGestion alcance, IMediator mediator, TimeProvider reloj)
    : IRequestHandler<ProductividadCobradores, ProductividadDto>
{
    public async ValueTask<ProductividadDto> Handle(ProductividadCobradores request, CancellationToken cancellationToken)
    {
        var (desde, hasta) = request.Periodo(reloj);
        var clientes = await request.ClientesAsync(db, alcance, mediator, cancellationToken);
        var soloCobrador = request.CobradorId ?? (await alcance.CobradorRestringidoAsync(cancellationToken) is { } propio ? propio : null);
        var filas = await CalculoProductividad.CalcularAsync(db, mediator, desde, hasta, soloCobrador, clientes, cancellationToken);
        return new ProductividadDto(desde, hasta, CalculoProductividad.Definicion, filas.Select(f => new FilaProductividadDto(
            f.CobradorId, f.Nombre, f.Actividades, f.Contactos, FiltroIndicadores.Tasa(f.Contactos, f.Actividades), f.CompromisosTomados, f.MontoComprometido,
            f.CompromisosCumplidos, f.MontoCumplido, f.Recaudado)).ToList());
    }
}
