using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Cartera.ValoresMoneda;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Pagos;

/// <summary>
/// Tells the other modules that what some clients paid changed. Every write that applies or reverses payment money calls it
/// after its transaction committed, beside the credit control, so a listener reads committed data.
/// </summary>
public sealed class AvisoPagos(CarteraDbContext db, IPublisher publicador, IContextoSolicitud contexto, TimeProvider reloj)
{
    /// <summary>A business event for webhook subscribers, after the commit.</summary>
    public async Task EventoAsync(string tipo, Guid entidadId, object datos, CancellationToken ct) =>
        await publicador.Publish(EventoNegocio.Uno(contexto.EmpresaId, tipo, entidadId, datos, reloj.GetUtcNow()), ct);

    /// <summary>documento.pagado for those of these documents (just given money) whose balance is now zero.</summary>
    public async Task PagadosAsync(IEnumerable<Guid> documentoIds, CancellationToken ct)
    {
        var ids = documentoIds.Distinct().ToList();
        if (ids.Count == 0)
            return;
        var pagados = await db.Documentos.AsNoTracking().Where(d => ids.Contains(d.Id) && d.Saldo == 0).OrderBy(d => d.Id).ToListAsync(ct);
        if (pagados.Count > 0)
        {
            await publicador.Publish(
                new EventoNegocio(contexto.EmpresaId, TiposEventoNegocio.DocumentoPagado, pagados.Select(d => new HechoNegocio(d.Id, DocumentoEvento.De(d))).ToList(), reloj.GetUtcNow()), ct);
        }
    }

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
