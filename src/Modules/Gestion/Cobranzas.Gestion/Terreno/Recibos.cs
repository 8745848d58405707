using System.Globalization;
using System.Net;
using System.Text;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Pdf;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Terreno;

public sealed record LineaReciboDto(string Tipo, long Folio, decimal Monto);

public sealed record ReciboDto(
    Guid Id, long Numero, Guid ClienteId, string Rut, string RazonSocial, Guid? CobradorId, string? Cobrador, Guid PagoId, DateOnly Fecha, decimal Monto, string Moneda,
    string Medio, string? Banco, string? NumeroCheque, DateOnly? FechaCheque, decimal Aplicado, IReadOnlyList<LineaReciboDto> Documentos, string? Notas,
    string RegistradoPor, DateTimeOffset Creado);

public sealed record DatosPagoTerreno(
    Guid ClienteId,
    [property: System.ComponentModel.Description("Clave única de la operación generada en el teléfono (p. ej. un UUID): un reintento con la misma clave devuelve el mismo recibo y no registra otro pago.")] string ClaveIdempotencia,
    decimal Monto, string Medio, string? Banco, string? NumeroCheque, DateOnly? FechaCheque, string? Notas);

/// <summary>
/// Money taken in the field (cash or cheque): registered in Cartera as a payment of the client and applied like any other,
/// with a receipt numbered per company. Idempotent by <c>claveIdempotencia</c> for good (an offline queue may retry days
/// later): the same key returns the same receipt (200) and no second payment.
/// </summary>
public sealed record RegistrarPagoTerrenoRecibo(DatosPagoTerreno Cuerpo) : IRequest<(ReciboDto Recibo, bool Nuevo)>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/terreno/recibos", async Task<Results<Created<ReciboDto>, Ok<ReciboDto>>> (DatosPagoTerreno body, IMediator m, CancellationToken ct) =>
        {
            var (r, nuevo) = await m.Send(new RegistrarPagoTerrenoRecibo(body), ct);
            return nuevo ? TypedResults.Created($"/api/v1/terreno/recibos/{r.Id}", r) : TypedResults.Ok(r);
        })
        .WithName("RegistrarPagoTerreno").WithTags("Terreno").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class RegistrarPagoTerrenoReciboValidator : AbstractValidator<RegistrarPagoTerrenoRecibo>
{
    public RegistrarPagoTerrenoReciboValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.ClienteId).NotEmpty();
        c.RuleFor(x => x.ClaveIdempotencia).NotEmpty().MaximumLength(LargosTerreno.Clave)
            .Must(k => k is null || k.All(ch => ch is >= ' ' and <= '~')).WithErrorCode("formato").WithMessage("La clave de idempotencia solo lleva caracteres ASCII imprimibles.");
        c.RuleFor(x => x.Monto).GreaterThan(0).LessThanOrEqualTo(999_999_999_999m).Must(m => m == decimal.Truncate(m)).WithErrorCode("escala_moneda")
            .WithMessage("El monto en CLP no lleva decimales.");
        c.RuleFor(x => x.Medio).NotEmpty().Must(v => MediosPagoTerreno.Todos.Contains(v)).WithErrorCode("valor_invalido")
            .WithMessage($"El medio debe ser uno de: {string.Join(", ", MediosPagoTerreno.Todos)}.");
        c.RuleFor(x => x.Banco).MaximumLength(LargosTerreno.Banco);
        c.RuleFor(x => x.NumeroCheque).MaximumLength(LargosTerreno.NumeroCheque);
        c.RuleFor(x => x.Banco).NotEmpty().When(x => x.Medio == MediosPagoTerreno.Cheque).WithMessage("Indique el banco del cheque.");
        c.RuleFor(x => x.NumeroCheque).NotEmpty().When(x => x.Medio == MediosPagoTerreno.Cheque).WithMessage("Indique el número del cheque.");
        c.RuleFor(x => x.Banco).Empty().When(x => x.Medio == MediosPagoTerreno.Efectivo).WithErrorCode("solo_cheque").WithMessage("Solo un cheque lleva banco.");
        c.RuleFor(x => x.NumeroCheque).Empty().When(x => x.Medio == MediosPagoTerreno.Efectivo).WithErrorCode("solo_cheque").WithMessage("Solo un cheque lleva número.");
        c.RuleFor(x => x.FechaCheque).Null().When(x => x.Medio == MediosPagoTerreno.Efectivo).WithErrorCode("solo_cheque").WithMessage("Solo un cheque lleva fecha.");
        c.RuleFor(x => x.Notas).MaximumLength(LargosGestion.Notas);
    });
}

public sealed class RegistrarPagoTerrenoReciboHandler(
    GestionDbContext db, AlcanceGestion alcance, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<RegistrarPagoTerrenoRecibo, (ReciboDto Recibo, bool Nuevo)>
{
    public async ValueTask<(ReciboDto Recibo, bool Nuevo)> Handle(RegistrarPagoTerrenoRecibo request, CancellationToken cancellationToken)
    {
        var d = request.Cuerpo;
        var clave = d.ClaveIdempotencia.Trim();
        if (await ProyeccionRecibo.PorClaveAsync(db, mediator, clave, cancellationToken) is { } previo)
        {
            if (previo.ClienteId != d.ClienteId || previo.Monto != d.Monto || previo.Medio != d.Medio)
                throw new ReglaNegocioException("claveIdempotencia", "clave_reutilizada", "La clave ya se usó para otro pago (otro cliente, monto o medio); use una clave nueva.");
            return (previo, false);
        }

        var cliente = (await mediator.Send(new BuscarClientes([d.ClienteId], []), cancellationToken)).SingleOrDefault() ?? throw new NoEncontradoException("Cliente", d.ClienteId);
        var propio = await alcance.CobradorPropioAsync(cancellationToken);
        var restringido = await alcance.CobradorRestringidoAsync(cancellationToken);
        var hoy = FechaNegocio.Hoy(reloj);
        // A collector may take money from its assigned clients and from those on its own routes.
        if (restringido is { } r && !await alcance.PuedeVerAsync(d.ClienteId, cancellationToken)
            && !await db.Set<ParadaRuta>().AnyAsync(p => p.ClienteId == d.ClienteId && db.Set<RutaTerreno>().Any(x => x.Id == p.RutaId && x.CobradorId == r), cancellationToken))
            throw new NoEncontradoException("Cliente", d.ClienteId);

        var cobradorId = propio ?? await db.Asignaciones.Where(a => a.ClienteId == d.ClienteId).Select(a => (Guid?)a.CobradorId).SingleOrDefaultAsync(cancellationToken);
        var parada = cobradorId is { } c
            ? await db.Set<ParadaRuta>().Where(p => p.ClienteId == d.ClienteId && db.Set<RutaTerreno>().Any(x => x.Id == p.RutaId && x.CobradorId == c && x.Fecha == hoy))
                .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        var referencia = d.Medio == MediosPagoTerreno.Cheque ? $"Terreno cheque {d.Banco!.Trim()} N° {d.NumeroCheque!.Trim()} ({clave})" : $"Terreno efectivo ({clave})";
        var pago = await mediator.Send(new RegistrarPagoTerreno(d.ClienteId, clave, hoy, d.Monto, "CLP", d.Medio, d.Medio == MediosPagoTerreno.Cheque ? d.FechaCheque ?? hoy : null, referencia), cancellationToken);

        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The company's counter row is locked until commit: concurrent receipts wait here and each gets the next number.
            var empresa = contexto.EmpresaId;
            var numero = (await db.Database.SqlQuery<long>(
                    $"INSERT INTO gestion.correlativos_recibo (empresa_id, ultimo) VALUES ({empresa}, 1) ON CONFLICT (empresa_id) DO UPDATE SET ultimo = correlativos_recibo.ultimo + 1 RETURNING ultimo AS \"Value\"")
                .ToListAsync(cancellationToken))[0];
            // A concurrent retry with the same key that won the lock first has committed its receipt by now.
            if (await db.Set<ReciboTerreno>().AsNoTracking().AnyAsync(x => x.ClaveIdempotencia == clave, cancellationToken))
            {
                await tx.RollbackAsync(cancellationToken);
                return ((await ProyeccionRecibo.PorClaveAsync(db, mediator, clave, cancellationToken))!, false);
            }

            var recibo = new ReciboTerreno
            {
                Numero = numero, ClaveIdempotencia = clave, ClienteId = d.ClienteId, CobradorId = cobradorId, ParadaId = parada, PagoId = pago.PagoId, Fecha = hoy,
                Monto = d.Monto, Moneda = "CLP", Medio = d.Medio, Banco = Limpio(d.Banco), NumeroCheque = Limpio(d.NumeroCheque),
                FechaCheque = d.Medio == MediosPagoTerreno.Cheque ? d.FechaCheque ?? hoy : null, Aplicado = pago.Aplicado,
                Documentos = pago.Documentos.Select(x => new LineaRecibo { Tipo = x.Tipo, Folio = x.Folio, Monto = x.Monto }).ToList(),
                Notas = Limpio(d.Notas), RegistradoPor = contexto.Actor, Creado = reloj.GetUtcNow(),
            };
            db.Add(recibo);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await tx.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return ((await ProyeccionRecibo.PorClaveAsync(db, mediator, clave, cancellationToken))!, false);
            }

            return (await ProyeccionRecibo.CargarAsync(db, mediator, recibo.Id, cancellationToken), true);
        }
    }

    private static string? Limpio(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public static class ProyeccionRecibo
{
    public static async Task<ReciboDto?> PorClaveAsync(GestionDbContext db, IMediator mediator, string clave, CancellationToken ct)
    {
        var r = await db.Set<ReciboTerreno>().AsNoTracking().SingleOrDefaultAsync(x => x.ClaveIdempotencia == clave, ct);
        return r is null ? null : (await ProyectarAsync(db, mediator, [r], ct))[0];
    }

    public static async Task<ReciboDto> CargarAsync(GestionDbContext db, IMediator mediator, Guid id, CancellationToken ct)
    {
        var r = await db.Set<ReciboTerreno>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NoEncontradoException("Recibo", id);
        return (await ProyectarAsync(db, mediator, [r], ct))[0];
    }

    public static async Task<IReadOnlyList<ReciboDto>> ProyectarAsync(GestionDbContext db, IMediator mediator, IReadOnlyList<ReciboTerreno> recibos, CancellationToken ct)
    {
        if (recibos.Count == 0)
            return [];
        var clientes = (await mediator.Send(new BuscarClientes([.. recibos.Select(r => r.ClienteId).Distinct()], []), ct)).ToDictionary(c => c.Id);
        var cobradorIds = recibos.Where(r => r.CobradorId is not null).Select(r => r.CobradorId!.Value).Distinct().ToList();
        var cobradores = await db.Cobradores.AsNoTracking().Where(c => cobradorIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Nombre, ct);
        return recibos.Select(r =>
        {
            var c = clientes.GetValueOrDefault(r.ClienteId);
            return new ReciboDto(
                r.Id, r.Numero, r.ClienteId, c?.Rut ?? "", c?.RazonSocial ?? "", r.CobradorId, r.CobradorId is { } k ? cobradores.GetValueOrDefault(k) : null, r.PagoId, r.Fecha,
                r.Monto, r.Moneda, r.Medio, r.Banco, r.NumeroCheque, r.FechaCheque, r.Aplicado, r.Documentos.Select(l => new LineaReciboDto(l.Tipo, l.Folio, l.Monto)).ToList(),
                r.Notas, r.RegistradoPor, r.Creado);
        }).ToList();
    }
}

public sealed record ObtenerRecibo(Guid Id) : IRequest<ReciboDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/terreno/recibos/{id:guid}", async Task<Ok<ReciboDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerRecibo(id), ct)))
        .WithName("ObtenerReciboTerreno").WithTags("Terreno").ProducesProblem(404);
}

public sealed class ObtenerReciboHandler(GestionDbContext db, AlcanceGestion alcance, IMediator mediator) : IRequestHandler<ObtenerRecibo, ReciboDto>
{
    public async ValueTask<ReciboDto> Handle(ObtenerRecibo request, CancellationToken cancellationToken)
    {
        var r = await ProyeccionRecibo.CargarAsync(db, mediator, request.Id, cancellationToken);
        if (await alcance.CobradorRestringidoAsync(cancellationToken) is { } propio && r.CobradorId != propio)
            throw new NoEncontradoException("Recibo", request.Id);
        return r;
    }
}

/// <summary>Field receipts of a period (today by default), newest first; a collector sees its own.</summary>
public sealed record ListarRecibos(DateOnly? Desde, DateOnly? Hasta, Guid? CobradorId, Guid? ClienteId) : IRequest<IReadOnlyList<ReciboDto>>
{
    public const int Maximo = 1000;

    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/terreno/recibos", async Task<Ok<IReadOnlyList<ReciboDto>>> ([AsParameters] ListarRecibos q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarRecibosTerreno").WithTags("Terreno").ProducesValidationProblem();
}

public sealed class ListarRecibosValidator : AbstractValidator<ListarRecibos>
{
    public ListarRecibosValidator() => RuleFor(x => x.Hasta).GreaterThanOrEqualTo(x => x.Desde).When(x => x.Desde is not null && x.Hasta is not null)
        .WithMessage("«hasta» no puede ser anterior a «desde».");
}

public sealed class ListarRecibosHandler(GestionDbContext db, AlcanceGestion alcance, IMediator mediator, TimeProvider reloj) : IRequestHandler<ListarRecibos, IReadOnlyList<ReciboDto>>
{
    public async ValueTask<IReadOnlyList<ReciboDto>> Handle(ListarRecibos request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var desde = request.Desde ?? request.Hasta ?? hoy;
        var hasta = request.Hasta ?? (request.Desde is null ? hoy : DateOnly.MaxValue);
        var q = db.Set<ReciboTerreno>().AsNoTracking().Where(r => r.Fecha >= desde && r.Fecha <= hasta);
        if (await alcance.CobradorRestringidoAsync(cancellationToken) is { } propio)
            q = q.Where(r => r.CobradorId == propio);
        if (request.CobradorId is { } cobrador)
            q = q.Where(r => r.CobradorId == cobrador);
        if (request.ClienteId is { } cliente)
            q = q.Where(r => r.ClienteId == cliente);
        var filas = await q.OrderByDescending(r => r.Numero).Take(ListarRecibos.Maximo).ToListAsync(cancellationToken);
        return await ProyeccionRecibo.ProyectarAsync(db, mediator, filas, cancellationToken);
    }
}

/// <summary>The receipt as a PDF (HTML printed by the same headless Chromium as the account statement), to hand over or share.</summary>
public sealed record ReciboPdf(Guid Id) : IRequest<byte[]>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/terreno/recibos/{id:guid}/pdf", async Task<FileContentHttpResult> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.File(await m.Send(new ReciboPdf(id), ct), "application/pdf", $"recibo-{id}.pdf"))
        .WithName("ReciboTerrenoPdf").WithTags("Terreno").Produces(200, typeof(Stream), "application/pdf").ProducesProblem(404);
}

public sealed class ReciboPdfHandler(IMediator mediator, IContextoSolicitud contexto, ImpresoraPdf impresora) : IRequestHandler<ReciboPdf, byte[]>
{
    public async ValueTask<byte[]> Handle(ReciboPdf request, CancellationToken cancellationToken)
    {
        var r = await mediator.Send(new ObtenerRecibo(request.Id), cancellationToken);
        var empresa = await mediator.Send(new ObtenerDatosEmpresa(contexto.EmpresaId), cancellationToken);
        return await impresora.ImprimirAsync(Html(r, empresa), cancellationToken);
    }

    public static string Html(ReciboDto r, DatosEmpresa? empresa)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var cl = CultureInfo.GetCultureInfo("es-CL");
        string Pesos(decimal m) => "$" + m.ToString("#,0", cl);
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>Recibo N° ").Append(r.Numero).Append("</title><style>")
            .Append("body{font-family:'Liberation Sans',Arial,sans-serif;font-size:12px;margin:24px;color:#222}h1{font-size:18px;margin:0 0 4px}")
            .Append("table{border-collapse:collapse;width:100%;margin-top:12px}td,th{border:1px solid #bbb;padding:4px 6px;text-align:left}.m{text-align:right}")
            .Append(".caja{border:2px solid #222;padding:8px;margin-top:12px;font-size:16px}</style></head><body>");
        sb.Append("<h1>").Append(E(empresa?.RazonSocial)).Append("</h1><div>RUT ").Append(E(empresa?.Rut)).Append("</div>");
        sb.Append("<h2>Recibo de cobranza en terreno N° ").Append(r.Numero).Append("</h2>");
        sb.Append("<div>Fecha: ").Append(r.Fecha.ToString("dd-MM-yyyy", cl)).Append("</div>");
        sb.Append("<div>Cliente: ").Append(E(r.RazonSocial)).Append(" (RUT ").Append(E(r.Rut)).Append(")</div>");
        sb.Append("<div>Cobrador: ").Append(E(r.Cobrador ?? r.RegistradoPor)).Append("</div>");
        sb.Append("<div class=\"caja\">Recibimos ").Append(Pesos(r.Monto)).Append(" en ").Append(r.Medio == MediosPagoTerreno.Cheque ? "cheque" : "efectivo").Append("</div>");
        if (r.Medio == MediosPagoTerreno.Cheque)
        {
            sb.Append("<div>Cheque N° ").Append(E(r.NumeroCheque)).Append(", banco ").Append(E(r.Banco)).Append(", fecha ")
                .Append(r.FechaCheque?.ToString("dd-MM-yyyy", cl)).Append(" (sujeto a cobro)</div>");
        }

        if (r.Documentos.Count > 0)
        {
            sb.Append("<table><thead><tr><th>Documento</th><th>Folio</th><th class=\"m\">Abono</th></tr></thead><tbody>");
            foreach (var l in r.Documentos)
                sb.Append("<tr><td>").Append(E(l.Tipo)).Append("</td><td>").Append(l.Folio).Append("</td><td class=\"m\">").Append(Pesos(l.Monto)).Append("</td></tr>");
            sb.Append("</tbody></table>");
        }

        if (r.Monto - r.Aplicado > 0)
            sb.Append("<div>Saldo a favor del cliente: ").Append(Pesos(r.Monto - r.Aplicado)).Append("</div>");
        if (r.Notas is not null)
            sb.Append("<div>Notas: ").Append(E(r.Notas)).Append("</div>");
        sb.Append("<p style=\"margin-top:48px\">_____________________________<br>Firma del cobrador</p></body></html>");
        return sb.ToString();
    }
}
