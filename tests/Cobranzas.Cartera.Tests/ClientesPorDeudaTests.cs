using System.Text.Json.Nodes;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Cartera.Tests;

/// <summary>The client list (Clientes) shows and orders by today's debt, which Cartera serves through <c>PaginarClientesPorDeuda</c>.</summary>
public sealed class ClientesPorDeudaTests : PruebaCartera
{
    private async Task<string> ClienteAsync(string razonSocial) => (await Api.CrearClienteAsync(Datos.Cliente(razonSocial: razonSocial, cuentaClave: true))).Id();

    private async Task<JsonArray> ListarAsync(string orden, int pagina = 1, int tamano = 25, string filtro = "&cuentaClave=true")
    {
        var r = await (await Api.GetAsync($"/api/v1/clientes?orden={orden}&pagina={pagina}&tamanoPagina={tamano}{filtro}")).JsonAsync();
        return r["items"]!.AsArray();
    }

    private static string[] Nombres(JsonArray items) => items.Select(i => (string)i!["razonSocial"]!).ToArray();

    /// <summary>Alfa owes 300 000 (100 000 overdue), Beta 50 000 (all overdue), Gamma nothing, Delta 120 000 (nothing overdue).</summary>
    private async Task CarteraAsync()
    {
        var alfa = await ClienteAsync("Alfa Ltda");
        var beta = await ClienteAsync("Beta SpA");
        await ClienteAsync("Gamma SA");
        var delta = await ClienteAsync("Delta EIRL");
        await CrearDocumentoAsync(Factura(1, 100_000, Hoy.AddDays(-40), Hoy.AddDays(-10), alfa));
        await CrearDocumentoAsync(Factura(2, 200_000, Hoy, Hoy.AddDays(30), alfa));
        await CrearDocumentoAsync(Factura(3, 80_000, Hoy.AddDays(-60), Hoy.AddDays(-30), beta));
        await PagarAsync(30_000, Hoy, clienteId: beta);
        await CrearDocumentoAsync(Factura(4, 120_000, Hoy, Hoy.AddDays(15), delta));
    }

    [Test]
    public async Task La_lista_muestra_saldo_y_vencido_de_cada_cliente()
    {
        await CarteraAsync();

        var items = await ListarAsync("razonSocial");

        var porNombre = items.ToDictionary(i => (string)i!["razonSocial"]!, i => ((decimal)i!["saldo"]!, (decimal)i!["vencido"]!));
        Assert.That(porNombre["Alfa Ltda"], Is.EqualTo((300_000m, 100_000m)));
        Assert.That(porNombre["Beta SpA"], Is.EqualTo((50_000m, 50_000m)));
        Assert.That(porNombre["Gamma SA"], Is.EqualTo((0m, 0m)));
        Assert.That(porNombre["Delta EIRL"], Is.EqualTo((120_000m, 0m)));
    }

    [Test]
    public async Task Ordena_por_saldo_en_ambos_sentidos_con_los_empates_por_razon_social()
    {
        await CarteraAsync();

        Assert.That(Nombres(await ListarAsync("-saldo")), Is.EqualTo(new[] { "Alfa Ltda", "Delta EIRL", "Beta SpA", "Gamma SA" }));
        Assert.That(Nombres(await ListarAsync("saldo")), Is.EqualTo(new[] { "Gamma SA", "Beta SpA", "Delta EIRL", "Alfa Ltda" }));
    }

    [Test]
    public async Task Ordena_por_vencido_en_ambos_sentidos()
    {
        await CarteraAsync();

        Assert.That(Nombres(await ListarAsync("-vencido")), Is.EqualTo(new[] { "Alfa Ltda", "Beta SpA", "Delta EIRL", "Gamma SA" }));
        Assert.That(Nombres(await ListarAsync("vencido")), Is.EqualTo(new[] { "Delta EIRL", "Gamma SA", "Beta SpA", "Alfa Ltda" }));
    }

    [Test]
    public async Task Pagina_por_deuda_con_el_total_del_filtro()
    {
        await CarteraAsync();

        var r = await (await Api.GetAsync("/api/v1/clientes?orden=-saldo&pagina=2&tamanoPagina=3&cuentaClave=true")).JsonAsync();

        Assert.That((int)r["total"]!, Is.EqualTo(4));
        Assert.That(Nombres(r["items"]!.AsArray()), Is.EqualTo(new[] { "Gamma SA" }));
        Assert.That(Nombres(await ListarAsync("-saldo", filtro: "&cuentaClave=true&buscar=a ltda")), Is.EqualTo(new[] { "Alfa Ltda" }));
    }

    [Test]
    public async Task Otra_empresa_no_ve_deuda_ni_clientes_ajenos_al_ordenar()
    {
        await CarteraAsync();
        var otra = await Fixture.CrearEmpresaAsync("Otra SpA");
        var api = await Fixture.ClienteHttpAsync(otra);
        await api.CrearClienteAsync(Datos.Cliente(razonSocial: "Propio SpA", cuentaClave: true));

        var r = await (await api.GetAsync("/api/v1/clientes?orden=-saldo&cuentaClave=true")).JsonAsync();

        Assert.That(Nombres(r["items"]!.AsArray()), Is.EqualTo(new[] { "Propio SpA" }));
        Assert.That((decimal)r["items"]![0]!["saldo"]!, Is.EqualTo(0m));
    }

    [Test]
    public async Task Una_lista_larga_recorre_la_empresa_y_da_la_misma_pagina_que_una_corta()
    {
        await CarteraAsync();
        var propios = await Fixture.EnAmbitoAsync(sp =>
        {
            sp.GetRequiredService<ContextoSolicitud>().Establecer(Empresa.Id, "pruebas");
            return sp.GetRequiredService<IMediator>().Send(new ListarDatosAsignacion(null)).AsTask();
        });
        var corta = propios.Select(c => c.Id).ToList();
        // Unknown ids pad the list to a company-sized one: they owe nothing and the page does not move.
        var larga = corta.Concat(Enumerable.Range(0, 2_500).Select(_ => Guid.NewGuid())).ToList();

        var paginaCorta = await PaginaAsync(corta);
        var paginaLarga = await PaginaAsync(larga);

        Assert.That(paginaLarga, Is.EqualTo(paginaCorta));
        Assert.That(paginaCorta.Select(d => d.Saldo), Is.EqualTo(new[] { 300_000m, 120_000m, 50_000m, 0m }));
    }

    private Task<IReadOnlyList<DeudaClienteOrdenada>> PaginaAsync(IReadOnlyList<Guid> clientes) =>
        Fixture.EnAmbitoAsync(sp =>
        {
            sp.GetRequiredService<ContextoSolicitud>().Establecer(Empresa.Id, "pruebas");
            return sp.GetRequiredService<IMediator>().Send(new PaginarClientesPorDeuda(clientes, PorVencido: false, Descendente: true, Saltar: 0, Tomar: 4)).AsTask();
        });
}
