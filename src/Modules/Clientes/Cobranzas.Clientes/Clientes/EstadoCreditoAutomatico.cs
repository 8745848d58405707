using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Auditoria;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cobranzas.Clientes.Clientes;

public sealed class CambiarEstadoCreditoAutomaticoHandler(ClientesDbContext db, IContextoSolicitud contexto, TimeProvider reloj, IPublisher publicador) : IRequestHandler<CambiarEstadoCreditoAutomatico, bool>
{
    public async ValueTask<bool> Handle(CambiarEstadoCreditoAutomatico request, CancellationToken cancellationToken)
    {
        var cliente = await db.Clientes.SingleOrDefaultAsync(c => c.Id == request.ClienteId, cancellationToken);
        if (cliente is null || !EstadoCreditoAutomatico.Cambiar(db, cliente, request, reloj.GetUtcNow()))
            return false;
        await db.SaveChangesAsync(cancellationToken);
        if (cliente.EstadoCredito == EstadosCredito.Suspendido)
            await publicador.Publish(EstadoCreditoAutomatico.Suspendidos(contexto.EmpresaId, [(cliente.Id, cliente.Rut, cliente.RazonSocial, cliente.MotivoEstado)], cliente.EstadoCambiadoEn ?? reloj.GetUtcNow()), cancellationToken);
        return true;
    }

    public static string Motivo(string motivo) => motivo.Trim() is { Length: > 0 } m ? m[..Math.Min(m.Length, LargosCliente.Motivo)] : "Control de crédito";
}

/// <summary>
/// Set-based, for the credit control after a payments batch (thousands of clients): one UPDATE with the
/// same rules as <see cref="EstadoCreditoAutomatico.Cambiar"/>, one INSERT of the history and the audit rows
/// (before/after of the changed fields) in the same transaction.
/// </summary>
public sealed class CambiarEstadosCreditoAutomaticoHandler(ClientesDbContext db, IContextoSolicitud contexto, TimeProvider reloj, IPublisher publicador)
    : IRequestHandler<CambiarEstadosCreditoAutomatico, int>
{
    public async ValueTask<int> Handle(CambiarEstadosCreditoAutomatico request, CancellationToken cancellationToken)
    {
        var cambios = request.Cambios.DistinctBy(c => c.ClienteId).ToList();
        if (cambios.Count == 0)
            return 0;
        var ahora = reloj.GetUtcNow();
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            long cambiados;
            await using (var comando = new NpgsqlCommand($$"""
                CREATE TEMP TABLE cambios_credito (id uuid, anterior text, nuevo text, motivo text, motivo_anterior text, por_anterior text, en_anterior timestamptz, historial uuid) ON COMMIT DROP;
                WITH hechos AS (
                    UPDATE clientes.clientes c
                    SET estado_credito = CASE WHEN x.suspender THEN @suspendido ELSE @vigente END, motivo_estado = x.motivo,
                        estado_cambiado_por = @actor, estado_cambiado_en = @ahora, actualizado = @ahora
                    FROM unnest(@ids, @suspender, @motivos) AS x(id, suspender, motivo), clientes.clientes o
                    WHERE c.empresa_id = @empresa AND c.id = x.id AND o.id = c.id
                      AND CASE WHEN x.suspender THEN c.estado_credito = @vigente ELSE c.estado_credito = @suspendido AND c.estado_cambiado_por = @actor END
                    RETURNING c.id, o.estado_credito AS anterior, c.estado_credito AS nuevo, x.motivo, o.motivo_estado, o.estado_cambiado_por, o.estado_cambiado_en
                )
                INSERT INTO cambios_credito SELECT id, anterior, nuevo, motivo, motivo_estado, estado_cambiado_por, estado_cambiado_en, {{RegistroAuditoria.UuidV7Sql}} FROM hechos;
                INSERT INTO clientes.historial_estados (id, empresa_id, cliente_id, estado_anterior, estado_nuevo, motivo, actor, fecha)
                SELECT historial, @empresa, id, anterior, nuevo, motivo, @actor, @ahora FROM cambios_credito;
                SELECT count(*) FROM cambios_credito;
                """, conexion))
            {
                comando.Parameters.AddWithValue("empresa", contexto.EmpresaId);
                comando.Parameters.AddWithValue("ids", cambios.Select(c => c.ClienteId).ToArray());
                comando.Parameters.AddWithValue("suspender", cambios.Select(c => c.Suspender).ToArray());
                comando.Parameters.AddWithValue("motivos", cambios.Select(c => EstadoCreditoAutomatico.Motivo(c.Motivo)).ToArray());
                comando.Parameters.AddWithValue("vigente", EstadosCredito.Vigente);
                comando.Parameters.AddWithValue("suspendido", EstadosCredito.Suspendido);
                comando.Parameters.AddWithValue("actor", ControlCreditoAutomatico.Actor);
                comando.Parameters.AddWithValue("ahora", ahora);
                cambiados = (long)(await comando.ExecuteScalarAsync(cancellationToken))!;
            }

            await RegistroAuditoria.GuardarConsultaAsync(db, contexto, reloj, """
                SELECT 'Cliente', x.id::text, 'modificar',
                       jsonb_build_object('EstadoCredito', x.anterior, 'MotivoEstado', x.motivo_anterior, 'EstadoCambiadoPor', x.por_anterior, 'EstadoCambiadoEn', x.en_anterior),
                       jsonb_build_object('EstadoCredito', x.nuevo, 'MotivoEstado', x.motivo, 'EstadoCambiadoPor', @cc_actor, 'EstadoCambiadoEn', @cc_ahora)
                FROM cambios_credito x
                UNION ALL
                SELECT 'HistorialEstadoCredito', x.historial::text, 'crear', NULL::jsonb,
                       jsonb_build_object('Id', x.historial, 'ClienteId', x.id, 'EstadoAnterior', x.anterior, 'EstadoNuevo', x.nuevo, 'Motivo', x.motivo,
                                          'Actor', @cc_actor, 'Fecha', @cc_ahora)
                FROM cambios_credito x
                """, [new NpgsqlParameter("cc_actor", ControlCreditoAutomatico.Actor), new NpgsqlParameter("cc_ahora", ahora)], cancellationToken);
            var suspendidos = new List<(Guid, string, string, string?)>();
            await using (var leer = new NpgsqlCommand(
                "SELECT x.id, c.rut, c.razon_social, x.motivo FROM cambios_credito x JOIN clientes.clientes c ON c.id = x.id WHERE x.nuevo = @suspendido ORDER BY x.id", conexion))
            {
                leer.Parameters.AddWithValue("suspendido", EstadosCredito.Suspendido);
                await using var l = await leer.ExecuteReaderAsync(cancellationToken);
                while (await l.ReadAsync(cancellationToken))
                    suspendidos.Add((l.GetGuid(0), l.GetString(1), l.GetString(2), l.IsDBNull(3) ? null : l.GetString(3)));
            }

            await tx.CommitAsync(cancellationToken);
            if (suspendidos.Count > 0)
                await publicador.Publish(EstadoCreditoAutomatico.Suspendidos(contexto.EmpresaId, suspendidos, ahora), cancellationToken);
            return (int)cambiados;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

internal static class EstadoCreditoAutomatico
{
    /// <summary>Suspends a vigente client, or restores one the control itself suspended; a manual state is never overridden.</summary>
    public static bool Cambiar(ClientesDbContext db, Cliente cliente, CambiarEstadoCreditoAutomatico request, DateTimeOffset ahora)
    {
        var automatico = cliente.EstadoCredito == EstadosCredito.Suspendido && cliente.EstadoCambiadoPor == ControlCreditoAutomatico.Actor;
        var nuevo = request.Suspender
            ? cliente.EstadoCredito == EstadosCredito.Vigente ? EstadosCredito.Suspendido : null
            : automatico ? EstadosCredito.Vigente : null;
        if (nuevo is null)
            return false;

        var motivo = Motivo(request.Motivo);
        db.HistorialEstados.Add(new HistorialEstadoCredito
        {
            ClienteId = cliente.Id, EstadoAnterior = cliente.EstadoCredito, EstadoNuevo = nuevo, Motivo = motivo, Actor = ControlCreditoAutomatico.Actor, Fecha = ahora,
        });
        cliente.EstadoCredito = nuevo;
        cliente.MotivoEstado = motivo;
        cliente.EstadoCambiadoPor = ControlCreditoAutomatico.Actor;
        cliente.EstadoCambiadoEn = ahora;
        cliente.Actualizado = ahora;
        return true;
    }

    public static string Motivo(string motivo) => motivo.Trim() is { Length: > 0 } m ? m[..Math.Min(m.Length, LargosCliente.Motivo)] : "Control de crédito";

    public static EventoNegocio Suspendidos(Guid empresaId, IEnumerable<(Guid Id, string Rut, string RazonSocial, string? Motivo)> clientes, DateTimeOffset momento) =>
        new(empresaId, TiposEventoNegocio.ClienteSuspendido, clientes.Select(c => new HechoNegocio(c.Id, new
        {
            c.Id, c.Rut, c.RazonSocial, estadoCredito = EstadosCredito.Suspendido, motivoEstado = c.Motivo, automatico = true,
        })).ToList(), momento);
}

public sealed class ClientesSuspendidosAutomaticamenteHandler(ClientesDbContext db) : IRequestHandler<ClientesSuspendidosAutomaticamente, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(ClientesSuspendidosAutomaticamente request, CancellationToken cancellationToken) =>
        await db.Clientes.AsNoTracking()
            .Where(c => c.EstadoCredito == EstadosCredito.Suspendido && c.EstadoCambiadoPor == ControlCreditoAutomatico.Actor)
            .Select(c => c.Id).ToListAsync(cancellationToken);
}
