using Mediator;

namespace Cobranzas.SharedKernel.Contratos;

/// <summary>A company's legal identity, for documents issued in its name (e.g. the account statement).</summary>
public sealed record DatosEmpresa(Guid Id, string Rut, string RazonSocial);

/// <summary>The company's RUT and name; null when it does not exist. Handled by the platform.</summary>
public sealed record ObtenerDatosEmpresa(Guid EmpresaId) : IRequest<DatosEmpresa?>;

/// <summary>The active company with this RUT (any format: 76.123.456-7 or 761234567); null when none. Handled by the platform.</summary>
public sealed record BuscarEmpresaPorRut(string Rut) : IRequest<DatosEmpresa?>;
