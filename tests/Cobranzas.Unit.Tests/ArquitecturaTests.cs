using System.Reflection;
using System.Xml.Linq;
using Cobranzas.SharedKernel.Modulos;
using Cobranzas.Testing.Infraestructura;

namespace Cobranzas.Unit.Tests;

/// <summary>
/// The module boundary of DESIGN.md: a module (src/Modules/&lt;M&gt;/Cobranzas.&lt;M&gt;) may use
/// another module only through its Contracts project; Contracts depend on no module; only the
/// host runs the Mediator source generator. Checked on the project files (every module, built
/// or not) and on the compiled assemblies the host ships.
/// </summary>
public sealed class ArquitecturaTests
{
    private sealed record Proyecto(string Nombre, string Ruta, bool EsContrato, string? Modulo);

    private static readonly Lazy<IReadOnlyList<Proyecto>> Proyectos = new(() =>
        Directory.GetFiles(Path.Combine(RaizRepositorio.Ruta, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(r => !r.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !r.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(r =>
            {
                var nombre = Path.GetFileNameWithoutExtension(r);
                var relativa = Path.GetRelativePath(Path.Combine(RaizRepositorio.Ruta, "src", "Modules"), r);
                var modulo = relativa.StartsWith("..", StringComparison.Ordinal) ? null : relativa.Split(Path.DirectorySeparatorChar)[0];
                return new Proyecto(nombre, r, nombre.EndsWith(".Contracts", StringComparison.Ordinal), modulo);
            })
            .ToList());

    private static IEnumerable<Proyecto> DeModulos => Proyectos.Value.Where(p => p.Modulo is not null);

    public static IEnumerable<TestCaseData> Modulos() =>
        DeModulos.Where(p => !p.EsContrato).Select(p => new TestCaseData(p.Nombre).SetArgDisplayNames(p.Nombre));

    public static IEnumerable<TestCaseData> Contratos() =>
        DeModulos.Where(p => p.EsContrato).Select(p => new TestCaseData(p.Nombre).SetArgDisplayNames(p.Nombre));

    private static Proyecto Buscar(string nombre) => Proyectos.Value.Single(p => p.Nombre == nombre);

    private static IReadOnlyList<string> ReferenciasDeProyecto(Proyecto p) =>
        XDocument.Load(p.Ruta).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(((string)r.Attribute("Include")!).Replace('\\', Path.DirectorySeparatorChar)))
            .ToList();

    /// <summary>The assembly of the project if the host ships it (a module not yet wired into the host is only checked by its csproj).</summary>
    private static IReadOnlyList<string>? ReferenciasDeEnsamblado(string nombre)
    {
        var archivo = Path.Combine(AppContext.BaseDirectory, nombre + ".dll");
        return File.Exists(archivo) ? Assembly.LoadFrom(archivo).GetReferencedAssemblies().Select(a => a.Name!).ToList() : null;
    }

    [Test]
    public void Hay_al_menos_un_modulo_con_su_contrato()
    {
        Assert.That(DeModulos.Select(p => p.Nombre), Is.SupersetOf(new[] { "Cobranzas.Clientes", "Cobranzas.Clientes.Contracts", "Cobranzas.Portal", "Cobranzas.Portal.Contracts" }));
        Assert.That(ReferenciasDeEnsamblado("Cobranzas.Clientes"), Is.Not.Null, "El ensamblado de Clientes debería estar junto a las pruebas.");
    }

    [TestCaseSource(nameof(Modulos))]
    public void Un_modulo_usa_otros_modulos_solo_por_sus_contratos(string nombre)
    {
        var modulo = Buscar(nombre);
        var prohibidos = DeModulos.Where(p => p.Modulo != modulo.Modulo && !p.EsContrato).Select(p => p.Nombre)
            .Concat(["Cobranzas.Api", "Cobranzas.Platform"])
            .ToHashSet();

        Assert.That(ReferenciasDeProyecto(modulo).Where(prohibidos.Contains), Is.Empty, $"{modulo.Ruta} referencia proyectos prohibidos");
        Assert.That(ReferenciasDeEnsamblado(nombre)?.Where(prohibidos.Contains) ?? [], Is.Empty, $"{nombre}.dll referencia ensamblados prohibidos");
    }

    /// <summary>The host derives routes, migrations and validators from its AddModulo lines, so a shipped module must have one.</summary>
    [TestCaseSource(nameof(Modulos))]
    public void Un_modulo_que_el_host_lleva_se_agrega_en_Program(string nombre)
    {
        var archivo = Path.Combine(AppContext.BaseDirectory, nombre + ".dll");
        if (!File.Exists(archivo))
            return;

        var modulos = Assembly.LoadFrom(archivo).GetTypes().Where(t => t.IsClass && typeof(IModulo).IsAssignableFrom(t)).Select(t => t.Name).ToList();
        var program = File.ReadAllText(Path.Combine(RaizRepositorio.Ruta, "src", "Cobranzas.Api", "Program.cs"));

        Assert.That(modulos, Has.Count.EqualTo(1), $"{nombre} debe tener una clase IModulo");
        Assert.That(program, Does.Contain($"builder.AddModulo<{modulos[0]}>();"));
    }

    [TestCaseSource(nameof(Contratos))]
    public void Un_contrato_no_depende_de_ningun_modulo(string nombre)
    {
        var contrato = Buscar(nombre);
        var prohibidos = DeModulos.Where(p => !p.EsContrato).Select(p => p.Nombre).Concat(["Cobranzas.Api", "Cobranzas.Platform"]).ToHashSet();

        Assert.That(ReferenciasDeProyecto(contrato).Where(prohibidos.Contains), Is.Empty, $"{contrato.Ruta} referencia módulos");
        Assert.That(ReferenciasDeEnsamblado(nombre)?.Where(prohibidos.Contains) ?? [], Is.Empty, $"{nombre}.dll referencia módulos");
    }

    [TestCase("Cobranzas.SharedKernel")]
    [TestCase("Cobranzas.Platform")]
    public void Las_piezas_transversales_no_dependen_de_los_modulos(string nombre)
    {
        var prohibidos = DeModulos.Select(p => p.Nombre).Append("Cobranzas.Api").ToHashSet();

        Assert.That(ReferenciasDeProyecto(Buscar(nombre)).Where(prohibidos.Contains), Is.Empty);
        Assert.That(ReferenciasDeEnsamblado(nombre)!.Where(prohibidos.Contains), Is.Empty);
    }

    [Test]
    public void Solo_el_host_usa_el_generador_de_Mediator()
    {
        var archivos = Directory.GetFiles(Path.Combine(RaizRepositorio.Ruta, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Concat(Directory.GetFiles(RaizRepositorio.Ruta, "Directory.*"));

        var conGenerador = archivos
            .Where(f => XDocument.Load(f).Descendants().Any(e => e.Name.LocalName is "PackageReference" && (string?)e.Attribute("Include") == "Mediator.SourceGenerator"))
            .Select(f => Path.GetFileName(f))
            .ToList();

        Assert.That(conGenerador, Is.EqualTo(new[] { "Cobranzas.Api.csproj" }));
    }
}
