using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Gestion.Terreno;

/// <summary>A collector's planned visits for one day (one route per collector and day).</summary>
public sealed class RutaTerreno : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid CobradorId { get; init; }
    public DateOnly Fecha { get; init; }
    public double? InicioLatitud { get; set; }
    public double? InicioLongitud { get; set; }
    public required string CreadaPor { get; init; }
    public DateTimeOffset Creada { get; init; }
    public DateTimeOffset Actualizada { get; set; }
    public List<ParadaRuta> Paradas { get; init; } = [];
}

public static class EstadosParada
{
    public const string Pendiente = "pendiente";
    public const string EnVisita = "en_visita";
    public const string Visitada = "visitada";
}

/// <summary>The fixed outcomes of a field visit.</summary>
public static class ResultadosVisita
{
    public const string Pago = "pago";
    public const string Compromiso = "compromiso";
    public const string SinPago = "sin_pago";
    public const string Ausente = "ausente";
    public const string SeNiega = "se_niega";
    public const string DireccionErronea = "direccion_erronea";
    public static readonly string[] Todos = [Pago, Compromiso, SinPago, Ausente, SeNiega, DireccionErronea];

    /// <summary>The activity log's outcome for a visit's outcome.</summary>
    public static string? Actividad(string resultado) => resultado switch
    {
        Pago => ResultadosActividad.Pago,
        Compromiso => ResultadosActividad.Promesa,
        SinPago => ResultadosActividad.Contactado,
        Ausente => ResultadosActividad.NoContesta,
        SeNiega => ResultadosActividad.SeNiega,
        _ => null,
    };
}

/// <summary>One client to visit on a route, in its place; "llegué" and the report are written on it.</summary>
public sealed class ParadaRuta : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid RutaId { get; init; }
    public Guid ClienteId { get; init; }
    public int Orden { get; set; }
    public string Estado { get; set; } = EstadosParada.Pendiente;
    public DateTimeOffset? LlegadaEn { get; set; }
    public double? LlegadaLatitud { get; set; }
    public double? LlegadaLongitud { get; set; }

    /// <summary>The accuracy radius the phone reported, in metres.</summary>
    public double? LlegadaPrecision { get; set; }

    /// <summary>The visit in the client's activity log (created on arrival).</summary>
    public Guid? ActividadId { get; set; }

    public string? Resultado { get; set; }
    public string? Notas { get; set; }
    public DateTimeOffset? InformadaEn { get; set; }
}

public static class MediosPagoTerreno
{
    public const string Efectivo = "efectivo";
    public const string Cheque = "cheque";
    public static readonly string[] Todos = [Efectivo, Cheque];
}

/// <summary>A numbered receipt for money taken in the field; the payment itself lives in Cartera.</summary>
public sealed class ReciboTerreno : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public long Numero { get; init; }
    public required string ClaveIdempotencia { get; init; }
    public Guid ClienteId { get; init; }
    public Guid? CobradorId { get; init; }
    public Guid? ParadaId { get; init; }
    public Guid PagoId { get; init; }
    public DateOnly Fecha { get; init; }
    public decimal Monto { get; init; }
    public required string Moneda { get; init; }
    public required string Medio { get; init; }
    public string? Banco { get; init; }
    public string? NumeroCheque { get; init; }
    public DateOnly? FechaCheque { get; init; }
    public decimal Aplicado { get; init; }

    /// <summary>What Cartera applied the payment to when it was registered (printed on the receipt).</summary>
    public List<LineaRecibo> Documentos { get; init; } = [];

    public string? Notas { get; init; }
    public required string RegistradoPor { get; init; }
    public DateTimeOffset Creado { get; init; }
}

public sealed class LineaRecibo
{
    public required string Tipo { get; init; }
    public long Folio { get; init; }
    public decimal Monto { get; init; }
}

/// <summary>The last receipt number of a company: taken with an UPDATE that locks the row, so two receipts never share a number.</summary>
public sealed class CorrelativoRecibo : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public long Ultimo { get; set; }
}

public static class LargosTerreno
{
    public const int Clave = 100;
    public const int Banco = 100;
    public const int NumeroCheque = 30;
    public const int ParadasMaximas = 100;
}

public sealed class TerrenoConfiguracion :
    IEntityTypeConfiguration<RutaTerreno>, IEntityTypeConfiguration<ParadaRuta>, IEntityTypeConfiguration<ReciboTerreno>, IEntityTypeConfiguration<CorrelativoRecibo>
{
    public void Configure(EntityTypeBuilder<RutaTerreno> e)
    {
        e.ToTable("rutas_terreno");
        e.HasIndex(x => new { x.EmpresaId, x.CobradorId, x.Fecha }).IsUnique();
        e.HasIndex(x => new { x.EmpresaId, x.Fecha });
        e.Property(x => x.CreadaPor).HasMaxLength(200);
        e.HasOne<Cobrador>().WithMany().HasForeignKey(x => x.CobradorId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Paradas).WithOne().HasForeignKey(x => x.RutaId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ParadaRuta> e)
    {
        e.ToTable("paradas_ruta");
        e.HasIndex(x => new { x.RutaId, x.ClienteId }).IsUnique();
        e.HasIndex(x => new { x.EmpresaId, x.ClienteId });
        e.Property(x => x.Estado).HasMaxLength(20);
        e.Property(x => x.Resultado).HasMaxLength(30);
        e.Property(x => x.Notas).HasMaxLength(LargosGestion.Notas);
    }

    public void Configure(EntityTypeBuilder<ReciboTerreno> e)
    {
        e.ToTable("recibos_terreno");
        e.HasIndex(x => new { x.EmpresaId, x.Numero }).IsUnique();
        e.HasIndex(x => new { x.EmpresaId, x.ClaveIdempotencia }).IsUnique();
        e.HasIndex(x => new { x.EmpresaId, x.Fecha });
        e.Property(x => x.ClaveIdempotencia).HasMaxLength(LargosTerreno.Clave);
        e.Property(x => x.Moneda).HasMaxLength(3);
        e.Property(x => x.Medio).HasMaxLength(20);
        e.Property(x => x.Banco).HasMaxLength(LargosTerreno.Banco);
        e.Property(x => x.NumeroCheque).HasMaxLength(LargosTerreno.NumeroCheque);
        e.Property(x => x.Notas).HasMaxLength(LargosGestion.Notas);
        e.Property(x => x.RegistradoPor).HasMaxLength(200);
        e.Property(x => x.Monto).HasPrecision(18, 4);
        e.Property(x => x.Aplicado).HasPrecision(18, 4);
        e.OwnsMany(x => x.Documentos, d => d.ToJson());
    }

    public void Configure(EntityTypeBuilder<CorrelativoRecibo> e)
    {
        e.ToTable("correlativos_recibo");
        e.HasKey(x => x.EmpresaId);
    }
}
