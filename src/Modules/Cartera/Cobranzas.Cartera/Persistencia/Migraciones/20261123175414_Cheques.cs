using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Cheques : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "costo_protesto",
                schema: "cartera",
                table: "pagos",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cuenta_deposito",
                schema: "cartera",
                table: "pagos",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "estado_cheque",
                schema: "cartera",
                table: "pagos",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "fecha_cheque",
                schema: "cartera",
                table: "pagos",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "fecha_cobro",
                schema: "cartera",
                table: "pagos",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "fecha_deposito",
                schema: "cartera",
                table: "pagos",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "fecha_protesto",
                schema: "cartera",
                table: "pagos",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "motivo_protesto",
                schema: "cartera",
                table: "pagos",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_pagos_empresa_id_estado_cheque_fecha_cheque",
                schema: "cartera",
                table: "pagos",
                columns: new[] { "empresa_id", "estado_cheque", "fecha_cheque" },
                filter: "estado_cheque IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_pagos_empresa_id_estado_cheque_fecha_cheque",
                schema: "cartera",
                table: "pagos");

            migrationBuilder.DropColumn(
                name: "costo_protesto",
                schema: "cartera",
                table: "pagos");

            migrationBuilder.DropColumn(
                name: "cuenta_deposito",
                schema: "cartera",
                table: "pagos");

            migrationBuilder.DropColumn(
                name: "estado_cheque",
                schema: "cartera",
                table: "pagos");

            migrationBuilder.DropColumn(
                name: "fecha_cheque",
                schema: "cartera",
                table: "pagos");

            migrationBuilder.DropColumn(
                name: "fecha_cobro",
                schema: "cartera",
                table: "pagos");

            migrationBuilder.DropColumn(
                name: "fecha_deposito",
                schema: "cartera",
                table: "pagos");

            migrationBuilder.DropColumn(
                name: "fecha_protesto",
                schema: "cartera",
                table: "pagos");

            migrationBuilder.DropColumn(
                name: "motivo_protesto",
                schema: "cartera",
                table: "pagos");
        }
    }
}
