using Cobranzas.Testing;

/// <summary>Starts the host and this assembly's database once; see <see cref="FixtureEnsamblado"/>.</summary>
[SetUpFixture]
public sealed class Ensamblado : FixtureEnsamblado;
