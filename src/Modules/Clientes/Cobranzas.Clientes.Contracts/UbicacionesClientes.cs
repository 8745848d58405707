using Mediator;

namespace Cobranzas.Clientes.Contracts;

public static class OrigenesUbicacion
{
    public const string Cliente = "cliente";
    public const string Comuna = "comuna";
    public const string SinUbicacion = "sin_ubicacion";
}

/// <summary>Where a client is: its own coordinates, else its comuna's centroid (<see cref="OrigenesUbicacion"/>), else none.</summary>
public sealed record UbicacionCliente(Guid ClienteId, string RazonSocial, string? Direccion, string? Comuna, double? Latitud, double? Longitud, string Origen);

/// <summary>Locations of clients of the caller's company; unknown ids are absent.</summary>
public sealed record UbicarClientes(IReadOnlyCollection<Guid> Ids) : IRequest<IReadOnlyList<UbicacionCliente>>;
