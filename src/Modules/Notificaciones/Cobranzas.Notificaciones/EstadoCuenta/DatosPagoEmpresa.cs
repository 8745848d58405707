using Cobranzas.Notificaciones.Contracts;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Notificaciones.EstadoCuenta;

/// <summary>
/// The deposit accounts and logo Cartera prints on the statement of account. The logo is the one of the most recently
/// changed notification definition that has one: the company has no logo setting of its own yet (when it gets one,
/// read it here).
/// </summary>
public sealed class ObtenerDatosPagoEmpresaHandler(NotificacionesDbContext db, IAlmacenArchivos almacen)
    : IRequestHandler<ObtenerDatosPagoEmpresa, DatosPagoEmpresa>
{
    /// <summary>A logo larger than this is not embedded in the PDF.</summary>
    private const int LogoMaximo = 512 * 1024;

    public async ValueTask<DatosPagoEmpresa> Handle(ObtenerDatosPagoEmpresa request, CancellationToken cancellationToken)
    {
        var cuentas = await db.Set<CuentaDeposito>().AsNoTracking().Where(c => c.Activa)
            .OrderByDescending(c => c.PorDefecto).ThenBy(c => c.Creada).ThenBy(c => c.Id)
            .Select(c => new CuentaDepositoInfo(c.Banco, c.TipoCuenta, c.Numero, c.Titular, c.RutTitular, c.EmailNotificacion))
            .ToListAsync(cancellationToken);
        var logo = await db.Set<DefinicionNotificacion>().AsNoTracking().Where(d => d.LogoClave != null && d.LogoContentType != null)
            .OrderByDescending(d => d.Actualizada).Select(d => new { d.LogoClave, d.LogoContentType }).FirstOrDefaultAsync(cancellationToken);
        if (logo is null)
            return new DatosPagoEmpresa(cuentas, null, null);

        await using var contenido = await almacen.AbrirAsync(logo.LogoClave!, cancellationToken);
        if (contenido is null)
            return new DatosPagoEmpresa(cuentas, null, null);
        using var memoria = new MemoryStream();
        await contenido.CopyToAsync(memoria, cancellationToken);
        return memoria.Length > LogoMaximo ? new DatosPagoEmpresa(cuentas, null, null) : new DatosPagoEmpresa(cuentas, memoria.ToArray(), logo.LogoContentType);
    }
}
