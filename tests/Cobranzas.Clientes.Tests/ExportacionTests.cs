using System.Text;
using Cobranzas.Testing;
using MiniExcelLibs;

namespace Cobranzas.Clientes.Tests;

public sealed class ExportacionTests : PruebaClientes
{
    private static readonly string[] Columnas = ["RUT", "Razón social", "Nombre fantasía", "Giro", "Dirección", "Comuna", "Región", "Segmento", "Cuenta clave", "Estado crédito"];

    [SetUp]
    public async Task CrearClientesAsync()
    {
        await Api.CrearClienteAsync(Datos.Cliente("76086428-5", "Comercial Andes SpA", "Corporativo", cuentaClave: true, giro: "Venta al por mayor", comuna: "Talca", region: "Maule"));
        await Api.CrearClienteAsync(Datos.Cliente("12531909-2", "Ferretería Los Andes Ltda", "Retail"));
        await Api.CrearClienteAsync(Datos.Cliente("10626628-K", "Distribuidora Pacífico S.A.", "Mayorista"));
    }

    [Test]
    public async Task Exporta_csv_para_excel_chileno_con_encabezados_en_espanol_y_los_filtros_aplicados()
    {
        var respuesta = await Api.GetAsync("/api/v1/clientes/exportar?formato=csv&buscar=andes&orden=rut");
        await respuesta.TextoAsync(200);

        Assert.That(respuesta.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(respuesta.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Does.EndWith(".csv"));
        var bytes = await respuesta.Content.ReadAsByteArrayAsync();
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "BOM UTF-8");
        var lineas = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF')
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.That(lineas[0].Split(';'), Is.EqualTo(Columnas));
        Assert.That(lineas.Skip(1).Select(l => l.Split(';')[0]), Is.EqualTo(new[] { "12.531.909-2", "76.086.428-5" }));
        Assert.That(lineas[2], Is.EqualTo("76.086.428-5;Comercial Andes SpA;;Venta al por mayor;;Talca;Maule;Corporativo;Sí;Vigente"));
    }

    [Test]
    public async Task Exporta_xlsx_legible_por_una_planilla()
    {
        var respuesta = await Api.GetAsync("/api/v1/clientes/exportar?formato=xlsx&orden=razonSocial");
        await respuesta.TextoAsync(200);

        Assert.That(respuesta.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        using var archivo = new MemoryStream(await respuesta.Content.ReadAsByteArrayAsync());
        var filas = archivo.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.That(filas[0].Keys, Is.EqualTo(Columnas));
        Assert.That(filas.Select(f => f["Razón social"]), Is.EqualTo(new[] { "Comercial Andes SpA", "Distribuidora Pacífico S.A.", "Ferretería Los Andes Ltda" }));
        Assert.That(filas[0]["RUT"], Is.EqualTo("76.086.428-5"));
        Assert.That(filas[0]["Cuenta clave"], Is.EqualTo("Sí"));
        Assert.That(filas[0]["Estado crédito"], Is.EqualTo("Vigente"));
        Assert.That(filas[1]["Segmento"], Is.EqualTo("Mayorista"));
    }

    [Test]
    public async Task El_xlsx_es_ooxml_valido_sin_nada_mas_que_filas_en_sheetData()
    {
        var respuesta = await Api.GetAsync("/api/v1/clientes/exportar?formato=xlsx");
        await respuesta.TextoAsync(200);

        Assert.That(LibroXlsx.ErroresDeHojas(await respuesta.Content.ReadAsByteArrayAsync()), Is.Empty);
    }

    [Test]
    public async Task Las_formulas_se_exportan_como_texto_y_vuelven_a_importarse_iguales()
    {
        const string formula = "=HYPERLINK(\"http://malo.test\",\"ver\")";
        await Api.CrearClienteAsync(Datos.Cliente("14684927-K", formula, "Retail", nombreFantasia: "@SUMA(A1)", giro: "-1+1", direccion: "+56 9 1234"));

        var csv = Encoding.UTF8.GetString(await (await Api.GetAsync("/api/v1/clientes/exportar?formato=csv&buscar=14684927-K")).Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        using var archivo = new MemoryStream(await (await Api.GetAsync("/api/v1/clientes/exportar?formato=xlsx&buscar=14684927-K")).Content.ReadAsByteArrayAsync());
        var fila = archivo.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();

        Assert.That(csv, Does.Contain("'=HYPERLINK").And.Contain("'@SUMA(A1)").And.Contain("'-1+1").And.Contain("'+56 9 1234"));
        Assert.That((fila["Razón social"], fila["Nombre fantasía"], fila["Giro"], fila["Dirección"]), Is.EqualTo(("'" + formula, "'@SUMA(A1)", "'-1+1", "'+56 9 1234")));

        using var contenido = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "archivo", "clientes.csv" } };
        await (await Api.PostAsync("/api/v1/importaciones/clientes", contenido)).JsonAsync();
        var id = (string)(await (await Api.GetAsync("/api/v1/clientes?buscar=14684927-K")).JsonAsync())["items"]![0]!["id"]!;
        var cliente = await (await Api.GetAsync($"/api/v1/clientes/{id}")).JsonAsync();
        Assert.That(((string?)cliente["razonSocial"], (string?)cliente["nombreFantasia"], (string?)cliente["giro"]), Is.EqualTo((formula, "@SUMA(A1)", "-1+1")));
    }

    [Test]
    public async Task Un_cliente_llamado_formula_se_exporta_neutralizado_en_csv_y_xlsx()
    {
        await Api.CrearClienteAsync(Datos.Cliente("14684927-K", "=1+1 Comercial", "Retail", giro: "@Giro"));

        var csv = Encoding.UTF8.GetString(await (await Api.GetAsync("/api/v1/clientes/exportar?formato=csv&buscar=14684927-K")).Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        using var archivo = new MemoryStream(await (await Api.GetAsync("/api/v1/clientes/exportar?formato=xlsx&buscar=14684927-K")).Content.ReadAsByteArrayAsync());
        var fila = archivo.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();

        var celdas = csv.Split('\n')[1].Split(';');
        Assert.That(celdas[1], Is.EqualTo("'=1+1 Comercial"));
        Assert.That(csv, Does.Not.Contain(";=1+1"));
        Assert.That(fila["Razón social"], Is.EqualTo("'=1+1 Comercial"));
        Assert.That(((string?)fila["Giro"])?[0], Is.EqualTo('\''));
    }

    [Test]
    public async Task Exporta_csv_por_omision()
    {
        var respuesta = await Api.GetAsync("/api/v1/clientes/exportar");
        await respuesta.TextoAsync(200);

        Assert.That(respuesta.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
    }

    [Test]
    public async Task Formato_desconocido_responde_400_nombrando_formato()
    {
        var problema = await (await Api.GetAsync("/api/v1/clientes/exportar?formato=pdf")).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Does.Contain("formato"));
    }
}
