using Cobranzas.Cartera.Contracts;
using Cobranzas.Integraciones.EnlacesPago;
using Cobranzas.Integraciones.Persistencia;
using Cobranzas.Integraciones.Proveedores;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Api.Demo;

/// <summary>
/// The payment providers of the demo, kept honest: no provider is reachable from a demo, so none is active. Cobranza Online's
/// activation was requested (state <c>solicitado</c>), Khipu has its fees entered but is not activated, and Flow was tried in
/// its sandbox and deactivated, leaving two historical links (one expired, one cancelled) and no payment.
/// </summary>
internal sealed class DemoIntegraciones(IServiceProvider servicios, Guid empresaId)
{
    private const string Actor = "demo";

    public async Task CargarAsync(CancellationToken ct)
    {
        await using var scope = servicios.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ContextoSolicitud>().Establecer(empresaId, Actor);
        var db = scope.ServiceProvider.GetRequiredService<IntegracionesDbContext>();
        if (await db.Set<ProveedorEmpresa>().AnyAsync(ct))
            return;
        var reloj = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var ahora = reloj.GetUtcNow();
        db.Add(new ProveedorEmpresa { Codigo = "cobranza-online", Estado = EstadosProveedor.Solicitado, Solicitado = ahora.AddDays(-3), ActorUltimoCambio = Actor });
        db.Add(new ProveedorEmpresa { Codigo = "khipu", ComisionPorcentaje = 1.49m, ComisionFija = 0m, ActorUltimoCambio = Actor });
        db.Add(new ProveedorEmpresa
        {
            Codigo = "flow", Estado = EstadosProveedor.Desactivado, UrlBase = "https://sandbox.flow.cl/api/", Activado = ahora.AddDays(-40), Desactivado = ahora.AddDays(-20),
            ComisionPorcentaje = 2.89m, ComisionFija = 0m, ActorUltimoCambio = Actor,
        });

        var hoy = FechaNegocio.Hoy(reloj);
        var vencidos = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new VencimientosEnRango(null, hoy.AddYears(-1), hoy.AddDays(-1)), ct);
        var porCliente = vencidos.Where(v => v.Moneda == "CLP").GroupBy(v => v.ClienteId).Where(g => g.Select(v => v.DocumentoId).Distinct().Count() >= 2).Take(2).ToList();
        foreach (var (grupo, i) in porCliente.Select((g, i) => (g, i)))
        {
            var documentos = grupo.GroupBy(v => v.DocumentoId).Take(2)
                .Select(d => new EnlacePagoDocumento { DocumentoId = d.Key, Tipo = d.First().Tipo, Folio = d.First().Folio, Monto = d.Sum(v => v.Saldo) }).ToList();
            var creado = ahora.AddDays(-35 + i * 5);
            db.Add(new EnlacePago
            {
                ClienteId = grupo.Key, Proveedor = "flow", Alcance = AlcancesEnlace.Documentos, Estado = i == 0 ? EstadosEnlace.Expirado : EstadosEnlace.Anulado,
                Monto = documentos.Sum(d => d.Monto), Moneda = "CLP", ClaveDocumentos = $"demo-{grupo.Key:N}-{i}", Expira = creado.AddDays(7),
                Url = $"https://sandbox.flow.cl/app/web/pay.php?token=DEMO{i + 1:D4}", IdExterno = $"DEMO{i + 1:D4}", Creado = creado, Actor = Actor,
                Anulado = i == 0 ? null : creado.AddDays(2), Documentos = documentos,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
