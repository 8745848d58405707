using Cobranzas.Gestion.Persistencia;
using Cobranzas.Notificaciones.Contracts;
using Mediator;

namespace Cobranzas.Gestion.Politica;

/// <summary>
/// The e-mail step: Notificaciones queues one message for the applied step (keyed by it, so a step mails once) and its sender delivers
/// it and records it in the timeline. A written contact, so the contact rules gate the step before it runs.
/// </summary>
public sealed class AccionCorreo(IMediator mediator) : IAccionPaso
{
    public string Clave => AccionesPaso.Correo;

    public string? Canal(PasoPolitica paso) => CanalesContacto.Escrito;

    public async Task<string> EjecutarAsync(ContextoAccion c, CancellationToken ct)
    {
        var r = await mediator.Send(new EncolarCorreoPaso(c.Cliente.Id, c.Aplicado.Id, c.Paso.Nombre, null, c.Hoy), ct);
        return r.Encolados > 0
            ? "Correo de cobranza encolado para los contactos del cliente."
            : $"Correo no enviado: {r.Omitido switch { "sin_contacto_con_correo" => "el cliente no tiene contactos con correo habilitado", "ya_encolado" => "ya estaba encolado", var o => o }}.";
    }
}
