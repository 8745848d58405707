using Cobranzas.Cartera.Contracts;
using Cobranzas.Gestion.Configuracion;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Trabajo;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Cobranzas.Gestion.Compromisos;

/// <summary>
/// Evaluates promises against the payments Cartera applied since each was taken, and keeps what hangs on their state in step:
/// the escalation pauses (while pending), the "vence hoy" task of each pending installment, the follow-up task of a broken one.
/// Idempotent: the notification, the daily job and every write run it, and a re-run changes nothing.
/// </summary>
public sealed class EvaluadorCompromisos(GestionDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
{
    public const string Sistema = "sistema";

    /// <summary>Re-evaluates the promises of these clients that can still change (not cancelled); saves.</summary>
    public async Task<int> EvaluarClientesAsync(IReadOnlyCollection<Guid> clienteIds, CancellationToken ct)
    {
        var ids = clienteIds.ToList();
        var compromisos = await db.Set<Compromiso>().Where(c => ids.Contains(c.ClienteId) && c.Estado != EstadosCompromiso.Anulado).ToListAsync(ct);
        return await EvaluarAsync(compromisos, ct);
    }

    /// <summary>The daily pass: every pending promise of the company (time alone can break them).</summary>
    public async Task<int> EvaluarPendientesAsync(CancellationToken ct)
    {
        var compromisos = await db.Set<Compromiso>().Where(c => c.Estado == EstadosCompromiso.Pendiente).ToListAsync(ct);
        return await EvaluarAsync(compromisos, ct);
    }

    /// <summary>Evaluates tracked promises, syncs their pauses and tasks and saves; returns how many changed state.</summary>
    public async Task<int> EvaluarAsync(IReadOnlyList<Compromiso> compromisos, CancellationToken ct)
    {
        if (compromisos.Count == 0)
            return 0;
        var hoy = FechaNegocio.Hoy(reloj);
        var gracia = (await ConfiguracionEmpresa.CargarAsync(db, ct)).DiasGraciaCompromiso;
        var clientes = compromisos.Select(c => c.ClienteId).Distinct().ToList();
        var pagos = (await mediator.Send(new ObtenerPagosAplicados(clientes, compromisos.Min(c => c.Desde)), ct)).ToLookup(p => p.ClienteId);
        var idsCompromisos = compromisos.Select(c => c.Id).ToList();
        var tareas = (await db.Tareas.Where(t => t.Origen == OrigenesTarea.Compromiso && t.OrigenId != null && idsCompromisos.Contains(t.OrigenId.Value)).ToListAsync(ct))
            .ToLookup(t => t.OrigenId!.Value);
        var pausas = (await db.Pausas.Where(p => p.Motivo == MotivosPausa.Compromiso && idsCompromisos.Contains(p.OrigenId)).ToListAsync(ct)).ToLookup(p => p.OrigenId);
        var cobradores = await db.Asignaciones.Where(a => clientes.Contains(a.ClienteId)).ToDictionaryAsync(a => a.ClienteId, a => a.CobradorId, ct);
        var cambios = 0;
        var rotos = new List<HechoNegocio>();
        foreach (var c in compromisos)
        {
            var anterior = c.Estado;
            if (c.Estado != EstadosCompromiso.Anulado)
                Calcular(c, pagos[c.ClienteId].Where(p => p.Fecha >= c.Desde && (c.DocumentoIds.Count == 0 || c.DocumentoIds.Contains(p.DocumentoId))), hoy, gracia);
            if (anterior != c.Estado)
            {
                cambios++;
                db.Add(new EventoCompromiso
                {
                    CompromisoId = c.Id, Fecha = reloj.GetUtcNow(), Accion = c.Estado, Version = c.Version, Estado = c.Estado, Autor = Sistema,
                    Motivo = $"Pagado {c.MontoCumplido:N0} de {c.Monto:N0}.",
                });
            }

            if (EstadosCompromiso.Roto(c.Estado) && !EstadosCompromiso.Roto(anterior))
                rotos.Add(new HechoNegocio(c.Id, new { compromisoId = c.Id, c.ClienteId, c.Estado, c.Monto, c.MontoCumplido, plazo = Plazo(c, 0), c.DocumentoIds }));
            Sincronizar(c, anterior, tareas[c.Id].ToList(), pausas[c.Id].ToList(), cobradores.TryGetValue(c.ClienteId, out var cobrador) ? cobrador : c.CobradorId, hoy, gracia);
        }

        await db.SaveChangesAsync(ct);
        if (rotos.Count > 0)
            await mediator.Publish(new EventoNegocio(contexto.EmpresaId, TiposEventoNegocio.CompromisoIncumplido, rotos, reloj.GetUtcNow()), ct);
        return cambios;
    }

    /// <summary>
    /// Installment by installment, what was paid by its date plus grace goes first to the earlier installments; an installment
    /// whose deadline passed without its full amount breaks the promise (partially kept if something arrived).
    /// </summary>
    public static void Calcular(Compromiso c, IEnumerable<PagoAplicado> pagos, DateOnly hoy, int gracia)
    {
        var porFecha = pagos.GroupBy(p => p.Fecha).Select(g => (Fecha: g.Key, Monto: g.Sum(p => p.MontoClp))).ToList();
        decimal prometidoAntes = 0;
        var cuotas = new List<CuotaCompromiso>();
        foreach (var cuota in c.Cuotas.OrderBy(x => x.Numero))
        {
            var plazo = cuota.Fecha.AddDays(gracia);
            var pagado = porFecha.Where(p => p.Fecha <= plazo).Sum(p => p.Monto);
            var cumplido = Math.Clamp(pagado - prometidoAntes, 0, cuota.Monto);
            var estado = cumplido >= cuota.Monto ? EstadosCompromiso.Cumplido
                : hoy > plazo ? cumplido > 0 ? EstadosCompromiso.CumplidoParcial : EstadosCompromiso.Incumplido
                : EstadosCompromiso.Pendiente;
            cuotas.Add(cuota with { MontoCumplido = cumplido, Estado = estado });
            prometidoAntes += cuota.Monto;
        }

        c.Cuotas = cuotas;
        c.MontoCumplido = cuotas.Sum(x => x.MontoCumplido);
        c.Estado = cuotas.All(x => x.Estado == EstadosCompromiso.Cumplido) ? EstadosCompromiso.Cumplido
            : cuotas.Any(x => EstadosCompromiso.Roto(x.Estado)) ? c.MontoCumplido > 0 ? EstadosCompromiso.CumplidoParcial : EstadosCompromiso.Incumplido
            : EstadosCompromiso.Pendiente;
    }

    /// <summary>The last day escalation waits for the promise: its last installment plus the grace days.</summary>
    public static DateOnly Plazo(Compromiso c, int gracia) => c.Cuotas.Max(x => x.Fecha).AddDays(gracia);

    private void Sincronizar(Compromiso c, string anterior, List<Tarea> tareas, List<PausaEscalamiento> pausas, Guid? cobrador, DateOnly hoy, int gracia)
    {
        var pendiente = c.Estado == EstadosCompromiso.Pendiente;

        // Pauses: one per document, or one for the whole client when the promise is of an amount.
        var deseadas = pendiente ? (c.DocumentoIds.Count > 0 ? c.DocumentoIds.Select(d => (Guid?)d).ToList() : [null]) : [];
        var hasta = Plazo(c, gracia);
        foreach (var p in pausas.Where(p => !deseadas.Contains(p.DocumentoId)))
            db.Pausas.Remove(p);
        foreach (var p in pausas.Where(p => deseadas.Contains(p.DocumentoId)))
            p.Hasta = hasta;
        foreach (var d in deseadas.Where(d => pausas.All(p => p.DocumentoId != d)))
            db.Pausas.Add(new PausaEscalamiento { ClienteId = c.ClienteId, DocumentoId = d, Motivo = MotivosPausa.Compromiso, OrigenId = c.Id, Hasta = hasta });

        // A task on the date of each installment still pending.
        var vencen = pendiente ? c.Cuotas.Where(x => x.Estado == EstadosCompromiso.Pendiente).ToList() : [];
        foreach (var t in tareas.Where(t => t.Tipo == TiposTareaCompromiso.Vence && t.Estado == EstadosTarea.Pendiente && vencen.All(x => x.Fecha != t.Fecha)))
            Cancelar(t);
        foreach (var cuota in vencen.Where(x => !tareas.Any(t => t.Tipo == TiposTareaCompromiso.Vence && t.Estado == EstadosTarea.Pendiente && t.Fecha == x.Fecha)))
            db.Tareas.Add(new Tarea
            {
                ClienteId = c.ClienteId, CobradorId = cobrador, Tipo = TiposTareaCompromiso.Vence, Origen = OrigenesTarea.Compromiso, OrigenId = c.Id,
                Titulo = "Compromiso vence hoy", Fecha = cuota.Fecha, Creada = reloj.GetUtcNow(),
                Motivo = c.Cuotas.Count > 1 ? $"Cuota {cuota.Numero} de {c.Cuotas.Count} del compromiso: {cuota.Monto:N0} CLP." : $"Compromiso de pago por {cuota.Monto:N0} CLP.",
            });

        // Kept or cancelled: nothing left to follow.
        if (c.Estado is EstadosCompromiso.Cumplido or EstadosCompromiso.Anulado)
        {
            foreach (var t in tareas.Where(t => t.Estado == EstadosTarea.Pendiente))
                Cancelar(t);
        }

        // Broken just now: the collector follows it up (once per breaking, so re-runs and completed follow-ups stay quiet).
        if (EstadosCompromiso.Roto(c.Estado) && !EstadosCompromiso.Roto(anterior))
        {
            db.Tareas.Add(new Tarea
            {
                ClienteId = c.ClienteId, CobradorId = cobrador, Tipo = TiposTareaCompromiso.Seguimiento, Origen = OrigenesTarea.Compromiso, OrigenId = c.Id,
                Titulo = c.Estado == EstadosCompromiso.Incumplido ? "Compromiso incumplido" : "Compromiso cumplido parcialmente",
                Motivo = $"Prometió {c.Monto:N0} CLP hasta el {Plazo(c, 0):dd-MM-yyyy} (con {gracia} días de gracia) y pagó {c.MontoCumplido:N0}.",
                Fecha = hoy, Creada = reloj.GetUtcNow(),
            });
            if (cobrador is { } responsable)
            {
                Alertas.Notificar(db, responsable, c.Estado == EstadosCompromiso.Incumplido ? "Compromiso de pago incumplido" : "Compromiso de pago cumplido parcialmente",
                    $"Prometió {c.Monto:N0} CLP hasta el {Plazo(c, 0):dd-MM-yyyy} y pagó {c.MontoCumplido:N0}.", $"/clientes/{c.ClienteId}");
            }
        }
    }

    private void Cancelar(Tarea t)
    {
        t.Estado = EstadosTarea.Cancelada;
        t.Completada = reloj.GetUtcNow();
        t.CompletadaPor = contexto.TieneEmpresa ? contexto.Actor : Sistema;
    }
}

/// <summary>Cartera applied or reversed payments of some clients: their promises are evaluated again.</summary>
public sealed class AlCambiarPagos(EvaluadorCompromisos evaluador, ILogger<AlCambiarPagos> log) : INotificationHandler<PagosAplicadosCambiaron>
{
    public async ValueTask Handle(PagosAplicadosCambiaron notification, CancellationToken cancellationToken)
    {
        try
        {
            await evaluador.EvaluarClientesAsync(notification.ClienteIds, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The payment is already committed; the daily evaluation catches up whatever this pass could not.
            log.LogError(ex, "No se pudieron evaluar los compromisos de {Clientes} clientes de la empresa {Empresa}", notification.ClienteIds.Count, notification.EmpresaId);
        }
    }
}

/// <summary>Daily evaluation of every company's pending promises: the passage of time breaks them (each company in its own scope).</summary>
[DisallowConcurrentExecution]
public sealed class EvaluacionCompromisosJob(IServiceScopeFactory ambitos, ILogger<EvaluacionCompromisosJob> log) : IJob
{
    public static readonly JobKey Clave = new("evaluacion-compromisos", "gestion");
    public const string HorarioPorOmision = "0 15 6 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var cambios = await EjecutarAsync(cancellationToken);
        log.LogInformation("Evaluación de compromisos del disparo {Disparo:O} en {Instancia}: {Cambios} cambios",
            context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId, cambios);
    }

    public async Task<int> EjecutarAsync(CancellationToken ct)
    {
        List<Guid> empresas;
        await using (var ambito = ambitos.CreateAsyncScope())
        {
            var db = ambito.ServiceProvider.GetRequiredService<GestionDbContext>();
            empresas = await db.Set<Compromiso>().IgnoreQueryFilters().Where(c => c.Estado == EstadosCompromiso.Pendiente).Select(c => c.EmpresaId).Distinct().ToListAsync(ct);
        }

        var cambios = 0;
        foreach (var empresa in empresas)
        {
            await using var ambito = ambitos.CreateAsyncScope();
            ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa, "sistema: evaluación de compromisos");
            cambios += await ambito.ServiceProvider.GetRequiredService<EvaluadorCompromisos>().EvaluarPendientesAsync(ct);
        }

        return cambios;
    }
}
