using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Actividades;

public sealed class ObtenerAvisosCobranzaHandler(GestionDbContext db) : IRequestHandler<ObtenerAvisosCobranza, IReadOnlyList<DateOnly>>
{
    /// <summary>A call or visit that did not reach anyone (no answer, voicemail, wrong number) is not a notice.</summary>
    private static readonly string[] ResultadosConContacto =
        [ResultadosActividad.Contactado, ResultadosActividad.Promesa, ResultadosActividad.Disputa, ResultadosActividad.Pago, ResultadosActividad.SeNiega];

    public async ValueTask<IReadOnlyList<DateOnly>> Handle(ObtenerAvisosCobranza request, CancellationToken cancellationToken)
    {
        // A day's margin either side in UTC covers Santiago's offset; the business date decides.
        var desde = new DateTimeOffset(request.Desde.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var hasta = new DateTimeOffset(request.Hasta.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var momentos = await db.Actividades.AsNoTracking()
            .Where(a => a.ClienteId == request.ClienteId && a.Fecha >= desde && a.Fecha < hasta
                        && (a.Canal == CanalesContacto.Escrito || (a.Resultado != null && ResultadosConContacto.Contains(a.Resultado))))
            .Select(a => a.Fecha).ToListAsync(cancellationToken);
        return momentos.Select(FechaNegocio.De).Where(d => d >= request.Desde && d <= request.Hasta).Distinct().Order().ToList();
    }
}
