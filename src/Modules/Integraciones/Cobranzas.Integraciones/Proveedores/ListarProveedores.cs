using Cobranzas.Integraciones.Persistencia;
using Cobranzas.SharedKernel.Http;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Integraciones.Proveedores;

/// <param name="Configurado">Whether the company entered this field; its value is never returned.</param>
public sealed record CampoCredencialDto(string Nombre, string Etiqueta, bool Secreto, bool Configurado);

/// <param name="Disponible">Whether this build can activate it (an adapter is registered, or it is activated by request).</param>
public sealed record ProveedorDto(
    string Codigo, string Nombre, string Descripcion, string Modalidad, bool Disponible, string Estado, bool PorDefecto,
    decimal? ComisionPorcentaje, decimal? ComisionFija, DateTimeOffset? Activado, DateTimeOffset? Solicitado, DateTimeOffset? Desactivado,
    string? UrlBase, string? UrlProduccion, string? UrlSandbox, string? Documentacion, IReadOnlyList<CampoCredencialDto> CamposCredenciales);

public static class ProyeccionProveedor
{
    public static ProveedorDto Dto(ProveedorCatalogo c, ProveedorEmpresa? p, IProveedorPago? adaptador)
    {
        var configurados = p?.CamposConfigurados ?? [];
        return new ProveedorDto(
            c.Codigo, c.Nombre, c.Descripcion, c.Modalidad, c.Modalidad == CatalogoProveedores.Solicitud || adaptador is not null,
            p?.Estado ?? EstadosProveedor.Inactivo, p?.PorDefecto ?? false, p?.ComisionPorcentaje, p?.ComisionFija, p?.Activado, p?.Solicitado, p?.Desactivado,
            p?.UrlBase, c.UrlProduccion, c.UrlSandbox, c.Documentacion,
            (adaptador?.CamposCredenciales ?? []).Select(f => new CampoCredencialDto(f.Nombre, f.Etiqueta, f.Secreto, configurados.Contains(f.Nombre))).ToList());
    }
}

public sealed record ListarProveedores : IRequest<IReadOnlyList<ProveedorDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/integraciones/proveedores", async Task<Ok<IReadOnlyList<ProveedorDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarProveedores(), ct)))
        .WithName("ListarProveedoresPago");
}

public sealed class ListarProveedoresHandler(IntegracionesDbContext db, ConexionesProveedor conexiones) : IRequestHandler<ListarProveedores, IReadOnlyList<ProveedorDto>>
{
    public async ValueTask<IReadOnlyList<ProveedorDto>> Handle(ListarProveedores request, CancellationToken cancellationToken)
    {
        var propios = await db.Set<ProveedorEmpresa>().AsNoTracking().ToDictionaryAsync(p => p.Codigo, cancellationToken);
        return CatalogoProveedores.Todos.Select(c => ProyeccionProveedor.Dto(c, propios.GetValueOrDefault(c.Codigo), conexiones.Adaptador(c.Codigo))).ToList();
    }
}

public sealed record ObtenerProveedor(string Codigo) : IRequest<ProveedorDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/integraciones/proveedores/{codigo}", async Task<Ok<ProveedorDto>> (string codigo, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerProveedor(codigo), ct)))
        .WithName("ObtenerProveedorPago").ProducesProblem(404);
}

public sealed class ObtenerProveedorHandler(IntegracionesDbContext db, ConexionesProveedor conexiones) : IRequestHandler<ObtenerProveedor, ProveedorDto>
{
    public async ValueTask<ProveedorDto> Handle(ObtenerProveedor request, CancellationToken cancellationToken)
    {
        var catalogo = CatalogoProveedores.Buscar(request.Codigo) ?? throw new NoEncontradoException("Proveedor", request.Codigo);
        var propio = await db.Set<ProveedorEmpresa>().AsNoTracking().SingleOrDefaultAsync(p => p.Codigo == request.Codigo, cancellationToken);
        return ProyeccionProveedor.Dto(catalogo, propio, conexiones.Adaptador(request.Codigo));
    }
}
