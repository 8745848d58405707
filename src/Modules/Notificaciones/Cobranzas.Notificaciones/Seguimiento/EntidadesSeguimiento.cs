using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Auditoria;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Notificaciones.Seguimiento;

/// <summary>A message that came back to the replies mailbox for one of the company's mails: a reply, an automatic reply or a bounce, as received.</summary>
public sealed class RespuestaCorreo : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid EnvioId { get; init; }
    public Guid ClienteId { get; init; }

    /// <summary><see cref="TiposEvento.Respuesta"/>, <see cref="TiposEvento.RespuestaAutomatica"/> or <see cref="TiposEvento.Rebote"/>.</summary>
    public required string Tipo { get; init; }

    public required string De { get; init; }
    public required string Asunto { get; init; }
    public required string Texto { get; init; }
    public string? MessageId { get; init; }
    public DateTimeOffset Fecha { get; init; }
    public DateTimeOffset Recibida { get; init; }

    /// <summary>Why it was taken as automatic (the header or subject that said so), or the bounce's status.</summary>
    public string? Motivo { get; init; }

    public bool AcuseEnviado { get; set; }
}

/// <summary>A message of the IMAP mailbox already processed (any company, or none): each one is processed once, whatever the replicas.</summary>
[SinAuditoria]
public sealed class MensajeImap
{
    /// <summary><c>{carpeta}:{uidvalidity}:{uid}</c>.</summary>
    public required string Clave { get; init; }

    public string? MessageId { get; init; }
    public DateTimeOffset Procesado { get; init; }

    /// <summary>What it was taken for: respuesta, respuesta_automatica, rebote, rebote_temporal, sin_envio.</summary>
    public required string Resultado { get; init; }

    public Guid? EnvioId { get; init; }
}

public sealed class RespuestaCorreoConfiguracion : IEntityTypeConfiguration<RespuestaCorreo>
{
    public void Configure(EntityTypeBuilder<RespuestaCorreo> e)
    {
        e.ToTable("respuestas");
        e.Property(x => x.Tipo).HasMaxLength(30);
        e.Property(x => x.De).HasMaxLength(LargosNotificaciones.Email);
        e.Property(x => x.Asunto).HasMaxLength(LargosSeguimiento.Asunto);
        e.Property(x => x.Texto).HasMaxLength(LargosSeguimiento.Texto);
        e.Property(x => x.MessageId).HasMaxLength(LargosSeguimiento.MessageId);
        e.Property(x => x.Motivo).HasMaxLength(LargosNotificaciones.Detalle);
        e.HasIndex(x => new { x.EmpresaId, x.EnvioId, x.Fecha });
        e.HasOne<Envio>().WithMany().HasForeignKey(x => x.EnvioId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MensajeImapConfiguracion : IEntityTypeConfiguration<MensajeImap>
{
    public void Configure(EntityTypeBuilder<MensajeImap> e)
    {
        e.ToTable("mensajes_imap");
        e.HasKey(x => x.Clave);
        e.Property(x => x.Clave).HasMaxLength(300);
        e.Property(x => x.MessageId).HasMaxLength(LargosSeguimiento.MessageId);
        e.Property(x => x.Resultado).HasMaxLength(30);
        e.HasIndex(x => x.MessageId);
    }
}

public static class LargosSeguimiento
{
    public const int Asunto = 500;
    public const int Texto = 20_000;
    public const int MessageId = 300;
    public const int Resumen = 280;
}
