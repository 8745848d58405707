using Cobranzas.SharedKernel.Persistence;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Persistencia;

public sealed class CarteraDbContext(DbContextOptions<CarteraDbContext> options, IContextoSolicitud contexto, TimeProvider reloj)
    : ModuloDbContext(options, contexto, reloj)
{
    public const string Esquema = "cartera";

    public DbSet<Documento> Documentos => Set<Documento>();
    public DbSet<Cuota> Cuotas => Set<Cuota>();
    public DbSet<Pago> Pagos => Set<Pago>();
    public DbSet<Aplicacion> Aplicaciones => Set<Aplicacion>();
    public DbSet<ValorUf> ValoresUf => Set<ValorUf>();
    public DbSet<ValorDolar> ValoresDolar => Set<ValorDolar>();
    public DbSet<ValorUfEmpresa> ValoresUfEmpresa => Set<ValorUfEmpresa>();
    public DbSet<ValorDolarEmpresa> ValoresDolarEmpresa => Set<ValorDolarEmpresa>();
    public DbSet<Compensacion> Compensaciones => Set<Compensacion>();
    public DbSet<ConfiguracionCartera> Configuraciones => Set<ConfiguracionCartera>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Esquema);

        b.Entity<Documento>(e =>
        {
            e.ToTable("documentos", t =>
            {
                t.HasCheckConstraint("ck_documentos_saldo", "saldo >= 0 AND saldo <= total");
                t.HasCheckConstraint("ck_documentos_total", "neto + exento + iva = total AND total > 0");
            });
            e.HasIndex(x => new { x.EmpresaId, x.Tipo, x.Folio }).IsUnique();
            e.HasIndex(x => new { x.EmpresaId, x.ExternalId }).IsUnique().HasFilter("external_id IS NOT NULL");
            e.HasIndex(x => new { x.EmpresaId, x.ClienteId, x.FechaVencimiento });
            e.HasIndex(x => new { x.EmpresaId, x.FechaVencimiento, x.Id });
            // The few documents whose inclusion in the aging depends on the cut-off date beyond their balance.
            e.HasIndex(x => x.EmpresaId, "ix_documentos_empresa_id_especiales").HasDatabaseName("ix_documentos_empresa_id_especiales")
                .HasFilter("fecha_anulacion IS NOT NULL OR fecha_castigo IS NOT NULL OR fecha_cesion IS NOT NULL");
            e.Property(x => x.Tipo).HasMaxLength(10);
            e.Property(x => x.Moneda).HasMaxLength(3);
            e.Property(x => x.Origen).HasMaxLength(10);
            e.Property(x => x.ExternalId).HasMaxLength(LargosCartera.ExternalId);
            e.Property(x => x.Notas).HasMaxLength(LargosCartera.Notas);
            e.Property(x => x.MotivoAnulacion).HasMaxLength(LargosCartera.Motivo);
            e.Property(x => x.AnuladoPor).HasMaxLength(200);
            e.Property(x => x.FactorNombre).HasMaxLength(200);
            e.Property(x => x.FactorRut).HasMaxLength(12);
            e.Property(x => x.NotasCesion).HasMaxLength(LargosCartera.Notas);
            e.Property(x => x.CedidoPor).HasMaxLength(200);
            e.Property(x => x.MotivoRecompra).HasMaxLength(LargosCartera.Motivo);
            e.Property(x => x.MedioNotificacionCesion).HasMaxLength(Factoring.LargosFactoring.Medio);
            e.Property(x => x.EvidenciaNotificacionCesion).HasMaxLength(Factoring.LargosFactoring.Evidencia);
            e.HasOne<Factoring.Factor>().WithMany().HasForeignKey(x => x.FactorId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.MontoCastigo).HasPrecision(18, 4);
            e.Property(x => x.MotivoCastigo).HasMaxLength(LargosCartera.Motivo);
            e.Property(x => x.CastigadoPor).HasMaxLength(200);
            e.Property(x => x.CuentaContable).HasMaxLength(LargosCartera.CuentaContable);
            e.Property(x => x.BancoCobranza).HasMaxLength(200);
            e.Property(x => x.MotivoRetiroCobranza).HasMaxLength(LargosCartera.Motivo);
            e.Property(x => x.MotivoProtesto).HasMaxLength(LargosCartera.Motivo);
            e.Property(x => x.CostoProtesto).HasPrecision(18, 4);
            foreach (var p in new[] { nameof(Documento.Neto), nameof(Documento.Exento), nameof(Documento.Iva), nameof(Documento.Total), nameof(Documento.Saldo) })
                e.Property(p).HasPrecision(18, 4);
            e.HasOne<Documento>().WithMany().HasForeignKey(x => x.ReferenciaId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Cuotas).WithOne().HasForeignKey(x => x.DocumentoId).OnDelete(DeleteBehavior.Cascade);
            e.Property<uint>("xmin").IsRowVersion();
        });
        b.Entity<Cuota>(e =>
        {
            e.ToTable("cuotas", t => t.HasCheckConstraint("ck_cuotas_saldo", "saldo >= 0 AND saldo <= monto AND monto > 0"));
            e.HasKey(x => new { x.DocumentoId, x.Numero });
            e.Property(x => x.Moneda).HasMaxLength(3);
            // The open portfolio (aging, account statement): only installments with a balance, with what the aging reads.
            e.HasIndex(x => new { x.EmpresaId, x.ClienteId }, "ix_cuotas_empresa_id_cliente_id_abiertas").HasDatabaseName("ix_cuotas_empresa_id_cliente_id_abiertas").HasFilter("saldo > 0 AND vigente")
                .IncludeProperties(x => new { x.DocumentoId, x.Numero, x.FechaVencimiento, x.Saldo, x.Moneda, x.FechaEmision });
            e.Property(x => x.Monto).HasPrecision(18, 4);
            e.Property(x => x.Saldo).HasPrecision(18, 4);
            // Batches COPY installments without the column: new documents are vigente.
            e.Property(x => x.Vigente).HasDefaultValueSql("true").ValueGeneratedNever();
            e.HasIndex(x => new { x.EmpresaId, x.FechaVencimiento }, "ix_cuotas_empresa_id_fecha_vencimiento_delegadas").HasDatabaseName("ix_cuotas_empresa_id_fecha_vencimiento_delegadas")
                .HasFilter("saldo > 0 AND delegada").IncludeProperties(x => new { x.ClienteId, x.Moneda, x.Saldo });
            e.Property<uint>("xmin").IsRowVersion();
        });
        b.Entity<Pago>(e =>
        {
            e.ToTable("pagos", t => t.HasCheckConstraint("ck_pagos_saldo", "saldo >= 0 AND saldo <= monto AND monto > 0"));
            e.HasIndex(x => new { x.EmpresaId, x.ClienteId, x.Fecha });
            e.HasIndex(x => new { x.EmpresaId, x.Fecha, x.Id });
            e.Property(x => x.Moneda).HasMaxLength(3);
            e.Property(x => x.Canal).HasMaxLength(20);
            e.Property(x => x.Referencia).HasMaxLength(LargosCartera.Referencia);
            e.Property(x => x.Monto).HasPrecision(18, 4);
            e.Property(x => x.Saldo).HasPrecision(18, 4);
            e.Property(x => x.EstadoCheque).HasMaxLength(20);
            e.Property(x => x.CuentaDeposito).HasMaxLength(LargosCartera.Referencia);
            e.Property(x => x.MotivoProtesto).HasMaxLength(LargosCartera.Motivo);
            e.Property(x => x.CostoProtesto).HasPrecision(18, 4);
            e.HasIndex(x => new { x.EmpresaId, x.EstadoCheque, x.FechaCheque }).HasFilter("estado_cheque IS NOT NULL");
            // The same referencia, date and amount for the client is the same payment sent again (the batch counts it
            // sinCambios, POST /pagos answers 409): the database, not timing, keeps it from being recorded twice.
            e.HasIndex(x => new { x.EmpresaId, x.ClienteId, x.Referencia, x.Fecha, x.Monto }).IsUnique().HasFilter("referencia IS NOT NULL");
            e.Property<uint>("xmin").IsRowVersion();
        });
        b.Entity<FilaBloqueoCliente>(e =>
        {
            e.ToTable("bloqueos_cliente");
            e.HasKey(x => new { x.EmpresaId, x.ClienteId });
        });
        b.Entity<Aplicacion>(e =>
        {
            e.ToTable("aplicaciones", t =>
            {
                t.HasCheckConstraint("ck_aplicaciones_monto", "monto > 0");
                t.HasCheckConstraint("ck_aplicaciones_origen", "num_nonnulls(pago_id, nota_credito_id, convenio_id) = 1");
            });
            e.HasIndex(x => new { x.DocumentoId, x.Cuota });
            // What changed after a past cut-off: applications dated after it, and reversals dated after it.
            e.HasIndex(x => new { x.EmpresaId, x.Fecha }).HasFilter("fecha_reversa IS NULL");
            e.HasIndex(x => new { x.EmpresaId, x.FechaReversa }).HasFilter("fecha_reversa IS NOT NULL");
            // A period's collections by client and currency: a range of this index, without reading the documents.
            e.HasIndex(x => new { x.EmpresaId, x.Fecha }, "ix_aplicaciones_recaudacion").IncludeProperties(x => new { x.ClienteId, x.Moneda, x.Monto })
                .HasDatabaseName("ix_aplicaciones_recaudacion").HasFilter("pago_id IS NOT NULL AND fecha_reversa IS NULL");
            e.HasIndex(x => x.PagoId);
            e.HasIndex(x => x.NotaCreditoId);
            e.HasIndex(x => x.CompensacionId).HasFilter("compensacion_id IS NOT NULL");
            e.HasIndex(x => x.ConvenioId).HasFilter("convenio_id IS NOT NULL");
            e.HasOne<Convenios.Convenio>().WithMany().HasForeignKey(x => x.ConvenioId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Compensacion>().WithMany().HasForeignKey(x => x.CompensacionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Cuota>().WithMany().HasForeignKey(x => new { x.DocumentoId, x.Cuota }).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Pago>().WithMany().HasForeignKey(x => x.PagoId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Documento>().WithMany().HasForeignKey(x => x.NotaCreditoId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Monto).HasPrecision(18, 4);
            e.Property(x => x.Moneda).HasMaxLength(3);
            e.Property(x => x.MotivoReversa).HasMaxLength(LargosCartera.Motivo);
            e.Property(x => x.ReversadaPor).HasMaxLength(200);
            e.Property(x => x.Actor).HasMaxLength(200);
        });
        b.Entity<ValorUf>(e =>
        {
            e.ToTable("valores_uf", t => t.HasCheckConstraint("ck_valores_uf_valor", "valor > 0"));
            e.HasKey(x => x.Fecha);
            e.Property(x => x.Valor).HasPrecision(18, 4);
        });
        b.Entity<ValorDolar>(e =>
        {
            e.ToTable("valores_dolar", t => t.HasCheckConstraint("ck_valores_dolar_valor", "valor > 0"));
            e.HasKey(x => x.Fecha);
            e.Property(x => x.Valor).HasPrecision(18, 4);
        });
        b.Entity<ValorUfEmpresa>(e =>
        {
            e.ToTable("valores_uf_empresa", t => t.HasCheckConstraint("ck_valores_uf_empresa_valor", "valor > 0"));
            e.HasKey(x => new { x.EmpresaId, x.Fecha });
            e.Property(x => x.Valor).HasPrecision(18, 4);
        });
        b.Entity<ValorDolarEmpresa>(e =>
        {
            e.ToTable("valores_dolar_empresa", t => t.HasCheckConstraint("ck_valores_dolar_empresa_valor", "valor > 0"));
            e.HasKey(x => new { x.EmpresaId, x.Fecha });
            e.Property(x => x.Valor).HasPrecision(18, 4);
        });

        b.Entity<Compensacion>(e =>
        {
            e.ToTable("compensaciones", t => t.HasCheckConstraint("ck_compensaciones_monto", "monto > 0"));
            e.HasIndex(x => new { x.EmpresaId, x.ClienteId, x.Fecha });
            e.HasOne<Documento>().WithMany().HasForeignKey(x => x.NotaCreditoId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Monto).HasPrecision(18, 4);
            e.Property(x => x.Motivo).HasMaxLength(LargosCartera.Motivo);
            e.Property(x => x.MotivoReversa).HasMaxLength(LargosCartera.Motivo);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.ReversadaPor).HasMaxLength(200);
        });
        b.Entity<ConfiguracionCartera>(e =>
        {
            e.ToTable("configuraciones");
            e.HasKey(x => x.EmpresaId);
            e.Property(x => x.EmpresaId).ValueGeneratedNever();
            e.Property(x => x.OrdenImputacion).HasMaxLength(20);
            e.Property(x => x.PorcentajesProvision).HasColumnType("numeric(7,4)[]");
            e.Property(x => x.CuentaContableConReferencia).HasMaxLength(LargosCartera.CuentaContable);
            e.Property(x => x.CuentaContableSinReferencia).HasMaxLength(LargosCartera.CuentaContable);
            e.Property(x => x.ConcentracionMaxima).HasColumnType("numeric(7,4)");
        });

        b.ApplyConfiguration(new Pagos.PagoProveedorConfiguracion());
        b.ApplyConfiguration(new Reportes.CorteMensualConfiguracion());
        b.ApplyConfiguration(new Reportes.ReporteEjecutivoConfiguracion());
        b.ApplyConfiguration(new CargosMora.ConfiguracionCargosMoraConfiguracion());
        b.ApplyConfiguration(new CargosMora.SolicitudNotaDebitoConfiguracion());
        b.ApplyConfiguration(new Documentos.ArchivoDocumentoConfiguracion());
        b.ApplyConfiguration(new Convenios.ConvenioConfiguracion());
        b.ApplyConfiguration(new Convenios.ConvenioDocumentoConfiguracion());
        b.ApplyConfiguration(new Convenios.ConvenioCuotaConfiguracion());
        b.ApplyConfiguration(new Convenios.ConfiguracionConveniosConfiguracion());
        b.ApplyConfiguration(new Factoring.FactorConfiguracion());
        b.ApplyConfiguration(new Factoring.TransferenciaFactorConfiguracion());
        b.ApplyConfiguration(new Factoring.TransferenciaFactorLineaConfiguracion());
        b.ApplyConfiguration(new Castigos.PropuestaCastigoConfiguracion());
        b.ApplyConfiguration(new Castigos.PropuestaCastigoDocumentoConfiguracion());
        b.ApplyConfiguration(new Castigos.RecuperoCastigoConfiguracion());
        b.ApplyConfiguration(new Castigos.ConfiguracionCastigosConfiguracion());
        base.OnModelCreating(b);
    }
}

public static class LargosCartera
{
    public const int ExternalId = 100;
    public const int Notas = 2000;
    public const int Motivo = 500;
    public const int Referencia = 200;
    public const int CuentaContable = 50;
}
