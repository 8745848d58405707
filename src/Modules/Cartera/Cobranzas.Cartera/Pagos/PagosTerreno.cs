using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Credito;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Pagos;

/// <summary>
/// Field payments reuse the provider-payment key table (<see cref="PagoProveedor"/>) with the pseudo-provider
/// <see cref="Proveedor"/>: one payment per (company, idempotency key), serialised by the client's lock like a provider's.
/// </summary>
public sealed class RegistrarPagoTerrenoHandler(CarteraDbContext db, IMediator mediator, Aplicador aplicador, ControlCredito control, AvisoPagos aviso, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<RegistrarPagoTerreno, PagoTerrenoRegistrado>
{
    public const string Proveedor = "terreno";

    public async ValueTask<PagoTerrenoRegistrado> Handle(RegistrarPagoTerreno r, CancellationToken ct)
    {
        Guid pagoId;
        bool nuevo;
        await using (var tx = await BloqueoCliente.TomarAsync(db, [r.ClienteId], ct))
        {
            var previo = await db.Set<PagoProveedor>().AsNoTracking()
                .SingleOrDefaultAsync(p => p.Proveedor == Proveedor && p.IdPagoExterno == r.ClaveIdempotencia, ct);
            if (previo is not null)
            {
                pagoId = previo.PagoId;
                nuevo = false;
            }
            else
            {
                var ahora = reloj.GetUtcNow();
                var referencia = r.Referencia.Length > LargosCartera.Referencia ? r.Referencia[..LargosCartera.Referencia] : r.Referencia;
                var pago = Cheques.Nuevo(r.ClienteId, new DatosPago(r.ClienteId, null, r.Fecha, r.Monto, r.Moneda, r.Canal, referencia, ModosAplicacion.Automatica, null, r.FechaCheque), ahora);
                db.Pagos.Add(pago);
                db.Set<PagoProveedor>().Add(new PagoProveedor { Proveedor = Proveedor, IdPagoExterno = r.ClaveIdempotencia, PagoId = pago.Id, Creado = ahora });
                if (pago.EstadoCheque != Cheques.EnCartera)
                {
                    var lineas = await aplicador.AutomaticaAsync(r.ClienteId, r.Moneda, pago.Saldo, r.Fecha, ct);
                    AplicacionPago.Registrar(db, pago, lineas, r.Fecha, contexto.Actor, ahora);
                }

                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                pagoId = pago.Id;
                nuevo = true;
            }
        }

        var dto = await ProyeccionPago.CargarAsync(db, mediator, pagoId, ct);
        if (nuevo)
        {
            await control.AplicarAsync([r.ClienteId], ct);
            await aviso.PublicarAsync([r.ClienteId], ct);
            await aviso.EventoAsync(TiposEventoNegocio.PagoRegistrado, pagoId, dto, ct);
            await aviso.PagadosAsync(dto.Aplicaciones.Select(a => a.DocumentoId), ct);
        }

        return new PagoTerrenoRegistrado(pagoId, nuevo, dto.Aplicado,
            dto.Aplicaciones.Where(a => a.Activa).Select(a => new DocumentoPagadoTerreno(a.DocumentoId, a.Tipo, a.Folio, a.Monto)).ToList());
    }
}
