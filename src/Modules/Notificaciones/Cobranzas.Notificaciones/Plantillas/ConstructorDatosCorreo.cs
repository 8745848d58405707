using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Notificaciones.Plantillas;

/// <summary>
/// Builds what a definition's mail shows about each client (<see cref="DatosCorreo"/>) from the contracts of Clientes, Cartera and
/// Gestión and the company's deposit accounts. Set-based: one call per contract whatever the number of clients, so the preview of one
/// client and a run over thousands share this code. Documents in dispute or under a pending promise are left out of the mail.
/// </summary>
public sealed class ConstructorDatosCorreo(IMediator mediator, NotificacionesDbContext db, IContextoSolicitud contexto)
{
    private static readonly Dictionary<string, string> NombresTipo = new()
    {
        ["30"] = "Factura", ["32"] = "Factura exenta", ["33"] = "Factura electrónica", ["34"] = "Factura exenta electrónica", ["35"] = "Boleta",
        ["38"] = "Boleta exenta", ["39"] = "Boleta electrónica", ["41"] = "Boleta exenta electrónica", ["46"] = "Factura de compra",
        ["52"] = "Guía de despacho", ["56"] = "Nota de débito", ["61"] = "Nota de crédito", ["110"] = "Factura de exportación",
    };

    public static string NombreTipo(string tipo) => NombresTipo.TryGetValue(tipo, out var n) ? n : $"Documento {tipo}";

    public async Task<DatosCorreo?> ConstruirAsync(DefinicionNotificacion definicion, Guid clienteId, DateOnly hoy, CancellationToken ct) =>
        (await ConstruirAsync(definicion, [clienteId], hoy, ct)).GetValueOrDefault(clienteId);

    /// <summary>The data of each of these clients of the caller's company (unknown ids are absent), for the documents the definition's kind chases.</summary>
    public async Task<IReadOnlyDictionary<Guid, DatosCorreo>> ConstruirAsync(
        DefinicionNotificacion definicion, IReadOnlyCollection<Guid> clienteIds, DateOnly hoy, CancellationToken ct)
    {
        if (clienteIds.Count == 0)
            return new Dictionary<Guid, DatosCorreo>();
        var ids = clienteIds.Distinct().ToList();
        var clientes = await mediator.Send(new BuscarClientes(ids, []), ct);
        if (clientes.Count == 0)
            return new Dictionary<Guid, DatosCorreo>();
        ids = clientes.Select(c => c.Id).ToList();
        var situaciones = (await mediator.Send(new ObtenerSituacionGestion(ids, hoy), ct)).ToDictionary(s => s.ClienteId);
        var pausados = situaciones.Values.SelectMany(s => s.DocumentosPausados).ToHashSet();
        var deudas = (await mediator.Send(new ObtenerDeudaClientes(ids, pausados), ct)).ToDictionary(d => d.ClienteId);
        var (desde, hasta) = Rango(definicion, hoy);
        var documentos = (await mediator.Send(new VencimientosEnRango(ids, desde, hasta), ct))
            .Where(v => !pausados.Contains(v.DocumentoId)).ToLookup(v => v.ClienteId);
        var cuentas = definicion.IncluirCuentas ? await CuentasAsync(definicion, ct) : [];
        var empresa = (await mediator.Send(new ObtenerDatosEmpresa(contexto.EmpresaId), ct))?.RazonSocial ?? "";

        return clientes.ToDictionary(c => c.Id, c =>
        {
            var deuda = deudas.GetValueOrDefault(c.Id);
            var situacion = situaciones.GetValueOrDefault(c.Id);
            var docs = documentos[c.Id].OrderBy(v => v.Fecha).ThenBy(v => v.Folio).ThenBy(v => v.Cuota)
                .Select(v => new DocumentoCorreo(v.DocumentoId, NombreTipo(v.Tipo), v.Folio, v.Cuota, v.Fecha, Math.Max(0, hoy.DayNumber - v.Fecha.DayNumber), v.Moneda, v.Saldo))
                .ToList();
            return new DatosCorreo(
                new ClienteCorreo(c.Id, c.Rut, c.RazonSocial, null), deuda?.Saldo ?? 0, deuda?.Vencido ?? 0, deuda?.VencimientoMasAntiguo, docs, cuentas,
                situacion?.CobradorNombre, situacion?.CobradorTelefono, null, empresa, hoy);
        });
    }

    /// <summary>The due dates a kind chases: overdue ones (at least the minimum days late), those due in exactly n days, or every open one.</summary>
    public static (DateOnly Desde, DateOnly Hasta) Rango(DefinicionNotificacion d, DateOnly hoy) => d.Tipo switch
    {
        TiposDefinicion.RecordatorioPreventivo => (hoy.AddDays(d.DiasAntes ?? 0), hoy.AddDays(d.DiasAntes ?? 0)),
        TiposDefinicion.ResumenDeuda => (DateOnly.MinValue, DateOnly.MaxValue),
        _ => (DateOnly.MinValue, hoy.AddDays(-Math.Max(1, d.DiasVencidoMinimo ?? 1))),
    };

    /// <summary>The chosen active accounts in the chosen order, or every active one with the default first.</summary>
    private async Task<List<CuentaDeposito>> CuentasAsync(DefinicionNotificacion d, CancellationToken ct)
    {
        var activas = await db.CuentasDeposito.AsNoTracking().Where(c => c.Activa).OrderByDescending(c => c.PorDefecto).ThenBy(c => c.Creada).ToListAsync(ct);
        return d.CuentaIds.Count == 0 ? activas : d.CuentaIds.Select(id => activas.FirstOrDefault(c => c.Id == id)).OfType<CuentaDeposito>().ToList();
    }
}
