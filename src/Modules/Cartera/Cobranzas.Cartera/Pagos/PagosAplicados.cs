using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Cartera.ValoresMoneda;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Pagos;

/// <summary>
/// Tells the other modules that what some clients paid changed. Every write that applies or reverses payment money calls it
/// after its transaction committed, beside the credit control, so a listener reads committed data.
/// </summary>
public sealed class AvisoPagos(IPublisher publicador, IContextoSolicitud contexto, TimeProvider reloj)
{
    public async Task PublicarAsync(IReadOnlyCollection<Guid> clienteIds, CancellationToken ct)
    {
        if (clienteIds.Count > 0)
            await publicador.Publish(new PagosAplicadosCambiaron(contexto.EmpresaId, clienteIds.Distinct().ToList(), FechaNegocio.Hoy(reloj)), ct);
    }
}

public sealed class ObtenerPagosAplicadosHandler(CarteraDbContext db, TimeProvider reloj) : IRequestHandler<ObtenerPagosAplicados, IReadOnlyList<PagoAplicado>>
{
    public async ValueTask<IReadOnlyList<PagoAplicado>> Handle(ObtenerPagosAplicados request, CancellationToken cancellationToken)
    {
        var clientes = request.ClienteIds.ToList();
        var documentos = request.DocumentoIds?.ToList();
        var hasta = request.Hasta ?? DateOnly.MaxValue;
        var filas = await db.Aplicaciones.AsNoTracking()
            .Where(a => a.PagoId != null && a.FechaReversa == null && a.Fecha >= request.Desde && a.Fecha <= hasta)
            .Where(a => documentos == null || documentos.Contains(a.DocumentoId))
            .Join(db.Documentos.Where(d => clientes.Contains(d.ClienteId)), a => a.DocumentoId, d => d.Id, (a, d) => new { d.ClienteId, a.DocumentoId, a.Fecha, d.Moneda, a.Monto })
            .GroupBy(x => new { x.ClienteId, x.DocumentoId, x.Fecha, x.Moneda })
            .Select(g => new { g.Key.ClienteId, g.Key.DocumentoId, g.Key.Fecha, g.Key.Moneda, Monto = g.Sum(x => x.Monto) })
            .ToListAsync(cancellationToken);
        if (filas.Count == 0)
            return [];
        var (uf, dolar) = await ValoresDelDia.UltimosAsync(db, FechaNegocio.Hoy(reloj), cancellationToken);
        return filas.Select(f => new PagoAplicado(f.ClienteId, f.DocumentoId, f.Fecha, ReglasCartera.EnClp(f.Monto, f.Moneda, uf, dolar) ?? 0)).ToList();
    }
}
