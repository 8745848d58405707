using Cobranzas.SharedKernel.Tenancy;

namespace Cobranzas.Notificaciones.Persistencia;

/// <summary>A bank account of the company where clients deposit; mails that ask for it show it.</summary>
public sealed class CuentaDeposito : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Banco { get; set; }

    /// <summary>corriente, vista, ahorro, rut.</summary>
    public required string TipoCuenta { get; set; }

    public required string Numero { get; set; }
    public required string Titular { get; set; }

    /// <summary>Canonical RUT of the holder (check digit validated).</summary>
    public required string RutTitular { get; set; }

    /// <summary>Where the client sends the deposit receipt.</summary>
    public string? EmailNotificacion { get; set; }

    public bool Activa { get; set; } = true;
    public bool PorDefecto { get; set; }
    public DateTimeOffset Creada { get; init; }
}

public static class TiposDefinicion
{
    public const string DocumentosVencidos = "documentos_vencidos";
    public const string ResumenDeuda = "resumen_deuda";
    public const string RecordatorioPreventivo = "recordatorio_preventivo";

    /// <summary>The e-mail of an escalation step (Gestión's action <c>correo</c>); it has no schedule of its own.</summary>
    public const string Politica = "politica";

    public static readonly string[] Todos = [DocumentosVencidos, ResumenDeuda, RecordatorioPreventivo, Politica];
}

public static class FrecuenciasDefinicion
{
    public const string Diaria = "diaria";
    public const string Semanal = "semanal";
    public const string Mensual = "mensual";
    public static readonly string[] Todas = [Diaria, Semanal, Mensual];
}

public static class ModosDefinicion
{
    /// <summary>One mail per client listing all its documents (default).</summary>
    public const string PorCliente = "cliente";

    public const string PorDocumento = "documento";
    public static readonly string[] Todos = [PorCliente, PorDocumento];
}

/// <summary>A notification definition (seed 000 "Notificaciones"): what to send, to whom, when, and the template.</summary>
public sealed class DefinicionNotificacion : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Tipo { get; set; }
    public required string Asunto { get; set; }
    public string? Descripcion { get; set; }
    public bool Activa { get; set; } = true;

    public bool IncluirCuentas { get; set; }

    /// <summary>The deposit accounts shown (empty with <see cref="IncluirCuentas"/>: the active ones, default first).</summary>
    public List<Guid> CuentaIds { get; set; } = [];

    public string Frecuencia { get; set; } = FrecuenciasDefinicion.Diaria;

    /// <summary>ISO weekdays (1 = Monday … 7 = Sunday) for a weekly definition.</summary>
    public List<int> DiasSemana { get; set; } = [];

    /// <summary>Day of the month (1–28, or 31 = last day) for a monthly definition.</summary>
    public int? DiaMes { get; set; }

    /// <summary>Hour of the run in America/Santiago.</summary>
    public TimeOnly Hora { get; set; } = new(9, 0);

    /// <summary>Preventive reminder: days before the due date.</summary>
    public int? DiasAntes { get; set; }

    /// <summary>Overdue documents: only those at least this many days overdue.</summary>
    public int? DiasVencidoMinimo { get; set; }

    public string Modo { get; set; } = ModosDefinicion.PorCliente;

    public List<Guid> GruposClientes { get; set; } = [];
    public List<Guid> GruposContactos { get; set; } = [];
    public List<string> Segmentos { get; set; } = [];
    public List<string> Etapas { get; set; } = [];
    public List<Guid> CobradorIds { get; set; } = [];
    public decimal? MontoVencidoMinimo { get; set; }

    /// <summary>Contact roles that receive it (cobranza, pagos…).</summary>
    public List<string> RolesContacto { get; set; } = ["cobranza", "pagos"];

    /// <summary>The body: a sandboxed Scriban template producing HTML.</summary>
    public required string Plantilla { get; set; }

    public string? Firma { get; set; }

    /// <summary>Storage key of the uploaded logo (see IAlmacenArchivos) and its content type.</summary>
    public string? LogoClave { get; set; }

    public string? LogoContentType { get; set; }

    /// <summary>Reply-To of its mails (otherwise the company's configured one).</summary>
    public string? ResponderA { get; set; }

    public DateTimeOffset Creada { get; init; }
    public DateTimeOffset Actualizada { get; set; }
}

public static class EstadosEnvio
{
    public const string Pendiente = "pendiente";
    public const string Enviado = "enviado";
    public const string Fallido = "fallido";
    public const string Omitido = "omitido";
    public const string Rebotado = "rebotado";
    public static readonly string[] Todos = [Pendiente, Enviado, Fallido, Omitido, Rebotado];
}

public static class OrigenesEnvio
{
    public const string Programado = "programado";
    public const string Manual = "manual";
    public const string Prueba = "prueba";
    public const string Politica = "politica";

    /// <summary>To the company's own users (an executive report), not to a client.</summary>
    public const string Interno = "interno";

    public static readonly string[] Todos = [Programado, Manual, Prueba, Politica, Interno];
}

/// <summary>
/// One message to one client: the outbox row (written by a run with its unique key, drained by the sender) and, afterwards, its
/// delivery log (sent, failed with the SMTP answer, bounced, opened, clicked, replied). The rendered message is kept as sent.
/// </summary>
public sealed class Envio : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid? DefinicionId { get; init; }
    public Guid ClienteId { get; init; }

    /// <summary>Unique per company: <c>{definicion}:{cliente}:{fecha}</c> for a run, the applied step for the policy, a fresh one for a test.</summary>
    public required string Clave { get; init; }

    public required string Origen { get; init; }
    public DateOnly FechaNegocio { get; init; }

    /// <summary>The recipients (contacts of the client) as "Nombre &lt;email&gt;", and their contact ids.</summary>
    public List<string> Para { get; set; } = [];

    public List<Guid> ContactoIds { get; set; } = [];
    public List<Guid> DocumentoIds { get; set; } = [];
    public required string Asunto { get; set; }
    public required string Html { get; set; }
    public string? Texto { get; set; }
    public string? ResponderA { get; set; }

    /// <summary>Kept across retries and in the timeline; replies are matched on it.</summary>
    public required string MessageId { get; init; }

    public string Estado { get; set; } = EstadosEnvio.Pendiente;

    /// <summary>Why it was skipped (a contact rule's code, opted out…) or the last SMTP answer.</summary>
    public string? Detalle { get; set; }

    public int Intentos { get; set; }
    public DateTimeOffset ProximoIntento { get; set; }
    public DateTimeOffset Creado { get; init; }
    public DateTimeOffset? Enviado { get; set; }
    public DateTimeOffset? Abierto { get; set; }
    public bool AperturaProbableAutomatica { get; set; }
    public DateTimeOffset? Clic { get; set; }
    public DateTimeOffset? Rebotado { get; set; }
    public DateTimeOffset? Respondido { get; set; }

    /// <summary>The sent message is in the client's timeline (Gestión); the sender retries the ones a crash left without it.</summary>
    public bool ActividadRegistrada { get; set; }
}

public static class TiposEvento
{
    public const string Apertura = "apertura";
    public const string Clic = "clic";
    public const string Rebote = "rebote";
    public const string Baja = "baja";
    public const string Respuesta = "respuesta";
    public const string RespuestaAutomatica = "respuesta_automatica";
}

/// <summary>Something that happened to a sent message (open, click, bounce, unsubscribe, reply), as it came.</summary>
public sealed class EventoEnvio : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid EnvioId { get; init; }
    public required string Tipo { get; init; }
    public DateTimeOffset Fecha { get; init; }
    public string? Detalle { get; init; }
}

/// <summary>The company's e-mail settings: sender name, default Reply-To, and the acknowledgment of real replies.</summary>
public sealed class ConfiguracionNotificaciones : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public string? NombreRemitente { get; set; }
    public string? ResponderA { get; set; }
    public bool AcuseRespuestas { get; set; }
    public string? PlantillaAcuse { get; set; }
}
