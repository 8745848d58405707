using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Notificaciones.Seguimiento;

/// <summary>
/// The HMAC key that signs the public links of every mail (<see cref="TokensSeguimiento"/>), one row for the whole installation so that
/// every replica signs and checks with the same key. Stored protected by Data Protection (whose key ring is itself in PostgreSQL), so the
/// database alone does not give it away. Not a company table: a link is checked before anyone knows its company.
/// </summary>
public sealed class ClaveEnlaces
{
    public const short Unica = 1;

    public short Id { get; init; }
    public string ClaveProtegida { get; init; } = "";
    public DateTimeOffset Creada { get; init; }
}

public sealed class ClaveEnlacesConfiguracion : IEntityTypeConfiguration<ClaveEnlaces>
{
    public void Configure(EntityTypeBuilder<ClaveEnlaces> e)
    {
        e.ToTable("clave_enlaces", t => t.HasCheckConstraint("ck_clave_enlaces_unica", $"id = {ClaveEnlaces.Unica}"));
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.ClaveProtegida).HasMaxLength(1000);
    }
}
