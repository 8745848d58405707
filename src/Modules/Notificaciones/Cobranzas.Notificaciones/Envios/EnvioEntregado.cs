using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Notificaciones.Envios;

/// <summary>
/// The durable "the SMTP server accepted it" of one outbox message, written by the sender right after the 250 (a narrow row with one
/// index, where the outbox row has eight) and folded into its <see cref="Persistencia.Envio"/> by batch, which then becomes
/// <c>enviado</c>. A row here is as good as the mark: the claim never takes its message, and any drain folds what a crashed one left.
/// Not a company table: the sender's own queue across companies (as its claim is), never read through a company's context, and
/// one index only (its key) is the point of it.
/// </summary>
public sealed class EnvioEntregado
{
    public Guid EnvioId { get; init; }
    public DateTimeOffset Enviado { get; init; }
}

public sealed class EnvioEntregadoConfiguracion : IEntityTypeConfiguration<EnvioEntregado>
{
    public void Configure(EntityTypeBuilder<EnvioEntregado> e)
    {
        e.ToTable("envios_entregados");
        e.HasKey(x => x.EnvioId);
        e.Property(x => x.EnvioId).ValueGeneratedNever();
    }
}
