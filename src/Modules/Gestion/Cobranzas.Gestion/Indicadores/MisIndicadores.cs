using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Indicadores;

/// <summary>
/// The signed-in user's own KPI strip on "Mi trabajo": contacts today and this month, promises taken and kept this month,
/// collected this month from its clients. <see cref="CobradorId"/> null: the user works as no collector (all zeros).
/// </summary>
public sealed record MisIndicadoresDto(
    Guid? CobradorId, DateOnly Hoy, int ContactosHoy, int ActividadesMes, int ContactosMes, int CompromisosTomadosMes, decimal MontoComprometidoMes,
    int CompromisosCumplidosMes, decimal MontoCumplidoMes, decimal RecaudadoMes, string Definicion);

public sealed record MisIndicadores : IRequest<MisIndicadoresDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/indicadores/mis-indicadores", async Task<Ok<MisIndicadoresDto>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new MisIndicadores(), ct)))
        .WithName("MisIndicadores").ConLimite(LimitesUso.Informes);
}

public sealed class MisIndicadoresHandler(GestionDbContext db, AlcanceGestion alcance, IMediator mediator, TimeProvider reloj) : IRequestHandler<MisIndicadores, MisIndicadoresDto>
{
    public async ValueTask<MisIndicadoresDto> Handle(MisIndicadores request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var cobrador = await alcance.CobradorPropioAsync(cancellationToken);
        if (cobrador is not { } id)
            return new MisIndicadoresDto(null, hoy, 0, 0, 0, 0, 0, 0, 0, 0, CalculoProductividad.Definicion);
        var mes = (await CalculoProductividad.CalcularAsync(db, mediator, new DateOnly(hoy.Year, hoy.Month, 1), hoy, id, null, cancellationToken)).Single();
        var (inicio, fin) = FiltroIndicadores.Instantes(hoy, hoy);
        var contacto = CalculoProductividad.ResultadosContacto;
        var contactosHoy = await db.Actividades.CountAsync(a => a.CobradorId == id && a.Fecha >= inicio && a.Fecha < fin && a.Resultado != null && contacto.Contains(a.Resultado), cancellationToken);
        return new MisIndicadoresDto(id, hoy, contactosHoy, mes.Actividades, mes.Contactos, mes.CompromisosTomados, mes.MontoComprometido, mes.CompromisosCumplidos, mes.MontoCumplido,
            mes.Recaudado, CalculoProductividad.Definicion);
    }
}
