using Cobranzas.Testing;

namespace Cobranzas.Api.Tests.Generados;

/// <summary>
/// The generated cases only read, or are expected to be rejected, so the data is seeded once
/// per fixture; a case that did change something (a bug) makes the next one start again from the seed.
/// </summary>
public abstract class PruebaSobreDatosSembrados
{
    private IReadOnlyDictionary<string, long>? _sembrado;
    private Instantanea? _semilla;
    private IReadOnlyDictionary<string, long>? _conteoSemilla;
    private bool _conservado;

    protected abstract Task SembrarAsync();

    /// <summary>
    /// Puts back what the fixture keeps in memory about its seeded data (a queue of resources a case may use once), when the
    /// database goes back to the seed.
    /// </summary>
    protected virtual void VolverAlSembradoEnMemoria()
    {
    }

    [SetUp]
    public async Task PrepararDatosAsync()
    {
        if (_sembrado is not null && (await Fixture.ContarFilasAsync()).SequenceEqual(_sembrado))
            return;
        await SembrarDeNuevoAsync();
    }

    /// <summary>
    /// A case that changed data on purpose (a control write that was accepted) keeps it as the next case's starting point
    /// instead of going back to the seed. A deletion still goes back.
    /// </summary>
    protected async Task ConservarDatosAsync()
    {
        _sembrado = await Fixture.ContarFilasAsync();
        _conservado = true;
    }

    /// <summary>Goes back to the seed when the data is a kept state: a case refused by that state runs again on the seed.</summary>
    protected async Task<bool> VolverAlSembradoAsync()
    {
        if (!_conservado)
            return false;
        await SembrarDeNuevoAsync();
        return true;
    }

    /// <summary>
    /// Seeds through the API once (seconds: whole companies with every kind of resource) and keeps a snapshot of the database
    /// and the stored files; going back to the seed afterwards restores that snapshot, the same rows with the same ids.
    /// </summary>
    private async Task SembrarDeNuevoAsync()
    {
        if (_semilla is null)
        {
            await Fixture.ReiniciarBaseAsync();
            await SembrarAsync();
            _semilla = await Fixture.GuardarInstantaneaAsync();
            _conteoSemilla = await Fixture.ContarFilasAsync();
        }
        else
        {
            await Fixture.RestaurarAsync(_semilla);
            VolverAlSembradoEnMemoria();
            Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(_conteoSemilla), "La base restaurada no es la sembrada.");
        }

        _sembrado = _conteoSemilla;
        _conservado = false;
    }
}
