using Cobranzas.Integraciones.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cobranzas.Integraciones.Proveedores;

/// <param name="Credenciales">The adapter's credential fields (see <c>camposCredenciales</c>); none for a provider activated by request.</param>
/// <param name="UrlBase">The provider's API base URL; production when omitted (the provider's sandbox, or a simulator, otherwise).</param>
/// <param name="PorDefecto">New payment links use this provider when they name none.</param>
public sealed record DatosActivacion(Dictionary<string, string>? Credenciales, string? UrlBase, bool? PorDefecto);

public sealed record ActivarProveedor(string Codigo, DatosActivacion Cuerpo) : IRequest<ProveedorDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPost("/integraciones/proveedores/{codigo}/activar",
            async Task<Ok<ProveedorDto>> (string codigo, DatosActivacion body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ActivarProveedor(codigo, body), ct)))
        .WithName("ActivarProveedorPago").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class ActivarProveedorValidator : AbstractValidator<ActivarProveedor>
{
    public ActivarProveedorValidator()
    {
        RuleFor(x => x.Cuerpo).NotNull();
        RuleFor(x => x.Cuerpo.UrlBase).MaximumLength(LargosProveedores.Url)
            .Must(u => u is null || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            .WithErrorCode("url_invalida").WithMessage("urlBase debe ser una URL absoluta http o https.").When(x => x.Cuerpo is not null).OverridePropertyName("urlBase");
        RuleForEach(x => x.Cuerpo.Credenciales).Must(c => c.Key.Length <= LargosProveedores.NombreCampo && c.Value is { Length: <= LargosProveedores.Credencial })
            .WithErrorCode("credencial_invalida").WithMessage($"Cada credencial tiene a lo más {LargosProveedores.Credencial} caracteres.")
            .When(x => x.Cuerpo is not null).OverridePropertyName("credenciales");
        // The shared NUL check walks properties, not dictionary entries.
        RuleForEach(x => x.Cuerpo.Credenciales).Must(c => !c.Key.Contains('\0') && c.Value?.Contains('\0') != true)
            .WithErrorCode("caracter_nulo").WithMessage("Las credenciales no pueden contener el carácter nulo.")
            .When(x => x.Cuerpo is not null).OverridePropertyName("credenciales");
    }
}

public sealed class ActivarProveedorHandler(
    IntegracionesDbContext db, ConexionesProveedor conexiones, CredencialesProveedor credenciales, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj,
    ILogger<ActivarProveedorHandler> log) : IRequestHandler<ActivarProveedor, ProveedorDto>
{
    public async ValueTask<ProveedorDto> Handle(ActivarProveedor request, CancellationToken ct)
    {
        var catalogo = CatalogoProveedores.Buscar(request.Codigo) ?? throw new NoEncontradoException("Proveedor", request.Codigo);
        var datos = request.Cuerpo;
        var propio = await db.Set<ProveedorEmpresa>().SingleOrDefaultAsync(p => p.Codigo == catalogo.Codigo, ct);
        if (propio is null)
        {
            propio = new ProveedorEmpresa { Codigo = catalogo.Codigo };
            db.Set<ProveedorEmpresa>().Add(propio);
        }

        var ahora = reloj.GetUtcNow();
        propio.ActorUltimoCambio = contexto.Actor;
        if (catalogo.Modalidad == CatalogoProveedores.Solicitud)
        {
            if (datos.Credenciales is { Count: > 0 } || datos.UrlBase is not null)
                throw new ReglaNegocioException("credenciales", "sin_api", $"{catalogo.Nombre} no tiene API pública: su activación se solicita, sin credenciales.");
            if (propio.Estado == EstadosProveedor.Solicitado)
                throw new ConflictoException("codigo", $"La activación de {catalogo.Nombre} ya fue solicitada el {propio.Solicitado:dd-MM-yyyy}.");
            propio.Estado = EstadosProveedor.Solicitado;
            propio.Solicitado = ahora;
            await db.SaveChangesAsync(ct);
            var lineas = new[]
            {
                $"{contexto.Actor} solicitó activar {catalogo.Nombre} como medio de pago de la empresa.",
                $"{catalogo.Nombre} no tiene API pública: contacte al proveedor para contratar el servicio; la solicitud quedó registrada el {ahora:dd-MM-yyyy HH:mm} UTC.",
            };
            await mediator.Send(new AvisarAdministradores(contexto.EmpresaId, $"Solicitud de activación de {catalogo.Nombre}",
                string.Concat(lineas.Select(l => $"<p>{System.Net.WebUtility.HtmlEncode(l)}</p>")), string.Join("\n", lineas)), ct);
            return ProyeccionProveedor.Dto(catalogo, propio, null);
        }

        var adaptador = conexiones.Adaptador(catalogo.Codigo)
            ?? throw new ReglaNegocioException("codigo", "adaptador_no_disponible", $"{catalogo.Nombre} todavía no está disponible en esta versión.");
        var entregadas = datos.Credenciales ?? [];
        foreach (var desconocido in entregadas.Keys.Where(k => adaptador.CamposCredenciales.All(c => c.Nombre != k)))
            throw new ReglaNegocioException($"credenciales.{desconocido}", "campo_desconocido",
                $"{catalogo.Nombre} no usa el campo '{desconocido}'; sus campos son: {string.Join(", ", adaptador.CamposCredenciales.Select(c => c.Nombre))}.");
        foreach (var campo in adaptador.CamposCredenciales.Where(c => string.IsNullOrWhiteSpace(entregadas.GetValueOrDefault(c.Nombre))))
            throw new ReglaNegocioException($"credenciales.{campo.Nombre}", "requerido", $"Falta {campo.Etiqueta} ({campo.Nombre}).");

        var valores = adaptador.CamposCredenciales.ToDictionary(c => c.Nombre, c => entregadas[c.Nombre].Trim());
        var url = datos.UrlBase is null ? null : datos.UrlBase.TrimEnd('/') + "/";
        var conexion = new ConexionProveedor(new Uri(url ?? catalogo.UrlProduccion!), valores);
        VerificacionCredenciales verificacion;
        try
        {
            verificacion = await adaptador.VerificarCredencialesAsync(conexion, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            log.LogWarning(ex, "No se pudo verificar las credenciales de {Proveedor} en {Url}", catalogo.Codigo, conexion.UrlBase);
            throw new ReglaNegocioException("urlBase", "proveedor_inalcanzable", $"No se pudo contactar a {catalogo.Nombre} en {conexion.UrlBase} para verificar las credenciales; intente más tarde.");
        }

        if (!verificacion.Validas)
            throw new ReglaNegocioException("credenciales", "credenciales_rechazadas", verificacion.Motivo ?? $"{catalogo.Nombre} rechazó las credenciales.");

        propio.CredencialesCifradas = credenciales.Cifrar(contexto.EmpresaId, catalogo.Codigo, valores);
        propio.CamposConfigurados = [.. valores.Keys];
        propio.UrlBase = url;
        propio.Estado = EstadosProveedor.Activo;
        propio.Activado = ahora;
        propio.Desactivado = null;
        if (datos.PorDefecto == true)
        {
            await db.Set<ProveedorEmpresa>().Where(p => p.Codigo != catalogo.Codigo && p.PorDefecto).ExecuteUpdateAsync(s => s.SetProperty(p => p.PorDefecto, false), ct);
            propio.PorDefecto = true;
        }

        await db.SaveChangesAsync(ct);
        return ProyeccionProveedor.Dto(catalogo, propio, adaptador);
    }
}

public sealed record DesactivarProveedor(string Codigo) : IRequest<ProveedorDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPost("/integraciones/proveedores/{codigo}/desactivar",
            async Task<Ok<ProveedorDto>> (string codigo, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new DesactivarProveedor(codigo), ct)))
        .WithName("DesactivarProveedorPago").ProducesProblem(404).ProducesProblem(422);
}

/// <summary>New links can no longer use it; its links, payments and notifications stay, and a payment made on an old link is still confirmed.</summary>
public sealed class DesactivarProveedorHandler(IntegracionesDbContext db, ConexionesProveedor conexiones, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<DesactivarProveedor, ProveedorDto>
{
    public async ValueTask<ProveedorDto> Handle(DesactivarProveedor request, CancellationToken ct)
    {
        var catalogo = CatalogoProveedores.Buscar(request.Codigo) ?? throw new NoEncontradoException("Proveedor", request.Codigo);
        var propio = await db.Set<ProveedorEmpresa>().SingleOrDefaultAsync(p => p.Codigo == catalogo.Codigo, ct);
        if (propio is null || propio.Estado is EstadosProveedor.Inactivo or EstadosProveedor.Desactivado)
            throw new ReglaNegocioException("codigo", "no_activo", $"{catalogo.Nombre} no está activo ni solicitado.");
        propio.Estado = EstadosProveedor.Desactivado;
        propio.Desactivado = reloj.GetUtcNow();
        propio.PorDefecto = false;
        propio.ActorUltimoCambio = contexto.Actor;
        await db.SaveChangesAsync(ct);
        return ProyeccionProveedor.Dto(catalogo, propio, conexiones.Adaptador(catalogo.Codigo));
    }
}

/// <param name="Porcentaje">The provider's fee as a percentage of each payment (e.g. 2.95).</param>
/// <param name="Fijo">A fixed amount per payment, in CLP.</param>
public sealed record DatosComisiones(decimal? Porcentaje, decimal? Fijo);

public sealed record ActualizarComisionesProveedor(string Codigo, DatosComisiones Cuerpo) : IRequest<ProveedorDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/integraciones/proveedores/{codigo}/comisiones",
            async Task<Ok<ProveedorDto>> (string codigo, DatosComisiones body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ActualizarComisionesProveedor(codigo, body), ct)))
        .WithName("ActualizarComisionesProveedorPago").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class ActualizarComisionesProveedorValidator : AbstractValidator<ActualizarComisionesProveedor>
{
    public ActualizarComisionesProveedorValidator()
    {
        RuleFor(x => x.Cuerpo).NotNull();
        RuleFor(x => x.Cuerpo.Porcentaje).InclusiveBetween(0, 100).PrecisionScale(7, 4, true).When(x => x.Cuerpo is not null).OverridePropertyName("porcentaje");
        RuleFor(x => x.Cuerpo.Fijo).InclusiveBetween(0, 1_000_000_000).PrecisionScale(18, 4, true).When(x => x.Cuerpo is not null).OverridePropertyName("fijo");
    }
}

public sealed class ActualizarComisionesProveedorHandler(IntegracionesDbContext db, ConexionesProveedor conexiones, IContextoSolicitud contexto)
    : IRequestHandler<ActualizarComisionesProveedor, ProveedorDto>
{
    public async ValueTask<ProveedorDto> Handle(ActualizarComisionesProveedor request, CancellationToken ct)
    {
        var catalogo = CatalogoProveedores.Buscar(request.Codigo) ?? throw new NoEncontradoException("Proveedor", request.Codigo);
        var propio = await db.Set<ProveedorEmpresa>().SingleOrDefaultAsync(p => p.Codigo == catalogo.Codigo, ct);
        if (propio is null)
        {
            propio = new ProveedorEmpresa { Codigo = catalogo.Codigo };
            db.Set<ProveedorEmpresa>().Add(propio);
        }

        propio.ComisionPorcentaje = request.Cuerpo.Porcentaje;
        propio.ComisionFija = request.Cuerpo.Fijo;
        propio.ActorUltimoCambio = contexto.Actor;
        await db.SaveChangesAsync(ct);
        return ProyeccionProveedor.Dto(catalogo, propio, conexiones.Adaptador(catalogo.Codigo));
    }
}
