using Cobranzas.Cartera.Contracts;
using Cobranzas.Integraciones.Persistencia;
using Cobranzas.SharedKernel.Modulos;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Cobranzas.Integraciones.Contabilidad;

/// <summary>
/// Brings the company's journal entries up to date with Cartera's facts: for each fact whose amount differs from what its
/// entries already reflect, one new entry with the difference (the whole fact the first time, a reversal when it shrinks or
/// disappears). It runs under a transaction-scoped advisory lock per company and reads the facts after taking it, so runs of
/// one company are serial, each sees at least what the previous one saw, and sequence numbers follow commit order.
/// </summary>
public sealed class GeneradorAsientos(IntegracionesDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
{
    public async Task<int> GenerarAsync(CancellationToken ct)
    {
        await using var transaccion = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended('integraciones.asientos:' || {contexto.EmpresaId}::text, 0))", ct);

        var hechos = (await mediator.Send(new ObtenerMovimientosContables(), ct)).Concat(await ProvisionesAsync(ct)).ToList();
        var cuentas = await PlanCuentas.CargarAsync(db, mediator, ct);
        var reflejado = (await db.Set<AsientoContable>()
                .GroupBy(a => new { a.TipoOrigen, a.OrigenId })
                .Select(g => new { g.Key.TipoOrigen, g.Key.OrigenId, Monto = g.Sum(a => a.MontoOrigen), Costo = g.Sum(a => a.CostoOrigen), Version = g.Max(a => a.Version) })
                .ToListAsync(ct))
            .ToDictionary(r => (r.TipoOrigen, r.OrigenId));
        var ultima = await db.Set<AsientoContable>().MaxAsync(a => (long?)a.Secuencia, ct) ?? 0;
        var ahora = reloj.GetUtcNow();
        var nuevos = new List<AsientoContable>();

        void Agregar(MovimientoContable hecho, decimal monto, decimal costo, int version)
        {
            var lineas = Lineas(hecho, monto, costo, cuentas);
            if (lineas.Count == 0)
                return;
            nuevos.Add(new AsientoContable
            {
                Secuencia = ultima + nuevos.Count + 1, TipoOrigen = hecho.Tipo, OrigenId = hecho.OrigenId, Version = version, Fecha = hecho.Fecha,
                Glosa = Glosa(hecho, version > 1), Moneda = hecho.Moneda, ClienteId = hecho.ClienteId,
                Referencia = hecho.Referencia is { Length: > LargosContabilidad.Referencia } r ? r[..LargosContabilidad.Referencia] : hecho.Referencia, MontoOrigen = monto, CostoOrigen = costo, Lineas = lineas, Creado = ahora,
            });
        }

        var vigentes = new HashSet<(string, Guid)>();
        foreach (var hecho in hechos.OrderBy(h => h.Fecha).ThenBy(h => h.OrigenId).ThenBy(h => h.Tipo, StringComparer.Ordinal))
        {
            vigentes.Add((hecho.Tipo, hecho.OrigenId));
            var previo = reflejado.GetValueOrDefault((hecho.Tipo, hecho.OrigenId));
            var (monto, costo) = (hecho.Monto - (previo?.Monto ?? 0), hecho.Costo - (previo?.Costo ?? 0));
            if (monto != 0 || costo != 0)
                Agregar(hecho, monto, costo, (previo?.Version ?? 0) + 1);
        }

        // A fact that is gone (a castigo undone, a document cancelled) is reversed on the date of its last entry.
        foreach (var ((tipo, origen), previo) in reflejado.Where(r => !vigentes.Contains(r.Key) && (r.Value.Monto != 0 || r.Value.Costo != 0)))
        {
            var ultimo = await db.Set<AsientoContable>().Where(a => a.TipoOrigen == tipo && a.OrigenId == origen).OrderByDescending(a => a.Version).FirstAsync(ct);
            var lineasPrevias = await db.Set<AsientoContable>().Where(a => a.TipoOrigen == tipo && a.OrigenId == origen).SelectMany(a => a.Lineas).ToListAsync(ct);
            nuevos.Add(new AsientoContable
            {
                Secuencia = ultima + nuevos.Count + 1, TipoOrigen = tipo, OrigenId = origen, Version = previo.Version + 1, Fecha = ultimo.Fecha,
                Glosa = $"Reversa: {ultimo.Glosa}", Moneda = ultimo.Moneda, ClienteId = ultimo.ClienteId, Referencia = ultimo.Referencia, MontoOrigen = -previo.Monto, CostoOrigen = -previo.Costo, Creado = ahora,
                Lineas = lineasPrevias.GroupBy(l => (l.Cuenta, l.Concepto))
                    .Select(g => new { g.Key.Cuenta, g.Key.Concepto, Neto = g.Sum(l => l.Debe - l.Haber) })
                    .Where(x => x.Neto != 0)
                    .Select(x => new LineaAsiento { Cuenta = x.Cuenta, Concepto = x.Concepto, Debe = x.Neto < 0 ? -x.Neto : 0, Haber = x.Neto > 0 ? x.Neto : 0 })
                    .ToList(),
            });
        }

        db.Set<AsientoContable>().AddRange(nuevos);
        await db.SaveChangesAsync(ct);
        await transaccion.CommitAsync(ct);
        return nuevos.Count;
    }

    /// <summary>Months of provision the entries follow: the last complete ones (a payment dated in the past still changes them).</summary>
    public const int MesesProvision = 12;

    /// <summary>
    /// The change of the provision in each of the last <see cref="MesesProvision"/> complete months, dated on the month's last day;
    /// its origin id is derived from the month, so a later change of a past month's figure becomes an adjustment of that month.
    /// </summary>
    private async Task<IEnumerable<MovimientoContable>> ProvisionesAsync(CancellationToken ct)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var finMesPasado = new DateOnly(hoy.Year, hoy.Month, 1).AddDays(-1);
        var cortes = Enumerable.Range(0, MesesProvision + 1).Select(i => FinDeMes(finMesPasado.AddMonths(-i))).Reverse().ToList();
        var provisiones = await mediator.Send(new ObtenerProvisionesAlCorte(cortes), ct);
        return provisiones.Zip(provisiones.Skip(1)).Select(p => new MovimientoContable(
            TiposMovimientoContable.Provision, OrigenMes(p.Second.Fecha), p.Second.Fecha, p.Second.Provision - p.First.Provision, 0, "CLP", null, null, Guid.Empty,
            $"Provisión {p.Second.Fecha:MM-yyyy}"));
    }

    private static DateOnly FinDeMes(DateOnly d) => new DateOnly(d.Year, d.Month, 1).AddMonths(1).AddDays(-1);

    public static Guid OrigenMes(DateOnly fin) => new(fin.Year * 100 + fin.Month, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);

    private static string Glosa(MovimientoContable h, bool ajuste)
    {
        var texto = h.Tipo switch
        {
            TiposMovimientoContable.Pago => $"Pago recibido ({h.Canal})",
            TiposMovimientoContable.DepositoCheque => $"Depósito de cheque en {h.CuentaDeposito}",
            TiposMovimientoContable.ProtestoCheque => "Cheque protestado",
            TiposMovimientoContable.Castigo => "Castigo de deudor incobrable",
            TiposMovimientoContable.RecuperoCastigo => "Recupero de deudor castigado",
            TiposMovimientoContable.RecuperoCastigoPago => "Recupero de deudor castigado (desde un pago)",
            TiposMovimientoContable.ReversaRecuperoCastigoPago => "Reversa de recupero de deudor castigado (desde un pago)",
            TiposMovimientoContable.ProtestoDocumento => "Costo de protesto",
            TiposMovimientoContable.Provision => "Variación de la provisión de incobrables",
            _ => h.Tipo,
        };
        texto = ajuste ? $"Ajuste: {texto}" : texto;
        return texto.Length > 300 ? texto[..300] : texto;
    }

    /// <summary>
    /// The scheme: a payment debits where the money went (its channel's account) and credits Clientes; a deposited cheque moves
    /// from the cheque channel's account to the deposit account; a protest puts the cheque back in Clientes and takes it (and
    /// the bank's cost) out of the account it was in; a castigo credits Clientes against the bad-debt expense or the provision; a recovery of a written-off
    /// document debits the bank and reduces the bad-debt expense.
    /// A negative amount (an adjustment that takes back) swaps debit and credit.
    /// </summary>
    public static List<LineaAsiento> Lineas(MovimientoContable h, decimal monto, decimal costo, PlanCuentas c)
    {
        var lineas = new List<LineaAsiento>();

        void Par(string debe, string conceptoDebe, string haber, string conceptoHaber, decimal valor)
        {
            if (valor == 0)
                return;
            var (d, cd, hb, ch, v) = valor > 0 ? (debe, conceptoDebe, haber, conceptoHaber, valor) : (haber, conceptoHaber, debe, conceptoDebe, -valor);
            lineas.Add(new LineaAsiento { Cuenta = d, Concepto = cd, Debe = v });
            lineas.Add(new LineaAsiento { Cuenta = hb, Concepto = ch, Haber = v });
        }

        switch (h.Tipo)
        {
            case TiposMovimientoContable.Pago:
                Par(c.DeCanal(h.Canal), $"canal:{h.Canal}", c.Clientes, "clientes", monto);
                break;
            case TiposMovimientoContable.DepositoCheque:
                Par(c.DeDeposito(h.CuentaDeposito), $"deposito:{h.CuentaDeposito}", c.DeCanal(h.Canal), $"canal:{h.Canal}", monto);
                break;
            case TiposMovimientoContable.ProtestoCheque:
                var (cuenta, concepto) = h.CuentaDeposito is null ? (c.DeCanal(h.Canal), $"canal:{h.Canal}") : (c.DeDeposito(h.CuentaDeposito), $"deposito:{h.CuentaDeposito}");
                Par(c.Clientes, "clientes", cuenta, concepto, monto);
                Par(c.GastoProtesto, "gasto_protesto", cuenta, concepto, costo);
                break;
            case TiposMovimientoContable.Castigo:
                Par(c.CastigoContraProvision ? c.ProvisionIncobrables : c.GastoIncobrables, c.CastigoContraProvision ? "provision_incobrables" : "gasto_incobrables", c.Clientes, "clientes", monto);
                break;
            case TiposMovimientoContable.RecuperoCastigo:
                Par(c.Banco, "banco", c.GastoIncobrables, "gasto_incobrables", monto);
                break;
            case TiposMovimientoContable.RecuperoCastigoPago:
                Par(c.Clientes, "clientes", c.GastoIncobrables, "gasto_incobrables", monto);
                break;
            case TiposMovimientoContable.ReversaRecuperoCastigoPago:
                Par(c.GastoIncobrables, "gasto_incobrables", c.Clientes, "clientes", monto);
                break;
            case TiposMovimientoContable.ProtestoDocumento:
                Par(c.GastoProtesto, "gasto_protesto", c.Banco, "banco", costo);
                break;
            case TiposMovimientoContable.Provision:
                Par(c.GastoIncobrables, "gasto_incobrables", c.ProvisionIncobrables, "provision_incobrables", monto);
                break;
        }

        return lineas;
    }
}

/// <summary>The account codes in force: the company's configuration, or the defaults (Clientes from Cartera's configuration if it has one).</summary>
public sealed record PlanCuentas(
    string Clientes, string Banco, string GastoIncobrables, string ProvisionIncobrables, bool CastigoContraProvision, string GastoProtesto,
    IReadOnlyDictionary<string, string> Canales, IReadOnlyDictionary<string, string> Depositos)
{
    public static readonly PlanCuentas PorDefecto = new(
        "1105", "1102", "6305", "1106", false, "6307",
        new Dictionary<string, string> { ["efectivo"] = "1101", ["cheque"] = "1104" }, new Dictionary<string, string>());

    public string DeCanal(string? canal) => canal is not null && Canales.TryGetValue(canal, out var c) ? c : Banco;

    public string DeDeposito(string? cuenta) => cuenta is not null && Depositos.TryGetValue(cuenta, out var c) ? c : Banco;

    public static async Task<PlanCuentas> CargarAsync(IntegracionesDbContext db, IMediator mediator, CancellationToken ct)
    {
        var c = await db.Set<ConfiguracionContable>().AsNoTracking().SingleOrDefaultAsync(ct);
        if (c is null)
            return PorDefecto with { Clientes = await mediator.Send(new ObtenerCuentaClientesCartera(), ct) ?? PorDefecto.Clientes };
        return new PlanCuentas(
            c.CuentaClientes, c.CuentaBanco, c.CuentaGastoIncobrables, c.CuentaProvisionIncobrables, c.CastigoContraProvision, c.CuentaGastoProtesto,
            c.CuentasCanal.ToDictionary(x => x.Clave, x => x.Cuenta), c.CuentasDeposito.ToDictionary(x => x.Clave, x => x.Cuenta));
    }
}

public sealed record ResultadoGeneracion(int Generados);

/// <summary>Generates the entries now (the job does it every few minutes for the companies with an accounting configuration).</summary>
public static class GenerarAsientos
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/integraciones/contabilidad/asientos/generar", async Task<Ok<ResultadoGeneracion>> (GeneradorAsientos generador, CancellationToken ct) =>
            TypedResults.Ok(new ResultadoGeneracion(await generador.GenerarAsync(ct))))
        .WithName("GenerarAsientosContables").WithTags("Contabilidad").ProducesProblem(409);
}

[DisallowConcurrentExecution]
public sealed class GenerarAsientosJob(IServiceScopeFactory ambitos) : IJob
{
    public static readonly JobKey Clave = new("generar-asientos", "integraciones");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await EjecutarAsync(cancellationToken);

    public async Task<int> EjecutarAsync(CancellationToken ct)
    {
        List<Guid> empresas;
        await using (var ambito = ambitos.CreateAsyncScope())
            empresas = await ambito.ServiceProvider.GetRequiredService<IntegracionesDbContext>().Set<ConfiguracionContable>().IgnoreQueryFilters().Select(c => c.EmpresaId).ToListAsync(ct);

        var total = 0;
        foreach (var empresa in empresas)
        {
            await using var ambito = ambitos.CreateAsyncScope();
            ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa, "sistema: asientos contables");
            total += await ambito.ServiceProvider.GetRequiredService<GeneradorAsientos>().GenerarAsync(ct);
        }

        return total;
    }
}
