using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Clientes.Tests;

public sealed class BusquedaTests : PruebaClientes
{
    private readonly Dictionary<string, string> _ids = [];

    [SetUp]
    public async Task CrearCarteraAsync()
    {
        // Created one second apart, in this order, so "creado" sorts them predictably.
        (string Rut, string Nombre, string Segmento, bool Clave, string? Fantasia)[] clientes =
        [
            ("76086428-5", "Comercial Andes SpA", "Corporativo", true, "Andes Retail"),
            ("12531909-2", "Ferretería Los Andes Ltda", "Retail", false, null),
            ("10626628-K", "Distribuidora Pacífico S.A.", "Mayorista", false, "Pacífico"),
            ("14684927-K", "Inversiones Austral Limitada", "Retail", true, null),
        ];
        foreach (var c in clientes)
        {
            var creado = await Api.CrearClienteAsync(Datos.Cliente(c.Rut, c.Nombre, c.Segmento, c.Clave, nombreFantasia: c.Fantasia, comuna: "Talca"));
            _ids[c.Rut] = creado.Id();
            Fixture.Reloj.Advance(TimeSpan.FromSeconds(1));
        }

        await (await Api.PostAsJsonAsync($"/api/v1/clientes/{_ids["14684927-K"]}/estado-credito", new { estado = "suspendido", motivo = "Mora sobre 60 días" })).JsonAsync();
    }

    private async Task<(List<string> Ruts, int Total)> ListarAsync(string consulta)
    {
        var pagina = await (await Api.GetAsync($"/api/v1/clientes?{consulta}")).JsonAsync();
        return (pagina["items"]!.AsArray().Select(c => (string)c!["rut"]!).ToList(), (int)pagina["total"]!);
    }

    [TestCase("12531909-2")]
    [TestCase("12.531.909-2")]
    [TestCase("125319092")]
    [TestCase("12531909")]
    [TestCase("1253")]
    public async Task Busca_por_rut_en_cualquier_formato(string buscar)
    {
        var (ruts, _) = await ListarAsync($"buscar={Uri.EscapeDataString(buscar)}");

        Assert.That(ruts, Is.EqualTo(new[] { "12531909-2" }));
    }

    /// <summary>
    /// Some RUT numbers typed without their check digit read as another, valid RUT (7741928 = 774.192-8): the search
    /// must still find the client whose RUT starts with those digits.
    /// </summary>
    [Test]
    public async Task Busca_por_rut_sin_digito_verificador_aunque_los_digitos_parezcan_otro_rut()
    {
        var numero = Enumerable.Range(7_741_928, 100).First(n => SharedKernel.Rut.Rut.TryParse(n.ToString(System.Globalization.CultureInfo.InvariantCulture), out _));
        var rut = SharedKernel.Rut.Rut.Desde(numero).Canonico;
        await Api.CrearClienteAsync(Datos.Cliente(rut, "Cliente sin dígito buscado"));

        var (ruts, _) = await ListarAsync($"buscar={numero}");

        Assert.That(ruts, Does.Contain(rut));
    }

    [Test]
    public async Task Busca_por_rut_con_k_minuscula()
    {
        var (ruts, _) = await ListarAsync("buscar=10.626.628-k");

        Assert.That(ruts, Is.EqualTo(new[] { "10626628-K" }));
    }

    [TestCase("andes", new[] { "76086428-5", "12531909-2" })]
    [TestCase("ANDES", new[] { "76086428-5", "12531909-2" })]
    [TestCase("pacíf", new[] { "10626628-K" })]
    [TestCase("Austral Lim", new[] { "14684927-K" })]
    [TestCase("100%", new string[0])]
    [TestCase("Los_Andes", new string[0])]
    public async Task Busca_por_fragmento_del_nombre(string buscar, string[] esperados)
    {
        var (ruts, _) = await ListarAsync($"buscar={Uri.EscapeDataString(buscar)}");

        Assert.That(ruts, Is.EquivalentTo(esperados));
    }

    [Test]
    public async Task Busca_tambien_por_nombre_de_fantasia()
    {
        var (ruts, _) = await ListarAsync("buscar=retail");

        Assert.That(ruts, Is.EqualTo(new[] { "76086428-5" }));
    }

    [TestCase("segmento=Retail", new[] { "12531909-2", "14684927-K" })]
    [TestCase("estado=suspendido", new[] { "14684927-K" })]
    [TestCase("estado=vigente&segmento=Retail", new[] { "12531909-2" })]
    [TestCase("cuentaClave=true", new[] { "76086428-5", "14684927-K" })]
    [TestCase("cuentaClave=false&buscar=andes", new[] { "12531909-2" })]
    public async Task Filtra_por_segmento_estado_y_cuenta_clave(string filtros, string[] esperados)
    {
        var (ruts, total) = await ListarAsync(filtros);

        Assert.That(ruts, Is.EquivalentTo(esperados));
        Assert.That(total, Is.EqualTo(esperados.Length));
    }

    [Test]
    public async Task Filtra_por_grupo()
    {
        var grupo = await (await Api.PostAsJsonAsync("/api/v1/grupos-clientes", new { nombre = "Zona Sur", descripcion = (string?)null })).JsonAsync(201);
        await (await Api.PostAsJsonAsync($"/api/v1/grupos-clientes/{grupo.Id()}/miembros", new { ids = new[] { _ids["10626628-K"], _ids["76086428-5"] } })).JsonAsync();

        var (ruts, _) = await ListarAsync($"grupoId={grupo.Id()}");

        Assert.That(ruts, Is.EquivalentTo(new[] { "10626628-K", "76086428-5" }));
    }

    [TestCase("razonSocial", new[] { "76086428-5", "10626628-K", "12531909-2", "14684927-K" })]
    [TestCase("-razonSocial", new[] { "14684927-K", "12531909-2", "10626628-K", "76086428-5" })]
    [TestCase("rut", new[] { "10626628-K", "12531909-2", "14684927-K", "76086428-5" })]
    [TestCase("-rut", new[] { "76086428-5", "14684927-K", "12531909-2", "10626628-K" })]
    [TestCase("creado", new[] { "76086428-5", "12531909-2", "10626628-K", "14684927-K" })]
    [TestCase("-creado", new[] { "14684927-K", "10626628-K", "12531909-2", "76086428-5" })]
    public async Task Ordena_segun_lo_pedido(string orden, string[] esperados)
    {
        var (ruts, _) = await ListarAsync($"orden={orden}");

        Assert.That(ruts, Is.EqualTo(esperados));
    }

    [Test]
    public async Task Rut_de_menos_digitos_va_antes_al_ordenar_por_rut()
    {
        await Api.CrearClienteAsync(Datos.Cliente("9876543-3", "Cliente Antiguo"));

        var (ruts, _) = await ListarAsync("orden=rut&tamanoPagina=2");

        Assert.That(ruts, Is.EqualTo(new[] { "9876543-3", "10626628-K" }));
    }

    [Test]
    public async Task Pagina_los_resultados_y_entrega_el_total()
    {
        var pagina1 = await (await Api.GetAsync("/api/v1/clientes?orden=razonSocial&pagina=1&tamanoPagina=3")).JsonAsync();
        var pagina2 = await (await Api.GetAsync("/api/v1/clientes?orden=razonSocial&pagina=2&tamanoPagina=3")).JsonAsync();
        var pagina3 = await (await Api.GetAsync("/api/v1/clientes?orden=razonSocial&pagina=3&tamanoPagina=3")).JsonAsync();

        Assert.That(Ruts(pagina1), Is.EqualTo(new[] { "76086428-5", "10626628-K", "12531909-2" }));
        Assert.That(Ruts(pagina2), Is.EqualTo(new[] { "14684927-K" }));
        Assert.That(Ruts(pagina3), Is.Empty);
        Assert.That(new[] { pagina1, pagina2, pagina3 }.Select(p => (int)p["total"]!), Is.All.EqualTo(4));
        Assert.That((int)pagina2["numeroPagina"]!, Is.EqualTo(2));
        Assert.That((int)pagina2["tamanoPagina"]!, Is.EqualTo(3));
    }

    [TestCase("marin", new[] { "24367342-9" })]
    [TestCase("MARIN", new[] { "24367342-9" })]
    [TestCase("Marín", new[] { "24367342-9" })]
    [TestCase("ferreteria", new[] { "12531909-2" })]
    [TestCase("PACIFICO", new[] { "10626628-K" })]
    [TestCase("lovato eirl", new[] { "24367342-9" })]
    [TestCase("eirl   LOVATO", new[] { "24367342-9" })]
    [TestCase("lovato ltda", new string[0])]
    [TestCase("andes ltda", new[] { "12531909-2" })]
    [TestCase("367342", new[] { "24367342-9" })]
    [TestCase("342-9", new[] { "24367342-9" })]
    [TestCase("367.342-9", new[] { "24367342-9" })]
    [TestCase("24.367.342-9", new[] { "24367342-9" })]
    [TestCase("lovato 367342", new[] { "24367342-9" })]
    [TestCase("628-k", new[] { "10626628-K" })]
    public async Task Busca_sin_acentos_ni_mayusculas_por_varias_palabras_y_fragmentos_de_rut(string buscar, string[] esperados)
    {
        await Api.CrearClienteAsync(Datos.Cliente("24367342-9", "Transportes Marín Lovato E.I.R.L.", nombreFantasia: "Lovato EIRL"));

        var (ruts, total) = await ListarAsync($"buscar={Uri.EscapeDataString(buscar)}");

        Assert.That(ruts, Is.EquivalentTo(esperados));
        Assert.That(total, Is.EqualTo(esperados.Length));
    }

    [Test]
    public async Task La_exportacion_busca_igual_que_la_lista()
    {
        await Api.CrearClienteAsync(Datos.Cliente("24367342-9", "Transportes Marín Lovato E.I.R.L."));

        var csv = Encoding.UTF8.GetString(await (await Api.GetAsync("/api/v1/clientes/exportar?formato=csv&buscar=marin%20342-9")).Content.ReadAsByteArrayAsync());

        Assert.That(csv, Does.Contain("Marín Lovato"));
    }

    [TestCase("orden=nombre", "orden")]
    [TestCase("tamanoPagina=0", "tamanoPagina")]
    [TestCase("tamanoPagina=201", "tamanoPagina")]
    [TestCase("pagina=0", "pagina")]
    [TestCase("estado=moroso", "estado")]
    [TestCase("pagina=abc", "pagina")]
    [TestCase("cuentaClave=quizas", "cuentaClave")]
    public async Task Parametro_de_listado_invalido_responde_400_nombrandolo(string consulta, string campo)
    {
        var problema = await (await Api.GetAsync($"/api/v1/clientes?{consulta}")).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Does.Contain(campo));
    }

    private static List<string> Ruts(JsonNode pagina) => pagina["items"]!.AsArray().Select(c => (string)c!["rut"]!).ToList();
}
