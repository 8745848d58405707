using Mediator;

namespace Cobranzas.Notificaciones.Contracts;

/// <summary>
/// Where a client pays, for documents that tell it (the printed statement of account): the company's active deposit
/// accounts, the default one first, and the company's logo when one was uploaded.
/// </summary>
public sealed record ObtenerDatosPagoEmpresa : IRequest<DatosPagoEmpresa>;

public sealed record DatosPagoEmpresa(IReadOnlyList<CuentaDepositoInfo> Cuentas, byte[]? Logo, string? LogoContentType)
{
    public static readonly DatosPagoEmpresa Vacio = new([], null, null);
}

public sealed record CuentaDepositoInfo(string Banco, string TipoCuenta, string Numero, string Titular, string RutTitular, string? EmailNotificacion);
