using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Rut;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Clientes;

/// <summary>The editable master data of a client, shared by create, update and import.</summary>
public sealed record DatosCliente(
    string Rut,
    string RazonSocial,
    string? NombreFantasia,
    string? Giro,
    string? Direccion,
    string? Comuna,
    string? Region,
    string Segmento,
    bool CuentaClave,
    string? EjecutivoId,
    [property: System.ComponentModel.Description("Consumidor (Ley 19.496): null toma el valor del RUT (persona natural bajo 50.000.000).")] bool? Consumidor = null,
    [property: System.ComponentModel.Description("Latitud WGS84 (-90 a 90); junto con longitud, o ninguna de las dos.")] double? Latitud = null,
    [property: System.ComponentModel.Description("Longitud WGS84 (-180 a 180); junto con latitud, o ninguna de las dos.")] double? Longitud = null);

public sealed class DatosClienteValidator : AbstractValidator<DatosCliente>
{
    public DatosClienteValidator()
    {
        RuleFor(x => x.Rut).EsRut();
        RuleFor(x => x.RazonSocial).NotEmpty().MaximumLength(LargosCliente.RazonSocial);
        RuleFor(x => x.NombreFantasia).MaximumLength(LargosCliente.RazonSocial);
        RuleFor(x => x.Giro).MaximumLength(LargosCliente.Giro);
        RuleFor(x => x.Direccion).MaximumLength(LargosCliente.Direccion);
        RuleFor(x => x.Comuna).MaximumLength(LargosCliente.Lugar);
        RuleFor(x => x.Region).MaximumLength(LargosCliente.Lugar);
        RuleFor(x => x.Segmento).NotEmpty().MaximumLength(LargosCliente.Segmento);
        RuleFor(x => x.EjecutivoId).MaximumLength(100);
        RuleFor(x => x.Latitud).InclusiveBetween(-90, 90);
        RuleFor(x => x.Longitud).InclusiveBetween(-180, 180);
        RuleFor(x => x.Latitud).NotNull().When(x => x.Longitud is not null).WithErrorCode("requerido").WithMessage("Indique la latitud junto con la longitud.");
        RuleFor(x => x.Longitud).NotNull().When(x => x.Latitud is not null).WithErrorCode("requerido").WithMessage("Indique la longitud junto con la latitud.");
    }
}

/// <summary>How client data is written: the checks that need the database (unique RUT, existing segment, executive in the company), then the trimmed copy onto the entity.</summary>
public sealed class EscrituraCliente(ClientesDbContext db, IMediator mediator, IContextoSolicitud contexto)
{
    public async Task ValidarAsync(DatosCliente datos, Guid? clienteId, CancellationToken ct)
    {
        var parseado = SharedKernel.Rut.Rut.Parse(datos.Rut);
        var rut = parseado.Canonico;
        if (await db.Clientes.AnyAsync(c => c.Rut == rut && c.Id != clienteId, ct))
            throw new ConflictoException("rut", $"Ya existe un cliente con RUT {parseado.Formateado}.");

        if (!await db.Politicas.AnyAsync(p => p.Segmento == datos.Segmento, ct))
            throw new ReglaNegocioException("segmento", "segmento_inexistente", $"El segmento '{datos.Segmento}' no tiene política de crédito; créela primero.");

        if (!string.IsNullOrEmpty(datos.EjecutivoId) && !await mediator.Send(new ExisteUsuarioEnEmpresa(contexto.EmpresaId, datos.EjecutivoId), ct))
            throw new ReglaNegocioException("ejecutivoId", "ejecutivo_inexistente", "El ejecutivo asignado no es un usuario activo de la empresa.");
    }

    public static void Aplicar(Cliente cliente, DatosCliente datos, DateTimeOffset ahora)
    {
        cliente.Rut = SharedKernel.Rut.Rut.Parse(datos.Rut).Canonico;
        cliente.RazonSocial = datos.RazonSocial.Trim();
        cliente.NombreFantasia = Limpio(datos.NombreFantasia);
        cliente.Giro = Limpio(datos.Giro);
        cliente.Direccion = Limpio(datos.Direccion);
        cliente.Comuna = Limpio(datos.Comuna);
        cliente.Region = Limpio(datos.Region);
        cliente.Segmento = datos.Segmento.Trim();
        cliente.CuentaClave = datos.CuentaClave;
        cliente.Consumidor = datos.Consumidor;
        cliente.EjecutivoId = Limpio(datos.EjecutivoId);
        cliente.Latitud = datos.Latitud;
        cliente.Longitud = datos.Longitud;
        cliente.Actualizado = ahora;
    }

    public static string? Limpio(string? texto) => string.IsNullOrWhiteSpace(texto) ? null : texto.Trim();
}
