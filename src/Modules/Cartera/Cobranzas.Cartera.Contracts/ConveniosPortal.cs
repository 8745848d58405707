using Mediator;

namespace Cobranzas.Cartera.Contracts;

/// <summary>A convenio born from a portal request, as the portal shows it to the debtor.</summary>
public sealed record ConvenioPortal(Guid SolicitudPortalId, Guid ConvenioId, long Numero, string Estado, decimal MontoConvenido, int NumeroCuotas, DateOnly PrimeraFecha);

/// <summary>
/// A debtor's agreement request from the portal becomes a draft convenio (pago en cuotas, monthly, first installment a month from today)
/// over the chosen documents, or over all the client's open CLP documents when none was chosen. Refused (422) as a convenio would be.
/// Handled by Cartera.
/// </summary>
public sealed record CrearBorradorConvenioPortal(Guid SolicitudPortalId, Guid ClienteId, IReadOnlyList<Guid> DocumentoIds, int Cuotas, string Mensaje) : IRequest<ConvenioPortal>;

/// <summary>The convenios born from these portal requests of the caller's company.</summary>
public sealed record ConveniosDeSolicitudesPortal(IReadOnlyCollection<Guid> SolicitudPortalIds) : IRequest<IReadOnlyList<ConvenioPortal>>;
