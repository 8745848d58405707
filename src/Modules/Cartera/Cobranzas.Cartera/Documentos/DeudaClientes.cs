using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Cartera.Documentos;

public sealed class ObtenerDeudaClientesHandler(CarteraDbContext db, IContextoSolicitud contexto, TimeProvider reloj, Reportes.HechosDelDia cache)
    : IRequestHandler<ObtenerDeudaClientes, IReadOnlyList<DeudaCliente>>
{
    private static readonly string Sql = SqlCartera.Leer("Documentos/DeudaClientes.sql");

    /// <summary>Every client's debt (the dashboard's critical cases, escalation) is kept for the day while no fact changes.</summary>
    public async ValueTask<IReadOnlyList<DeudaCliente>> Handle(ObtenerDeudaClientes request, CancellationToken cancellationToken) =>
        request.ClienteIds is null && request.DocumentosExcluidos is not { Count: > 0 }
            ? await cache.ObtenerAsync(db, contexto.EmpresaId, $"deuda {FechaNegocio.Hoy(reloj):yyyy-MM-dd}", () => CalcularAsync(request, cancellationToken), cancellationToken)
            : await CalcularAsync(request, cancellationToken);

    private async Task<IReadOnlyList<DeudaCliente>> CalcularAsync(ObtenerDeudaClientes request, CancellationToken cancellationToken)
    {
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        await using var comando = new NpgsqlCommand(Sql, conexion) { CommandTimeout = Reportes.SentenciaInforme.Segundos };
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = contexto.EmpresaId });
        comando.Parameters.Add(new NpgsqlParameter("hoy", NpgsqlDbType.Date) { Value = FechaNegocio.Hoy(reloj) });
        comando.Parameters.Add(new NpgsqlParameter("clientes", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = (object?)request.ClienteIds?.ToArray() ?? DBNull.Value });
        comando.Parameters.Add(new NpgsqlParameter("excluidos", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = (request.DocumentosExcluidos ?? []).ToArray() });
        await using var lector = await comando.ExecuteReaderAsync(cancellationToken);
        var deudas = new List<DeudaCliente>();
        while (await lector.ReadAsync(cancellationToken))
            deudas.Add(new DeudaCliente(lector.GetGuid(0), lector.GetDecimal(1), lector.GetDecimal(2),
                lector.IsDBNull(3) ? null : DateOnly.FromDateTime(lector.GetDateTime(3)), lector.GetInt32(4), lector.GetInt32(5)));
        return deudas;
    }
}

public sealed class BuscarDocumentosHandler(CarteraDbContext db) : IRequestHandler<BuscarDocumentos, IReadOnlyList<DocumentoInfo>>
{
    public async ValueTask<IReadOnlyList<DocumentoInfo>> Handle(BuscarDocumentos request, CancellationToken cancellationToken)
    {
        var ids = request.Ids.ToList();
        var documentos = await db.Documentos.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.ClienteId, d.Tipo, d.Folio, d.FechaVencimiento, d.Moneda, d.Total, d.Saldo })
            .ToListAsync(cancellationToken);
        return documentos.Select(d => new DocumentoInfo(d.Id, d.ClienteId, d.Tipo, d.Folio, d.FechaVencimiento, d.Moneda, d.Total, d.Saldo)).ToList();
    }
}
