using Mediator;

namespace Cobranzas.Gestion.Contracts;

/// <summary>
/// A convenio needs the collector (it broke, or it waits for a decision): a task for the client's collector, origin
/// <c>convenio</c> with the convenio's id, and an alert. Answers the task's id.
/// </summary>
public sealed record RegistrarTareaConvenio(Guid ClienteId, Guid ConvenioId, string Tipo, string Titulo, string Mensaje) : IRequest<Guid>;
