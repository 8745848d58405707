using System.Net.Http.Json;
using System.Text;
using Cobranzas.Testing;
using MiniExcelLibs;

namespace Cobranzas.Cartera.Tests;

/// <summary>The documents list exported as the screen shows it, for a Chilean Excel, and the open-documents filter.</summary>
public sealed class ExportacionDocumentosTests : PruebaCartera
{
    [SetUp]
    public async Task SembrarAsync()
    {
        var pagada = await CrearDocumentoAsync(Factura(1, 10_000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        await PagarAsync(10_000m, Hoy, [new { documentoId = pagada.Id(), monto = 10_000m }]);
        await CrearDocumentoAsync(Factura(2, 1_234_567m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        await CrearDocumentoAsync(Factura(3, 5_000m, Hoy, Hoy.AddDays(30)));
    }

    private async Task<long[]> FoliosAsync(string consulta) =>
        (await (await Api.GetAsync($"/api/v1/documentos?{consulta}")).JsonAsync())["items"]!.AsArray().Select(d => (long)d!["folio"]!).Order().ToArray();

    [Test]
    public async Task ConSaldo_deja_fuera_los_pagados_y_sin_el_filtro_estan_todos()
    {
        Assert.That(await FoliosAsync("conSaldo=true"), Is.EqualTo(new[] { 2L, 3L }));
        Assert.That(await FoliosAsync("conSaldo=false"), Is.EqualTo(new[] { 1L }));
        Assert.That(await FoliosAsync(""), Is.EqualTo(new[] { 1L, 2L, 3L }));
    }

    [Test]
    public async Task Exporta_csv_con_punto_y_coma_bom_encabezados_en_espanol_rut_formateado_y_estados_en_palabras()
    {
        var respuesta = await Api.GetAsync("/api/v1/documentos/exportar?formato=csv&conSaldo=true&orden=folio");
        var bytes = await respuesta.Content.ReadAsByteArrayAsync();
        Assert.That(respuesta.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        var lineas = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var rut = (string)(await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}")).JsonAsync())["rut"]!;
        var formateado = SharedKernel.Rut.Rut.Parse(rut).Formateado;

        Assert.That(lineas[0], Is.EqualTo("Tipo;Documento;Folio;RUT;Cliente;Emisión;Vencimiento;Moneda;Total;Saldo;Estado;Días vencido;Etapa;Id externo"));
        Assert.That(lineas, Has.Count.EqualTo(3));
        var celdas = lineas[1].Split(';');
        Assert.That((celdas[0], celdas[1], celdas[2], celdas[3]), Is.EqualTo(("33", "Factura electrónica", "2", formateado)));
        Assert.That((celdas[5], celdas[8], celdas[9], celdas[10], celdas[11]), Is.EqualTo((Hoy.AddDays(-40).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), "1234567", "1234567", "Vencido", "10")));
        Assert.That(lineas[2].Split(';')[10], Is.EqualTo("Por vencer"));
    }

    [Test]
    public async Task Un_cliente_llamado_formula_se_exporta_neutralizado_en_csv_y_xlsx_de_documentos()
    {
        var cliente = await Api.CrearClienteAsync(Datos.Cliente(razonSocial: "=1+1 Comercial"));
        await CrearDocumentoAsync(Factura(9, 1_000m, Hoy, Hoy.AddDays(30), cliente.Id()));

        var csv = Encoding.UTF8.GetString(await (await Api.GetAsync($"/api/v1/documentos/exportar?formato=csv&clienteId={cliente.Id()}")).Content.ReadAsByteArrayAsync());
        var respuesta = await Api.GetAsync($"/api/v1/documentos/exportar?clienteId={cliente.Id()}");
        using var xlsx = new MemoryStream(await respuesta.Content.ReadAsByteArrayAsync());
        var fila = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();

        Assert.That(csv.Split('\n')[1].Split(';')[4], Is.EqualTo("'=1+1 Comercial"));
        Assert.That(respuesta.Content.Headers.ContentType?.MediaType, Is.EqualTo(SharedKernel.Archivos.Exportacion.TipoXlsx), "XLSX por omisión");
        Assert.That(fila["Cliente"], Is.EqualTo("'=1+1 Comercial"));
        Assert.That(fila["Total"], Is.EqualTo(1_000m).Or.EqualTo(1_000d));
    }
}

/// <summary>Lists by collector: the assignment is Gestión's, the lists ask it.</summary>
public sealed class ListasPorCobradorTests : PruebaCartera
{
    [Test]
    public async Task Documentos_filtrados_por_cobrador_y_mis_clientes_del_usuario_cobrador()
    {
        var usuario = await Fixture.CrearUsuarioAsync(Empresa, "Cobrador");
        var cobrador = await (await Api.PostAsJsonAsync("/api/v1/gestion/cobradores", new
        {
            nombre = "Ximena Equis", email = "ximena@empresa.test", telefono = (string?)null, usuarioId = usuario.Id, regiones = Array.Empty<string>(), comunas = Array.Empty<string>(),
        })).JsonAsync(201);
        var otro = await Api.CrearClienteAsync(Datos.Cliente(razonSocial: "Cliente de nadie SpA"));
        await (await Api.PutAsJsonAsync($"/api/v1/gestion/asignaciones/{ClienteId}", new { cobradorId = cobrador.Id() })).JsonAsync();
        await CrearDocumentoAsync(Factura(1, 1_000m, Hoy, Hoy.AddDays(30)));
        await CrearDocumentoAsync(Factura(2, 2_000m, Hoy, Hoy.AddDays(30), otro.Id()));
        var apiCobrador = await Fixture.IniciarSesionAsync(usuario.Email, usuario.Password, Empresa.Id);

        var documentos = await (await Api.GetAsync($"/api/v1/documentos?cobradorId={cobrador.Id()}")).JsonAsync();
        var ajeno = await (await Api.GetAsync($"/api/v1/documentos?cobradorId={Guid.NewGuid()}")).JsonAsync();
        var mios = await (await apiCobrador.GetAsync("/api/v1/clientes?misClientes=true")).JsonAsync();
        var delAdmin = await (await Api.GetAsync("/api/v1/clientes?misClientes=true")).JsonAsync();

        Assert.That(documentos["items"]!.AsArray().Select(d => (long)d!["folio"]!), Is.EqualTo(new[] { 1L }));
        Assert.That((int)ajeno["total"]!, Is.Zero);
        Assert.That(mios["items"]!.AsArray().Select(c => (string)c!["id"]!), Is.EqualTo(new[] { ClienteId }));
        Assert.That((int)delAdmin["total"]!, Is.Zero, "un usuario que no es cobrador no tiene clientes propios");
    }
}

public sealed class TotalesDocumentosTests : PruebaCartera
{
    [Test]
    public async Task Los_totales_son_de_todo_el_filtro_por_moneda_no_de_la_pagina()
    {
        for (var folio = 1; folio <= 5; folio++)
            await CrearDocumentoAsync(Factura(folio, 1_000m * folio, Hoy, Hoy.AddDays(30)));
        var pagada = await CrearDocumentoAsync(Factura(6, 7_000m, Hoy, Hoy.AddDays(30)));
        await PagarAsync(7_000m, Hoy, [new { documentoId = pagada.Id(), monto = 7_000m }]);

        var pagina = await (await Api.GetAsync("/api/v1/documentos?conSaldo=true&tamanoPagina=2")).JsonAsync();
        var totales = await (await Api.GetAsync("/api/v1/documentos/totales?conSaldo=true&tamanoPagina=2")).JsonAsync();
        var todos = await (await Api.GetAsync("/api/v1/documentos/totales")).JsonAsync();

        Assert.That(pagina["items"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That((int)totales["cantidad"]!, Is.EqualTo(5));
        var clp = totales["porMoneda"]!.AsArray().Single()!;
        Assert.That(((string?)clp["moneda"], (decimal?)clp["total"], (decimal?)clp["saldo"]), Is.EqualTo(("CLP", 15_000m, 15_000m)));
        var clpTodos = todos["porMoneda"]!.AsArray().Single()!;
        Assert.That(((int)todos["cantidad"]!, (decimal?)clpTodos["total"], (decimal?)clpTodos["saldo"]), Is.EqualTo((6, 22_000m, 15_000m)));
    }
}
