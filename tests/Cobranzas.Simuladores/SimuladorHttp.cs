using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;

namespace Cobranzas.Simuladores;

/// <summary>A real Kestrel server on a free loopback port; each simulator maps its provider's documented routes on it.</summary>
public abstract class SimuladorHttp : IAsyncDisposable
{
    private WebApplication? app;

    public Uri Url { get; private set; } = null!;

    protected abstract void Mapear(WebApplication app);

    public async Task IniciarAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        Mapear(app);
        await app.StartAsync();
        var direccion = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Url = new Uri(direccion.TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
            await app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
