using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Cartera.Documentos;

public sealed class PaginarClientesPorDeudaHandler(CarteraDbContext db, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<PaginarClientesPorDeuda, IReadOnlyList<DeudaClienteOrdenada>>
{
    /// <summary>By balance: from the per-client balances (<c>cartera.saldos_clientes</c>), without reading every open installment.</summary>
    private static readonly string SqlPorSaldo = SqlCartera.Leer("Documentos/DeudaOrdenadaClientesPorSaldo.sql");

    /// <summary>By overdue debt: the overdue part kept in the same read model up to its kept date, plus the installments due since.</summary>
    private static readonly string SqlPorVencido = SqlCartera.Leer("Documentos/DeudaOrdenadaClientesPorVencido.sql");

    public async ValueTask<IReadOnlyList<DeudaClienteOrdenada>> Handle(PaginarClientesPorDeuda request, CancellationToken cancellationToken)
    {
        if (request.ClienteIds.Count == 0 || request.Tomar <= 0 || request.Saltar >= request.ClienteIds.Count)
            return [];
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        await using var comando = new NpgsqlCommand(request.PorVencido ? SqlPorVencido : SqlPorSaldo, conexion);
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = contexto.EmpresaId });
        comando.Parameters.Add(new NpgsqlParameter("hoy", NpgsqlDbType.Date) { Value = FechaNegocio.Hoy(reloj) });
        comando.Parameters.Add(new NpgsqlParameter("clientes", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = request.ClienteIds as Guid[] ?? request.ClienteIds.ToArray() });
        comando.Parameters.Add(new NpgsqlParameter("descendente", NpgsqlDbType.Boolean) { Value = request.Descendente });
        comando.Parameters.Add(new NpgsqlParameter("saltar", NpgsqlDbType.Integer) { Value = Math.Max(0, request.Saltar) });
        comando.Parameters.Add(new NpgsqlParameter("tomar", NpgsqlDbType.Integer) { Value = request.Tomar });
        await using var lector = await comando.ExecuteReaderAsync(cancellationToken);
        var pagina = new List<DeudaClienteOrdenada>(request.Tomar);
        while (await lector.ReadAsync(cancellationToken))
            pagina.Add(new DeudaClienteOrdenada(lector.GetGuid(0), lector.GetDecimal(1), lector.GetDecimal(2)));
        return pagina;
    }
}
