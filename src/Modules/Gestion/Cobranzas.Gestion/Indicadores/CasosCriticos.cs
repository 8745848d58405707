using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Compromisos;
using Cobranzas.Gestion.Configuracion;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Disputas;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Pdf;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Indicadores;

/// <summary>
/// The critical cases: the largest overdue balances (today's, from Cartera), promises broken after date + grace (what is
/// still unpaid, days since the last installment's date) and disputes open more than the configured days at the cut-off.
/// </summary>
public sealed class ObtenerCasosCriticosHandler(GestionDbContext db, IMediator mediator) : IRequestHandler<ObtenerCasosCriticos, IReadOnlyList<CasoCritico>>
{
    public const string MayorVencido = "mayor_vencido";
    public const string CompromisoRoto = "compromiso_roto";
    public const string DisputaAbierta = "disputa_abierta";

    public async ValueTask<IReadOnlyList<CasoCritico>> Handle(ObtenerCasosCriticos request, CancellationToken cancellationToken)
    {
        var corte = request.Corte;
        var ids = request.ClienteIds?.ToList();
        var configuracion = await ConfiguracionEmpresa.CargarAsync(db, cancellationToken);
        var casos = new List<CasoCritico>();

        var deudas = await mediator.Send(new ObtenerDeudaClientes(request.ClienteIds), cancellationToken);
        casos.AddRange(deudas.Where(d => d.Vencido > 0).OrderByDescending(d => d.Vencido).ThenBy(d => d.ClienteId).Take(request.PorTipo)
            .Select(d => new CasoCritico(MayorVencido, d.ClienteId, null, d.Vencido,
                d.VencimientoMasAntiguo is { } v ? Math.Max(0, corte.DayNumber - v.DayNumber) : 0, $"{d.DocumentosVencidos} documentos vencidos.")));

        var compromisos = db.Set<Compromiso>().AsNoTracking().Where(c => c.Estado == EstadosCompromiso.Incumplido || c.Estado == EstadosCompromiso.CumplidoParcial);
        if (ids is not null)
            compromisos = compromisos.Where(c => ids.Contains(c.ClienteId));
        casos.AddRange((await compromisos.ToListAsync(cancellationToken))
            .Where(c => EvaluadorCompromisos.Plazo(c, configuracion.DiasGraciaCompromiso) < corte && c.Monto > c.MontoCumplido)
            .Select(c => new CasoCritico(CompromisoRoto, c.ClienteId, c.Id, c.Monto - c.MontoCumplido, corte.DayNumber - EvaluadorCompromisos.Plazo(c, 0).DayNumber,
                $"Prometió {c.Monto:N0} CLP hasta el {EvaluadorCompromisos.Plazo(c, 0):dd-MM-yyyy} y pagó {c.MontoCumplido:N0}."))
            .OrderByDescending(c => c.Monto).ThenByDescending(c => c.Dias).Take(request.PorTipo));

        var (_, finCorte) = FiltroIndicadores.Instantes(corte, corte);
        var limite = FiltroIndicadores.Instantes(corte.AddDays(-configuracion.DiasDisputaCritica), corte).Inicio;
        var disputas = db.Set<Disputa>().AsNoTracking().Where(d => d.Creada < limite && (d.Resuelta == null || d.Resuelta >= finCorte));
        if (ids is not null)
            disputas = disputas.Where(d => ids.Contains(d.ClienteId));
        var abiertas = await disputas.OrderBy(d => d.Creada).Take(request.PorTipo).ToListAsync(cancellationToken);
        var documentos = (await mediator.Send(new BuscarDocumentos([.. abiertas.SelectMany(d => d.DocumentoIds).Distinct()]), cancellationToken)).ToDictionary(d => d.Id);
        casos.AddRange(abiertas.Select(d => new CasoCritico(DisputaAbierta, d.ClienteId, d.Id,
            d.DocumentoIds.Sum(id => documentos.TryGetValue(id, out var doc) && doc.Moneda == "CLP" ? doc.Saldo : 0),
            corte.DayNumber - FiltroIndicadores.Fecha(d.Creada).DayNumber, $"Disputa abierta el {FiltroIndicadores.Fecha(d.Creada):dd-MM-yyyy} ({d.Estado.Replace('_', ' ')}).")));
        return casos;
    }
}

public sealed record CasoCriticoDto(string Tipo, Guid ClienteId, string Rut, string RazonSocial, Guid? ReferenciaId, decimal Monto, int Dias, string Descripcion);

public sealed record CasosCriticosDto(DateOnly FechaCorte, int DiasGracia, int DiasDisputa, string Definicion, IReadOnlyList<CasoCriticoDto> Casos);

public sealed record CasosCriticos(DateOnly? FechaCorte, int? PorTipo, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId)
    : IRequest<CasosCriticosDto>, IFiltroIndicadores
{
    public const int MaximoPorTipo = 100;

    public static void Map(RutasModulo rutas)
    {
        rutas.Leer.MapGet("/indicadores/casos-criticos", async Task<Ok<CasosCriticosDto>> ([AsParameters] CasosCriticos q, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(q, ct)))
            .WithName("IndicadorCasosCriticos").ProducesValidationProblem().ConLimite(LimitesUso.Informes);
        rutas.Leer.MapGet("/indicadores/casos-criticos/exportar", async Task<FileContentHttpResult> ([AsParameters] CasosCriticos q, string? formato, IMediator m, ImpresoraPdf impresora, TimeProvider reloj, CancellationToken ct) =>
                await ExportarIndicador.ArchivoAsync(m, q, formato, Tabla, impresora, reloj, ct))
            .WithName("ExportarCasosCriticos").Produces(200, typeof(Stream), "text/csv", SharedKernel.Archivos.Exportacion.TipoXlsx, "application/pdf")
            .ProducesValidationProblem().ConLimite(LimitesUso.Informes);
    }

    public static string Definicion(int gracia, int dias) =>
        $"Mayores vencidos: clientes con más deuda vencida hoy. Compromisos rotos: no pagados por completo a la fecha de la cuota más {gracia} días de gracia (monto: lo que falta). " +
        $"Disputas: abiertas hace más de {dias} días al corte (monto: saldo de sus documentos).";

    public static TablaIndicador Tabla(CasosCriticosDto d) => new("casos-criticos", "Casos críticos", d.Definicion,
        ["Tipo", "RUT", "Cliente", "Monto", "Días", "Detalle"],
        [.. d.Casos.Select(c => (IReadOnlyList<object?>)[NombreTipo(c.Tipo), c.Rut, c.RazonSocial, c.Monto, c.Dias, c.Descripcion])]);

    public static string NombreTipo(string tipo) => tipo switch
    {
        ObtenerCasosCriticosHandler.MayorVencido => "Mayor vencido",
        ObtenerCasosCriticosHandler.CompromisoRoto => "Compromiso roto",
        _ => "Disputa abierta",
    };
}

public sealed class CasosCriticosValidator : AbstractValidator<CasosCriticos>
{
    public CasosCriticosValidator()
    {
        this.ReglasFiltro();
        RuleFor(x => x.FechaCorte).Must(f => f is null || (f >= FiltroIndicadores.Primera && f <= FiltroIndicadores.Ultima))
            .WithMessage("fechaCorte debe estar entre el 01-01-1900 y el 31-12-2999.");
        RuleFor(x => x.PorTipo).InclusiveBetween(1, CasosCriticos.MaximoPorTipo).WithMessage($"porTipo debe estar entre 1 y {CasosCriticos.MaximoPorTipo}.");
    }
}

public sealed class CasosCriticosHandler(GestionDbContext db, AlcanceGestion alcance, IMediator mediator, TimeProvider reloj) : IRequestHandler<CasosCriticos, CasosCriticosDto>
{
    public async ValueTask<CasosCriticosDto> Handle(CasosCriticos request, CancellationToken cancellationToken)
    {
        var corte = request.FechaCorte ?? FechaNegocio.Hoy(reloj);
        var clientes = await request.ClientesAsync(db, alcance, mediator, cancellationToken);
        var configuracion = await ConfiguracionEmpresa.CargarAsync(db, cancellationToken);
        var casos = await mediator.Send(new ObtenerCasosCriticos(corte, request.PorTipo ?? 10, clientes), cancellationToken);
        var info = (await mediator.Send(new BuscarClientes([.. casos.Select(c => c.ClienteId).Distinct()], []), cancellationToken)).ToDictionary(c => c.Id);
        return new CasosCriticosDto(corte, configuracion.DiasGraciaCompromiso, configuracion.DiasDisputaCritica,
            CasosCriticos.Definicion(configuracion.DiasGraciaCompromiso, configuracion.DiasDisputaCritica),
            [.. casos.Select(c => new CasoCriticoDto(c.Tipo, c.ClienteId, info.TryGetValue(c.ClienteId, out var i) ? i.Rut : "", i?.RazonSocial ?? "", c.ReferenciaId, c.Monto, c.Dias, c.Descripcion))]);
    }
}
