using Mediator;

namespace Cobranzas.Clientes.Contracts;

/// <summary>A guarantee on file for a client (pagaré, boleta de garantía, orden de compra), as a law firm receives it.</summary>
public sealed record GarantiaCliente(
    Guid Id, string Tipo, string TipoNombre, string Descripcion, decimal? Monto, string? Moneda, DateOnly? FechaEmision, DateOnly? Vencimiento, string? ArchivoNombre);

/// <summary>The guarantees in a client's documentation of the caller's company (empty when the client does not exist).</summary>
public sealed record ListarGarantiasCliente(Guid ClienteId) : IRequest<IReadOnlyList<GarantiaCliente>>;

public sealed record ArchivoGarantia(Stream Contenido, string TipoContenido, string NombreArchivo);

/// <summary>The stored file of a guarantee of that client, or null (no such guarantee, or no file).</summary>
public sealed record AbrirArchivoGarantia(Guid ClienteId, Guid GarantiaId) : IRequest<ArchivoGarantia?>;
