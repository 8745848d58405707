using System.ComponentModel;
using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Gestion.Contracts;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Cartera.CargosMora;

public sealed record CargoCuotaDto(
    Guid DocumentoId, string Tipo, long Folio, int Cuota, string Moneda, DateOnly FechaVencimiento, int DiasMora, decimal Saldo,
    decimal SaldoClp,
    decimal Interes, decimal Comision, decimal GastosCobranza, decimal Total,
    [property: Description("Si el cliente recibió un aviso gratuito en los 15 días siguientes al vencimiento (consumidores).")] bool? AvisoGratuito,
    IReadOnlyList<PasoCargoDto> Pasos);

public sealed record CargosMoraDto(
    Guid ClienteId, DateOnly Fecha,
    [property: Description("empresa (Ley 19.983 y 21.131) o consumidor (Ley 19.496 art. 37).")] string Regimen,
    [property: Description("Tasa anual aplicada (porcentaje); null = la empresa no configuró tasa y no se calcula interés. No es un monto.")] decimal? TasaAnual,
    [property: Description("Comisión de cobranza de facturas (porcentaje); no es un monto.")] decimal PorcentajeComision,
    decimal? ValorUf,
    IReadOnlyList<CargoCuotaDto> Cuotas, decimal SaldoVencido, decimal Interes, decimal Comision, decimal GastosCobranza, decimal Total,
    IReadOnlyList<string> Notas);

/// <summary>The late charges of one client at a date, step by step: what a nota de débito to the ERP would carry.</summary>
public sealed record CalcularCargosMora(Guid ClienteId, DateOnly? Fecha) : IRequest<CargosMoraDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/cargos-mora/clientes/{clienteId:guid}", async Task<Ok<CargosMoraDto>> ([AsParameters] CalcularCargosMora q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("CalcularCargosMora").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class CalcularCargosMoraValidator : AbstractValidator<CalcularCargosMora>
{
    public CalcularCargosMoraValidator() => RuleFor(x => x.Fecha).EnRango("fecha");
}

public sealed class CalcularCargosMoraHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<CalcularCargosMora, CargosMoraDto>
{
    private static readonly string Sql = SqlCartera.Leer("CargosMora/CuotasEnMora.sql");

    internal sealed record Fila(Guid DocumentoId, string Tipo, long Folio, int Numero, string Moneda, DateOnly Vencimiento, decimal Saldo, decimal SaldoDias,
        decimal? SaldoClp, decimal? Uf, decimal? Dolar);

    public async ValueTask<CargosMoraDto> Handle(CalcularCargosMora request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var fecha = request.Fecha ?? hoy;
        if (fecha > hoy)
            throw new ReglaNegocioException("fecha", "fecha_futura", "La fecha del cálculo no puede ser futura.");
        var cliente = (await ResolucionCliente.PorIdAsync(mediator, [request.ClienteId], cancellationToken)).GetValueOrDefault(request.ClienteId)
            ?? throw new NoEncontradoException("Cliente", request.ClienteId);
        var regimen = cliente.Consumidor ? RegimenesCargo.Consumidor : RegimenesCargo.Empresa;
        var ajustes = ConfiguracionCargosMoraDto.De(await db.Set<ConfiguracionCargosMora>().AsNoTracking().SingleOrDefaultAsync(cancellationToken));

        var filas = await LeerAsync(db, contexto.EmpresaId, cliente.Id, fecha, cancellationToken);
        ConsultaAntiguedad.VerificarCambios(fecha, filas.Count(f => f.SaldoClp is null && f.Moneda == Monedas.Uf), filas.Count(f => f.SaldoClp is null && f.Moneda == Monedas.Usd));
        var uf = filas.FirstOrDefault()?.Uf;
        var conGastos = regimen == RegimenesCargo.Consumidor
            ? filas.Where(f => fecha.DayNumber - f.Vencimiento.DayNumber > ReglasCargosMora.DiasSinGastosConsumidor).ToList()
            : [];
        if (conGastos.Count > 0 && uf is null)
            throw new ReglaNegocioException("fecha", "falta_valor_uf",
                $"Falta el valor UF del {fecha:yyyy-MM-dd} para calcular los gastos de cobranza de un consumidor (sus topes van en UF); cárguelo en /api/v1/valores-uf.");
        var avisos = conGastos.Count == 0
            ? []
            : await mediator.Send(new ObtenerAvisosCobranza(cliente.Id, conGastos.Min(f => f.Vencimiento).AddDays(1),
                conGastos.Max(f => f.Vencimiento).AddDays(ReglasCargosMora.DiasAvisoGratuito)), cancellationToken);

        var cuotas = filas.Select(f =>
        {
            bool? aviso = regimen == RegimenesCargo.Consumidor
                ? avisos.Any(d => d > f.Vencimiento && d <= f.Vencimiento.AddDays(ReglasCargosMora.DiasAvisoGratuito))
                : null;
            var valorMoneda = f.Moneda switch { Monedas.Uf => f.Uf!.Value, Monedas.Usd => f.Dolar!.Value, _ => 1m };
            var c = ReglasCargosMora.Calcular(new CuotaEnMora(f.Tipo, f.Moneda, f.Vencimiento, f.Saldo, f.SaldoDias, f.SaldoClp!.Value, valorMoneda),
                fecha, regimen, ajustes.TasaEfectiva, ajustes.PorcentajeComision, uf, aviso ?? true);
            return new CargoCuotaDto(f.DocumentoId, f.Tipo, f.Folio, f.Numero, f.Moneda, f.Vencimiento, c.DiasMora, f.Saldo, f.SaldoClp!.Value,
                c.Interes, c.Comision, c.GastosCobranza, c.Total, aviso, c.Pasos);
        }).ToList();

        List<string> notas = [];
        if (ajustes.TasaEfectiva is null)
            notas.Add("La empresa no ha configurado la tasa de interés moratorio: no se calcula interés.");
        if (regimen == RegimenesCargo.Consumidor)
            notas.Add("Consumidor (Ley 19.496 art. 37): gastos de cobranza desde el día 21 de atraso, con tope por tramos en UF.");
        else
            notas.Add("Deudor empresa: interés desde el día siguiente al vencimiento y comisión de cobranza sobre facturas (Ley 19.983 y 21.131).");
        return new CargosMoraDto(cliente.Id, fecha, regimen, ajustes.TasaEfectiva, ajustes.PorcentajeComision, uf, cuotas, cuotas.Sum(c => c.SaldoClp),
            cuotas.Sum(c => c.Interes), cuotas.Sum(c => c.Comision), cuotas.Sum(c => c.GastosCobranza), cuotas.Sum(c => c.Total), notas);
    }

    /// <summary>The client's overdue installments at the date, with their day-balance sums (convenios read their interest from here too).</summary>
    internal static async Task<List<Fila>> LeerAsync(CarteraDbContext db, Guid empresaId, Guid clienteId, DateOnly fecha, CancellationToken ct)
    {
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await conexion.OpenAsync(ct);
        await using var comando = new NpgsqlCommand(Sql, conexion);
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = empresaId });
        comando.Parameters.Add(new NpgsqlParameter("cliente", NpgsqlDbType.Uuid) { Value = clienteId });
        comando.Parameters.Add(new NpgsqlParameter("fecha", NpgsqlDbType.Date) { Value = fecha });
        await using var lector = await comando.ExecuteReaderAsync(ct);
        var filas = new List<Fila>();
        while (await lector.ReadAsync(ct))
            filas.Add(new Fila(lector.GetGuid(0), lector.GetString(1), lector.GetInt64(2), lector.GetInt32(3), lector.GetString(4), lector.GetFieldValue<DateOnly>(5),
                lector.GetDecimal(6), lector.GetDecimal(7), lector.IsDBNull(8) ? null : lector.GetDecimal(8), lector.IsDBNull(9) ? null : lector.GetDecimal(9),
                lector.IsDBNull(10) ? null : lector.GetDecimal(10)));
        return filas;
    }
}
