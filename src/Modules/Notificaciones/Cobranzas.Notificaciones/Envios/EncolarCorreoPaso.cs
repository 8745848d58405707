using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Notificaciones.Contracts;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.Notificaciones.Plantillas;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Notificaciones.Envios;

/// <summary>
/// The e-mail of an escalation step: one outbox row keyed by the applied step, so a step mails once whatever retries it. The contact
/// rules were already applied by Gestión before the step (its channel is written); the step lists the client's overdue documents today,
/// without those in dispute or under a pending promise.
/// </summary>
public sealed class EncolarCorreoPasoHandler(NotificacionesDbContext db, ConstructorDatosCorreo constructor, IEnlacesCorreo enlaces, Definiciones.EnlacesLogo logos, IMediator mediator, TimeProvider reloj)
    : IRequestHandler<EncolarCorreoPaso, ResultadoCorreoPaso>
{
    public async ValueTask<ResultadoCorreoPaso> Handle(EncolarCorreoPaso r, CancellationToken ct)
    {
        var clave = $"paso:{r.PasoAplicadoId}";
        if (await db.Envios.AnyAsync(e => e.Clave == clave, ct))
            return new ResultadoCorreoPaso(0, "ya_encolado");

        var definicion = await db.Definiciones.AsNoTracking()
            .Where(d => d.Tipo == TiposDefinicion.Politica && d.Activa && (r.DefinicionId == null || d.Id == r.DefinicionId))
            .OrderBy(d => d.Creada).FirstOrDefaultAsync(ct) ?? Predeterminada(r.NombrePaso);
        var contactos = (await mediator.Send(new ObtenerContactosCorreo([r.ClienteId], [], [], [], definicion.RolesContacto), ct))
            .Where(c => !c.OptOut && !c.EmailInvalido).DistinctBy(c => c.Email.Trim().ToLowerInvariant()).ToList();
        if (contactos.Count == 0)
            return new ResultadoCorreoPaso(0, "sin_contacto_con_correo");

        var situacion = (await mediator.Send(new ObtenerSituacionGestion([r.ClienteId], r.Fecha), ct)).ToDictionary(s => s.ClienteId);
        var pausados = situacion.Values.SelectMany(s => s.DocumentosPausados).ToHashSet();
        var documentos = (await mediator.Send(new VencimientosEnRango([r.ClienteId], DateOnly.MinValue, r.Fecha.AddDays(-1)), ct))
            .Where(v => !pausados.Contains(v.DocumentoId)).ToList();
        var destinatario = new Destinatario(r.ClienteId, contactos, documentos);
        var datos = await constructor.ConstruirAsync(definicion, [new PedidoDatosCorreo(r.ClienteId, documentos, contactos.Count == 1 ? contactos[0].Nombre : null, contactos[0])], r.Fecha, ct, situacion);
        if (!datos.TryGetValue(r.ClienteId, out var d))
            return new ResultadoCorreoPaso(0, "cliente_inexistente");

        var id = Guid.CreateVersion7();
        var correo = await RenderizadorCorreo.RenderizarAsync(definicion, d, logos.Url(definicion), enlaces.Baja(db.EmpresaActual, id), ct);
        var responderA = definicion.ResponderA ?? await db.Configuraciones.AsNoTracking().Select(c => c.ResponderA).FirstOrDefaultAsync(ct);
        var fila = EjecutarDefinicionHandler.Fila(id, db.EmpresaActual, definicion.Id == Guid.Empty ? null : definicion.Id, destinatario, clave, OrigenesEnvio.Politica,
            r.Fecha, reloj.GetUtcNow(), correo.Asunto, correo.Html, correo.Texto, responderA);
        var insertados = await EscrituraEnvios.InsertarAsync(db, [fila], ct);
        return insertados.Count == 1 ? new ResultadoCorreoPaso(1, null) : new ResultadoCorreoPaso(0, "ya_encolado");
    }

    /// <summary>The built-in mail of a step when the company wrote none: its overdue documents, the deposit accounts and the collector.</summary>
    public static DefinicionNotificacion Predeterminada(string nombrePaso) => new()
    {
        Id = Guid.Empty, Tipo = TiposDefinicion.Politica, Asunto = "Aviso de cobranza: {{ cliente.nombre }}", IncluirCuentas = true,
        Plantilla = """
            <p>Estimado(a) {{ if contacto.nombre != "" }}{{ contacto.nombre }}{{ else }}cliente{{ end }}:</p>
            <p>Le informamos que {{ cliente.nombre }} (RUT {{ cliente.rut }}) registra una deuda vencida de {{ deuda.vencida }}, con vencimiento más antiguo el {{ deuda.vencimiento_mas_antiguo }}.</p>
            {{ tabla_documentos }}
            <p>Le solicitamos regularizar su situación a la brevedad. Si ya pagó, por favor ignore este mensaje.</p>
            {{ if cobrador.nombre != "" }}<p>Su ejecutivo de cobranza: {{ cobrador.nombre }} {{ cobrador.telefono }}</p>{{ end }}
            """,
        Descripcion = nombrePaso,
    };
}
