using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Gestion.Contracts;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Cartera.Documentos;

/// <param name="CedidoDelegadoA">The factor it is ceded to today under administración delegada (the company still collects it).</param>
public sealed record DocumentoResumenDto(
    Guid Id, string Tipo, long Folio, ClienteRefDto Cliente, DateOnly FechaEmision, DateOnly FechaVencimiento, string Moneda,
    decimal Total, decimal Saldo, string Estado, int DiasVencido, string Origen, string? ExternalId, string? EtapaCliente = null, string? CedidoDelegadoA = null);

public sealed record ListarDocumentos(
    string? Tipo, string? Estado, Guid? ClienteId, DateOnly? VencimientoDesde, DateOnly? VencimientoHasta, string? Orden, int? Pagina, int? TamanoPagina,
    string? Tramo = null, string? Origen = null, bool? EnCobranzaBancaria = null, string? Etapa = null, DateOnly? FechaCorte = null, bool? ConSaldo = null,
    Guid? CobradorId = null, bool? IncluirCedidosDelegados = null)
    : IRequest<Pagina<DocumentoResumenDto>>
{
    /// <summary>Only these documents (the rows a person chose to export); not a query parameter of the list.</summary>
    public IReadOnlyCollection<Guid>? Elegidos { get; init; }

    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/documentos", async Task<Ok<Pagina<DocumentoResumenDto>>> ([AsParameters] ListarDocumentos q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarDocumentos").ProducesValidationProblem().ProducesProblem(422);
}

public sealed class ListarDocumentosValidator : AbstractValidator<ListarDocumentos>
{
    public static readonly string[] Ordenes =
        ["fechaVencimiento", "-fechaVencimiento", "fechaEmision", "-fechaEmision", "folio", "-folio", "total", "-total", "saldo", "-saldo"];

    public ListarDocumentosValidator()
    {
        RuleFor(x => x.Tipo).Must(t => t is null || TiposDocumento.Todos.Contains(t)).WithMessage($"Tipo debe ser uno de: {string.Join(", ", TiposDocumento.Todos)}.");
        RuleFor(x => x.Estado).Must(e => e is null || Estados.Todos.Contains(e)).WithMessage($"Estado debe ser uno de: {string.Join(", ", Estados.Todos)}.");
        RuleFor(x => x.VencimientoHasta).Must((x, h) => h is null || x.VencimientoDesde is null || h >= x.VencimientoDesde)
            .WithMessage("vencimientoHasta no puede ser anterior a vencimientoDesde.");
        RuleFor(x => x.Origen).Must(o => o is null || DatosDocumentoValidator.Origenes.Contains(o)).WithMessage("Origen debe ser erp o manual.");
        RuleFor(x => x.Tramo).MaximumLength(20);
        RuleFor(x => x.FechaCorte).EnRango("fechaCorte");
        RuleFor(x => x.Etapa).Must(e => e is null || EtapasCobranza.Todas.Contains(e)).WithMessage($"Etapa debe ser una de: {string.Join(", ", EtapasCobranza.Todas)}.");
        RuleFor(x => x.Orden).Must(o => o is null || Ordenes.Contains(o)).WithMessage($"Orden debe ser uno de: {string.Join(", ", Ordenes)}.");
        RuleFor(x => x.Pagina).GreaterThan(0);
        RuleFor(x => x.TamanoPagina).InclusiveBetween(1, Paginacion.TamanoMaximo);
    }
}

public sealed class ListarDocumentosHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<ListarDocumentos, Pagina<DocumentoResumenDto>>
{
    public async ValueTask<Pagina<DocumentoResumenDto>> Handle(ListarDocumentos request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var q = await FiltrarAsync(request, hoy, cancellationToken);
        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(request.Pagina, request.TamanoPagina);
        var total = await q.CountAsync(cancellationToken);
        var protestados = ProyeccionDocumento.Protestados(db);
        var filas = await Ordenar(q, request.Orden).Skip(saltar).Take(tomar)
            .Select(d => new
            {
                d.Id, d.Tipo, d.Folio, d.ClienteId, d.FechaEmision, d.FechaVencimiento, d.Moneda, d.Total, d.Saldo, d.Origen, d.ExternalId, d.FechaAnulacion,
                Cedido = d.FechaCesion != null && d.FechaRecompra == null, Castigado = d.FechaCastigo != null,
                Protestado = d.Saldo > 0 && protestados.Contains(d.Id),
                PrimerPendiente = d.Cuotas.Where(c => c.Saldo > 0).Min(c => (DateOnly?)c.FechaVencimiento),
            })
            .ToListAsync(cancellationToken);
        var clientes = await ResolucionCliente.PorIdAsync(mediator, filas.Select(f => f.ClienteId), cancellationToken);
        var cedidas = filas.Where(f => f.Cedido).Select(f => f.Id).ToList();
        var delegadas = cedidas.Count == 0 ? new Dictionary<Guid, string?>()
            : await db.Documentos.AsNoTracking().Where(ReglasCartera.CedidoDelegado).Where(d => cedidas.Contains(d.Id))
                .ToDictionaryAsync(d => d.Id, d => d.FactorNombre, cancellationToken);
        var etapas = filas.Count == 0 ? new Dictionary<Guid, string>() : await mediator.Send(new EtapasDeClientes(filas.Select(f => f.ClienteId).Distinct().ToList()), cancellationToken);
        var items = filas.Select(f =>
        {
            var anulado = f.FechaAnulacion is not null;
            var dias = ProyeccionDocumento.DiasVencido(f.Tipo, anulado, f.PrimerPendiente, hoy);
            return new DocumentoResumenDto(
                f.Id, f.Tipo, f.Folio, ProyeccionDocumento.Cliente(f.ClienteId, clientes), f.FechaEmision, f.FechaVencimiento, f.Moneda, f.Total, f.Saldo,
                Estados.De(anulado, f.Total, f.Saldo, dias > 0, f.Cedido, f.Castigado, f.Protestado), dias, f.Origen, f.ExternalId,
                etapas.GetValueOrDefault(f.ClienteId), delegadas.TryGetValue(f.Id, out var factor) ? factor ?? "" : null);
        }).ToList();
        return new Pagina<DocumentoResumenDto>(items, total, pagina, tamano);
    }

    /// <summary>Every filter of the list (also the bucket, collector and stage ones, answered by SQL or by Gestión): the totals and the export use the same.</summary>
    public async Task<IQueryable<Documento>> FiltrarAsync(ListarDocumentos request, DateOnly hoy, CancellationToken cancellationToken)
    {
        var q = Filtrar(db.Documentos.AsNoTracking(), ProyeccionDocumento.Protestados(db), request, hoy);
        if (request.Elegidos is { } elegidos)
        {
            var ids = elegidos.ToArray();
            q = q.Where(d => ids.Contains(d.Id));
        }
        if (request.Tramo is not null)
        {
            var ids = await DocumentosDelTramoAsync(await TramoAsync(request.Tramo, cancellationToken), request.FechaCorte ?? hoy, request.ClienteId,
                request.IncluirCedidosDelegados ?? false, cancellationToken);
            q = q.Where(d => ids.Contains(d.Id));
        }
        if (request.CobradorId is { } cobrador)
        {
            // The assignment is Gestión's: it answers the collector's clients.
            var suyos = (await mediator.Send(new ClientesDeCobrador(cobrador), cancellationToken)).ToArray();
            q = q.Where(d => suyos.Contains(d.ClienteId));
        }

        if (request.Etapa is not null)
        {
            // The stage is Gestión's: it answers which clients are in it (the clients of one stage are few enough for an IN list).
            var enEtapa = (await mediator.Send(new ClientesEnEtapa(request.Etapa), cancellationToken)).ToArray();
            q = q.Where(d => enEtapa.Contains(d.ClienteId));
        }

        return q;
    }

    private async Task<Antiguedad.Tramo> TramoAsync(string codigo, CancellationToken ct)
    {
        var tramos = (await Configuracion.AjustesCartera.CargarAsync(db, ct)).Tramos;
        return tramos.SingleOrDefault(t => t.Codigo == codigo)
            ?? throw new ReglaNegocioException("tramo", "tramo_inexistente", $"Tramo debe ser uno de: {string.Join(", ", tramos.Select(t => t.Codigo))}.");
    }

    private static readonly string SqlTramo = SqlCartera.Leer("Documentos/TramoAlCorte.sql");

    /// <summary>
    /// The aging's drill-down as of the cut-off (<c>TramoAlCorte.sql</c>): documents with an installment whose balance
    /// at that date fell in the bucket by days past due, so a document paid by then is not listed and one paid since is.
    /// </summary>
    private async Task<Guid[]> DocumentosDelTramoAsync(Antiguedad.Tramo tramo, DateOnly corte, Guid? cliente, bool delegados, CancellationToken ct)
    {
        var desde = tramo.Hasta is { } h ? corte.AddDays(-h) : DateOnly.MinValue;
        var hasta = tramo.Desde is { } d ? corte.AddDays(-d) : DateOnly.MaxValue;
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        await using var comando = new NpgsqlCommand(SqlTramo, conexion);
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = contexto.EmpresaId });
        comando.Parameters.Add(new NpgsqlParameter("corte", NpgsqlDbType.Date) { Value = corte });
        comando.Parameters.Add(new NpgsqlParameter("cliente", NpgsqlDbType.Uuid) { Value = (object?)cliente ?? DBNull.Value });
        comando.Parameters.Add(new NpgsqlParameter("desde", NpgsqlDbType.Date) { Value = desde });
        comando.Parameters.Add(new NpgsqlParameter("hasta", NpgsqlDbType.Date) { Value = hasta });
        comando.Parameters.Add(new NpgsqlParameter("delegados", NpgsqlDbType.Boolean) { Value = delegados });
        var ids = new List<Guid>();
        await using var lector = await comando.ExecuteReaderAsync(ct);
        while (await lector.ReadAsync(ct))
            ids.Add(lector.GetGuid(0));
        return [.. ids];
    }

    /// <summary>The state filter repeats <see cref="Estados.De"/> in SQL.</summary>
    private static IQueryable<Documento> Filtrar(IQueryable<Documento> q, IQueryable<Guid> protestados, ListarDocumentos f, DateOnly hoy)
    {
        if (f.Tipo is not null)
            q = q.Where(d => d.Tipo == f.Tipo);
        if (f.ClienteId is { } cliente)
            q = q.Where(d => d.ClienteId == cliente);
        if (f.VencimientoDesde is { } desde)
            q = q.Where(d => d.FechaVencimiento >= desde);
        if (f.VencimientoHasta is { } hasta)
            q = q.Where(d => d.FechaVencimiento <= hasta);
        if (f.Origen is not null)
            q = q.Where(d => d.Origen == f.Origen);
        if (f.ConSaldo is { } conSaldo)
            q = conSaldo ? q.Where(d => d.Saldo > 0 && d.FechaAnulacion == null) : q.Where(d => d.Saldo == 0 || d.FechaAnulacion != null);
        if (f.EnCobranzaBancaria is { } enBanco)
            q = q.Where(d => (d.FechaEnvioCobranza != null && d.FechaRetiroCobranza == null && d.FechaProtesto == null && d.Saldo > 0) == enBanco);

        if (f.Estado is Estados.Anulado)
            return q.Where(d => d.FechaAnulacion != null);
        if (f.Estado is Estados.Cedido)
            return q.Where(ReglasCartera.Cedido).Where(d => d.FechaAnulacion == null);
        if (f.Estado is Estados.Castigado)
            return q.Where(ReglasCartera.Vigente).Where(d => d.FechaCastigo != null);
        if (f.Estado is not null)
            q = q.Where(ReglasCartera.NoCedido).Where(d => d.FechaCastigo == null);
        if (f.Estado is Estados.Protestado)
            return q.Where(d => d.FechaAnulacion == null && d.Saldo > 0 && protestados.Contains(d.Id));
        if (f.Estado is Estados.Vencido or Estados.Parcial or Estados.PorVencer)
            q = q.Where(d => !protestados.Contains(d.Id));

        return f.Estado switch
        {
            Estados.Pagado => q.Where(d => d.FechaAnulacion == null && d.Saldo == 0),
            Estados.Vencido => q.Where(ReglasCartera.Debito).Where(d => d.FechaAnulacion == null && d.Saldo > 0 && d.Cuotas.Any(c => c.Saldo > 0 && c.FechaVencimiento < hoy)),
            Estados.Parcial => q.Where(d => d.FechaAnulacion == null && d.Saldo > 0 && d.Saldo < d.Total && !(d.Tipo != TiposDocumento.NotaCredito && d.Tipo != TiposDocumento.NotaCreditoExportacion && d.Cuotas.Any(c => c.Saldo > 0 && c.FechaVencimiento < hoy))),
            Estados.PorVencer => q.Where(d => d.FechaAnulacion == null && d.Saldo == d.Total && !(d.Tipo != TiposDocumento.NotaCredito && d.Tipo != TiposDocumento.NotaCreditoExportacion && d.Cuotas.Any(c => c.Saldo > 0 && c.FechaVencimiento < hoy))),
            _ => q,
        };
    }

    private static IQueryable<Documento> Ordenar(IQueryable<Documento> q, string? orden) => orden switch
    {
        "-fechaVencimiento" => q.OrderByDescending(d => d.FechaVencimiento).ThenBy(d => d.Id),
        "fechaEmision" => q.OrderBy(d => d.FechaEmision).ThenBy(d => d.Id),
        "-fechaEmision" => q.OrderByDescending(d => d.FechaEmision).ThenBy(d => d.Id),
        "folio" => q.OrderBy(d => d.Folio).ThenBy(d => d.Id),
        "-folio" => q.OrderByDescending(d => d.Folio).ThenBy(d => d.Id),
        "total" => q.OrderBy(d => d.Total).ThenBy(d => d.Id),
        "-total" => q.OrderByDescending(d => d.Total).ThenBy(d => d.Id),
        "saldo" => q.OrderBy(d => d.Saldo).ThenBy(d => d.Id),
        "-saldo" => q.OrderByDescending(d => d.Saldo).ThenBy(d => d.Id),
        _ => q.OrderBy(d => d.FechaVencimiento).ThenBy(d => d.Id),
    };
}

public sealed record ObtenerDocumento(Guid Id) : IRequest<DocumentoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/documentos/{id:guid}", async Task<Ok<DocumentoDto>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerDocumento(id), ct)))
        .WithName("ObtenerDocumento").ProducesProblem(404);
}

public sealed class ObtenerDocumentoHandler(CarteraDbContext db, IMediator mediator, TimeProvider reloj) : IRequestHandler<ObtenerDocumento, DocumentoDto>
{
    public async ValueTask<DocumentoDto> Handle(ObtenerDocumento request, CancellationToken cancellationToken) =>
        await ProyeccionDocumento.CargarAsync(db, mediator, reloj, request.Id, cancellationToken);
}
