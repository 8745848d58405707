using Cobranzas.Cartera.Comun;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Http;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Documentos;

public sealed record ClienteRefDto(Guid Id, string Rut, string RazonSocial);

public sealed record DocumentoRefDto(Guid Id, string Tipo, long Folio);

public sealed record CuotaDto(int Numero, DateOnly FechaVencimiento, decimal Monto, decimal Saldo, string Estado);

public sealed record AplicacionDto(
    Guid Id, Guid DocumentoId, int Cuota, Guid? PagoId, Guid? NotaCreditoId, decimal Monto, DateOnly Fecha, bool Activa, DateOnly? FechaReversa, string? MotivoReversa, string Actor);

public sealed record DocumentoDto(
    Guid Id,
    string Tipo,
    long Folio,
    ClienteRefDto Cliente,
    DateOnly FechaEmision,
    DateOnly FechaVencimiento,
    string Moneda,
    decimal Neto,
    decimal Exento,
    decimal Iva,
    decimal Total,
    decimal Saldo,
    string Estado,
    int DiasVencido,
    DocumentoRefDto? Referencia,
    string Origen,
    string? ExternalId,
    string? Notas,
    DateOnly? FechaAnulacion,
    string? MotivoAnulacion,
    IReadOnlyList<CuotaDto> Cuotas,
    IReadOnlyList<AplicacionDto> Aplicaciones,
    DateTimeOffset Creado,
    CesionDto? Cesion = null,
    CastigoDto? Castigo = null,
    string? CuentaContable = null,
    CobranzaBancariaDto? CobranzaBancaria = null,
    ProtestoDocumentoDto? Protesto = null);

/// <summary>A letra or pagaré sent to a bank for collection; <c>Vigente</c> until withdrawn, paid or protested.</summary>
public sealed record CobranzaBancariaDto(string Banco, DateOnly FechaEnvio, bool Vigente, DateOnly? FechaRetiro, string? MotivoRetiro);

public sealed record ProtestoDocumentoDto(DateOnly Fecha, string Motivo, decimal Costo);

/// <summary>The factoring record; <c>Vigente</c> is false after a buy-back (recompra), which keeps the factor data.</summary>
public sealed record CesionDto(string Factor, string FactorRut, DateOnly Fecha, DateOnly? FechaNotificacion, string? Notas, bool Vigente, DateOnly? FechaRecompra, string? MotivoRecompra);

public sealed record CastigoDto(decimal Monto, DateOnly Fecha, string Motivo);

public static class ProyeccionDocumento
{
    public static bool Cedido(Documento d) => ReglasCartera.EsCedido(d);

    public static bool EnCobranzaBancaria(Documento d) => d.FechaEnvioCobranza is not null && d.FechaRetiroCobranza is null && d.FechaProtesto is null && d.Saldo > 0;

    /// <summary>Documents a protested cheque had paid (its application reversed), and letras or pagarés protested themselves.</summary>
    public static IQueryable<Guid> Protestados(CarteraDbContext db) =>
        (from a in db.Aplicaciones
         join p in db.Pagos on a.PagoId equals p.Id
         where p.EstadoCheque == Pagos.Cheques.Protestado && a.FechaReversa != null
         select a.DocumentoId)
        .Concat(db.Documentos.Where(d => d.FechaProtesto != null).Select(d => d.Id));

    public static AplicacionDto Aplicacion(Aplicacion a) =>
        new(a.Id, a.DocumentoId, a.Cuota, a.PagoId, a.NotaCreditoId, a.Monto, a.Fecha, a.FechaReversa is null, a.FechaReversa, a.MotivoReversa, a.Actor);

    /// <summary>Days since the oldest installment still owed fell due (0 when nothing is overdue).</summary>
    public static int DiasVencido(string tipo, bool anulado, DateOnly? primerVencimientoPendiente, DateOnly hoy) =>
        anulado || TiposDocumento.EsCredito(tipo) || primerVencimientoPendiente is not { } v || v >= hoy ? 0 : hoy.DayNumber - v.DayNumber;

    /// <summary>
    /// Clients with a stale or missing name still show: the RUT and name come from Clientes when available.
    /// </summary>
    public static ClienteRefDto Cliente(Guid id, IReadOnlyDictionary<Guid, Clientes.Contracts.ClienteInfo> clientes) =>
        clientes.TryGetValue(id, out var c) ? new ClienteRefDto(c.Id, c.Rut, c.RazonSocial) : new ClienteRefDto(id, "", "");

    public static async Task<DocumentoDto> CargarAsync(CarteraDbContext db, IMediator mediator, TimeProvider reloj, Guid id, CancellationToken ct)
    {
        var d = await db.Documentos.AsNoTracking().Include(x => x.Cuotas).SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NoEncontradoException("Documento", id);
        var aplicaciones = await db.Aplicaciones.AsNoTracking().Where(a => a.DocumentoId == id || a.NotaCreditoId == id)
            .OrderBy(a => a.Fecha).ThenBy(a => a.Creado).ThenBy(a => a.Id).ToListAsync(ct);
        var referencia = d.ReferenciaId is { } refId
            ? await db.Documentos.AsNoTracking().Where(r => r.Id == refId).Select(r => new DocumentoRefDto(r.Id, r.Tipo, r.Folio)).SingleOrDefaultAsync(ct)
            : null;
        var clientes = await ResolucionCliente.PorIdAsync(mediator, [d.ClienteId], ct);
        var hoy = FechaNegocio.Hoy(reloj);
        var anulado = d.FechaAnulacion is not null;
        var credito = TiposDocumento.EsCredito(d.Tipo);
        var primerPendiente = d.Cuotas.Where(c => c.Saldo > 0).Select(c => (DateOnly?)c.FechaVencimiento).Min();
        var dias = DiasVencido(d.Tipo, anulado, primerPendiente, hoy);
        var protestado = d.Saldo > 0 && await Protestados(db).AnyAsync(x => x == d.Id, ct);
        var cuotas = d.Cuotas.OrderBy(c => c.Numero)
            .Select(c => new CuotaDto(c.Numero, c.FechaVencimiento, c.Monto, c.Saldo, Estados.De(anulado, c.Monto, c.Saldo, !credito && c.Saldo > 0 && c.FechaVencimiento < hoy)))
            .ToList();
        return new DocumentoDto(
            d.Id, d.Tipo, d.Folio, Cliente(d.ClienteId, clientes), d.FechaEmision, d.FechaVencimiento, d.Moneda, d.Neto, d.Exento, d.Iva, d.Total, d.Saldo,
            Estados.De(anulado, d.Total, d.Saldo, dias > 0, Cedido(d), d.FechaCastigo is not null, protestado), dias, referencia, d.Origen, d.ExternalId, d.Notas,
            d.FechaAnulacion, d.MotivoAnulacion, cuotas, aplicaciones.Select(Aplicacion).ToList(), d.Creado,
            d.FechaCesion is { } fc ? new CesionDto(d.FactorNombre ?? "", d.FactorRut ?? "", fc, d.FechaNotificacionCesion, d.NotasCesion, d.FechaRecompra is null, d.FechaRecompra, d.MotivoRecompra) : null,
            d.FechaCastigo is { } fk ? new CastigoDto(d.MontoCastigo ?? 0, fk, d.MotivoCastigo ?? "") : null,
            d.CuentaContable,
            d.FechaEnvioCobranza is { } fe ? new CobranzaBancariaDto(d.BancoCobranza ?? "", fe, EnCobranzaBancaria(d), d.FechaRetiroCobranza, d.MotivoRetiroCobranza) : null,
            d.FechaProtesto is { } fp ? new ProtestoDocumentoDto(fp, d.MotivoProtesto ?? "", d.CostoProtesto ?? 0) : null);
    }
}
