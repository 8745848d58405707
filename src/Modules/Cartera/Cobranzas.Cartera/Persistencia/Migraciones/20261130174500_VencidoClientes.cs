using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <summary>
    /// The overdue part of each client's balance in the per-client read model: <c>saldos_clientes.vencido</c> sums the open
    /// installments due before one kept date (<c>saldos_clientes_corte.fecha</c>), so the installments' triggers keep it exact
    /// as they keep the balance. Overdue at any other day is that figure plus the installments due between the kept date and
    /// that day (an index range on the due date); the daily roll (<c>cartera.rodar_vencido</c>, a job at midnight in Santiago)
    /// moves the kept date to today so that range stays one day wide.
    /// </summary>
    public partial class VencidoClientes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Writers take the advisory lock shared and read the kept date after it; the roll takes it exclusively, so a
            // writer's delta is always split by the same date the roll moved the figure to. Without a row the date is
            // -infinity (Respawn, a fresh database): nothing counted as overdue, every due installment in the range.
            migrationBuilder.Sql("""
                ALTER TABLE cartera.saldos_clientes ADD COLUMN vencido numeric NOT NULL DEFAULT 0;

                CREATE TABLE cartera.saldos_clientes_corte (
                    unica boolean PRIMARY KEY DEFAULT true CHECK (unica),
                    fecha date NOT NULL);

                CREATE INDEX ix_cuotas_empresa_id_fecha_vencimiento_abiertas ON cartera.cuotas (empresa_id, fecha_vencimiento)
                    INCLUDE (cliente_id, moneda, saldo) WHERE saldo > 0 AND vigente;

                CREATE OR REPLACE FUNCTION cartera.tg_saldos_clientes() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    corte date;
                BEGIN
                    PERFORM pg_advisory_xact_lock_shared(714015, 0);
                    corte := COALESCE((SELECT fecha FROM cartera.saldos_clientes_corte), '-infinity');
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO cartera.saldos_clientes AS s (empresa_id, cliente_id, moneda, saldo, vencido)
                        SELECT empresa_id, cliente_id, moneda, sum(saldo), COALESCE(sum(saldo) FILTER (WHERE fecha_vencimiento < corte), 0)
                        FROM nuevas WHERE saldo > 0 AND vigente
                        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                        ON CONFLICT (empresa_id, cliente_id, moneda) DO UPDATE SET saldo = s.saldo + excluded.saldo, vencido = s.vencido + excluded.vencido;
                    ELSIF TG_OP = 'UPDATE' THEN
                        INSERT INTO cartera.saldos_clientes AS s (empresa_id, cliente_id, moneda, saldo, vencido)
                        SELECT empresa_id, cliente_id, moneda, sum(delta), COALESCE(sum(delta) FILTER (WHERE fecha_vencimiento < corte), 0) FROM (
                            SELECT empresa_id, cliente_id, moneda, fecha_vencimiento, saldo AS delta FROM nuevas WHERE saldo > 0 AND vigente
                            UNION ALL
                            SELECT empresa_id, cliente_id, moneda, fecha_vencimiento, -saldo FROM viejas WHERE saldo > 0 AND vigente) x
                        GROUP BY 1, 2, 3
                        HAVING sum(delta) <> 0 OR COALESCE(sum(delta) FILTER (WHERE fecha_vencimiento < corte), 0) <> 0
                        ORDER BY 1, 2, 3
                        ON CONFLICT (empresa_id, cliente_id, moneda) DO UPDATE SET saldo = s.saldo + excluded.saldo, vencido = s.vencido + excluded.vencido;
                    ELSE
                        INSERT INTO cartera.saldos_clientes AS s (empresa_id, cliente_id, moneda, saldo, vencido)
                        SELECT empresa_id, cliente_id, moneda, -sum(saldo), -COALESCE(sum(saldo) FILTER (WHERE fecha_vencimiento < corte), 0)
                        FROM viejas WHERE saldo > 0 AND vigente
                        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                        ON CONFLICT (empresa_id, cliente_id, moneda) DO UPDATE SET saldo = s.saldo + excluded.saldo, vencido = s.vencido + excluded.vencido;
                    END IF;
                    RETURN NULL;
                END $$;

                -- Moves the kept date to @hoy: adds the installments that fell due in between (or takes them back when the date
                -- goes backwards). Each statement of a volatile function takes a new snapshot, so the update below sees every
                -- writer that held the shared lock.
                CREATE FUNCTION cartera.rodar_vencido(hoy date) RETURNS void LANGUAGE plpgsql AS $$
                DECLARE
                    corte date;
                BEGIN
                    PERFORM pg_advisory_xact_lock(714015, 0);
                    corte := COALESCE((SELECT fecha FROM cartera.saldos_clientes_corte), '-infinity');
                    IF corte = hoy THEN
                        RETURN;
                    END IF;
                    UPDATE cartera.saldos_clientes s SET vencido = s.vencido + d.delta
                    FROM (SELECT c.empresa_id, c.cliente_id, c.moneda,
                                 sum(CASE WHEN c.fecha_vencimiento < hoy THEN c.saldo ELSE -c.saldo END) AS delta
                          FROM (SELECT DISTINCT empresa_id FROM cartera.saldos_clientes) e
                          JOIN cartera.cuotas c ON c.empresa_id = e.empresa_id
                          WHERE c.saldo > 0 AND c.vigente
                            AND c.fecha_vencimiento >= least(corte, hoy) AND c.fecha_vencimiento < greatest(corte, hoy)
                          GROUP BY 1, 2, 3) d
                    WHERE s.empresa_id = d.empresa_id AND s.cliente_id = d.cliente_id AND s.moneda = d.moneda;
                    INSERT INTO cartera.saldos_clientes_corte (fecha) VALUES (hoy) ON CONFLICT (unica) DO UPDATE SET fecha = excluded.fecha;
                END $$;

                SELECT cartera.rodar_vencido((now() AT TIME ZONE 'America/Santiago')::date);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION cartera.rodar_vencido(date);
                CREATE OR REPLACE FUNCTION cartera.tg_saldos_clientes() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO cartera.saldos_clientes AS s (empresa_id, cliente_id, moneda, saldo)
                        SELECT empresa_id, cliente_id, moneda, sum(saldo) FROM nuevas WHERE saldo > 0 AND vigente
                        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                        ON CONFLICT (empresa_id, cliente_id, moneda) DO UPDATE SET saldo = s.saldo + excluded.saldo;
                    ELSIF TG_OP = 'UPDATE' THEN
                        INSERT INTO cartera.saldos_clientes AS s (empresa_id, cliente_id, moneda, saldo)
                        SELECT empresa_id, cliente_id, moneda, sum(delta) FROM (
                            SELECT empresa_id, cliente_id, moneda, saldo AS delta FROM nuevas WHERE saldo > 0 AND vigente
                            UNION ALL
                            SELECT empresa_id, cliente_id, moneda, -saldo FROM viejas WHERE saldo > 0 AND vigente) x
                        GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
                        ON CONFLICT (empresa_id, cliente_id, moneda) DO UPDATE SET saldo = s.saldo + excluded.saldo;
                    ELSE
                        INSERT INTO cartera.saldos_clientes AS s (empresa_id, cliente_id, moneda, saldo)
                        SELECT empresa_id, cliente_id, moneda, -sum(saldo) FROM viejas WHERE saldo > 0 AND vigente
                        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                        ON CONFLICT (empresa_id, cliente_id, moneda) DO UPDATE SET saldo = s.saldo + excluded.saldo;
                    END IF;
                    RETURN NULL;
                END $$;
                DROP INDEX cartera.ix_cuotas_empresa_id_fecha_vencimiento_abiertas;
                DROP TABLE cartera.saldos_clientes_corte;
                ALTER TABLE cartera.saldos_clientes DROP COLUMN vencido;
                """);
        }
    }
}
