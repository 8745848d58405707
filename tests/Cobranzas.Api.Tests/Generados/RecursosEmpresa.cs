using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Trabajo;
using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using Cobranzas.Testing.OpenApi;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Api.Tests.Generados;

/// <summary>
/// One resource of each kind in a company, addressable by the collection a path parameter
/// belongs to: in <c>/api/v1/clientes/{id}/contactos/{contactoId}</c>, <c>{id}</c> is the
/// resource of <c>/api/v1/clientes</c> and <c>{contactoId}</c> that of <c>/api/v1/clientes/{id}/contactos</c>.
/// </summary>
public sealed partial class RecursosEmpresa
{
    private readonly Dictionary<string, string> _ids = [];
    private readonly Queue<string> _usuariosLibres = [];
    private Dictionary<string, string> _idsSembrados = [];
    private string[] _usuariosLibresSembrados = [];
    private int _cantidadIdsSembrados;

    /// <summary>A second collector of the company: the one bodies name (<c>cobradorId</c>, <c>haciaCobradorId</c>…), never deactivated by a path.</summary>
    public const string CobradorDestino = "cobradorDestino";

    /// <summary>A user of the company no collector is linked to yet: each use takes a new one (a user links to one collector only).</summary>
    public const string UsuarioLibre = "usuarioLibre";

    private RecursosEmpresa(EmpresaPrueba empresa, HttpClient admin)
    {
        Empresa = empresa;
        Admin = admin;
    }

    public EmpresaPrueba Empresa { get; }

    public HttpClient Admin { get; }

    /// <summary>A client portal session of the reserved client's contact (issue 15): who calls the portal's operations.</summary>
    public HttpClient Portal { get; private set; } = null!;

    /// <summary>The scoped key of the reserved collection agency (issue 16 §5): who calls the agency's operations.</summary>
    public HttpClient Agencia { get; private set; } = null!;

    /// <summary>The caller of an operation: the portal session for the portal's, the agency key for the agency's, the administrator otherwise.</summary>
    public HttpClient Llamador(Operacion op) => op.EsPortal ? Portal : op.EsAgencia ? Agencia : Admin;

    /// <summary>Values of the reserved client that another client of the same company may not see in its portal.</summary>
    public List<string> DatosCliente { get; } = [];

    /// <summary>Values of this company that no other company may ever see.</summary>
    public List<string> Datos { get; } = [];

    /// <summary>Ids of this company's resources.</summary>
    public List<string> Ids { get; } = [];

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex ParametroRuta();

    public static async Task<RecursosEmpresa> CrearAsync(EmpresaPrueba empresa)
    {
        var r = new RecursosEmpresa(empresa, await Fixture.ClienteHttpAsync(empresa));
        var n = Fixture.Siguiente();
        var admin = r.Admin;

        // A business client (company RUT): the consumer contact rules (Ley 21.320) would refuse the repeated contacts the suites log.
        var rut = SharedKernel.Rut.Rut.Desde(76_000_000 + n).Canonico;
        var cliente = await admin.CrearClienteAsync(Testing.Datos.Cliente(rut, $"Cliente reservado {n} de {empresa.RazonSocial}"));
        var email = $"contacto.reservado{n}@cliente.test";
        var contacto = await admin.CrearContactoAsync(cliente.Id(), Testing.Datos.Contacto($"Contacto reservado {n}", email));
        var grupoClientes = await (await admin.PostAsJsonAsync("/api/v1/grupos-clientes", new { nombre = $"Grupo clientes reservado {n}", descripcion = (string?)null })).JsonAsync(201);
        await (await admin.PostAsJsonAsync($"/api/v1/grupos-clientes/{grupoClientes.Id()}/miembros", new { ids = new[] { cliente.Id() } })).JsonAsync();
        var grupoContactos = await (await admin.PostAsJsonAsync("/api/v1/grupos-contactos", new { nombre = $"Grupo contactos reservado {n}", descripcion = (string?)null })).JsonAsync(201);
        await (await admin.PostAsJsonAsync($"/api/v1/grupos-contactos/{grupoContactos.Id()}/miembros", new { ids = new[] { contacto.Id() } })).JsonAsync();
        var segmento = $"Segmento reservado {n}";
        var politica = await (await admin.PostAsJsonAsync("/api/v1/politicas-credito",
            new { segmento, limiteCredito = 10m, monedaLimite = "UF", plazoDias = 15, garantia = "Ninguna", diasTolerancia = 0 })).JsonAsync(201);
        var usuario = await Fixture.CrearUsuarioAsync(empresa, "Cobrador", $"usuario.reservado{n}@empresa.test");
        var nombreClave = $"Clave reservada {n}";
        var clave = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { nombre = nombreClave, alcance = "lectura" })).JsonAsync(201);

        r.Registrar("/api/v1/clientes", cliente.Id());
        r.Registrar("/api/v1/clientes/{id}/contactos", contacto.Id());
        r.Registrar("/api/v1/gestion/clientes", cliente.Id());
        r.Registrar("/api/v1/grupos-clientes", grupoClientes.Id());
        r.Registrar("/api/v1/grupos-clientes/{id}/miembros", cliente.Id());
        r.Registrar("/api/v1/grupos-contactos", grupoContactos.Id());
        r.Registrar("/api/v1/grupos-contactos/{id}/miembros", contacto.Id());
        r.Registrar("/api/v1/politicas-credito", politica.Id());
        r.Registrar("/api/v1/usuarios", usuario.Id);
        r.Registrar("/api/v1/api-keys", (string)clave["apiKey"]!["id"]!);
        r._ids["empresa"] = empresa.Id.ToString();
        await CrearCarteraAsync(r, cliente.Id(), n);
        await CrearGestionAsync(r, cliente.Id(), n);
        await CrearTrabajoAsync(r, cliente.Id(), n);
        await CrearGestionActividadesAsync(r, cliente.Id(), n);
        await CrearGestionCompromisosAsync(r, cliente.Id(), n);
        await CrearSeguimientoAsync(r, cliente.Id(), n);
        await CrearTerrenoAsync(r, cliente.Id(), n);
        await CrearNotificacionesAsync(r, n);
        await CrearIntegracionesAsync(r, n);
        await CrearWebhooksAsync(r, n);
        await CrearCargosMoraAsync(r, n);
        await CrearCreditoAsync(r, cliente.Id(), n);
        await CrearConvenioAsync(r, n);
        await CrearCastigoAsync(r, n);
        await CrearJudicialAsync(r, n);
        await CrearFactoringAsync(r, n);
        r.Portal = await SesionPortalAsync(empresa, cliente.Id(), contacto.Id(), email);
        if (r._ids.TryGetValue("/api/v1/documentos", out var documentoPortal))
            r.Registrar("/api/v1/portal/documentos", documentoPortal);
        r.DatosCliente.AddRange([rut, $"Cliente reservado {n}", email, $"Contacto reservado {n}"]);
        r.DatosCliente.AddRange(new[] { "/api/v1/documentos", "/api/v1/pagos" }.Where(r._ids.ContainsKey).Select(c => r._ids[c]));
        r.Ids.Add(empresa.Id.ToString());
        r.Datos.AddRange([rut, $"Cliente reservado {n}", email, $"Contacto reservado {n}", $"Grupo clientes reservado {n}", $"Grupo contactos reservado {n}", segmento,
            usuario.Email, nombreClave, (string)clave["apiKey"]!["prefijo"]!, empresa.RazonSocial, empresa.EmailAdmin]);
        await r.CrearRestantesPorConvencionAsync();
        r._idsSembrados = new Dictionary<string, string>(r._ids);
        r._usuariosLibresSembrados = [.. r._usuariosLibres];
        r._cantidadIdsSembrados = r.Ids.Count;
        return r;
    }

    /// <summary>
    /// Every collection a path names gets its resource while seeding: one created later, by the first case that needs it, would
    /// be a change to the seeded data, and the next case would have to start again from the seed.
    /// </summary>
    private async Task CrearRestantesPorConvencionAsync()
    {
        foreach (var op in DocumentoOpenApi.DelRepositorio.Operaciones)
        {
            foreach (Match m in ParametroRuta().Matches(op.Ruta))
            {
                var coleccion = op.Ruta[..(m.Index - 1)];
                if (!_ids.ContainsKey(coleccion))
                    await CrearPorConvencionAsync(coleccion);
                if (!_ids.ContainsKey(coleccion))
                    break;
            }
        }
    }

    /// <summary>The ids and the free users as seeded, once the database is back to the seed.</summary>
    public void VolverAlSembrado()
    {
        _ids.Clear();
        foreach (var (coleccion, id) in _idsSembrados)
            _ids[coleccion] = id;
        _usuariosLibres.Clear();
        foreach (var usuario in _usuariosLibresSembrados)
            _usuariosLibres.Enqueue(usuario);
        Ids.RemoveRange(_cantidadIdsSembrados, Ids.Count - _cantidadIdsSembrados);
    }

    /// <summary>A document, a payment and its application, once the Cartera module is in the document.</summary>
    private static async Task CrearCarteraAsync(RecursosEmpresa r, string clienteId, int n)
    {
        if (!DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "POST", Ruta: "/api/v1/documentos" }))
            return;
        var ayer = Cobranzas.SharedKernel.Tiempo.FechaNegocio.Hoy(Fixture.Reloj).AddDays(-1);
        var documento = await (await r.Admin.PostAsJsonAsync("/api/v1/documentos", CuerposEjemplo.DocumentoCartera(clienteId, 100_000 + n, ayer, $"Nota reservada {n}"))).JsonAsync(201);
        // Applied in part, so the payment (and below the credit note) keeps a balance that later applications can use.
        var pago = await (await r.Admin.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId, fecha = ayer.ToString("yyyy-MM-dd"), monto = 40_000m, moneda = "CLP", canal = "transferencia", referencia = $"Referencia reservada {n}",
            aplicacion = "manual", aplicaciones = new[] { new { documentoId = documento.Id(), monto = 30_000m } },
        })).JsonAsync(201);
        r.Registrar("/api/v1/documentos", documento.Id());
        // Its PDF, as the ERP attaches it (GET /documentos/{id}/archivo answers the owner).
        var pdf = new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray());
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        await (await r.Admin.PutAsync($"/api/v1/documentos/{documento.Id()}/archivo", new MultipartFormDataContent { { pdf, "archivo", "documento.pdf" } })).JsonAsync();
        r.Registrar("/api/v1/pagos", pago.Id());
        r.Registrar("/api/v1/aplicaciones", pago["aplicaciones"]!.AsArray().First()!.Id());
        if (DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "POST", Ruta: "/api/v1/compensaciones" }))
        {
            var nota = await (await r.Admin.PostAsJsonAsync("/api/v1/documentos", CuerposEjemplo.NotaCreditoCartera(clienteId, 200_000 + n, ayer))).JsonAsync(201);
            var compensacion = await (await r.Admin.PostAsJsonAsync("/api/v1/compensaciones",
                new
                {
                    notaCreditoId = nota.Id(), aplicacion = "manual", aplicaciones = new[] { new { documentoId = documento.Id(), monto = 5_000m } },
                    motivo = $"Compensación reservada {n}",
                })).JsonAsync(201);
            r.Registrar("notaCredito", nota.Id());
            r.Registrar("/api/v1/compensaciones", compensacion.Id());
            r.Datos.Add($"Compensación reservada {n}");
        }

        r.Datos.AddRange([$"Nota reservada {n}", $"Referencia reservada {n}"]);
    }

    /// <summary>Two collectors, a cartera holding the client, and free users to link, once the Gestión collectors are in the document.</summary>
    private static async Task CrearGestionAsync(RecursosEmpresa r, string clienteId, int n)
    {
        if (!DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "POST", Ruta: "/api/v1/gestion/cobradores" }))
            return;
        var cobrador = await (await r.Admin.PostAsJsonAsync("/api/v1/gestion/cobradores", new { nombre = $"Cobrador reservado {n}", regiones = Array.Empty<string>(), comunas = Array.Empty<string>() })).JsonAsync(201);
        var destino = await (await r.Admin.PostAsJsonAsync("/api/v1/gestion/cobradores", new { nombre = $"Cobrador destino {n}", regiones = Array.Empty<string>(), comunas = Array.Empty<string>() })).JsonAsync(201);
        var cartera = await (await r.Admin.PostAsJsonAsync("/api/v1/gestion/carteras", new { nombre = $"Cartera reservada {n}", descripcion = (string?)null, cobradorId = destino.Id(), prioridad = 1 })).JsonAsync(201);
        await (await r.Admin.PostAsJsonAsync($"/api/v1/gestion/carteras/{cartera.Id()}/clientes", new { clienteIds = new[] { clienteId } })).JsonAsync();
        r.Registrar("/api/v1/gestion/cobradores", cobrador.Id());
        r.Registrar(CobradorDestino, destino.Id());
        r.Registrar("/api/v1/gestion/carteras", cartera.Id());
        r.Registrar("/api/v1/gestion/carteras/{id}/clientes", clienteId);
        r.Registrar("/api/v1/gestion/asignaciones", clienteId);
        for (var i = 0; i < 4; i++)
            r._usuariosLibres.Enqueue((await Fixture.CrearUsuarioAsync(r.Empresa, "Cobrador")).Id);
        r.Datos.AddRange([$"Cobrador reservado {n}", $"Cobrador destino {n}", $"Cartera reservada {n}"]);
    }

    /// <summary>
    /// A collector worked by the administrator (so the administrator has a worklist), a task of the client for it through its
    /// POST, and an alert for it.
    /// </summary>
    private static async Task CrearTrabajoAsync(RecursosEmpresa r, string clienteId, int n)
    {
        if (!DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "POST", Ruta: "/api/v1/gestion/tareas" }))
            return;
        var (cobrador, alerta) = await Fixture.EnAmbitoAsync(async sp =>
        {
            sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(r.Empresa.Id, "pruebas");
            var admin = await sp.GetRequiredService<UserManager<Usuario>>().FindByEmailAsync(r.Empresa.EmailAdmin);
            var db = sp.GetRequiredService<GestionDbContext>();
            var c = new Cobrador { EmpresaId = r.Empresa.Id, Nombre = $"Cobrador de trabajo {n}", UsuarioId = admin!.Id, Creado = Fixture.Reloj.GetUtcNow() };
            db.Cobradores.Add(c);
            var a = Alertas.Notificar(db, c.Id, $"Alerta reservada {n}", null, "/gestion/mi-trabajo");
            await db.SaveChangesAsync();
            return (c.Id.ToString(), a.Id.ToString());
        });
        r.Registrar("cobrador", cobrador);
        r.Registrar("/api/v1/gestion/alertas", alerta);
        var hoy = Cobranzas.SharedKernel.Tiempo.FechaNegocio.Hoy(Fixture.Reloj).ToString("yyyy-MM-dd");
        var tarea = await (await r.Admin.PostAsJsonAsync("/api/v1/gestion/tareas",
            new { clienteId, tipo = "llamada", titulo = $"Tarea reservada {n}", fecha = hoy, cobradorId = cobrador, motivo = (string?)null })).JsonAsync(201);
        r.Registrar("/api/v1/gestion/tareas", tarea.Id());
        r.Datos.AddRange([$"Cobrador de trabajo {n}", $"Alerta reservada {n}", $"Tarea reservada {n}"]);
    }

    /// <summary>An activity type, an activity with an attachment and a call script, once Gestión's activities are in the document.</summary>
    private static async Task CrearGestionActividadesAsync(RecursosEmpresa r, string clienteId, int n)
    {
        if (!DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "POST", Ruta: "/api/v1/gestion/actividades" }))
            return;
        var tipo = await (await r.Admin.PostAsJsonAsync("/api/v1/gestion/tipos-actividad", new { nombre = $"Tipo reservado {n}", tipo = "llamada", descripcion = (string?)null, canal = "telefono" })).JsonAsync(201);
        var actividad = await (await r.Admin.PostAsJsonAsync("/api/v1/gestion/actividades", new
        {
            clienteId, tipoActividadId = tipo.Id(), resultado = "contactado", notas = $"Nota de actividad reservada {n}", documentoIds = new[] { r.Id("/api/v1/documentos") },
        })).JsonAsync(201);
        using var formulario = new MultipartFormDataContent { { new ByteArrayContent(CuerposEjemplo.PdfEjemplo), "archivo", $"adjunto-reservado-{n}.pdf" } };
        var adjunto = await (await r.Admin.PostAsync($"/api/v1/gestion/actividades/{actividad.Id()}/adjuntos", formulario)).JsonAsync(201);
        var guion = await (await r.Admin.PostAsJsonAsync("/api/v1/gestion/guiones", new { nombre = $"Guion reservado {n}", etapa = "administrativa", plantilla = "Hola {{ cliente.nombre }}", activo = true })).JsonAsync(201);
        r.Registrar("/api/v1/gestion/tipos-actividad", tipo.Id());
        r.Registrar("/api/v1/gestion/actividades", actividad.Id());
        r.Registrar("/api/v1/gestion/actividades/{id}/adjuntos", adjunto.Id());
        r.Registrar("/api/v1/gestion/guiones", guion.Id());
        r._ids["/api/v1/gestion/reglas-contacto"] = clienteId;
        r.Datos.AddRange([$"Tipo reservado {n}", $"Nota de actividad reservada {n}", $"adjunto-reservado-{n}", $"Guion reservado {n}"]);
    }

    /// <summary>A field route of today for the administrator's own collector (its «mi ruta») with the client (arrived at), and a field receipt, once Terreno is in the document.</summary>
    private static async Task CrearTerrenoAsync(RecursosEmpresa r, string clienteId, int n)
    {
        if (!DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "POST", Ruta: "/api/v1/terreno/rutas" }))
            return;
        var hoy = Cobranzas.SharedKernel.Tiempo.FechaNegocio.Hoy(Fixture.Reloj);
        var ruta = await (await r.Admin.PostAsJsonAsync("/api/v1/terreno/rutas", new
        {
            cobradorId = r.Id("cobrador"), fecha = hoy.ToString("yyyy-MM-dd"), inicioLatitud = -33.45, inicioLongitud = -70.65, clienteIds = new[] { clienteId }, optimizar = true,
        })).JsonAsync(201);
        var parada = ruta["paradas"]![0]!.Id();
        await (await r.Admin.PostAsJsonAsync($"/api/v1/terreno/paradas/{parada}/llegada", new { latitud = -33.45, longitud = -70.65, precision = 10.0 })).JsonAsync();
        var recibo = await (await r.Admin.PostAsJsonAsync("/api/v1/terreno/recibos", new
        {
            clienteId, claveIdempotencia = $"reservada-{n}", monto = 1_000m, medio = "cheque", banco = $"Banco reservado terreno {n}", numeroCheque = $"{n}", fechaCheque = (string?)null,
            notas = $"Recibo reservado {n}",
        })).JsonAsync(201);
        r.Registrar("/api/v1/terreno/rutas", ruta.Id());
        r.Registrar("/api/v1/terreno/paradas", parada);
        r.Registrar("/api/v1/terreno/recibos", recibo.Id());
        r.Datos.AddRange([$"Banco reservado terreno {n}", $"Recibo reservado {n}"]);
    }

    /// <summary>An agency with a derived document of a second client and its key, a law firm with a lawsuit, an insolvency (issue 16 §5).</summary>
    private static async Task CrearJudicialAsync(RecursosEmpresa r, int n)
    {
        if (!DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "POST", Ruta: "/api/v1/judicial/agencias" }))
            return;
        var admin = r.Admin;
        var ayer = Cobranzas.SharedKernel.Tiempo.FechaNegocio.Hoy(Fixture.Reloj).AddDays(-1);
        var otro = (await admin.CrearClienteAsync(Testing.Datos.Cliente(SharedKernel.Rut.Rut.Desde(75_000_000 + n).Canonico, $"Cliente judicial {n}"))).Id();
        var documento = await (await admin.PostAsJsonAsync("/api/v1/documentos", CuerposEjemplo.DocumentoCartera(otro, 700_000 + n, ayer, $"Nota judicial {n}"))).JsonAsync(201);
        var agencia = await (await admin.PostAsJsonAsync("/api/v1/judicial/agencias", new
        {
            nombre = $"Agencia reservada {n}", rut = SharedKernel.Rut.Rut.Desde(74_000_000 + n).Canonico, contacto = "Contacto", email = $"agencia{n}@agencia.test",
            telefono = "+56911112222", porcentajeComision = 10m,
        })).JsonAsync(201);
        var derivacion = await (await admin.PostAsJsonAsync($"/api/v1/judicial/agencias/{agencia.Id()}/derivaciones", new { clienteId = otro, documentoIds = new[] { documento.Id() } })).JsonAsync(201);
        var clave = await (await admin.PostAsync($"/api/v1/judicial/agencias/{agencia.Id()}/api-key", null)).JsonAsync();
        r.Agencia = Fixture.ConApiKey((string)clave["clave"]!);
        var estudio = await (await admin.PostAsJsonAsync("/api/v1/judicial/estudios", new { nombre = $"Estudio reservado {n}", rut = SharedKernel.Rut.Rut.Desde(73_000_000 + n).Canonico })).JsonAsync(201);
        var juicio = await (await admin.PostAsJsonAsync("/api/v1/judicial/juicios", new
        {
            clienteId = otro, estudioId = estudio.Id(), tribunal = $"Tribunal reservado {n}", rol = $"C-{n}-2026", procedimiento = "Ejecutivo", etapaProcesal = "Notificación",
            montoDemandado = 100_000m, fechaInicio = ayer,
        })).JsonAsync(201);
        await (await admin.PutAsJsonAsync($"/api/v1/judicial/clientes/{otro}/quiebra", new { procedimiento = "liquidacion", fechaPublicacion = ayer, liquidador = $"Liquidador reservado {n}" })).JsonAsync();
        r.Registrar("/api/v1/judicial/agencias", agencia.Id());
        r.Registrar("/api/v1/judicial/derivaciones", derivacion.Id());
        r.Registrar("/api/v1/judicial/agencia/documentos", documento.Id());
        r.Registrar("/api/v1/judicial/estudios", estudio.Id());
        r.Registrar("/api/v1/judicial/juicios", juicio.Id());
        r.Registrar("/api/v1/judicial/clientes", otro);
        r.Datos.AddRange([$"Agencia reservada {n}", $"Estudio reservado {n}", $"Tribunal reservado {n}", $"Liquidador reservado {n}", $"Cliente judicial {n}"]);
    }

    /// <summary>A document of its own client ceded to a factor under delegated administration, with a payment collected for the factor (issue 16 §5).</summary>
    private static async Task CrearFactoringAsync(RecursosEmpresa r, int n)
    {
        if (!DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "GET", Ruta: "/api/v1/factoring/factores" }))
            return;
        var admin = r.Admin;
        var hoy = Cobranzas.SharedKernel.Tiempo.FechaNegocio.Hoy(Fixture.Reloj);
        var cliente = (await admin.CrearClienteAsync(Testing.Datos.Cliente(SharedKernel.Rut.Rut.Desde(72_000_000 + n).Canonico, $"Cliente factorizado {n}"))).Id();
        var documento = await (await admin.PostAsJsonAsync("/api/v1/documentos", CuerposEjemplo.DocumentoCartera(cliente, 800_000 + n, hoy.AddDays(-5)))).JsonAsync(201);
        await (await admin.PostAsJsonAsync($"/api/v1/documentos/{documento.Id()}/ceder", new
        {
            factor = new { nombre = $"Factor reservado {n}", rut = SharedKernel.Rut.Rut.Desde(71_500_000 + n).Canonico }, fecha = hoy.ToString("yyyy-MM-dd"),
        })).JsonAsync();
        await (await admin.PutAsJsonAsync($"/api/v1/factoring/cesiones/{documento.Id()}/condiciones", new { responsabilidadSolidaria = true, administracionDelegada = true })).JsonAsync();
        await (await admin.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = cliente, fecha = hoy.ToString("yyyy-MM-dd"), monto = 1_000m, moneda = "CLP", canal = "transferencia", referencia = $"Cobro factor reservado {n}",
            aplicacion = "manual", aplicaciones = new[] { new { documentoId = documento.Id(), monto = 1_000m } },
        })).JsonAsync(201);
        var factor = (await (await admin.GetAsync("/api/v1/factoring/factores")).JsonAsync()).AsArray().Single()!;
        r.Registrar("/api/v1/factoring/factores", factor.Id());
        r.Registrar("/api/v1/factoring/cesiones", documento.Id());
        r.Datos.AddRange([$"Factor reservado {n}", $"Cliente factorizado {n}"]);
    }

    /// <summary>A sent message of the client with an event and a reply (what the sender and the IMAP reader leave), once the delivery log is in the document.</summary>
    private static async Task CrearSeguimientoAsync(RecursosEmpresa r, string clienteId, int n)
    {
        if (!DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "GET", Ruta: "/api/v1/notificaciones/envios/{id}" }))
            return;
        var (envio, respuesta) = await Fixture.EnAmbitoAsync(async sp =>
        {
            sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(r.Empresa.Id, "pruebas");
            var db = sp.GetRequiredService<Notificaciones.Persistencia.NotificacionesDbContext>();
            var ahora = Fixture.Reloj.GetUtcNow();
            var e = new Notificaciones.Persistencia.Envio
            {
                ClienteId = Guid.Parse(clienteId), Clave = $"reservado:{n}", Origen = "manual", FechaNegocio = DateOnly.FromDateTime(ahora.UtcDateTime),
                Para = [$"contacto.reservado{n}@cliente.test"], Asunto = $"Asunto de envío reservado {n}", Html = $"<p>Correo reservado {n}</p>", MessageId = $"reservado{n}.{Guid.NewGuid():N}@cobranzas.test",
                Estado = "enviado", Creado = ahora, Enviado = ahora,
            };
            db.Envios.Add(e);
            var x = new Notificaciones.Seguimiento.RespuestaCorreo
            {
                EnvioId = e.Id, ClienteId = e.ClienteId, Tipo = "respuesta", De = $"contacto.reservado{n}@cliente.test", Asunto = $"RE: Asunto de envío reservado {n}",
                Texto = $"Respuesta reservada {n}", Fecha = ahora, Recibida = ahora,
            };
            db.Add(x);
            await db.SaveChangesAsync();
            return (e.Id.ToString(), x.Id.ToString());
        });
        r.Registrar("/api/v1/notificaciones/envios", envio);
        r.Registrar("/api/v1/notificaciones/respuestas", respuesta);
        r.Datos.AddRange([$"Asunto de envío reservado {n}", $"Respuesta reservada {n}"]);
    }

    /// <summary>A promise, a dispute reason, a dispute and its attachment, once those endpoints are in the document.</summary>
    private static async Task CrearGestionCompromisosAsync(RecursosEmpresa r, string clienteId, int n)
    {
        if (!DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "POST", Ruta: "/api/v1/gestion/disputas" }) || !r._ids.ContainsKey("/api/v1/documentos"))
            return;
        var cobrador = r.Id(CobradorDestino);
        var hoy = Cobranzas.SharedKernel.Tiempo.FechaNegocio.Hoy(Fixture.Reloj);
        var documento = r.Id("/api/v1/documentos");
        var compromiso = await (await r.Admin.PostAsJsonAsync("/api/v1/gestion/compromisos", new
        {
            clienteId, documentoIds = new[] { documento }, cuotas = new[] { new { fecha = hoy.AddDays(5).ToString("yyyy-MM-dd"), monto = 1_000m } }, canal = "telefono",
            notas = $"Compromiso reservado {n}",
        })).JsonAsync(201);
        var motivo = await (await r.Admin.PostAsJsonAsync("/api/v1/gestion/motivos-disputa", new { nombre = $"Motivo reservado {n}" })).JsonAsync(201);
        var disputa = await (await r.Admin.PostAsJsonAsync("/api/v1/gestion/disputas", new
        {
            clienteId, documentoIds = new[] { documento }, motivoId = motivo.Id(), notas = $"Disputa reservada {n}", asignadoAId = cobrador,
        })).JsonAsync(201);
        using var formulario = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 reservado"u8.ToArray()), "archivo", $"adjunto-reservado-{n}.pdf" } };
        var adjunto = await (await r.Admin.PostAsync($"/api/v1/gestion/disputas/{disputa.Id()}/adjuntos", formulario)).JsonAsync(201);
        r.Registrar("/api/v1/gestion/compromisos", compromiso.Id());
        r.Registrar("/api/v1/gestion/motivos-disputa", motivo.Id());
        r.Registrar("/api/v1/gestion/disputas", disputa.Id());
        r.Registrar("/api/v1/gestion/disputas/{id}/adjuntos", adjunto.Id());
        r.Datos.AddRange([$"Compromiso reservado {n}", $"Motivo reservado {n}", $"Disputa reservada {n}", $"adjunto-reservado-{n}.pdf"]);
    }

    /// <summary>A deposit account and a definition with its logo, and the logo's public token, once those endpoints are in the document.</summary>
    private static async Task CrearNotificacionesAsync(RecursosEmpresa r, int n)
    {
        if (!DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "POST", Ruta: "/api/v1/notificaciones/definiciones" }))
            return;
        var cuenta = await (await r.Admin.PostAsJsonAsync("/api/v1/notificaciones/cuentas-deposito", new
        {
            banco = $"Banco reservado {n}", tipoCuenta = "vista", numero = $"{n}-777", titular = $"Titular reservado {n}", rutTitular = "76086428-5",
            emailNotificacion = $"deposito.reservado{n}@empresa.test",
        })).JsonAsync(201);
        r.Registrar("/api/v1/notificaciones/cuentas-deposito", cuenta.Id());
        var definicion = await (await r.Admin.PostAsJsonAsync("/api/v1/notificaciones/definiciones", CuerposEjemplo.DefinicionNotificacion(r, $"Asunto reservado {n}"))).JsonAsync(201);
        r.Registrar("/api/v1/notificaciones/definiciones", definicion.Id());
        using var formulario = new MultipartFormDataContent { { new ByteArrayContent(CuerposEjemplo.PngEjemplo), "archivo", "logo.png" } };
        await (await r.Admin.PutAsync($"/api/v1/notificaciones/definiciones/{definicion.Id()}/logo", formulario)).JsonAsync();
        var vista = await (await r.Admin.PostAsJsonAsync($"/api/v1/notificaciones/definiciones/{definicion.Id()}/vista-previa", new { clienteId = r.Id("/api/v1/clientes") })).JsonAsync();
        var logo = Regex.Match((string)vista["html"]!, "/api/v1/notificaciones/logos/([^\"]+)\"").Groups[1].Value;
        r._ids["/api/v1/notificaciones/logos"] = logo;
        r.Datos.AddRange([$"Banco reservado {n}", $"Titular reservado {n}", $"deposito.reservado{n}@empresa.test", $"Asunto reservado {n}"]);
    }

    /// <summary>The Flow simulator every seeded company's Flow is activated against (no provider is reachable from here).</summary>
    public static Task<Cobranzas.Simuladores.SimuladorFlow> SimuladorFlowAsync() => Simulador.Value;

    private static readonly Lazy<Task<Cobranzas.Simuladores.SimuladorFlow>> Simulador = new(async () =>
    {
        var flow = new Cobranzas.Simuladores.SimuladorFlow { ClienteConfirmaciones = () => Fixture.Factory.CreateClient() };
        await flow.IniciarAsync();
        return flow;
    });

    /// <summary>Flow activated against its simulator and an active payment link for the reserved document, once Integraciones' links are in the document.</summary>
    private static async Task CrearIntegracionesAsync(RecursosEmpresa r, int n)
    {
        if (!DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "POST", Ruta: "/api/v1/integraciones/enlaces-pago" }) || !r._ids.ContainsKey("/api/v1/documentos"))
            return;
        await (await r.Admin.PostAsJsonAsync("/api/v1/integraciones/proveedores/flow/activar", await CuerposEjemplo.ActivacionFlowAsync())).JsonAsync();
        var email = $"pagador.reservado{n}@cliente.test";
        var enlace = await (await r.Admin.PostAsJsonAsync("/api/v1/integraciones/enlaces-pago",
            new { clienteId = r.Id("/api/v1/clientes"), documentoIds = new[] { r.Id("/api/v1/documentos") }, emailPagador = email })).JsonAsync(201);
        r._ids["/api/v1/integraciones/proveedores"] = "flow";
        r.Registrar("/api/v1/integraciones/enlaces-pago", enlace.Id());
        r.Datos.Add((string)enlace["url"]!);
    }

    /// <summary>A webhook subscription (to a closed loopback port, allow-listed in tests) and one delivery of its test event.</summary>
    private static async Task CrearWebhooksAsync(RecursosEmpresa r, int n)
    {
        if (!DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "POST", Ruta: "/api/v1/integraciones/webhooks" }))
            return;
        var suscripcion = await (await r.Admin.PostAsJsonAsync("/api/v1/integraciones/webhooks", CuerposEjemplo.SuscripcionWebhook($"Webhook reservado {n}"))).JsonAsync(201);
        var id = (string)suscripcion["suscripcion"]!["id"]!;
        var prueba = await (await r.Admin.PostAsync($"/api/v1/integraciones/webhooks/{id}/prueba", null)).JsonAsync();
        r.Registrar("/api/v1/integraciones/webhooks", id);
        r.Registrar("/api/v1/integraciones/webhooks/entregas", (string)prueba["entrega"]!["id"]!);
        r.Datos.AddRange([$"Webhook reservado {n}", (string)suscripcion["secreto"]!]);
    }

    /// <summary>A business client with an invoice 30 days overdue, and its pending nota de débito request (the 1% invoice commission).</summary>
    /// <summary>
    /// A draft credit request, a request sent to approval (its approval), a document with its file in the client's documentation, and a
    /// credit insurance policy insuring the client for 1 peso (so its excess and claims lists are not empty).
    /// </summary>
    private static async Task CrearCreditoAsync(RecursosEmpresa r, string clienteId, int n)
    {
        if (!DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "POST", Ruta: "/api/v1/credito/solicitudes" }))
            return;
        var borrador = await (await r.Admin.PostAsJsonAsync("/api/v1/credito/solicitudes", new { clienteId, limiteSolicitado = 50m, moneda = "UF", plazoDias = 30 })).JsonAsync(201);
        var enviada = await (await r.Admin.PostAsJsonAsync("/api/v1/credito/solicitudes", new { clienteId, limiteSolicitado = 60m, moneda = "UF", plazoDias = 30 })).JsonAsync(201);
        var aprobacion = (await (await r.Admin.PostAsync($"/api/v1/credito/solicitudes/{enviada.Id()}/enviar", null)).JsonAsync())["aprobacion"]!;
        var documento = await (await r.Admin.PostAsJsonAsync($"/api/v1/clientes/{clienteId}/documentacion", new { tipo = "contrato", descripcion = $"Contrato reservado {n}" })).JsonAsync(201);
        var pdf = new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray());
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        await (await r.Admin.PostAsync($"/api/v1/clientes/{clienteId}/documentacion/{documento.Id()}/archivo", new MultipartFormDataContent { { pdf, "archivo", "contrato.pdf" } })).JsonAsync();
        r.Registrar("/api/v1/credito/solicitudes", borrador.Id());
        r.Registrar("/api/v1/aprobaciones", aprobacion.Id());
        r.Registrar("/api/v1/clientes/{id}/documentacion", documento.Id());
        r.Datos.Add($"Contrato reservado {n}");
        var poliza = await (await r.Admin.PostAsJsonAsync("/api/v1/credito/seguros/polizas", new
        {
            aseguradora = "Aseguradora reservada", numeroPoliza = $"Póliza reservada {n}", vigenciaDesde = "2020-01-01", vigenciaHasta = "2100-12-31", porcentajeCobertura = 90m, diasDenuncia = 3650,
        })).JsonAsync(201);
        await (await r.Admin.PutAsJsonAsync($"/api/v1/clientes/{clienteId}/seguro", new { polizaId = poliza.Id(), limiteAsegurado = 1m })).JsonAsync();
        r.Registrar("/api/v1/credito/seguros/polizas", poliza.Id());
        r.Datos.Add($"Póliza reservada {n}");
    }

    private static async Task CrearCargosMoraAsync(RecursosEmpresa r, int n)
    {
        if (!DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "POST", Ruta: "/api/v1/cargos-mora/solicitudes" }))
            return;
        var rut = SharedKernel.Rut.Rut.Desde(77_000_000 + n).Canonico;
        var cliente = (await r.Admin.CrearClienteAsync(Testing.Datos.Cliente(rut, $"Cliente moroso {n} de {r.Empresa.RazonSocial}"))).Id();
        var emision = Cobranzas.SharedKernel.Tiempo.FechaNegocio.Hoy(Fixture.Reloj).AddDays(-60);
        await (await r.Admin.PostAsJsonAsync("/api/v1/documentos", CuerposEjemplo.DocumentoCartera(cliente, 300_000 + n, emision))).JsonAsync(201);
        var solicitud = await (await r.Admin.PostAsJsonAsync("/api/v1/cargos-mora/solicitudes", new { clienteId = cliente, notas = $"Solicitud reservada {n}" })).JsonAsync(201);
        r._ids["/api/v1/cargos-mora/clientes"] = cliente;
        r.Registrar("/api/v1/cargos-mora/solicitudes", solicitud.Id());
        r.Datos.Add($"Solicitud reservada {n}");
    }

    /// <summary>A client with an untouched overdue invoice (never paid, ceded or written off by the suites) and a draft convenio over it.</summary>
    private static async Task CrearConvenioAsync(RecursosEmpresa r, int n)
    {
        if (!DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "POST", Ruta: "/api/v1/convenios" }))
            return;
        var rut = SharedKernel.Rut.Rut.Desde(78_000_000 + n).Canonico;
        var cliente = (await r.Admin.CrearClienteAsync(Testing.Datos.Cliente(rut, $"Cliente con convenio {n} de {r.Empresa.RazonSocial}"))).Id();
        var hoy = Cobranzas.SharedKernel.Tiempo.FechaNegocio.Hoy(Fixture.Reloj);
        var documento = await (await r.Admin.PostAsJsonAsync("/api/v1/documentos", CuerposEjemplo.DocumentoCartera(cliente, 400_000 + n, hoy.AddDays(-60)))).JsonAsync(201);
        var convenio = await (await r.Admin.PostAsJsonAsync("/api/v1/convenios", new
        {
            clienteId = cliente, tipo = "pago_en_cuotas", documentoIds = new[] { documento.Id() }, numeroCuotas = 3, primeraFecha = hoy.AddDays(30).ToString("yyyy-MM-dd"),
            frecuencia = "mensual", notas = $"Convenio reservado {n}",
        })).JsonAsync(201);
        r._ids["/api/v1/convenios/clientes"] = cliente;
        r._ids["/api/v1/convenios/documentos"] = documento.Id();
        r.Registrar("/api/v1/convenios", convenio.Id());
        r.Datos.Add($"Convenio reservado {n}");
    }

    /// <summary>
    /// A client with an invoice 400 days overdue under a pending write-off proposal (the rules without the legal-stage condition),
    /// another one still a candidate, and a third written off with a recovery and another one taken from a payment.
    /// </summary>
    private static async Task CrearCastigoAsync(RecursosEmpresa r, int n)
    {
        if (!DocumentoOpenApi.DelRepositorio.Operaciones.Any(o => o is { Metodo: "POST", Ruta: "/api/v1/castigos/propuestas" }))
            return;
        var rut = SharedKernel.Rut.Rut.Desde(79_000_000 + n).Canonico;
        var cliente = (await r.Admin.CrearClienteAsync(Testing.Datos.Cliente(rut, $"Cliente castigado {n} de {r.Empresa.RazonSocial}"))).Id();
        var hoy = Cobranzas.SharedKernel.Tiempo.FechaNegocio.Hoy(Fixture.Reloj);
        var viejo = await (await r.Admin.PostAsJsonAsync("/api/v1/documentos", CuerposEjemplo.DocumentoCartera(cliente, 600_000 + n, hoy.AddDays(-430)))).JsonAsync(201);
        var castigado = await (await r.Admin.PostAsJsonAsync("/api/v1/documentos", CuerposEjemplo.DocumentoCartera(cliente, 610_000 + n, hoy.AddDays(-90)))).JsonAsync(201);
        var candidato = await (await r.Admin.PostAsJsonAsync("/api/v1/documentos", CuerposEjemplo.DocumentoCartera(cliente, 620_000 + n, hoy.AddDays(-430)))).JsonAsync(201);
        await (await r.Admin.PutAsJsonAsync("/api/v1/castigos/reglas", new { diasMinimos = 365, exigeCierreJudicial = false })).JsonAsync();
        await (await r.Admin.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = hoy.ToString("yyyy-MM-dd"), valor = 40_000m } })).TextoAsync(204);
        var propuesta = await (await r.Admin.PostAsJsonAsync("/api/v1/castigos/propuestas", new { documentoIds = new[] { viejo.Id() }, motivo = $"Castigo reservado {n}" }))
            .JsonAsync(201);
        await (await r.Admin.PostAsJsonAsync($"/api/v1/documentos/{castigado.Id()}/castigar", new { fecha = hoy.AddDays(-10).ToString("yyyy-MM-dd"), motivo = "Incobrable" }))
            .JsonAsync();
        await (await r.Admin.PostAsJsonAsync("/api/v1/castigos/recuperos", new
        {
            documentoId = castigado.Id(), fecha = hoy.AddDays(-1).ToString("yyyy-MM-dd"), monto = 1_000m, referencia = $"Recupero reservado {n}",
        })).JsonAsync(201);
        var pago = await (await r.Admin.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = cliente, fecha = hoy.AddDays(-1).ToString("yyyy-MM-dd"), monto = 3_000m, moneda = "CLP", canal = "transferencia", referencia = $"Pago reservado {n}",
            aplicacion = "manual", aplicaciones = new[] { new { documentoId = castigado.Id(), monto = 2_000m } },
        })).JsonAsync(201);
        r.Registrar("/api/v1/castigos/recuperos", (string)pago["recuperos"]![0]!["id"]!);
        r._ids["/api/v1/castigos/documentos"] = castigado.Id();
        r._ids["/api/v1/castigos/candidatos"] = candidato.Id();
        r.Registrar("/api/v1/castigos/propuestas", propuesta.Id());
        r.Datos.Add($"Castigo reservado {n}");
    }

    /// <summary>
    /// A portal session for a contact: the link a reminder would carry (Portal's <c>CrearEnlacesPortal</c>, as Notificaciones asks
    /// it), exchanged through the API.
    /// </summary>
    public static async Task<HttpClient> SesionPortalAsync(EmpresaPrueba empresa, string clienteId, string contactoId, string email)
    {
        var urls = await Fixture.EnAmbitoAsync(async sp =>
        {
            sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa.Id, "pruebas");
            return await sp.GetRequiredService<Mediator.IMediator>().Send(
                new Cobranzas.Portal.Contracts.CrearEnlacesPortal([new Cobranzas.Portal.Contracts.EnlacePortalPedido(Guid.Parse(clienteId), Guid.Parse(contactoId), email)]));
        });
        var token = urls.Values.Single().Split("token=")[1];
        var sesion = await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/portal/sesion", new { token })).JsonAsync();
        var portal = Fixture.ClienteAnonimo();
        portal.DefaultRequestHeaders.Add(SesionesPortal.Encabezado, (string)sesion["token"]!);
        return portal;
    }

    private void Registrar(string coleccion, string id)
    {
        _ids[coleccion] = id;
        Ids.Add(id);
    }

    /// <summary>The id this company uses for a path parameter whose collection is <paramref name="coleccion"/>.</summary>
    public string Id(string coleccion) =>
        coleccion == UsuarioLibre && _usuariosLibres.Count > 0 ? _usuariosLibres.Dequeue()
        : _ids.TryGetValue(coleccion, out var id)
            ? id
            : throw new InvalidOperationException($"No hay recurso de prueba para «{coleccion}»: agréguelo en {nameof(RecursosEmpresa)}.{nameof(CrearAsync)}.");

    /// <summary>
    /// The operation's URL with this company's ids (and any required query parameter); a collection
    /// nobody seeded gets one resource through its POST.
    /// </summary>
    public async Task<string> UrlAsync(Operacion op)
    {
        var url = op.Ruta;
        foreach (Match m in ParametroRuta().Matches(op.Ruta))
        {
            var coleccion = op.Ruta[..(m.Index - 1)];
            if (!_ids.ContainsKey(coleccion))
                await CrearPorConvencionAsync(coleccion);
            url = url.Replace(m.Value, Id(coleccion));
        }

        return url + CuerposEjemplo.ConsultaObligatoria(op);
    }

    private async Task CrearPorConvencionAsync(string coleccion)
    {
        var crear = DocumentoOpenApi.DelRepositorio.Operaciones.FirstOrDefault(o => o.Metodo == "POST" && o.Ruta == coleccion && o.TieneCuerpoJson);
        if (crear is null)
            return;
        var respuesta = await Admin.PostAsync(await UrlAsync(crear), CuerposEjemplo.Contenido(crear, this));
        if (respuesta.StatusCode == HttpStatusCode.Created && respuesta.Headers.Location is { } ubicacion)
            Registrar(coleccion, ubicacion.OriginalString.TrimEnd('/').Split('/')[^1]);
    }
}
