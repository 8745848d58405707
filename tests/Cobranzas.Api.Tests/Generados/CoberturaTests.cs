using Cobranzas.Testing.OpenApi;

namespace Cobranzas.Api.Tests.Generados;

/// <summary>Each generated suite covers every operation of the document, or says why not.</summary>
public sealed class CoberturaTests
{
    public static IEnumerable<TestCaseData> Suites() =>
        new[] { AislamientoEntreEmpresasTests.Cobertura, EntradaInvalidaTests.Cobertura, PermisosTests.Cobertura, AgregadosAisladosTests.Cobertura, FuzzContratoTests.Cobertura, EntradaPorCampoTests.Cobertura, PortalSesionTests.Cobertura }.Select(c => c.Caso());

    [TestCaseSource(nameof(Suites))]
    public void Cada_operacion_del_documento_tiene_casos_o_una_exclusion_con_razon(Cobertura cobertura) => cobertura.Verificar();
}
