using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Convenios;

/// <summary>
/// The convenio's approval step, on the approval levels of Clientes (contract <c>Aprobaciones.cs</c>, kind <c>convenio</c>): the
/// level comes from the agreed amount in UF at today's value; each approver's decision is recorded there, by the calling user.
/// </summary>
public sealed class AprobacionConvenio(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
{
    public async Task<string> AbrirAsync(Convenio convenio, CancellationToken ct)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var uf = await db.Database.SqlQuery<decimal?>($"SELECT cartera.ultimo_valor_uf({contexto.EmpresaId}, {hoy}) AS \"Value\"").SingleAsync(ct)
            ?? throw new ReglaNegocioException("montoConvenido", "falta_valor_uf",
                "Falta el valor UF para llevar el monto del convenio a UF (los niveles de aprobación van en UF); cárguelo en /api/v1/valores-uf.");
        var montoUf = Math.Round(convenio.MontoConvenido / uf, 4, MidpointRounding.AwayFromZero);
        var estado = await mediator.Send(new AbrirAprobacion(TiposAprobacion.Convenio, convenio.Id, montoUf, convenio.ClienteId,
            $"Convenio N° {convenio.Numero} ({convenio.Tipo}) por {convenio.MontoConvenido:N0} CLP"), ct);
        return estado.Estado;
    }

    public async Task<string> DecidirAsync(Convenio convenio, bool aprobar, string? comentario, CancellationToken ct) =>
        (await mediator.Send(new DecidirAprobacion(TiposAprobacion.Convenio, convenio.Id, aprobar, comentario), ct)).Estado;

    public async Task<EstadoAprobacionDto?> ObtenerAsync(Guid convenioId, CancellationToken ct) =>
        await mediator.Send(new ObtenerAprobacion(TiposAprobacion.Convenio, convenioId), ct);
}

/// <summary>An approval of a convenio decided anywhere (the approvals screen too) moves the convenio: approved, or back to borrador.</summary>
public sealed class AplicarAprobacionConvenio(CarteraDbContext db, TimeProvider reloj) : INotificationHandler<AprobacionResuelta>
{
    public async ValueTask Handle(AprobacionResuelta notification, CancellationToken cancellationToken)
    {
        if (notification.Tipo != TiposAprobacion.Convenio)
            return;
        var c = await db.Set<Convenio>().SingleOrDefaultAsync(x => x.Id == notification.SujetoId, cancellationToken);
        if (c is null || c.Estado != EstadosConvenio.PendienteAprobacion)
            return;
        c.EstadoAprobacion = notification.Estado;
        c.Estado = notification.Estado == EstadosAprobacion.Aprobada ? EstadosConvenio.Aprobado : EstadosConvenio.Borrador;
        c.FechaDecision = reloj.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }
}
