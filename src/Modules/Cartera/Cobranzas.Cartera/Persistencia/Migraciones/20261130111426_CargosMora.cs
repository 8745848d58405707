using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class CargosMora : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "configuracion_cargos_mora",
                schema: "cartera",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tasa_maxima_anual = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    tasa_anual = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    comision_cobranza = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_configuracion_cargos_mora", x => x.empresa_id);
                });

            migrationBuilder.CreateTable(
                name: "solicitudes_nota_debito",
                schema: "cartera",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    regimen = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    interes = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    comision = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    gastos_cobranza = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    total = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    detalle = table.Column<string>(type: "jsonb", nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    folio_nota_debito = table.Column<long>(type: "bigint", nullable: true),
                    notas = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    solicitada_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resuelta = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_solicitudes_nota_debito", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_configuracion_cargos_mora_empresa_id",
                schema: "cartera",
                table: "configuracion_cargos_mora",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_solicitudes_nota_debito_empresa_id",
                schema: "cartera",
                table: "solicitudes_nota_debito",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_solicitudes_nota_debito_empresa_id_cliente_id_fecha",
                schema: "cartera",
                table: "solicitudes_nota_debito",
                columns: new[] { "empresa_id", "cliente_id", "fecha" },
                unique: true,
                filter: "estado <> 'anulada'");

            migrationBuilder.CreateIndex(
                name: "ix_solicitudes_nota_debito_empresa_id_creada",
                schema: "cartera",
                table: "solicitudes_nota_debito",
                columns: new[] { "empresa_id", "creada" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "configuracion_cargos_mora",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "solicitudes_nota_debito",
                schema: "cartera");
        }
    }
}
