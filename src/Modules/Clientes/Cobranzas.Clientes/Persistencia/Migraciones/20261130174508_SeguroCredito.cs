using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Clientes.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class SeguroCredito : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "polizas_seguro",
                schema: "clientes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    aseguradora = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    numero_poliza = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    vigencia_desde = table.Column<DateOnly>(type: "date", nullable: false),
                    vigencia_hasta = table.Column<DateOnly>(type: "date", nullable: false),
                    porcentaje_cobertura = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    dias_denuncia = table.Column<int>(type: "integer", nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_polizas_seguro", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clientes_asegurados",
                schema: "clientes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    poliza_id = table.Column<Guid>(type: "uuid", nullable: false),
                    limite_asegurado = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clientes_asegurados", x => x.id);
                    table.ForeignKey(
                        name: "fk_clientes_asegurados_clientes_cliente_id",
                        column: x => x.cliente_id,
                        principalSchema: "clientes",
                        principalTable: "clientes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_clientes_asegurados_polizas_seguro_poliza_id",
                        column: x => x.poliza_id,
                        principalSchema: "clientes",
                        principalTable: "polizas_seguro",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_clientes_asegurados_cliente_id",
                schema: "clientes",
                table: "clientes_asegurados",
                column: "cliente_id");

            migrationBuilder.CreateIndex(
                name: "ix_clientes_asegurados_empresa_id",
                schema: "clientes",
                table: "clientes_asegurados",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_clientes_asegurados_empresa_id_cliente_id",
                schema: "clientes",
                table: "clientes_asegurados",
                columns: new[] { "empresa_id", "cliente_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_clientes_asegurados_empresa_id_poliza_id",
                schema: "clientes",
                table: "clientes_asegurados",
                columns: new[] { "empresa_id", "poliza_id" });

            migrationBuilder.CreateIndex(
                name: "ix_clientes_asegurados_poliza_id",
                schema: "clientes",
                table: "clientes_asegurados",
                column: "poliza_id");

            migrationBuilder.CreateIndex(
                name: "ix_polizas_seguro_empresa_id",
                schema: "clientes",
                table: "polizas_seguro",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_polizas_seguro_empresa_id_aseguradora_numero_poliza",
                schema: "clientes",
                table: "polizas_seguro",
                columns: new[] { "empresa_id", "aseguradora", "numero_poliza" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clientes_asegurados",
                schema: "clientes");

            migrationBuilder.DropTable(
                name: "polizas_seguro",
                schema: "clientes");
        }
    }
}
