using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Cobranzas.Integraciones.Proveedores;

/// <summary>
/// The named <see cref="HttpClient"/> of each payment provider: a total timeout, an attempt timeout and retries with exponential
/// backoff for safe methods only (GET). A create (POST) or Webpay's commit (PUT) is never retried here: the caller retries it
/// (Mercado Pago's with the same <c>X-Idempotency-Key</c>; Webpay's commit is answered by the status call the second time).
/// </summary>
public static class ClientesHttpProveedores
{
    public const string Seccion = "Integraciones:Proveedores:Http";

    public static IHttpClientBuilder Agregar(IServiceCollection services, IConfiguration configuracion, string nombre)
    {
        var seccion = configuracion.GetSection(Seccion);
        var reintentos = seccion.GetValue("Reintentos", 3);
        var retardo = seccion.GetValue("RetardoReintento", TimeSpan.FromSeconds(1));
        var porIntento = seccion.GetValue("TiempoPorIntento", TimeSpan.FromSeconds(10));
        var total = seccion.GetValue("TiempoTotal", TimeSpan.FromSeconds(30));
        var cliente = services.AddHttpClient(nombre);
        cliente.AddResilienceHandler("proveedor", builder =>
        {
            // The host's TimeProvider is the business clock (a fake one in tests); network timeouts and backoff are wall-clock.
            builder.TimeProvider = TimeProvider.System;
            var reintento = new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = reintentos, Delay = retardo, BackoffType = DelayBackoffType.Exponential, UseJitter = true,
            };
            reintento.DisableForUnsafeHttpMethods();
            builder.AddTimeout(total).AddRetry(reintento).AddTimeout(porIntento);
        });
        return cliente;
    }
}
