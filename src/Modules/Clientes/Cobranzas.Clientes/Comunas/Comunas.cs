using System.Globalization;
using System.Text;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Clientes.Comunas;

/// <summary>A comuna of Chile (reference data shared by every company, <see cref="TablaComunas"/>).</summary>
public sealed class Comuna
{
    public int Id { get; init; }
    public required string Nombre { get; init; }
    public required string Region { get; init; }
    public double Latitud { get; init; }
    public double Longitud { get; init; }
}

public sealed class ComunaConfiguracion : IEntityTypeConfiguration<Comuna>
{
    public void Configure(EntityTypeBuilder<Comuna> e)
    {
        e.ToTable("comunas");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Nombre).HasMaxLength(LargosCliente.Lugar);
        e.Property(x => x.Region).HasMaxLength(LargosCliente.Lugar);
        e.HasIndex(x => x.Nombre).IsUnique();
        e.HasData(TablaComunas.Todas.Select((c, i) => new Comuna { Id = i + 1, Nombre = c.Nombre, Region = c.Region, Latitud = c.Latitud, Longitud = c.Longitud }));
    }
}

public sealed record ComunaDto(string Nombre, string Region, double Latitud, double Longitud);

/// <summary>The comunas of Chile with their region and approximate centroid, for the client form and the route map.</summary>
public sealed record ListarComunas : IRequest<IReadOnlyList<ComunaDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/comunas", async Task<Ok<IReadOnlyList<ComunaDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarComunas(), ct)))
        .WithName("ListarComunas");
}

public sealed class ListarComunasHandler(ClientesDbContext db) : IRequestHandler<ListarComunas, IReadOnlyList<ComunaDto>>
{
    public async ValueTask<IReadOnlyList<ComunaDto>> Handle(ListarComunas request, CancellationToken cancellationToken) =>
        await db.Set<Comuna>().AsNoTracking().OrderBy(c => c.Region).ThenBy(c => c.Nombre)
            .Select(c => new ComunaDto(c.Nombre, c.Region, c.Latitud, c.Longitud)).ToListAsync(cancellationToken);
}

public sealed class UbicarClientesHandler(ClientesDbContext db) : IRequestHandler<UbicarClientes, IReadOnlyList<UbicacionCliente>>
{
    public async ValueTask<IReadOnlyList<UbicacionCliente>> Handle(UbicarClientes request, CancellationToken cancellationToken)
    {
        var ids = request.Ids.Distinct().ToList();
        var clientes = await db.Clientes.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.RazonSocial, c.Direccion, c.Comuna, c.Latitud, c.Longitud }).ToListAsync(cancellationToken);
        var comunas = clientes.Any(c => c.Latitud is null && c.Comuna is not null)
            ? (await db.Set<Comuna>().AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(c => Clave(c.Nombre))
            : [];
        return clientes.Select(c =>
        {
            if (c.Latitud is { } lat && c.Longitud is { } lon)
                return new UbicacionCliente(c.Id, c.RazonSocial, c.Direccion, c.Comuna, lat, lon, OrigenesUbicacion.Cliente);
            if (c.Comuna is not null && comunas.TryGetValue(Clave(c.Comuna), out var comuna))
                return new UbicacionCliente(c.Id, c.RazonSocial, c.Direccion, c.Comuna, comuna.Latitud, comuna.Longitud, OrigenesUbicacion.Comuna);
            return new UbicacionCliente(c.Id, c.RazonSocial, c.Direccion, c.Comuna, null, null, OrigenesUbicacion.SinUbicacion);
        }).ToList();
    }

    /// <summary>The comuna field is free text: matched without case, accents, dots or extra spaces ("nunoa", "Ñuñoa ").</summary>
    public static string Clave(string nombre)
    {
        var sb = new StringBuilder();
        foreach (var ch in nombre.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsLetterOrDigit(ch))
                sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != ' ')
                sb.Append(' ');
        }

        return sb.ToString().Trim();
    }
}
