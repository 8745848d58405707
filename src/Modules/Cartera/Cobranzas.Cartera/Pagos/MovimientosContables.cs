using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cobranzas.Cartera.Pagos;

public sealed class ObtenerMovimientosContablesHandler(CarteraDbContext db, IContextoSolicitud contexto) : IRequestHandler<ObtenerMovimientosContables, IReadOnlyList<MovimientoContable>>
{
    public async ValueTask<IReadOnlyList<MovimientoContable>> Handle(ObtenerMovimientosContables request, CancellationToken cancellationToken)
    {
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        await using var comando = new NpgsqlCommand("""
            SELECT 'pago', p.id, p.fecha, p.monto, 0::numeric, p.moneda,
                   p.canal, NULL::text, p.cliente_id, p.referencia
            FROM cartera.pagos p WHERE p.empresa_id = @empresa
            UNION ALL
            SELECT 'deposito_cheque', p.id, p.fecha_deposito, p.monto, 0, p.moneda, p.canal, p.cuenta_deposito, p.cliente_id, p.referencia
            FROM cartera.pagos p WHERE p.empresa_id = @empresa AND p.fecha_deposito IS NOT NULL
            UNION ALL
            SELECT 'protesto_cheque', p.id, p.fecha_protesto, p.monto, coalesce(p.costo_protesto, 0), p.moneda, p.canal,
                   CASE WHEN p.fecha_deposito IS NOT NULL THEN p.cuenta_deposito END, p.cliente_id, p.referencia
            FROM cartera.pagos p WHERE p.empresa_id = @empresa AND p.fecha_protesto IS NOT NULL
            UNION ALL
            SELECT 'castigo', d.id, d.fecha_castigo, d.monto_castigo, 0, d.moneda, NULL, NULL, d.cliente_id, d.tipo || ' ' || d.folio
            FROM cartera.documentos d WHERE d.empresa_id = @empresa AND d.fecha_castigo IS NOT NULL AND d.monto_castigo > 0
            UNION ALL
            SELECT 'recupero_castigo', r.id, r.fecha, r.monto, 0, d.moneda, NULL, NULL, r.cliente_id, d.tipo || ' ' || d.folio
            FROM cartera.recuperos_castigo r JOIN cartera.documentos d ON d.id = r.documento_id WHERE r.empresa_id = @empresa AND r.pago_id IS NULL
            UNION ALL
            SELECT 'recupero_castigo_pago', r.id, r.fecha, r.monto, 0, d.moneda, NULL, NULL, r.cliente_id, d.tipo || ' ' || d.folio
            FROM cartera.recuperos_castigo r JOIN cartera.documentos d ON d.id = r.documento_id WHERE r.empresa_id = @empresa AND r.pago_id IS NOT NULL
            UNION ALL
            SELECT 'reversa_recupero_castigo_pago', r.id, r.fecha_reversa, r.monto, 0, d.moneda, NULL, NULL, r.cliente_id, d.tipo || ' ' || d.folio
            FROM cartera.recuperos_castigo r JOIN cartera.documentos d ON d.id = r.documento_id
            WHERE r.empresa_id = @empresa AND r.pago_id IS NOT NULL AND r.fecha_reversa IS NOT NULL
            UNION ALL
            SELECT 'protesto_documento', d.id, d.fecha_protesto, 0, d.costo_protesto, d.moneda, NULL, NULL, d.cliente_id, d.tipo || ' ' || d.folio
            FROM cartera.documentos d WHERE d.empresa_id = @empresa AND d.fecha_protesto IS NOT NULL AND d.costo_protesto > 0
            """, conexion);
        comando.Parameters.AddWithValue("empresa", contexto.EmpresaId);
        var movimientos = new List<MovimientoContable>();
        await using var lector = await comando.ExecuteReaderAsync(cancellationToken);
        while (await lector.ReadAsync(cancellationToken))
        {
            movimientos.Add(new MovimientoContable(
                lector.GetString(0), lector.GetGuid(1), lector.GetFieldValue<DateOnly>(2), lector.GetDecimal(3), lector.GetDecimal(4), lector.GetString(5),
                lector.IsDBNull(6) ? null : lector.GetString(6), lector.IsDBNull(7) ? null : lector.GetString(7), lector.GetGuid(8), lector.IsDBNull(9) ? null : lector.GetString(9)));
        }

        return movimientos;
    }
}

public sealed class ObtenerCuentaClientesCarteraHandler(CarteraDbContext db) : IRequestHandler<ObtenerCuentaClientesCartera, string?>
{
    public async ValueTask<string?> Handle(ObtenerCuentaClientesCartera request, CancellationToken cancellationToken) =>
        await db.Configuraciones.Select(c => c.CuentaContableSinReferencia).SingleOrDefaultAsync(cancellationToken);
}

public sealed class ObtenerProvisionesAlCorteHandler(IMediator mediator) : IRequestHandler<ObtenerProvisionesAlCorte, IReadOnlyList<ProvisionAlCorte>>
{
    public async ValueTask<IReadOnlyList<ProvisionAlCorte>> Handle(ObtenerProvisionesAlCorte request, CancellationToken cancellationToken)
    {
        var provisiones = new List<ProvisionAlCorte>();
        foreach (var fecha in request.Fechas)
            provisiones.Add(new ProvisionAlCorte(fecha, (await mediator.Send(new Antiguedad.CalcularProvision(fecha, null), cancellationToken)).Provision));
        return provisiones;
    }
}
