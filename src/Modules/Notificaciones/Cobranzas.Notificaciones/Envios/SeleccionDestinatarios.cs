using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Notificaciones.Persistencia;
using Mediator;

namespace Cobranzas.Notificaciones.Envios;

/// <summary>Who a definition addresses and which of their documents it chases: the kind and the recipients filter of a <see cref="DefinicionNotificacion"/>.</summary>
public sealed record CriteriosSeleccion(
    string Tipo, int? DiasAntes, int? DiasVencidoMinimo, IReadOnlyList<Guid> GruposClientes, IReadOnlyList<Guid> GruposContactos, IReadOnlyList<string> Segmentos,
    IReadOnlyList<string> Etapas, IReadOnlyList<Guid> CobradorIds, decimal? MontoVencidoMinimo, IReadOnlyList<string> RolesContacto)
{
    public static CriteriosSeleccion De(DefinicionNotificacion d) => new(
        d.Tipo, d.DiasAntes, d.DiasVencidoMinimo, d.GruposClientes, d.GruposContactos, d.Segmentos, d.Etapas, d.CobradorIds, d.MontoVencidoMinimo, d.RolesContacto);
}

/// <summary>A client that gets the mail: its usable contacts (opted-out and bounced ones removed, one per address) and the documents it lists.</summary>
public sealed record Destinatario(Guid ClienteId, IReadOnlyList<ContactoCorreo> Contactos, IReadOnlyList<VencimientoDocumento> Documentos);

/// <summary>The selection of a run: the clients to write to, how many clients with something to chase have no usable contact, and what was read on the way.</summary>
public sealed record Seleccion(
    IReadOnlyList<Destinatario> Clientes, int SinContacto, IReadOnlyDictionary<Guid, SituacionGestion> Situaciones, IReadOnlyDictionary<Guid, DeudaCliente>? Deudas);

/// <summary>
/// The recipients of a definition today, set-based: one call per contract for all candidate clients (Clientes for contacts and groups,
/// Cartera for the installments still open now, Gestión for stage, collector and paused documents), never one per client; when every
/// client is a candidate the three calls run at once. Balances are
/// read at run time, so a document paid an hour ago is not chased; documents in dispute or under a pending promise are left out, and a
/// client with nothing left is not selected. The contact rules (Ley 21.320) are the run's to apply, at the moment it writes.
/// </summary>
public sealed class SeleccionDestinatarios(IMediator mediator)
{
    public const int MaximoIdsEnParametro = 5_000;

    public async Task<Seleccion> SeleccionarAsync(CriteriosSeleccion f, DateOnly hoy, CancellationToken ct)
    {
        var vacia = new Seleccion([], 0, new Dictionary<Guid, SituacionGestion>(), null);
        var (desde, hasta) = Rango(f, hoy);
        var pedidoContactos = new ObtenerContactosCorreo(null, f.GruposClientes, f.GruposContactos, f.Segmentos, f.RolesContacto, Ordenados: false);
        Dictionary<Guid, List<ContactoCorreo>> contactos;
        Dictionary<Guid, List<VencimientoDocumento>> documentos;
        Dictionary<Guid, SituacionGestion> situaciones;
        if (f.GruposClientes.Count == 0 && f.GruposContactos.Count == 0 && f.Segmentos.Count == 0)
        {
            // Every client is a candidate: the three modules are asked at once (each answers on its own connection), not one after the other.
            var pedidoDocumentos = mediator.Send(new VencimientosEnRango(null, desde, hasta, Ordenados: false), ct).AsTask();
            var pedidoSituaciones = mediator.Send(new ObtenerSituacionGestion(null, hoy), ct).AsTask();
            contactos = Agrupar(await mediator.Send(pedidoContactos, ct));
            documentos = Agrupar(await pedidoDocumentos, contactos);
            situaciones = (await pedidoSituaciones).Where(s => documentos.ContainsKey(s.ClienteId)).ToDictionary(s => s.ClienteId);
            if (contactos.Count == 0 || documentos.Count == 0)
                return vacia;
        }
        else
        {
            contactos = Agrupar(await mediator.Send(pedidoContactos, ct));
            if (contactos.Count == 0)
                return vacia;

            // Past a few thousand candidates, asking for every client and keeping the candidates here beats sending their ids as a parameter.
            var todos = contactos.Count > MaximoIdsEnParametro;
            documentos = Agrupar(await mediator.Send(new VencimientosEnRango(todos ? null : contactos.Keys, desde, hasta, Ordenados: false), ct), contactos);
            if (documentos.Count == 0)
                return vacia;

            situaciones = (await mediator.Send(new ObtenerSituacionGestion(todos ? null : documentos.Keys, hoy), ct))
                .Where(s => documentos.ContainsKey(s.ClienteId)).ToDictionary(s => s.ClienteId);
        }

        var pausados = situaciones.Values.SelectMany(s => s.DocumentosPausados).ToHashSet();
        var candidatos = new List<(Guid Id, List<VencimientoDocumento> Documentos)>();
        foreach (var (id, docs) in documentos)
        {
            var s = situaciones.GetValueOrDefault(id);
            if (s?.ClientePausado == true)
                continue;
            if (f.Etapas.Count > 0 && (s?.Etapa is not { } etapa || !f.Etapas.Contains(etapa)))
                continue;
            if (f.CobradorIds.Count > 0 && (s?.CobradorId is not { } cobrador || !f.CobradorIds.Contains(cobrador)))
                continue;
            var quedan = pausados.Count == 0 ? docs : docs.Where(d => !pausados.Contains(d.DocumentoId)).ToList();
            if (quedan.Count > 0)
                candidatos.Add((id, quedan));
        }

        Dictionary<Guid, DeudaCliente>? deudas = null;
        if (f.MontoVencidoMinimo is { } minimo && candidatos.Count > 0)
        {
            deudas = (await mediator.Send(new ObtenerDeudaClientes([.. candidatos.Select(c => c.Id)], pausados), ct)).ToDictionary(d => d.ClienteId);
            candidatos.RemoveAll(c => deudas.GetValueOrDefault(c.Id)?.Vencido < minimo || !deudas.ContainsKey(c.Id));
        }

        var clientes = new List<Destinatario>(candidatos.Count);
        var sinContacto = 0;
        foreach (var (id, docs) in candidatos)
        {
            var suyos = contactos[id];
            // Most clients have one contact: no set or lowered copy of its address is needed to keep one per address.
            IReadOnlyList<ContactoCorreo> usables = suyos.Count == 1
                ? suyos[0] is { OptOut: false, EmailInvalido: false } ? suyos : []
                : suyos.Where(c => !c.OptOut && !c.EmailInvalido).DistinctBy(c => c.Email.Trim().ToLowerInvariant()).ToList();
            if (usables.Count == 0)
                sinContacto++;
            else
                clientes.Add(new Destinatario(id, usables, docs));
        }

        return new Seleccion(clientes, sinContacto, situaciones, deudas);
    }

    private static Dictionary<Guid, List<ContactoCorreo>> Agrupar(IReadOnlyList<ContactoCorreo> contactos)
    {
        var r = new Dictionary<Guid, List<ContactoCorreo>>();
        foreach (var c in contactos)
        {
            if (!r.TryGetValue(c.ClienteId, out var lista))
                r[c.ClienteId] = lista = [];
            lista.Add(c);
        }

        // The contracts answer unordered (sorting every contact of the company in the database cost more than the query): each
        // client's few are put in the order the mail shows them here.
        foreach (var lista in r.Values)
        {
            if (lista.Count > 1)
                lista.Sort((a, b) => string.CompareOrdinal(a.Nombre, b.Nombre));
        }

        return r;
    }

    private static Dictionary<Guid, List<VencimientoDocumento>> Agrupar(IReadOnlyList<VencimientoDocumento> vencimientos, Dictionary<Guid, List<ContactoCorreo>> contactos)
    {
        var r = new Dictionary<Guid, List<VencimientoDocumento>>();
        foreach (var v in vencimientos)
        {
            if (!contactos.ContainsKey(v.ClienteId))
                continue;
            if (!r.TryGetValue(v.ClienteId, out var lista))
                r[v.ClienteId] = lista = [];
            lista.Add(v);
        }

        foreach (var lista in r.Values)
        {
            if (lista.Count > 1)
                lista.Sort((a, b) => a.Fecha != b.Fecha ? a.Fecha.CompareTo(b.Fecha) : a.Folio != b.Folio ? a.Folio.CompareTo(b.Folio) : a.Cuota.CompareTo(b.Cuota));
        }

        return r;
    }

    /// <summary>The due dates a kind chases: overdue (at least <c>DiasVencidoMinimo</c> days, one by default), due in exactly <c>DiasAntes</c> days, or every open one.</summary>
    public static (DateOnly Desde, DateOnly Hasta) Rango(CriteriosSeleccion f, DateOnly hoy) => f.Tipo switch
    {
        TiposDefinicion.RecordatorioPreventivo => (hoy.AddDays(f.DiasAntes ?? 0), hoy.AddDays(f.DiasAntes ?? 0)),
        TiposDefinicion.ResumenDeuda => (DateOnly.MinValue, DateOnly.MaxValue),
        _ => (DateOnly.MinValue, hoy.AddDays(-Math.Max(1, f.DiasVencidoMinimo ?? 1))),
    };
}
