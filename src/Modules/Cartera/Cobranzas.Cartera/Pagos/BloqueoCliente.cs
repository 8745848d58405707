using Cobranzas.Cartera.Persistencia;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cobranzas.Cartera.Pagos;

/// <summary>
/// Writes that move a client's money (payments, their application and reversal, cheques, compensations, the payments
/// batch) run one after another per client: each first locks the client's row in <c>cartera.bloqueos_cliente</c> (created
/// on first use) inside its transaction, so the next one waits and then reads the balances the previous one left, instead
/// of failing on a row version. Several clients are locked in id order, in one statement, so two writers never wait on each
/// other crosswise. A row lock rather than an advisory lock: a batch may lock 100 000 clients, more than the server's
/// shared lock table holds.
/// </summary>
public static class BloqueoCliente
{
    /// <summary>The statement that locks the clients <paramref name="clientes"/> (a query of one uuid column) yields, for the company @empresa.</summary>
    public static string Sql(string clientes) => $"""
        INSERT INTO cartera.bloqueos_cliente (empresa_id, cliente_id)
        SELECT DISTINCT @empresa, c.cliente_id FROM ({clientes}) AS c(cliente_id) ORDER BY 2
        ON CONFLICT (empresa_id, cliente_id) DO UPDATE SET cliente_id = excluded.cliente_id
        """;

    /// <summary>Opens the transaction the caller commits and locks the clients in it.</summary>
    public static async Task<IDbContextTransaction> TomarAsync(CarteraDbContext db, IReadOnlyCollection<Guid> clienteIds, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(
            Sql("SELECT unnest(@clientes)"), [new NpgsqlParameter("empresa", db.EmpresaActual), new NpgsqlParameter("clientes", clienteIds.ToArray())], ct);
        return tx;
    }
}
