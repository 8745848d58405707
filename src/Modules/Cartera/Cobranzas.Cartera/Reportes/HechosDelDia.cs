using System.Collections.Concurrent;
using Cobranzas.Cartera.Persistencia;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Cartera.Reportes;

/// <summary>
/// Results computed from Cartera's facts alone (documents, installments, applications, UF and dólar values), kept per company
/// and key while no fact changed, with the rule of <see cref="ObservacionesDelDia"/>: an entry is valid while every change logged
/// in <c>cartera.hechos_modificados</c> was visible in the snapshot taken before it was computed, and for at most
/// <see cref="ObservacionesDelDia.Vigencia"/>. The key names the business day and whatever else the result depends on (settings);
/// values are shared between requests and never changed by their readers.
/// </summary>
public sealed class HechosDelDia
{
    private sealed record Entrada(string Instantanea, long Calculado, object Valor);

    private readonly ConcurrentDictionary<(Guid Empresa, string Clave), Entrada> _entradas = new();

    private static bool Fresca(Entrada e) => Environment.TickCount64 - e.Calculado < ObservacionesDelDia.Vigencia.TotalMilliseconds;

    public async Task<T> ObtenerAsync<T>(CarteraDbContext db, Guid empresa, string clave, Func<Task<T>> calcular, CancellationToken ct)
        where T : notnull
    {
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        if (_entradas.TryGetValue((empresa, clave), out var e) && Fresca(e) && await SinCambiosAsync(conexion, empresa, e.Instantanea, ct))
            return (T)e.Valor;

        string instantanea;
        var calculado = Environment.TickCount64;
        await using (var comando = new NpgsqlCommand("SELECT pg_current_snapshot()::text", conexion))
            instantanea = (string)(await comando.ExecuteScalarAsync(ct))!;
        var valor = await calcular();
        foreach (var vieja in _entradas.Where(x => x.Key.Empresa == empresa && !Fresca(x.Value)).Select(x => x.Key).ToList())
            _entradas.TryRemove(vieja, out _);
        _entradas[(empresa, clave)] = new Entrada(instantanea, calculado, valor);
        return valor;
    }

    public static async Task<bool> SinCambiosAsync(NpgsqlConnection conexion, Guid empresa, string instantanea, CancellationToken ct)
    {
        await using var comando = new NpgsqlCommand("""
            SELECT NOT EXISTS (SELECT 1 FROM cartera.hechos_modificados h
                               WHERE (h.empresa_id = @empresa OR h.empresa_id IS NULL) AND NOT pg_visible_in_snapshot(h.xid, @instantanea::pg_snapshot))
            """, conexion);
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = empresa });
        comando.Parameters.Add(new NpgsqlParameter("instantanea", NpgsqlDbType.Text) { Value = instantanea });
        return (bool)(await comando.ExecuteScalarAsync(ct))!;
    }
}
