using Cobranzas.Notificaciones.Persistencia;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Notificaciones.Envios;

/// <summary>
/// Writes outbox rows in bulk (binary COPY), in one transaction, and answers the ids inserted. The unique key (empresa_id, clave) is what
/// makes a run once per (definition, client, business date). A run reads the keys already written that day first, so a block almost never
/// meets one and is copied straight into the outbox. When it does (a second run at the same moment: the COPY waits on the other's key,
/// then fails whole), the block goes again through a temporary table and <c>INSERT … ON CONFLICT (empresa_id, clave) DO NOTHING</c>,
/// which skips the keys already there.
/// </summary>
public static class EscrituraEnvios
{
    public static async Task<HashSet<Guid>> InsertarAsync(NotificacionesDbContext db, IReadOnlyList<Envio> envios, CancellationToken ct)
    {
        if (envios.Count == 0)
            return [];
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await conexion.BeginTransactionAsync(ct);
            await tx.SaveAsync("directo", ct);
            try
            {
                await CopiarAsync(conexion, "notificaciones.envios", envios, ct);
                await tx.CommitAsync(ct);
                return [.. envios.Select(e => e.Id)];
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                await tx.RollbackAsync("directo", ct);
            }

            await using (var crear = new NpgsqlCommand(
                "CREATE TEMP TABLE envios_nuevos (LIKE notificaciones.envios INCLUDING DEFAULTS) ON COMMIT DROP", conexion, tx))
                await crear.ExecuteNonQueryAsync(ct);
            await CopiarAsync(conexion, "envios_nuevos", envios, ct);

            var insertados = new HashSet<Guid>();
            await using (var insertar = new NpgsqlCommand(
                "INSERT INTO notificaciones.envios SELECT * FROM envios_nuevos ON CONFLICT (empresa_id, clave) DO NOTHING RETURNING id", conexion, tx))
            await using (var lector = await insertar.ExecuteReaderAsync(ct))
            {
                while (await lector.ReadAsync(ct))
                    insertados.Add(lector.GetGuid(0));
            }

            await tx.CommitAsync(ct);
            return insertados;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task CopiarAsync(NpgsqlConnection conexion, string tabla, IReadOnlyList<Envio> envios, CancellationToken ct)
    {
        await using var copia = await conexion.BeginBinaryImportAsync(
            $"""
            COPY {tabla} (id, empresa_id, definicion_id, cliente_id, clave, origen, fecha_negocio, para, contacto_ids, documento_ids, asunto, html, texto,
                responder_a, message_id, estado, detalle, intentos, proximo_intento, creado, apertura_probable_automatica, actividad_registrada) FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var e in envios)
        {
            await copia.StartRowAsync(ct);
            await copia.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
            await copia.WriteAsync(e.EmpresaId, NpgsqlDbType.Uuid, ct);
            if (e.DefinicionId is { } d)
                await copia.WriteAsync(d, NpgsqlDbType.Uuid, ct);
            else
                await copia.WriteNullAsync(ct);
            await copia.WriteAsync(e.ClienteId, NpgsqlDbType.Uuid, ct);
            await copia.WriteAsync(e.Clave, NpgsqlDbType.Varchar, ct);
            await copia.WriteAsync(e.Origen, NpgsqlDbType.Varchar, ct);
            await copia.WriteAsync(e.FechaNegocio, NpgsqlDbType.Date, ct);
            await copia.WriteAsync(e.Para.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copia.WriteAsync(e.ContactoIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid, ct);
            await copia.WriteAsync(e.DocumentoIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid, ct);
            await copia.WriteAsync(e.Asunto, NpgsqlDbType.Varchar, ct);
            await copia.WriteAsync(e.Html, NpgsqlDbType.Text, ct);
            await Texto(copia, e.Texto, ct);
            await Texto(copia, e.ResponderA, ct);
            await copia.WriteAsync(e.MessageId, NpgsqlDbType.Varchar, ct);
            await copia.WriteAsync(e.Estado, NpgsqlDbType.Varchar, ct);
            await Texto(copia, e.Detalle, ct);
            await copia.WriteAsync(e.Intentos, NpgsqlDbType.Integer, ct);
            await copia.WriteAsync(e.ProximoIntento, NpgsqlDbType.TimestampTz, ct);
            await copia.WriteAsync(e.Creado, NpgsqlDbType.TimestampTz, ct);
            await copia.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            await copia.WriteAsync(false, NpgsqlDbType.Boolean, ct);
        }

        await copia.CompleteAsync(ct);
    }

    private static async Task Texto(NpgsqlBinaryImporter copia, string? texto, CancellationToken ct)
    {
        if (texto is null)
            await copia.WriteNullAsync(ct);
        else
            await copia.WriteAsync(texto, NpgsqlDbType.Text, ct);
    }
}
