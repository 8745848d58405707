using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.EstadoCuenta;

/// <summary>The staff statement (<see cref="ObtenerEstadoCuenta"/>) reduced to what a client sees, for other modules (the portal).</summary>
public sealed class EstadoCuentaClienteHandler(CarteraDbContext db, IMediator mediator, TimeProvider reloj)
    : IRequestHandler<ObtenerEstadoCuentaCliente, EstadoCuentaCliente>, IRequestHandler<ExportarEstadoCuentaCliente, ArchivoEstadoCuentaCliente>
{
    public async ValueTask<EstadoCuentaCliente> Handle(ObtenerEstadoCuentaCliente request, CancellationToken cancellationToken)
    {
        var corte = request.FechaCorte ?? FechaNegocio.Hoy(reloj);
        var e = await mediator.Send(new ObtenerEstadoCuenta(request.ClienteId, corte, request.Desde ?? corte.AddYears(-1), null), cancellationToken);
        var ids = e.Documentos.Select(d => d.Id).ToList();
        var conArchivo = (await db.Set<ArchivoDocumento>().AsNoTracking().Where(a => ids.Contains(a.DocumentoId)).Select(a => a.DocumentoId).ToListAsync(cancellationToken)).ToHashSet();
        return new EstadoCuentaCliente(
            e.FechaCorte, e.Desde, e.Hasta, e.Moneda, e.Saldo, e.SaldoVencido,
            e.Documentos.Select(d => new DocumentoAbiertoCliente(d.Id, d.Tipo, d.Folio, d.FechaEmision, d.FechaVencimiento, d.Moneda, d.Total, d.Saldo, d.DiasVencido, conArchivo.Contains(d.Id))).ToList(),
            e.Pagos.OrderByDescending(p => p.Fecha).Select(p => new PagoCliente(p.Id, p.Fecha, p.Monto, p.Moneda, p.Canal, p.Referencia,
                p.Aplicaciones.Select(a => new AplicacionPagoCliente(a.DocumentoId, a.Tipo, a.Folio, a.Monto, a.Fecha, a.Activa)).ToList())).ToList());
    }

    public async ValueTask<ArchivoEstadoCuentaCliente> Handle(ExportarEstadoCuentaCliente request, CancellationToken cancellationToken)
    {
        var a = await mediator.Send(new ExportarEstadoCuenta(new ObtenerEstadoCuenta(request.ClienteId, request.FechaCorte, null, null), request.Formato), cancellationToken);
        return new ArchivoEstadoCuentaCliente(a.Contenido, a.TipoContenido, a.NombreArchivo);
    }
}
