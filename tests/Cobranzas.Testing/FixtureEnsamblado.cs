namespace Cobranzas.Testing;

/// <summary>
/// Each integration test assembly derives one <c>[SetUpFixture]</c> from this, so the host and
/// its database (cobranzas_test_&lt;assembly&gt;) start once per assembly and stop at the end.
/// </summary>
public abstract class FixtureEnsamblado
{
    [OneTimeSetUp]
    public Task IniciarAsync()
    {
        var nombre = GetType().Assembly.GetName().Name!.Replace("Cobranzas.", "").Replace(".Tests", "").Replace('.', '_').ToLowerInvariant();
        return Fixture.IniciarAsync($"cobranzas_test_{nombre}");
    }

    [OneTimeTearDown]
    public Task DetenerAsync() => Fixture.DetenerAsync();
}

/// <summary>Base of integration tests: every test starts from an empty database.</summary>
public abstract class PruebaApi
{
    [SetUp]
    public Task ReiniciarBaseAsync() => Fixture.ReiniciarBaseAsync();
}
