using Cobranzas.Integraciones.Persistencia;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Integraciones.Contabilidad;

public sealed record CuentaPorClaveDto(string Clave, string Cuenta);

public sealed record DatosConfiguracionContable(
    string CuentaClientes, string CuentaBanco, string CuentaGastoIncobrables, string CuentaProvisionIncobrables, bool CastigoContraProvision, string CuentaGastoProtesto,
    IReadOnlyList<CuentaPorClaveDto> CuentasCanal, IReadOnlyList<CuentaPorClaveDto> CuentasDeposito);

public sealed record ConfiguracionContableDto(
    string CuentaClientes, string CuentaBanco, string CuentaGastoIncobrables, string CuentaProvisionIncobrables, bool CastigoContraProvision, string CuentaGastoProtesto,
    IReadOnlyList<CuentaPorClaveDto> CuentasCanal, IReadOnlyList<CuentaPorClaveDto> CuentasDeposito, IReadOnlyList<string> Canales, bool PorDefecto)
{
    /// <summary>Cartera's payment channels (a payment's channel picks the account it debits).</summary>
    public static readonly string[] CanalesPago = ["efectivo", "cheque", "transferencia", "tarjeta", "portal"];

    public static ConfiguracionContableDto Desde(PlanCuentas p, bool porDefecto) => new(
        p.Clientes, p.Banco, p.GastoIncobrables, p.ProvisionIncobrables, p.CastigoContraProvision, p.GastoProtesto,
        p.Canales.OrderBy(c => Array.IndexOf(CanalesPago, c.Key)).Select(c => new CuentaPorClaveDto(c.Key, c.Value)).ToList(),
        p.Depositos.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new CuentaPorClaveDto(c.Key, c.Value)).ToList(), CanalesPago, porDefecto);
}

public sealed record ObtenerConfiguracionContable : IRequest<ConfiguracionContableDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapGet("/integraciones/contabilidad/configuracion", async Task<Ok<ConfiguracionContableDto>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerConfiguracionContable(), ct)))
        .WithName("ObtenerConfiguracionContable").WithTags("Contabilidad");
}

public sealed class ObtenerConfiguracionContableHandler(IntegracionesDbContext db, IMediator mediator) : IRequestHandler<ObtenerConfiguracionContable, ConfiguracionContableDto>
{
    public async ValueTask<ConfiguracionContableDto> Handle(ObtenerConfiguracionContable request, CancellationToken cancellationToken) =>
        ConfiguracionContableDto.Desde(await PlanCuentas.CargarAsync(db, mediator, cancellationToken), !await db.Set<ConfiguracionContable>().AnyAsync(cancellationToken));
}

public sealed record GuardarConfiguracionContable(DatosConfiguracionContable Cuerpo) : IRequest<ConfiguracionContableDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/integraciones/contabilidad/configuracion", async Task<Ok<ConfiguracionContableDto>> (DatosConfiguracionContable body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GuardarConfiguracionContable(body), ct)))
        .WithName("GuardarConfiguracionContable").WithTags("Contabilidad").ProducesValidationProblem();
}

public sealed class DatosConfiguracionContableValidator : AbstractValidator<DatosConfiguracionContable>
{
    public DatosConfiguracionContableValidator()
    {
        foreach (var (campo, valor) in new (string, Func<DatosConfiguracionContable, string>)[]
                 {
                     ("cuentaClientes", x => x.CuentaClientes), ("cuentaBanco", x => x.CuentaBanco), ("cuentaGastoIncobrables", x => x.CuentaGastoIncobrables),
                     ("cuentaProvisionIncobrables", x => x.CuentaProvisionIncobrables), ("cuentaGastoProtesto", x => x.CuentaGastoProtesto),
                 })
            RuleFor(x => valor(x)).Cuenta().OverridePropertyName(campo);

        RuleFor(x => x.CuentasCanal).NotNull().Must(l => l is null || l.Count <= ConfiguracionContableDto.CanalesPago.Length)
            .WithErrorCode("demasiadas").WithMessage("Hay una cuenta por canal como máximo.");
        RuleForEach(x => x.CuentasCanal).NotNull().WithErrorCode("requerido").WithMessage("Cada cuenta por canal es un objeto, no null.").ChildRules(c =>
        {
            c.RuleFor(x => x.Clave).NotEmpty().Must(k => ConfiguracionContableDto.CanalesPago.Contains(k)).WithErrorCode("canal_invalido")
                .WithMessage($"Clave debe ser un canal: {string.Join(", ", ConfiguracionContableDto.CanalesPago)}.");
            c.RuleFor(x => x.Cuenta).Cuenta();
        });
        RuleFor(x => x.CuentasCanal).Must(SinRepetidas).WithErrorCode("repetida").WithMessage("Un canal aparece dos veces.");

        RuleFor(x => x.CuentasDeposito).NotNull().Must(l => l is null || l.Count <= LargosContabilidad.MaximoCuentasPorLista)
            .WithErrorCode("demasiadas").WithMessage($"Hasta {LargosContabilidad.MaximoCuentasPorLista} cuentas de depósito.");
        RuleForEach(x => x.CuentasDeposito).NotNull().WithErrorCode("requerido").WithMessage("Cada cuenta de depósito es un objeto, no null.").ChildRules(c =>
        {
            c.RuleFor(x => x.Clave).NotEmpty().MaximumLength(LargosContabilidad.Clave);
            c.RuleFor(x => x.Cuenta).Cuenta();
        });
        RuleFor(x => x.CuentasDeposito).Must(SinRepetidas).WithErrorCode("repetida").WithMessage("Una cuenta de depósito aparece dos veces.");
    }

    private static bool SinRepetidas(IReadOnlyList<CuentaPorClaveDto>? lista) =>
        lista is null || lista.Where(c => c is not null).Select(c => c.Clave?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == lista.Count(c => c is not null);
}

public static class ReglasCuenta
{
    /// <summary>An account code: digits, letters, dots and dashes (the ERP's chart of accounts), up to 50 characters.</summary>
    public static IRuleBuilderOptions<T, string> Cuenta<T>(this IRuleBuilder<T, string> regla) =>
        regla.NotEmpty().MaximumLength(LargosContabilidad.Cuenta).Matches(@"^[0-9A-Za-z][0-9A-Za-z.\-]*$").WithErrorCode("formato")
            .WithMessage("La cuenta lleva solo dígitos, letras, puntos y guiones (p. ej. 1.1.05 o 110501).");
}

public sealed class GuardarConfiguracionContableValidator : AbstractValidator<GuardarConfiguracionContable>
{
    public GuardarConfiguracionContableValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosConfiguracionContableValidator());
}

public sealed class GuardarConfiguracionContableHandler(IntegracionesDbContext db, IMediator mediator) : IRequestHandler<GuardarConfiguracionContable, ConfiguracionContableDto>
{
    public async ValueTask<ConfiguracionContableDto> Handle(GuardarConfiguracionContable request, CancellationToken cancellationToken)
    {
        var d = request.Cuerpo;
        var c = await db.Set<ConfiguracionContable>().SingleOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            c = new ConfiguracionContable { CuentaClientes = "", CuentaBanco = "", CuentaGastoIncobrables = "", CuentaProvisionIncobrables = "", CuentaGastoProtesto = "" };
            db.Set<ConfiguracionContable>().Add(c);
        }

        c.CuentaClientes = d.CuentaClientes.Trim();
        c.CuentaBanco = d.CuentaBanco.Trim();
        c.CuentaGastoIncobrables = d.CuentaGastoIncobrables.Trim();
        c.CuentaProvisionIncobrables = d.CuentaProvisionIncobrables.Trim();
        c.CastigoContraProvision = d.CastigoContraProvision;
        c.CuentaGastoProtesto = d.CuentaGastoProtesto.Trim();
        c.CuentasCanal = d.CuentasCanal.Select(x => new CuentaPorClave { Clave = x.Clave.Trim(), Cuenta = x.Cuenta.Trim() }).ToList();
        c.CuentasDeposito = d.CuentasDeposito.Select(x => new CuentaPorClave { Clave = x.Clave.Trim(), Cuenta = x.Cuenta.Trim() }).ToList();
        await db.SaveChangesAsync(cancellationToken);
        return ConfiguracionContableDto.Desde(await PlanCuentas.CargarAsync(db, mediator, cancellationToken), false);
    }
}
