using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Convenios;

public static class OrigenesConvenio
{
    public const string Interno = "interno";
    public const string Portal = "portal";

    public static string De(Guid? solicitudPortalId) => solicitudPortalId is null ? Interno : Portal;
}

public sealed class CrearBorradorConvenioPortalHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<CrearBorradorConvenioPortal, ConvenioPortal>
{
    public async ValueTask<ConvenioPortal> Handle(CrearBorradorConvenioPortal request, CancellationToken cancellationToken)
    {
        await using var tx = await BloqueoCliente.TomarAsync(db, [request.ClienteId], cancellationToken);
        var ids = request.DocumentoIds.Count > 0 ? request.DocumentoIds.ToList() : await AbiertosAsync(request.ClienteId, cancellationToken);
        if (ids.Count == 0)
            throw new ReglaNegocioException("documentoIds", "sin_documentos", "No hay documentos con saldo en pesos que incluir en un convenio.");
        if (ids.Count > 200)
            throw new ReglaNegocioException("documentoIds", "demasiados_documentos", "Un convenio lleva a lo más 200 documentos: elija cuáles.");
        var hoy = FechaNegocio.Hoy(reloj);
        var mensaje = request.Mensaje.Trim();
        var notas = $"Solicitud desde el portal: {mensaje}";
        var datos = new DatosConvenio(request.ClienteId, TiposConvenio.PagoEnCuotas, ids, null, null, request.Cuotas, hoy.AddMonths(1), FrecuenciasConvenio.Mensual, null, null, null,
            notas.Length > LargosConvenio.Notas ? notas[..LargosConvenio.Notas] : notas);
        var numero = (await db.Set<Convenio>().MaxAsync(c => (long?)c.Numero, cancellationToken) ?? 0) + 1;
        var convenio = await CalculoConvenio.CalcularAsync(db, mediator, contexto, reloj, datos, numero, cancellationToken);
        convenio.SolicitudPortalId = request.SolicitudPortalId;
        db.Add(convenio);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw new ConflictoException("numero", "Otro convenio tomó el mismo número al mismo tiempo; vuelva a intentarlo.");
        }

        await tx.CommitAsync(cancellationToken);
        return ConveniosDeSolicitudesPortalHandler.Dto(convenio);
    }

    /// <summary>What the client owes in pesos that a convenio can take: in the portfolio, with balance, not already a convenio's installments nor committed to one.</summary>
    private async Task<List<Guid>> AbiertosAsync(Guid clienteId, CancellationToken ct)
    {
        var comprometidos = db.Set<ConvenioDocumento>()
            .Where(x => db.Set<Convenio>().Any(c => c.Id == x.ConvenioId
                && (c.Estado == EstadosConvenio.PendienteAprobacion || c.Estado == EstadosConvenio.Aprobado || c.Estado == EstadosConvenio.Vigente)))
            .Select(x => x.DocumentoId);
        return await db.Documentos.Where(ReglasCartera.EnCartera)
            .Where(d => d.ClienteId == clienteId && d.Saldo > 0 && d.Moneda == Monedas.Clp && d.Tipo != TiposDocumento.Convenio && !comprometidos.Contains(d.Id))
            .OrderBy(d => d.FechaVencimiento).Select(d => d.Id).Take(201).ToListAsync(ct);
    }
}

public sealed class ConveniosDeSolicitudesPortalHandler(CarteraDbContext db) : IRequestHandler<ConveniosDeSolicitudesPortal, IReadOnlyList<ConvenioPortal>>
{
    public async ValueTask<IReadOnlyList<ConvenioPortal>> Handle(ConveniosDeSolicitudesPortal request, CancellationToken cancellationToken)
    {
        var ids = request.SolicitudPortalIds.ToList();
        var convenios = await db.Set<Convenio>().AsNoTracking().Where(c => c.SolicitudPortalId != null && ids.Contains(c.SolicitudPortalId.Value)).ToListAsync(cancellationToken);
        return convenios.Select(Dto).ToList();
    }

    public static ConvenioPortal Dto(Convenio c) => new(c.SolicitudPortalId!.Value, c.Id, c.Numero, c.Estado, c.MontoConvenido, c.NumeroCuotas, c.PrimeraFecha);
}
