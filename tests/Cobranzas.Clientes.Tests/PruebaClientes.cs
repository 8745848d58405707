using Cobranzas.Testing;

namespace Cobranzas.Clientes.Tests;

/// <summary>Each test starts with an empty database and one company whose administrator is <see cref="Api"/>.</summary>
public abstract class PruebaClientes : PruebaApi
{
    protected EmpresaPrueba Empresa { get; private set; } = null!;

    protected HttpClient Api { get; private set; } = null!;

    [SetUp]
    public async Task CrearEmpresaAsync()
    {
        Empresa = await Fixture.CrearEmpresaAsync("Comercializadora del Maule");
        Api = await Fixture.ClienteHttpAsync(Empresa);
    }
}
