using Cobranzas.Cartera;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Gestion.Judicial;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RutChileno = Cobranzas.SharedKernel.Rut.Rut;

namespace Cobranzas.Api.Demo;

/// <summary>
/// Pre-legal and legal collection alive on first run, through the same requests as the API: two agencies (one holding a
/// derived client), a law firm with a lawsuit (hearings and costs) and a client in liquidation with a partial recovery. The
/// three clients are the ones with the oldest overdue debt, as a manager would pick them.
/// </summary>
internal sealed class DemoJudicial(IServiceProvider servicios, Guid empresaId, int semilla, ILogger log)
{
    public async Task CargarAsync(CancellationToken ct)
    {
        await using var scope = servicios.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ContextoSolicitud>().Establecer(empresaId, "demo");
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var cartera = scope.ServiceProvider.GetRequiredService<CarteraDbContext>();
        var hoy = FechaNegocio.Hoy(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var morosos = await cartera.Documentos.AsNoTracking()
            .Where(d => d.Moneda == Monedas.Clp && d.Saldo > 0 && d.FechaAnulacion == null && d.FechaCastigo == null && d.FechaVencimiento <= hoy.AddDays(-120))
            .GroupBy(d => d.ClienteId)
            .Select(g => new { ClienteId = g.Key, Saldo = g.Sum(d => d.Saldo), Antiguo = g.Min(d => d.FechaVencimiento) })
            .OrderBy(g => g.Antiguo).ThenBy(g => g.ClienteId)
            .Take(3).ToListAsync(ct);
        if (morosos.Count < 3)
        {
            log.LogWarning("Demo judicial: no hay tres clientes con deuda de más de 120 días; se omite");
            return;
        }

        string Rut(int n) => RutChileno.Desde(76_500_000 + semilla * 100 + n).Canonico;
        var agencia = await mediator.Send(new CrearAgencia(new DatosAgencia("Recupera Cobranzas SpA", Rut(1), "Marcela Rojas", "contacto@recupera.example", "+56 2 2345 6789", 12m)), ct);
        await mediator.Send(new CrearAgencia(new DatosAgencia("Norte Gestión Extrajudicial Ltda.", Rut(2), "Luis Araya", "cobranza@nortegestion.example", "+56 55 245 1100", 10m)), ct);
        await mediator.Send(new DerivarAgencia(agencia.Id, new DatosDerivacion(morosos[0].ClienteId, null, "Sin respuesta a tres llamados y dos cartas certificadas")), ct);

        var estudio = await mediator.Send(new CrearEstudio(new DatosEstudio("Larraín & Soto Abogados", Rut(3), "Andrea Soto", "asoto@larrainsoto.example", "+56 2 2987 6543")), ct);
        var juicio = await mediator.Send(new CrearJuicio(new DatosJuicio(morosos[1].ClienteId, estudio.Id, "1° Juzgado Civil de Santiago", $"C-{4100 + semilla}-2026",
            "Ejecutivo", "Notificación de la demanda", morosos[1].Saldo, hoy.AddDays(-40), "Cobro de facturas con mérito ejecutivo")), ct);
        await mediator.Send(new AgregarAudiencia(juicio.Id, new DatosAudiencia(hoy.AddDays(-12), "Requerimiento de pago y embargo")), ct);
        await mediator.Send(new AgregarAudiencia(juicio.Id, new DatosAudiencia(hoy.AddDays(6), "Audiencia de conciliación")), ct);
        await mediator.Send(new AgregarAudiencia(juicio.Id, new DatosAudiencia(hoy.AddDays(9), "Audiencia de excepciones")), ct);
        await mediator.Send(new AgregarCosto(juicio.Id, new DatosCosto(TiposCostoJuicio.Incurrido, hoy.AddDays(-38), 180_000m, "Receptor judicial")), ct);
        await mediator.Send(new AgregarCosto(juicio.Id, new DatosCosto(TiposCostoJuicio.Incurrido, hoy.AddDays(-40), 95_000m, "Derechos y copias")), ct);

        await mediator.Send(new RegistrarQuiebra(morosos[2].ClienteId, new DatosQuiebra(ProcedimientosConcursales.Liquidacion, hoy.AddDays(-75), "Rodrigo Pérez Vial",
            hoy.AddDays(-45), morosos[2].Saldo, null, "Resolución de liquidación publicada en el Boletín Concursal")), ct);
        await mediator.Send(new RegistrarRecuperoQuiebra(morosos[2].ClienteId, new DatosRecuperoQuiebra(hoy.AddDays(-10), Math.Round(morosos[2].Saldo * 0.15m), "Primer reparto de fondos")), ct);
    }
}
