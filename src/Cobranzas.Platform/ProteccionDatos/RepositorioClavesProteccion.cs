using System.Xml.Linq;
using Cobranzas.Platform.Persistencia;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Platform.ProteccionDatos;

/// <summary>
/// The Data Protection key ring in PostgreSQL (<c>plataforma.claves_proteccion_datos</c>), so every replica and every restart
/// reads and writes the same keys: a signed link or a protected secret made by one process is accepted by the others.
/// </summary>
public sealed class RepositorioClavesProteccion(IServiceScopeFactory ambitos, TimeProvider reloj) : IXmlRepository
{
    public const string Aplicacion = "Cobranzas";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var ambito = ambitos.CreateScope();
        var db = ambito.ServiceProvider.GetRequiredService<PlataformaDbContext>();
        return db.ClavesProteccionDatos.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var ambito = ambitos.CreateScope();
        var db = ambito.ServiceProvider.GetRequiredService<PlataformaDbContext>();
        db.ClavesProteccionDatos.Add(new ClaveProteccionDatos { Nombre = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting), Creada = reloj.GetUtcNow() });
        db.SaveChanges();
    }

    public static void Agregar(IServiceCollection services, IConfiguration configuracion)
    {
        var proteccion = services.AddDataProtection().SetApplicationName(Aplicacion);
        // Generating the OpenAPI document at build time starts the host with no database.
        if (configuracion.GetValue<bool>("ProteccionDatos:Efimera"))
        {
            proteccion.UseEphemeralDataProtectionProvider();
            return;
        }

        services.AddSingleton<RepositorioClavesProteccion>();
        services.AddOptions<KeyManagementOptions>().Configure<RepositorioClavesProteccion>((o, repositorio) => o.XmlRepository = repositorio);
    }
}
