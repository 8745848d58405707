using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Clientes;

/// <param name="Saldo">Today's open debt in CLP (UF and USD at today's value), from Cartera.</param>
/// <param name="Vencido">The overdue part of <paramref name="Saldo"/>.</param>
public sealed record ClienteResumenDto(
    Guid Id, string Rut, string RazonSocial, string? NombreFantasia, string Segmento, string EstadoCredito, bool CuentaClave,
    string? EjecutivoId, string? Comuna, string? Region, decimal Saldo, decimal Vencido);

public sealed record ListarClientes(
    string? Buscar, string? Segmento, Guid? GrupoId, string? Estado, string? EjecutivoId, bool? CuentaClave, string? Orden, int? Pagina, int? TamanoPagina,
    bool? MisClientes = null)
    : IRequest<Pagina<ClienteResumenDto>>
{
    /// <summary>Only these clients (the rows a person chose to export); not a query parameter of the list.</summary>
    public IReadOnlyCollection<Guid>? Elegidos { get; init; }

    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/clientes", async Task<Ok<Pagina<ClienteResumenDto>>> ([AsParameters] ListarClientes q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarClientes").ProducesValidationProblem();
}

public sealed class ListarClientesValidator : AbstractValidator<ListarClientes>
{
    public static readonly string[] Ordenes = ["razonSocial", "-razonSocial", "rut", "-rut", "creado", "-creado", "saldo", "-saldo", "vencido", "-vencido"];

    public ListarClientesValidator()
    {
        RuleFor(x => x.Buscar).MaximumLength(200);
        RuleFor(x => x.Segmento).MaximumLength(LargosCliente.Segmento);
        RuleFor(x => x.EjecutivoId).MaximumLength(100);
        RuleFor(x => x.Estado).Must(e => e is null || EstadosCredito.Todos.Contains(e)).WithMessage($"Estado debe ser uno de: {string.Join(", ", EstadosCredito.Todos)}.");
        RuleFor(x => x.Orden).Must(o => o is null || Ordenes.Contains(o)).WithMessage($"Orden debe ser uno de: {string.Join(", ", Ordenes)}.");
        RuleFor(x => x.Pagina).GreaterThan(0);
        RuleFor(x => x.TamanoPagina).InclusiveBetween(1, Paginacion.TamanoMaximo);
    }
}

public sealed class ListarClientesHandler(ClientesDbContext db, IMediator mediator) : IRequestHandler<ListarClientes, Pagina<ClienteResumenDto>>
{
    public async ValueTask<Pagina<ClienteResumenDto>> Handle(ListarClientes request, CancellationToken cancellationToken)
    {
        var q = await ConsultaClientes.FiltrarAsync(db, mediator, request, cancellationToken);
        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(request.Pagina, request.TamanoPagina);
        if (ConsultaClientes.OrdenPorDeuda(request.Orden) is var (porVencido, descendente) && porVencido is not null)
            return await PorDeudaAsync(q, porVencido.Value, descendente, saltar, tomar, pagina, tamano, cancellationToken);

        var total = await q.CountAsync(cancellationToken);
        var items = await ConsultaClientes.Ordenar(q, request.Orden).Skip(saltar).Take(tomar).Select(ConsultaClientes.Resumen).ToListAsync(cancellationToken);
        if (items.Count == 0)
            return new Pagina<ClienteResumenDto>(items, total, pagina, tamano);
        var deudas = (await mediator.Send(new Cartera.Contracts.ObtenerDeudaClientes(items.Select(c => c.Id).ToList()), cancellationToken))
            .ToDictionary(d => d.ClienteId);
        return new Pagina<ClienteResumenDto>(
            items.Select(c => deudas.TryGetValue(c.Id, out var d) ? c with { Saldo = d.Saldo, Vencido = d.Vencido } : c).ToList(), total, pagina, tamano);
    }

    /// <summary>
    /// Ordering by debt: the filtered clients' ids in razón social order (an index-only scan, and the total for free) go to
    /// Cartera, which orders them by its debt and returns one page; ties (every client owing nothing) keep razón social order.
    /// </summary>
    private async Task<Pagina<ClienteResumenDto>> PorDeudaAsync(
        IQueryable<Cliente> q, bool porVencido, bool descendente, int saltar, int tomar, int pagina, int tamano, CancellationToken ct)
    {
        var ids = await ConsultaClientes.Ordenar(q, null).Select(c => c.Id).ToArrayAsync(ct);
        var orden = await mediator.Send(new Cartera.Contracts.PaginarClientesPorDeuda(ids, porVencido, descendente, saltar, tomar), ct);
        var elegidos = orden.Select(o => o.ClienteId).ToList();
        var filas = await db.Clientes.AsNoTracking().Where(c => elegidos.Contains(c.Id)).Select(ConsultaClientes.Resumen).ToDictionaryAsync(c => c.Id, ct);
        var items = orden.Where(o => filas.ContainsKey(o.ClienteId))
            .Select(o => filas[o.ClienteId] with { Saldo = o.Saldo, Vencido = o.Vencido }).ToList();
        return new Pagina<ClienteResumenDto>(items, ids.Length, pagina, tamano);
    }
}

public static class ConsultaClientes
{
    public static readonly System.Linq.Expressions.Expression<Func<Cliente, ClienteResumenDto>> Resumen = c =>
        new ClienteResumenDto(c.Id, c.Rut, c.RazonSocial, c.NombreFantasia, c.Segmento, c.EstadoCredito, c.CuentaClave, c.EjecutivoId, c.Comuna, c.Region, 0m, 0m);

    /// <summary>(porVencido, descendente) when <paramref name="orden"/> orders by debt; porVencido null otherwise.</summary>
    public static (bool? PorVencido, bool Descendente) OrdenPorDeuda(string? orden) => orden switch
    {
        "saldo" => (false, false),
        "-saldo" => (false, true),
        "vencido" => (true, false),
        "-vencido" => (true, true),
        _ => (null, false),
    };

    /// <summary><see cref="Filtrar"/> plus "Mis clientes": the clients Gestión assigns to the collector the user works as.</summary>
    public static async Task<IQueryable<Cliente>> FiltrarAsync(ClientesDbContext db, IMediator mediator, ListarClientes f, CancellationToken ct)
    {
        var q = Filtrar(db, f);
        if (f.MisClientes == true)
        {
            var mios = (await mediator.Send(new Gestion.Contracts.ClientesDeCobrador(null), ct)).ToArray();
            q = q.Where(c => mios.Contains(c.Id));
        }

        return q;
    }

    public static IQueryable<Cliente> Filtrar(ClientesDbContext db, ListarClientes f)
    {
        var q = db.Clientes.AsNoTracking();
        if (f.Elegidos is { } elegidos)
        {
            var ids = elegidos.ToArray();
            q = q.Where(c => ids.Contains(c.Id));
        }
        if (!string.IsNullOrWhiteSpace(f.Buscar))
            q = Buscar(q, f.Buscar.Trim());
        if (!string.IsNullOrWhiteSpace(f.Segmento))
            q = q.Where(c => c.Segmento == f.Segmento);
        if (f.Estado is not null)
            q = q.Where(c => c.EstadoCredito == f.Estado);
        if (!string.IsNullOrWhiteSpace(f.EjecutivoId))
            q = q.Where(c => c.EjecutivoId == f.EjecutivoId);
        if (f.CuentaClave is { } clave)
            q = q.Where(c => c.CuentaClave == clave);
        if (f.GrupoId is { } grupo)
            q = q.Where(c => db.MiembrosGruposClientes.Any(m => m.GrupoId == grupo && m.ClienteId == c.Id));
        return q;
    }

    /// <summary>
    /// Every word must match (several words narrow the search: "lovato eirl"). A word matches a name (razón social or
    /// fantasía) without regard to accents or case (<c>clientes.sin_acentos</c> and its trigram indexes), or, when it looks
    /// like a RUT or a piece of one ("367342", "342-9", "12.367.342-9"), anywhere inside the canonical RUT.
    /// </summary>
    private static IQueryable<Cliente> Buscar(IQueryable<Cliente> q, string texto)
    {
        foreach (var palabra in texto.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct().Take(8))
            q = BuscarPalabra(q, palabra);
        return q;
    }

    private static IQueryable<Cliente> BuscarPalabra(IQueryable<Cliente> q, string palabra)
    {
        var patron = PatronBusqueda.Contiene(palabra);
        var fragmento = palabra.Replace(".", "").ToUpperInvariant();
        var pareceRut = fragmento.Count(char.IsAsciiDigit) >= 3 && fragmento.All(ch => char.IsAsciiDigit(ch) || ch is '-' or 'K');
        if (!pareceRut)
            return q.Where(c => EF.Functions.ILike(ClientesDbContext.SinAcentos(c.RazonSocial), ClientesDbContext.SinAcentos(patron), PatronBusqueda.Escape)
                || EF.Functions.ILike(ClientesDbContext.SinAcentos(c.NombreFantasia), ClientesDbContext.SinAcentos(patron), PatronBusqueda.Escape));

        // A whole RUT typed without its hyphen (125319092) is matched by its canonical form.
        var canonico = SharedKernel.Rut.Rut.TryParse(palabra, out var rut) ? rut.Value.Canonico : null;
        var patronRut = PatronBusqueda.Contiene(fragmento);
        return q.Where(c => c.Rut == canonico || EF.Functions.Like(c.Rut, patronRut, PatronBusqueda.Escape)
            || EF.Functions.ILike(ClientesDbContext.SinAcentos(c.RazonSocial), ClientesDbContext.SinAcentos(patron), PatronBusqueda.Escape));
    }

    public static IQueryable<Cliente> Ordenar(IQueryable<Cliente> q, string? orden) => orden switch
    {
        "-razonSocial" => q.OrderByDescending(c => c.RazonSocial).ThenBy(c => c.Id),
        "rut" => q.OrderBy(c => c.Rut.Length).ThenBy(c => c.Rut),
        "-rut" => q.OrderByDescending(c => c.Rut.Length).ThenByDescending(c => c.Rut),
        "creado" => q.OrderBy(c => c.Creado).ThenBy(c => c.Id),
        "-creado" => q.OrderByDescending(c => c.Creado).ThenBy(c => c.Id),
        _ => q.OrderBy(c => c.RazonSocial).ThenBy(c => c.Id),
    };
}

/// <summary>The filtered list as an XLSX or CSV file (<see cref="Exportacion"/>).</summary>
public sealed record ExportarClientes(ListarClientes Filtros, string Formato) : IRequest<ArchivoExportado>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/clientes/exportar", async Task<FileContentHttpResult> ([AsParameters] ListarClientes q, string? formato, IMediator m, CancellationToken ct) =>
        {
            var archivo = await m.Send(new ExportarClientes(q, formato ?? "csv"), ct);
            return TypedResults.File(archivo.Contenido, archivo.TipoContenido, archivo.NombreArchivo);
        })
        .WithName("ExportarClientes").Produces(200, typeof(Stream), "text/csv", Exportacion.TipoXlsx).ProducesValidationProblem().ConLimite(LimitesUso.Informes);
}

public sealed class ExportarClientesValidator : AbstractValidator<ExportarClientes>
{
    public ExportarClientesValidator()
    {
        RuleFor(x => x.Formato).Must(f => Exportacion.Formatos.Contains(f)).WithMessage("Formato debe ser xlsx o csv.");
        RuleFor(x => x.Filtros).SetValidator(new ListarClientesValidator());
    }
}

public sealed class ExportarClientesHandler(ClientesDbContext db, IMediator mediator, TimeProvider reloj) : IRequestHandler<ExportarClientes, ArchivoExportado>
{
    /// <summary>Spanish headers the import also reads (it ignores accents, case and spaces), so a file edited in Excel imports back.</summary>
    public static readonly string[] Columnas =
        ["RUT", "Razón social", "Nombre fantasía", "Giro", "Dirección", "Comuna", "Región", "Segmento", "Cuenta clave", "Estado crédito"];

    public async ValueTask<ArchivoExportado> Handle(ExportarClientes request, CancellationToken cancellationToken)
    {
        var filas = await ConsultaClientes.Ordenar(await ConsultaClientes.FiltrarAsync(db, mediator, request.Filtros, cancellationToken), request.Filtros.Orden)
            .Select(c => new { c.Rut, c.RazonSocial, c.NombreFantasia, c.Giro, c.Direccion, c.Comuna, c.Region, c.Segmento, c.CuentaClave, c.EstadoCredito })
            .ToListAsync(cancellationToken);
        var tabla = filas.Select(c => (IReadOnlyList<object?>)
        [
            SharedKernel.Rut.Rut.TryParse(c.Rut, out var rut) ? rut.Value.Formateado : c.Rut, c.RazonSocial, c.NombreFantasia, c.Giro, c.Direccion,
            c.Comuna, c.Region, c.Segmento, c.CuentaClave ? "Sí" : "No", EstadosCredito.Nombre(c.EstadoCredito),
        ]);
        return Exportacion.Generar(request.Formato, $"clientes-{reloj.GetUtcNow():yyyyMMdd-HHmm}", "Clientes", Columnas, tabla);
    }
}

/// <summary>
/// The clients a person chose in the list, as the same file as the filtered export (<see cref="ExportarClientes"/>): a POST
/// because a selection of hundreds of ids does not fit in a URL.
/// </summary>
public sealed record ExportarClientesElegidos(Guid[] ClienteIds, string? Formato) : IRequest<ArchivoExportado>
{
    /// <summary>A selection made by hand, row by row.</summary>
    public const int Maximo = 5_000;

    public static void Map(RutasModulo rutas) => rutas.Leer.MapPost("/clientes/exportar-elegidos", async Task<FileContentHttpResult> (ExportarClientesElegidos cuerpo, IMediator m, CancellationToken ct) =>
        {
            var archivo = await m.Send(cuerpo, ct);
            return TypedResults.File(archivo.Contenido, archivo.TipoContenido, archivo.NombreArchivo);
        })
        .WithName("ExportarClientesElegidos").Produces(200, typeof(Stream), "text/csv", Exportacion.TipoXlsx).ProducesValidationProblem().ProducesProblem(422)
        .ConLimite(LimitesUso.Informes);
}

public sealed class ExportarClientesElegidosValidator : AbstractValidator<ExportarClientesElegidos>
{
    public ExportarClientesElegidosValidator()
    {
        RuleFor(x => x.ClienteIds).NotEmpty().WithMessage("Elija al menos un cliente.")
            .Must(ids => ids is null || ids.Length <= ExportarClientesElegidos.Maximo)
            .WithMessage($"Se pueden exportar a lo más {ExportarClientesElegidos.Maximo:N0} clientes elegidos; use los filtros para más.");
        RuleFor(x => x.Formato).Must(f => f is null || Exportacion.Formatos.Contains(f)).WithMessage("Formato debe ser xlsx o csv.");
    }
}

public sealed class ExportarClientesElegidosHandler(ClientesDbContext db, IMediator mediator) : IRequestHandler<ExportarClientesElegidos, ArchivoExportado>
{
    public async ValueTask<ArchivoExportado> Handle(ExportarClientesElegidos request, CancellationToken cancellationToken)
    {
        var ids = request.ClienteIds.Distinct().ToArray();
        var existentes = await db.Clientes.AsNoTracking().CountAsync(c => ids.Contains(c.Id), cancellationToken);
        if (existentes != ids.Length)
            throw new ReglaNegocioException("clienteIds", "cliente_inexistente",
                ids.Length - existentes == 1 ? "Uno de los clientes elegidos ya no existe." : $"{ids.Length - existentes} de los clientes elegidos ya no existen.");

        var filtros = new ListarClientes(null, null, null, null, null, null, null, null, null) { Elegidos = ids };
        return await mediator.Send(new ExportarClientes(filtros, request.Formato ?? "xlsx"), cancellationToken);
    }
}
