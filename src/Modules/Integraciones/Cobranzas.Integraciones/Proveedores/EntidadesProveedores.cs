using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Integraciones.Proveedores;

public static class EstadosProveedor
{
    public const string Inactivo = "inactivo";
    public const string Activo = "activo";
    public const string Solicitado = "solicitado";
    public const string Desactivado = "desactivado";
}

/// <summary>
/// A provider as one company configured it. The credentials are one Data Protection payload (JSON of field → value); only
/// the names of the fields set are kept in clear, to say which are configured. Deactivation keeps them: a payment made on
/// an old link may still be confirmed and must be checked against the provider.
/// </summary>
public sealed class ProveedorEmpresa : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Codigo { get; init; }
    public string Estado { get; set; } = EstadosProveedor.Inactivo;
    public string? CredencialesCifradas { get; set; }
    public string[] CamposConfigurados { get; set; } = [];
    public string? UrlBase { get; set; }
    public decimal? ComisionPorcentaje { get; set; }
    public decimal? ComisionFija { get; set; }
    public bool PorDefecto { get; set; }
    public DateTimeOffset? Activado { get; set; }
    public DateTimeOffset? Solicitado { get; set; }
    public DateTimeOffset? Desactivado { get; set; }
    public string? ActorUltimoCambio { get; set; }
}

/// <summary>Every notification a provider sent that reached a company's link, with what came of it (kept also when forged or stale).</summary>
public sealed class NotificacionProveedor : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Proveedor { get; init; }
    public Guid? EnlaceId { get; init; }
    public string? Referencia { get; set; }
    public DateTimeOffset Recibida { get; init; }
    public required string Resultado { get; set; }
    public string? Detalle { get; set; }
}

public static class ResultadosNotificacion
{
    public const string Rechazada = "rechazada";
    public const string ErrorConsulta = "error_consulta";
    public const string Pendiente = "pendiente";
    public const string Pagado = "pagado";
    public const string Duplicada = "duplicada";
    public const string PagoRechazado = "pago_rechazado";
    public const string Expirado = "expirado";
    public const string Anulado = "anulado";
}

public sealed class ProveedorEmpresaConfiguracion : IEntityTypeConfiguration<ProveedorEmpresa>
{
    public void Configure(EntityTypeBuilder<ProveedorEmpresa> e)
    {
        e.ToTable("proveedores_empresa");
        e.HasIndex(x => new { x.EmpresaId, x.Codigo }).IsUnique();
        e.Property(x => x.Codigo).HasMaxLength(40);
        e.Property(x => x.Estado).HasMaxLength(20);
        e.Property(x => x.UrlBase).HasMaxLength(LargosProveedores.Url);
        e.Property(x => x.ComisionPorcentaje).HasPrecision(7, 4);
        e.Property(x => x.ComisionFija).HasPrecision(18, 4);
        e.Property(x => x.ActorUltimoCambio).HasMaxLength(200);
    }
}

public sealed class NotificacionProveedorConfiguracion : IEntityTypeConfiguration<NotificacionProveedor>
{
    public void Configure(EntityTypeBuilder<NotificacionProveedor> e)
    {
        e.ToTable("notificaciones_proveedor");
        e.HasIndex(x => new { x.EmpresaId, x.EnlaceId, x.Recibida });
        e.Property(x => x.Proveedor).HasMaxLength(40);
        e.Property(x => x.Referencia).HasMaxLength(200);
        e.Property(x => x.Resultado).HasMaxLength(30);
        e.Property(x => x.Detalle).HasMaxLength(1000);
    }
}

public static class LargosProveedores
{
    public const int Url = 500;
    public const int Credencial = 500;
    public const int NombreCampo = 60;
}
