using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contactos;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Platform.Autenticacion;
using Mediator;

namespace Cobranzas.Api.Demo;

/// <summary>
/// A contact of the demo client that owes the most overdue, with a known e-mail, so the client portal opens on first run:
/// ask the link at <c>/portal/acceso</c> with that e-mail and the company's RUT, and open it from the mail test inbox.
/// </summary>
public sealed class DemoPortal(IServiceProvider servicios, Guid empresaId, string rutEmpresa, string dominio)
{
    public async Task<string> CargarAsync(CancellationToken ct)
    {
        await using var scope = servicios.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ContextoSolicitud>().Establecer(empresaId, "demo");
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var clientes = await mediator.Send(new ListarDatosAsignacion(null), ct);
        Guid? elegido = null;
        var mayor = -1m;
        foreach (var c in clientes.Take(40))
        {
            var vencido = (await mediator.Send(new ObtenerSaldoCliente(c.Id), ct)).Where(s => s.Moneda == "CLP").Sum(s => s.SaldoVencido);
            if (vencido > mayor)
                (mayor, elegido) = (vencido, c.Id);
        }

        var email = $"portal@cliente.{dominio}";
        if (elegido is { } clienteId)
        {
            await mediator.Send(new CrearContacto(clienteId, new DatosContacto("Tesorería (portal demo)", "Tesorera", "pagos", email, null, "email", false)), ct);
        }

        return $"Portal de clientes: /portal/acceso?empresa={Uri.EscapeDataString(rutEmpresa)}&email={Uri.EscapeDataString(email)} (el enlace llega a la bandeja de pruebas)";
    }
}
