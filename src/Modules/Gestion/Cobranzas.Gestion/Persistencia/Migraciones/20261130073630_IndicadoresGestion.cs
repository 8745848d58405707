using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Gestion.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class IndicadoresGestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "comision_agencias_porcentaje",
                schema: "gestion",
                table: "configuraciones",
                type: "numeric",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "dias_disputa_critica",
                schema: "gestion",
                table: "configuraciones",
                type: "integer",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.CreateTable(
                name: "costos_actividad",
                schema: "gestion",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo_actividad_id = table.Column<Guid>(type: "uuid", nullable: false),
                    costo = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_costos_actividad", x => new { x.empresa_id, x.tipo_actividad_id });
                    table.ForeignKey(
                        name: "fk_costos_actividad_tipos_actividad_tipo_actividad_id",
                        column: x => x.tipo_actividad_id,
                        principalSchema: "gestion",
                        principalTable: "tipos_actividad",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_costos_actividad_empresa_id",
                schema: "gestion",
                table: "costos_actividad",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_costos_actividad_tipo_actividad_id",
                schema: "gestion",
                table: "costos_actividad",
                column: "tipo_actividad_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "costos_actividad",
                schema: "gestion");

            migrationBuilder.DropColumn(
                name: "comision_agencias_porcentaje",
                schema: "gestion",
                table: "configuraciones");

            migrationBuilder.DropColumn(
                name: "dias_disputa_critica",
                schema: "gestion",
                table: "configuraciones");
        }
    }
}
