using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.Notificaciones.Plantillas;
using Cobranzas.SharedKernel.Plantillas;

namespace Cobranzas.Notificaciones.Tests;

public sealed class RenderizadorCorreoTests
{
    private static readonly DateOnly Hoy = new(2026, 11, 30);

    private static DatosCorreo Datos(string razonSocial = "Comercial Lovato EIRL") => new(
        new ClienteCorreo(Guid.NewGuid(), "76734234-9", razonSocial, "María"), 1_234_567m, 834_000m, new DateOnly(2026, 10, 16),
        [new DocumentoCorreo(Guid.NewGuid(), "Factura", 1001, 1, new DateOnly(2026, 10, 16), 45, "CLP", 834_000m)],
        [new CuentaDeposito { Banco = "Banco de Chile", TipoCuenta = "corriente", Numero = "00-123-45678-09", Titular = "Andes SpA", RutTitular = "76086428-5" }],
        "Juan Soto", "+56 9 1234 5678", null, "Distribuidora Andes SpA", Hoy);

    private static DefinicionNotificacion Definicion(string plantilla, bool cuentas = true) => new()
    {
        Tipo = TiposDefinicion.DocumentosVencidos, Asunto = "Documentos vencidos de {{ cliente.nombre }}", Plantilla = plantilla, IncluirCuentas = cuentas, Firma = "Cobranzas\nAndes",
    };

    [Test]
    public async Task Las_etiquetas_se_llenan_y_el_bloque_de_cuentas_aparece_una_vez()
    {
        var c = await RenderizadorCorreo.RenderizarAsync(Definicion("<p>Estimado {{ contacto.nombre }}, su deuda vencida es {{ deuda.vencida }} ({{ deuda.dias_vencido }} días).</p>{{ tabla_documentos }}"), Datos(), null, "https://x/baja", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(c.Asunto, Is.EqualTo("Documentos vencidos de Comercial Lovato EIRL"));
            Assert.That(c.Html, Does.Contain("su deuda vencida es $834.000 (45 días)"));
            Assert.That(c.Html, Does.Contain("<td style=\"padding:4px 8px;border-bottom:1px solid #eee\">1001</td>"));
            Assert.That(c.Html.Split("Datos para depósito").Length - 1, Is.EqualTo(1));
            Assert.That(c.Html, Does.Contain("76.086.428-5"));
            Assert.That(c.Html, Does.Contain("Cobranzas<br>Andes"));
            Assert.That(c.Texto, Does.Contain("su deuda vencida es $834.000 (45 días)"));
            Assert.That(c.Texto, Does.Contain("anule su suscripción (https://x/baja)"));
            Assert.That(c.Texto, Does.Not.Contain("<"));
        });
    }

    [Test]
    public async Task Los_datos_del_cliente_no_se_convierten_en_html()
    {
        var c = await RenderizadorCorreo.RenderizarAsync(Definicion("<p>{{ cliente.nombre }}</p>", cuentas: false), Datos("<script>alert(1)</script> & Cía"), null, null, CancellationToken.None);

        Assert.That(c.Html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; C"));
        Assert.That(c.Html, Does.Not.Contain("<script>"));
        Assert.That(c.Asunto, Is.EqualTo("Documentos vencidos de <script>alert(1)</script> & Cía"));
        Assert.That(c.Html, Does.Not.Contain("Datos para depósito"));
    }

    [Test]
    public async Task La_plantilla_compilada_de_una_corrida_da_el_mismo_correo()
    {
        var d = Definicion("<p>Estimado {{ contacto.nombre }}: {{ deuda.vencida }}</p>{{ for x in documentos }}<i>{{ x.folio }}</i>{{ end }}{{ tabla_documentos }}");
        var datos = Datos();
        var esperado = await RenderizadorCorreo.RenderizarAsync(d, datos, "https://x/logo", "https://x/baja", CancellationToken.None);

        var compilado = new RenderizadorCorreo.Compilado(d);
        var c = compilado.Renderizar(datos, "https://x/logo", "https://x/baja", CancellationToken.None);

        Assert.That((c.Asunto, c.Html, c.Texto), Is.EqualTo((esperado.Asunto, esperado.Html, esperado.Texto)));
        Assert.That(c.Html, Does.Contain("<i>1001</i>"));
    }

    [TestCase("<p>Estimado {{ contacto.nombre }}</p>{{ tabla_documentos }}<a href=\"https://x/pagar\">Pagar</a>", TestName = "El texto plano armado por partes es el del HTML completo")]
    [TestCase("<p>Sin cerrar <a href=\"https://x/pagar\">Pagar", TestName = "Un enlace sin cerrar en el cuerpo da el texto plano del HTML completo")]
    [TestCase("<style>p{color:red}<p>{{ cliente.nombre }}", TestName = "Un estilo sin cerrar en el cuerpo da el texto plano del HTML completo")]
    [TestCase("<p>{{ cliente.nombre }}</p><b", TestName = "Una etiqueta sin cerrar en el cuerpo da el texto plano del HTML completo")]
    [TestCase("<p>{{ cliente.nombre }}</p><!-- sin cerrar", TestName = "Un comentario sin cerrar en el cuerpo da el texto plano del HTML completo")]
    public void El_texto_plano_de_la_plantilla_compilada_es_el_del_html(string plantilla)
    {
        var d = Definicion(plantilla);
        var compilado = new RenderizadorCorreo.Compilado(d);
        var otrasCuentas = Datos() with { Cuentas = [], Empresa = "Otra & Cía" };

        foreach (var (datos, logo) in new[] { (Datos(), "https://x/logo"), (Datos("Lovato & Hijos"), "https://x/logo"), (otrasCuentas, null), (Datos(), null) })
        {
            var c = compilado.Renderizar(datos, logo, "https://x/baja?t=1&u=2", CancellationToken.None);
            Assert.That(c.Texto, Is.EqualTo(RenderizadorCorreo.TextoPlano(c.Html)), c.Html);
        }
    }

    [Test]
    public void Lo_que_una_plantilla_compilada_asigna_no_pasa_al_correo_del_siguiente_cliente()
    {
        var compilado = new RenderizadorCorreo.Compilado(Definicion("{{ if visto }}<p>FILTRADO {{ visto }}</p>{{ end }}{{ visto = cliente.nombre }}<p>{{ cliente.nombre }}</p>", cuentas: false));

        var primero = compilado.Renderizar(Datos("Primero SpA"), null, null, CancellationToken.None);
        var segundo = compilado.Renderizar(Datos("Segundo SpA"), null, null, CancellationToken.None);

        Assert.That(primero.Html, Does.Contain("<p>Primero SpA</p>"));
        Assert.That(segundo.Html, Does.Contain("<p>Segundo SpA</p>"));
        Assert.That(segundo.Html, Does.Not.Contain("FILTRADO"));
    }

    [TestCase("{{ while true }}x{{ end }}", TestName = "Un ciclo infinito en la plantilla compilada se detiene")]
    [TestCase("{{ x = '0123456789'; for i in 1..40; x = x + x; end; x }}", TestName = "Una salida enorme en la plantilla compilada se detiene")]
    [TestCase("{{ func f; f; end; f }}", TestName = "Una recursion infinita en la plantilla compilada se detiene")]
    public void La_plantilla_compilada_respeta_los_limites(string plantilla)
    {
        var compilado = new RenderizadorCorreo.Compilado(Definicion(plantilla, cuentas: false));

        Assert.Throws<PlantillaExcedidaException>(() => compilado.Renderizar(Datos(), null, null, CancellationToken.None));
    }
}
