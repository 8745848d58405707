using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;

namespace Cobranzas.Clientes.Tests;

/// <summary>Bureau reports imported from the bureau's file onto the clients' draft credit requests, all or nothing.</summary>
public sealed class InformesComercialesTests : PruebaClientes
{
    private static MultipartFormDataContent Archivo(string csv, string nombre = "bureau.csv")
    {
        var contenido = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        contenido.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { contenido, "archivo", nombre } };
    }

    private async Task<(string ClienteId, string Rut, string SolicitudId)> ClienteConSolicitudAsync()
    {
        var cliente = await Api.CrearClienteAsync();
        var s = await (await Api.PostAsJsonAsync("/api/v1/credito/solicitudes", new { clienteId = cliente.Id(), limiteSolicitado = 1_000_000m, moneda = "CLP", plazoDias = 30 })).JsonAsync(201);
        return (cliente.Id(), (string)cliente["rut"]!, s.Id());
    }

    private async Task<JsonNode?> InformeAsync(string solicitudId) => (await (await Api.GetAsync($"/api/v1/credito/solicitudes/{solicitudId}")).JsonAsync())["informe"];

    [Test]
    public async Task El_archivo_del_bureau_deja_el_informe_en_la_solicitud_en_borrador_y_entra_al_score()
    {
        var a = await ClienteConSolicitudAsync();
        var b = await ClienteConSolicitudAsync();

        var r = await (await Api.PostAsync("/api/v1/credito/informes/importar", Archivo(
            $"rut;score;protestos;morosidades;dicom_cantidad;dicom_monto;fecha\n{a.Rut};700;1;2;1;350000;2026-11-20\n{b.Rut};;0;0;0;0;20-11-2026\n"))).JsonAsync();

        Assert.That(((bool?)r["aplicado"], (int?)r["filasLeidas"], (int?)r["solicitudesActualizadas"]), Is.EqualTo(((bool?)true, (int?)2, (int?)2)));
        var informe = await InformeAsync(a.SolicitudId);
        Assert.That(((string?)informe!["fuente"], (int?)informe["score"], (int?)informe["protestos"], (int?)informe["morosidades"], (int?)informe["dicomCantidad"], (decimal?)informe["dicomMonto"], (string?)informe["fecha"]),
            Is.EqualTo(("archivo_bureau", (int?)700, (int?)1, (int?)2, (int?)1, (decimal?)350_000m, "2026-11-20")));
        Assert.That(((int?)(await InformeAsync(b.SolicitudId))!["score"], (string?)(await InformeAsync(b.SolicitudId))!["fecha"]), Is.EqualTo(((int?)null, "2026-11-20")));
        var solicitud = await (await Api.GetAsync($"/api/v1/credito/solicitudes/{a.SolicitudId}")).JsonAsync();
        var bureau = solicitud["score"]!["factores"]!.AsArray().Single(f => (string?)f!["codigo"] == "bureau")!;
        Assert.That((decimal?)bureau["puntaje"], Is.EqualTo(40m));
    }

    [Test]
    public async Task Una_fila_con_error_no_aplica_ninguna_y_cada_error_nombra_fila_y_columna()
    {
        var a = await ClienteConSolicitudAsync();
        var sinSolicitud = await Api.CrearClienteAsync();

        var r = await (await Api.PostAsync("/api/v1/credito/informes/importar", Archivo(
            "rut;score;protestos;morosidades;dicom_cantidad;dicom_monto;fecha\n" +
            $"{a.Rut};700;1;2;1;350000;2026-11-20\n" +
            "11.111.111-2;500;0;0;0;0;2026-11-20\n" +
            $"{(string)sinSolicitud["rut"]!};500;0;0;0;0;2026-11-20\n" +
            $"{a.Rut};1200;-1;0;0;0;2026-13-01\n"))).JsonAsync();

        Assert.That((bool?)r["aplicado"], Is.False);
        Assert.That(r["errores"]!.AsArray().Select(e => ((int)e!["fila"]!, (string)e["columna"]!, (string)e["regla"]!)), Is.EquivalentTo(new[]
        {
            (3, "rut", "rut"), (4, "rut", "sin_solicitud_borrador"), (5, "protestos", "entero"), (5, "fecha", "fecha"),
        }));
        Assert.That(await InformeAsync(a.SolicitudId), Is.Null);
    }

    [Test]
    public async Task Archivo_sin_columnas_requeridas_o_con_NUL_se_rechaza_y_no_cambia_nada()
    {
        var a = await ClienteConSolicitudAsync();

        var sinColumnas = await (await Api.PostAsync("/api/v1/credito/informes/importar", Archivo($"rut;score\n{a.Rut};700\n"))).JsonAsync();
        var conNul = await (await Api.PostAsync("/api/v1/credito/informes/importar", Archivo(
            $"rut;score;protestos;morosidades;dicom_cantidad;dicom_monto;fecha\n{a.Rut}\u0000;700;1;2;1;350000;2026-11-20\n"))).JsonAsync();
        var conProveedor = Archivo($"rut\n{a.Rut}\n");
        conProveedor.Add(new StringContent("equifax\u0000"), "proveedor");
        var proveedor = await (await Api.PostAsync("/api/v1/credito/informes/importar", conProveedor)).ProblemaAsync(400);

        Assert.That(sinColumnas["errores"]!.AsArray().Select(e => (string)e!["regla"]!).Distinct(), Is.EqualTo(new[] { "columna_faltante" }));
        Assert.That(((bool?)conNul["aplicado"], (string?)conNul["errores"]![0]!["columna"]), Is.EqualTo(((bool?)false, "rut")));
        Assert.That(proveedor.CamposConError(), Is.EqualTo(new[] { "proveedor" }));
        Assert.That(await InformeAsync(a.SolicitudId), Is.Null);
    }

    [Test]
    public async Task Consulta_no_importa_y_el_rut_de_otra_empresa_no_se_encuentra()
    {
        var a = await ClienteConSolicitudAsync();
        var consulta = await Fixture.ClienteHttpAsync(Empresa, Roles.Consulta);
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));
        var csv = $"rut;score;protestos;morosidades;dicom_cantidad;dicom_monto;fecha\n{a.Rut};700;1;2;1;350000;2026-11-20\n";

        Assert.That((await consulta.PostAsync("/api/v1/credito/informes/importar", Archivo(csv))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var r = await (await otra.PostAsync("/api/v1/credito/informes/importar", Archivo(csv))).JsonAsync();

        Assert.That(((bool?)r["aplicado"], (string?)r["errores"]![0]!["regla"]), Is.EqualTo(((bool?)false, "cliente_inexistente")));
        Assert.That(await InformeAsync(a.SolicitudId), Is.Null);
    }
}
