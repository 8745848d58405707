using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Gestion.Judicial;

/// <summary>An external collection agency (cobranza prejudicial) the company derives clients or documents to.</summary>
public sealed class AgenciaCobranza : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Nombre { get; set; }
    public required string Rut { get; set; }
    public string? Contacto { get; set; }
    public string? Email { get; set; }
    public string? Telefono { get; set; }
    public decimal PorcentajeComision { get; set; }
    public bool Activa { get; set; } = true;
    public DateTimeOffset Creada { get; init; }
}

public static class EstadosDerivacion
{
    public const string Activa = "activa";
    public const string Cerrada = "cerrada";
}

/// <summary>Documents of one client handed to an agency on a date; the agency's key sees exactly these documents while it is active.</summary>
public sealed class DerivacionAgencia : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid AgenciaId { get; init; }
    public Guid ClienteId { get; init; }
    public List<Guid> DocumentoIds { get; set; } = [];
    public DateOnly Fecha { get; init; }
    public string Estado { get; set; } = EstadosDerivacion.Activa;
    public DateOnly? FechaCierre { get; set; }
    public string? Notas { get; set; }
    public required string DerivadaPor { get; init; }
    public DateTimeOffset Creada { get; init; }
}

/// <summary>A law firm (estudio jurídico) that takes clients to court.</summary>
public sealed class EstudioJuridico : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Nombre { get; set; }
    public required string Rut { get; set; }
    public string? Contacto { get; set; }
    public string? Email { get; set; }
    public string? Telefono { get; set; }
    public bool Activo { get; set; } = true;
    public DateTimeOffset Creado { get; init; }
}

public static class EstadosJuicio
{
    public const string Vigente = "vigente";
    public const string Terminado = "terminado";
    public static readonly string[] Todos = [Vigente, Terminado];
}

/// <summary>A lawsuit against a client, carried by a law firm; while one is open the client is in the judicial stage.</summary>
public sealed class Juicio : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public Guid EstudioId { get; set; }
    public required string Tribunal { get; set; }
    public required string Rol { get; set; }
    public required string Procedimiento { get; set; }
    public required string EtapaProcesal { get; set; }
    public string Estado { get; set; } = EstadosJuicio.Vigente;
    public decimal MontoDemandado { get; set; }
    public DateOnly FechaInicio { get; init; }
    public DateOnly? FechaTermino { get; set; }
    public string? Notas { get; set; }
    public required string CreadoPor { get; init; }
    public DateTimeOffset Creado { get; init; }
    public List<AudienciaJuicio> Audiencias { get; init; } = [];
    public List<CostoJuicio> Costos { get; init; } = [];
}

public sealed class AudienciaJuicio : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid JuicioId { get; init; }
    public DateOnly Fecha { get; init; }
    public required string Descripcion { get; init; }
}

public static class TiposCostoJuicio
{
    public const string Incurrido = "incurrido";
    public const string Recuperado = "recuperado";
    public static readonly string[] Todos = [Incurrido, Recuperado];
}

public sealed class CostoJuicio : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid JuicioId { get; init; }
    public required string Tipo { get; init; }
    public DateOnly Fecha { get; init; }
    public decimal Monto { get; init; }
    public required string Concepto { get; init; }
}

/// <summary>A client in a insolvency procedure (Ley 20.720); while it is open the company's own collection of that client stops.</summary>
public sealed class Quiebra : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public required string Procedimiento { get; set; }
    public DateOnly FechaPublicacion { get; set; }
    public string? Liquidador { get; set; }
    public DateOnly? PlazoVerificacion { get; set; }
    public decimal? MontoVerificado { get; set; }
    public DateOnly? FechaCierre { get; set; }
    public string? Notas { get; set; }
    public required string RegistradaPor { get; init; }
    public DateTimeOffset Creada { get; init; }
    public List<RecuperoQuiebra> Recuperos { get; init; } = [];
}

public sealed class RecuperoQuiebra : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid QuiebraId { get; init; }
    public DateOnly Fecha { get; init; }
    public decimal Monto { get; init; }
    public string? Notas { get; init; }
}

public static class LargosJudicial
{
    public const int Nombre = 200;
    public const int Rut = 12;
    public const int Contacto = 200;
    public const int Tribunal = 200;
    public const int Rol = 50;
    public const int Procedimiento = 100;
    public const int EtapaProcesal = 100;
}

public sealed class ConfiguracionJudicial :
    IEntityTypeConfiguration<AgenciaCobranza>, IEntityTypeConfiguration<DerivacionAgencia>, IEntityTypeConfiguration<EstudioJuridico>,
    IEntityTypeConfiguration<Juicio>, IEntityTypeConfiguration<AudienciaJuicio>, IEntityTypeConfiguration<CostoJuicio>,
    IEntityTypeConfiguration<Quiebra>, IEntityTypeConfiguration<RecuperoQuiebra>
{
    public void Configure(EntityTypeBuilder<AgenciaCobranza> b)
    {
        b.ToTable("agencias_cobranza");
        b.Property(x => x.Nombre).HasMaxLength(LargosJudicial.Nombre);
        b.Property(x => x.Rut).HasMaxLength(LargosJudicial.Rut);
        b.Property(x => x.Contacto).HasMaxLength(LargosJudicial.Contacto);
        b.Property(x => x.Email).HasMaxLength(LargosGestion.Email);
        b.Property(x => x.Telefono).HasMaxLength(LargosGestion.Telefono);
        b.Property(x => x.PorcentajeComision).HasPrecision(5, 2);
        b.HasIndex(x => new { x.EmpresaId, x.Rut }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<DerivacionAgencia> b)
    {
        b.ToTable("derivaciones_agencia");
        b.Property(x => x.Estado).HasMaxLength(20);
        b.Property(x => x.Notas).HasMaxLength(LargosGestion.Notas);
        b.Property(x => x.DerivadaPor).HasMaxLength(LargosGestion.Nombre);
        b.HasOne<AgenciaCobranza>().WithMany().HasForeignKey(x => x.AgenciaId);
        b.HasIndex(x => new { x.EmpresaId, x.AgenciaId, x.Estado });
        b.HasIndex(x => new { x.EmpresaId, x.ClienteId });
    }

    public void Configure(EntityTypeBuilder<EstudioJuridico> b)
    {
        b.ToTable("estudios_juridicos");
        b.Property(x => x.Nombre).HasMaxLength(LargosJudicial.Nombre);
        b.Property(x => x.Rut).HasMaxLength(LargosJudicial.Rut);
        b.Property(x => x.Contacto).HasMaxLength(LargosJudicial.Contacto);
        b.Property(x => x.Email).HasMaxLength(LargosGestion.Email);
        b.Property(x => x.Telefono).HasMaxLength(LargosGestion.Telefono);
        b.HasIndex(x => new { x.EmpresaId, x.Rut }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Juicio> b)
    {
        b.ToTable("juicios");
        b.Property(x => x.Tribunal).HasMaxLength(LargosJudicial.Tribunal);
        b.Property(x => x.Rol).HasMaxLength(LargosJudicial.Rol);
        b.Property(x => x.Procedimiento).HasMaxLength(LargosJudicial.Procedimiento);
        b.Property(x => x.EtapaProcesal).HasMaxLength(LargosJudicial.EtapaProcesal);
        b.Property(x => x.Estado).HasMaxLength(20);
        b.Property(x => x.Notas).HasMaxLength(LargosGestion.Notas);
        b.Property(x => x.CreadoPor).HasMaxLength(LargosGestion.Nombre);
        b.Property(x => x.MontoDemandado).HasPrecision(18, 4);
        b.HasOne<EstudioJuridico>().WithMany().HasForeignKey(x => x.EstudioId);
        b.HasMany(x => x.Audiencias).WithOne().HasForeignKey(x => x.JuicioId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Costos).WithOne().HasForeignKey(x => x.JuicioId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.EmpresaId, x.ClienteId });
    }

    public void Configure(EntityTypeBuilder<AudienciaJuicio> b)
    {
        b.ToTable("audiencias_juicio");
        b.Property(x => x.Descripcion).HasMaxLength(LargosGestion.Motivo);
        b.HasIndex(x => new { x.EmpresaId, x.Fecha });
    }

    public void Configure(EntityTypeBuilder<CostoJuicio> b)
    {
        b.ToTable("costos_juicio");
        b.Property(x => x.Tipo).HasMaxLength(20);
        b.Property(x => x.Concepto).HasMaxLength(LargosGestion.Motivo);
        b.Property(x => x.Monto).HasPrecision(18, 4);
    }

    public void Configure(EntityTypeBuilder<Quiebra> b)
    {
        b.ToTable("quiebras");
        b.Property(x => x.Procedimiento).HasMaxLength(LargosJudicial.Procedimiento);
        b.Property(x => x.Liquidador).HasMaxLength(LargosJudicial.Nombre);
        b.Property(x => x.Notas).HasMaxLength(LargosGestion.Notas);
        b.Property(x => x.RegistradaPor).HasMaxLength(LargosGestion.Nombre);
        b.Property(x => x.MontoVerificado).HasPrecision(18, 4);
        b.HasMany(x => x.Recuperos).WithOne().HasForeignKey(x => x.QuiebraId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.EmpresaId, x.ClienteId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<RecuperoQuiebra> b)
    {
        b.ToTable("recuperos_quiebra");
        b.Property(x => x.Monto).HasPrecision(18, 4);
        b.Property(x => x.Notas).HasMaxLength(LargosGestion.Motivo);
    }
}
