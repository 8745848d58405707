using System.Text;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Clientes.Documentacion;

public static class TiposDocumentacion
{
    public const string Contrato = "contrato";
    public const string Pagare = "pagare";
    public const string BoletaGarantia = "boleta_garantia";
    public const string OrdenCompra = "orden_compra";
    public const string Poder = "poder";
    public const string Poliza = "poliza";
    public const string Correspondencia = "correspondencia";
    public static readonly string[] Todos = [Contrato, Pagare, BoletaGarantia, OrdenCompra, Poder, Poliza, Correspondencia];

    public static string Nombre(string tipo) => tipo switch
    {
        Contrato => "Contrato",
        Pagare => "Pagaré",
        BoletaGarantia => "Boleta de garantía",
        OrdenCompra => "Orden de compra",
        Poder => "Poder / representante legal",
        Poliza => "Póliza",
        Correspondencia => "Correspondencia",
        _ => tipo,
    };

    /// <summary>
    /// The document type a segment's policy asks as guarantee (the policy's <c>garantia</c> text, configurable per segment);
    /// null when it asks none or names something that is not a document kind.
    /// </summary>
    public static string? DeGarantia(string? garantia)
    {
        var t = SinAcentos(garantia ?? "").Trim().ToLowerInvariant();
        return t switch
        {
            _ when t.Contains("pagare") => Pagare,
            _ when t.Contains("boleta") => BoletaGarantia,
            _ when t.Contains("orden de compra") => OrdenCompra,
            _ when t.Contains("contrato") => Contrato,
            _ when t.Contains("poliza") => Poliza,
            _ => null,
        };
    }

    private static string SinAcentos(string s)
    {
        var b = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
                b.Append(c);
        }

        return b.ToString();
    }
}

public sealed class DocumentoCliente : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public required string Tipo { get; set; }
    public required string Descripcion { get; set; }

    /// <summary>The guaranteed or insured amount (a boleta de garantía, a pagaré), in <see cref="Moneda"/>.</summary>
    public decimal? Monto { get; set; }

    public string? Moneda { get; set; }
    public DateOnly? FechaEmision { get; set; }
    public DateOnly? Vencimiento { get; set; }

    /// <summary>For powers: the legal representative it names (name and RUT as written).</summary>
    public string? Representante { get; set; }

    public string? ArchivoClave { get; set; }
    public string? ArchivoNombre { get; set; }
    public string? ArchivoContentType { get; set; }
    public long? ArchivoTamano { get; set; }
    public required string RegistradoPor { get; init; }
    public DateTimeOffset Registrado { get; init; }
}

public static class LargosDocumentacion
{
    public const int Descripcion = 300;
    public const int Representante = 200;
}

public sealed class DocumentoClienteConfiguracion : IEntityTypeConfiguration<DocumentoCliente>
{
    public void Configure(EntityTypeBuilder<DocumentoCliente> e)
    {
        e.ToTable("documentacion");
        e.HasIndex(x => new { x.EmpresaId, x.ClienteId, x.Tipo });
        e.HasIndex(x => new { x.EmpresaId, x.Vencimiento });
        e.HasOne<Cliente>().WithMany().HasForeignKey(x => x.ClienteId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Tipo).HasMaxLength(30);
        e.Property(x => x.Descripcion).HasMaxLength(LargosDocumentacion.Descripcion);
        e.Property(x => x.Monto).HasPrecision(18, 4);
        e.Property(x => x.Moneda).HasMaxLength(3);
        e.Property(x => x.Representante).HasMaxLength(LargosDocumentacion.Representante);
        e.Property(x => x.ArchivoClave).HasMaxLength(32);
        e.Property(x => x.ArchivoNombre).HasMaxLength(120);
        e.Property(x => x.ArchivoContentType).HasMaxLength(50);
        e.Property(x => x.RegistradoPor).HasMaxLength(256);
    }
}

/// <param name="DiasParaVencer">Days until it lapses (negative: lapsed); null without an expiry date.</param>
/// <param name="Alerta">vigente, por_vencer (within the alert window), vencido or sin_vencimiento.</param>
public sealed record DocumentoClienteDto(
    Guid Id, Guid ClienteId, string Tipo, string TipoNombre, string Descripcion, decimal? Monto, string? Moneda, DateOnly? FechaEmision, DateOnly? Vencimiento,
    string? Representante, bool TieneArchivo, string? ArchivoNombre, int? DiasParaVencer, string Alerta, string RegistradoPor, DateTimeOffset Registrado);

/// <param name="GarantiaRequerida">The document type the client's segment asks as guarantee (null: none).</param>
/// <param name="GarantiaVigente">A document of that type is on file and not lapsed.</param>
public sealed record DocumentacionClienteDto(string? GarantiaRequerida, string? GarantiaRequeridaNombre, bool GarantiaVigente, IReadOnlyList<DocumentoClienteDto> Documentos);

public static class ReglasDocumentacion
{
    /// <summary>How many days before it lapses a document is flagged.</summary>
    public const int DiasAlerta = 30;

    public static DocumentoClienteDto ADto(DocumentoCliente d, DateOnly hoy)
    {
        int? dias = d.Vencimiento is { } v ? v.DayNumber - hoy.DayNumber : null;
        var alerta = dias switch { null => "sin_vencimiento", < 0 => "vencido", <= DiasAlerta => "por_vencer", _ => "vigente" };
        return new(d.Id, d.ClienteId, d.Tipo, TiposDocumentacion.Nombre(d.Tipo), d.Descripcion, d.Monto, d.Moneda, d.FechaEmision, d.Vencimiento, d.Representante,
            d.ArchivoClave is not null, d.ArchivoNombre, dias, alerta, d.RegistradoPor, d.Registrado);
    }

    /// <summary>The guarantee the client's segment requires and is not on file (lapsed counts as missing); null when nothing is missing.</summary>
    public static async Task<string?> GarantiaFaltanteAsync(ClientesDbContext db, Guid clienteId, DateOnly hoy, CancellationToken ct)
    {
        var requerida = await GarantiaRequeridaAsync(db, clienteId, ct);
        if (requerida is null)
            return null;
        var vigente = await db.Set<DocumentoCliente>().AnyAsync(d => d.ClienteId == clienteId && d.Tipo == requerida && (d.Vencimiento == null || d.Vencimiento >= hoy), ct);
        return vigente ? null : requerida;
    }

    public static async Task<string?> GarantiaRequeridaAsync(ClientesDbContext db, Guid clienteId, CancellationToken ct)
    {
        var garantia = await (from c in db.Clientes
                              join p in db.Politicas on c.Segmento equals p.Segmento
                              where c.Id == clienteId
                              select p.Garantia).SingleOrDefaultAsync(ct);
        return TiposDocumentacion.DeGarantia(garantia);
    }
}

public sealed record ListarDocumentacion(Guid ClienteId) : IRequest<DocumentacionClienteDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/clientes/{id:guid}/documentacion", async Task<Ok<DocumentacionClienteDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarDocumentacion(id), ct)))
        .WithName("ListarDocumentacion").WithTags("Documentación").ProducesProblem(404);
}

public sealed class ListarDocumentacionHandler(ClientesDbContext db, TimeProvider reloj) : IRequestHandler<ListarDocumentacion, DocumentacionClienteDto>
{
    public async ValueTask<DocumentacionClienteDto> Handle(ListarDocumentacion request, CancellationToken cancellationToken)
    {
        if (!await db.Clientes.AnyAsync(c => c.Id == request.ClienteId, cancellationToken))
            throw new NoEncontradoException("Cliente", request.ClienteId);
        var hoy = FechaNegocio.Hoy(reloj);
        var docs = await db.Set<DocumentoCliente>().AsNoTracking().Where(d => d.ClienteId == request.ClienteId)
            .OrderBy(d => d.Tipo).ThenByDescending(d => d.Registrado).ToListAsync(cancellationToken);
        var requerida = await ReglasDocumentacion.GarantiaRequeridaAsync(db, request.ClienteId, cancellationToken);
        var vigente = requerida is null || docs.Any(d => d.Tipo == requerida && (d.Vencimiento is null || d.Vencimiento >= hoy));
        return new(requerida, requerida is null ? null : TiposDocumentacion.Nombre(requerida), vigente, docs.Select(d => ReglasDocumentacion.ADto(d, hoy)).ToList());
    }
}

public sealed record DatosDocumentoCliente(string Tipo, string Descripcion, decimal? Monto, string? Moneda, DateOnly? FechaEmision, DateOnly? Vencimiento, string? Representante);

public sealed class ReglasDatosDocumento : AbstractValidator<DatosDocumentoCliente>
{
    public ReglasDatosDocumento()
    {
        RuleFor(x => x.Tipo).NotEmpty().Must(t => TiposDocumentacion.Todos.Contains(t)).WithMessage($"Tipo debe ser uno de: {string.Join(", ", TiposDocumentacion.Todos)}.");
        RuleFor(x => x.Descripcion).NotEmpty().MaximumLength(LargosDocumentacion.Descripcion);
        RuleFor(x => x.Monto).GreaterThan(0).LessThan(Montos.Maximo);
        RuleFor(x => x.Moneda).Must(m => m is null || Monedas.DeLimite.Contains(m)).WithMessage("Moneda debe ser CLP o UF.");
        RuleFor(x => x.Moneda).NotEmpty().When(x => x.Monto is not null).WithMessage("Indique la moneda del monto (CLP o UF).");
        RuleFor(x => x.Representante).MaximumLength(LargosDocumentacion.Representante);
        RuleFor(x => x.FechaEmision).InclusiveBetween(new DateOnly(1900, 1, 1), new DateOnly(2200, 12, 31));
        RuleFor(x => x.Vencimiento).InclusiveBetween(new DateOnly(1900, 1, 1), new DateOnly(2200, 12, 31));
        RuleFor(x => x.Vencimiento).GreaterThanOrEqualTo(x => x.FechaEmision).When(x => x.FechaEmision is not null && x.Vencimiento is not null)
            .WithMessage("Vencimiento no puede ser anterior a la fecha de emisión.");
        RuleFor(x => x.Monto).NotNull().When(x => x.Tipo == TiposDocumentacion.BoletaGarantia).WithMessage("Una boleta de garantía necesita su monto.");
        RuleFor(x => x.Vencimiento).NotNull().When(x => x.Tipo == TiposDocumentacion.BoletaGarantia).WithMessage("Una boleta de garantía necesita su vencimiento.");
    }
}

public sealed record RegistrarDocumentoCliente(Guid ClienteId, DatosDocumentoCliente Cuerpo) : IRequest<DocumentoClienteDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/clientes/{id:guid}/documentacion", async Task<Created<DocumentoClienteDto>> (Guid id, DatosDocumentoCliente body, IMediator m, CancellationToken ct) =>
        {
            var d = await m.Send(new RegistrarDocumentoCliente(id, body), ct);
            return TypedResults.Created($"/api/v1/clientes/{id}/documentacion/{d.Id}", d);
        })
        .WithName("RegistrarDocumentoCliente").WithTags("Documentación").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class RegistrarDocumentoClienteValidator : AbstractValidator<RegistrarDocumentoCliente>
{
    public RegistrarDocumentoClienteValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasDatosDocumento());
}

public sealed class RegistrarDocumentoClienteHandler(ClientesDbContext db, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<RegistrarDocumentoCliente, DocumentoClienteDto>
{
    public async ValueTask<DocumentoClienteDto> Handle(RegistrarDocumentoCliente request, CancellationToken cancellationToken)
    {
        if (!await db.Clientes.AnyAsync(c => c.Id == request.ClienteId, cancellationToken))
            throw new NoEncontradoException("Cliente", request.ClienteId);
        var d = new DocumentoCliente { ClienteId = request.ClienteId, Tipo = "", Descripcion = "", RegistradoPor = contexto.Actor, Registrado = reloj.GetUtcNow() };
        ActualizarDocumentoClienteHandler.Aplicar(d, request.Cuerpo);
        db.Add(d);
        await db.SaveChangesAsync(cancellationToken);
        return ReglasDocumentacion.ADto(d, FechaNegocio.Hoy(reloj));
    }
}

public sealed record ActualizarDocumentoCliente(Guid ClienteId, Guid DocumentoId, DatosDocumentoCliente Cuerpo) : IRequest<DocumentoClienteDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPut("/clientes/{id:guid}/documentacion/{documentoId:guid}", async Task<Ok<DocumentoClienteDto>> (Guid id, Guid documentoId, DatosDocumentoCliente body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarDocumentoCliente(id, documentoId, body), ct)))
        .WithName("ActualizarDocumentoCliente").WithTags("Documentación").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
}

public sealed class ActualizarDocumentoClienteValidator : AbstractValidator<ActualizarDocumentoCliente>
{
    public ActualizarDocumentoClienteValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasDatosDocumento());
}

public sealed class ActualizarDocumentoClienteHandler(ClientesDbContext db, TimeProvider reloj) : IRequestHandler<ActualizarDocumentoCliente, DocumentoClienteDto>
{
    public async ValueTask<DocumentoClienteDto> Handle(ActualizarDocumentoCliente request, CancellationToken cancellationToken)
    {
        var d = await db.Set<DocumentoCliente>().SingleOrDefaultAsync(x => x.Id == request.DocumentoId && x.ClienteId == request.ClienteId, cancellationToken)
            ?? throw new NoEncontradoException("Documento", request.DocumentoId);
        Aplicar(d, request.Cuerpo);
        await db.SaveChangesAsync(cancellationToken);
        return ReglasDocumentacion.ADto(d, FechaNegocio.Hoy(reloj));
    }

    public static void Aplicar(DocumentoCliente d, DatosDocumentoCliente c)
    {
        d.Tipo = c.Tipo;
        d.Descripcion = c.Descripcion.Trim();
        d.Monto = c.Monto;
        d.Moneda = c.Monto is null ? null : c.Moneda;
        d.FechaEmision = c.FechaEmision;
        d.Vencimiento = c.Vencimiento;
        d.Representante = string.IsNullOrWhiteSpace(c.Representante) ? null : c.Representante.Trim();
    }
}

public sealed record EliminarDocumentoCliente(Guid ClienteId, Guid DocumentoId) : IRequest
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapDelete("/clientes/{id:guid}/documentacion/{documentoId:guid}", async Task<NoContent> (Guid id, Guid documentoId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new EliminarDocumentoCliente(id, documentoId), ct);
            return TypedResults.NoContent();
        })
        .WithName("EliminarDocumentoCliente").WithTags("Documentación").ProducesProblem(404).ProducesProblem(409);
}

public sealed class EliminarDocumentoClienteHandler(ClientesDbContext db, IAlmacenArchivos almacen) : IRequestHandler<EliminarDocumentoCliente>
{
    public async ValueTask<Unit> Handle(EliminarDocumentoCliente request, CancellationToken cancellationToken)
    {
        var d = await db.Set<DocumentoCliente>().SingleOrDefaultAsync(x => x.Id == request.DocumentoId && x.ClienteId == request.ClienteId, cancellationToken)
            ?? throw new NoEncontradoException("Documento", request.DocumentoId);
        db.Remove(d);
        await db.SaveChangesAsync(cancellationToken);
        if (d.ArchivoClave is { } clave)
            await almacen.EliminarAsync(clave, CancellationToken.None);
        return Unit.Value;
    }
}

/// <summary>The scanned document (PDF or image), through the same store and checks as activity attachments; replaces any earlier file.</summary>
public sealed record SubirArchivoDocumentoCliente(Guid ClienteId, Guid DocumentoId, Stream Contenido, long Tamano, string? NombreArchivo) : IRequest<DocumentoClienteDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/clientes/{id:guid}/documentacion/{documentoId:guid}/archivo", async Task<Results<Ok<DocumentoClienteDto>, ProblemHttpResult>> (Guid id, Guid documentoId, IFormFile archivo, IMediator m, CancellationToken ct) =>
        {
            if (archivo.Length > TiposAdjunto.TamanoMaximo)
            {
                return TypedResults.Problem(
                    title: "Archivo demasiado grande", statusCode: StatusCodes.Status413PayloadTooLarge,
                    detail: $"El archivo supera el máximo de {TiposAdjunto.TamanoMaximo / (1024 * 1024)} MB.",
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["archivo"] = [$"tamano_maximo: El archivo supera el máximo de {TiposAdjunto.TamanoMaximo / (1024 * 1024)} MB."] } });
            }

            await using var contenido = archivo.OpenReadStream();
            return TypedResults.Ok(await m.Send(new SubirArchivoDocumentoCliente(id, documentoId, contenido, archivo.Length, archivo.FileName), ct));
        })
        .WithName("SubirArchivoDocumentoCliente").WithTags("Documentación").DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(TiposAdjunto.TamanoMaximo + (1024 * 1024)))
        .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(422);
}

public sealed class SubirArchivoDocumentoClienteHandler(ClientesDbContext db, IAlmacenArchivos almacen, TimeProvider reloj) : IRequestHandler<SubirArchivoDocumentoCliente, DocumentoClienteDto>
{
    public async ValueTask<DocumentoClienteDto> Handle(SubirArchivoDocumentoCliente request, CancellationToken cancellationToken)
    {
        var d = await db.Set<DocumentoCliente>().SingleOrDefaultAsync(x => x.Id == request.DocumentoId && x.ClienteId == request.ClienteId, cancellationToken)
            ?? throw new NoEncontradoException("Documento", request.DocumentoId);
        if (request.Tamano == 0)
            throw new ReglaNegocioException("archivo", "archivo_vacio", "El archivo está vacío.");
        var (tipo, clave) = await SubidaAdjunto.GuardarAsync(almacen, request.Contenido, cancellationToken)
            ?? throw new ReglaNegocioException("archivo", "tipo_no_permitido", $"El tipo de archivo no está permitido; se aceptan {TiposAdjunto.Descripcion}.");
        var anterior = d.ArchivoClave;
        d.ArchivoClave = clave;
        d.ArchivoNombre = TiposAdjunto.NombreSeguro(request.NombreArchivo, tipo.Extension, "documento");
        d.ArchivoContentType = tipo.ContentType;
        d.ArchivoTamano = request.Tamano;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await almacen.EliminarAsync(clave, CancellationToken.None);
            throw;
        }

        if (anterior is not null)
            await almacen.EliminarAsync(anterior, CancellationToken.None);
        return ReglasDocumentacion.ADto(d, FechaNegocio.Hoy(reloj));
    }

}

public sealed record ArchivoDocumentoClienteDescarga(Stream Contenido, string ContentType, string Nombre);

public sealed record DescargarArchivoDocumentoCliente(Guid ClienteId, Guid DocumentoId) : IRequest<ArchivoDocumentoClienteDescarga>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/clientes/{id:guid}/documentacion/{documentoId:guid}/archivo", async Task<FileStreamHttpResult> (Guid id, Guid documentoId, IMediator m, CancellationToken ct) =>
        {
            var a = await m.Send(new DescargarArchivoDocumentoCliente(id, documentoId), ct);
            return TypedResults.File(a.Contenido, a.ContentType, a.Nombre);
        })
        .WithName("DescargarArchivoDocumentoCliente").WithTags("Documentación")
        .Produces(200, typeof(Stream), TiposAdjunto.Permitidos[0].ContentType, [.. TiposAdjunto.Permitidos.Skip(1).Select(t => t.ContentType).Distinct()])
        .ProducesProblem(404);
}

public sealed class DescargarArchivoDocumentoClienteHandler(ClientesDbContext db, IAlmacenArchivos almacen) : IRequestHandler<DescargarArchivoDocumentoCliente, ArchivoDocumentoClienteDescarga>
{
    public async ValueTask<ArchivoDocumentoClienteDescarga> Handle(DescargarArchivoDocumentoCliente request, CancellationToken cancellationToken)
    {
        var d = await db.Set<DocumentoCliente>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.DocumentoId && x.ClienteId == request.ClienteId, cancellationToken);
        if (d?.ArchivoClave is null)
            throw new NoEncontradoException("Archivo del documento", request.DocumentoId);
        var contenido = await almacen.AbrirAsync(d.ArchivoClave, cancellationToken) ?? throw new NoEncontradoException("Archivo del documento", request.DocumentoId);
        return new(contenido, d.ArchivoContentType!, d.ArchivoNombre!);
    }
}

/// <summary>Documents of the company lapsing within the next days (or lapsed within the alert window), soonest first: the alerts list.</summary>
public sealed record ListarDocumentacionPorVencer(int? Dias) : IRequest<IReadOnlyList<DocumentoClienteDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/documentacion/por-vencer", async Task<Ok<IReadOnlyList<DocumentoClienteDto>>> ([AsParameters] ListarDocumentacionPorVencer q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarDocumentacionPorVencer").WithTags("Documentación").ProducesValidationProblem();
}

public sealed class ListarDocumentacionPorVencerValidator : AbstractValidator<ListarDocumentacionPorVencer>
{
    public ListarDocumentacionPorVencerValidator() => RuleFor(x => x.Dias).InclusiveBetween(0, 365);
}

public sealed class ListarDocumentacionPorVencerHandler(ClientesDbContext db, TimeProvider reloj) : IRequestHandler<ListarDocumentacionPorVencer, IReadOnlyList<DocumentoClienteDto>>
{
    public async ValueTask<IReadOnlyList<DocumentoClienteDto>> Handle(ListarDocumentacionPorVencer request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var hasta = hoy.AddDays(request.Dias ?? ReglasDocumentacion.DiasAlerta);
        var docs = await db.Set<DocumentoCliente>().AsNoTracking().Where(d => d.Vencimiento != null && d.Vencimiento <= hasta && d.Vencimiento >= hoy.AddDays(-ReglasDocumentacion.DiasAlerta))
            .OrderBy(d => d.Vencimiento).Take(500).ToListAsync(cancellationToken);
        return docs.Select(d => ReglasDocumentacion.ADto(d, hoy)).ToList();
    }
}
