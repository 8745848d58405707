namespace Cobranzas.SharedKernel.Tenancy;

/// <summary>Who is calling and on behalf of which company; filled by authentication.</summary>
public interface IContextoSolicitud
{
    Guid EmpresaId { get; }
    bool TieneEmpresa { get; }
    string? UsuarioId { get; }
    Guid? ApiKeyId { get; }

    /// <summary>The signed-in user's role in the company (read again on every request); null for API keys and background work.</summary>
    string? Rol { get; }

    /// <summary>Human-readable actor for the audit log: e-mail of the user or name of the key.</summary>
    string Actor { get; }
}

/// <summary>Background work and loaders act on behalf of one company by setting it explicitly.</summary>
public interface IContextoSolicitudExplicito : IContextoSolicitud
{
    void Establecer(Guid empresaId, string actor, string? usuarioId = null);
}

public interface IEntidadDeEmpresa
{
    Guid EmpresaId { get; set; }
}
