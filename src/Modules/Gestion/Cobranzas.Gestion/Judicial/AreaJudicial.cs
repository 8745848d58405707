using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Judicial;

/// <summary>Pre-legal and legal collection: agencies and their scoped keys, law firms and lawsuits, insolvency; in the order of the OpenAPI document.</summary>
public static class AreaJudicial
{
    public static void AgregarServicios(IServiceCollection services) => services.AddScoped<AccesoAgencia>();

    public static readonly Action<RutasModulo>[] Rutas =
    [
        ListarAgencias.Map, CrearAgencia.Map, CrearClaveAgencia.Map, DerivarAgencia.Map, ListarDerivaciones.Map, CerrarDerivacion.Map,
        ListarDocumentosAgencia.Map, ObtenerDocumentoAgencia.Map, RegistrarActividadAgencia.Map, RegistrarPagoAgencia.Map,
        ListarEstudios.Map, CrearEstudio.Map, ListarJuicios.Map, CrearJuicio.Map, ObtenerJuicio.Map, DescargarAntecedentesJuicio.Map, ActualizarJuicio.Map, AgregarAudiencia.Map, AgregarCosto.Map,
        ListarQuiebras.Map, ObtenerQuiebra.Map, RegistrarQuiebra.Map, RegistrarRecuperoQuiebra.Map,
    ];
}
