using Cobranzas.Integraciones.EnlacesPago;
using Cobranzas.Integraciones.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cobranzas.Integraciones.Proveedores;

public sealed record RecepcionNotificacionDto(string Resultado);

/// <summary>
/// The public endpoint the providers call (and where the payer's browser returns): no login. It only names a charge; the
/// adapter checks the provider's signature where there is one, then the provider's status (signed, server to server) decides.
/// A forged, stale or foreign notification changes nothing and is logged; when the provider cannot be asked the answer is 503
/// so the provider retries (and the re-check job asks again later).
/// </summary>
public static class RecibirNotificacionProveedor
{
    public const string Actor = "proveedor de pagos (notificación)";
    private const int CuerpoMaximo = 64 * 1024;

    public static void Map(RutasModulo rutas)
    {
        rutas.Publico.MapPost("/integraciones/notificaciones/{proveedor}", RecibirAsync).WithName("RecibirNotificacionProveedor").ProducesProblem(400).ProducesProblem(404).ProducesProblem(503)
            .DisableAntiforgery();
        rutas.Publico.MapGet("/integraciones/notificaciones/{proveedor}", RecibirAsync).WithName("RecibirRetornoProveedor").ProducesProblem(400).ProducesProblem(404).ProducesProblem(503);
    }

    private static async Task<Results<Ok<RecepcionNotificacionDto>, ProblemHttpResult>> RecibirAsync(
        string proveedor, HttpRequest solicitud, IntegracionesDbContext db, ConexionesProveedor conexiones, ConfirmacionPagos confirmacion,
        IContextoSolicitudExplicito contexto, TimeProvider reloj, ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger(typeof(RecibirNotificacionProveedor));
        var adaptador = conexiones.Adaptador(proveedor) ?? throw new NoEncontradoException("Proveedor", proveedor);
        var cuerpo = "";
        if (solicitud.ContentLength is null or > 0)
        {
            using var lector = new StreamReader(solicitud.Body);
            var buffer = new char[CuerpoMaximo + 1];
            var leidos = await lector.ReadBlockAsync(buffer, ct);
            if (leidos > CuerpoMaximo)
                return TypedResults.Problem("La notificación es demasiado grande.", statusCode: 400);
            cuerpo = new string(buffer, 0, leidos);
        }

        var consulta = solicitud.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        var entrante = new NotificacionEntrante(
            solicitud.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), consulta, cuerpo, solicitud.ContentType);

        var enlace = await BuscarEnlaceAsync(db, adaptador.Codigo, consulta, cuerpo, solicitud.ContentType, ct);
        if (enlace is null)
        {
            log.LogWarning("Notificación de {Proveedor} para un enlace desconocido (consulta {Consulta}); se ignora", proveedor, string.Join("&", consulta.Keys));
            return TypedResults.Problem("La notificación no corresponde a un enlace de pago.", statusCode: 400);
        }

        contexto.Establecer(enlace.EmpresaId, $"{Actor}: {adaptador.Codigo}");
        var propio = await db.Set<ProveedorEmpresa>().AsNoTracking().SingleOrDefaultAsync(p => p.Codigo == adaptador.Codigo, ct);
        var registro = new NotificacionProveedor { Proveedor = adaptador.Codigo, EnlaceId = enlace.Id, Recibida = reloj.GetUtcNow(), Resultado = ResultadosNotificacion.Rechazada };
        db.Add(registro);
        ResultadoConfirmacion resultado;
        if (propio?.CredencialesCifradas is null)
        {
            resultado = new ResultadoConfirmacion(ResultadosNotificacion.Rechazada, "El proveedor no está configurado en la empresa.");
        }
        else
        {
            var leida = await adaptador.LeerNotificacionAsync(conexiones.Conexion(propio), entrante, ct);
            registro.Referencia = Recortar(leida.Referencia, 200);
            resultado = leida.Rechazada
                ? new ResultadoConfirmacion(ResultadosNotificacion.Rechazada, leida.MotivoRechazo)
                : enlace.IdExterno is not null && leida.Referencia != enlace.IdExterno
                    ? new ResultadoConfirmacion(ResultadosNotificacion.Rechazada, "La referencia notificada no es la del enlace.")
                    : await confirmacion.ConfirmarAsync(enlace, leida.Referencia!, ct);
        }

        registro.Resultado = resultado.Resultado;
        registro.Detalle = Recortar(resultado.Detalle, 1000);
        await db.SaveChangesAsync(ct);
        if (resultado.Resultado == ResultadosNotificacion.Rechazada)
        {
            log.LogWarning("Notificación de {Proveedor} rechazada para el enlace {Enlace}: {Motivo}", adaptador.Codigo, enlace.Id, resultado.Detalle);
            return TypedResults.Problem("Notificación rechazada.", statusCode: 400);
        }

        return resultado.Reintentar
            ? TypedResults.Problem("No se pudo consultar el estado del pago al proveedor; reintente.", statusCode: 503)
            : TypedResults.Ok(new RecepcionNotificacionDto(resultado.Resultado));
    }

    /// <summary>The link named in the query (<c>enlace</c>), or the one whose provider reference is a value of the notification.</summary>
    private static async Task<EnlacePago?> BuscarEnlaceAsync(
        IntegracionesDbContext db, string proveedor, Dictionary<string, string> consulta, string cuerpo, string? tipo, CancellationToken ct)
    {
        var enlaces = db.Set<EnlacePago>().IgnoreQueryFilters().Include(e => e.Documentos);
        if (consulta.TryGetValue("enlace", out var texto))
            return Guid.TryParse(texto, out var id) ? await enlaces.SingleOrDefaultAsync(e => e.Id == id && e.Proveedor == proveedor, ct) : null;
        var valores = consulta.Values.ToList();
        if (tipo?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            valores.AddRange(QueryHelpers.ParseQuery(cuerpo).Values.Select(v => v.ToString()));
        valores = valores.Where(v => v.Length is > 0 and <= 200).Distinct().Take(20).ToList();
        return valores.Count == 0 ? null : await enlaces.FirstOrDefaultAsync(e => e.Proveedor == proveedor && e.IdExterno != null && valores.Contains(e.IdExterno), ct);
    }

    private static string? Recortar(string? s, int largo) => s is null || s.Length <= largo ? s : s[..largo];
}
