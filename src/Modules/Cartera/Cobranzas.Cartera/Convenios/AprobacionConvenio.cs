namespace Cobranzas.Cartera.Convenios;

public static class EstadosAprobacion
{
    public const string Pendiente = "pendiente";
    public const string Aprobada = "aprobada";
    public const string Rechazada = "rechazada";
}

/// <summary>
/// The one call site of the convenio approval step. The approval-levels mechanism (Clientes, contract
/// <c>Cobranzas.Clientes.Contracts/Aprobaciones.cs</c>, subject Tipo = "convenio") is not on this branch yet: until it is merged,
/// the request stays pending and a single decision by a supervisor settles it. Swap these two methods for the contract's
/// requests; nothing else in the convenio flow knows how approval is decided.
/// </summary>
public sealed class AprobacionConvenio
{
    public const string TipoSujeto = "convenio";

    public Task<string> AbrirAsync(Convenio convenio, CancellationToken ct) => Task.FromResult(EstadosAprobacion.Pendiente);

    public Task<string> DecidirAsync(Convenio convenio, bool aprobar, string? comentario, CancellationToken ct) =>
        Task.FromResult(aprobar ? EstadosAprobacion.Aprobada : EstadosAprobacion.Rechazada);
}
