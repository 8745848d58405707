using System.Net.Http.Json;
using System.Text.Json;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// Each portfolio rule has one C# form and one SQL form; on generated cases they give the same answer (LINQ through EF, the
/// compiled expression in memory and the SQL function), and the set-based payments batch audits what the entity model holds.
/// </summary>
public sealed class ReglasCarteraTests : PruebaCartera
{
    private static readonly DateOnly Base = new(2026, 1, 10);

    private sealed record Caso(string Tipo, DateOnly? Anulacion, DateOnly? Castigo, DateOnly? Cesion, DateOnly? Recompra, bool Delegada);

    private static Gen<DateOnly?> FechaOpcional =>
        Gen.OneOf(Gen.Constant<DateOnly?>(null), Gen.Choose(-3, 3).Select(d => (DateOnly?)Base.AddDays(d)));

    [Test]
    public void Vigente_en_cartera_en_cartera_al_corte_y_cedido_delegado_al_corte_coinciden_en_linq_en_memoria_y_en_sql()
    {
        var caso = from tipo in Gen.Elements("33", "61", "112", "56", "letra")
                   from anulacion in FechaOpcional
                   from castigo in FechaOpcional
                   from cesion in FechaOpcional
                   from recompra in FechaOpcional
                   from delegada in Gen.Elements(false, true)
                   select new Caso(tipo, anulacion, castigo, cesion, recompra, delegada);
        var lotes = from casos in Gen.NonEmptyListOf(caso)
                    from corte in Gen.Choose(-4, 4)
                    select (Casos: casos.Take(40).ToArray(), Corte: Base.AddDays(corte));

        Prop.ForAll(lotes.ToArbitrary(), l => VerificarReglasAsync(l.Casos, l.Corte).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(25).WithReplay(20261129UL, 17UL));
    }

    private async Task<bool> VerificarReglasAsync(Caso[] casos, DateOnly corte) => await Fixture.EnAmbitoAsync(async sp =>
    {
        sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(Empresa.Id, "prueba");
        var db = sp.GetRequiredService<CarteraDbContext>();
        var documentos = casos.Select(c => new Documento
        {
            EmpresaId = Empresa.Id, Tipo = c.Tipo, Folio = Fixture.Siguiente(), ClienteId = Guid.Parse(ClienteId), FechaEmision = Base.AddDays(-30),
            FechaVencimiento = Base, Moneda = "CLP", Neto = 100m, Total = 100m, Saldo = 100m, Origen = "manual",
            FechaAnulacion = c.Anulacion, FechaCastigo = c.Castigo, FechaCesion = c.Cesion, FechaRecompra = c.Recompra, AdministracionDelegada = c.Delegada,
        }).ToList();
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using (var insertar = new NpgsqlCommand("""
            INSERT INTO cartera.documentos (id, empresa_id, tipo, folio, cliente_id, fecha_emision, fecha_vencimiento, moneda, neto, exento, iva, total,
                                            saldo, origen, creado, fecha_anulacion, fecha_castigo, fecha_cesion, fecha_recompra, administracion_delegada)
            SELECT id, @empresa, tipo, folio, @cliente, @emision, @vencimiento, 'CLP', 100, 0, 0, 100, 100, 'manual', now(), anulacion, castigo, cesion, recompra, delegada
            FROM unnest(@ids, @tipos, @folios, @anulaciones, @castigos, @cesiones, @recompras, @delegadas)
                 AS x(id, tipo, folio, anulacion, castigo, cesion, recompra, delegada)
            """, conexion))
        {
            insertar.Parameters.AddWithValue("empresa", Empresa.Id);
            insertar.Parameters.AddWithValue("cliente", Guid.Parse(ClienteId));
            insertar.Parameters.AddWithValue("emision", Base.AddDays(-30));
            insertar.Parameters.AddWithValue("vencimiento", Base);
            insertar.Parameters.AddWithValue("ids", documentos.Select(d => d.Id).ToArray());
            insertar.Parameters.AddWithValue("tipos", documentos.Select(d => d.Tipo).ToArray());
            insertar.Parameters.AddWithValue("folios", documentos.Select(d => d.Folio).ToArray());
            insertar.Parameters.AddWithValue("anulaciones", documentos.Select(d => d.FechaAnulacion).ToArray());
            insertar.Parameters.AddWithValue("castigos", documentos.Select(d => d.FechaCastigo).ToArray());
            insertar.Parameters.AddWithValue("cesiones", documentos.Select(d => d.FechaCesion).ToArray());
            insertar.Parameters.AddWithValue("recompras", documentos.Select(d => d.FechaRecompra).ToArray());
            insertar.Parameters.AddWithValue("delegadas", documentos.Select(d => d.AdministracionDelegada).ToArray());
            await insertar.ExecuteNonQueryAsync();
        }

        var sql = new Dictionary<Guid, (bool NotaCredito, bool Vigente, bool EnCartera, bool EnCarteraAl, bool CedidoDelegadoAl)>();
        await using (var leer = new NpgsqlCommand("""
            SELECT id, cartera.es_nota_credito(tipo), cartera.vigente(fecha_anulacion, fecha_cesion, fecha_recompra),
                   cartera.en_cartera(tipo, fecha_anulacion, fecha_castigo, fecha_cesion, fecha_recompra),
                   cartera.en_cartera_al(fecha_anulacion, fecha_castigo, fecha_cesion, fecha_recompra, @corte),
                   cartera.cedido_delegado_al(administracion_delegada, fecha_anulacion, fecha_castigo, fecha_cesion, fecha_recompra, @corte)
            FROM cartera.documentos WHERE id = ANY(@ids)
            """, conexion))
        {
            leer.Parameters.AddWithValue("ids", documentos.Select(d => d.Id).ToArray());
            leer.Parameters.AddWithValue("corte", corte);
            await using var lector = await leer.ExecuteReaderAsync();
            while (await lector.ReadAsync())
                sql[lector.GetGuid(0)] = (lector.GetBoolean(1), lector.GetBoolean(2), lector.GetBoolean(3), lector.GetBoolean(4), lector.GetBoolean(5));
        }

        var ids = documentos.Select(d => d.Id).ToList();
        async Task<HashSet<Guid>> Linq(System.Linq.Expressions.Expression<Func<Documento, bool>> regla) =>
            [.. await db.Documentos.AsNoTracking().Where(d => ids.Contains(d.Id)).Where(regla).Select(d => d.Id).ToListAsync()];
        var notas = await Linq(ReglasCartera.NotaCredito);
        var vigentes = await Linq(ReglasCartera.Vigente);
        var enCartera = await Linq(ReglasCartera.EnCartera);
        var alCorte = await Linq(ReglasCartera.EnCarteraAl(corte));
        var delegadosAlCorte = await Linq(ReglasCartera.CedidoDelegadoAl(corte));
        var delegados = await Linq(ReglasCartera.CedidoDelegado);
        var enCobranza = await Linq(ReglasCartera.EnCobranza);

        foreach (var d in documentos)
        {
            var esperado = (ReglasCartera.EsNotaCredito(d), ReglasCartera.EsVigente(d), ReglasCartera.EstaEnCartera(d), ReglasCartera.EstaEnCarteraAl(d, corte),
                ReglasCartera.EsCedidoDelegadoAl(d, corte));
            var caso = $"{d.Tipo} anulación {d.FechaAnulacion} castigo {d.FechaCastigo} cesión {d.FechaCesion} recompra {d.FechaRecompra} delegada {d.AdministracionDelegada} corte {corte}";
            Assert.That(sql[d.Id], Is.EqualTo(esperado), "SQL: " + caso);
            Assert.That((notas.Contains(d.Id), vigentes.Contains(d.Id), enCartera.Contains(d.Id), alCorte.Contains(d.Id), delegadosAlCorte.Contains(d.Id)),
                Is.EqualTo(esperado), "LINQ: " + caso);
            Assert.That(delegados.Contains(d.Id), Is.EqualTo(ReglasCartera.EsCedidoDelegado(d)), "LINQ, cedido delegado hoy: " + caso);
            Assert.That(enCobranza.Contains(d.Id), Is.EqualTo(ReglasCartera.EstaEnCartera(d) || (ReglasCartera.EsCedidoDelegado(d) && !ReglasCartera.EsNotaCredito(d))),
                "LINQ, en cobranza hoy: " + caso);
            Assert.That(ReglasCartera.EstaEnCarteraAl(d, corte) && ReglasCartera.EsCedidoDelegadoAl(d, corte), Is.False, "propio y delegado a la vez: " + caso);
        }

        return true;
    });

    [Test]
    public void La_conversion_a_pesos_coincide_en_csharp_y_en_sql()
    {
        var caso = from moneda in Gen.Elements("CLP", "UF", "USD", "EUR")
                   from medios in Gen.Choose(1, 2_000_000)
                   from decimales in Gen.Elements(1m, 0.5m, 0.0001m, 0.01m)
                   from uf in Gen.OneOf(Gen.Constant<decimal?>(null), Gen.Choose(30_000, 40_000).Select(v => (decimal?)(v + 0.5m)), Gen.Choose(1, 9).Select(v => (decimal?)v))
                   from dolar in Gen.OneOf(Gen.Constant<decimal?>(null), Gen.Choose(800, 1_000).Select(v => (decimal?)(v + 0.25m)), Gen.Choose(1, 9).Select(v => (decimal?)v))
                   select (Monto: medios * decimales, Moneda: moneda, Uf: uf, Dolar: dolar);
        var lotes = Gen.NonEmptyListOf(caso).Select(l => l.Take(200).ToArray());

        Prop.ForAll(lotes.ToArbitrary(), casos => Fixture.EnAmbitoAsync(async sp =>
        {
            var db = sp.GetRequiredService<CarteraDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var comando = new NpgsqlCommand("""
                SELECT cartera.en_clp(m, mo, u, d) FROM unnest(@montos, @monedas, @ufs, @dolares) WITH ORDINALITY AS x(m, mo, u, d, n) ORDER BY n
                """, (NpgsqlConnection)db.Database.GetDbConnection());
            comando.Parameters.AddWithValue("montos", casos.Select(c => c.Monto).ToArray());
            comando.Parameters.AddWithValue("monedas", casos.Select(c => c.Moneda).ToArray());
            comando.Parameters.AddWithValue("ufs", casos.Select(c => c.Uf).ToArray());
            comando.Parameters.AddWithValue("dolares", casos.Select(c => c.Dolar).ToArray());
            var enSql = new List<decimal?>();
            await using var lector = await comando.ExecuteReaderAsync();
            while (await lector.ReadAsync())
                enSql.Add(lector.IsDBNull(0) ? null : lector.GetDecimal(0));
            Assert.That(enSql, Is.EqualTo(casos.Select(c => ReglasCartera.EnClp(c.Monto, c.Moneda, c.Uf, c.Dolar)).ToList()));
            return true;
        }).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(20).WithReplay(4242UL, 7UL));
    }

    [TestCase(OrdenesImputacion.Vencimiento)]
    [TestCase(OrdenesImputacion.Emision)]
    [TestCase(OrdenesImputacion.MontoMenor)]
    public void El_orden_de_imputacion_es_el_mismo_en_csharp_y_en_sql(string orden)
    {
        var documentos = Enumerable.Range(0, 6).Select(i => Guid.CreateVersion7()).Concat([Guid.Parse("ffffffff-0000-0000-0000-000000000000"), Guid.Parse("00000000-ffff-0000-0000-000000000001"), Guid.Parse("00000000-0000-ffff-ff00-000000000000")]).ToArray();
        var cuota = from saldo in Gen.Elements(100m, 100.5m, 250m)
                    from vence in Gen.Choose(0, 3)
                    from emision in Gen.Choose(0, 3)
                    from folio in Gen.Choose(1, 3)
                    from documento in Gen.Elements(documentos)
                    from numero in Gen.Choose(1, 3)
                    select new CuotaImputable(saldo, Base.AddDays(vence), Base.AddDays(-emision), folio, documento, numero);
        var lotes = Gen.NonEmptyListOf(cuota).Select(l => l.DistinctBy(c => (c.DocumentoId, c.Numero)).ToArray());

        Prop.ForAll(lotes.ToArbitrary(), cuotas => Fixture.EnAmbitoAsync(async sp =>
        {
            var db = sp.GetRequiredService<CarteraDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var comando = new NpgsqlCommand($"""
                SELECT n FROM unnest(@saldos, @vencimientos, @emisiones, @folios, @documentos, @numeros) WITH ORDINALITY
                    AS x(saldo, fecha_vencimiento, fecha_emision, folio, documento_id, numero, n)
                ORDER BY {OrdenesImputacion.OrdenSql(orden)}
                """, (NpgsqlConnection)db.Database.GetDbConnection());
            comando.Parameters.AddWithValue("saldos", cuotas.Select(c => c.Saldo).ToArray());
            comando.Parameters.AddWithValue("vencimientos", cuotas.Select(c => c.FechaVencimiento).ToArray());
            comando.Parameters.AddWithValue("emisiones", cuotas.Select(c => c.FechaEmision).ToArray());
            comando.Parameters.AddWithValue("folios", cuotas.Select(c => c.Folio).ToArray());
            comando.Parameters.AddWithValue("documentos", cuotas.Select(c => c.DocumentoId).ToArray());
            comando.Parameters.AddWithValue("numeros", cuotas.Select(c => c.Numero).ToArray());
            var enSql = new List<int>();
            await using var lector = await comando.ExecuteReaderAsync();
            while (await lector.ReadAsync())
                enSql.Add((int)lector.GetInt64(0) - 1);
            var enCsharp = Enumerable.Range(0, cuotas.Length).OrderBy(i => cuotas[i], OrdenesImputacion.Comparador(orden)).ToList();
            Assert.That(enSql, Is.EqualTo(enCsharp));
            return true;
        }).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(30).WithReplay(99UL, 3UL));
    }

    /// <summary>
    /// SaveChanges audits every property of the entity model; the batch writes its audit rows in SQL. A property the batch leaves
    /// out must be one that is empty when a payment or application is created; a new property fails here until the batch writes it
    /// (or it joins this list).
    /// </summary>
    [Test]
    public async Task La_auditoria_del_lote_de_pagos_tiene_cada_propiedad_del_modelo()
    {
        await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-10), Hoy));
        var lote = await (await Api.PostAsJsonAsync("/api/v1/pagos/lote", new[]
        {
            new { clienteId = ClienteId, fecha = F(Hoy), monto = 400m, moneda = "CLP", canal = "transferencia", referencia = "T-1", aplicacion = "automatica" },
        })).JsonAsync();
        Assert.That((int?)lote["creados"], Is.EqualTo(1), lote.ToJsonString());

        var vacias = new Dictionary<string, string[]>
        {
            ["Pago"] = ["xmin", "CuentaDeposito", "FechaDeposito", "FechaProtesto", "MotivoProtesto", "CostoProtesto"],
            ["Aplicacion"] = ["NotaCreditoId", "CompensacionId", "ConvenioId", "FechaReversa", "MotivoReversa", "ReversadaPor"],
        };
        await Fixture.EnAmbitoAsync(async sp =>
        {
            var db = sp.GetRequiredService<CarteraDbContext>();
            foreach (var (entidad, tipo) in new[] { ("Pago", typeof(Persistencia.Pago)), ("Aplicacion", typeof(Aplicacion)) })
            {
                var modelo = db.Model.FindEntityType(tipo)!.GetProperties().Select(p => p.Name).ToHashSet();
                var despues = await db.Database.SqlQuery<string>($"SELECT despues::text AS \"Value\" FROM plataforma.auditoria WHERE empresa_id = {Empresa.Id} AND entidad = {entidad}").ToListAsync();
                Assert.That(despues, Has.Count.EqualTo(1), entidad);
                var escritas = JsonDocument.Parse(despues[0]).RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
                Assert.That(escritas.Except(modelo), Is.Empty, $"{entidad}: el lote audita propiedades que el modelo no tiene");
                Assert.That(modelo.Except(escritas), Is.EquivalentTo(vacias[entidad]), $"{entidad}: propiedades del modelo que el lote no audita");
            }
        });
    }
}
