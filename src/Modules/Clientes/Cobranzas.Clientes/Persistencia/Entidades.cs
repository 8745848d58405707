using Cobranzas.SharedKernel.Tenancy;

namespace Cobranzas.Clientes.Persistencia;

public static class EstadosCredito
{
    public const string Vigente = "vigente";
    public const string Suspendido = "suspendido";
    public const string Bloqueado = "bloqueado";
    public static readonly string[] Todos = [Vigente, Suspendido, Bloqueado];

    /// <summary>The state in words, as exports and people read it.</summary>
    public static string Nombre(string estado) => estado switch
    {
        Vigente => "Vigente",
        Suspendido => "Suspendido",
        Bloqueado => "Bloqueado",
        _ => estado,
    };
}

public static class Monedas
{
    public const string Clp = "CLP";
    public const string Uf = "UF";
    public static readonly string[] DeLimite = [Clp, Uf];
}

public sealed class Cliente : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Rut { get; set; }
    public required string RazonSocial { get; set; }
    public string? NombreFantasia { get; set; }
    public string? Giro { get; set; }
    public string? Direccion { get; set; }
    public string? Comuna { get; set; }
    public string? Region { get; set; }

    /// <summary>WGS84; both or neither. Without them the route map places the client at its comuna's centroid.</summary>
    public double? Latitud { get; set; }

    public double? Longitud { get; set; }
    public required string Segmento { get; set; }
    public bool CuentaClave { get; set; }

    /// <summary>Declared consumer (Ley 19.496); null: decided from the RUT (see <see cref="Consumidores"/>).</summary>
    public bool? Consumidor { get; set; }

    public string? EjecutivoId { get; set; }
    public string EstadoCredito { get; set; } = EstadosCredito.Vigente;
    public string? MotivoEstado { get; set; }
    public string? EstadoCambiadoPor { get; set; }
    public DateTimeOffset? EstadoCambiadoEn { get; set; }
    public CondicionesComerciales? Condiciones { get; set; }
    public List<ExcepcionAutorizada> Excepciones { get; set; } = [];
    public DateTimeOffset Creado { get; init; }
    public DateTimeOffset Actualizado { get; set; }
    public List<Contacto> Contactos { get; init; } = [];
}

/// <summary>Client-specific terms that override the segment's credit policy where set.</summary>
public sealed class CondicionesComerciales
{
    public int? PlazoPagoDias { get; set; }
    public decimal? DescuentoProntoPagoPorcentaje { get; set; }
    public int? DiasProntoPago { get; set; }
    public decimal? TasaInteresMoraMensual { get; set; }
    public decimal? LimiteCredito { get; set; }
    public string? MonedaLimite { get; set; }
    public string? Garantias { get; set; }

    /// <summary>Until when the limit was granted (a credit line approved for some months); a review task comes before it lapses.</summary>
    public DateOnly? LimiteVigenteHasta { get; set; }
}

public sealed class ExcepcionAutorizada
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Descripcion { get; set; }
    public required string AprobadaPor { get; set; }
    public DateOnly VigenteHasta { get; set; }
}

public sealed class HistorialEstadoCredito : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public required string EstadoAnterior { get; init; }
    public required string EstadoNuevo { get; init; }
    public required string Motivo { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset Fecha { get; init; }
}

public static class RolesContacto
{
    public static readonly string[] Todos = ["cobranza", "pagos", "comercial", "legal"];
}

public static class CanalesContacto
{
    public static readonly string[] Todos = ["email", "telefono", "whatsapp"];
}

public sealed class Contacto : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public required string Nombre { get; set; }
    public string? Cargo { get; set; }
    public required string Rol { get; set; }
    public string? Email { get; set; }
    public string? Telefono { get; set; }
    public string CanalPreferido { get; set; } = "email";
    public bool OptOutEmail { get; set; }

    /// <summary>A hard bounce came back for <see cref="Email"/>: mails are not sent to it until the address is corrected.</summary>
    public bool EmailInvalido { get; set; }

    /// <summary>An inactive contact keeps its history but no longer acts for the client (the portal refuses it at once).</summary>
    public bool Activo { get; set; } = true;

    public Cliente? Cliente { get; init; }
}

public sealed class PoliticaCredito : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Segmento { get; set; }

    /// <summary>Null means no limit (e.g. Gobierno).</summary>
    public decimal? LimiteCredito { get; set; }
    public string MonedaLimite { get; set; } = Monedas.Uf;
    public int PlazoDias { get; set; }
    public required string Garantia { get; set; }

    /// <summary>Days past due tolerated before the client is suspended automatically.</summary>
    public int DiasTolerancia { get; set; }
}

public interface IGrupo : IEntidadDeEmpresa
{
    Guid Id { get; }
    string Nombre { get; set; }
    string? Descripcion { get; set; }
}

public sealed class GrupoClientes : IGrupo
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Nombre { get; set; }
    public string? Descripcion { get; set; }
    public List<MiembroGrupoClientes> Miembros { get; init; } = [];
}

public interface IMiembroGrupo : IEntidadDeEmpresa
{
    Guid GrupoId { get; }
}

public sealed class MiembroGrupoClientes : IMiembroGrupo
{
    public Guid EmpresaId { get; set; }
    public Guid GrupoId { get; init; }
    public Guid ClienteId { get; init; }
    public Cliente? Cliente { get; init; }
}

public sealed class GrupoContactos : IGrupo
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Nombre { get; set; }
    public string? Descripcion { get; set; }
    public List<MiembroGrupoContactos> Miembros { get; init; } = [];
}

public sealed class MiembroGrupoContactos : IMiembroGrupo
{
    public Guid EmpresaId { get; set; }
    public Guid GrupoId { get; init; }
    public Guid ContactoId { get; init; }
    public Contacto? Contacto { get; init; }
}

/// <summary>
/// Whether a client is a consumer, for the consumer-protection contact rules (Ley 19.496 art. 37, Ley 21.320): the declared
/// flag, or else a persona natural by its RUT (companies get RUTs from 50.000.000 up; natural persons below).
/// </summary>
public static class Consumidores
{
    public const int RutMinimoPersonaJuridica = 50_000_000;

    public static bool Efectivo(bool? declarado, string rut) =>
        declarado ?? (SharedKernel.Rut.Rut.TryParse(rut, out var r) && r.Value.Numero < RutMinimoPersonaJuridica);
}
