using Bogus;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Gestion.Actividades;
using Cobranzas.Gestion.Compromisos;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Disputas;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Politica;
using Cobranzas.Gestion.Trabajo;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Api.Demo;

/// <summary>
/// The Gestión part of the demo: a few weeks of contacts, promises kept, broken and pending, disputes, the escalation
/// policy run once and the Cobrador user's day, so every Gestión screen has something on first run. What happened in
/// the past (contacts, promises taken weeks ago) is inserted as history; everything that can happen today goes through
/// the same requests as the API, and the promise evaluation computes the states, pauses and tasks.
/// </summary>
internal sealed class DemoGestion(IServiceProvider servicios, ILogger log, Guid empresaId, int semilla, string usuarioCobrador, string usuarioSupervisor)
{
    private const string Actor = "demo";
    private readonly Faker faker = new("es") { Random = new Randomizer(semilla * 7919 + 10) };
    private readonly DateOnly hoy = FechaNegocio.Hoy(TimeProvider.System);

    private sealed record Doc(Guid Id, Guid ClienteId, long Folio, decimal Saldo, DateOnly Vencimiento);

    private Dictionary<Guid, Guid> asignaciones = [];
    private Dictionary<Guid, Cobrador> cobradores = [];
    private Guid propio;
    private List<(Guid Cliente, List<Doc> Docs)> conDeuda = [];
    private HashSet<Guid> conPagos = [];
    private readonly HashSet<Guid> usados = [];

    public async Task CargarAsync(CancellationToken ct)
    {
        await LeerAsync(ct);
        var promesas = await CargarCompromisosAsync(ct);
        var disputas = await CargarDisputasAsync(ct);
        await CargarActividadesAsync(promesas, disputas, ct);
        await EjecutarPoliticaAsync(ct);
        await CargarDiaCobradorAsync(ct);
        await new DemoTerreno(servicios, log, empresaId, propio).CargarAsync(ct);
    }

    private AsyncServiceScope Ambito()
    {
        var scope = servicios.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ContextoSolicitud>().Establecer(empresaId, Actor);
        return scope;
    }

    private Guid? CobradorDe(Guid cliente) => asignaciones.TryGetValue(cliente, out var c) ? c : null;

    private bool DelPropio(Guid cliente) => asignaciones.TryGetValue(cliente, out var c) && c == propio;

    private async Task LeerAsync(CancellationToken ct)
    {
        await using var scope = Ambito();
        var db = scope.ServiceProvider.GetRequiredService<GestionDbContext>();
        var cartera = scope.ServiceProvider.GetRequiredService<CarteraDbContext>();
        cobradores = await db.Cobradores.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        propio = cobradores.Values.Single(c => c.UsuarioId == usuarioCobrador).Id;
        asignaciones = await db.Asignaciones.AsNoTracking().ToDictionaryAsync(a => a.ClienteId, a => a.CobradorId, ct);
        // Issued over 35 days ago: the promises, payments and activities below go back up to four weeks, and money is never
        // applied to a document before its issue date (the demo history also has invoices issued this week).
        var emitidoAntes = hoy.AddDays(-35);
        var docs = await cartera.Documentos.AsNoTracking().Where(d => d.Saldo > 0 && d.Tipo == "33" && d.Moneda == "CLP" && d.FechaEmision <= emitidoAntes)
            .Select(d => new Doc(d.Id, d.ClienteId, d.Folio, d.Saldo, d.FechaVencimiento)).ToListAsync(ct);
        conDeuda = docs.GroupBy(d => d.ClienteId).Select(g => (g.Key, g.OrderBy(d => d.Vencimiento).ThenBy(d => d.Folio).ToList())).OrderBy(x => x.Item2.Min(d => d.Folio)).ToList();
        conPagos = (await cartera.Pagos.AsNoTracking().Select(p => p.ClienteId).Distinct().ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Picks clients with debt not used yet: first those of the Cobrador user's collector (as many as asked), then the rest; clients without payments first when asked.</summary>
    private List<(Guid Cliente, List<Doc> Docs)> Elegir(int cuantos, int delPropio, bool sinPagos)
    {
        var libres = conDeuda.Where(x => !usados.Contains(x.Cliente)).OrderBy(x => sinPagos && conPagos.Contains(x.Cliente) ? 1 : 0).ToList();
        var elegidos = libres.Where(x => DelPropio(x.Cliente)).Take(delPropio).ToList();
        elegidos.AddRange(libres.Where(x => !elegidos.Contains(x)).Take(cuantos - elegidos.Count));
        foreach (var e in elegidos)
            usados.Add(e.Cliente);
        return elegidos;
    }

    private static DateTimeOffset Momento(DateOnly fecha, int hora, int minuto)
    {
        var local = fecha.ToDateTime(new TimeOnly(hora, minuto));
        return new DateTimeOffset(local, FechaNegocio.Santiago.GetUtcOffset(local)).ToUniversalTime();
    }

    private string Tomador(Guid cliente) => asignaciones.TryGetValue(cliente, out var c) ? cobradores[c].Email ?? Actor : Actor;

    /// <summary>
    /// ~8 kept and ~5 broken promises taken weeks ago (history: inserted as taken then, the kept ones paid by real payments
    /// applied to their documents), ~15 pending ones taken today through <see cref="TomarCompromiso"/>; then the evaluation.
    /// </summary>
    private async Task<Dictionary<Guid, (DateOnly Fecha, string Estado)>> CargarCompromisosAsync(CancellationToken ct)
    {
        var tomados = new Dictionary<Guid, (DateOnly, string)>();
        await using var scope = Ambito();
        var db = scope.ServiceProvider.GetRequiredService<GestionDbContext>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var historicos = new List<Compromiso>();
        var pagos = new List<DatosPago>();
        Compromiso Historico(Guid cliente, Doc doc, DateOnly desde, List<CuotaCompromiso> cuotas, string notas)
        {
            var c = new Compromiso
            {
                ClienteId = cliente, DocumentoIds = [doc.Id], Cuotas = cuotas, Monto = cuotas.Sum(x => x.Monto), Canal = faker.PickRandom("telefono", "telefono", "correo", "visita"),
                Notas = notas, TomadoPor = Tomador(cliente), CobradorId = CobradorDe(cliente), Creado = Momento(desde, faker.Random.Int(9, 17), faker.Random.Int(0, 59)), Desde = desde,
            };
            db.Add(c);
            db.Add(new EventoCompromiso { CompromisoId = c.Id, Fecha = c.Creado, Accion = "creado", Version = 1, Estado = c.Estado, Autor = c.TomadoPor, Cuotas = cuotas });
            historicos.Add(c);
            tomados[cliente] = (desde, "promesa");
            return c;
        }

        // Kept: taken 2-4 weeks ago, one or two installments, each paid on or just before its date.
        foreach (var (cliente, docs) in Elegir(8, 2, false))
        {
            var doc = docs[0];
            var desde = hoy.AddDays(-faker.Random.Int(16, 28));
            var n = faker.Random.Bool(0.25f) ? 2 : 1;
            var monto = Math.Max(1_000m, Math.Floor(doc.Saldo * 0.4m / n / 1_000m) * 1_000m);
            var cuotas = Enumerable.Range(1, n).Select(i => new CuotaCompromiso(i, desde.AddDays(faker.Random.Int(3, 6) + 7 * (i - 1)), monto)).ToList();
            Historico(cliente, doc, desde, cuotas, "Confirma transferencia en la fecha acordada.");
            pagos.AddRange(cuotas.Select(q => new DatosPago(cliente, null, q.Fecha.AddDays(-faker.Random.Int(0, 1)), q.Monto, "CLP", "transferencia", $"DEMO-C{doc.Folio}-{q.Numero}",
                ModosAplicacion.Manual, [new DatosLineaAplicacion(doc.Id, null, q.Monto)])));
        }

        // Broken: taken 3-4 weeks ago, the date (and the grace days) passed without a payment.
        foreach (var (cliente, docs) in Elegir(5, 2, true))
        {
            var doc = docs[0];
            var desde = hoy.AddDays(-faker.Random.Int(20, 30));
            var monto = Math.Max(1_000m, Math.Floor(doc.Saldo * 0.5m / 1_000m) * 1_000m);
            Historico(cliente, doc, desde, [new CuotaCompromiso(1, hoy.AddDays(-faker.Random.Int(6, 12)), monto)], "Promete pagar tras cobrar a sus propios clientes.");
        }

        await db.SaveChangesAsync(ct);
        foreach (var pago in pagos)
            await mediator.Send(new RegistrarPago(pago), ct);
        var cambios = await scope.ServiceProvider.GetRequiredService<EvaluadorCompromisos>().EvaluarAsync(historicos, ct);

        // Pending, taken today as the API takes them: two due today, the rest in installments over the next days.
        var pendientes = 0;
        foreach (var (cliente, docs) in Elegir(15, 5, true))
        {
            var doc = docs[0];
            var n = pendientes < 2 ? 1 : faker.Random.Int(1, 3);
            var inicio = pendientes < 2 ? hoy : hoy.AddDays(faker.Random.Int(1, 8));
            var total = Math.Floor(doc.Saldo * 0.6m / 1_000m) * 1_000m;
            if (total < n * 1_000m)
                continue;
            var cuota = Math.Floor(total / n / 1_000m) * 1_000m;
            var cuotas = Enumerable.Range(0, n).Select(i => new CuotaPrometida(inicio.AddDays(14 * i), i == n - 1 ? total - cuota * (n - 1) : cuota)).ToList();
            await mediator.Send(new TomarCompromiso(new DatosCompromiso(cliente, [doc.Id], cuotas, faker.PickRandom("telefono", "correo", "visita"),
                n > 1 ? $"Paga en {n} cuotas quincenales." : "Paga por transferencia.")), ct);
            tomados[cliente] = (hoy, "promesa");
            pendientes++;
        }

        log.LogInformation("Compromisos demo: {Historicos} históricos ({Cambios} cambiaron de estado en la evaluación final), {Pendientes} pendientes, {Pagos} pagos", historicos.Count, cambios, pendientes, pagos.Count);
        return tomados;
    }

    /// <summary>Six disputes through the API's requests: two open, two under review, one resolved for each side.</summary>
    private async Task<HashSet<Guid>> CargarDisputasAsync(CancellationToken ct)
    {
        await using var scope = Ambito();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var motivos = (await mediator.Send(new ListarMotivosDisputa(null), ct)).Where(m => m.Activo).ToList();
        string[] notas = ["El cliente indica que parte de la mercadería llegó dañada.", "No registra recepción de la guía de despacho.", "Reclama precio distinto al de la cotización.",
            "Factura emitida dos veces por el mismo pedido.", "Asegura haber pagado por transferencia; solicita verificar.", "Solicita nota de crédito por devolución."];
        string[] estados = [EstadosDisputa.Abierta, EstadosDisputa.Abierta, EstadosDisputa.EnRevision, EstadosDisputa.EnRevision, EstadosDisputa.ResueltaCliente, EstadosDisputa.ResueltaEmpresa];
        var clientes = new HashSet<Guid>();
        var i = 0;
        foreach (var (cliente, docs) in Elegir(6, 2, false))
        {
            var disputa = await mediator.Send(new AbrirDisputa(new DatosDisputa(cliente, [docs[^1].Id], motivos[i % motivos.Count].Id, notas[i % notas.Length], null)), ct);
            if (estados[i] != EstadosDisputa.Abierta)
                await mediator.Send(new CambiarEstadoDisputa(disputa.Id, new DatosEstadoDisputa(EstadosDisputa.EnRevision, "Antecedentes solicitados al área comercial.")), ct);
            if (estados[i] == EstadosDisputa.ResueltaCliente)
                await mediator.Send(new CambiarEstadoDisputa(disputa.Id, new DatosEstadoDisputa(estados[i], "Se emitirá nota de crédito por el monto reclamado.")), ct);
            if (estados[i] == EstadosDisputa.ResueltaEmpresa)
                await mediator.Send(new CambiarEstadoDisputa(disputa.Id, new DatosEstadoDisputa(estados[i], "Guía de despacho firmada por el cliente; la deuda se mantiene.")), ct);
            clientes.Add(cliente);
            i++;
        }

        return clientes;
    }

    /// <summary>
    /// The record of the last four weeks' contacts of ~60 clients (2-5 each, by their collectors), inserted as history;
    /// the last contact of some plans a next action today or in the coming days, with its task as the API creates it.
    /// </summary>
    private async Task CargarActividadesAsync(Dictionary<Guid, (DateOnly Fecha, string Estado)> promesas, HashSet<Guid> disputas, CancellationToken ct)
    {
        await using var scope = Ambito();
        var db = scope.ServiceProvider.GetRequiredService<GestionDbContext>();
        var tipos = await db.TiposActividad.AsNoTracking().ToDictionaryAsync(t => t.Tipo, ct);
        string[] resultadosLlamada = [ResultadosActividad.Contactado, ResultadosActividad.NoContesta, ResultadosActividad.BuzonVoz, ResultadosActividad.NumeroEquivocado,
            ResultadosActividad.Promesa, ResultadosActividad.Disputa, ResultadosActividad.Pago, ResultadosActividad.SeNiega];
        var notasPorResultado = new Dictionary<string, string>
        {
            [ResultadosActividad.Contactado] = "Conversa con encargado de pagos; revisará la deuda con tesorería.",
            [ResultadosActividad.NoContesta] = "No contesta; se deja para otro horario.",
            [ResultadosActividad.BuzonVoz] = "Buzón de voz; se deja mensaje con el detalle de la deuda.",
            [ResultadosActividad.NumeroEquivocado] = "El número no corresponde al cliente; actualizar contacto.",
            [ResultadosActividad.Promesa] = "Se compromete a pagar; queda registrado el compromiso.",
            [ResultadosActividad.Disputa] = "El cliente objeta una factura; se abre reclamo.",
            [ResultadosActividad.Pago] = "Informa que pagó por transferencia; se pide comprobante.",
            [ResultadosActividad.SeNiega] = "Se niega a pagar mientras no se revise su cuenta.",
        };

        var clientes = conDeuda.Where(x => promesas.ContainsKey(x.Cliente) || disputas.Contains(x.Cliente)).ToList();
        clientes.AddRange(conDeuda.Where(x => !clientes.Contains(x) && DelPropio(x.Cliente)).Take(15));
        clientes.AddRange(conDeuda.Where(x => !clientes.Contains(x)).Take(60 - clientes.Count));
        int actividades = 0, tareas = 0, llamada = 0;
        foreach (var (cliente, docs) in clientes)
        {
            var cobrador = CobradorDe(cliente);
            var autor = Tomador(cliente);
            var n = faker.Random.Int(2, 5);
            var dias = Enumerable.Range(0, n).Select(_ => faker.Random.Int(1, 28)).Distinct().OrderByDescending(d => d).ToList();
            for (var k = 0; k < dias.Count; k++)
            {
                var fecha = hoy.AddDays(-dias[k]);
                if (fecha.DayOfWeek == DayOfWeek.Sunday)
                    fecha = fecha.AddDays(-1);
                var tipo = faker.Random.WeightedRandom([TiposDeActividad.Llamada, TiposDeActividad.Correo, TiposDeActividad.Whatsapp, TiposDeActividad.Visita, TiposDeActividad.Carta],
                    [0.55f, 0.2f, 0.1f, 0.08f, 0.07f]);
                string? resultado;
                string notas;
                if (k == dias.Count - 1 && promesas.TryGetValue(cliente, out var p) && p.Fecha < hoy)
                {
                    (fecha, tipo, resultado, notas) = (p.Fecha, TiposDeActividad.Llamada, ResultadosActividad.Promesa, notasPorResultado[ResultadosActividad.Promesa]);
                }
                else if (tipo is TiposDeActividad.Llamada)
                {
                    resultado = resultadosLlamada[llamada++ % resultadosLlamada.Length];
                    notas = notasPorResultado[resultado];
                }
                else
                {
                    resultado = tipo == TiposDeActividad.Visita ? ResultadosActividad.Contactado : null;
                    notas = tipo switch
                    {
                        TiposDeActividad.Correo => "Se envía estado de cuenta con las facturas vencidas.",
                        TiposDeActividad.Whatsapp => "Recordatorio de vencimiento por WhatsApp.",
                        TiposDeActividad.Visita => "Visita en oficina del cliente; se entrega estado de cuenta.",
                        _ => "Carta de cobranza enviada por correo certificado.",
                    };
                }

                var t = tipos[tipo];
                var momento = Momento(fecha, faker.Random.Int(9, 18), faker.Random.Int(0, 59));
                DateOnly? proxima = k == dias.Count - 1 && faker.Random.Bool(0.4f) ? hoy.AddDays(faker.Random.Int(0, 5)) : null;
                var actividad = new Actividad
                {
                    ClienteId = cliente, TipoActividadId = t.Id, Canal = t.Canal, CobradorId = cobrador, Fecha = momento, Resultado = resultado,
                    Notas = notas, ProximaAccion = proxima, DocumentoIds = [docs[0].Id], RegistradaPor = autor, Creada = momento,
                };
                db.Actividades.Add(actividad);
                actividades++;
                if (proxima is { } f)
                {
                    db.Tareas.Add(new Tarea
                    {
                        ClienteId = cliente, CobradorId = actividad.CobradorId, Tipo = RegistrarActividadHandler.TipoTarea(t.Canal), Origen = OrigenesTarea.Actividad, OrigenId = actividad.Id,
                        Titulo = $"Próxima acción: {t.Nombre}", Motivo = $"Acordada en la actividad «{t.Nombre}» del {fecha:dd-MM-yyyy}.", Fecha = f, Creada = momento,
                    });
                    tareas++;
                }
            }
        }

        await db.SaveChangesAsync(ct);
        log.LogInformation("Actividades demo: {Actividades} de {Clientes} clientes, {Tareas} próximas acciones", actividades, clientes.Count, tareas);
    }

    /// <summary>
    /// The default policy run once for today (the same run as POST politica-cobranza/ejecutar). A few clients with the oldest
    /// debt stand in prejudicial and one in judicial: derived on earlier days when today's run did not get them there.
    /// </summary>
    private async Task EjecutarPoliticaAsync(CancellationToken ct)
    {
        await using var scope = Ambito();
        var r = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EjecutarPoliticaCobranza(false), ct);
        if (r.Habil)
            log.LogInformation("Política de cobranza demo del {Fecha}: {Aplicados} pasos aplicados, {Omitidos} omitidos", r.Fecha, r.PasosAplicados, r.Omitidos);
        else
            log.LogInformation("Política de cobranza demo: hoy {Fecha} no es día hábil ({Motivo}); no aplica pasos, quedan las tareas de las demás fuentes", r.Fecha, r.MotivoNoHabil);

        var db = scope.ServiceProvider.GetRequiredService<GestionDbContext>();
        var etapas = await db.Etapas.ToDictionaryAsync(e => e.ClienteId, ct);
        var pasos = await db.Set<PasoPolitica>().AsNoTracking().ToListAsync(ct);
        var antiguos = conDeuda.Where(x => !usados.Contains(x.Cliente) && !DelPropio(x.Cliente)).OrderBy(x => x.Docs.Min(d => d.Vencimiento)).ToList();
        var faltan = new Queue<string>(
            Enumerable.Repeat(EtapasCobranza.Judicial, etapas.Values.Any(e => e.Etapa == EtapasCobranza.Judicial) ? 0 : 1)
                .Concat(Enumerable.Repeat(EtapasCobranza.Prejudicial, Math.Max(0, 3 - etapas.Values.Count(e => e.Etapa == EtapasCobranza.Prejudicial)))));
        foreach (var (cliente, _) in antiguos)
        {
            if (!faltan.TryDequeue(out var etapa))
                break;
            var desde = hoy.AddDays(-faker.Random.Int(5, 20));
            var paso = pasos.Where(p => p.Etapa == etapa).OrderBy(p => p.Orden).FirstOrDefault();
            await EtapasCliente.CambiarAsync(db, empresaId, cliente, etapa, desde, paso?.Id, ct);
            usados.Add(cliente);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The Cobrador user's day: manual tasks due today for its own clients and a few unread alerts (and one for the supervisor).</summary>
    private async Task CargarDiaCobradorAsync(CancellationToken ct)
    {
        await using var scope = Ambito();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var db = scope.ServiceProvider.GetRequiredService<GestionDbContext>();
        (string Tipo, string Titulo, string Motivo)[] manuales =
        [
            (TiposTarea.Llamada, "Llamar a tesorería por facturas vencidas", "Confirmar fecha de pago de las facturas más antiguas."),
            (TiposTarea.Correo, "Enviar estado de cuenta actualizado", "El cliente pidió el detalle de su deuda por correo."),
            (TiposTarea.Visita, "Visita para retirar cheques", "Coordinar retiro de cheques en la oficina del cliente."),
            (TiposTarea.Seguimiento, "Revisar comprobante de transferencia", "El cliente envió un comprobante que no calza con el monto."),
        ];
        var clientes = conDeuda.Where(x => DelPropio(x.Cliente)).OrderBy(x => usados.Contains(x.Cliente) ? 1 : 0).Take(manuales.Length).ToList();
        for (var i = 0; i < clientes.Count; i++)
            await mediator.Send(new CrearTarea(new DatosTarea(clientes[i].Cliente, manuales[i].Tipo, manuales[i].Titulo, hoy, propio, manuales[i].Motivo)), ct);

        Alertas.Notificar(db, propio, "Tienes compromisos que vencen hoy", "Revisa los compromisos de pago con cuota para hoy.", "/gestion/mi-trabajo");
        Alertas.Notificar(db, propio, "Compromiso incumplido", "Un cliente no pagó lo prometido; tienes una tarea de seguimiento.", "/gestion/compromisos");
        Alertas.Notificar(db, propio, "Nueva disputa asignada", "Un cliente disputa una factura; revísala.", "/gestion/disputas");
        Alertas.NotificarUsuario(db, usuarioSupervisor, "Política de cobranza ejecutada", "Revisa las etapas y tareas que dejó la ejecución de hoy.", "/gestion/politica");
        await db.SaveChangesAsync(ct);
        log.LogInformation("Día del cobrador demo: {Tareas} tareas manuales y 3 alertas", clientes.Count);
    }
}
