using System.Security.Cryptography;
using System.Text;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Integraciones.Persistencia;
using Cobranzas.Integraciones.Proveedores;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cobranzas.Integraciones.EnlacesPago;

/// <param name="DocumentoIds">The documents to charge (one or several); or <paramref name="DeudaVencida"/> for the client's whole overdue debt.</param>
/// <param name="Proveedor">The provider's code; the company's default (or only active) provider when omitted.</param>
/// <param name="DiasVigencia">Days until the link expires (1 to 90, 7 by default).</param>
/// <param name="EmailPagador">The payer's e-mail for the provider; the client's first contact with e-mail when omitted.</param>
public sealed record DatosEnlacePago(Guid ClienteId, List<Guid>? DocumentoIds, bool? DeudaVencida, string? Proveedor, int? DiasVigencia, string? EmailPagador);

public sealed record DocumentoEnlaceDto(Guid DocumentoId, string Tipo, long Folio, decimal Monto);

public sealed record EnlacePagoDto(
    Guid Id, Guid ClienteId, string Proveedor, string Alcance, string Estado, decimal Monto, string Moneda, string? Url, DateTimeOffset Expira,
    DateTimeOffset Creado, string Actor, DateTimeOffset? Pagado, Guid? PagoId, string? IdPagoProveedor, decimal? MontoPagado, DateTimeOffset? Anulado,
    IReadOnlyList<DocumentoEnlaceDto> Documentos);

public static class ProyeccionEnlace
{
    public static EnlacePagoDto Dto(EnlacePago e) => new(
        e.Id, e.ClienteId, e.Proveedor, e.Alcance, e.Estado, e.Monto, e.Moneda, e.Url, e.Expira, e.Creado, e.Actor, e.Pagado, e.PagoId, e.IdPagoProveedor,
        e.MontoPagado, e.Anulado, e.Documentos.OrderBy(d => d.Folio).Select(d => new DocumentoEnlaceDto(d.DocumentoId, d.Tipo, d.Folio, d.Monto)).ToList());

    /// <summary>An active link past its expiry is expired, whether or not the provider told us.</summary>
    public static bool Vencer(EnlacePago e, DateTimeOffset ahora)
    {
        if (e.Estado != EstadosEnlace.Activo || e.Expira > ahora)
            return false;
        e.Estado = EstadosEnlace.Expirado;
        return true;
    }
}

public sealed record CrearEnlacePago(DatosEnlacePago Cuerpo) : IRequest<(EnlacePagoDto Enlace, bool Nuevo)>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/integraciones/enlaces-pago",
            async Task<Results<Created<EnlacePagoDto>, Ok<EnlacePagoDto>>> (DatosEnlacePago body, IMediator m, CancellationToken ct) =>
            {
                var (enlace, nuevo) = await m.Send(new CrearEnlacePago(body), ct);
                return nuevo ? TypedResults.Created($"/api/v1/integraciones/enlaces-pago/{enlace.Id}", enlace) : TypedResults.Ok(enlace);
            })
        .WithName("CrearEnlacePago").WithTags("EnlacesPago").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class CrearEnlacePagoValidator : AbstractValidator<CrearEnlacePago>
{
    public CrearEnlacePagoValidator()
    {
        RuleFor(x => x.Cuerpo).NotNull();
        When(x => x.Cuerpo is not null, () =>
        {
            RuleFor(x => x.Cuerpo.ClienteId).NotEmpty().OverridePropertyName("clienteId");
            RuleFor(x => x.Cuerpo).Must(c => (c.DocumentoIds is { Count: > 0 }) != (c.DeudaVencida == true)).OverridePropertyName("documentoIds")
                .WithErrorCode("alcance").WithMessage("Indique documentoIds (uno o varios) o deudaVencida = true, no ambos.");
            RuleFor(x => x.Cuerpo.DocumentoIds).Must(d => d is null || (d.Count <= 500 && d.All(i => i != Guid.Empty) && d.Distinct().Count() == d.Count))
                .OverridePropertyName("documentoIds").WithErrorCode("documentos_invalidos").WithMessage("documentoIds: a lo más 500 ids distintos y no vacíos.");
            RuleFor(x => x.Cuerpo.Proveedor).MaximumLength(40).OverridePropertyName("proveedor");
            RuleFor(x => x.Cuerpo.DiasVigencia).InclusiveBetween(1, 90).OverridePropertyName("diasVigencia");
            RuleFor(x => x.Cuerpo.EmailPagador).MaximumLength(320).EmailAddress().OverridePropertyName("emailPagador");
        });
    }
}

public sealed class CrearEnlacePagoHandler(
    IntegracionesDbContext db, ConexionesProveedor conexiones, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj, IConfiguration configuracion,
    ILogger<CrearEnlacePagoHandler> log) : IRequestHandler<CrearEnlacePago, (EnlacePagoDto Enlace, bool Nuevo)>
{
    public async ValueTask<(EnlacePagoDto Enlace, bool Nuevo)> Handle(CrearEnlacePago request, CancellationToken ct)
    {
        var datos = request.Cuerpo;
        var cliente = (await mediator.Send(new BuscarClientes([datos.ClienteId], []), ct)).SingleOrDefault() ?? throw new NoEncontradoException("Cliente", datos.ClienteId);
        var hoy = FechaNegocio.Hoy(reloj);
        var documentos = datos.DeudaVencida == true ? await VencidosAsync(cliente.Id, hoy, ct) : await DocumentosAsync(cliente.Id, datos.DocumentoIds!, ct);
        var monedas = documentos.Select(d => d.Moneda).Distinct().ToList();
        if (monedas.Count > 1)
            throw new ReglaNegocioException("documentoIds", "monedas_distintas", $"Los documentos están en monedas distintas ({string.Join(", ", monedas)}): cree un enlace por moneda.");

        var clave = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(",", documentos.Select(d => d.Id).Order()))));
        var ahora = reloj.GetUtcNow();
        if (await ActivoAsync(clave, ahora, ct) is { } existente)
            return (ProyeccionEnlace.Dto(existente), false);

        var (adaptador, proveedor) = await conexiones.ParaCobrarAsync(db, datos.Proveedor, ct);
        var email = datos.EmailPagador ?? (await mediator.Send(new ObtenerContactosCorreo([cliente.Id], [], [], [], []), ct))
            .Where(c => !c.OptOut && !c.EmailInvalido).Select(c => c.Email).FirstOrDefault();
        var enlace = new EnlacePago
        {
            ClienteId = cliente.Id, Proveedor = proveedor.Codigo, Alcance = datos.DeudaVencida == true ? AlcancesEnlace.DeudaVencida : AlcancesEnlace.Documentos,
            Monto = documentos.Sum(d => d.Monto), Moneda = monedas[0], ClaveDocumentos = clave, Expira = ahora.AddDays(datos.DiasVigencia ?? 7), EmailPagador = email,
            Creado = ahora, Actor = contexto.Actor,
            Documentos = documentos.Select(d => new EnlacePagoDocumento { DocumentoId = d.Id, Tipo = d.Tipo, Folio = d.Folio, Monto = d.Monto }).ToList(),
        };
        db.Add(enlace);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another request created the active link for these documents in the meantime: that one is the link.
            db.ChangeTracker.Clear();
            return (ProyeccionEnlace.Dto(await ActivoAsync(clave, ahora, ct) ?? throw new ConflictoException("documentoIds", "Otro enlace para estos documentos se está creando.")), false);
        }

        var publica = (configuracion["App:UrlPublica"] ?? "http://127.0.0.1:5080").TrimEnd('/');
        var notificacion = new Uri($"{publica}/api/v1/integraciones/notificaciones/{proveedor.Codigo}?enlace={enlace.Id:N}");
        var asunto = documentos.Count == 1 ? $"{cliente.RazonSocial}: documento {documentos[0].Tipo} {documentos[0].Folio}" : $"{cliente.RazonSocial}: {documentos.Count} documentos";
        try
        {
            var cobro = await adaptador.CrearCobroAsync(conexiones.Conexion(proveedor), new SolicitudCobro(
                enlace.Id.ToString("N"), enlace.Monto, enlace.Moneda, asunto.Length > 200 ? asunto[..200] : asunto, email, notificacion, notificacion, enlace.Expira,
                enlace.Id.ToString("N")), ct);
            enlace.IdExterno = cobro.IdExterno;
            enlace.Url = cobro.UrlPago.AbsoluteUri;
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex)
        {
            db.Remove(enlace);
            await db.SaveChangesAsync(CancellationToken.None);
            if (ex is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
            {
                log.LogWarning(ex, "No se pudo crear el cobro en {Proveedor}", proveedor.Codigo);
                throw new ReglaNegocioException("proveedor", "proveedor_inalcanzable", $"No se pudo crear el cobro en {proveedor.Codigo}; intente más tarde.");
            }

            throw;
        }

        return (ProyeccionEnlace.Dto(enlace), true);
    }

    private sealed record DocumentoACobrar(Guid Id, string Tipo, long Folio, string Moneda, decimal Monto);

    private async Task<EnlacePago?> ActivoAsync(string clave, DateTimeOffset ahora, CancellationToken ct)
    {
        var existente = await db.Set<EnlacePago>().Include(e => e.Documentos).SingleOrDefaultAsync(e => e.ClaveDocumentos == clave && e.Estado == EstadosEnlace.Activo, ct);
        if (existente is null || !ProyeccionEnlace.Vencer(existente, ahora))
            return existente;
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<List<DocumentoACobrar>> DocumentosAsync(Guid clienteId, List<Guid> ids, CancellationToken ct)
    {
        var encontrados = (await mediator.Send(new BuscarDocumentos(ids), ct)).ToDictionary(d => d.Id);
        var lista = new List<DocumentoACobrar>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!encontrados.TryGetValue(ids[i], out var d) || d.ClienteId != clienteId)
                throw new ReglaNegocioException($"documentoIds[{i}]", "documento_inexistente", $"El documento '{ids[i]}' no existe o no es del cliente.");
            if (d.Tipo == "61" || d.Saldo <= 0)
                throw new ReglaNegocioException($"documentoIds[{i}]", "sin_saldo", $"El documento {d.Tipo} {d.Folio} no tiene saldo por pagar.");
            lista.Add(new DocumentoACobrar(d.Id, d.Tipo, d.Folio, d.Moneda, d.Saldo));
        }

        return lista;
    }

    private async Task<List<DocumentoACobrar>> VencidosAsync(Guid clienteId, DateOnly hoy, CancellationToken ct)
    {
        var vencidos = (await mediator.Send(new VencimientosEnRango([clienteId], DateOnly.MinValue, hoy.AddDays(-1)), ct))
            .GroupBy(v => v.DocumentoId)
            .Select(g => new DocumentoACobrar(g.Key, g.First().Tipo, g.First().Folio, g.First().Moneda, g.Sum(v => v.Saldo)))
            .Where(d => d.Monto > 0)
            .ToList();
        return vencidos.Count > 0 ? vencidos : throw new ReglaNegocioException("deudaVencida", "sin_deuda_vencida", "El cliente no tiene deuda vencida.");
    }
}
