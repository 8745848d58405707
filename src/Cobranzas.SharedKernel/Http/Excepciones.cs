namespace Cobranzas.SharedKernel.Http;

/// <summary>The resource does not exist for the caller's company (answers 404).</summary>
public sealed class NoEncontradoException(string recurso, object id)
    : Exception($"{recurso} '{id}' no existe.")
{
    public string Recurso { get; } = recurso;
}

/// <summary>The request clashes with existing data, e.g. a duplicate RUT (answers 409).</summary>
public sealed class ConflictoException(string campo, string mensaje) : Exception(mensaje)
{
    public string Campo { get; } = campo;
}

/// <summary>A well-formed request that breaks a business rule (answers 422).</summary>
public sealed class ReglaNegocioException(string campo, string regla, string mensaje) : Exception(mensaje)
{
    public string Campo { get; } = campo;
    public string Regla { get; } = regla;
}

/// <summary>Login failed or the account is locked (answers 401, never telling which part was wrong).</summary>
public sealed class CredencialesInvalidasException(string mensaje) : Exception(mensaje);
