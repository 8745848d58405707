using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.SharedKernel.Modulos;

/// <summary>
/// What the host needs from a module (or the platform): its services, its routes and the
/// DbContext whose migrations it applies. The host adds a module with one line,
/// <c>builder.AddModulo&lt;CarteraModulo&gt;()</c>, and derives everything else from it.
/// </summary>
public interface IModulo
{
    static abstract Type Contexto { get; }

    static abstract void AgregarServicios(IServiceCollection services, IConfiguration configuracion);

    static abstract void MapearRutas(IEndpointRouteBuilder app);
}

/// <summary>A module as the host registered it, in registration order (migrations and routes follow it).</summary>
public sealed record ModuloRegistrado(string Nombre, Type Contexto, Action<IEndpointRouteBuilder> MapearRutas)
{
    public static ModuloRegistrado De<TModulo>()
        where TModulo : IModulo => new(typeof(TModulo).Name, TModulo.Contexto, TModulo.MapearRutas);

    public DbContext ContextoDe(IServiceProvider servicios) => (DbContext)servicios.GetRequiredService(Contexto);
}
