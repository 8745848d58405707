using Cobranzas.SharedKernel.Pdf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cobranzas.Gestion.Indicadores;

/// <summary>The collection KPIs (issue 14 §2) and the cost table they use: services and routes, in the order of the OpenAPI document.</summary>
public static class AreaIndicadores
{
    public static void AgregarServicios(IServiceCollection services) => services.TryAddSingleton<ImpresoraPdf>();

    public static readonly Action<RutasModulo>[] Rutas =
    [
        ObtenerTablaCostos.Map, GuardarTablaCostos.Map, CumplimientoCompromisos.Map, ProductividadCobradores.Map, CostoCobranza.Map, CasosCriticos.Map, MisIndicadores.Map,
    ];
}
