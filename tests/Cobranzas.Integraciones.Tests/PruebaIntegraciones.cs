using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.SharedKernel.Tiempo;
using Cobranzas.Testing;

namespace Cobranzas.Integraciones.Tests;

/// <summary>Each test starts with an empty database, one company whose administrator is <see cref="Api"/>, and one client.</summary>
public abstract class PruebaIntegraciones : PruebaApi
{
    protected EmpresaPrueba Empresa { get; private set; } = null!;

    protected HttpClient Api { get; set; } = null!;

    protected string ClienteId { get; private set; } = null!;

    protected static DateOnly Hoy => FechaNegocio.Hoy(Fixture.Reloj);

    [SetUp]
    public async Task CrearEmpresaAsync()
    {
        Empresa = await Fixture.CrearEmpresaAsync("Cobranzas del Sur");
        Api = await Fixture.ClienteHttpAsync(Empresa);
        ClienteId = (await Api.CrearClienteAsync()).Id();
    }

    protected static string F(DateOnly d) => d.ToString("yyyy-MM-dd");

    /// <summary>A CLP invoice (33) whose net + VAT equal the total.</summary>
    protected async Task<JsonNode> FacturaAsync(long folio, decimal total, DateOnly emision, DateOnly vencimiento, string? clienteId = null) =>
        await (await Api.PostAsJsonAsync("/api/v1/documentos", new
        {
            tipo = "33", folio, clienteId = clienteId ?? ClienteId, fechaEmision = F(emision), fechaVencimiento = F(vencimiento), moneda = "CLP", neto = total, exento = 0m, iva = 0m, total,
        })).JsonAsync(201);
}
