using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Notificaciones.Envios;

/// <summary>
/// A drain's claim on one pending outbox message, until <see cref="Hasta"/> (the claim's token). It lives beside the outbox row, not
/// in it: claiming, releasing and folding a batch then write narrow rows with one index, where stamping the lease on the wide row
/// rewrote it with its eight index entries. A claim takes a message with no lease or an expired one (a crashed drain's), and the
/// fold that makes the message <c>enviado</c> removes its lease. Not a company table, as <see cref="EnvioEntregado"/>.
/// </summary>
public sealed class EnvioArrendado
{
    public Guid EnvioId { get; init; }
    public DateTimeOffset Hasta { get; init; }
}

public sealed class EnvioArrendadoConfiguracion : IEntityTypeConfiguration<EnvioArrendado>
{
    public void Configure(EntityTypeBuilder<EnvioArrendado> e)
    {
        e.ToTable("envios_arriendos");
        e.HasKey(x => x.EnvioId);
        e.Property(x => x.EnvioId).ValueGeneratedNever();
    }
}
