using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Integraciones.Tests.Proveedores;
using Cobranzas.Testing;

namespace Cobranzas.Integraciones.Tests.EnlacesPago;

/// <summary>Notificaciones' templates show the client's active payment link through the tag <c>enlace_pago</c>.</summary>
public sealed class EnlacePagoEnCorreoTests : PruebaFlow
{
    private async Task<string> VistaPreviaAsync() => (string)(await (await Api.PostAsJsonAsync("/api/v1/notificaciones/definiciones/vista-previa", new JsonObject
    {
        ["definicion"] = new JsonObject
        {
            ["tipo"] = "documentos_vencidos", ["asunto"] = "Documentos vencidos de {{ cliente.nombre }}", ["descripcion"] = "Semanal", ["incluirCuentas"] = false,
            ["cuentaIds"] = new JsonArray(), ["frecuencia"] = "semanal", ["diasSemana"] = new JsonArray(1), ["diaMes"] = null, ["hora"] = "09:00:00",
            ["diasAntes"] = null, ["diasVencidoMinimo"] = 1, ["modo"] = "cliente",
            ["destinatarios"] = new JsonObject { ["rolesContacto"] = new JsonArray("cobranza"), ["montoVencidoMinimo"] = 0 },
            ["plantilla"] = "<p>{{ if enlace_pago != '' }}Pague en línea: {{ enlace_pago }}{{ else }}Sin enlace{{ end }}</p>", ["firma"] = "Cobranzas", ["responderA"] = "cobranzas@sur.cl",
        },
        ["clienteId"] = ClienteId,
    })).JsonAsync())["html"]!;

    [Test]
    public async Task La_etiqueta_enlace_pago_muestra_el_enlace_activo_del_cliente_y_deja_de_mostrarlo_al_pagarse()
    {
        var doc = (await FacturaAsync(1, 50_000m, Hoy.AddDays(-30), Hoy.AddDays(-3))).Id();
        Assert.That(await VistaPreviaAsync(), Does.Contain("Sin enlace"));

        var enlace = await EnlaceAsync(doc);
        Assert.That(await VistaPreviaAsync(), Does.Contain($"Pague en línea: {(string)enlace["url"]!}"));

        await Flow.PagarAsync(TokenDe(enlace));
        Assert.That(await VistaPreviaAsync(), Does.Contain("Sin enlace"));
    }
}
