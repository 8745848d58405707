using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cobranzas.Testing;

/// <summary>Request bodies as the API's clients write them (anonymous objects pin the JSON contract).</summary>
public static class Datos
{
    /// <summary>A valid RUT never used before in this run (canonical form).</summary>
    public static string RutNuevo() => SharedKernel.Rut.Rut.Desde(10_000_000 + Fixture.Siguiente()).Canonico;

    public static object Cliente(
        string? rut = null, string? razonSocial = null, string segmento = "Retail", bool cuentaClave = false,
        string? nombreFantasia = null, string? giro = null, string? direccion = null, string? comuna = null, string? region = null, string? ejecutivoId = null)
    {
        rut ??= RutNuevo();
        return new { rut, razonSocial = razonSocial ?? $"Cliente {rut} SpA", nombreFantasia, giro, direccion, comuna, region, segmento, cuentaClave, ejecutivoId };
    }

    public static object Contacto(
        string nombre = "María Pérez", string? email = "maria.perez@cliente.test", string? telefono = "+56 9 1234 5678", string rol = "cobranza",
        string? cargo = "Tesorera", string? canalPreferido = null, bool optOutEmail = false) =>
        new { nombre, cargo, rol, email, telefono, canalPreferido, optOutEmail };

    public static async Task<JsonNode> CrearClienteAsync(this HttpClient api, object? cliente = null) =>
        await (await api.PostAsJsonAsync("/api/v1/clientes", cliente ?? Cliente())).JsonAsync(201);

    public static async Task<JsonNode> CrearContactoAsync(this HttpClient api, string clienteId, object? contacto = null) =>
        await (await api.PostAsJsonAsync($"/api/v1/clientes/{clienteId}/contactos", contacto ?? Contacto())).JsonAsync(201);

    public static string Id(this JsonNode nodo) => (string)nodo["id"]!;
}
