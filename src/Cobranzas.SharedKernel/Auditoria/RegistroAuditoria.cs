using System.Text.Json;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.SharedKernel.Auditoria;

/// <summary>
/// Captures every tracked write as an audit row (before/after) and stores it in the same
/// transaction as the write, so an audited change and its record commit or fail together.
/// </summary>
public static class RegistroAuditoria
{
    public sealed record Entrada(string Entidad, string EntidadId, string Operacion, string? Antes, string? Despues);

    private static readonly string[] PropiedadesSensibles = ["Hash", "Stamp", "Token", "Secreto"];

    public static List<Entrada> Capturar(ChangeTracker tracker) =>
        tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => !e.Metadata.IsOwned() && e.Metadata.ClrType.GetCustomAttributes(typeof(SinAuditoriaAttribute), true).Length == 0)
            .Select(e => new Entrada(
                e.Metadata.ClrType.Name,
                string.Join("/", e.Metadata.FindPrimaryKey()!.Properties.Select(p => e.Property(p.Name).CurrentValue?.ToString())),
                e.State switch { EntityState.Added => "crear", EntityState.Deleted => "eliminar", _ => "modificar" },
                e.State == EntityState.Added ? null : Serializar(e, original: true),
                e.State == EntityState.Deleted ? null : Serializar(e, original: false)))
            .Where(e => e.Operacion != "modificar" || e.Antes != e.Despues)
            .ToList();

    private static string Serializar(EntityEntry entry, bool original)
    {
        var valores = new SortedDictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            if (PropiedadesSensibles.Any(s => p.Metadata.Name.Contains(s, StringComparison.Ordinal)))
                continue;
            valores[p.Metadata.Name] = original ? p.OriginalValue : p.CurrentValue;
        }

        return JsonSerializer.Serialize(valores);
    }

    public static async Task GuardarAsync(DbContext db, IContextoSolicitud contexto, TimeProvider reloj, IReadOnlyList<Entrada> entradas, CancellationToken ct)
    {
        if (entradas.Count == 0)
            return;

        var ahora = reloj.GetUtcNow();
        var empresa = contexto.TieneEmpresa ? contexto.EmpresaId : (Guid?)null;
        var sql = """
            INSERT INTO plataforma.auditoria (id, empresa_id, fecha, actor, usuario_id, api_key_id, entidad, entidad_id, operacion, antes, despues)
            SELECT u.id, @empresa, @fecha, @actor, @usuario, @apikey, u.entidad, u.entidad_id, u.operacion, u.antes::jsonb, u.despues::jsonb
            FROM unnest(@ids, @entidades, @entidad_ids, @operaciones, @antes, @despues) AS u(id, entidad, entidad_id, operacion, antes, despues)
            """;
        object[] parametros =
        [
            new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = (object?)empresa ?? DBNull.Value },
            new NpgsqlParameter("fecha", ahora),
            new NpgsqlParameter("actor", contexto.Actor),
            new NpgsqlParameter("usuario", NpgsqlDbType.Text) { Value = (object?)contexto.UsuarioId ?? DBNull.Value },
            new NpgsqlParameter("apikey", NpgsqlDbType.Uuid) { Value = (object?)contexto.ApiKeyId ?? DBNull.Value },
            new NpgsqlParameter("ids", entradas.Select(_ => Guid.CreateVersion7()).ToArray()),
            new NpgsqlParameter("entidades", entradas.Select(e => e.Entidad).ToArray()),
            new NpgsqlParameter("entidad_ids", entradas.Select(e => e.EntidadId).ToArray()),
            new NpgsqlParameter("operaciones", entradas.Select(e => e.Operacion).ToArray()),
            new NpgsqlParameter("antes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = entradas.Select(e => e.Antes).ToArray() },
            new NpgsqlParameter("despues", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = entradas.Select(e => e.Despues).ToArray() },
        ];
        await db.Database.ExecuteSqlRawAsync(sql, parametros, ct);
    }

    /// <summary>
    /// A time-ordered (version 7) uuid computed in SQL, for rows created set-based: milliseconds of
    /// clock_timestamp() in the first 48 bits of a random uuid, version bits set to 7.
    /// </summary>
    public const string UuidV7Sql =
        "encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid";

    /// <summary>
    /// Set-based audit for writes done in SQL (batches): one audit row per row of <paramref name="consulta"/>, a
    /// SELECT yielding (entidad text, entidad_id text, operacion text, antes jsonb, despues jsonb), inserted by one
    /// statement on the context's connection, which the caller has opened and holds in a transaction. Answers the rows written.
    /// </summary>
    public static async Task<int> GuardarConsultaAsync(
        DbContext db, IContextoSolicitud contexto, TimeProvider reloj, string consulta, IEnumerable<NpgsqlParameter> parametrosConsulta, CancellationToken ct)
    {
        var empresa = contexto.TieneEmpresa ? contexto.EmpresaId : (Guid?)null;
        var sql = $"""
            INSERT INTO plataforma.auditoria (id, empresa_id, fecha, actor, usuario_id, api_key_id, entidad, entidad_id, operacion, antes, despues)
            SELECT {UuidV7Sql}, @aud_empresa, @aud_fecha, @aud_actor, @aud_usuario, @aud_apikey, q.entidad, q.entidad_id, q.operacion, q.antes, q.despues
            FROM ({consulta}) AS q(entidad, entidad_id, operacion, antes, despues)
            """;
        await using var comando = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        // A batch that raised the context's command timeout for its statements raises it for its audit too.
        if (db.Database.GetCommandTimeout() is { } segundos)
            comando.CommandTimeout = segundos;
        comando.Parameters.Add(new NpgsqlParameter("aud_empresa", NpgsqlDbType.Uuid) { Value = (object?)empresa ?? DBNull.Value });
        comando.Parameters.Add(new NpgsqlParameter("aud_fecha", reloj.GetUtcNow()));
        comando.Parameters.Add(new NpgsqlParameter("aud_actor", contexto.Actor));
        comando.Parameters.Add(new NpgsqlParameter("aud_usuario", NpgsqlDbType.Text) { Value = (object?)contexto.UsuarioId ?? DBNull.Value });
        comando.Parameters.Add(new NpgsqlParameter("aud_apikey", NpgsqlDbType.Uuid) { Value = (object?)contexto.ApiKeyId ?? DBNull.Value });
        foreach (var p in parametrosConsulta)
            comando.Parameters.Add(p);
        return await comando.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Saves the tracked changes and their audit rows atomically.</summary>
    public static async Task<int> GuardarConAuditoriaAsync(
        DbContext db, IContextoSolicitud contexto, TimeProvider reloj, Func<CancellationToken, Task<int>> guardar, CancellationToken ct)
    {
        var entradas = Capturar(db.ChangeTracker);
        if (entradas.Count == 0)
            return await guardar(ct);

        if (db.Database.CurrentTransaction is not null)
        {
            var filas = await guardar(ct);
            await GuardarAsync(db, contexto, reloj, entradas, ct);
            return filas;
        }

        var estrategia = db.Database.CreateExecutionStrategy();
        return await estrategia.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var filas = await guardar(ct);
            await GuardarAsync(db, contexto, reloj, entradas, ct);
            await tx.CommitAsync(ct);
            return filas;
        });
    }
}

/// <summary>Marks an entity whose writes are technical (sessions, outbox) and not audited.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SinAuditoriaAttribute : Attribute;
