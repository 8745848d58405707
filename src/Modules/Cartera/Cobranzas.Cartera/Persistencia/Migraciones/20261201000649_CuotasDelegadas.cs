using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <summary>
    /// Documents ceded to a factor under administración delegada stay in the company's collection: their installments carry
    /// <c>delegada</c> (kept by ReglasCartera.MarcarVigencia), the rule at a cut-off is <c>cartera.cedido_delegado_al</c>, and the
    /// per-client read model keeps their balance and overdue part apart (<c>saldo_delegado</c>, <c>vencido_delegado</c>) with the
    /// same statement-level triggers, so the client list counts them as the worklist does while the own figures stay the aging's.
    /// </summary>
    public partial class CuotasDelegadas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "delegada",
                schema: "cartera",
                table: "cuotas",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_cuotas_empresa_id_fecha_vencimiento_delegadas",
                schema: "cartera",
                table: "cuotas",
                columns: new[] { "empresa_id", "fecha_vencimiento" },
                filter: "saldo > 0 AND delegada")
                .Annotation("Npgsql:IndexInclude", new[] { "cliente_id", "moneda", "saldo" });

            migrationBuilder.Sql("""
                CREATE FUNCTION cartera.cedido_delegado_al(administracion_delegada boolean, fecha_anulacion date, fecha_castigo date, fecha_cesion date,
                                                           fecha_recompra date, corte date) RETURNS boolean
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT administracion_delegada
                       AND (fecha_anulacion IS NULL OR fecha_anulacion > corte)
                       AND (fecha_castigo IS NULL OR fecha_castigo > corte)
                       AND fecha_cesion IS NOT NULL AND fecha_cesion <= corte
                       AND (fecha_recompra IS NULL OR fecha_recompra > corte)
                $$;

                ALTER TABLE cartera.saldos_clientes ADD COLUMN saldo_delegado numeric NOT NULL DEFAULT 0,
                                                    ADD COLUMN vencido_delegado numeric NOT NULL DEFAULT 0;

                CREATE OR REPLACE FUNCTION cartera.tg_saldos_clientes() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    corte date;
                BEGIN
                    PERFORM pg_advisory_xact_lock_shared(714015, 0);
                    corte := COALESCE((SELECT fecha FROM cartera.saldos_clientes_corte), '-infinity');
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO cartera.saldos_clientes AS s (empresa_id, cliente_id, moneda, saldo, vencido, saldo_delegado, vencido_delegado)
                        SELECT empresa_id, cliente_id, moneda,
                               COALESCE(sum(saldo) FILTER (WHERE vigente), 0), COALESCE(sum(saldo) FILTER (WHERE vigente AND fecha_vencimiento < corte), 0),
                               COALESCE(sum(saldo) FILTER (WHERE delegada), 0), COALESCE(sum(saldo) FILTER (WHERE delegada AND fecha_vencimiento < corte), 0)
                        FROM nuevas WHERE saldo > 0 AND (vigente OR delegada)
                        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                        ON CONFLICT (empresa_id, cliente_id, moneda) DO UPDATE
                            SET saldo = s.saldo + excluded.saldo, vencido = s.vencido + excluded.vencido,
                                saldo_delegado = s.saldo_delegado + excluded.saldo_delegado, vencido_delegado = s.vencido_delegado + excluded.vencido_delegado;
                    ELSIF TG_OP = 'UPDATE' THEN
                        INSERT INTO cartera.saldos_clientes AS s (empresa_id, cliente_id, moneda, saldo, vencido, saldo_delegado, vencido_delegado)
                        SELECT empresa_id, cliente_id, moneda, saldo, vencido, saldo_delegado, vencido_delegado FROM (
                            SELECT empresa_id, cliente_id, moneda,
                                   COALESCE(sum(delta) FILTER (WHERE vigente), 0) AS saldo,
                                   COALESCE(sum(delta) FILTER (WHERE vigente AND fecha_vencimiento < corte), 0) AS vencido,
                                   COALESCE(sum(delta) FILTER (WHERE delegada), 0) AS saldo_delegado,
                                   COALESCE(sum(delta) FILTER (WHERE delegada AND fecha_vencimiento < corte), 0) AS vencido_delegado
                            FROM (
                                SELECT empresa_id, cliente_id, moneda, fecha_vencimiento, vigente, delegada, saldo AS delta FROM nuevas WHERE saldo > 0 AND (vigente OR delegada)
                                UNION ALL
                                SELECT empresa_id, cliente_id, moneda, fecha_vencimiento, vigente, delegada, -saldo FROM viejas WHERE saldo > 0 AND (vigente OR delegada)) x
                            GROUP BY 1, 2, 3) d
                        WHERE saldo <> 0 OR vencido <> 0 OR saldo_delegado <> 0 OR vencido_delegado <> 0
                        ORDER BY 1, 2, 3
                        ON CONFLICT (empresa_id, cliente_id, moneda) DO UPDATE
                            SET saldo = s.saldo + excluded.saldo, vencido = s.vencido + excluded.vencido,
                                saldo_delegado = s.saldo_delegado + excluded.saldo_delegado, vencido_delegado = s.vencido_delegado + excluded.vencido_delegado;
                    ELSE
                        INSERT INTO cartera.saldos_clientes AS s (empresa_id, cliente_id, moneda, saldo, vencido, saldo_delegado, vencido_delegado)
                        SELECT empresa_id, cliente_id, moneda,
                               -COALESCE(sum(saldo) FILTER (WHERE vigente), 0), -COALESCE(sum(saldo) FILTER (WHERE vigente AND fecha_vencimiento < corte), 0),
                               -COALESCE(sum(saldo) FILTER (WHERE delegada), 0), -COALESCE(sum(saldo) FILTER (WHERE delegada AND fecha_vencimiento < corte), 0)
                        FROM viejas WHERE saldo > 0 AND (vigente OR delegada)
                        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                        ON CONFLICT (empresa_id, cliente_id, moneda) DO UPDATE
                            SET saldo = s.saldo + excluded.saldo, vencido = s.vencido + excluded.vencido,
                                saldo_delegado = s.saldo_delegado + excluded.saldo_delegado, vencido_delegado = s.vencido_delegado + excluded.vencido_delegado;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE OR REPLACE FUNCTION cartera.rodar_vencido(hoy date) RETURNS void LANGUAGE plpgsql AS $$
                DECLARE
                    corte date;
                BEGIN
                    PERFORM pg_advisory_xact_lock(714015, 0);
                    corte := COALESCE((SELECT fecha FROM cartera.saldos_clientes_corte), '-infinity');
                    IF corte = hoy THEN
                        RETURN;
                    END IF;
                    UPDATE cartera.saldos_clientes s SET vencido = s.vencido + d.delta, vencido_delegado = s.vencido_delegado + d.delta_delegado
                    FROM (SELECT empresa_id, cliente_id, moneda, COALESCE(sum(delta) FILTER (WHERE NOT delegada), 0) AS delta,
                                 COALESCE(sum(delta) FILTER (WHERE delegada), 0) AS delta_delegado
                          FROM (SELECT c.empresa_id, c.cliente_id, c.moneda, false AS delegada,
                                       CASE WHEN c.fecha_vencimiento < hoy THEN c.saldo ELSE -c.saldo END AS delta
                                FROM (SELECT DISTINCT empresa_id FROM cartera.saldos_clientes) e
                                JOIN cartera.cuotas c ON c.empresa_id = e.empresa_id
                                WHERE c.saldo > 0 AND c.vigente
                                  AND c.fecha_vencimiento >= least(corte, hoy) AND c.fecha_vencimiento < greatest(corte, hoy)
                                UNION ALL
                                SELECT c.empresa_id, c.cliente_id, c.moneda, true,
                                       CASE WHEN c.fecha_vencimiento < hoy THEN c.saldo ELSE -c.saldo END
                                FROM (SELECT DISTINCT empresa_id FROM cartera.saldos_clientes) e
                                JOIN cartera.cuotas c ON c.empresa_id = e.empresa_id
                                WHERE c.saldo > 0 AND c.delegada
                                  AND c.fecha_vencimiento >= least(corte, hoy) AND c.fecha_vencimiento < greatest(corte, hoy)) x
                          GROUP BY 1, 2, 3) d
                    WHERE s.empresa_id = d.empresa_id AND s.cliente_id = d.cliente_id AND s.moneda = d.moneda;
                    INSERT INTO cartera.saldos_clientes_corte (fecha) VALUES (hoy) ON CONFLICT (unica) DO UPDATE SET fecha = excluded.fecha;
                END $$;

                -- The triggers count delegada first: marking the installments of today's delegated cessions adds them to the read model.
                UPDATE cartera.cuotas c SET delegada = true
                FROM cartera.documentos d
                WHERE d.id = c.documento_id AND d.administracion_delegada AND d.fecha_cesion IS NOT NULL AND d.fecha_recompra IS NULL
                  AND d.fecha_anulacion IS NULL AND d.fecha_castigo IS NULL AND NOT cartera.es_nota_credito(d.tipo);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The previous trigger and roll (20261130174500_VencidoClientes) count only the installments in force.
            migrationBuilder.Sql("""
                UPDATE cartera.cuotas SET delegada = false WHERE delegada;
                DROP FUNCTION cartera.cedido_delegado_al(boolean, date, date, date, date, date);
                """);
            migrationBuilder.Sql("""
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
                CREATE OR REPLACE FUNCTION cartera.rodar_vencido(hoy date) RETURNS void LANGUAGE plpgsql AS $$
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
                """);
            migrationBuilder.Sql("ALTER TABLE cartera.saldos_clientes DROP COLUMN saldo_delegado, DROP COLUMN vencido_delegado;");

            migrationBuilder.DropIndex(
                name: "ix_cuotas_empresa_id_fecha_vencimiento_delegadas",
                schema: "cartera",
                table: "cuotas");

            migrationBuilder.DropColumn(
                name: "delegada",
                schema: "cartera",
                table: "cuotas");
        }
    }
}
