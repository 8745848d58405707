using Cobranzas.SharedKernel.Rut;

namespace Cobranzas.Unit.Tests;

public sealed class RutTests
{
    [TestCase(76086428, '5')]
    [TestCase(12531909, '2')]
    [TestCase(10626628, 'K')]
    [TestCase(14684927, 'K')]
    [TestCase(9876543, '3')]
    [TestCase(5000006, '0')]
    [TestCase(14, '0')]
    [TestCase(6, 'K')]
    [TestCase(1, '9')]
    public void Digito_verificador_es_el_modulo_11(int numero, char digito)
    {
        Assert.That(Rut.CalcularDigito(numero), Is.EqualTo(digito));
    }

    [Test]
    public void El_menor_rut_aceptado_es_100_000() =>
        Assert.That((Rut.TryParse("100.000-4", out _), Rut.TryParse("99.999-7", out _)), Is.EqualTo((true, false)));

    [TestCase("12531909-2")]
    [TestCase("12.531.909-2")]
    [TestCase("125319092")]
    [TestCase(" 12531909-2 ")]
    [TestCase("12.531.9092")]
    public void Acepta_los_formatos_habituales_y_los_deja_canonicos(string texto)
    {
        Assert.That(Rut.TryParse(texto, out var rut), Is.True);
        Assert.That(rut!.Value.Canonico, Is.EqualTo("12531909-2"));
        Assert.That(rut.Value.Formateado, Is.EqualTo("12.531.909-2"));
        Assert.That(rut.Value.Numero, Is.EqualTo(12531909));
        Assert.That(rut.Value.DigitoVerificador, Is.EqualTo('2'));
    }

    [TestCase("10626628-k")]
    [TestCase("10.626.628-K")]
    public void K_minuscula_o_mayuscula_queda_como_K(string texto)
    {
        Assert.That(Rut.Parse(texto).Canonico, Is.EqualTo("10626628-K"));
    }

    [Test]
    public void Rut_con_digito_0_se_acepta()
    {
        Assert.That(Rut.Parse("5.000.006-0").Canonico, Is.EqualTo("5000006-0"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("12531909-3")]
    [TestCase("12531909-K")]
    [TestCase("76086A28-5")]
    [TestCase("1234567890123")]
    [TestCase("1234567890")]
    [TestCase("0-0")]
    [TestCase("1-9")]
    [TestCase("99.999-7")]
    [TestCase("00000000-0")]
    [TestCase("-")]
    [TestCase("K")]
    [TestCase("5")]
    [TestCase("12531909-")]
    [TestCase("+12531909-2")]
    [TestCase("12 531 909-2")]
    [TestCase("１２５３１９０９-2")]
    public void Rechaza_lo_que_no_es_un_rut(string? texto)
    {
        Assert.That(Rut.TryParse(texto, out var rut), Is.False);
        Assert.That(rut, Is.Null);
        Assert.That(() => Rut.Parse(texto!), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Solo_uno_de_los_once_digitos_posibles_es_valido()
    {
        var aleatorio = new Random(20261123);
        for (var i = 0; i < 500; i++)
        {
            var numero = aleatorio.Next(1, 99_999_999);
            var validos = "0123456789K".Where(dv => Rut.TryParse($"{numero}-{dv}", out _)).ToList();
            Assert.That(validos, Is.EqualTo(new[] { Rut.CalcularDigito(numero) }), $"RUT {numero}");
            Assert.That(Rut.Parse(Rut.Desde(numero).Formateado), Is.EqualTo(Rut.Desde(numero)));
        }
    }

    [Test]
    public void Rut_mas_largo_aceptado_cabe_en_la_columna()
    {
        // clientes.rut is varchar(10) and the input limit is 12 characters ("99.999.999-9").
        Assert.That(Rut.Desde(99_999_999).Canonico, Has.Length.LessThanOrEqualTo(10));
        Assert.That(Rut.Desde(99_999_999).Formateado, Has.Length.LessThanOrEqualTo(Rut.LargoMaximoEntrada));
    }
}
