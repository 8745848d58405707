using Mediator;

namespace Cobranzas.SharedKernel.Contratos;

/// <summary>An active user of the caller's company and the address mail reaches them at.</summary>
public sealed record CorreoUsuario(string UsuarioId, string Nombre, string Email);

/// <summary>Of <paramref name="UsuarioIds"/>, the active users of the caller's company (others are simply absent). Handled by the platform.</summary>
public sealed record ObtenerCorreosUsuarios(IReadOnlyCollection<string> UsuarioIds) : IRequest<IReadOnlyList<CorreoUsuario>>;
