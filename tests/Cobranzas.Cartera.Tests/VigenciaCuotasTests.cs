using System.Net.Http.Json;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// <c>cuotas.vigente</c> (what the open-installment index holds) always equals the document's rule, through every
/// change of cancellation and cession; the aging at a cut-off before those changes still counts the document.
/// </summary>
public sealed class VigenciaCuotasTests : PruebaCartera
{
    private static readonly object Factor = new { nombre = "Factoring del Sur S.A.", rut = "76.086.428-5" };

    [Test]
    public async Task La_vigencia_de_las_cuotas_sigue_a_la_regla_del_documento_en_cada_cambio()
    {
        var cedida = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        var recomprada = await CrearDocumentoAsync(Factura(2, 2000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        var anulada = await CrearDocumentoAsync(Factura(3, 3000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        var castigada = await CrearDocumentoAsync(Factura(4, 4000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        await CrearDocumentoAsync(Factura(5, 5000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        var antesDeLosCambios = F(Hoy.AddDays(-1));

        await Accion(cedida, "ceder", new { factor = Factor, fecha = F(Hoy) });
        await Accion(recomprada, "ceder", new { factor = Factor, fecha = F(Hoy) });
        Assert.That(await DesalineadasAsync(), Is.Zero);
        foreach (var doc in new[] { cedida, recomprada })
        {
            await (await Api.PutAsJsonAsync($"/api/v1/factoring/cesiones/{doc.Id()}/condiciones", new { responsabilidadSolidaria = false, administracionDelegada = true }))
                .JsonAsync();
        }
        Assert.That(await DesalineadasAsync(), Is.Zero);
        Assert.That(await DelegadasAsync(), Is.EquivalentTo(new[] { 1L, 2L }));
        await Accion(recomprada, "ceder/revertir", new { motivo = "Recompra" });
        await Accion(anulada, "anular", new { motivo = "Error de emisión" });
        await Accion(castigada, "castigar", new { fecha = F(Hoy), motivo = "Incobrable" });

        Assert.That(await DesalineadasAsync(), Is.Zero);
        Assert.That(await VigentesAsync(), Is.EquivalentTo(new[] { 2L, 4L, 5L }));
        Assert.That(await DelegadasAsync(), Is.EquivalentTo(new[] { 1L }), "recomprada, deja de ser del factor");
        var hoy = await (await Api.GetAsync("/api/v1/cartera/antiguedad?agrupar=empresa")).JsonAsync();
        var antes = await (await Api.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={antesDeLosCambios}")).JsonAsync();
        Assert.That((decimal?)hoy["total"], Is.EqualTo(7000m));
        Assert.That((decimal?)antes["total"], Is.EqualTo(15000m));
    }

    private async Task Accion(System.Text.Json.Nodes.JsonNode doc, string accion, object cuerpo) =>
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/{accion}", cuerpo)).JsonAsync();

    /// <summary>
    /// Installments whose flags differ from what <c>cartera.vigente</c> and <c>cartera.cedido_delegado_al</c> (at an unbounded
    /// cut-off: today's cession state) say of their document.
    /// </summary>
    private Task<int> DesalineadasAsync() => ConsultarAsync(db => db.Database.SqlQuery<int>($"""
        SELECT count(*)::int AS "Value" FROM cartera.cuotas c JOIN cartera.documentos d ON d.id = c.documento_id
        WHERE c.vigente <> cartera.vigente(d.fecha_anulacion, d.fecha_cesion, d.fecha_recompra)
           OR c.delegada <> (cartera.cedido_delegado_al(d.administracion_delegada, d.fecha_anulacion, d.fecha_castigo, d.fecha_cesion, d.fecha_recompra, 'infinity')
                             AND NOT cartera.es_nota_credito(d.tipo))
        """).SingleAsync());

    private Task<List<long>> DelegadasAsync() => ConsultarAsync(db => db.Database.SqlQuery<long>($"""
        SELECT d.folio AS "Value" FROM cartera.cuotas c JOIN cartera.documentos d ON d.id = c.documento_id WHERE c.delegada
        """).ToListAsync());

    private Task<List<long>> VigentesAsync() => ConsultarAsync(db => db.Database.SqlQuery<long>($"""
        SELECT d.folio AS "Value" FROM cartera.cuotas c JOIN cartera.documentos d ON d.id = c.documento_id WHERE c.vigente
        """).ToListAsync());

    private Task<T> ConsultarAsync<T>(Func<CarteraDbContext, Task<T>> consulta) => Fixture.EnAmbitoAsync(sp =>
    {
        sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(Empresa.Id, "prueba");
        return consulta(sp.GetRequiredService<CarteraDbContext>());
    });
}
