using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Clientes;

public sealed class CambiarEstadoCreditoAutomaticoHandler(ClientesDbContext db, TimeProvider reloj) : IRequestHandler<CambiarEstadoCreditoAutomatico, bool>
{
    public async ValueTask<bool> Handle(CambiarEstadoCreditoAutomatico request, CancellationToken cancellationToken)
    {
        var cliente = await db.Clientes.SingleOrDefaultAsync(c => c.Id == request.ClienteId, cancellationToken);
        if (cliente is null)
            return false;
        var automatico = cliente.EstadoCredito == EstadosCredito.Suspendido && cliente.EstadoCambiadoPor == ControlCreditoAutomatico.Actor;
        var nuevo = request.Suspender
            ? cliente.EstadoCredito == EstadosCredito.Vigente ? EstadosCredito.Suspendido : null
            : automatico ? EstadosCredito.Vigente : null;
        if (nuevo is null)
            return false;

        var ahora = reloj.GetUtcNow();
        var motivo = request.Motivo.Trim() is { Length: > 0 } m ? m[..Math.Min(m.Length, LargosCliente.Motivo)] : "Control de crédito";
        db.HistorialEstados.Add(new HistorialEstadoCredito
        {
            ClienteId = cliente.Id, EstadoAnterior = cliente.EstadoCredito, EstadoNuevo = nuevo, Motivo = motivo, Actor = ControlCreditoAutomatico.Actor, Fecha = ahora,
        });
        cliente.EstadoCredito = nuevo;
        cliente.MotivoEstado = motivo;
        cliente.EstadoCambiadoPor = ControlCreditoAutomatico.Actor;
        cliente.EstadoCambiadoEn = ahora;
        cliente.Actualizado = ahora;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

public sealed class ClientesSuspendidosAutomaticamenteHandler(ClientesDbContext db) : IRequestHandler<ClientesSuspendidosAutomaticamente, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(ClientesSuspendidosAutomaticamente request, CancellationToken cancellationToken) =>
        await db.Clientes.AsNoTracking()
            .Where(c => c.EstadoCredito == EstadosCredito.Suspendido && c.EstadoCambiadoPor == ControlCreditoAutomatico.Actor)
            .Select(c => c.Id).ToListAsync(cancellationToken);
}
