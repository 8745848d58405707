using System.Reflection;

namespace Cobranzas.Api.Infraestructura;

/// <summary>
/// The build writes web-client/openapi.json by starting this host inside the GetDocument tool;
/// there is no database or secret then, and nothing may run in the background.
/// </summary>
public static class GeneracionOpenApi
{
    public static bool EnCurso => Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    public static void Configurar(ConfigurationManager configuracion) =>
        configuracion.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cobranzas"] = "Host=127.0.0.1;Database=sin_base",
            ["Jwt:Clave"] = new string('-', 32),
            ["Quartz:Habilitado"] = "false",
            ["ProteccionDatos:Efimera"] = "true",
        });
}
