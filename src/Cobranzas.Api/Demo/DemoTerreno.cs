using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.Gestion.Actividades;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Terreno;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Api.Demo;

/// <summary>
/// Field collection on first run: the demo Cobrador user's route for today (clients with coordinates around downtown Santiago,
/// one placed by its comuna), yesterday's route with two visits reported and field receipts in history, so /terreno, the
/// route planner and the visit report are alive. Business clients only: the Ley 21.320 weekly limit would refuse a visit to a
/// consumer the demo already called this week.
/// </summary>
internal sealed class DemoTerreno(IServiceProvider servicios, ILogger log, Guid empresaId, Guid cobrador)
{
    private static readonly (double Lat, double Lon) Inicio = (-33.4372, -70.6506);

    private static readonly (double Lat, double Lon)[] Lugares =
    [
        (-33.4489, -70.6693), (-33.4263, -70.6175), (-33.4569, -70.5983), (-33.4183, -70.6031), (-33.4411, -70.6402),
        (-33.4602, -70.6553), (-33.4128, -70.5761), (-33.4311, -70.6721),
    ];

    private AsyncServiceScope Ambito()
    {
        var scope = servicios.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ContextoSolicitud>().Establecer(empresaId, "demo");
        return scope;
    }

    public async Task CargarAsync(CancellationToken ct)
    {
        var hoy = FechaNegocio.Hoy(TimeProvider.System);
        List<Guid> clientes;
        await using (var scope = Ambito())
        {
            var gestion = scope.ServiceProvider.GetRequiredService<GestionDbContext>();
            var propios = await gestion.Asignaciones.AsNoTracking().Where(a => a.CobradorId == cobrador).Select(a => a.ClienteId).OrderBy(id => id).ToListAsync(ct);
            var info = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new BuscarClientes(propios, []), ct);
            clientes = info.Where(c => !c.Consumidor).Select(c => c.Id).Take(Lugares.Length).ToList();
            var db = scope.ServiceProvider.GetRequiredService<ClientesDbContext>();
            var filas = await db.Clientes.Where(c => clientes.Contains(c.Id)).ToListAsync(ct);
            foreach (var (c, i) in clientes.Select((id, i) => (filas.Single(f => f.Id == id), i)))
            {
                // The last one keeps only its comuna: the map places it at the comuna's centroid.
                if (i == clientes.Count - 1)
                {
                    c.Comuna = "Providencia";
                    continue;
                }

                (c.Latitud, c.Longitud) = Lugares[i];
            }

            await db.SaveChangesAsync(ct);
        }

        if (clientes.Count < 5)
        {
            log.LogInformation("Terreno demo: el cobrador tiene {N} clientes empresa; sin rutas", clientes.Count);
            return;
        }

        await using var ambito = Ambito();
        var m = ambito.ServiceProvider.GetRequiredService<IMediator>();
        var ayer = await m.Send(new CrearRuta(new DatosRuta(cobrador, hoy.AddDays(-1), Inicio.Lat, Inicio.Lon, clientes.Skip(5).Take(3).ToList())), ct);
        var manana = new DateTimeOffset(hoy.AddDays(-1).ToDateTime(new TimeOnly(11, 0)), FechaNegocio.Santiago.GetUtcOffset(hoy.AddDays(-1).ToDateTime(new TimeOnly(11, 0))));
        foreach (var (p, i) in ayer.Paradas.Take(2).Select((p, i) => (p, i)))
        {
            // A company weekly limit of the demo could refuse a visit: the demo then leaves that stop pending.
            try
            {
                await m.Send(new RegistrarLlegada(p.Id, new DatosLlegada(p.Latitud ?? Inicio.Lat, p.Longitud ?? Inicio.Lon, 12, manana.AddMinutes(50 * i))), ct);
                await m.Send(new InformarVisita(p.Id, new DatosInformeVisita(i == 0 ? ResultadosVisita.Pago : ResultadosVisita.Compromiso, i == 0 ? "Pagó en efectivo parte de lo vencido." : "Promete pagar el viernes.")), ct);
            }
            catch (Exception e) when (e is ContactoBloqueadoException or ReglaNegocioException)
            {
                log.LogInformation("Terreno demo: visita omitida ({Motivo})", e.Message);
            }
        }

        var hoyRuta = await m.Send(new CrearRuta(new DatosRuta(cobrador, hoy, Inicio.Lat, Inicio.Lon, clientes.Take(5).ToList())), ct);
        var primera = hoyRuta.Paradas[0];
        var ahora = TimeProvider.System.GetUtcNow();
        try
        {
            await m.Send(new RegistrarLlegada(primera.Id, new DatosLlegada(primera.Latitud ?? Inicio.Lat, primera.Longitud ?? Inicio.Lon, 8, ahora.AddMinutes(-30))), ct);
            await m.Send(new InformarVisita(primera.Id, new DatosInformeVisita(ResultadosVisita.Pago, "Pago con cheque al día.")), ct);
        }
        catch (Exception e) when (e is ContactoBloqueadoException or ReglaNegocioException)
        {
            log.LogInformation("Terreno demo: visita omitida ({Motivo})", e.Message);
        }
        await m.Send(new RegistrarPagoTerrenoRecibo(new DatosPagoTerreno(primera.ClienteId, $"demo-{empresaId:N}-1", 150_000m, MediosPagoTerreno.Cheque, "Banco Santander", "0012345", null, "Recibido en la oficina del cliente.")), ct);
        await m.Send(new RegistrarPagoTerrenoRecibo(new DatosPagoTerreno(ayer.Paradas[0].ClienteId, $"demo-{empresaId:N}-2", 80_000m, MediosPagoTerreno.Efectivo, null, null, null, null)), ct);
        log.LogInformation("Terreno demo: ruta de hoy con {Hoy} visitas, la de ayer con {Ayer}, 2 recibos", hoyRuta.Paradas.Count, ayer.Paradas.Count);
    }
}
