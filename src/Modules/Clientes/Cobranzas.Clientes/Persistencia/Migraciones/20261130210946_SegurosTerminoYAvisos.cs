using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Clientes.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class SegurosTerminoYAvisos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "fecha_termino",
                schema: "clientes",
                table: "polizas_seguro",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "motivo_termino",
                schema: "clientes",
                table: "polizas_seguro",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "avisos_siniestro",
                schema: "clientes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    poliza_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    documento_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cuota = table.Column<int>(type: "integer", nullable: false),
                    fecha_limite = table.Column<DateOnly>(type: "date", nullable: false),
                    fecha_aviso = table.Column<DateOnly>(type: "date", nullable: false),
                    tarea_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_avisos_siniestro", x => x.id);
                    table.ForeignKey(
                        name: "fk_avisos_siniestro_polizas_seguro_poliza_id",
                        column: x => x.poliza_id,
                        principalSchema: "clientes",
                        principalTable: "polizas_seguro",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_avisos_siniestro_empresa_id",
                schema: "clientes",
                table: "avisos_siniestro",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_avisos_siniestro_empresa_id_poliza_id_documento_id_cuota",
                schema: "clientes",
                table: "avisos_siniestro",
                columns: new[] { "empresa_id", "poliza_id", "documento_id", "cuota" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_avisos_siniestro_poliza_id",
                schema: "clientes",
                table: "avisos_siniestro",
                column: "poliza_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "avisos_siniestro",
                schema: "clientes");

            migrationBuilder.DropColumn(
                name: "fecha_termino",
                schema: "clientes",
                table: "polizas_seguro");

            migrationBuilder.DropColumn(
                name: "motivo_termino",
                schema: "clientes",
                table: "polizas_seguro");
        }
    }
}
