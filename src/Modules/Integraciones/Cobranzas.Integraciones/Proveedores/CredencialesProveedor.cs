using System.Text.Json;
using Cobranzas.Integraciones.Persistencia;
using Cobranzas.SharedKernel.Http;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Integraciones.Proveedores;

/// <summary>Encrypts a company's provider credentials at rest with the Data Protection key ring kept in the database.</summary>
public sealed class CredencialesProveedor(IDataProtectionProvider proteccion)
{
    private readonly IDataProtector protector = proteccion.CreateProtector("Cobranzas.Integraciones.Proveedores.Credenciales");

    public string Cifrar(Guid empresaId, string codigo, IReadOnlyDictionary<string, string> credenciales) =>
        protector.CreateProtector($"{empresaId:N}.{codigo}").Protect(JsonSerializer.Serialize(credenciales));

    public IReadOnlyDictionary<string, string> Descifrar(ProveedorEmpresa p) => p.CredencialesCifradas is null
        ? new Dictionary<string, string>()
        : JsonSerializer.Deserialize<Dictionary<string, string>>(protector.CreateProtector($"{p.EmpresaId:N}.{p.Codigo}").Unprotect(p.CredencialesCifradas))!;
}

/// <summary>The adapters registered in this build and the connection a company set up for each.</summary>
public sealed class ConexionesProveedor(IEnumerable<IProveedorPago> adaptadores, CredencialesProveedor credenciales)
{
    public const string ClienteHttp = "proveedores-pago";

    public IProveedorPago? Adaptador(string codigo) => adaptadores.FirstOrDefault(a => a.Codigo == codigo);

    public static Uri UrlBase(ProveedorEmpresa p) =>
        new((p.UrlBase ?? CatalogoProveedores.Buscar(p.Codigo)?.UrlProduccion ?? throw new InvalidOperationException($"Sin URL para {p.Codigo}")).TrimEnd('/') + "/");

    public ConexionProveedor Conexion(ProveedorEmpresa p) => new(UrlBase(p), credenciales.Descifrar(p));

    /// <summary>The adapter and connection of a provider the company may create links with: active and with its adapter registered.</summary>
    public async Task<(IProveedorPago Adaptador, ProveedorEmpresa Proveedor)> ParaCobrarAsync(IntegracionesDbContext db, string? codigo, CancellationToken ct)
    {
        var activos = await db.Set<ProveedorEmpresa>().Where(p => p.Estado == EstadosProveedor.Activo).ToListAsync(ct);
        var elegido = codigo is not null
            ? activos.FirstOrDefault(p => p.Codigo == codigo)
              ?? throw new ReglaNegocioException("proveedor", "proveedor_inactivo", $"El proveedor '{codigo}' no está activo en la empresa.")
            : activos.FirstOrDefault(p => p.PorDefecto) ?? (activos.Count == 1 ? activos[0] : null)
              ?? throw new ReglaNegocioException("proveedor", activos.Count == 0 ? "sin_proveedor" : "proveedor_requerido", activos.Count == 0
                  ? "La empresa no tiene un proveedor de pagos activo: active uno en Integraciones."
                  : "Hay varios proveedores activos y ninguno es el predeterminado: indique el proveedor.");
        var adaptador = Adaptador(elegido.Codigo)
            ?? throw new ReglaNegocioException("proveedor", "adaptador_no_disponible", $"El proveedor '{elegido.Codigo}' no está disponible en esta versión.");
        return (adaptador, elegido);
    }
}
