using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <summary>
    /// The per-client balance read model: the open balance of each client in each currency (open installments of documents in
    /// force, as the aging at today reads them), kept in the writing transaction by statement-level triggers on the
    /// installments, so ordering the client list by debt reads one row per client instead of every open installment.
    /// </summary>
    public partial class SaldosClientes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Deltas only (saldo = saldo + delta), never a recount: two transactions paying the same client both add theirs
            // under the row lock of ON CONFLICT DO UPDATE, and the keys are taken in one order so two statements touching
            // the same clients cannot deadlock. A row that reaches 0 stays (at most one per client and currency).
            migrationBuilder.Sql("""
                CREATE TABLE cartera.saldos_clientes (
                    empresa_id uuid NOT NULL,
                    cliente_id uuid NOT NULL,
                    moneda character varying(3) NOT NULL,
                    saldo numeric NOT NULL,
                    CONSTRAINT pk_saldos_clientes PRIMARY KEY (empresa_id, cliente_id, moneda));

                CREATE FUNCTION cartera.tg_saldos_clientes() RETURNS trigger LANGUAGE plpgsql AS $$
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

                CREATE TRIGGER saldos_clientes_ins AFTER INSERT ON cartera.cuotas REFERENCING NEW TABLE AS nuevas
                    FOR EACH STATEMENT EXECUTE FUNCTION cartera.tg_saldos_clientes();
                CREATE TRIGGER saldos_clientes_upd AFTER UPDATE ON cartera.cuotas REFERENCING OLD TABLE AS viejas NEW TABLE AS nuevas
                    FOR EACH STATEMENT EXECUTE FUNCTION cartera.tg_saldos_clientes();
                CREATE TRIGGER saldos_clientes_del AFTER DELETE ON cartera.cuotas REFERENCING OLD TABLE AS viejas
                    FOR EACH STATEMENT EXECUTE FUNCTION cartera.tg_saldos_clientes();

                -- The triggers exist first: writers wait for this transaction, so the backfill misses nothing.
                INSERT INTO cartera.saldos_clientes (empresa_id, cliente_id, moneda, saldo)
                SELECT empresa_id, cliente_id, moneda, sum(saldo) FROM cartera.cuotas WHERE saldo > 0 AND vigente GROUP BY 1, 2, 3;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER saldos_clientes_ins ON cartera.cuotas;
                DROP TRIGGER saldos_clientes_upd ON cartera.cuotas;
                DROP TRIGGER saldos_clientes_del ON cartera.cuotas;
                DROP FUNCTION cartera.tg_saldos_clientes();
                DROP TABLE cartera.saldos_clientes;
                """);
        }
    }
}
