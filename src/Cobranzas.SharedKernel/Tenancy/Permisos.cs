namespace Cobranzas.SharedKernel.Tenancy;

public static class Permisos
{
    public const string Ver = "ver";
    public const string Editar = "editar";
    public const string EnviarNotificaciones = "enviar_notificaciones";
    public const string Administrar = "administrar";

    /// <summary>Running the team: collectors, assignment, the escalation policy, another collector's work.</summary>
    public const string Supervisar = "supervisar";

    /// <summary>Only an external collection agency's key: its own endpoints, nothing else (no role has it).</summary>
    public const string Agencia = "agencia";

    public const string ClaimAgencia = "agencia_id";

    public const string ClaimTipo = "permiso";
    public const string ClaimEmpresa = "empresa_id";
    public const string ClaimActor = "actor";
    public const string ClaimApiKey = "api_key_id";
    public const string ClaimSesion = "sid";
    public const string ClaimRol = "rol";
}

public static class Roles
{
    public const string Administrador = "Administrador";
    public const string Supervisor = "Supervisor";
    public const string Cobrador = "Cobrador";
    public const string Consulta = "Consulta";

    public static readonly IReadOnlyList<string> Todos = [Administrador, Supervisor, Cobrador, Consulta];

    public static IReadOnlyList<string> PermisosDe(string rol) => rol switch
    {
        Administrador => [Permisos.Ver, Permisos.Editar, Permisos.EnviarNotificaciones, Permisos.Supervisar, Permisos.Administrar],
        Supervisor => [Permisos.Ver, Permisos.Editar, Permisos.EnviarNotificaciones, Permisos.Supervisar],
        Cobrador => [Permisos.Ver, Permisos.Editar, Permisos.EnviarNotificaciones],
        Consulta => [Permisos.Ver],
        _ => [],
    };
}
