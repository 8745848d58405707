using System.Globalization;
using System.Net;
using System.Text;
using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Pdf;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;

namespace Cobranzas.Cartera.Reportes;

/// <summary>What a KPI means, in the words the SPA shows next to its figure.</summary>
public sealed record DefinicionIndicador(string Clave, string Nombre, string Unidad, string Definicion);

public sealed record IndicadoresCarteraDto(DateOnly Desde, DateOnly Hasta, IndicadoresCartera Indicadores, IReadOnlyList<DefinicionIndicador> Definiciones);

public sealed record TendenciaIndicadoresDto(DateOnly FechaCorte, int Meses, IReadOnlyList<IndicadoresCartera> Puntos);

public sealed record FilaIndicadoresDto(string Clave, string Nombre, int Clientes, IndicadoresCartera Indicadores);

public sealed record DesgloseIndicadoresDto(DateOnly Desde, DateOnly Hasta, string Agrupar, IReadOnlyList<FilaIndicadoresDto> Filas);

public static class DefinicionesIndicadores
{
    public static readonly IReadOnlyList<DefinicionIndicador> Todas =
    [
        new("totalPorCobrar", "Cuenta por cobrar", "CLP", "Saldo de los documentos en cartera al corte (el mismo de la antigüedad de saldos), en pesos."),
        new("vencido", "Deuda vencida", "CLP", "Parte de la cuenta por cobrar cuyas cuotas vencieron antes del corte."),
        new("vencidoMas90", "Vencido más de 90 días", "CLP", "Parte de la cuenta por cobrar con más de 90 días de vencida al corte."),
        new("dsoCountback", "DSO (countback)", "días",
            "Días de ventas que representa la cuenta por cobrar: se le restan hacia atrás las ventas a crédito de cada mes, desde el mes del corte, sumando sus días hasta agotarla (el último mes en proporción)."),
        new("dsoSimple", "DSO (simple)", "días", "Cuenta por cobrar al corte dividida por las ventas a crédito del período y multiplicada por los días del período."),
        new("mejorDso", "Mejor DSO posible", "días", "Cuenta por cobrar no vencida al corte dividida por las ventas a crédito del período y multiplicada por los días del período."),
        new("diasPromedioAtraso", "Días promedio de atraso (ADD)", "días", "DSO simple menos el mejor DSO posible: los días que la cartera se atrasa respecto de sus plazos."),
        new("cei", "Índice de efectividad de cobranza (CEI)", "%",
            "(Cuenta por cobrar inicial + ventas a crédito − cuenta por cobrar final) ÷ (cuenta por cobrar inicial + ventas a crédito − cuenta por cobrar final no vencida) × 100."),
        new("indiceMorosidad", "Índice de morosidad", "%", "Deuda vencida al corte dividida por la cuenta por cobrar total al corte, por 100."),
        new("participacionRiesgo", "Cartera en riesgo (más de 90 días)", "%", "Deuda con más de 90 días de vencida dividida por la cuenta por cobrar total, por 100."),
        new("perdidaIncobrables", "Pérdida por incobrables", "%", "Montos castigados en el período divididos por las ventas a crédito del período, por 100."),
        new("ventasCredito", "Ventas a crédito", "CLP",
            "Documentos emitidos en el período (facturas, boletas, notas de débito, letras y pagarés) menos las notas de crédito, en pesos al valor del día de emisión; sin los anulados al corte."),
        new("recaudado", "Recaudado", "CLP", "Pagos aplicados a documentos con fecha de aplicación en el período, en pesos, sin las aplicaciones reversadas."),
    ];

    /// <summary>The value of a KPI by its key (the camelCase name of its field), for the exports.</summary>
    public static decimal Valor(IndicadoresCartera i, string clave) => clave switch
    {
        "totalPorCobrar" => i.TotalPorCobrar,
        "vencido" => i.Vencido,
        "vencidoMas90" => i.VencidoMas90,
        "dsoCountback" => i.DsoCountback,
        "dsoSimple" => i.DsoSimple,
        "mejorDso" => i.MejorDso,
        "diasPromedioAtraso" => i.DiasPromedioAtraso,
        "cei" => i.Cei,
        "indiceMorosidad" => i.IndiceMorosidad,
        "participacionRiesgo" => i.ParticipacionRiesgo,
        "perdidaIncobrables" => i.PerdidaIncobrables,
        "ventasCredito" => i.VentasCredito,
        "recaudado" => i.Recaudado,
        _ => throw new ArgumentOutOfRangeException(nameof(clave)),
    };
}

/// <summary>The query of every portfolio KPI view: a period ending at the cut-off (the cut-off's month unless <see cref="Desde"/>), the report filters, and for the exports a format.</summary>
public interface IConsultaIndicadores : IFiltroReporte
{
    DateOnly? FechaCorte { get; }
    DateOnly? Desde { get; }
    DateOnly? Hasta { get; }
}

public static class ConsultaIndicadoresExtensiones
{
    /// <summary>The longest period a request may ask for.</summary>
    public const int MaximoDiasPeriodo = 731;

    public static PeriodoIndicadores Periodo(this IConsultaIndicadores q, TimeProvider reloj)
    {
        var hasta = q.Hasta ?? q.FechaCorte ?? FechaNegocio.Hoy(reloj);
        return new PeriodoIndicadores(q.Desde ?? PeriodoIndicadores.InicioMes(hasta), hasta);
    }

    public static void ReglasConsultaIndicadores<T>(this AbstractValidator<T> v) where T : IConsultaIndicadores
    {
        v.ReglasFiltroReporte();
        v.RuleFor(x => x.FechaCorte).EnRango("fechaCorte");
        v.RuleFor(x => x.Desde).EnRango("desde");
        v.RuleFor(x => x.Hasta).EnRango("hasta");
        v.RuleFor(x => x.Hasta).Must((x, h) => h is null || x.FechaCorte is null || h == x.FechaCorte).WithErrorCode("hasta_distinto_corte")
            .WithMessage("hasta y fechaCorte son la misma fecha: indique solo una.");
        v.RuleFor(x => x.Desde).Must((x, d) => d is null || (x.Hasta ?? x.FechaCorte) is not { } h || d <= h).WithErrorCode("desde_posterior")
            .WithMessage("desde no puede ser posterior a hasta (o a fechaCorte).");
        v.RuleFor(x => x.Desde).Must((x, d) => d is null || (x.Hasta ?? x.FechaCorte) is not { } h || h.DayNumber - d.Value.DayNumber < MaximoDiasPeriodo)
            .WithErrorCode("periodo_largo").WithMessage($"desde: el período no puede superar {MaximoDiasPeriodo} días.");
    }
}

/// <summary>The portfolio KPIs over a period (the cut-off's month by default), with the definition of each.</summary>
public sealed record ConsultarIndicadoresCartera(DateOnly? FechaCorte, DateOnly? Desde, DateOnly? Hasta, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId)
    : IRequest<IndicadoresCarteraDto>, IConsultaIndicadores
{
    public static void Map(RutasModulo rutas)
    {
        rutas.Leer.MapGet("/indicadores/cartera", async Task<Ok<IndicadoresCarteraDto>> ([AsParameters] ConsultarIndicadoresCartera q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("ConsultarIndicadoresCartera").ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
        rutas.Leer.MapGet("/indicadores/cartera/definiciones", Ok<IReadOnlyList<DefinicionIndicador>> () => TypedResults.Ok(DefinicionesIndicadores.Todas))
            .WithName("DefinicionesIndicadoresCartera");
    }
}

public sealed class ConsultarIndicadoresCarteraValidator : AbstractValidator<ConsultarIndicadoresCartera>
{
    public ConsultarIndicadoresCarteraValidator() => this.ReglasConsultaIndicadores();
}

public sealed class ConsultarIndicadoresCarteraHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<ConsultarIndicadoresCartera, IndicadoresCarteraDto>
{
    public async ValueTask<IndicadoresCarteraDto> Handle(ConsultarIndicadoresCartera request, CancellationToken cancellationToken)
    {
        var periodo = request.Periodo(reloj);
        var clientes = await request.ClientesAsync(mediator, cancellationToken);
        var indicadores = (await CalculoIndicadores.CalcularAsync(db, contexto.EmpresaId, [clientes], [periodo], cancellationToken, FechaNegocio.Hoy(reloj)))[0][0];
        return new IndicadoresCarteraDto(periodo.Desde, periodo.Hasta, indicadores, DefinicionesIndicadores.Todas);
    }
}

/// <summary>The KPIs at each month-end of the last <see cref="Meses"/> months up to the cut-off (the last point is the cut-off itself).</summary>
public sealed record TendenciaIndicadoresCartera(DateOnly? FechaCorte, int? Meses, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId)
    : IRequest<TendenciaIndicadoresDto>, IFiltroReporte
{
    public const int MesesPorDefecto = 12;
    public const int MaximoMeses = 36;

    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/indicadores/cartera/tendencia", async Task<Ok<TendenciaIndicadoresDto>> ([AsParameters] TendenciaIndicadoresCartera q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("TendenciaIndicadoresCartera").ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
}

public sealed class TendenciaIndicadoresCarteraValidator : AbstractValidator<TendenciaIndicadoresCartera>
{
    public TendenciaIndicadoresCarteraValidator()
    {
        this.ReglasFiltroReporte();
        RuleFor(x => x.FechaCorte).EnRango("fechaCorte");
        RuleFor(x => x.Meses).InclusiveBetween(1, TendenciaIndicadoresCartera.MaximoMeses).WithName("meses")
            .WithMessage($"meses debe estar entre 1 y {TendenciaIndicadoresCartera.MaximoMeses}.");
    }
}

public sealed class TendenciaIndicadoresCarteraHandler(IMediator mediator, TimeProvider reloj) : IRequestHandler<TendenciaIndicadoresCartera, TendenciaIndicadoresDto>
{
    public async ValueTask<TendenciaIndicadoresDto> Handle(TendenciaIndicadoresCartera request, CancellationToken cancellationToken)
    {
        var corte = request.FechaCorte ?? FechaNegocio.Hoy(reloj);
        var meses = request.Meses ?? TendenciaIndicadoresCartera.MesesPorDefecto;
        var clientes = await request.ClientesAsync(mediator, cancellationToken);
        return new TendenciaIndicadoresDto(corte, meses, await mediator.Send(new ObtenerTendenciaIndicadores(corte, meses, clientes), cancellationToken));
    }
}

/// <summary>The KPIs of the period per client segment or per collector (a row per group with clients; a client of two collectors counts in both).</summary>
public sealed record DesgloseIndicadoresCartera(string Agrupar, DateOnly? FechaCorte, DateOnly? Desde, DateOnly? Hasta, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId)
    : IRequest<DesgloseIndicadoresDto>, IConsultaIndicadores
{
    public static readonly string[] Agrupaciones = ["segmento", "cobrador"];

    public static void Map(RutasModulo rutas)
    {
        rutas.Leer.MapGet("/indicadores/cartera/por-segmento", async Task<Ok<DesgloseIndicadoresDto>> ([AsParameters] ParametrosIndicadores q, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(q.Desglose("segmento"), ct)))
            .WithName("IndicadoresCarteraPorSegmento").ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
        rutas.Leer.MapGet("/indicadores/cartera/por-cobrador", async Task<Ok<DesgloseIndicadoresDto>> ([AsParameters] ParametrosIndicadores q, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(q.Desglose("cobrador"), ct)))
            .WithName("IndicadoresCarteraPorCobrador").ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
    }
}

/// <summary>The query parameters shared by the breakdowns and the exports.</summary>
public sealed record ParametrosIndicadores(DateOnly? FechaCorte, DateOnly? Desde, DateOnly? Hasta, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId)
{
    public DesgloseIndicadoresCartera Desglose(string agrupar) => new(agrupar, FechaCorte, Desde, Hasta, Segmento, CobradorId, CarteraId, GrupoId);
}

public sealed class DesgloseIndicadoresCarteraValidator : AbstractValidator<DesgloseIndicadoresCartera>
{
    public DesgloseIndicadoresCarteraValidator()
    {
        this.ReglasConsultaIndicadores();
        RuleFor(x => x.Agrupar).Must(a => DesgloseIndicadoresCartera.Agrupaciones.Contains(a)).WithName("agrupar")
            .WithMessage($"agrupar debe ser uno de: {string.Join(", ", DesgloseIndicadoresCartera.Agrupaciones)}.");
    }
}

public sealed class DesgloseIndicadoresCarteraHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<DesgloseIndicadoresCartera, DesgloseIndicadoresDto>
{
    public async ValueTask<DesgloseIndicadoresDto> Handle(DesgloseIndicadoresCartera request, CancellationToken cancellationToken)
    {
        var periodo = request.Periodo(reloj);
        var filtro = await request.ClientesAsync(mediator, cancellationToken);
        var filtroSet = filtro is null ? null : filtro.ToHashSet();
        List<(string Clave, string Nombre, IReadOnlyCollection<Guid> Clientes)> grupos;
        if (request.Agrupar == "segmento")
        {
            var clientes = await mediator.Send(new ListarDatosAsignacion(filtro), cancellationToken);
            grupos = clientes.GroupBy(c => c.Segmento).OrderBy(g => g.Key, StringComparer.Create(CultureInfo.GetCultureInfo("es-CL"), true))
                .Select(g => (g.Key, g.Key, (IReadOnlyCollection<Guid>)g.Select(c => c.Id).ToList())).ToList();
        }
        else
        {
            var cobradores = await mediator.Send(new ListarCobradoresConClientes(), cancellationToken);
            grupos = cobradores.Select(c => (c.CobradorId.ToString(), c.Nombre,
                    (IReadOnlyCollection<Guid>)(filtroSet is null ? c.ClienteIds : c.ClienteIds.Where(filtroSet.Contains).ToList())))
                .Where(g => g.Item3.Count > 0).ToList();
        }

        if (grupos.Count == 0)
            return new DesgloseIndicadoresDto(periodo.Desde, periodo.Hasta, request.Agrupar, []);
        var calculo = await CalculoIndicadores.CalcularAsync(db, contexto.EmpresaId, grupos.Select(g => (IReadOnlyCollection<Guid>?)g.Clientes).ToList(), [periodo], cancellationToken);
        return new DesgloseIndicadoresDto(periodo.Desde, periodo.Hasta, request.Agrupar,
            grupos.Select((g, i) => new FilaIndicadoresDto(g.Clave, g.Nombre, g.Clientes.Count, calculo[i][0])).ToList());
    }
}

/// <summary>Any KPI view as a file: <c>vista</c> resumen, tendencia, por-segmento or por-cobrador; <c>formato</c> csv, xlsx or pdf.</summary>
public sealed record ExportarIndicadoresCartera(string? Vista, string? Formato, int? Meses, DateOnly? FechaCorte, DateOnly? Desde, DateOnly? Hasta, string? Segmento, Guid? CobradorId,
    Guid? CarteraId, Guid? GrupoId) : IRequest<ArchivoExportado>, IConsultaIndicadores
{
    public static readonly string[] Vistas = ["resumen", "tendencia", "por-segmento", "por-cobrador"];
    public static readonly string[] Formatos = ["csv", "xlsx", "pdf"];

    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/indicadores/cartera/exportar", async Task<FileContentHttpResult> ([AsParameters] ExportarIndicadoresCartera q, IMediator m, CancellationToken ct) =>
        {
            var a = await m.Send(q, ct);
            return TypedResults.File(a.Contenido, a.TipoContenido, a.NombreArchivo);
        })
        .WithName("ExportarIndicadoresCartera").Produces(200, typeof(Stream), Exportacion.TipoXlsx, Exportacion.TipoCsv, "application/pdf")
        .ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
}

public sealed class ExportarIndicadoresCarteraValidator : AbstractValidator<ExportarIndicadoresCartera>
{
    public ExportarIndicadoresCarteraValidator()
    {
        this.ReglasConsultaIndicadores();
        RuleFor(x => x.Vista).Must(v => v is null || ExportarIndicadoresCartera.Vistas.Contains(v)).WithName("vista")
            .WithMessage($"vista debe ser una de: {string.Join(", ", ExportarIndicadoresCartera.Vistas)}.");
        RuleFor(x => x.Formato).Must(f => f is null || ExportarIndicadoresCartera.Formatos.Contains(f)).WithName("formato")
            .WithMessage($"formato debe ser uno de: {string.Join(", ", ExportarIndicadoresCartera.Formatos)}.");
        RuleFor(x => x.Meses).InclusiveBetween(1, TendenciaIndicadoresCartera.MaximoMeses).WithName("meses")
            .WithMessage($"meses debe estar entre 1 y {TendenciaIndicadoresCartera.MaximoMeses}.");
    }
}

public sealed class ExportarIndicadoresCarteraHandler(IMediator mediator, ImpresoraPdf impresora) : IRequestHandler<ExportarIndicadoresCartera, ArchivoExportado>
{
    public async ValueTask<ArchivoExportado> Handle(ExportarIndicadoresCartera request, CancellationToken cancellationToken)
    {
        var vista = request.Vista ?? "resumen";
        var formato = request.Formato ?? "xlsx";
        var r = request;
        string titulo;
        List<string> encabezados;
        List<IReadOnlyList<object?>> filas;
        var claves = DefinicionesIndicadores.Todas.Select(d => d.Clave).ToList();
        var nombres = DefinicionesIndicadores.Todas.Select(d => $"{d.Nombre} ({d.Unidad})").ToList();
        switch (vista)
        {
            case "tendencia":
                var t = await mediator.Send(new TendenciaIndicadoresCartera(r.Hasta ?? r.FechaCorte, r.Meses, r.Segmento, r.CobradorId, r.CarteraId, r.GrupoId), cancellationToken);
                titulo = $"Tendencia de indicadores de cartera al {t.FechaCorte:dd-MM-yyyy}";
                encabezados = ["Corte", "Días del período", .. nombres];
                filas = t.Puntos.Select(p => (IReadOnlyList<object?>)[p.Corte, p.DiasPeriodo, .. claves.Select(c => (object?)DefinicionesIndicadores.Valor(p, c))]).ToList();
                break;
            case "por-segmento":
            case "por-cobrador":
                var d = await mediator.Send(new DesgloseIndicadoresCartera(vista == "por-segmento" ? "segmento" : "cobrador", r.FechaCorte, r.Desde, r.Hasta, r.Segmento, r.CobradorId, r.CarteraId, r.GrupoId), cancellationToken);
                titulo = $"Indicadores de cartera por {(vista == "por-segmento" ? "segmento" : "cobrador")}, {d.Desde:dd-MM-yyyy} a {d.Hasta:dd-MM-yyyy}";
                encabezados = [vista == "por-segmento" ? "Segmento" : "Cobrador", "Clientes", .. nombres];
                filas = d.Filas.Select(f => (IReadOnlyList<object?>)[f.Nombre, f.Clientes, .. claves.Select(c => (object?)DefinicionesIndicadores.Valor(f.Indicadores, c))]).ToList();
                break;
            default:
                var i = await mediator.Send(new ConsultarIndicadoresCartera(r.FechaCorte, r.Desde, r.Hasta, r.Segmento, r.CobradorId, r.CarteraId, r.GrupoId), cancellationToken);
                titulo = $"Indicadores de cartera, {i.Desde:dd-MM-yyyy} a {i.Hasta:dd-MM-yyyy}";
                encabezados = ["Indicador", "Unidad", "Valor", "Definición"];
                filas = i.Definiciones.Select(x => (IReadOnlyList<object?>)[x.Nombre, x.Unidad, DefinicionesIndicadores.Valor(i.Indicadores, x.Clave), x.Definicion]).ToList();
                break;
        }

        var nombre = $"indicadores-cartera-{vista}";
        if (formato != "pdf")
            return Exportacion.Generar(formato, nombre, "Indicadores", encabezados, filas);
        return new ArchivoExportado(await impresora.ImprimirAsync(Html(titulo, encabezados, filas), cancellationToken), "application/pdf", nombre + ".pdf");
    }

    private static readonly CultureInfo Chile = CultureInfo.GetCultureInfo("es-CL");

    private static string Html(string titulo, List<string> encabezados, List<IReadOnlyList<object?>> filas)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html><html lang=\"es-CL\"><head><meta charset=\"utf-8\"><style>body{font-family:sans-serif;font-size:9px}table{border-collapse:collapse;width:100%}")
            .Append("th,td{border:1px solid #ccc;padding:3px}td.n{text-align:right}h1{font-size:14px}</style></head><body><h1>")
            .Append(WebUtility.HtmlEncode(titulo)).Append("</h1><table><thead><tr>");
        foreach (var e in encabezados)
            h.Append("<th>").Append(WebUtility.HtmlEncode(e)).Append("</th>");
        h.Append("</tr></thead><tbody>");
        foreach (var f in filas)
        {
            h.Append("<tr>");
            foreach (var c in f)
            {
                var (texto, numero) = c switch
                {
                    decimal m => (m.ToString("N2", Chile), true),
                    int n => (n.ToString("N0", Chile), true),
                    DateOnly dia => (dia.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), false),
                    _ => (c?.ToString() ?? "", false),
                };
                h.Append(numero ? "<td class=\"n\">" : "<td>").Append(WebUtility.HtmlEncode(texto)).Append("</td>");
            }

            h.Append("</tr>");
        }

        return h.Append("</tbody></table></body></html>").ToString();
    }
}
