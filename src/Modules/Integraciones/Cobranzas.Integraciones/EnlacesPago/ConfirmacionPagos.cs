using Cobranzas.Cartera.Contracts;
using Cobranzas.Integraciones.Persistencia;
using Cobranzas.Integraciones.Proveedores;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cobranzas.Integraciones.EnlacesPago;

/// <summary>The outcome of asking the provider about a link; <see cref="Reintentar"/> when the provider could not be asked.</summary>
public sealed record ResultadoConfirmacion(string Resultado, string? Detalle, bool Reintentar = false);

/// <summary>
/// Asks the provider what happened to a link's charge (the provider's status is the source of truth, never the notification)
/// and acts on it: a paid charge is registered in Cartera once per provider payment id and applied to the link's documents.
/// Runs in the link's company (the caller set the context).
/// </summary>
public sealed class ConfirmacionPagos(IntegracionesDbContext db, ConexionesProveedor conexiones, IMediator mediator, TimeProvider reloj, ILogger<ConfirmacionPagos> log)
{
    public async Task<ResultadoConfirmacion> ConfirmarAsync(EnlacePago enlace, string referencia, CancellationToken ct)
    {
        var adaptador = conexiones.Adaptador(enlace.Proveedor);
        var proveedor = await db.Set<ProveedorEmpresa>().SingleOrDefaultAsync(p => p.Codigo == enlace.Proveedor, ct);
        if (adaptador is null || proveedor?.CredencialesCifradas is null)
            return new ResultadoConfirmacion(ResultadosNotificacion.ErrorConsulta, "Proveedor sin adaptador o sin credenciales.", true);

        EstadoCobro estado;
        try
        {
            estado = await adaptador.ConsultarEstadoAsync(conexiones.Conexion(proveedor), referencia, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException or System.Text.Json.JsonException
                                       or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            log.LogWarning(ex, "No se pudo consultar el estado del cobro {Referencia} de {Proveedor}", referencia, enlace.Proveedor);
            return new ResultadoConfirmacion(ResultadosNotificacion.ErrorConsulta, Recortar(ex.Message), true);
        }

        enlace.UltimaConsulta = reloj.GetUtcNow();
        enlace.DetalleProveedor = Recortar(estado.Detalle);
        if (estado.ReferenciaComercio is { } comercio && comercio != enlace.Id.ToString("N") && comercio != enlace.Id.ToString())
        {
            await db.SaveChangesAsync(ct);
            return new ResultadoConfirmacion(ResultadosNotificacion.Rechazada, $"El cobro consultado es de otra orden ({Recortar(comercio, 60)}).");
        }

        switch (estado.Estado)
        {
            case EstadoPagoProveedor.Pagado:
                return await RegistrarPagoAsync(enlace, estado, referencia, ct);
            case EstadoPagoProveedor.Rechazado or EstadoPagoProveedor.Expirado or EstadoPagoProveedor.Anulado when enlace.Estado == EstadosEnlace.Activo:
                enlace.Estado = estado.Estado switch
                {
                    EstadoPagoProveedor.Rechazado => EstadosEnlace.Rechazado,
                    EstadoPagoProveedor.Expirado => EstadosEnlace.Expirado,
                    _ => EstadosEnlace.Anulado,
                };
                await db.SaveChangesAsync(ct);
                break;
            default:
                await db.SaveChangesAsync(ct);
                break;
        }

        return new ResultadoConfirmacion(estado.Estado switch
        {
            EstadoPagoProveedor.Rechazado => ResultadosNotificacion.PagoRechazado,
            EstadoPagoProveedor.Expirado => ResultadosNotificacion.Expirado,
            EstadoPagoProveedor.Anulado => ResultadosNotificacion.Anulado,
            _ => ResultadosNotificacion.Pendiente,
        }, estado.Detalle);
    }

    private async Task<ResultadoConfirmacion> RegistrarPagoAsync(EnlacePago enlace, EstadoCobro estado, string referencia, CancellationToken ct)
    {
        if (estado.Moneda is { } moneda && !string.Equals(moneda, enlace.Moneda, StringComparison.OrdinalIgnoreCase))
            return new ResultadoConfirmacion(ResultadosNotificacion.Rechazada, $"El proveedor informa el pago en {moneda} y el enlace es en {enlace.Moneda}.");
        var monto = estado.Monto ?? enlace.Monto;
        if (monto <= 0)
            return new ResultadoConfirmacion(ResultadosNotificacion.Rechazada, "El proveedor informa un pago sin monto.");
        var idPago = estado.IdPago ?? referencia;
        var fecha = estado.FechaPago is { } f ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(f, FechaNegocio.Santiago).DateTime) : FechaNegocio.Hoy(reloj);
        var hoy = FechaNegocio.Hoy(reloj);
        if (fecha > hoy)
            fecha = hoy;
        var documentos = enlace.Documentos.Count > 0
            ? enlace.Documentos
            : await db.Set<EnlacePagoDocumento>().Where(d => d.EnlaceId == enlace.Id).ToListAsync(ct);
        var registrado = await mediator.Send(new RegistrarPagoProveedor(
            enlace.ClienteId, enlace.Proveedor, idPago, fecha, monto, enlace.Moneda,
            documentos.OrderBy(d => d.Folio).Select(d => new MontoDocumentoPago(d.DocumentoId, d.Monto)).ToList(),
            $"{enlace.Proveedor} {idPago}"), ct);

        enlace.Estado = EstadosEnlace.Pagado;
        enlace.Pagado ??= reloj.GetUtcNow();
        enlace.PagoId = registrado.PagoId;
        enlace.IdPagoProveedor = idPago;
        enlace.MontoPagado = monto;
        await db.SaveChangesAsync(ct);
        return new ResultadoConfirmacion(registrado.Nuevo ? ResultadosNotificacion.Pagado : ResultadosNotificacion.Duplicada,
            registrado.Nuevo ? $"Pago {idPago} registrado: {monto} {enlace.Moneda}, aplicado {registrado.Aplicado}." : $"El pago {idPago} ya estaba registrado.");
    }

    private static string? Recortar(string? s, int largo = 500) => s is null || s.Length <= largo ? s : s[..largo];
}
