using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Cobranzas.Testing;
using MiniExcelLibs;

namespace Cobranzas.Clientes.Tests;

public sealed class ImportacionTests : PruebaClientes
{
    private const string Encabezado = "rut,razonSocial,nombreFantasia,giro,direccion,comuna,region,segmento,cuentaClave,contactoNombre,contactoCargo,contactoEmail,contactoTelefono,contactoRol";

    private static byte[] Csv(params string[] filas) => Encoding.UTF8.GetBytes(string.Join("\n", [Encabezado, .. filas]) + "\n");

    private async Task<JsonNode> ImportarAsync(byte[] contenido, string nombre = "clientes.csv", bool? parcial = null, int estado = 200)
    {
        using var formulario = new MultipartFormDataContent();
        var archivo = new ByteArrayContent(contenido);
        archivo.Headers.ContentType = new MediaTypeHeaderValue(nombre.EndsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        formulario.Add(archivo, "archivo", nombre);
        var url = "/api/v1/importaciones/clientes" + (parcial is null ? "" : $"?parcial={parcial.Value.ToString().ToLowerInvariant()}");
        return await (await Api.PostAsync(url, formulario)).JsonAsync(estado);
    }

    private async Task<List<JsonNode>> ClientesAsync() =>
        (await (await Api.GetAsync("/api/v1/clientes?orden=rut&tamanoPagina=200")).JsonAsync())["items"]!.AsArray().Select(c => c!).ToList();

    private static List<(int Fila, string Columna, string Regla)> Errores(JsonNode resultado) =>
        resultado["errores"]!.AsArray().Select(e => ((int)e!["fila"]!, (string)e["columna"]!, (string)e["regla"]!)).ToList();

    [Test]
    public async Task Un_nulo_en_una_celda_del_archivo_es_un_error_de_esa_fila_y_no_guarda_nada()
    {
        var antes = await Fixture.ContarFilasAsync();

        var resultado = await ImportarAsync(Csv(
            "76086428-5,Comercial Andes SpA,,,,,,Corporativo,sí,,,,,",
            "12531909-2,Ferretería\0Andes,,,,,,Retail,no,,,,,"));

        Assert.That((bool?)resultado["aplicado"], Is.False);
        Assert.That(Errores(resultado), Does.Contain((3, "razonSocial", "caracter_nulo")));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Archivo_valido_crea_clientes_y_contactos()
    {
        var resultado = await ImportarAsync(Csv(
            "76.086.428-5,Comercial Andes SpA,Andes,Venta al por mayor,Av. Central 100,Talca,Maule,Corporativo,sí,María Pérez,Tesorera,maria@andes.test,+56 9 1234 5678,pagos",
            "12531909-2,Ferretería Los Andes Ltda,,,,,,Retail,no,,,,,"));

        Assert.That((bool?)resultado["aplicado"], Is.True);
        Assert.That(((int?)resultado["filasLeidas"], (int?)resultado["creados"], (int?)resultado["contactosCreados"]), Is.EqualTo((2, 2, 1)));
        var clientes = await ClientesAsync();
        Assert.That(clientes.Select(c => ((string?)c["rut"], (string?)c["razonSocial"], (bool?)c["cuentaClave"])),
            Is.EqualTo(new[] { ("12531909-2", "Ferretería Los Andes Ltda", false), ("76086428-5", "Comercial Andes SpA", true) }));
        var contactos = await (await Api.GetAsync($"/api/v1/clientes/{clientes[1].Id()}/contactos")).JsonAsync();
        var maria = contactos.AsArray().Single()!;
        Assert.That(((string?)maria["nombre"], (string?)maria["email"], (string?)maria["rol"]), Is.EqualTo(("María Pérez", "maria@andes.test", "pagos")));
    }

    [Test]
    public async Task Errores_por_fila_nombran_fila_columna_y_regla_y_no_se_aplica_nada()
    {
        var antes = await Fixture.ContarFilasAsync();

        var resultado = await ImportarAsync(Csv(
            "76086428-5,Comercial Andes SpA,,,,,,Corporativo,sí,,,,,",
            "12531909-3,RUT malo,,,,,,Retail,no,,,,,",
            "10626628-K,Segmento malo,,,,,,Minería,no,,,,,",
            "14684927-K,,,,,,,Retail,quizás,,,,,",
            "9876543-3,Contacto malo,,,,,,Retail,no,Pedro,,no-es-email,,"));

        Assert.That((bool?)resultado["aplicado"], Is.False);
        Assert.That((int?)resultado["creados"], Is.Zero);
        Assert.That(Errores(resultado), Is.SupersetOf(new[]
        {
            (3, "rut", "rut_invalido"),
            (4, "segmento", "segmento_inexistente"),
            (5, "cuentaClave", "booleano"),
            (6, "contactoEmail", "email_invalido"),
        }));
        Assert.That(Errores(resultado).Select(e => e.Fila), Has.No.Member(2));
        Assert.That(Errores(resultado).Where(e => e.Fila == 5).Select(e => e.Columna), Does.Contain("razonSocial"));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Los_errores_nombran_la_columna_como_la_escribe_el_archivo_y_una_frase_sin_nombres_internos()
    {
        var archivo = Encoding.UTF8.GetBytes(string.Join("\n",
            "RUT;Razón Social;Segmento;Cuenta clave;Correo contacto;Contacto Nombre",
            "76086428-5;;Corporativo;sí;;",
            "12531909-2;Otra SpA;Retail;quizás;;",
            "76086428-5;Comercial Andes SpA;Corporativo;sí;;",
            "76086428-5;Comercial Andes Ltda;Corporativo;sí;;") + "\n");

        var errores = (await ImportarAsync(archivo))["errores"]!.AsArray()
            .Select(e => ((int)e!["fila"]!, (string)e["columna"]!, (string)e["mensaje"]!)).ToList();

        var vacia = errores.Single(e => e.Item1 == 2);
        Assert.That(vacia.Item2, Is.EqualTo("Razón Social"));
        Assert.That(vacia.Item3, Does.StartWith("«Razón Social»").And.Not.Contain("RazonSocial").And.Not.Contain("'Razon Social'"));
        Assert.That(errores.Single(e => e.Item1 == 3).Item2, Is.EqualTo("Cuenta clave"));
        Assert.That(errores.Single(e => e.Item1 == 5), Is.EqualTo((5, "RUT", "El RUT 76.086.428-5 aparece antes en el archivo con otros datos del cliente.")));
    }

    [Test]
    public async Task Importacion_parcial_aplica_las_filas_validas_e_informa_las_otras()
    {
        var resultado = await ImportarAsync(Csv(
            "76086428-5,Comercial Andes SpA,,,,,,Corporativo,sí,,,,,",
            "12531909-3,RUT malo,,,,,,Retail,no,,,,,",
            "10626628-K,Distribuidora Pacífico,,,,,,Mayorista,no,,,,,"), parcial: true);

        Assert.That((bool?)resultado["aplicado"], Is.True);
        Assert.That((int?)resultado["creados"], Is.EqualTo(2));
        Assert.That(Errores(resultado), Is.EqualTo(new[] { (3, "rut", "rut_invalido") }));
        Assert.That((await ClientesAsync()).Select(c => (string?)c["rut"]), Is.EqualTo(new[] { "10626628-K", "76086428-5" }));
    }

    [Test]
    public async Task Reimportar_el_mismo_archivo_no_cambia_nada()
    {
        var archivo = Csv(
            "76086428-5,Comercial Andes SpA,Andes,,,Talca,Maule,Corporativo,sí,María Pérez,Tesorera,maria@andes.test,,cobranza",
            "12531909-2,Ferretería Los Andes Ltda,,,,,,Retail,no,Pedro Soto,,,+56 2 2345 6789,",
            "12531909-2,Ferretería Los Andes Ltda,,,,,,Retail,no,Ana Díaz,,ana@losandes.test,,");
        await ImportarAsync(archivo);
        var antes = await Fixture.ContarFilasAsync();

        var otraVez = await ImportarAsync(archivo);

        Assert.That((bool?)otraVez["aplicado"], Is.True);
        Assert.That(((int?)otraVez["creados"], (int?)otraVez["actualizados"], (int?)otraVez["sinCambios"]), Is.EqualTo((0, 0, 2)));
        Assert.That(((int?)otraVez["contactosCreados"], (int?)otraVez["contactosActualizados"]), Is.EqualTo((0, 0)));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Reimportar_con_datos_cambiados_actualiza_solo_lo_que_cambio()
    {
        await ImportarAsync(Csv(
            "76086428-5,Comercial Andes SpA,,,,,,Corporativo,sí,,,,,",
            "12531909-2,Ferretería Los Andes Ltda,,,,,,Retail,no,,,,,"));

        var resultado = await ImportarAsync(Csv(
            "76086428-5,Comercial Andes SpA,,,,,,Corporativo,sí,,,,,",
            "12531909-2,Ferretería Los Andes SpA,,,,,,Mayorista,no,,,,,"));

        Assert.That(((int?)resultado["creados"], (int?)resultado["actualizados"], (int?)resultado["sinCambios"]), Is.EqualTo((0, 1, 1)));
        var ferreteria = (await ClientesAsync()).Single(c => (string?)c["rut"] == "12531909-2");
        Assert.That(((string?)ferreteria["razonSocial"], (string?)ferreteria["segmento"]), Is.EqualTo(("Ferretería Los Andes SpA", "Mayorista")));
    }

    [Test]
    public async Task Importa_una_planilla_xlsx()
    {
        var filas = new[]
        {
            new Dictionary<string, object?> { ["RUT"] = "76.086.428-5", ["Razón Social"] = "Comercial Andes SpA", ["Segmento"] = "Corporativo", ["Cuenta Clave"] = "sí", ["Contacto Nombre"] = "María Pérez", ["Contacto Email"] = "maria@andes.test" },
            new Dictionary<string, object?> { ["RUT"] = "14684927-K", ["Razón Social"] = "Inversiones Austral", ["Segmento"] = "Retail", ["Cuenta Clave"] = "no", ["Contacto Nombre"] = null, ["Contacto Email"] = null },
        };
        using var planilla = new MemoryStream();
        await planilla.SaveAsAsync(filas);

        var resultado = await ImportarAsync(planilla.ToArray(), "cartera.xlsx");

        Assert.That((bool?)resultado["aplicado"], Is.True, resultado.ToJsonString());
        Assert.That(((int?)resultado["creados"], (int?)resultado["contactosCreados"]), Is.EqualTo((2, 1)));
        var clientes = await ClientesAsync();
        Assert.That(clientes.Select(c => ((string?)c["rut"], (string?)c["segmento"], (bool?)c["cuentaClave"])),
            Is.EqualTo(new[] { ("14684927-K", "Retail", false), ("76086428-5", "Corporativo", true) }));
    }

    [Test]
    public async Task Errores_de_una_planilla_xlsx_nombran_la_fila_de_la_planilla()
    {
        var filas = new[]
        {
            new Dictionary<string, object?> { ["rut"] = "76086428-5", ["razonSocial"] = "Comercial Andes SpA", ["segmento"] = "Corporativo" },
            new Dictionary<string, object?> { ["rut"] = "76086A28-5", ["razonSocial"] = "RUT malo", ["segmento"] = "Retail" },
        };
        using var planilla = new MemoryStream();
        await planilla.SaveAsAsync(filas);

        var resultado = await ImportarAsync(planilla.ToArray(), "cartera.xlsx");

        Assert.That((bool?)resultado["aplicado"], Is.False);
        Assert.That(Errores(resultado), Is.EqualTo(new[] { (3, "rut", "rut_invalido") }));
    }

    [Test]
    public async Task Csv_con_punto_y_coma_bom_y_encabezados_con_tildes_se_entiende()
    {
        var contenido = Encoding.UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes("RUT;Razón Social;Segmento;Cuenta Clave\r\n76086428-5;Comercial Andes SpA;Corporativo;Sí\r\n"))
            .ToArray();

        var resultado = await ImportarAsync(contenido);

        Assert.That((int?)resultado["creados"], Is.EqualTo(1), resultado.ToJsonString());
        Assert.That((bool?)(await ClientesAsync()).Single()["cuentaClave"], Is.True);
    }

    [Test]
    public async Task Archivo_sin_columnas_obligatorias_se_rechaza_nombrandolas()
    {
        var resultado = await ImportarAsync(Encoding.UTF8.GetBytes("rut,nombre\n76086428-5,Comercial Andes\n"));

        Assert.That((bool?)resultado["aplicado"], Is.False);
        Assert.That(Errores(resultado), Is.EquivalentTo(new[] { (1, "razonSocial", "columna_faltante"), (1, "segmento", "columna_faltante") }));
    }

    [Test]
    public async Task Archivo_vacio_se_rechaza()
    {
        var resultado = await ImportarAsync(Encoding.UTF8.GetBytes(Encabezado + "\n"));

        Assert.That((bool?)resultado["aplicado"], Is.False);
        Assert.That(Errores(resultado).Select(e => e.Regla), Is.EqualTo(new[] { "vacio" }));
    }

    [Test]
    public async Task Rut_repetido_con_datos_distintos_en_el_mismo_archivo_es_un_error()
    {
        var resultado = await ImportarAsync(Csv(
            "76086428-5,Comercial Andes SpA,,,,,,Corporativo,sí,,,,,",
            "76.086.428-5,Comercial Andes Ltda,,,,,,Corporativo,sí,,,,,"));

        Assert.That((bool?)resultado["aplicado"], Is.False);
        Assert.That(Errores(resultado), Is.EqualTo(new[] { (3, "rut", "rut_repetido") }));
    }

    [Test]
    public async Task Importar_sin_archivo_responde_400()
    {
        using var formulario = new MultipartFormDataContent { { new StringContent("x"), "otro" } };

        var problema = await (await Api.PostAsync("/api/v1/importaciones/clientes", formulario)).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.Not.Empty);
    }
}
