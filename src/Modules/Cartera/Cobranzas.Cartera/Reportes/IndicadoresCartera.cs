using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Cartera.Reportes;

// SKELETON (issue 14): replaced by the helper 'indicadores-cartera'; must not reach the end of the session.
public sealed class ObtenerIndicadoresCarteraHandler : IRequestHandler<ObtenerIndicadoresCartera, IndicadoresCartera>
{
    public ValueTask<IndicadoresCartera> Handle(ObtenerIndicadoresCartera request, CancellationToken cancellationToken) => throw new NotImplementedException();
}

public sealed class ObtenerTendenciaIndicadoresHandler : IRequestHandler<ObtenerTendenciaIndicadores, IReadOnlyList<IndicadoresCartera>>
{
    public ValueTask<IReadOnlyList<IndicadoresCartera>> Handle(ObtenerTendenciaIndicadores request, CancellationToken cancellationToken) => throw new NotImplementedException();
}

public sealed class ObtenerRecaudacionHandler(CarteraDbContext db, IContextoSolicitud contexto) : IRequestHandler<ObtenerRecaudacion, decimal>
{
    public async ValueTask<decimal> Handle(ObtenerRecaudacion request, CancellationToken cancellationToken) =>
        await ConsultasIndicadores.RecaudadoAsync(db, contexto.EmpresaId, request.Desde, request.Hasta, request.ClienteIds, cancellationToken);
}

/// <summary>The set-based statements of the portfolio KPIs, each in its <c>.sql</c> file beside this one.</summary>
public static class ConsultasIndicadores
{
    private static readonly string SqlRecaudacion = SqlCartera.Leer("Reportes/Recaudacion.sql");

    /// <summary>Payment money applied between the two dates inclusive, in CLP, reversals excluded (<c>Recaudacion.sql</c>).</summary>
    public static async Task<decimal> RecaudadoAsync(CarteraDbContext db, Guid empresa, DateOnly desde, DateOnly hasta, IReadOnlyCollection<Guid>? clientes, CancellationToken ct)
    {
        if (clientes is { Count: 0 })
            return 0;
        await using var comando = await ComandoAsync(db, SqlRecaudacion, ct);
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = empresa });
        comando.Parameters.Add(new NpgsqlParameter("desde", NpgsqlDbType.Date) { Value = desde });
        comando.Parameters.Add(new NpgsqlParameter("hasta", NpgsqlDbType.Date) { Value = hasta });
        comando.Parameters.Add(Clientes(clientes));
        return (decimal)(await comando.ExecuteScalarAsync(ct))!;
    }

    internal static NpgsqlParameter Clientes(IReadOnlyCollection<Guid>? clientes) =>
        new("clientes", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = clientes is null ? DBNull.Value : clientes.ToArray() };

    internal static async Task<NpgsqlCommand> ComandoAsync(CarteraDbContext db, string sql, CancellationToken ct)
    {
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        return new NpgsqlCommand(sql, conexion);
    }
}
