using System.Text.Json;
using Cobranzas.Integraciones.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Integraciones.Webhooks;

/// <summary>
/// Turns a business event into outbox rows: one per (active subscription to its type, fact), each fact with its own event id shared
/// by all subscriptions, the body fixed now. One INSERT … SELECT over the facts as arrays, so a 100 000-document batch is one round
/// trip; without a subscription to the type it is one small query.
/// <para>
/// The window: modules publish after their own commit, in the same request, so a crash of the process between that commit and this
/// insert (one statement, milliseconds) loses the event; a failure here is logged with the event and never reaches the caller,
/// whose write did happen. Closing the window entirely would need the outbox in each module's transaction.
/// </para>
/// </summary>
public sealed class AlPublicarEventoNegocio(IntegracionesDbContext db, TimeProvider reloj, ILogger<AlPublicarEventoNegocio> log) : INotificationHandler<EventoNegocio>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask Handle(EventoNegocio evento, CancellationToken cancellationToken)
    {
        if (evento.Hechos.Count == 0)
            return;
        try
        {
            await EncolarAsync(db, evento, null, reloj.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "No se pudieron encolar los webhooks del evento {Tipo} de la empresa {Empresa} ({Hechos} hechos)", evento.Tipo, evento.EmpresaId, evento.Hechos.Count);
        }
    }

    /// <summary>Queues the event for the company's active subscriptions to its type, or only for <paramref name="suscripcionId"/> (a test event: answers the rows' ids).</summary>
    internal static async Task<IReadOnlyList<Guid>> EncolarAsync(IntegracionesDbContext db, EventoNegocio evento, Guid? suscripcionId, DateTimeOffset ahora, CancellationToken ct)
    {
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (suscripcionId is null)
            {
                await using var hay = new NpgsqlCommand(
                    "SELECT EXISTS (SELECT 1 FROM integraciones.suscripciones_webhook WHERE empresa_id = @empresa AND activa AND @tipo = ANY(eventos))", conexion);
                hay.Parameters.AddWithValue("empresa", evento.EmpresaId);
                hay.Parameters.AddWithValue("tipo", evento.Tipo);
                if (!(bool)(await hay.ExecuteScalarAsync(ct))!)
                    return [];
            }

            var n = evento.Hechos.Count;
            var eventos = new Guid[n];
            var entidades = new Guid[n];
            var datos = new string[n];
            for (var i = 0; i < n; i++)
            {
                eventos[i] = Guid.CreateVersion7(ahora);
                entidades[i] = evento.Hechos[i].EntidadId;
                datos[i] = JsonSerializer.Serialize(evento.Hechos[i].Datos, evento.Hechos[i].Datos.GetType(), Json);
            }

            await using var cmd = new NpgsqlCommand(
                """
                INSERT INTO integraciones.entregas_webhook (id, empresa_id, suscripcion_id, evento_id, tipo, entidad_id, cuerpo, estado, intentos, proximo_intento, creada)
                SELECT gen_random_uuid(), s.empresa_id, s.id, e.evento_id, @tipo, e.entidad_id,
                       json_build_object('id', e.evento_id, 'tipo', @tipo, 'creado', @creado, 'empresaId', s.empresa_id, 'datos', e.datos::json)::text,
                       'pendiente', 0, @ahora, @ahora
                FROM unnest(@eventos, @entidades, @datos) WITH ORDINALITY AS e(evento_id, entidad_id, datos, orden)
                CROSS JOIN integraciones.suscripciones_webhook s
                WHERE s.empresa_id = @empresa AND (@suscripcion::uuid IS NULL AND s.activa AND @tipo = ANY(s.eventos) OR s.id = @suscripcion)
                ORDER BY e.orden, s.id
                """, conexion)
            { CommandTimeout = 600 };
            cmd.Parameters.AddWithValue("empresa", evento.EmpresaId);
            cmd.Parameters.AddWithValue("tipo", evento.Tipo);
            cmd.Parameters.AddWithValue("creado", evento.Momento.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"));
            cmd.Parameters.AddWithValue("ahora", ahora);
            cmd.Parameters.AddWithValue("eventos", eventos);
            cmd.Parameters.AddWithValue("entidades", entidades);
            cmd.Parameters.AddWithValue("datos", NpgsqlDbType.Array | NpgsqlDbType.Text, datos);
            cmd.Parameters.Add(new NpgsqlParameter("suscripcion", NpgsqlDbType.Uuid) { Value = (object?)suscripcionId ?? DBNull.Value });
            if (suscripcionId is null)
            {
                await cmd.ExecuteNonQueryAsync(ct);
                return [];
            }

            cmd.CommandText += " RETURNING id";
            var ids = new List<Guid>();
            await using var l = await cmd.ExecuteReaderAsync(ct);
            while (await l.ReadAsync(ct))
                ids.Add(l.GetGuid(0));
            return ids;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public sealed class HaySuscriptoresEventoHandler(IntegracionesDbContext db) : IRequestHandler<HaySuscriptoresEvento, bool>
{
    public async ValueTask<bool> Handle(HaySuscriptoresEvento request, CancellationToken cancellationToken) =>
        await db.Set<SuscripcionWebhook>().IgnoreQueryFilters()
            .AnyAsync(s => s.EmpresaId == request.EmpresaId && s.Activa && s.Eventos.Contains(request.Tipo), cancellationToken);
}
