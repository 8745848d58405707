using Mediator;

namespace Cobranzas.Notificaciones.Definiciones;

/// <summary>What a run of a definition did: messages queued, clients skipped (no usable contact, or a contact rule), and clients already sent today.</summary>
public sealed record ResultadoEjecucion(int Encolados, int Omitidos, int YaEnviados);

/// <summary>Runs a definition for today's business date (scheduled by its trigger, or manual); handled in <c>Envios/</c>.</summary>
public sealed record EjecutarDefinicion(Guid DefinicionId, string Origen) : IRequest<ResultadoEjecucion>;
