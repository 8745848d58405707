using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class CesionCastigo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "castigado_por",
                schema: "cartera",
                table: "documentos",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cedido_por",
                schema: "cartera",
                table: "documentos",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "factor_nombre",
                schema: "cartera",
                table: "documentos",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "factor_rut",
                schema: "cartera",
                table: "documentos",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "fecha_castigo",
                schema: "cartera",
                table: "documentos",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "fecha_cesion",
                schema: "cartera",
                table: "documentos",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "fecha_notificacion_cesion",
                schema: "cartera",
                table: "documentos",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "fecha_recompra",
                schema: "cartera",
                table: "documentos",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "monto_castigo",
                schema: "cartera",
                table: "documentos",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "motivo_castigo",
                schema: "cartera",
                table: "documentos",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "motivo_recompra",
                schema: "cartera",
                table: "documentos",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "notas_cesion",
                schema: "cartera",
                table: "documentos",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "castigado_por",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "cedido_por",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "factor_nombre",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "factor_rut",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "fecha_castigo",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "fecha_cesion",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "fecha_notificacion_cesion",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "fecha_recompra",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "monto_castigo",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "motivo_castigo",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "motivo_recompra",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "notas_cesion",
                schema: "cartera",
                table: "documentos");
        }
    }
}
