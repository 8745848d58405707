using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Gestion.Tests.Terreno;

/// <summary>Field collection through the API: routes and their order, visits, field payments with receipts, the visit report.</summary>
public sealed class TerrenoTests : PruebaGestion
{
    private static readonly (double Lat, double Lon) Inicio = (-33.45, -70.65);

    private async Task<string> CobradorAsync(string nombre, string? usuarioId = null) =>
        (await (await Api.PostAsJsonAsync("/api/v1/gestion/cobradores", new { nombre, usuarioId, regiones = Array.Empty<string>(), comunas = Array.Empty<string>() })).JsonAsync(201)).Id();

    private async Task<string> ClienteEnAsync(double? lat, double? lon, bool? consumidor = false, string? comuna = null, HttpClient? api = null)
    {
        var rut = consumidor == true ? Datos.RutNuevo() : SharedKernel.Rut.Rut.Desde(76_000_000 + Fixture.Siguiente()).Canonico;
        return (await (api ?? Api).CrearClienteAsync(new
        {
            rut, razonSocial = $"Cliente {rut}", segmento = "Retail", cuentaClave = false, comuna, consumidor, latitud = lat, longitud = lon,
        })).Id();
    }

    private static Task<HttpResponseMessage> CrearRutaAsync(HttpClient api, string cobradorId, DateOnly fecha, IEnumerable<string> clientes, bool optimizar = true, (double Lat, double Lon)? inicio = null) =>
        api.PostAsJsonAsync("/api/v1/terreno/rutas", new
        {
            cobradorId, fecha = F(fecha), inicioLatitud = (inicio ?? Inicio).Lat, inicioLongitud = (inicio ?? Inicio).Lon, clienteIds = clientes.ToArray(), optimizar,
        });

    private static List<string> Orden(JsonNode ruta) => ruta["paradas"]!.AsArray().Select(p => (string)p!["clienteId"]!).ToList();

    private static object Pago(string clienteId, string clave, decimal monto = 10_000m, string medio = "efectivo") => medio == "cheque"
        ? (object)new { clienteId, claveIdempotencia = clave, monto, medio, banco = "Banco de Chile", numeroCheque = "004512", fechaCheque = (string?)null, notas = "Cheque al día" }
        : new { clienteId, claveIdempotencia = clave, monto, medio, banco = (string?)null, numeroCheque = (string?)null, fechaCheque = (string?)null, notas = (string?)null };

    private async Task<int> PagosDelClienteAsync(string clienteId) =>
        (int)(await (await Api.GetAsync($"/api/v1/pagos?clienteId={clienteId}")).JsonAsync())["total"]!;

    [Test]
    public async Task Puntos_en_una_linea_se_visitan_en_orden_desde_el_inicio()
    {
        var cobrador = await CobradorAsync("Lina Recta");
        // Due east of the start, handed in shuffled order: the optimum is the order along the line.
        var desplazamientos = new[] { 3, 1, 5, 2, 4 };
        var clientes = new Dictionary<int, string>();
        foreach (var k in desplazamientos)
            clientes[k] = await ClienteEnAsync(Inicio.Lat, Inicio.Lon + (k * 0.01));

        var ruta = await (await CrearRutaAsync(Api, cobrador, Hoy, desplazamientos.Select(k => clientes[k]))).JsonAsync(201);

        Assert.That(Orden(ruta), Is.EqualTo(Enumerable.Range(1, 5).Select(k => clientes[k])));
        Assert.That(ruta["paradas"]!.AsArray().Select(p => (int)p!["orden"]!), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
        Assert.That((double)ruta["distanciaKm"]!, Is.EqualTo(4.65).Within(0.05), "5 × 0,01° de longitud a 33,45° S");
    }

    [Test]
    public async Task El_orden_es_vecino_mas_cercano_mejorado_con_2opt_y_no_depende_del_orden_de_entrada()
    {
        var cobrador = await CobradorAsync("Dos Opt");
        // Hand-made: nearest neighbour from the start gives 2,4,1,0,3 (17,51 km); 2-opt takes it to 0,1,4,2,3 (14,90 km), the unique optimum.
        (double, double)[] puntos = [(-33.43, -70.63), (-33.43, -70.62), (-33.47, -70.64), (-33.48, -70.69), (-33.47, -70.62)];
        var ids = new List<string>();
        foreach (var (lat, lon) in puntos)
            ids.Add(await ClienteEnAsync(lat, lon));

        var ruta = await (await CrearRutaAsync(Api, cobrador, Hoy, ids)).JsonAsync(201);
        Assert.That(Orden(ruta), Is.EqualTo(new[] { ids[0], ids[1], ids[4], ids[2], ids[3] }));
        Assert.That((double)ruta["distanciaKm"]!, Is.EqualTo(14.896).Within(0.01));

        var vista = await (await Api.PostAsJsonAsync("/api/v1/terreno/recorrido", new { inicioLatitud = Inicio.Lat, inicioLongitud = Inicio.Lon, clienteIds = Enumerable.Reverse(ids).ToArray() })).JsonAsync();
        Assert.That(vista["puntos"]!.AsArray().Select(p => (string)p!["clienteId"]!), Is.EqualTo(Orden(ruta)), "el mismo orden con la entrada al revés");

        // By hand: the planner's order is kept as given, and re-optimising restores the heuristic's.
        var aMano = await (await Api.PutAsJsonAsync($"/api/v1/terreno/rutas/{ruta.Id()}", new { inicioLatitud = Inicio.Lat, inicioLongitud = Inicio.Lon, clienteIds = ids.ToArray() })).JsonAsync();
        Assert.That(Orden(aMano), Is.EqualTo(ids));
        var optimizada = await (await Api.PostAsync($"/api/v1/terreno/rutas/{ruta.Id()}/optimizar", null)).JsonAsync();
        Assert.That(Orden(optimizada), Is.EqualTo(Orden(ruta)));
    }

    [Test]
    public async Task Empates_se_rompen_por_id()
    {
        var cobrador = await CobradorAsync("Empate");
        // North and south of the start by the same arc of meridian: equally near, and either order gives the same length.
        var norte = await ClienteEnAsync(Inicio.Lat + 0.01, Inicio.Lon);
        var sur = await ClienteEnAsync(Inicio.Lat - 0.01, Inicio.Lon);
        var menor = string.CompareOrdinal(norte, sur) < 0 ? norte : sur;

        var a = await (await Api.PostAsJsonAsync("/api/v1/terreno/recorrido", new { inicioLatitud = Inicio.Lat, inicioLongitud = Inicio.Lon, clienteIds = new[] { norte, sur } })).JsonAsync();
        var b = await (await Api.PostAsJsonAsync("/api/v1/terreno/recorrido", new { inicioLatitud = Inicio.Lat, inicioLongitud = Inicio.Lon, clienteIds = new[] { sur, norte } })).JsonAsync();
        Assert.That((string)a["puntos"]![0]!["clienteId"]!, Is.EqualTo(menor));
        Assert.That((string)b["puntos"]![0]!["clienteId"]!, Is.EqualTo(menor));
        var ruta = await (await CrearRutaAsync(Api, cobrador, Hoy, [sur, norte])).JsonAsync(201);
        Assert.That(Orden(ruta)[0], Is.EqualTo(menor));
    }

    [Test]
    public async Task Sin_coordenadas_el_cliente_se_ubica_en_el_centroide_de_su_comuna()
    {
        var cobrador = await CobradorAsync("Comunal");
        var propio = await ClienteEnAsync(-33.4, -70.6);
        var porComuna = await ClienteEnAsync(null, null, comuna: "nunoa");
        var sinLugar = await ClienteEnAsync(null, null, comuna: "Comuna inventada");
        var ruta = await (await CrearRutaAsync(Api, cobrador, Hoy, [sinLugar, porComuna, propio])).JsonAsync(201);
        var paradas = ruta["paradas"]!.AsArray().ToDictionary(p => (string)p!["clienteId"]!);

        Assert.That((string)paradas[propio]!["origenUbicacion"]!, Is.EqualTo("cliente"));
        Assert.That((string)paradas[porComuna]!["origenUbicacion"]!, Is.EqualTo("comuna"));
        Assert.That((double)paradas[porComuna]!["latitud"]!, Is.EqualTo(-33.46).Within(0.001), "Ñuñoa");
        Assert.That((string)paradas[sinLugar]!["origenUbicacion"]!, Is.EqualTo("sin_ubicacion"));
        Assert.That(Orden(ruta)[^1], Is.EqualTo(sinLugar), "lo que no tiene ubicación va al final");

        var comunas = (await (await Api.GetAsync("/api/v1/comunas")).JsonAsync()).AsArray();
        Assert.That(comunas, Has.Count.EqualTo(346));
        Assert.That(comunas.Select(c => (string)c!["region"]!).Distinct().Count(), Is.EqualTo(16));
    }

    [Test]
    public async Task Las_coordenadas_del_cliente_se_validan()
    {
        var fuera = await (await Api.PostAsJsonAsync("/api/v1/clientes", new { rut = Datos.RutNuevo(), razonSocial = "Fuera SpA", segmento = "Retail", cuentaClave = false, latitud = 91.0, longitud = 0.0 })).ProblemaAsync(400);
        Assert.That(fuera.CamposConError(), Does.Contain("latitud"));
        var sola = await (await Api.PostAsJsonAsync("/api/v1/clientes", new { rut = Datos.RutNuevo(), razonSocial = "Sola SpA", segmento = "Retail", cuentaClave = false, latitud = -33.4 })).ProblemaAsync(400);
        Assert.That(sola.CamposConError(), Does.Contain("longitud"));
        var id = await ClienteEnAsync(-33.4, -70.6);
        var leido = await (await Api.GetAsync($"/api/v1/clientes/{id}")).JsonAsync();
        Assert.That(((double)leido["latitud"]!, (double)leido["longitud"]!), Is.EqualTo((-33.4, -70.6)));
    }

    [Test]
    public async Task Un_pago_en_terreno_repetido_con_la_misma_clave_se_registra_una_vez()
    {
        await FacturaAsync(1001, 50_000m, Hoy.AddDays(-30), Hoy.AddDays(-5));
        var clave = Guid.NewGuid().ToString();

        var primero = await (await Api.PostAsJsonAsync("/api/v1/terreno/recibos", Pago(ClienteId, clave, 20_000m))).JsonAsync(201);
        var repetido = await (await Api.PostAsJsonAsync("/api/v1/terreno/recibos", Pago(ClienteId, clave, 20_000m))).JsonAsync(200);

        Assert.That(repetido.Id(), Is.EqualTo(primero.Id()));
        Assert.That((long)repetido["numero"]!, Is.EqualTo((long)primero["numero"]!));
        Assert.That((decimal)primero["aplicado"]!, Is.EqualTo(20_000m));
        Assert.That(await PagosDelClienteAsync(ClienteId), Is.EqualTo(1));
        var saldo = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta")).JsonAsync();
        Assert.That(saldo.ToJsonString(), Does.Contain("30000"), "el pago quedó aplicado en Cartera");
    }

    [Test]
    public async Task Dos_envios_simultaneos_con_la_misma_clave_dejan_un_solo_pago_y_un_recibo()
    {
        await FacturaAsync(1002, 50_000m, Hoy.AddDays(-30), Hoy.AddDays(-5));
        var clave = Guid.NewGuid().ToString();
        var respuestas = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Api.PostAsJsonAsync("/api/v1/terreno/recibos", Pago(ClienteId, clave))));
        var recibos = new List<JsonNode>();
        foreach (var r in respuestas)
            recibos.Add(await r.JsonAsync(r.StatusCode == HttpStatusCode.Created ? 201 : 200));

        Assert.That(respuestas.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(recibos.Select(r => r.Id()).Distinct().Count(), Is.EqualTo(1));
        Assert.That(await PagosDelClienteAsync(ClienteId), Is.EqualTo(1));

        // The offline queue also sends the key as Idempotency-Key: a second copy in flight is refused (409) or replayed, never stored.
        var otra = Guid.NewGuid().ToString();
        var conEncabezado = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
        {
            var m = new HttpRequestMessage(HttpMethod.Post, "/api/v1/terreno/recibos") { Content = JsonContent.Create(Pago(ClienteId, otra)) };
            m.Headers.Add("Idempotency-Key", otra);
            return Api.SendAsync(m);
        }));
        Assert.That(conEncabezado.Select(r => (int)r.StatusCode), Is.All.AnyOf(201, 200, 409));
        var reintento = new HttpRequestMessage(HttpMethod.Post, "/api/v1/terreno/recibos") { Content = JsonContent.Create(Pago(ClienteId, otra)) };
        reintento.Headers.Add("Idempotency-Key", otra);
        var final = await Api.SendAsync(reintento);
        Assert.That((int)final.StatusCode, Is.AnyOf(200, 201));
        Assert.That(await PagosDelClienteAsync(ClienteId), Is.EqualTo(2));
        var lista = (await (await Api.GetAsync("/api/v1/terreno/recibos")).JsonAsync()).AsArray();
        Assert.That(lista, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Los_numeros_de_recibo_son_correlativos_y_unicos_bajo_concurrencia()
    {
        await FacturaAsync(1003, 500_000m, Hoy.AddDays(-30), Hoy.AddDays(-5));
        var respuestas = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Api.PostAsJsonAsync("/api/v1/terreno/recibos", Pago(ClienteId, $"clave-{i}-{Guid.NewGuid()}", 1_000m))));
        var numeros = new List<long>();
        foreach (var r in respuestas)
            numeros.Add((long)(await r.JsonAsync(201))["numero"]!);
        Assert.That(numeros.Order(), Is.EqualTo(Enumerable.Range(1, 12).Select(i => (long)i)));

        // Each company numbers its own receipts.
        var otra = await Fixture.CrearEmpresaAsync("Otra Cobranza");
        var apiOtra = await Fixture.ClienteHttpAsync(otra);
        var clienteOtra = await ClienteEnAsync(-33.4, -70.6, api: apiOtra);
        var primero = await (await apiOtra.PostAsJsonAsync("/api/v1/terreno/recibos", Pago(clienteOtra, "clave-otra"))).JsonAsync(201);
        Assert.That((long)primero["numero"]!, Is.EqualTo(1));
    }

    [Test]
    public async Task Un_cheque_en_terreno_exige_banco_y_numero_y_se_imprime_su_recibo()
    {
        await FacturaAsync(1004, 50_000m, Hoy.AddDays(-30), Hoy.AddDays(-5));
        var sinBanco = await (await Api.PostAsJsonAsync("/api/v1/terreno/recibos", new { clienteId = ClienteId, claveIdempotencia = "c1", monto = 5_000m, medio = "cheque" })).ProblemaAsync(400);
        Assert.That(sinBanco.CamposConError(), Does.Contain("banco").And.Contain("numeroCheque"));
        var recibo = await (await Api.PostAsJsonAsync("/api/v1/terreno/recibos", Pago(ClienteId, "c2", 5_000m, "cheque"))).JsonAsync(201);
        Assert.That((string)recibo["medio"]!, Is.EqualTo("cheque"));
        Assert.That((string)recibo["banco"]!, Is.EqualTo("Banco de Chile"));
        var pdf = await Api.GetAsync($"/api/v1/terreno/recibos/{recibo.Id()}/pdf");
        Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(pdf.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]), Is.EqualTo("%PDF-"));
    }

    [Test]
    public async Task Llegada_informe_y_foto_quedan_como_visita_en_la_historia_del_cliente_y_en_el_informe()
    {
        var cobrador = await CobradorAsync("Visitadora");
        var otro = await ClienteEnAsync(-33.44, -70.64);
        var ruta = await (await CrearRutaAsync(Api, cobrador, Hoy, [ClienteId, otro])).JsonAsync(201);
        var parada = ruta["paradas"]!.AsArray().Single(p => (string)p!["clienteId"]! == ClienteId)!;

        var sinLlegada = await (await Api.PostAsJsonAsync($"/api/v1/terreno/paradas/{parada.Id()}/informe", new { resultado = "sin_pago", notas = "x" })).ProblemaAsync(422);
        Assert.That(sinLlegada.CamposConError(), Does.Contain("resultado"));
        var llegada = await (await Api.PostAsJsonAsync($"/api/v1/terreno/paradas/{parada.Id()}/llegada", new { latitud = -33.4501, longitud = -70.6502, precision = 12.5 })).JsonAsync();
        var otraVez = await (await Api.PostAsJsonAsync($"/api/v1/terreno/paradas/{parada.Id()}/llegada", new { latitud = -33.0, longitud = -70.0, precision = 1.0 })).JsonAsync();
        Assert.That((double)otraVez["llegadaLatitud"]!, Is.EqualTo(-33.4501), "un reintento devuelve la primera llegada");
        Assert.That((double)llegada["llegadaPrecision"]!, Is.EqualTo(12.5));

        await (await Api.PostAsJsonAsync($"/api/v1/terreno/paradas/{parada.Id()}/informe", new { resultado = "sin_pago", notas = "Pagará la próxima semana" })).JsonAsync();
        using (var foto = new MultipartFormDataContent())
        {
            var png = new ByteArrayContent(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="));
            png.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            foto.Add(png, "archivo", "fachada.png");
            await (await Api.PostAsync($"/api/v1/terreno/paradas/{parada.Id()}/fotos", foto)).JsonAsync(201);
        }

        var actividades = (await (await Api.GetAsync($"/api/v1/gestion/actividades?clienteId={ClienteId}")).JsonAsync())["items"]!.AsArray();
        var visita = actividades.Single()!;
        Assert.That((string)visita["canal"]!, Is.EqualTo("presencial"));
        Assert.That((string)visita["notas"]!, Does.Contain("Pagará la próxima semana"));
        Assert.That(visita["adjuntos"]!.AsArray(), Has.Count.EqualTo(1));

        await FacturaAsync(1005, 50_000m, Hoy.AddDays(-30), Hoy.AddDays(-5));
        await (await Api.PostAsJsonAsync("/api/v1/terreno/recibos", Pago(ClienteId, "r1", 7_000m))).JsonAsync(201);
        var informe = await (await Api.GetAsync($"/api/v1/terreno/informes/visitas?desde={F(Hoy)}&hasta={F(Hoy)}")).JsonAsync();
        var fila = informe["filas"]!.AsArray().Single(f => (string)f!["cobradorId"]! == cobrador)!;
        Assert.That(((int)fila["planificadas"]!, (int)fila["realizadas"]!), Is.EqualTo((2, 1)));
        var csv = await (await Api.GetAsync($"/api/v1/terreno/informes/visitas/exportar?desde={F(Hoy)}&hasta={F(Hoy)}&formato=csv")).TextoAsync(200);
        Assert.That(csv, Does.Contain("Visitadora"));
    }

    [Test]
    public async Task Un_consumidor_recibe_a_lo_mas_una_visita_por_semana()
    {
        var uno = await CobradorAsync("Primera");
        var dos = await CobradorAsync("Segunda");
        var consumidor = await ClienteEnAsync(-33.44, -70.64, consumidor: true);
        var r1 = await (await CrearRutaAsync(Api, uno, Hoy, [consumidor])).JsonAsync(201);
        var r2 = await (await CrearRutaAsync(Api, dos, Hoy, [consumidor])).JsonAsync(201);
        var dia = Hoy.AddDays(-3);
        while (dia.DayOfWeek == DayOfWeek.Sunday)
            dia = dia.AddDays(-1);
        var once = new DateTimeOffset(dia.ToDateTime(new TimeOnly(11, 0)), SharedKernel.Tiempo.FechaNegocio.Santiago.GetUtcOffset(dia.ToDateTime(new TimeOnly(11, 0))));

        await (await Api.PostAsJsonAsync($"/api/v1/terreno/paradas/{r1["paradas"]![0]!.Id()}/llegada", new { latitud = -33.44, longitud = -70.64, precision = 5, fecha = once })).JsonAsync();
        var segunda = await (await Api.PostAsJsonAsync($"/api/v1/terreno/paradas/{r2["paradas"]![0]!.Id()}/llegada",
            new { latitud = -33.44, longitud = -70.64, precision = 5, fecha = once.AddHours(2) })).ProblemaAsync(422);
        Assert.That((string?)segunda["codigo"], Is.EqualTo("ley_21320_llamadas_semana"));
        var ruta2 = await (await Api.GetAsync($"/api/v1/terreno/rutas/{r2.Id()}")).JsonAsync();
        Assert.That((string)ruta2["paradas"]![0]!["estado"]!, Is.EqualTo("pendiente"), "una visita rechazada no deja nada");
    }

    [Test]
    public async Task Un_cobrador_solo_planifica_y_ve_sus_rutas_y_consulta_solo_lee()
    {
        var usuario = await Fixture.CrearUsuarioAsync(Empresa, "Cobrador");
        var propio = await CobradorAsync("Cobradora propia", usuario.Id);
        var ajeno = await CobradorAsync("Cobrador ajeno");
        var apiCobrador = await Fixture.IniciarSesionAsync(usuario.Email, usuario.Password, Empresa.Id);
        var cliente = await ClienteEnAsync(-33.44, -70.64);

        var mia = await (await CrearRutaAsync(apiCobrador, propio, Hoy, [cliente])).JsonAsync(201);
        await (await CrearRutaAsync(apiCobrador, ajeno, Hoy, [cliente])).ProblemaAsync(404);
        var deOtro = await (await CrearRutaAsync(Api, ajeno, Hoy, [cliente])).JsonAsync(201);
        await (await apiCobrador.GetAsync($"/api/v1/terreno/rutas/{deOtro.Id()}")).ProblemaAsync(404);
        await (await apiCobrador.PostAsJsonAsync($"/api/v1/terreno/paradas/{deOtro["paradas"]![0]!.Id()}/llegada", new { latitud = -33.4, longitud = -70.6 })).ProblemaAsync(404);
        var lista = (await (await apiCobrador.GetAsync($"/api/v1/terreno/rutas?fecha={F(Hoy)}")).JsonAsync()).AsArray();
        Assert.That(lista.Select(r => r!.Id()), Is.EqualTo(new[] { mia.Id() }));
        var hoy = await (await apiCobrador.GetAsync("/api/v1/terreno/mi-ruta")).JsonAsync();
        Assert.That(hoy.Id(), Is.EqualTo(mia.Id()));
        // Its own route's client is not assigned to it, yet the visit and the payment are its to take.
        await (await apiCobrador.PostAsJsonAsync($"/api/v1/terreno/paradas/{mia["paradas"]![0]!.Id()}/llegada", new { latitud = -33.4, longitud = -70.6 })).JsonAsync();
        var recibo = await (await apiCobrador.PostAsJsonAsync("/api/v1/terreno/recibos", Pago(cliente, "propio"))).JsonAsync(201);
        Assert.That((string)recibo["cobradorId"]!, Is.EqualTo(propio));

        var consulta = await Fixture.ClienteHttpAsync(Empresa, "Consulta");
        Assert.That((await CrearRutaAsync(consulta, ajeno, Hoy.AddDays(1), [cliente])).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await consulta.PostAsJsonAsync("/api/v1/terreno/recibos", Pago(cliente, "consulta"))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await consulta.GetAsync($"/api/v1/terreno/rutas/{deOtro.Id()}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await consulta.GetAsync("/api/v1/terreno/informes/visitas")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Otra_empresa_no_ve_ni_toca_rutas_ni_recibos()
    {
        var cobrador = await CobradorAsync("Aislado");
        var ruta = await (await CrearRutaAsync(Api, cobrador, Hoy, [ClienteId])).JsonAsync(201);
        var recibo = await (await Api.PostAsJsonAsync("/api/v1/terreno/recibos", Pago(ClienteId, "aislado"))).JsonAsync(201);

        var otra = await Fixture.CrearEmpresaAsync("Empresa Ajena");
        var ajena = await Fixture.ClienteHttpAsync(otra);
        await (await ajena.GetAsync($"/api/v1/terreno/rutas/{ruta.Id()}")).ProblemaAsync(404);
        await (await ajena.GetAsync($"/api/v1/terreno/recibos/{recibo.Id()}")).ProblemaAsync(404);
        await (await ajena.GetAsync($"/api/v1/terreno/recibos/{recibo.Id()}/pdf")).ProblemaAsync(404);
        await (await ajena.PostAsJsonAsync($"/api/v1/terreno/paradas/{ruta["paradas"]![0]!.Id()}/llegada", new { latitud = -33.4, longitud = -70.6 })).ProblemaAsync(404);
        await (await ajena.PostAsJsonAsync("/api/v1/terreno/recibos", Pago(ClienteId, "ajeno"))).ProblemaAsync(404);
        // The same idempotency key in another company is another operation.
        var propio = await ClienteEnAsync(-33.4, -70.6, api: ajena);
        var mismo = await (await ajena.PostAsJsonAsync("/api/v1/terreno/recibos", Pago(propio, "aislado"))).JsonAsync(201);
        Assert.That(mismo.Id(), Is.Not.EqualTo(recibo.Id()));
        Assert.That((await (await ajena.GetAsync($"/api/v1/terreno/rutas?fecha={F(Hoy)}")).JsonAsync()).AsArray(), Is.Empty);
        Assert.That((await (await ajena.GetAsync("/api/v1/terreno/informes/visitas")).JsonAsync())["filas"]!.AsArray(), Is.Empty);
    }

    [TestCase("claveIdempotencia")]
    [TestCase("banco")]
    [TestCase("numeroCheque")]
    [TestCase("notas")]
    [TestCase("medio")]
    public async Task Un_NUL_en_el_pago_en_terreno_es_400(string campo)
    {
        var cuerpo = JsonNode.Parse(JsonContent.Create(Pago(ClienteId, "nul", 1_000m, "cheque")).ReadAsStringAsync().Result)!.AsObject();
        cuerpo[campo] = "a\0b";
        var p = await (await Api.PostAsync("/api/v1/terreno/recibos", new StringContent(cuerpo.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).ProblemaAsync(400);
        Assert.That(p.CamposConError(), Does.Contain(campo));
        Assert.That(await PagosDelClienteAsync(ClienteId), Is.Zero);
    }

    [TestCase("resultado")]
    [TestCase("notas")]
    public async Task Un_NUL_en_el_informe_de_visita_es_400(string campo)
    {
        var cobrador = await CobradorAsync("Nulo");
        var ruta = await (await CrearRutaAsync(Api, cobrador, Hoy, [ClienteId])).JsonAsync(201);
        var parada = ruta["paradas"]![0]!.Id();
        await (await Api.PostAsJsonAsync($"/api/v1/terreno/paradas/{parada}/llegada", new { latitud = -33.4, longitud = -70.6 })).JsonAsync();
        var cuerpo = new JsonObject { ["resultado"] = "sin_pago", ["notas"] = "ok" };
        cuerpo[campo] = "a\0b";
        var p = await (await Api.PostAsync($"/api/v1/terreno/paradas/{parada}/informe", new StringContent(cuerpo.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).ProblemaAsync(400);
        Assert.That(p.CamposConError(), Does.Contain(campo));
    }
}
