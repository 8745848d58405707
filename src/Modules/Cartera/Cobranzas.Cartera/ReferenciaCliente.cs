using Cobranzas.Clientes.Contracts;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using Mediator;

namespace Cobranzas.Cartera;

/// <summary>Finds the client a request names by id or by RUT, through the Clientes module's contract.</summary>
public static class ResolucionCliente
{
    public static async Task<ClienteInfo> ResolverAsync(IMediator mediator, Guid? clienteId, string? rut, CancellationToken ct)
    {
        SharedKernel.Rut.Rut? parseado = rut is not null && SharedKernel.Rut.Rut.TryParse(rut, out var r) ? r.Value : null;
        var canonico = parseado?.Canonico;
        var encontrados = await mediator.Send(new BuscarClientes(clienteId is { } id ? [id] : [], canonico is null ? [] : [canonico]), ct);
        var cliente = clienteId is { } buscado ? encontrados.FirstOrDefault(c => c.Id == buscado) : encontrados.FirstOrDefault(c => c.Rut == canonico);
        if (cliente is null)
            throw clienteId is not null
                ? new ReglaNegocioException("clienteId", "cliente_inexistente", $"El cliente '{clienteId}' no existe en la empresa.")
                : new ReglaNegocioException("rut", "cliente_inexistente", $"No hay un cliente con RUT {parseado?.Formateado ?? rut}.");
        if (clienteId is not null && canonico is not null && cliente.Rut != canonico)
            throw new ReglaNegocioException("rut", "cliente_distinto", "El RUT no corresponde al cliente indicado en clienteId.");
        return cliente;
    }

    public static async Task<IReadOnlyDictionary<Guid, ClienteInfo>> PorIdAsync(IMediator mediator, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var lista = ids.Distinct().ToList();
        if (lista.Count == 0)
            return new Dictionary<Guid, ClienteInfo>();
        return (await mediator.Send(new BuscarClientes(lista, []), ct)).ToDictionary(c => c.Id);
    }
}

public static class ValidacionReferenciaCliente
{
    /// <summary>A request names its client by clienteId or by RUT, not both missing.</summary>
    public static void ClienteIdORut<T>(this AbstractValidator<T> v, Func<T, Guid?> id, Func<T, string?> rut)
    {
        v.RuleFor(x => x).Must(x => id(x) is not null || !string.IsNullOrWhiteSpace(rut(x)))
            .OverridePropertyName("clienteId").WithErrorCode("requerido").WithMessage("Indique clienteId o rut.");
        v.RuleFor(x => rut(x)).Must(r => r is null || SharedKernel.Rut.Rut.TryParse(r, out _))
            .OverridePropertyName("rut").WithErrorCode("rut_invalido").WithMessage("RUT inválido.");
    }
}
