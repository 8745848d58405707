using Mediator;

namespace Cobranzas.Clientes.Contracts;

/// <summary>What an approval decides on; each kind has its own levels.</summary>
public static class TiposAprobacion
{
    public const string Credito = "credito";
    public const string Convenio = "convenio";
    public const string Castigo = "castigo";
    public static readonly string[] Todos = [Credito, Convenio, Castigo];
}

public static class EstadosAprobacion
{
    public const string Pendiente = "pendiente";
    public const string Aprobada = "aprobada";
    public const string Rechazada = "rechazada";
}

/// <summary>One approver's decision, as recorded.</summary>
public sealed record DecisionAprobacionDto(string UsuarioId, string Actor, string Rol, bool Aprueba, string? Comentario, DateTimeOffset Fecha);

/// <summary>
/// The approval of one subject (a credit request, a convenio): the level its amount falls in (the lowest level whose
/// <c>HastaUf</c> covers it), the role that level needs, how many distinct approvers it needs and has, and the decisions.
/// A rejection closes it; it is approved when the required number of approvals is reached.
/// </summary>
public sealed record EstadoAprobacionDto(
    Guid Id,
    string Tipo,
    Guid SujetoId,
    Guid? ClienteId,
    string Descripcion,
    decimal MontoUf,
    string Estado,
    string Nivel,
    string RolMinimo,
    int AprobacionesRequeridas,
    int AprobacionesRecibidas,
    IReadOnlyList<DecisionAprobacionDto> Decisiones,
    DateTimeOffset Creada,
    DateTimeOffset? Resuelta);

/// <summary>
/// Opens the approval of a subject for an amount in UF, or answers the one already open for it: the current one is kept
/// while it is pending or approved for the same amount; otherwise (rejected, or the amount changed) a new one starts
/// from the levels configured now. Handled by Clientes.
/// </summary>
public sealed record AbrirAprobacion(string Tipo, Guid SujetoId, decimal MontoUf, Guid? ClienteId, string Descripcion) : IRequest<EstadoAprobacionDto>;

/// <summary>The current approval of a subject, or null if none was opened.</summary>
public sealed record ObtenerAprobacion(string Tipo, Guid SujetoId) : IRequest<EstadoAprobacionDto?>;

/// <summary>
/// Records the calling user's decision on the subject's current approval and answers the new state. Refused (422) when
/// nothing is pending, the caller is not a user (API keys do not approve), the user's role is below the level's, or the
/// user already decided on it (409).
/// </summary>
public sealed record DecidirAprobacion(string Tipo, Guid SujetoId, bool Aprueba, string? Comentario) : IRequest<EstadoAprobacionDto>;

/// <summary>Published when an approval is decided (approved or rejected), so the subject's module can act on it.</summary>
public sealed record AprobacionResuelta(Guid EmpresaId, string Tipo, Guid SujetoId, string Estado) : INotification;
