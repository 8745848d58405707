using System.Globalization;
using System.Net;
using System.Text;
using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Notificaciones.Contracts;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Pdf;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Cobranzas.Cartera.Reportes;

/// <summary>What a run of an executive report did: mails queued now, and recipients whose mail of that period was already queued.</summary>
public sealed record ResultadoReporteEjecutivoDto(string Periodo, int Encolados, int YaEnviados);

/// <summary>"Enviar ahora": sends the report at once to its recipients (a manual run: never taken for the scheduled period's mail).</summary>
public sealed record EnviarReporteEjecutivo(Guid Id) : IRequest<ResultadoReporteEjecutivoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPost("/reportes/ejecutivos/{id:guid}/enviar", async Task<Ok<ResultadoReporteEjecutivoDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new EnviarReporteEjecutivo(id), ct)))
        .WithName("EnviarReporteEjecutivo").ProducesProblem(404).ProducesProblem(422);
}

/// <summary>The scheduled run of a report for the period of <paramref name="Momento"/> (its ISO week or its month in Santiago).</summary>
public sealed record EjecutarReporteEjecutivo(Guid Id, DateTimeOffset Momento) : IRequest<ResultadoReporteEjecutivoDto>;

public static class CronReporteEjecutivo
{
    private static readonly string[] Dias = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

    public static string? Expresion(ReporteEjecutivo r)
    {
        var hora = string.Create(CultureInfo.InvariantCulture, $"0 {r.Hora.Minute} {r.Hora.Hour}");
        return r.Frecuencia switch
        {
            FrecuenciasReporteEjecutivo.Semanal when r.DiaSemana is { } d => $"{hora} ? * {Dias[d - 1]}",
            FrecuenciasReporteEjecutivo.Mensual when r.DiaMes is { } dia => $"{hora} {(dia >= 31 ? "L" : dia.ToString(CultureInfo.InvariantCulture))} * ?",
            _ => null,
        };
    }

    /// <summary>The period a run at <paramref name="fecha"/> reports: <c>2026-S48</c> (ISO week) or <c>2026-11</c>.</summary>
    public static string Periodo(ReporteEjecutivo r, DateOnly fecha) => r.Frecuencia == FrecuenciasReporteEjecutivo.Semanal
        ? string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(fecha.ToDateTime(TimeOnly.MinValue))}-S{ISOWeek.GetWeekOfYear(fecha.ToDateTime(TimeOnly.MinValue)):00}")
        : fecha.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>
/// Builds the report (the dashboard at today's date and the key accounts), prints it to PDF once and queues one mail per recipient in
/// Notificaciones' outbox under the key <c>reporte-ejecutivo:{id}:{period}:{user}</c>: a second run of the same period queues nothing.
/// </summary>
public sealed class EjecucionReporteEjecutivoHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, ImpresoraPdf impresora, TimeProvider reloj)
    : IRequestHandler<EnviarReporteEjecutivo, ResultadoReporteEjecutivoDto>, IRequestHandler<EjecutarReporteEjecutivo, ResultadoReporteEjecutivoDto>
{
    public async ValueTask<ResultadoReporteEjecutivoDto> Handle(EnviarReporteEjecutivo request, CancellationToken cancellationToken)
    {
        var r = await ReportesEjecutivosHandler.CargarAsync(db, request.Id, cancellationToken);
        return await EjecutarAsync(r, $"manual-{reloj.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..40], cancellationToken);
    }

    public async ValueTask<ResultadoReporteEjecutivoDto> Handle(EjecutarReporteEjecutivo request, CancellationToken cancellationToken)
    {
        var r = await ReportesEjecutivosHandler.CargarAsync(db, request.Id, cancellationToken);
        var fecha = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(request.Momento, FechaNegocio.Santiago).DateTime);
        return await EjecutarAsync(r, CronReporteEjecutivo.Periodo(r, fecha), cancellationToken);
    }

    private async Task<ResultadoReporteEjecutivoDto> EjecutarAsync(ReporteEjecutivo r, string periodo, CancellationToken ct)
    {
        var destinatarios = await mediator.Send(new ObtenerCorreosUsuarios(r.UsuarioIds), ct);
        if (destinatarios.Count == 0)
            throw new ReglaNegocioException("usuarioIds", "sin_destinatarios", "Ninguno de los destinatarios es un usuario activo de la empresa.");
        var claves = destinatarios.ToDictionary(u => u.UsuarioId, u => $"reporte-ejecutivo:{r.Id}:{periodo}:{u.UsuarioId}");

        var hoy = FechaNegocio.Hoy(reloj);
        var tablero = await mediator.Send(new ObtenerTablero(hoy, null, null, null, null), ct);
        var cuentas = await CuentasClaveAsync(r.GrupoClienteId, hoy, ct);
        var empresa = await mediator.Send(new ObtenerDatosEmpresa(contexto.EmpresaId), ct);
        var html = HtmlReporteEjecutivo.Documento(r, empresa?.RazonSocial ?? "", tablero, cuentas);
        var pdf = await impresora.ImprimirAsync(html, ct);

        var asunto = $"{r.Nombre}: tablero de cobranza al {hoy:dd-MM-yyyy}";
        var cuerpo = HtmlReporteEjecutivo.Correo(r, tablero);
        var texto = $"{r.Nombre}. Total por cobrar {Pesos(tablero.TotalPorCobrar)}, vencido {Pesos(tablero.Vencido)} ({tablero.ParticipacionVencido:0.##} %). El detalle va en el PDF adjunto.";
        var adjunto = new AdjuntoCorreo($"reporte-ejecutivo-{hoy:yyyy-MM-dd}.pdf", "application/pdf", pdf);
        var encolados = 0;
        foreach (var u in destinatarios)
        {
            if (await mediator.Send(new EncolarCorreoInterno(claves[u.UsuarioId], [new DestinatarioInterno(u.Nombre, u.Email)], asunto, cuerpo, texto, hoy, [adjunto]), ct))
                encolados++;
        }

        if (encolados > 0)
        {
            r.UltimoEnvio = reloj.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        return new ResultadoReporteEjecutivoDto(periodo, encolados, destinatarios.Count - encolados);
    }

    /// <summary>Each client of the group: balance and overdue today (the aging's own statement) and its latest activity.</summary>
    private async Task<IReadOnlyList<CuentaClave>> CuentasClaveAsync(Guid? grupo, DateOnly hoy, CancellationToken ct)
    {
        if (grupo is null)
            return [];
        var ids = (await mediator.Send(new ClientesPorSegmentoYGrupo(null, grupo), ct)).ToHashSet();
        if (ids.Count == 0)
            return [];
        var tramos = (await AjustesCartera.CargarAsync(db, ct)).Tramos;
        var (filas, _) = await ConsultaAntiguedad.EjecutarAsync(db, new OpcionesAntiguedad(contexto.EmpresaId, hoy, tramos) { PorCliente = true }, ct);
        var saldos = filas.Where(f => ids.Contains(f.ClienteId!.Value)).ToDictionary(f => f.ClienteId!.Value, f => (f.Total, Vencido: f.Total - f.Montos[0]));
        var clientes = await ResolucionCliente.PorIdAsync(mediator, ids, ct);
        var actividades = await mediator.Send(new UltimasActividades(ids), ct);
        return ids.Select(id => new CuentaClave(
                clientes.TryGetValue(id, out var c) ? c.Rut : "", c?.RazonSocial ?? "", saldos.TryGetValue(id, out var s) ? s.Total : 0, s.Vencido,
                actividades.TryGetValue(id, out var a) ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a, FechaNegocio.Santiago).DateTime) : null))
            .OrderByDescending(x => x.Saldo).ThenBy(x => x.RazonSocial).ToList();
    }

    private static string Pesos(decimal monto) => HtmlReporteEjecutivo.Pesos(monto);
}

public sealed record CuentaClave(string Rut, string RazonSocial, decimal Saldo, decimal Vencido, DateOnly? UltimaActividad);

/// <summary>The printed report (self-contained HTML for Chromium) and the short mail body that carries it.</summary>
public static class HtmlReporteEjecutivo
{
    private static readonly CultureInfo Cl = CultureInfo.GetCultureInfo("es-CL");

    public static string Pesos(decimal monto) => "$" + Math.Round(monto, 0).ToString("#,0", Cl);

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    private static string Porcentaje(decimal v) => v.ToString("0.##", Cl) + " %";

    public static string Correo(ReporteEjecutivo r, TableroDto t) => $"""
        <html><body style="font-family:Arial,sans-serif">
        <p><strong>{E(r.Nombre)}</strong> al {t.FechaCorte:dd-MM-yyyy}.</p>
        <p>Total por cobrar {Pesos(t.TotalPorCobrar)}; vencido {Pesos(t.Vencido)} ({Porcentaje(t.ParticipacionVencido)}); DSO {t.Dso.ToString("0.#", Cl)} días; CEI {Porcentaje(t.Cei)}.</p>
        <p>El tablero completo y el estado de las cuentas clave van en el PDF adjunto.</p>
        </body></html>
        """;

    public static string Documento(ReporteEjecutivo r, string empresa, TableroDto t, IReadOnlyList<CuentaClave> cuentas)
    {
        var h = new StringBuilder();
        h.Append($$"""
            <!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>{{E(r.Nombre)}}</title>
            <style>
            @page { size: A4; margin: 14mm; }
            body { font-family: Arial, sans-serif; font-size: 10pt; color: #222; }
            h1 { font-size: 16pt; margin: 0 0 4px; } h2 { font-size: 12pt; margin: 16px 0 6px; }
            .kpis { display: flex; flex-wrap: wrap; gap: 8px; }
            .kpi { border: 1px solid #ccc; border-radius: 4px; padding: 6px 10px; min-width: 150px; }
            .kpi b { display: block; font-size: 13pt; }
            table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #ddd; padding: 3px 6px; text-align: left; }
            td.n, th.n { text-align: right; }
            .barra { background: #228be6; height: 10px; }
            </style></head><body>
            <h1>{{E(r.Nombre)}}</h1><div>{{E(empresa)}} · tablero de cobranza al {{t.FechaCorte:dd-MM-yyyy}}</div>
            <div class="kpis">
            <div class="kpi">Total por cobrar<b>{{Pesos(t.TotalPorCobrar)}}</b></div>
            <div class="kpi">Vencido<b>{{Pesos(t.Vencido)}}</b>{{Porcentaje(t.ParticipacionVencido)}} del total</div>
            <div class="kpi">DSO<b>{{t.Dso.ToString("0.#", Cl)}} días</b>CEI {{Porcentaje(t.Cei)}}</div>
            <div class="kpi">Recaudado este mes<b>{{Pesos(t.RecaudadoMes)}}</b>mes anterior {{Pesos(t.RecaudadoMesAnterior)}}</div>
            <div class="kpi">Compromisos de la semana<b>{{t.CompromisosSemana.Cantidad}}</b>{{string.Join(" · ", t.CompromisosSemana.Montos.Select(m => $"{m.Monto.ToString("#,0.##", Cl)} {m.Moneda}"))}}</div>
            </div>
            <h2>Antigüedad de saldos</h2><table><tr><th>Tramo</th><th class="n">Saldo</th><th style="width:45%"></th></tr>
            """);
        var maximo = Math.Max(1, t.Antiguedad.Count == 0 ? 1 : t.Antiguedad.Max(a => a.Monto));
        foreach (var a in t.Antiguedad)
            h.Append($"""<tr><td>{E(a.Codigo)}</td><td class="n">{Pesos(a.Monto)}</td><td><div class="barra" style="width:{(int)(a.Monto * 100 / maximo)}%"></div></td></tr>""");
        h.Append("</table><h2>DSO y CEI, últimos 12 meses</h2><table><tr><th>Cierre</th><th class=\"n\">DSO (días)</th><th class=\"n\">CEI</th></tr>");
        foreach (var p in t.Tendencia)
            h.Append($"""<tr><td>{p.Corte:MM-yyyy}</td><td class="n">{p.DsoCountback.ToString("0.#", Cl)}</td><td class="n">{Porcentaje(p.Cei)}</td></tr>""");
        h.Append("</table><h2>Pronóstico de cobros</h2><table><tr><th>Semana del</th><th class=\"n\">Esperado</th><th class=\"n\">Banda</th></tr>");
        foreach (var s in t.Pronostico)
            h.Append($"""<tr><td>{s.Inicio:dd-MM-yyyy}</td><td class="n">{Pesos(s.Esperado)}</td><td class="n">{Pesos(s.Bajo)} – {Pesos(s.Alto)}</td></tr>""");
        h.Append("</table><h2>Principales deudores</h2><table><tr><th>Cliente</th><th class=\"n\">Saldo</th><th class=\"n\">Vencido</th><th class=\"n\">%</th></tr>");
        foreach (var d in t.PrincipalesDeudores)
            h.Append($"""<tr><td>{E(d.RazonSocial)}</td><td class="n">{Pesos(d.Saldo)}</td><td class="n">{Pesos(d.Vencido)}</td><td class="n">{Porcentaje(d.Participacion)}</td></tr>""");
        h.Append("</table><h2>Casos críticos</h2><table><tr><th>Caso</th><th>Cliente</th><th class=\"n\">Monto</th><th class=\"n\">Días</th></tr>");
        foreach (var c in t.CasosCriticos)
            h.Append($"""<tr><td>{E(c.Descripcion)}</td><td>{E(c.RazonSocial)}</td><td class="n">{Pesos(c.Monto)}</td><td class="n">{c.Dias}</td></tr>""");
        h.Append("</table>");
        if (r.GrupoClienteId is not null)
        {
            h.Append("<h2>Cuentas clave</h2><table><tr><th>RUT</th><th>Cliente</th><th class=\"n\">Saldo</th><th class=\"n\">Vencido</th><th>Última gestión</th></tr>");
            foreach (var k in cuentas)
                h.Append($"""<tr><td>{E(k.Rut)}</td><td>{E(k.RazonSocial)}</td><td class="n">{Pesos(k.Saldo)}</td><td class="n">{Pesos(k.Vencido)}</td><td>{(k.UltimaActividad is { } u ? u.ToString("dd-MM-yyyy", Cl) : "sin gestión")}</td></tr>""");
            h.Append("</table>");
        }

        h.Append("</body></html>");
        return h.ToString();
    }
}

/// <summary>(Re)schedules the trigger of one executive report in the clustered Quartz store; with Quartz disabled (tests) it does nothing.</summary>
public sealed class ProgramadorReportesEjecutivos(ISchedulerFactory fabrica, IConfiguration configuracion)
{
    public const string Grupo = "reportes-ejecutivos";

    public static JobKey ClaveJob(Guid id) => new($"reporte-{id}", Grupo);

    public async Task ProgramarAsync(ReporteEjecutivo r, CancellationToken ct)
    {
        if (!configuracion.GetValue("Quartz:Habilitado", true))
            return;
        var programador = await fabrica.GetScheduler(ct);
        var expresion = r.Activo ? CronReporteEjecutivo.Expresion(r) : null;
        if (expresion is null)
        {
            await programador.DeleteJob(ClaveJob(r.Id), ct);
            return;
        }

        var job = JobBuilder.Create<ReporteEjecutivoJob>().WithIdentity(ClaveJob(r.Id))
            .UsingJobData(ReporteEjecutivoJob.Empresa, r.EmpresaId.ToString()).UsingJobData(ReporteEjecutivoJob.Reporte, r.Id.ToString()).Build();
        var trigger = TriggerBuilder.Create().WithIdentity($"reporte-{r.Id}", Grupo).ForJob(job)
            .WithSchedule(CronScheduleBuilder.Create(expresion).InTimeZone(FechaNegocio.Santiago)).Build();
        await programador.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, ct);
    }
}

/// <summary>Fires the run of one executive report in its company; clustered, so one replica fires each trigger, and the period's keys make a repeat a no-op.</summary>
[DisallowConcurrentExecution]
public sealed class ReporteEjecutivoJob(IServiceScopeFactory ambitos, ILogger<ReporteEjecutivoJob> log) : IJob
{
    public const string Empresa = "empresaId";
    public const string Reporte = "reporteId";
    public const string Actor = "sistema: reportes ejecutivos";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var datos = context.MergedJobDataMap;
        var momento = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var r = await EjecutarAsync(Guid.Parse(datos.GetString(Empresa)!), Guid.Parse(datos.GetString(Reporte)!), momento, cancellationToken);
        log.LogInformation("Reporte ejecutivo {Reporte} ({Periodo}): {Encolados} encolados, {YaEnviados} ya enviados", datos.GetString(Reporte), r.Periodo, r.Encolados, r.YaEnviados);
    }

    public async Task<ResultadoReporteEjecutivoDto> EjecutarAsync(Guid empresaId, Guid reporteId, DateTimeOffset momento, CancellationToken ct)
    {
        await using var ambito = ambitos.CreateAsyncScope();
        ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresaId, Actor);
        return await ambito.ServiceProvider.GetRequiredService<IMediator>().Send(new EjecutarReporteEjecutivo(reporteId, momento), ct);
    }
}

/// <summary>At start-up, schedules every active executive report again: the job store may be empty (a fresh database) or behind the table.</summary>
public sealed class RestaurarProgramacionReportesEjecutivos(IServiceScopeFactory ambitos, ILogger<RestaurarProgramacionReportesEjecutivos> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var ambito = ambitos.CreateAsyncScope();
            var db = ambito.ServiceProvider.GetRequiredService<CarteraDbContext>();
            var programador = ambito.ServiceProvider.GetRequiredService<ProgramadorReportesEjecutivos>();
            var reportes = await db.Set<ReporteEjecutivo>().IgnoreQueryFilters().AsNoTracking().Where(r => r.Activo).ToListAsync(cancellationToken);
            foreach (var r in reportes)
                await programador.ProgramarAsync(r, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database not migrated yet must not stop the host; the next change of a report schedules it.
            log.LogError(e, "No se pudo restaurar la programación de los reportes ejecutivos");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
