using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Credito;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Cartera.Pagos;

/// <summary>The key under which a payment confirmed by a provider was registered: one payment per (company, provider, provider payment id).</summary>
public sealed class PagoProveedor : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public required string Proveedor { get; init; }
    public required string IdPagoExterno { get; init; }
    public Guid PagoId { get; init; }
    public DateTimeOffset Creado { get; init; }
}

public sealed class PagoProveedorConfiguracion : IEntityTypeConfiguration<PagoProveedor>
{
    public void Configure(EntityTypeBuilder<PagoProveedor> e)
    {
        e.ToTable("pagos_proveedor");
        e.HasKey(x => new { x.EmpresaId, x.Proveedor, x.IdPagoExterno });
        e.Property(x => x.Proveedor).HasMaxLength(40);
        e.Property(x => x.IdPagoExterno).HasMaxLength(200);
        e.HasIndex(x => x.PagoId).IsUnique();
    }
}

public sealed class RegistrarPagoProveedorHandler(CarteraDbContext db, Aplicador aplicador, ControlCredito control, AvisoPagos aviso, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<RegistrarPagoProveedor, PagoProveedorRegistrado>
{
    public async ValueTask<PagoProveedorRegistrado> Handle(RegistrarPagoProveedor r, CancellationToken ct)
    {
        // The client's lock serialises two confirmations of one payment; the primary key stops any writer that skips it.
        await using var tx = await BloqueoCliente.TomarAsync(db, [r.ClienteId], ct);
        var previo = await db.Set<PagoProveedor>().AsNoTracking()
            .SingleOrDefaultAsync(p => p.Proveedor == r.Proveedor && p.IdPagoExterno == r.IdPagoExterno, ct);
        if (previo is not null)
        {
            var anterior = await db.Pagos.AsNoTracking().SingleAsync(p => p.Id == previo.PagoId, ct);
            return new PagoProveedorRegistrado(previo.PagoId, false, anterior.Monto - anterior.Saldo);
        }

        var ahora = reloj.GetUtcNow();
        var pago = new Pago
        {
            ClienteId = r.ClienteId, Fecha = r.Fecha, Monto = r.Monto, Saldo = r.Monto, Moneda = r.Moneda, Canal = "portal",
            Referencia = r.Referencia.Length > LargosCartera.Referencia ? r.Referencia[..LargosCartera.Referencia] : r.Referencia, Creado = ahora,
        };
        db.Pagos.Add(pago);
        db.Set<PagoProveedor>().Add(new PagoProveedor { Proveedor = r.Proveedor, IdPagoExterno = r.IdPagoExterno, PagoId = pago.Id, Creado = ahora });

        var ids = r.Documentos.Select(d => d.DocumentoId).ToList();
        var documentos = await db.Documentos.Include(d => d.Cuotas).Where(d => ids.Contains(d.Id) && d.ClienteId == r.ClienteId).ToDictionaryAsync(d => d.Id, ct);
        var lineas = new List<LineaAplicacion>();
        foreach (var pedido in r.Documentos)
        {
            var disponible = Math.Min(pedido.Monto, pago.Saldo - lineas.Sum(l => l.Monto));
            // A document cancelled, ceded or in another currency since the link was made keeps its money as saldo a favor.
            if (disponible <= 0 || !documentos.TryGetValue(pedido.DocumentoId, out var documento) || documento.Moneda != r.Moneda
                || documento.FechaAnulacion is not null || documento.FechaCesion is not null || documento.FechaEmision > r.Fecha)
                continue;
            lineas.AddRange(await aplicador.HastaSaldoAsync(documento, disponible, r.Fecha, ct));
        }

        AplicacionPago.Registrar(db, pago, lineas, r.Fecha, contexto.Actor, ahora);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await control.AplicarAsync([r.ClienteId], ct);
        await aviso.PublicarAsync([r.ClienteId], ct);
        return new PagoProveedorRegistrado(pago.Id, true, pago.Monto - pago.Saldo);
    }
}
