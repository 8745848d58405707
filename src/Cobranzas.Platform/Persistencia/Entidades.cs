using Cobranzas.SharedKernel.Auditoria;
using Microsoft.AspNetCore.Identity;

namespace Cobranzas.Platform.Persistencia;

public sealed class Usuario : IdentityUser
{
    public string Nombre { get; set; } = "";
    public DateTimeOffset Creado { get; set; }
}

public sealed class Empresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Rut { get; set; }
    public required string RazonSocial { get; set; }
    public DateTimeOffset Creada { get; init; }
}

/// <summary>A user's role in one company; a user may belong to several companies.</summary>
public sealed class Membresia
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; init; }
    public required string UsuarioId { get; init; }
    public required string Rol { get; set; }
    public bool Activa { get; set; } = true;
    public DateTimeOffset Creada { get; init; }
    public Usuario? Usuario { get; init; }
    public Empresa? Empresa { get; init; }
}

public sealed class Invitacion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; init; }
    public required string UsuarioId { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset Expira { get; init; }
    public DateTimeOffset? Usada { get; set; }
    public string InvitadaPor { get; init; } = "";
}

[SinAuditoria]
public sealed class Sesion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UsuarioId { get; init; }
    public Guid EmpresaId { get; init; }
    public DateTimeOffset Creada { get; init; }
    public DateTimeOffset Expira { get; init; }
    public DateTimeOffset? Revocada { get; set; }
}

public sealed class ApiKey
{
    public const string AlcanceLectura = "lectura";
    public const string AlcanceLecturaEscritura = "lectura_escritura";
    public const string AlcanceAgencia = "agencia";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; init; }
    public required string Nombre { get; init; }
    public required string Prefijo { get; init; }
    public required string SecretoHash { get; init; }
    public required string Alcance { get; init; }
    public DateTimeOffset Creada { get; init; }
    public string CreadaPor { get; init; } = "";
    public DateTimeOffset? UltimoUso { get; set; }
    public DateTimeOffset? Revocada { get; set; }

    /// <summary>The collection agency (Gestión) an <see cref="AlcanceAgencia"/> key belongs to.</summary>
    public Guid? AgenciaId { get; init; }

    public IReadOnlyList<string> Permisos() => Alcance switch
    {
        AlcanceLecturaEscritura => [SharedKernel.Tenancy.Permisos.Ver, SharedKernel.Tenancy.Permisos.Editar, SharedKernel.Tenancy.Permisos.Supervisar],
        AlcanceAgencia => [SharedKernel.Tenancy.Permisos.Agencia],
        _ => [SharedKernel.Tenancy.Permisos.Ver],
    };
}

[SinAuditoria]
public sealed class EntradaAuditoria
{
    public Guid Id { get; init; }
    public Guid? EmpresaId { get; init; }
    public DateTimeOffset Fecha { get; init; }
    public string Actor { get; init; } = "";
    public string? UsuarioId { get; init; }
    public Guid? ApiKeyId { get; init; }
    public string Entidad { get; init; } = "";
    public string EntidadId { get; init; } = "";
    public string Operacion { get; init; } = "";
    public string? Antes { get; init; }
    public string? Despues { get; init; }
}

/// <summary>Outbox row: an e-mail that must survive a crash until the SMTP server accepted it.</summary>
[SinAuditoria]
public sealed class CorreoSaliente
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? EmpresaId { get; init; }
    public required string Para { get; init; }
    public required string Asunto { get; init; }
    public required string Html { get; init; }
    public required string Texto { get; init; }
    public DateTimeOffset Creado { get; init; }
    public DateTimeOffset ProximoIntento { get; set; }
    public DateTimeOffset? Enviado { get; set; }
    public int Intentos { get; set; }
    public string? UltimoError { get; set; }
}

/// <summary>One key of the ASP.NET Data Protection key ring (XML as Data Protection writes it), shared by every replica.</summary>
[SinAuditoria]
public sealed class ClaveProteccionDatos
{
    public int Id { get; init; }
    public required string Nombre { get; init; }
    public required string Xml { get; init; }
    public DateTimeOffset Creada { get; init; }
}
