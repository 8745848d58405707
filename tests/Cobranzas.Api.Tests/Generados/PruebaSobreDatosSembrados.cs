using Cobranzas.Testing;

namespace Cobranzas.Api.Tests.Generados;

/// <summary>
/// The generated cases only read, or are expected to be rejected, so the data is seeded once
/// per fixture; a case that did change something (a bug) makes the next one reseed.
/// </summary>
public abstract class PruebaSobreDatosSembrados
{
    private IReadOnlyDictionary<string, long>? _sembrado;
    private bool _conservado;

    protected abstract Task SembrarAsync();

    [SetUp]
    public async Task PrepararDatosAsync()
    {
        if (_sembrado is not null && (await Fixture.ContarFilasAsync()).SequenceEqual(_sembrado))
            return;
        await SembrarDeNuevoAsync();
    }

    /// <summary>
    /// A case that changed data on purpose (a control write that was accepted) keeps it as the next case's starting point
    /// instead of reseeding: reseeding two whole companies is most of the suite's time. A deletion still reseeds.
    /// </summary>
    protected async Task ConservarDatosAsync()
    {
        _sembrado = await Fixture.ContarFilasAsync();
        _conservado = true;
    }

    /// <summary>Reseeds when the data is a kept state rather than the seed: a case refused by that state runs again on the seed.</summary>
    protected async Task<bool> VolverAlSembradoAsync()
    {
        if (!_conservado)
            return false;
        await SembrarDeNuevoAsync();
        return true;
    }

    private async Task SembrarDeNuevoAsync()
    {
        await Fixture.ReiniciarBaseAsync();
        await SembrarAsync();
        _sembrado = await Fixture.ContarFilasAsync();
        _conservado = false;
    }
}
