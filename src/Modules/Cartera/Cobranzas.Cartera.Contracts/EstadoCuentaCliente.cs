using Mediator;

namespace Cobranzas.Cartera.Contracts;

/// <summary>An open document as its client sees it (the client portal): balance, due date, days overdue, whether its PDF is attached.</summary>
public sealed record DocumentoAbiertoCliente(
    Guid Id, string Tipo, long Folio, DateOnly FechaEmision, DateOnly FechaVencimiento, string Moneda, decimal Total, decimal Saldo, int DiasVencido, bool TieneArchivo);

/// <summary>What part of a payment went to which document (inactive when the application was reversed).</summary>
public sealed record AplicacionPagoCliente(Guid DocumentoId, string Tipo, long Folio, decimal Monto, DateOnly Fecha, bool Activa);

public sealed record PagoCliente(Guid Id, DateOnly Fecha, decimal Monto, string Moneda, string Canal, string? Referencia, IReadOnlyList<AplicacionPagoCliente> Aplicaciones);

public sealed record EstadoCuentaCliente(
    DateOnly FechaCorte, DateOnly Desde, DateOnly Hasta, string Moneda, decimal Saldo, decimal SaldoVencido,
    IReadOnlyList<DocumentoAbiertoCliente> Documentos, IReadOnlyList<PagoCliente> Pagos);

/// <summary>
/// The account statement of a client of the caller's company at <paramref name="FechaCorte"/> (today by default), with the
/// payments received since <paramref name="Desde"/> (a year before the cut-off by default); 404 when the client does not exist.
/// </summary>
public sealed record ObtenerEstadoCuentaCliente(Guid ClienteId, DateOnly? FechaCorte, DateOnly? Desde) : IRequest<EstadoCuentaCliente>;

public sealed record ArchivoEstadoCuentaCliente(byte[] Contenido, string TipoContenido, string NombreArchivo);

/// <summary>The same statement as the staff's PDF or XLSX (<paramref name="Formato"/> <c>pdf</c> or <c>xlsx</c>).</summary>
public sealed record ExportarEstadoCuentaCliente(Guid ClienteId, DateOnly? FechaCorte, string Formato) : IRequest<ArchivoEstadoCuentaCliente>;

public sealed record ArchivoDocumentoCliente(Stream Contenido, string TipoContenido, string NombreArchivo);

/// <summary>The attached PDF of a document of that client, or null (no such document for that client, or no file).</summary>
public sealed record ObtenerArchivoDocumentoCliente(Guid ClienteId, Guid DocumentoId) : IRequest<ArchivoDocumentoCliente?>;
