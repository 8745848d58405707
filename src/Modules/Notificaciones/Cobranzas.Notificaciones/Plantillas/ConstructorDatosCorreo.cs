using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Integraciones.Contracts;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.Portal.Contracts;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Notificaciones.Plantillas;

/// <summary>One client to build mail data for: the documents the mail lists and the name of the contact it greets.</summary>
/// <paramref name="Destinatario"/> (the first contact the mail goes to) gets the portal link when the template shows <c>enlace_portal</c>.
public sealed record PedidoDatosCorreo(Guid ClienteId, IReadOnlyList<VencimientoDocumento> Documentos, string? ContactoNombre, ContactoCorreo? Destinatario = null);

/// <summary>
/// The <see cref="DatosCorreo"/> of many clients at once: one call per contract (Clientes, Cartera, Gestión, the company) and one query
/// for the deposit accounts, whatever the number of clients. What the caller already read (situation, debt) is reused.
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

    /// <summary>One client's data (the preview): the documents the definition's kind chases, outside disputes and pending promises.</summary>
    public async Task<DatosCorreo?> ConstruirAsync(DefinicionNotificacion definicion, Guid clienteId, DateOnly hoy, CancellationToken ct)
    {
        var situaciones = (await mediator.Send(new ObtenerSituacionGestion([clienteId], hoy), ct)).ToDictionary(s => s.ClienteId);
        var pausados = situaciones.Values.SelectMany(s => s.DocumentosPausados).ToHashSet();
        var (desde, hasta) = Envios.SeleccionDestinatarios.Rango(Envios.CriteriosSeleccion.De(definicion), hoy);
        var documentos = (await mediator.Send(new VencimientosEnRango([clienteId], desde, hasta), ct))
            .Where(v => !pausados.Contains(v.DocumentoId)).OrderBy(v => v.Fecha).ThenBy(v => v.Folio).ThenBy(v => v.Cuota).ToList();
        return (await ConstruirAsync(definicion, [new PedidoDatosCorreo(clienteId, documentos, null)], hoy, ct, situaciones)).GetValueOrDefault(clienteId);
    }

    public async Task<IReadOnlyDictionary<Guid, DatosCorreo>> ConstruirAsync(
        DefinicionNotificacion definicion, IReadOnlyCollection<PedidoDatosCorreo> pedidos, DateOnly hoy, CancellationToken ct,
        IReadOnlyDictionary<Guid, SituacionGestion>? situaciones = null, IReadOnlyDictionary<Guid, DeudaCliente>? deudas = null)
    {
        if (pedidos.Count == 0)
            return new Dictionary<Guid, DatosCorreo>();
        var ids = pedidos.Select(p => p.ClienteId).ToList();
        var clientes = (await mediator.Send(new BuscarClientes(ids, []), ct)).ToDictionary(c => c.Id);
        situaciones ??= (await mediator.Send(new ObtenerSituacionGestion(ids, hoy), ct)).ToDictionary(s => s.ClienteId);
        var pausados = situaciones.Values.SelectMany(s => s.DocumentosPausados).ToHashSet();
        deudas ??= (await mediator.Send(new ObtenerDeudaClientes(ids, pausados), ct)).ToDictionary(d => d.ClienteId);
        var cuentas = await CuentasAsync(definicion, ct);
        var empresa = (await mediator.Send(new ObtenerDatosEmpresa(contexto.EmpresaId), ct))?.RazonSocial ?? "";
        var enlaces = (await mediator.Send(new EnlacesPagoActivos(ids), ct)).ToLookup(e => e.ClienteId);
        // Single-use links are made only for the mails whose template shows them.
        var portal = definicion.Plantilla.Contains("enlace_portal", StringComparison.Ordinal) && pedidos.Any(p => p.Destinatario is not null)
            ? await mediator.Send(new CrearEnlacesPortal([.. pedidos.Where(p => p.Destinatario is not null)
                .Select(p => new EnlacePortalPedido(p.ClienteId, p.Destinatario!.ContactoId, p.Destinatario.Email))]), ct)
            : new Dictionary<Guid, string>();

        var datos = new Dictionary<Guid, DatosCorreo>(pedidos.Count);
        foreach (var p in pedidos)
        {
            if (!clientes.TryGetValue(p.ClienteId, out var c))
                continue;
            var s = situaciones.GetValueOrDefault(p.ClienteId);
            var d = deudas.GetValueOrDefault(p.ClienteId);
            var documentos = p.Documentos.Select(v => new DocumentoCorreo(
                v.DocumentoId, NombreTipo(v.Tipo), v.Folio, v.Cuota, v.Fecha, Math.Max(0, hoy.DayNumber - v.Fecha.DayNumber), v.Moneda, v.Saldo)).ToList();
            datos[p.ClienteId] = new DatosCorreo(
                new ClienteCorreo(c.Id, c.Rut, c.RazonSocial, p.ContactoNombre), d?.Saldo ?? 0m, d?.Vencido ?? 0m,
                d?.VencimientoMasAntiguo ?? (documentos.Count > 0 ? documentos.Min(x => x.FechaVencimiento) : null), documentos, cuentas,
                s?.CobradorNombre, s?.CobradorTelefono, EnlacePago(enlaces[p.ClienteId], documentos), empresa, hoy,
                p.Destinatario is { } para ? portal.GetValueOrDefault(para.ContactoId) : null);
        }

        return datos;
    }

    /// <summary>The client's newest active payment link that covers every document of the mail, else its newest active link.</summary>
    private static string? EnlacePago(IEnumerable<EnlacePagoActivo> enlaces, IReadOnlyList<DocumentoCorreo> documentos)
    {
        var lista = enlaces.ToList();
        return (lista.FirstOrDefault(e => documentos.Count > 0 && documentos.All(d => e.DocumentoIds.Contains(d.Id))) ?? lista.FirstOrDefault())?.Url;
    }

    /// <summary>The accounts a definition shows: the chosen ones, or every active one with the default first.</summary>
    private async Task<IReadOnlyList<CuentaDeposito>> CuentasAsync(DefinicionNotificacion definicion, CancellationToken ct)
    {
        if (!definicion.IncluirCuentas)
            return [];
        var elegidas = definicion.CuentaIds;
        return await db.CuentasDeposito.AsNoTracking()
            .Where(c => c.Activa && (elegidas.Count == 0 || elegidas.Contains(c.Id)))
            .OrderByDescending(c => c.PorDefecto).ThenBy(c => c.Banco).ToListAsync(ct);
    }
}
