using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Terreno;

/// <summary>Field collection: routes, visits, receipts and visit reports, in the order of the OpenAPI document.</summary>
public static class AreaTerreno
{
    public static void AgregarServicios(IServiceCollection services)
    {
        services.AddScoped<AccesoRutas>();
        services.AddScoped<UbicacionesRuta>();
    }

    public static readonly Action<RutasModulo>[] Rutas =
    [
        ListarRutas.Map, CrearRuta.Map, MiRuta.Map, ObtenerRuta.Map, OrdenarRuta.Map, OptimizarRuta.Map, CalcularRecorrido.Map,
        RegistrarLlegada.Map, InformarVisita.Map, FotografiarVisita.Map,
        ListarRecibos.Map, RegistrarPagoTerrenoRecibo.Map, ObtenerRecibo.Map, ReciboPdf.Map,
        InformeVisitas.Map,
    ];
}
