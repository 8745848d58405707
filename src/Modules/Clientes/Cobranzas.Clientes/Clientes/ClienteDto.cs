using System.ComponentModel;
using Cobranzas.Clientes.Persistencia;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Clientes;

public sealed record ClienteDto(
    Guid Id,
    string Rut,
    string RazonSocial,
    string? NombreFantasia,
    string? Giro,
    string? Direccion,
    string? Comuna,
    string? Region,
    string Segmento,
    bool CuentaClave,
    string? EjecutivoId,
    string EstadoCredito,
    string? MotivoEstado,
    string? EstadoCambiadoPor,
    DateTimeOffset? EstadoCambiadoEn,
    CondicionesDto? Condiciones,
    IReadOnlyList<ExcepcionDto> Excepciones,
    PoliticaEfectivaDto PoliticaEfectiva,
    IReadOnlyList<GrupoRefDto> Grupos,
    DateTimeOffset Creado,
    DateTimeOffset Actualizado,
    bool? Consumidor,
    [property: Description("Si las reglas de contacto de consumidores (Ley 21.320) se aplican: el valor declarado o el que resulta del RUT.")] bool ConsumidorEfectivo,
    double? Latitud = null,
    double? Longitud = null);

public sealed record CondicionesDto(
    int? PlazoPagoDias,
    [property: Description("Porcentaje (0 a 100), exacto; no es un monto.")] decimal? DescuentoProntoPagoPorcentaje,
    int? DiasProntoPago,
    [property: Description("Tasa de interés por mora mensual, en porcentaje (0 a 100), exacta; no es un monto.")] decimal? TasaInteresMoraMensual,
    decimal? LimiteCredito,
    string? MonedaLimite,
    string? Garantias,
    [property: Description("Hasta cuándo rige el límite aprobado por una solicitud de crédito; null si no tiene vigencia.")] DateOnly? LimiteVigenteHasta = null);

public sealed record ExcepcionDto(Guid Id, string Descripcion, string AprobadaPor, DateOnly VigenteHasta);

public sealed record GrupoRefDto(Guid Id, string Nombre);

/// <summary>The terms that apply: the segment's policy, overridden field by field by the client's own conditions.</summary>
public sealed record PoliticaEfectivaDto(string Segmento, decimal? LimiteCredito, string MonedaLimite, int PlazoDias, string Garantia, int DiasTolerancia, string Origen);

public static class ProyeccionCliente
{
    public static async Task<ClienteDto> CargarAsync(ClientesDbContext db, Guid id, CancellationToken ct)
    {
        var c = await db.Clientes.AsNoTracking().Include(x => x.Excepciones).SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new SharedKernel.Http.NoEncontradoException("Cliente", id);
        var politica = await db.Politicas.AsNoTracking().SingleOrDefaultAsync(p => p.Segmento == c.Segmento, ct);
        var grupos = await db.MiembrosGruposClientes.AsNoTracking()
            .Where(m => m.ClienteId == id)
            .Join(db.GruposClientes, m => m.GrupoId, g => g.Id, (m, g) => g)
            .OrderBy(g => g.Nombre)
            .Select(g => new GrupoRefDto(g.Id, g.Nombre))
            .ToListAsync(ct);
        return ADto(c, politica, grupos);
    }

    public static ClienteDto ADto(Cliente c, PoliticaCredito? politica, IReadOnlyList<GrupoRefDto> grupos) => new(
        c.Id, c.Rut, c.RazonSocial, c.NombreFantasia, c.Giro, c.Direccion, c.Comuna, c.Region, c.Segmento, c.CuentaClave, c.EjecutivoId,
        c.EstadoCredito, c.MotivoEstado, c.EstadoCambiadoPor, c.EstadoCambiadoEn,
        c.Condiciones is { } k ? new CondicionesDto(k.PlazoPagoDias, k.DescuentoProntoPagoPorcentaje, k.DiasProntoPago, k.TasaInteresMoraMensual, k.LimiteCredito, k.MonedaLimite, k.Garantias, k.LimiteVigenteHasta) : null,
        c.Excepciones.OrderBy(e => e.VigenteHasta).Select(e => new ExcepcionDto(e.Id, e.Descripcion, e.AprobadaPor, e.VigenteHasta)).ToList(),
        PoliticaEfectiva(c, politica),
        grupos,
        c.Creado,
        c.Actualizado,
        c.Consumidor,
        Consumidores.Efectivo(c.Consumidor, c.Rut),
        c.Latitud,
        c.Longitud);

    public static PoliticaEfectivaDto PoliticaEfectiva(Cliente c, PoliticaCredito? p)
    {
        var k = c.Condiciones;
        var propias = k is not null && (k.PlazoPagoDias is not null || k.LimiteCredito is not null || k.Garantias is not null);
        return new PoliticaEfectivaDto(
            c.Segmento,
            k?.LimiteCredito ?? p?.LimiteCredito,
            k?.LimiteCredito is not null ? k.MonedaLimite ?? Monedas.Clp : p?.MonedaLimite ?? Monedas.Clp,
            k?.PlazoPagoDias ?? p?.PlazoDias ?? 0,
            k?.Garantias ?? p?.Garantia ?? "",
            p?.DiasTolerancia ?? 0,
            propias ? "condiciones" : "politica");
    }
}
