using NUnit.Framework;

namespace Cobranzas.Testing.OpenApi;

/// <summary>An operation left out of a generated suite on purpose, and why.</summary>
public sealed record Exclusion(string Razon, Func<Operacion, bool> Cuales);

/// <summary>
/// What a generated suite covers: its case sources by name, and the operations it leaves out on
/// purpose, each with its reason. NUnit passes a method whose source yields nothing, so
/// <see cref="Verificar"/> checks that the cases and the exclusions together are the whole document.
/// </summary>
public sealed record Cobertura(string Suite, IReadOnlyDictionary<string, Func<IEnumerable<TestCaseData>>> Fuentes, IReadOnlyList<Exclusion> Excluidas)
{
    /// <summary>The document has at least this many operations; the number only grows.</summary>
    public const int MinimoOperaciones = 88;

    public static Cobertura De(string suite, IReadOnlyDictionary<string, Func<IEnumerable<TestCaseData>>> fuentes, params Exclusion[] excluidas) =>
        new(suite, fuentes, excluidas);

    public TestCaseData Caso() => new TestCaseData(this).SetArgDisplayNames(Suite);

    public void Verificar()
    {
        var todas = DocumentoOpenApi.DelRepositorio.Operaciones;
        Assert.That(todas, Has.Count.GreaterThanOrEqualTo(MinimoOperaciones), "El documento OpenAPI perdió operaciones.");

        var cubiertas = new HashSet<string>();
        foreach (var (nombre, fuente) in Fuentes)
        {
            var casos = fuente().ToList();
            Assert.That(casos, Is.Not.Empty, $"{Suite}.{nombre} no genera ningún caso.");
            cubiertas.UnionWith(casos.Select(c => ((Operacion)c.Arguments[0]!).Id));
        }

        foreach (var exclusion in Excluidas)
        {
            var excluidas = todas.Where(exclusion.Cuales).Select(o => o.Id).ToList();
            Assert.That(excluidas, Is.Not.Empty, $"{Suite}: la exclusión «{exclusion.Razon}» ya no excluye nada; quítela.");
            Assert.That(excluidas.Intersect(cubiertas), Is.Empty, $"{Suite}: «{exclusion.Razon}» excluye operaciones que la suite sí prueba.");
        }

        var sinCaso = todas.Where(o => !cubiertas.Contains(o.Id) && !Excluidas.Any(e => e.Cuales(o))).Select(o => o.ToString());
        Assert.That(sinCaso, Is.Empty, $"{Suite}: operaciones sin caso ni exclusión con razón.");
    }
}
