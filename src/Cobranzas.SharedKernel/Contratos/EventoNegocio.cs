using Mediator;

namespace Cobranzas.SharedKernel.Contratos;

/// <summary>The business events other systems may subscribe to (outbound webhooks); the names are part of the public API.</summary>
public static class TiposEventoNegocio
{
    public const string DocumentoCreado = "documento.creado";
    public const string DocumentoPagado = "documento.pagado";
    public const string DocumentoAnulado = "documento.anulado";
    public const string PagoRegistrado = "pago.registrado";
    public const string PagoReversado = "pago.reversado";
    public const string CompromisoCreado = "compromiso.creado";
    public const string CompromisoIncumplido = "compromiso.incumplido";
    public const string DisputaAbierta = "disputa.abierta";
    public const string ClienteCreado = "cliente.creado";
    public const string ClienteSuspendido = "cliente.suspendido";
    public const string NotificacionRebotada = "notificacion.rebotada";
    public const string NotaDebitoSolicitada = "nota_debito.solicitada";

    /// <summary>Sent only on request (the subscription's test button), never published by a module.</summary>
    public const string Prueba = "webhook.prueba";

    public static readonly IReadOnlyList<string> Todos =
    [
        DocumentoCreado, DocumentoPagado, DocumentoAnulado, PagoRegistrado, PagoReversado, CompromisoCreado, CompromisoIncumplido, DisputaAbierta,
        ClienteCreado, ClienteSuspendido, NotificacionRebotada, NotaDebitoSolicitada,
    ];
}

/// <summary>One fact of an event: the entity it is about and what a subscriber receives as <c>datos</c> (serialized camelCase).</summary>
public sealed record HechoNegocio(Guid EntidadId, object Datos);

/// <summary>
/// A business event, published by the module that produced it right after its transaction committed (never inside it: a
/// rolled-back write must not reach a subscriber). A bulk operation publishes one notification with all its facts, which the
/// subscriber side stores set-based. Listeners must not throw back into the publisher: the write already happened.
/// </summary>
public sealed record EventoNegocio(Guid EmpresaId, string Tipo, IReadOnlyList<HechoNegocio> Hechos, DateTimeOffset Momento) : INotification
{
    public static EventoNegocio Uno(Guid empresaId, string tipo, Guid entidadId, object datos, DateTimeOffset momento) =>
        new(empresaId, tipo, [new HechoNegocio(entidadId, datos)], momento);
}

/// <summary>
/// Whether the company has an active subscriber to this event type: a bulk operation asks before it gathers 100 000 facts that
/// nobody would receive. Handled by Integraciones.
/// </summary>
public sealed record HaySuscriptoresEvento(Guid EmpresaId, string Tipo) : IRequest<bool>;
