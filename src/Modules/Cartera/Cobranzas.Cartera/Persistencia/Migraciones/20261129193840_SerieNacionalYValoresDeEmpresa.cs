using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class SerieNacionalYValoresDeEmpresa : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "valores_dolar_empresa",
                schema: "cartera",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    valor = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_valores_dolar_empresa", x => new { x.empresa_id, x.fecha });
                    table.CheckConstraint("ck_valores_dolar_empresa_valor", "valor > 0");
                });

            migrationBuilder.CreateTable(
                name: "valores_uf_empresa",
                schema: "cartera",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    valor = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_valores_uf_empresa", x => new { x.empresa_id, x.fecha });
                    table.CheckConstraint("ck_valores_uf_empresa_valor", "valor > 0");
                });

            migrationBuilder.CreateIndex(
                name: "ix_valores_dolar_empresa_empresa_id",
                schema: "cartera",
                table: "valores_dolar_empresa",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_valores_uf_empresa_empresa_id",
                schema: "cartera",
                table: "valores_uf_empresa",
                column: "empresa_id");

            // The rows already in valores_uf and valores_dolar stay there: those tables are now the national series, and
            // every company reads them until it sets its own value for a date.
            // The one home of "which UF or dólar a company uses on a date": its own value when it has one, else the national one.
            migrationBuilder.Sql("""
                CREATE FUNCTION cartera.valor_uf(empresa uuid, dia date) RETURNS numeric
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT COALESCE((SELECT e.valor FROM cartera.valores_uf_empresa e WHERE e.empresa_id = empresa AND e.fecha = dia),
                                    (SELECT n.valor FROM cartera.valores_uf n WHERE n.fecha = dia))
                $$;

                CREATE FUNCTION cartera.valor_dolar(empresa uuid, dia date) RETURNS numeric
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT COALESCE((SELECT e.valor FROM cartera.valores_dolar_empresa e WHERE e.empresa_id = empresa AND e.fecha = dia),
                                    (SELECT n.valor FROM cartera.valores_dolar n WHERE n.fecha = dia))
                $$;

                -- The value of the latest date up to dia that has one, national or the company's own.
                CREATE FUNCTION cartera.ultimo_valor_uf(empresa uuid, dia date) RETURNS numeric
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT cartera.valor_uf(empresa, max(u.fecha))
                    FROM (SELECT max(e.fecha) FROM cartera.valores_uf_empresa e WHERE e.empresa_id = empresa AND e.fecha <= dia
                          UNION ALL
                          SELECT max(n.fecha) FROM cartera.valores_uf n WHERE n.fecha <= dia) AS u(fecha)
                $$;

                CREATE FUNCTION cartera.ultimo_valor_dolar(empresa uuid, dia date) RETURNS numeric
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT cartera.valor_dolar(empresa, max(u.fecha))
                    FROM (SELECT max(e.fecha) FROM cartera.valores_dolar_empresa e WHERE e.empresa_id = empresa AND e.fecha <= dia
                          UNION ALL
                          SELECT max(n.fecha) FROM cartera.valores_dolar n WHERE n.fecha <= dia) AS u(fecha)
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION cartera.ultimo_valor_uf(uuid, date);
                DROP FUNCTION cartera.ultimo_valor_dolar(uuid, date);
                DROP FUNCTION cartera.valor_uf(uuid, date);
                DROP FUNCTION cartera.valor_dolar(uuid, date);
                """);

            migrationBuilder.DropTable(
                name: "valores_dolar_empresa",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "valores_uf_empresa",
                schema: "cartera");
        }
    }
}
