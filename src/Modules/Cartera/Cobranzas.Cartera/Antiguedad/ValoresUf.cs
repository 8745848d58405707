using Cobranzas.Cartera.Persistencia;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Antiguedad;

public sealed record ValorUfDto(DateOnly Fecha, decimal Valor);

/// <summary>UF values by date (a national index, shared by every company): inserted or replaced.</summary>
public sealed record GuardarValoresUf(IReadOnlyList<ValorUfDto> Cuerpo) : IRequest<int>;

public sealed class GuardarValoresUfValidator : AbstractValidator<GuardarValoresUf>
{
    public GuardarValoresUfValidator()
    {
        RuleFor(x => x.Cuerpo).NotEmpty().Must(v => v.Count <= 5000).WithMessage("Máximo 5000 valores por solicitud.")
            .Must(v => v.Select(x => x.Fecha).Distinct().Count() == v.Count).WithErrorCode("fecha_repetida").WithMessage("Cada fecha va una sola vez.");
        RuleForEach(x => x.Cuerpo).ChildRules(v =>
        {
            v.RuleFor(x => x.Fecha).NotEmpty();
            v.RuleFor(x => x.Valor).GreaterThan(0).LessThan(1_000_000m).Must(x => x == Math.Round(x, 2)).WithErrorCode("escala").WithMessage("El valor UF tiene 2 decimales.");
        });
    }
}

public sealed class GuardarValoresUfHandler(CarteraDbContext db) : IRequestHandler<GuardarValoresUf, int>
{
    public async ValueTask<int> Handle(GuardarValoresUf request, CancellationToken cancellationToken)
    {
        var fechas = request.Cuerpo.Select(v => v.Fecha).ToList();
        var existentes = await db.ValoresUf.Where(v => fechas.Contains(v.Fecha)).ToDictionaryAsync(v => v.Fecha, cancellationToken);
        foreach (var v in request.Cuerpo)
        {
            if (existentes.TryGetValue(v.Fecha, out var existente))
                existente.Valor = v.Valor;
            else
                db.ValoresUf.Add(new ValorUf { Fecha = v.Fecha, Valor = v.Valor });
        }

        await db.SaveChangesAsync(cancellationToken);
        return request.Cuerpo.Count;
    }
}

public sealed record ListarValoresUf(DateOnly? Desde, DateOnly? Hasta) : IRequest<IReadOnlyList<ValorUfDto>>;

public sealed class ListarValoresUfHandler(CarteraDbContext db) : IRequestHandler<ListarValoresUf, IReadOnlyList<ValorUfDto>>
{
    public async ValueTask<IReadOnlyList<ValorUfDto>> Handle(ListarValoresUf request, CancellationToken cancellationToken)
    {
        var hasta = request.Hasta ?? DateOnly.MaxValue;
        var desde = request.Desde ?? DateOnly.MinValue;
        return await db.ValoresUf.AsNoTracking().Where(v => v.Fecha >= desde && v.Fecha <= hasta).OrderBy(v => v.Fecha)
            .Select(v => new ValorUfDto(v.Fecha, v.Valor)).Take(1000).ToListAsync(cancellationToken);
    }
}
