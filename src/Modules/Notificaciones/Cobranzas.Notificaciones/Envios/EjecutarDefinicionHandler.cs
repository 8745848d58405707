using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Notificaciones.Definiciones;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.Notificaciones.Plantillas;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Notificaciones.Envios;

/// <summary>Runs a definition now (manual run): the same run as its schedule, answering what it queued.</summary>
public static class EjecutarDefinicionAhora
{
    public static void Map(RutasModulo rutas) => rutas.Notificar.MapPost("/notificaciones/definiciones/{id:guid}/ejecutar",
            async Task<Ok<ResultadoEjecucion>> (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new EjecutarDefinicion(id, OrigenesEnvio.Manual), ct)))
        .WithName("EjecutarDefinicionNotificacion").ProducesProblem(404).ProducesProblem(422);
}

/// <summary>
/// A run of a definition (§3 "Sending, exactly once"): selects today's recipients set-based (<see cref="SeleccionDestinatarios"/>),
/// applies the written-contact rules to them at this moment, builds and renders every mail, and writes one outbox row per (definition,
/// client, business date) with its unique key in bulk statements (blocks of <see cref="FilasPorBloque"/>, each committed and announced to
/// the sender, <see cref="AvisoEnvios"/>), so the sender drains the first blocks while the run renders the next. A client the rules block gets
/// an <c>omitido</c> row with the rule, so the log says why and a re-run that day does not try again. A re-run inserts nothing:
/// the clients already written today are read first (and not rendered again), and a run racing this one loses on the key.
/// </summary>
public sealed class EjecutarDefinicionHandler(
    NotificacionesDbContext db, SeleccionDestinatarios seleccion, ConstructorDatosCorreo constructor, IEnlacesCorreo enlaces, Definiciones.EnlacesLogo logos, IMediator mediator, AvisoEnvios aviso,
    TimeProvider reloj)
    : IRequestHandler<EjecutarDefinicion, ResultadoEjecucion>
{
    public async ValueTask<ResultadoEjecucion> Handle(EjecutarDefinicion r, CancellationToken ct)
    {
        var definicion = await db.Definiciones.AsNoTracking().FirstOrDefaultAsync(d => d.Id == r.DefinicionId, ct)
            ?? throw new NoEncontradoException("Definición de notificación", r.DefinicionId);
        if (definicion.Tipo == TiposDefinicion.Politica)
            throw new ReglaNegocioException("tipo", "definicion_de_politica", "Una definición de la política de cobranza se envía desde su paso, no se ejecuta sola.");
        if (!definicion.Activa)
        {
            if (r.Origen == OrigenesEnvio.Programado)
                return new ResultadoEjecucion(0, 0, 0);
            throw new ReglaNegocioException("activa", "definicion_inactiva", "La definición está desactivada.");
        }

        var hoy = FechaNegocio.Hoy(reloj);
        var ahora = reloj.GetUtcNow();
        var sel = await seleccion.SeleccionarAsync(CriteriosSeleccion.De(definicion), hoy, ct);
        var yaEscritos = await db.Envios.AsNoTracking().Where(e => e.DefinicionId == definicion.Id && e.FechaNegocio == hoy).Select(e => e.ClienteId).ToListAsync(ct);
        var ya = yaEscritos.ToHashSet();
        var pendientes = sel.Clientes.Where(c => !ya.Contains(c.ClienteId)).ToList();
        var yaEnviados = sel.Clientes.Count - pendientes.Count;
        if (pendientes.Count == 0)
            return new ResultadoEjecucion(0, sel.SinContacto, yaEnviados);

        var bloqueados = await mediator.Send(new EvaluarContactosEscritos([.. pendientes.Select(p => p.ClienteId)], ahora), ct);
        var porEnviar = pendientes.Where(p => !bloqueados.ContainsKey(p.ClienteId)).Select(p => Acotar(definicion, p)).ToList();
        var datos = await constructor.ConstruirAsync(
            definicion, [.. porEnviar.Select(p => new PedidoDatosCorreo(p.ClienteId, p.Documentos, p.Contactos.Count == 1 ? p.Contactos[0].Nombre : null, p.Contactos.FirstOrDefault()))], hoy, ct,
            sel.Situaciones, sel.Deudas);
        var responderA = definicion.ResponderA ?? await db.Configuraciones.AsNoTracking().Select(c => c.ResponderA).FirstOrDefaultAsync(ct);

        // Blocked clients first (no rendering), then the mails in blocks, each committed on its own and announced to the sender, so
        // delivery starts while the rest is still rendering. Every block is once-only on its own through the unique key, and a run cut
        // halfway leaves its committed blocks queued; the next run writes the rest.
        var omitidas = new List<Envio>();
        foreach (var p in pendientes.Where(p => bloqueados.ContainsKey(p.ClienteId)))
        {
            var b = bloqueados[p.ClienteId];
            var fila = Fila(Guid.CreateVersion7(), db.EmpresaActual, definicion.Id, p, Clave(definicion.Id, p.ClienteId, hoy), r.Origen, hoy, ahora,
                Recortar(definicion.Asunto, LargosNotificaciones.Asunto), "", null, responderA);
            fila.Estado = EstadosEnvio.Omitido;
            fila.Detalle = Recortar($"{b.Regla}: {b.Mensaje}", LargosNotificaciones.Detalle);
            omitidas.Add(fila);
        }

        var escritas = omitidas.Count;
        var omitidos = (await EscrituraEnvios.InsertarAsync(db, omitidas, ct)).Count;
        var encolados = 0;
        await foreach (var bloque in RenderizarEnBloques(definicion, porEnviar, datos, r.Origen, hoy, ahora, responderA, ct))
            encolados += await EscribirBloqueAsync(bloque, ct);
        escritas += porEnviar.Count(p => datos.ContainsKey(p.ClienteId));
        return new ResultadoEjecucion(encolados, sel.SinContacto + omitidos, yaEnviados + escritas - encolados - omitidos);
    }

    /// <summary>
    /// Renders the mails on a thread of their own (rendering is CPU-bound and synchronous: on the thread pool it would hold a worker for
    /// seconds, and the sender's awaits in this process queue behind it) and hands them over in blocks, at most two ahead, so block n+1
    /// renders while block n is written.
    /// </summary>
    private async IAsyncEnumerable<List<Envio>> RenderizarEnBloques(
        DefinicionNotificacion definicion, List<Destinatario> porEnviar, IReadOnlyDictionary<Guid, DatosCorreo> datos, string origen, DateOnly hoy,
        DateTimeOffset ahora, string? responderA, [EnumeratorCancellation] CancellationToken ct)
    {
        var bloques = Channel.CreateBounded<List<Envio>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var detener = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var empresa = db.EmpresaActual;
        var compilado = new RenderizadorCorreo.Compilado(definicion);
        var urlLogo = logos.Url(definicion);
        var renderizador = Task.Factory.StartNew(() =>
        {
            try
            {
                var bloque = new List<Envio>(FilasPorBloque);
                foreach (var p in porEnviar)
                {
                    if (!datos.TryGetValue(p.ClienteId, out var d))
                        continue;
                    var id = Guid.CreateVersion7();
                    var correo = compilado.Renderizar(d, urlLogo, enlaces.Baja(empresa, id), detener.Token);
                    bloque.Add(Fila(id, empresa, definicion.Id, p, Clave(definicion.Id, p.ClienteId, hoy), origen, hoy, ahora, correo.Asunto, correo.Html, correo.Texto, responderA));
                    if (bloque.Count == FilasPorBloque)
                    {
                        bloques.Writer.WriteAsync(bloque, detener.Token).AsTask().GetAwaiter().GetResult();
                        bloque = new List<Envio>(FilasPorBloque);
                    }
                }

                if (bloque.Count > 0)
                    bloques.Writer.WriteAsync(bloque, detener.Token).AsTask().GetAwaiter().GetResult();
                bloques.Writer.Complete();
            }
            catch (Exception ex)
            {
                bloques.Writer.Complete(ex);
            }
        }, detener.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            await foreach (var bloque in bloques.Reader.ReadAllAsync(ct))
                yield return bloque;
        }
        finally
        {
            // A block that failed to be written stops the rendering, and the rendering thread is always waited for.
            await detener.CancelAsync();
            await renderizador.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Rows per committed block of a run: small enough that the sender starts early, large enough that a COPY is worth it.</summary>
    public const int FilasPorBloque = 500;

    private async Task<int> EscribirBloqueAsync(List<Envio> bloque, CancellationToken ct)
    {
        var insertados = (await EscrituraEnvios.InsertarAsync(db, bloque, ct)).Count;
        if (insertados > 0)
            await aviso.AvisarAsync(ct);
        return insertados;
    }

    public static string Clave(Guid definicionId, Guid clienteId, DateOnly fecha) => $"{definicionId}:{clienteId}:{fecha:yyyy-MM-dd}";

    /// <summary>
    /// Per-document mode: the mail of a run is about one document, the client's most urgent one (oldest due date, then folio); the
    /// others wait for later runs. The key stays per client and day, so no contact ever gets several reminders from one run.
    /// </summary>
    private static Destinatario Acotar(DefinicionNotificacion definicion, Destinatario p) =>
        definicion.Modo == ModosDefinicion.PorDocumento && p.Documentos.Count > 1
            ? p with { Documentos = [p.Documentos.OrderBy(d => d.Fecha).ThenBy(d => d.Folio).ThenBy(d => d.Cuota).First()] }
            : p;

    public static Envio Fila(
        Guid id, Guid empresaId, Guid? definicionId, Destinatario p, string clave, string origen, DateOnly hoy, DateTimeOffset ahora,
        string asunto, string html, string? texto, string? responderA) => new()
        {
            Id = id, EmpresaId = empresaId, DefinicionId = definicionId, ClienteId = p.ClienteId, Clave = clave, Origen = origen, FechaNegocio = hoy,
            Para = [.. p.Contactos.Select(c => new MimeKit.MailboxAddress(c.Nombre, c.Email.Trim()).ToString())],
            ContactoIds = [.. p.Contactos.Select(c => c.ContactoId)], DocumentoIds = [.. p.Documentos.Select(d => d.DocumentoId).Distinct()],
            Asunto = Recortar(asunto, LargosNotificaciones.Asunto), Html = html, Texto = texto, ResponderA = responderA, MessageId = $"{id:N}@notificaciones.cobranzas",
            ProximoIntento = ahora, Creado = ahora,
        };

    public static string Recortar(string texto, int largo) => texto.Length <= largo ? texto : texto[..(largo - 1)] + "…";
}
