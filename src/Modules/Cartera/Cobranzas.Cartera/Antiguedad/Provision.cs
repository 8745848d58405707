using System.ComponentModel;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;

namespace Cobranzas.Cartera.Antiguedad;

public sealed record ProvisionTramoDto(string Codigo, decimal Saldo, [property: Description("Porcentaje (0 a 100), exacto; no es un monto.")] decimal Porcentaje, decimal Provision);

public sealed record ProvisionDto(DateOnly FechaCorte, string Moneda, IReadOnlyList<ProvisionTramoDto> Tramos, decimal Saldo, decimal Provision);

/// <summary>
/// Provisión de incobrables: the aging at the cut-off date (by due date, in CLP) times the company's
/// provision percentage for each bucket, rounded to the peso per bucket.
/// </summary>
public sealed record CalcularProvision(DateOnly? FechaCorte, Guid? ClienteId) : IRequest<ProvisionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/cartera/provision", async Task<Ok<ProvisionDto>> ([AsParameters] CalcularProvision q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("CalcularProvision").ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
}

public sealed class CalcularProvisionValidator : AbstractValidator<CalcularProvision>
{
    public CalcularProvisionValidator() => RuleFor(x => x.FechaCorte).EnRango("fechaCorte");
}

public sealed class CalcularProvisionHandler(CarteraDbContext db, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<CalcularProvision, ProvisionDto>
{
    public async ValueTask<ProvisionDto> Handle(CalcularProvision request, CancellationToken cancellationToken)
    {
        var corte = request.FechaCorte ?? FechaNegocio.Hoy(reloj);
        var ajustes = await AjustesCartera.CargarAsync(db, cancellationToken);
        var tramos = ajustes.Tramos;
        var (_, totales) = await ConsultaAntiguedad.EjecutarAsync(db, new OpcionesAntiguedad(contexto.EmpresaId, corte, tramos) { Cliente = request.ClienteId }, cancellationToken);
        var lineas = tramos.Select((t, i) =>
        {
            var porcentaje = ajustes.PorcentajesProvision[i];
            return new ProvisionTramoDto(t.Codigo, totales.Montos[i], porcentaje, decimal.Round(totales.Montos[i] * porcentaje / 100m, 0, MidpointRounding.AwayFromZero));
        }).ToList();
        return new ProvisionDto(corte, Monedas.Clp, lineas, totales.Total, lineas.Sum(l => l.Provision));
    }
}
