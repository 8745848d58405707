using Cobranzas.SharedKernel.Tenancy;

namespace Cobranzas.Gestion.Persistencia;

/// <summary>A collector of the company; deactivated, never deleted once it has history.</summary>
public sealed class Cobrador : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Nombre { get; set; }
    public string? Email { get; set; }
    public string? Telefono { get; set; }

    /// <summary>The platform user who works as this collector: a Cobrador user sees the clients assigned here.</summary>
    public string? UsuarioId { get; set; }

    public bool Activo { get; set; } = true;

    /// <summary>Regions and communes this collector covers (assignment by zone).</summary>
    public List<string> Regiones { get; set; } = [];

    public List<string> Comunas { get; set; } = [];
    public DateTimeOffset Creado { get; init; }
}

/// <summary>How a client got its collector, in the order the rules are evaluated (manual wins).</summary>
public static class OrigenesAsignacion
{
    public const string Manual = "manual";
    public const string Cartera = "cartera";
    public const string Segmento = "segmento";
    public const string CuentaClave = "cuenta_clave";
    public const string Zona = "zona";
    public static readonly string[] EnOrden = [Manual, Cartera, Segmento, CuentaClave, Zona];
}

/// <summary>The one responsible collector of a client (a client without a row has none).</summary>
public sealed class AsignacionCliente : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public Guid CobradorId { get; set; }
    public required string Origen { get; set; }
    public DateTimeOffset Actualizada { get; set; }
}

/// <summary>Where the client stands in the collection process and the last escalation step applied to it.</summary>
public sealed class EtapaCliente : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public required string Etapa { get; set; }
    public DateOnly Desde { get; set; }
    public Guid? UltimoPasoId { get; set; }
    public DateOnly? FechaUltimoPaso { get; set; }
}

public static class OrigenesTarea
{
    public const string Manual = "manual";
    public const string Politica = "politica";
    public const string Compromiso = "compromiso";
    public const string Actividad = "actividad";
    public const string Disputa = "disputa";
}

public static class EstadosTarea
{
    public const string Pendiente = "pendiente";
    public const string Completada = "completada";
    public const string Cancelada = "cancelada";
}

/// <summary>
/// Something a collector has to do for a client on a date: every item of "Mi trabajo" is a task, whoever created it
/// (a promise to verify or follow up, an escalation step, an activity's next action, a dispute to review).
/// </summary>
public sealed class Tarea : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public Guid? CobradorId { get; set; }

    /// <summary>llamada, visita, correo, seguimiento, revision...: what to do.</summary>
    public required string Tipo { get; set; }

    public required string Origen { get; init; }

    /// <summary>The promise, step, activity or dispute that created it.</summary>
    public Guid? OrigenId { get; init; }

    public required string Titulo { get; set; }

    /// <summary>Why it is on the list, as the collector reads it.</summary>
    public required string Motivo { get; set; }

    public DateOnly Fecha { get; set; }
    public string Estado { get; set; } = EstadosTarea.Pendiente;
    public DateTimeOffset Creada { get; init; }
    public DateTimeOffset? Completada { get; set; }
    public string? CompletadaPor { get; set; }
    public string? Resultado { get; set; }
}

/// <summary>A Chilean holiday: national, or regional (then <see cref="Region"/>), possibly moved from <see cref="FechaOriginal"/>.</summary>
public sealed class Feriado
{
    public DateOnly Fecha { get; init; }
    public required string Nombre { get; init; }

    /// <summary>Null for a national holiday; the region's name for a regional one.</summary>
    public string? Region { get; init; }

    public DateOnly? FechaOriginal { get; init; }
    public bool Irrenunciable { get; init; }

    /// <summary>Which revision of the table added it (the table is data, versioned with the product).</summary>
    public required string Version { get; init; }
}

/// <summary>The company's collection settings.</summary>
public sealed class ConfiguracionGestion : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }

    /// <summary>Days after a promise's date a payment still counts as keeping it.</summary>
    public int DiasGraciaCompromiso { get; set; } = 2;

    /// <summary>The company's own limits for business clients (null: none).</summary>
    public int? MaxLlamadasSemanaEmpresas { get; set; }

    public int? MaxEscritosSemanaEmpresas { get; set; }

    /// <summary>A dispute open longer than this many days is a critical case.</summary>
    public int DiasDisputaCritica { get; set; } = 30;

    /// <summary>Commission (%) external agencies charge on what they recover; part of the collection cost.</summary>
    public decimal ComisionAgenciasPorcentaje { get; set; }
}

/// <summary>How a contact reaches the client; the contact rules count calls and visits apart from written contacts.</summary>
public static class CanalesContacto
{
    public const string Telefono = "telefono";
    public const string Escrito = "escrito";
    public const string Presencial = "presencial";
    public static readonly string[] Todos = [Telefono, Escrito, Presencial];
}

/// <summary>An activity type of the company (seed 000 "Actividades": name, type, description).</summary>
public sealed class TipoActividad : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Nombre { get; set; }

    /// <summary>llamada, correo, visita, reunion, carta, whatsapp, compromiso_pago, otro.</summary>
    public required string Tipo { get; set; }

    public string? Descripcion { get; set; }
    public required string Canal { get; set; }
    public bool Activo { get; set; } = true;
}

public static class ResultadosActividad
{
    public const string Contactado = "contactado";
    public const string NoContesta = "no_contesta";
    public const string BuzonVoz = "buzon_voz";
    public const string NumeroEquivocado = "numero_equivocado";
    public const string Promesa = "promesa";
    public const string Disputa = "disputa";
    public const string Pago = "pago";
    public const string SeNiega = "se_niega";
    public static readonly string[] Todos = [Contactado, NoContesta, BuzonVoz, NumeroEquivocado, Promesa, Disputa, Pago, SeNiega];
}

/// <summary>A contact with the client or work on its account, kept (the law asks for two years of contacts).</summary>
public sealed class Actividad : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public Guid TipoActividadId { get; init; }
    public required string Canal { get; init; }
    public Guid? CobradorId { get; init; }
    public DateTimeOffset Fecha { get; init; }
    public string? Resultado { get; set; }
    public string? Notas { get; set; }
    public DateOnly? ProximaAccion { get; set; }
    public List<Guid> DocumentoIds { get; set; } = [];
    public required string RegistradaPor { get; init; }

    /// <summary>Manual, or what created it (an escalation step, a promise, a dispute).</summary>
    public string Origen { get; init; } = OrigenesTarea.Manual;

    public Guid? OrigenId { get; init; }

    /// <summary>A supervisor's reason to contact despite a contact rule.</summary>
    public string? MotivoExcepcion { get; set; }

    public DateTimeOffset Creada { get; init; }
}

public static class MotivosPausa
{
    public const string Compromiso = "compromiso";
    public const string Disputa = "disputa";
}

/// <summary>
/// Escalation does not act on a document (or, without a document, on the whole client) while a pause holds: a pending
/// promise until its date plus the grace days (<see cref="Hasta"/>), an open dispute until it is resolved (no end).
/// Promises and disputes write and remove their pauses; the escalation policy only reads them.
/// </summary>
public sealed class PausaEscalamiento : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }

    /// <summary>Null: the pause covers every document of the client (a promise of an amount, not of documents).</summary>
    public Guid? DocumentoId { get; init; }

    public required string Motivo { get; init; }
    public Guid OrigenId { get; init; }

    /// <summary>The last day the pause holds (inclusive); null while the dispute is open.</summary>
    public DateOnly? Hasta { get; set; }
}
