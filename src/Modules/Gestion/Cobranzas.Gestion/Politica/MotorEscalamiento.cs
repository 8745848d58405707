using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Feriados;
using Cobranzas.Gestion.Judicial;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Trabajo;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cobranzas.Gestion.Politica;

public static class EstadosPaso
{
    public const string Aplicado = "aplicado";
    public const string Simulado = "simulado";
    public const string Omitido = "omitido";
}

/// <summary>What the run did (or would do) for one client: the step and its action, or why it skipped it.</summary>
public sealed record ResultadoClienteDto(
    Guid ClienteId, string? Rut, string? RazonSocial, int DiasVencido, decimal Vencido, string? Paso, string? Etapa, string? Accion, string Estado, string? Motivo);

/// <summary>
/// The run of one business date. On a weekend or holiday <see cref="Habil"/> is false, <see cref="MotivoNoHabil"/> says which,
/// and nothing is done (the next business day catches up).
/// </summary>
public sealed record ResultadoEjecucionDto(
    DateOnly Fecha, bool Simulacion, bool Habil, string? MotivoNoHabil, int ClientesEvaluados, int PasosAplicados, int Omitidos, IReadOnlyList<ResultadoClienteDto> Clientes);

/// <summary>A step due for a client today, decided by <see cref="MotorEscalamiento.PlanificarAsync"/>.</summary>
public sealed record PasoDebido(PasoPolitica Paso, ClienteInfo Cliente, DeudaCliente Deuda, int DiasVencido);

public sealed record Planificacion(DateOnly Fecha, bool Habil, string? MotivoNoHabil, int ClientesEvaluados, IReadOnlyList<PasoDebido> Debidos, IReadOnlyList<ResultadoClienteDto> Omitidos);

/// <summary>
/// Moves every client of the company through the escalation policy on the business date of today.
/// <para>
/// Which step: the client's days past the due date of its oldest open document (documents under a holding pause are left out;
/// a client-wide pause skips the client) select the due steps (trigger ≤ days). The cycle is that oldest due date: within it a step
/// is applied once, never a step earlier than one already applied, and only the latest due step whose conditions hold (a client
/// that arrives 40 days late gets the 30-day step, not the four before it). When the oldest document is paid or paused the next
/// oldest starts a new cycle. A step also waits its minimum gap since the last step applied to the client.
/// </para>
/// <para>
/// Once: the row (company, client, step, business date) — and (company, client, step, cycle) — is inserted with ON CONFLICT DO
/// NOTHING in the client's transaction, and the action runs only if this run inserted it; a re-run, a crash before the commit or
/// a second replica therefore never repeats it. The action of another module (the credit suspension) commits on its own, before
/// ours; it is idempotent, so a crash in between only repeats a no-op.
/// </para>
/// </summary>
public sealed class MotorEscalamiento(
    GestionDbContext db, IMediator mediator, CalendarioHabil calendario, IEnumerable<IAccionPaso> acciones, PuertaContactoPolitica puerta,
    IContextoSolicitud contexto, TimeProvider reloj, ILogger<MotorEscalamiento> log)
{
    public async Task<Planificacion> PlanificarAsync(CancellationToken ct)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        if (CalendarioHabil.EsFinDeSemana(hoy))
            return new Planificacion(hoy, false, hoy.DayOfWeek == DayOfWeek.Saturday ? "Sábado: no se aplican pasos en fin de semana." : "Domingo: no se aplican pasos en fin de semana.", 0, [], []);
        if (await calendario.FeriadoAsync(hoy, null, ct) is { } feriado)
            return new Planificacion(hoy, false, $"Feriado: {feriado.Nombre}.", 0, [], []);

        var pasos = await db.Set<PasoPolitica>().AsNoTracking().OrderBy(p => p.Orden).ToListAsync(ct);
        if (pasos.Count == 0)
            return new Planificacion(hoy, true, null, 0, [], []);

        var pausas = await db.Pausas.AsNoTracking().Where(p => p.Hasta == null || p.Hasta >= hoy).Select(p => new { p.ClienteId, p.DocumentoId, p.Motivo }).ToListAsync(ct);
        var pausaCliente = pausas.Where(p => p.DocumentoId is null).GroupBy(p => p.ClienteId).ToDictionary(g => g.Key, g => g.First().Motivo);
        var pausaDocumentos = pausas.Where(p => p.DocumentoId is not null).GroupBy(p => p.ClienteId).ToDictionary(g => g.Key, g => g.First().Motivo);
        var excluidos = pausas.Where(p => p.DocumentoId is not null).Select(p => p.DocumentoId!.Value).Distinct().ToList();

        var deudas = await mediator.Send(new ObtenerDeudaClientes(null, excluidos), ct);
        var primero = pasos[0].Dias;
        var omitidos = new List<ResultadoClienteDto>();
        var candidatos = new List<(DeudaCliente Deuda, int Dias)>();
        foreach (var d in deudas)
        {
            if (d.VencimientoMasAntiguo is not { } v)
            {
                if (pausaDocumentos.TryGetValue(d.ClienteId, out var m))
                    omitidos.Add(Omitido(d, 0, null, $"Todos sus documentos están en pausa por {Pausa(m)}."));
                continue;
            }

            var dias = hoy.DayNumber - v.DayNumber;
            if (dias >= primero)
                candidatos.Add((d, dias));
        }

        if (candidatos.Count == 0)
            return new Planificacion(hoy, true, null, deudas.Count, [], omitidos);

        var ids = candidatos.Select(c => c.Deuda.ClienteId).ToList();
        var clientes = (await mediator.Send(new BuscarClientes(ids, []), ct)).ToDictionary(c => c.Id);
        var aplicados = (await db.Set<PasoAplicado>().AsNoTracking().Where(a => a.PasoId != null && a.VencimientoCiclo != null)
                .Select(a => new { a.ClienteId, PasoId = a.PasoId!.Value, Ciclo = a.VencimientoCiclo!.Value }).ToListAsync(ct))
            .ToLookup(a => (a.ClienteId, a.Ciclo), a => a.PasoId);
        var ultimos = await db.Etapas.AsNoTracking().Where(e => e.FechaUltimoPaso != null).ToDictionaryAsync(e => e.ClienteId, e => e.FechaUltimoPaso!.Value, ct);
        var ordenDe = pasos.ToDictionary(p => p.Id, p => p.Orden);
        var suspendidos = await SuspensionCobranza.ClientesAsync(db, ids, ct);

        var debidos = new List<PasoDebido>();
        foreach (var (deuda, dias) in candidatos)
        {
            if (!clientes.TryGetValue(deuda.ClienteId, out var cliente))
                continue;
            if (pausaCliente.TryGetValue(deuda.ClienteId, out var motivoPausa))
            {
                omitidos.Add(Omitido(deuda, dias, cliente, $"Cliente en pausa por {Pausa(motivoPausa)}."));
                continue;
            }

            if (suspendidos.TryGetValue(deuda.ClienteId, out var motivoSuspension))
            {
                omitidos.Add(Omitido(deuda, dias, cliente, motivoSuspension));
                continue;
            }

            var ordenAplicado = aplicados[(deuda.ClienteId, deuda.VencimientoMasAntiguo!.Value)].Select(id => ordenDe.GetValueOrDefault(id, -1)).DefaultIfEmpty(-1).Max();
            var pendientes = pasos.Where(p => p.Dias <= dias && p.Orden > ordenAplicado).Reverse().ToList();
            if (pendientes.Count == 0)
                continue;

            PasoPolitica? elegido = null;
            string? incumplida = null;
            foreach (var p in pendientes)
            {
                var condicion = CondicionIncumplida(p, cliente, deuda);
                if (condicion is null)
                {
                    elegido = p;
                    break;
                }

                incumplida ??= $"Paso «{p.Nombre}»: {condicion}";
            }

            if (elegido is null)
            {
                omitidos.Add(Omitido(deuda, dias, cliente, incumplida, pendientes[0]));
                continue;
            }

            if (ultimos.TryGetValue(deuda.ClienteId, out var ultimo) && hoy.DayNumber - ultimo.DayNumber < elegido.DiasMinimosDesdeAnterior)
            {
                var faltan = elegido.DiasMinimosDesdeAnterior - (hoy.DayNumber - ultimo.DayNumber);
                omitidos.Add(Omitido(deuda, dias, cliente,
                    $"Plazo mínimo no cumplido: el paso anterior fue el {ultimo:dd-MM-yyyy} y este exige {elegido.DiasMinimosDesdeAnterior} días (faltan {faltan}).", elegido));
                continue;
            }

            if (cliente.Region is { Length: > 0 } region && await calendario.FeriadoAsync(hoy, region, ct) is { Region: not null } regional)
            {
                omitidos.Add(Omitido(deuda, dias, cliente, $"Feriado regional en {region}: {regional.Nombre}.", elegido));
                continue;
            }

            debidos.Add(new PasoDebido(elegido, cliente, deuda, dias));
        }

        return new Planificacion(hoy, true, null, deudas.Count, debidos, omitidos);
    }

    public async Task<ResultadoEjecucionDto> EjecutarAsync(bool simular, CancellationToken ct)
    {
        var plan = await PlanificarAsync(ct);
        var resultados = new List<ResultadoClienteDto>(plan.Omitidos);
        var aplicados = 0;
        var porClave = acciones.ToDictionary(a => a.Clave);
        foreach (var debido in plan.Debidos.OrderBy(d => d.Cliente.Id))
        {
            if (!porClave.TryGetValue(debido.Paso.Accion, out var accion))
            {
                resultados.Add(Resultado(debido, EstadosPaso.Omitido, $"Acción «{debido.Paso.Accion}» no disponible."));
                continue;
            }

            var ahora = reloj.GetUtcNow();
            if (accion.Canal(debido.Paso) is { } canal && await puerta.BloqueoAsync(debido.Cliente.Id, canal, ahora, ct) is { } bloqueo)
            {
                resultados.Add(Resultado(debido, EstadosPaso.Omitido, bloqueo));
                continue;
            }

            if (simular)
            {
                resultados.Add(Resultado(debido, EstadosPaso.Simulado, null));
                continue;
            }

            string? detalle;
            try
            {
                detalle = await AplicarAsync(debido, accion, plan.Fecha, ahora, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One client's failure (a letter that does not print, another module's error) rolls back its step only;
                // the step is retried on the next run and the others go on.
                db.ChangeTracker.Clear();
                log.LogError(e, "Paso {Paso} del cliente {Cliente} falló", debido.Paso.Nombre, debido.Cliente.Id);
                resultados.Add(Resultado(debido, EstadosPaso.Omitido, "Error al aplicar el paso; se reintentará en la próxima ejecución."));
                continue;
            }

            if (detalle is null)
                continue;
            aplicados++;
            resultados.Add(Resultado(debido, EstadosPaso.Aplicado, detalle));
        }

        var ordenados = resultados.OrderBy(r => r.RazonSocial).ThenBy(r => r.ClienteId).ToList();
        return new ResultadoEjecucionDto(plan.Fecha, simular, plan.Habil, plan.MotivoNoHabil, plan.ClientesEvaluados, aplicados,
            ordenados.Count(r => r.Estado == EstadosPaso.Omitido), ordenados);
    }

    /// <summary>Applies one step in its own transaction; null if another run already applied it (nothing is done then).</summary>
    private async Task<string?> AplicarAsync(PasoDebido d, IAccionPaso accion, DateOnly hoy, DateTimeOffset ahora, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var ciclo = d.Deuda.VencimientoMasAntiguo!.Value;
        var actor = contexto.Actor;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var insertadas = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO gestion.pasos_aplicados (id, empresa_id, cliente_id, paso_id, nombre, etapa, accion, fecha, vencimiento_ciclo, dias_vencido, registrado_por, creado)
            VALUES ({id}, {contexto.EmpresaId}, {d.Cliente.Id}, {d.Paso.Id}, {d.Paso.Nombre}, {d.Paso.Etapa}, {d.Paso.Accion}, {hoy}, {ciclo}, {d.DiasVencido}, {actor}, {ahora})
            ON CONFLICT DO NOTHING
            """, ct);
        if (insertadas == 0)
            return null;

        var aplicado = await db.Set<PasoAplicado>().SingleAsync(a => a.Id == id, ct);
        var cobrador = await db.Asignaciones.Where(a => a.ClienteId == d.Cliente.Id).Select(a => (Guid?)a.CobradorId).SingleOrDefaultAsync(ct);
        var detalle = await accion.EjecutarAsync(new ContextoAccion(d.Paso, aplicado, d.Cliente, d.Deuda, cobrador, hoy, ahora), ct);
        aplicado.Detalle = AccionTarea.Recortar(detalle, LargosGestion.Motivo);
        var etapaAnterior = await db.Etapas.Where(e => e.ClienteId == d.Cliente.Id).Select(e => e.Etapa).SingleOrDefaultAsync(ct);
        await EtapasCliente.CambiarAsync(db, contexto.EmpresaId, d.Cliente.Id, d.Paso.Etapa, hoy, d.Paso.Id, ct);
        if (cobrador is { } responsable && etapaAnterior != d.Paso.Etapa && d.Paso.Etapa is EtapasCobranza.Prejudicial or EtapasCobranza.Judicial)
        {
            Alertas.Notificar(db, responsable, $"Cliente derivado a etapa {d.Paso.Etapa}: {d.Cliente.RazonSocial}",
                $"Política de cobranza, paso «{d.Paso.Nombre}»: {d.DiasVencido} días desde el vencimiento más antiguo, vencido {Clp(d.Deuda.Vencido)}.",
                $"/clientes/{d.Cliente.Id}");
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Paso {Paso} aplicado al cliente {Cliente} ({Accion})", d.Paso.Nombre, d.Cliente.Id, d.Paso.Accion);
        return detalle;
    }

    /// <summary>Why the step's conditions do not hold for the client, or null if they do.</summary>
    public static string? CondicionIncumplida(PasoPolitica p, ClienteInfo cliente, DeudaCliente deuda)
    {
        if (p.MontoMinimoVencido is { } minimo && deuda.Vencido < minimo)
            return $"el monto vencido ({Clp(deuda.Vencido)}) es menor que el mínimo ({Clp(minimo)}).";
        if (p.Segmentos.Count > 0 && !p.Segmentos.Contains(cliente.Segmento, StringComparer.OrdinalIgnoreCase))
            return $"el segmento «{cliente.Segmento}» no está entre los del paso ({string.Join(", ", p.Segmentos)}).";
        if (p.SoloCuentaClave && !cliente.CuentaClave)
            return "el paso es solo para cuentas clave.";
        return null;
    }

    private static readonly System.Globalization.CultureInfo Cl = System.Globalization.CultureInfo.GetCultureInfo("es-CL");

    public static string Clp(decimal monto) => Math.Round(monto, 0).ToString("N0", Cl) + " CLP";

    private static string Pausa(string motivo) => motivo == MotivosPausa.Disputa ? "una disputa abierta" : "un compromiso de pago vigente";

    private static ResultadoClienteDto Omitido(DeudaCliente d, int dias, ClienteInfo? c, string? motivo, PasoPolitica? paso = null) =>
        new(d.ClienteId, c?.Rut, c?.RazonSocial, dias, d.Vencido, paso?.Nombre, paso?.Etapa, paso?.Accion, EstadosPaso.Omitido, motivo);

    private static ResultadoClienteDto Resultado(PasoDebido d, string estado, string? motivo) =>
        new(d.Cliente.Id, d.Cliente.Rut, d.Cliente.RazonSocial, d.DiasVencido, d.Deuda.Vencido, d.Paso.Nombre, d.Paso.Etapa, d.Paso.Accion, estado, motivo);
}
