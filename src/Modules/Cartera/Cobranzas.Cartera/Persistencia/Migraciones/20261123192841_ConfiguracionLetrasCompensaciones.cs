using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class ConfiguracionLetrasCompensaciones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "banco_cobranza",
                schema: "cartera",
                table: "documentos",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "costo_protesto",
                schema: "cartera",
                table: "documentos",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cuenta_contable",
                schema: "cartera",
                table: "documentos",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "fecha_envio_cobranza",
                schema: "cartera",
                table: "documentos",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "fecha_protesto",
                schema: "cartera",
                table: "documentos",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "fecha_retiro_cobranza",
                schema: "cartera",
                table: "documentos",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "motivo_protesto",
                schema: "cartera",
                table: "documentos",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "motivo_retiro_cobranza",
                schema: "cartera",
                table: "documentos",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "compensacion_id",
                schema: "cartera",
                table: "aplicaciones",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "compensaciones",
                schema: "cartera",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nota_credito_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    monto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    motivo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fecha_reversa = table.Column<DateOnly>(type: "date", nullable: true),
                    motivo_reversa = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    reversada_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compensaciones", x => x.id);
                    table.CheckConstraint("ck_compensaciones_monto", "monto > 0");
                    table.ForeignKey(
                        name: "fk_compensaciones_documentos_nota_credito_id",
                        column: x => x.nota_credito_id,
                        principalSchema: "cartera",
                        principalTable: "documentos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "configuraciones",
                schema: "cartera",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    limites_tramos = table.Column<int[]>(type: "integer[]", nullable: false),
                    orden_imputacion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    porcentajes_provision = table.Column<decimal[]>(type: "numeric(7,4)[]", nullable: false),
                    cuenta_contable_con_referencia = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    cuenta_contable_sin_referencia = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_configuraciones", x => x.empresa_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_aplicaciones_compensacion_id",
                schema: "cartera",
                table: "aplicaciones",
                column: "compensacion_id",
                filter: "compensacion_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_compensaciones_empresa_id",
                schema: "cartera",
                table: "compensaciones",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_compensaciones_empresa_id_cliente_id_fecha",
                schema: "cartera",
                table: "compensaciones",
                columns: new[] { "empresa_id", "cliente_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_compensaciones_nota_credito_id",
                schema: "cartera",
                table: "compensaciones",
                column: "nota_credito_id");

            migrationBuilder.CreateIndex(
                name: "ix_configuraciones_empresa_id",
                schema: "cartera",
                table: "configuraciones",
                column: "empresa_id");

            migrationBuilder.AddForeignKey(
                name: "fk_aplicaciones_compensaciones_compensacion_id",
                schema: "cartera",
                table: "aplicaciones",
                column: "compensacion_id",
                principalSchema: "cartera",
                principalTable: "compensaciones",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_aplicaciones_compensaciones_compensacion_id",
                schema: "cartera",
                table: "aplicaciones");

            migrationBuilder.DropTable(
                name: "compensaciones",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "configuraciones",
                schema: "cartera");

            migrationBuilder.DropIndex(
                name: "ix_aplicaciones_compensacion_id",
                schema: "cartera",
                table: "aplicaciones");

            migrationBuilder.DropColumn(
                name: "banco_cobranza",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "costo_protesto",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "cuenta_contable",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "fecha_envio_cobranza",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "fecha_protesto",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "fecha_retiro_cobranza",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "motivo_protesto",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "motivo_retiro_cobranza",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "compensacion_id",
                schema: "cartera",
                table: "aplicaciones");
        }
    }
}
