using Cobranzas.Integraciones.Contracts;
using Cobranzas.Integraciones.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Integraciones.EnlacesPago;

/// <summary>Payment links for other modules (the client portal): the staff slice's rules, the payer's view of the result.</summary>
public sealed class EnlacesPagoClienteHandler(IntegracionesDbContext db, IMediator mediator, TimeProvider reloj)
    : IRequestHandler<CrearEnlacePagoCliente, EnlacePagoCliente>, IRequestHandler<EnlacesPagoCliente, IReadOnlyList<EnlacePagoCliente>>
{
    public async ValueTask<EnlacePagoCliente> Handle(CrearEnlacePagoCliente request, CancellationToken cancellationToken)
    {
        var (e, _) = await mediator.Send(new CrearEnlacePago(new DatosEnlacePago(
            request.ClienteId, request.DeudaVencida ? null : request.DocumentoIds?.ToList(), request.DeudaVencida ? true : null, null, null, request.EmailPagador)), cancellationToken);
        return new EnlacePagoCliente(e.Id, e.Proveedor, e.Estado, e.Url, e.Monto, e.Moneda, e.Expira, e.Documentos.Select(d => d.DocumentoId).ToList());
    }

    public async ValueTask<IReadOnlyList<EnlacePagoCliente>> Handle(EnlacesPagoCliente request, CancellationToken cancellationToken)
    {
        var enlaces = await db.Set<EnlacePago>().AsNoTracking().Include(e => e.Documentos).Where(e => e.ClienteId == request.ClienteId)
            .OrderByDescending(e => e.Creado).Take(20).ToListAsync(cancellationToken);
        var ahora = reloj.GetUtcNow();
        return enlaces.Select(e =>
        {
            ProyeccionEnlace.Vencer(e, ahora);
            return new EnlacePagoCliente(e.Id, e.Proveedor, e.Estado, e.Estado == EstadosEnlace.Activo ? e.Url : null, e.Monto, e.Moneda, e.Expira, e.Documentos.Select(d => d.DocumentoId).ToList());
        }).ToList();
    }
}
