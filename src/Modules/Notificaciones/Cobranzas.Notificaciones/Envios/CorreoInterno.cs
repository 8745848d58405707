using Cobranzas.Notificaciones.Contracts;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace Cobranzas.Notificaciones.Envios;

/// <summary>A file of an outbox message, attached by the sender when it builds the message.</summary>
public sealed class AdjuntoEnvio : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid EnvioId { get; init; }
    public required string Nombre { get; init; }
    public required string TipoContenido { get; init; }
    public required byte[] Contenido { get; init; }
}

public sealed class AdjuntoEnvioConfiguracion : IEntityTypeConfiguration<AdjuntoEnvio>
{
    public void Configure(EntityTypeBuilder<AdjuntoEnvio> e)
    {
        e.ToTable("envios_adjuntos");
        e.Property(x => x.Nombre).HasMaxLength(LargosNotificaciones.Nombre);
        e.Property(x => x.TipoContenido).HasMaxLength(100);
        e.HasIndex(x => x.EnvioId);
        e.HasOne<Envio>().WithMany().HasForeignKey(x => x.EnvioId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// An internal message (an executive report to the company's own users): an outbox row with no client (<see cref="Guid.Empty"/>) and its
/// timeline step already done, so the sender only delivers it; the row and its files are written in one transaction and the unique key
/// makes a second request with the same key a no-op. The sender is told at once (<see cref="AvisoEnvios"/>): a portal access link is
/// waited for by someone at the screen, not by the sender's next tick.
/// </summary>
public sealed class EncolarCorreoInternoHandler(NotificacionesDbContext db, TimeProvider reloj, AvisoEnvios aviso) : IRequestHandler<EncolarCorreoInterno, bool>
{
    public async ValueTask<bool> Handle(EncolarCorreoInterno r, CancellationToken ct)
    {
        if (r.Para.Count == 0 || await db.Envios.AnyAsync(e => e.Clave == r.Clave, ct))
            return false;
        var ahora = reloj.GetUtcNow();
        var id = Guid.CreateVersion7();
        db.Envios.Add(new Envio
        {
            Id = id, EmpresaId = db.EmpresaActual, Clave = r.Clave, Origen = OrigenesEnvio.Interno, FechaNegocio = r.Fecha, Para = [.. r.Para.Select(p => new MimeKit.MailboxAddress(p.Nombre, p.Email.Trim()).ToString())],
            Asunto = EjecutarDefinicionHandler.Recortar(r.Asunto, LargosNotificaciones.Asunto), Html = r.Html, Texto = r.Texto,
            MessageId = $"{id:N}@notificaciones.cobranzas", ProximoIntento = ahora, Creado = ahora, ActividadRegistrada = true,
        });
        foreach (var a in r.Adjuntos)
            db.Add(new AdjuntoEnvio { EmpresaId = db.EmpresaActual, EnvioId = id, Nombre = a.Nombre, TipoContenido = a.TipoContenido, Contenido = a.Contenido });
        try
        {
            await db.SaveChangesAsync(ct);
            await aviso.AvisarAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request took the key between the check and the insert.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
