using System.Data.Common;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cobranzas.Cartera.Documentos;

/// <summary>
/// Gestión's calendar and Notificaciones' runs: the open installments due in a date range (documents ceded under administración
/// delegada too: the company still collects them), one query over the open-installment index,
/// read with a plain data reader (a run asks for every open installment of the company: materialising 100 000 rows through EF cost
/// more than the query).
/// </summary>
public sealed class VencimientosEnRangoHandler(CarteraDbContext db) : IRequestHandler<VencimientosEnRango, IReadOnlyList<VencimientoDocumento>>
{
    public async ValueTask<IReadOnlyList<VencimientoDocumento>> Handle(VencimientosEnRango request, CancellationToken cancellationToken)
    {
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var cmd = new NpgsqlCommand(
                $"""
                SELECT c.documento_id, c.cliente_id, d.tipo, d.folio, c.numero, c.fecha_vencimiento, c.moneda, c.saldo
                FROM (
                    SELECT c.documento_id, c.cliente_id, c.numero, c.fecha_vencimiento, c.moneda, c.saldo
                    FROM cartera.cuotas c
                    WHERE c.empresa_id = @e AND c.saldo > 0 AND c.vigente AND c.fecha_vencimiento >= @desde AND c.fecha_vencimiento <= @hasta
                    {(request.ClienteIds is null ? "" : "AND c.cliente_id = ANY(@ids)")}
                    UNION ALL
                    SELECT c.documento_id, c.cliente_id, c.numero, c.fecha_vencimiento, c.moneda, c.saldo
                    FROM cartera.cuotas c
                    WHERE c.empresa_id = @e AND c.saldo > 0 AND c.delegada AND c.fecha_vencimiento >= @desde AND c.fecha_vencimiento <= @hasta
                    {(request.ClienteIds is null ? "" : "AND c.cliente_id = ANY(@ids)")}
                ) c JOIN cartera.documentos d ON d.id = c.documento_id AND d.empresa_id = @e
                {(request.Ordenados ? "ORDER BY c.fecha_vencimiento, d.folio, c.numero" : "")}
                """, conexion);
            cmd.Parameters.AddWithValue("e", db.EmpresaActual);
            cmd.Parameters.AddWithValue("desde", request.Desde);
            cmd.Parameters.AddWithValue("hasta", request.Hasta);
            if (request.ClienteIds is not null)
                cmd.Parameters.AddWithValue("ids", request.ClienteIds.ToArray());
            var filas = new List<VencimientoDocumento>();
            await using DbDataReader l = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await l.ReadAsync(cancellationToken))
            {
                filas.Add(new VencimientoDocumento(l.GetGuid(0), l.GetGuid(1), l.GetString(2), l.GetInt64(3), l.GetInt32(4), l.GetFieldValue<DateOnly>(5),
                    l.GetString(6), l.GetDecimal(7)));
            }

            return filas;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
