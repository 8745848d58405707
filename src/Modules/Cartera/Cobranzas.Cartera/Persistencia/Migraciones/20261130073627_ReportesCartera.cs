using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class ReportesCartera : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "concentracion_maxima",
                schema: "cartera",
                table: "configuraciones",
                type: "numeric(7,4)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cortes_mensuales",
                schema: "cartera",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mes = table.Column<DateOnly>(type: "date", nullable: false),
                    limites = table.Column<int[]>(type: "integer[]", nullable: false),
                    montos = table.Column<decimal[]>(type: "numeric[]", nullable: false),
                    calculado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    provisorio = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cortes_mensuales", x => new { x.empresa_id, x.mes });
                });

            migrationBuilder.CreateIndex(
                name: "ix_cortes_mensuales_empresa_id",
                schema: "cartera",
                table: "cortes_mensuales",
                column: "empresa_id");

            // The monthly cache's invalidation: every statement writing a fact deletes the cached months its dates reach and
            // logs the change with its transaction id under a shared advisory lock (see Reportes/CortesMensuales.cs).
            // Statement-level triggers with transition tables, so a COPY or a batch pays once, not per row.
            migrationBuilder.Sql("""
                CREATE TABLE cartera.hechos_modificados (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    empresa_id uuid NULL,
                    desde date NOT NULL,
                    xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
                    registrado timestamptz NOT NULL DEFAULT now());
                CREATE INDEX ix_hechos_modificados_empresa ON cartera.hechos_modificados (empresa_id, desde);

                CREATE FUNCTION cartera.invalidar_cortes(empresa uuid, desde date) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    IF desde IS NULL THEN
                        RETURN;
                    END IF;
                    IF empresa IS NULL THEN
                        PERFORM pg_advisory_xact_lock_shared(714014, 0);
                        DELETE FROM cartera.cortes_mensuales WHERE mes >= desde OR provisorio;
                    ELSE
                        PERFORM pg_advisory_xact_lock_shared(714014, hashtext(empresa::text));
                        DELETE FROM cartera.cortes_mensuales WHERE empresa_id = empresa AND (mes >= desde OR provisorio);
                    END IF;
                    INSERT INTO cartera.hechos_modificados (empresa_id, desde) VALUES (empresa, desde);
                END $$;

                CREATE FUNCTION cartera.tg_cortes_aplicaciones() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM cartera.invalidar_cortes(empresa_id, min(fecha)) FROM nuevas GROUP BY empresa_id;
                    ELSIF TG_OP = 'UPDATE' THEN
                        PERFORM cartera.invalidar_cortes(n.empresa_id, min(LEAST(o.fecha, n.fecha, o.fecha_reversa, n.fecha_reversa)))
                        FROM nuevas n JOIN viejas o ON o.id = n.id
                        WHERE o.fecha IS DISTINCT FROM n.fecha OR o.fecha_reversa IS DISTINCT FROM n.fecha_reversa OR o.monto IS DISTINCT FROM n.monto
                           OR o.documento_id IS DISTINCT FROM n.documento_id OR o.cuota IS DISTINCT FROM n.cuota
                        GROUP BY n.empresa_id;
                    ELSE
                        PERFORM cartera.invalidar_cortes(empresa_id, min(fecha)) FROM viejas GROUP BY empresa_id;
                    END IF;
                    RETURN NULL;
                END $$;

                -- A balance-only change of an installment comes with an application (its own trigger) or a change of its document.
                CREATE FUNCTION cartera.tg_cortes_cuotas() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM cartera.invalidar_cortes(empresa_id, min(fecha_emision)) FROM nuevas GROUP BY empresa_id;
                    ELSIF TG_OP = 'UPDATE' THEN
                        PERFORM cartera.invalidar_cortes(n.empresa_id, min(LEAST(o.fecha_emision, n.fecha_emision)))
                        FROM nuevas n JOIN viejas o ON o.documento_id = n.documento_id AND o.numero = n.numero
                        WHERE o.monto IS DISTINCT FROM n.monto OR o.fecha_vencimiento IS DISTINCT FROM n.fecha_vencimiento
                           OR o.fecha_emision IS DISTINCT FROM n.fecha_emision OR o.vigente IS DISTINCT FROM n.vigente
                           OR o.cliente_id IS DISTINCT FROM n.cliente_id OR o.moneda IS DISTINCT FROM n.moneda
                        GROUP BY n.empresa_id;
                    ELSE
                        PERFORM cartera.invalidar_cortes(empresa_id, min(fecha_emision)) FROM viejas GROUP BY empresa_id;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION cartera.tg_cortes_documentos() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM cartera.invalidar_cortes(empresa_id, min(fecha_emision)) FROM nuevas GROUP BY empresa_id;
                    ELSIF TG_OP = 'UPDATE' THEN
                        PERFORM cartera.invalidar_cortes(n.empresa_id, min(LEAST(
                            CASE WHEN o.fecha_emision IS DISTINCT FROM n.fecha_emision OR o.cliente_id IS DISTINCT FROM n.cliente_id
                                   OR o.moneda IS DISTINCT FROM n.moneda OR o.total IS DISTINCT FROM n.total
                                 THEN LEAST(o.fecha_emision, n.fecha_emision) END,
                            CASE WHEN o.fecha_anulacion IS DISTINCT FROM n.fecha_anulacion THEN LEAST(o.fecha_anulacion, n.fecha_anulacion) END,
                            CASE WHEN o.fecha_castigo IS DISTINCT FROM n.fecha_castigo THEN LEAST(o.fecha_castigo, n.fecha_castigo) END,
                            CASE WHEN o.fecha_cesion IS DISTINCT FROM n.fecha_cesion THEN LEAST(o.fecha_cesion, n.fecha_cesion) END,
                            CASE WHEN o.fecha_recompra IS DISTINCT FROM n.fecha_recompra THEN LEAST(o.fecha_recompra, n.fecha_recompra) END)))
                        FROM nuevas n JOIN viejas o ON o.id = n.id
                        GROUP BY n.empresa_id;
                    ELSE
                        PERFORM cartera.invalidar_cortes(empresa_id, min(fecha_emision)) FROM viejas GROUP BY empresa_id;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION cartera.tg_cortes_valores() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
                        PERFORM cartera.invalidar_cortes(x.empresa, x.desde) FROM (
                            SELECT CASE WHEN TG_ARGV[0] = 'empresa' THEN (to_jsonb(n) ->> 'empresa_id')::uuid END AS empresa, min(n.fecha) AS desde
                            FROM nuevas n GROUP BY 1) x;
                    END IF;
                    IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
                        PERFORM cartera.invalidar_cortes(x.empresa, x.desde) FROM (
                            SELECT CASE WHEN TG_ARGV[0] = 'empresa' THEN (to_jsonb(o) ->> 'empresa_id')::uuid END AS empresa, min(o.fecha) AS desde
                            FROM viejas o GROUP BY 1) x;
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            foreach (var (tabla, funcion, argumento) in new[]
            {
                ("aplicaciones", "tg_cortes_aplicaciones", ""), ("cuotas", "tg_cortes_cuotas", ""), ("documentos", "tg_cortes_documentos", ""),
                ("valores_uf", "tg_cortes_valores", "'nacional'"), ("valores_dolar", "tg_cortes_valores", "'nacional'"),
                ("valores_uf_empresa", "tg_cortes_valores", "'empresa'"), ("valores_dolar_empresa", "tg_cortes_valores", "'empresa'"),
            })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER cortes_mensuales_ins AFTER INSERT ON cartera.{tabla} REFERENCING NEW TABLE AS nuevas
                        FOR EACH STATEMENT EXECUTE FUNCTION cartera.{funcion}({argumento});
                    CREATE TRIGGER cortes_mensuales_upd AFTER UPDATE ON cartera.{tabla} REFERENCING OLD TABLE AS viejas NEW TABLE AS nuevas
                        FOR EACH STATEMENT EXECUTE FUNCTION cartera.{funcion}({argumento});
                    CREATE TRIGGER cortes_mensuales_del AFTER DELETE ON cartera.{tabla} REFERENCING OLD TABLE AS viejas
                        FOR EACH STATEMENT EXECUTE FUNCTION cartera.{funcion}({argumento});
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var tabla in new[] { "aplicaciones", "cuotas", "documentos", "valores_uf", "valores_dolar", "valores_uf_empresa", "valores_dolar_empresa" })
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER cortes_mensuales_ins ON cartera.{tabla};
                    DROP TRIGGER cortes_mensuales_upd ON cartera.{tabla};
                    DROP TRIGGER cortes_mensuales_del ON cartera.{tabla};
                    """);
            }

            migrationBuilder.Sql("""
                DROP FUNCTION cartera.tg_cortes_valores();
                DROP FUNCTION cartera.tg_cortes_documentos();
                DROP FUNCTION cartera.tg_cortes_cuotas();
                DROP FUNCTION cartera.tg_cortes_aplicaciones();
                DROP FUNCTION cartera.invalidar_cortes(uuid, date);
                DROP TABLE cartera.hechos_modificados;
                """);

            migrationBuilder.DropTable(
                name: "cortes_mensuales",
                schema: "cartera");

            migrationBuilder.DropColumn(
                name: "concentracion_maxima",
                schema: "cartera",
                table: "configuraciones");
        }
    }
}
