using Cobranzas.SharedKernel.Modulos;
using FluentValidation;

namespace Cobranzas.Api.Infraestructura;

public static class Modulos
{
    /// <summary>Adds a module's services and validators, and remembers it for its routes and migrations.</summary>
    public static WebApplicationBuilder AddModulo<TModulo>(this WebApplicationBuilder builder)
        where TModulo : IModulo
    {
        TModulo.AgregarServicios(builder.Services, builder.Configuration);
        builder.Services.AddValidatorsFromAssembly(typeof(TModulo).Assembly, includeInternalTypes: true);
        builder.Services.AddSingleton(ModuloRegistrado.De<TModulo>());
        return builder;
    }

    public static WebApplication MapModulos(this WebApplication app)
    {
        foreach (var modulo in app.Services.GetServices<ModuloRegistrado>())
            modulo.MapearRutas(app);
        return app;
    }
}
