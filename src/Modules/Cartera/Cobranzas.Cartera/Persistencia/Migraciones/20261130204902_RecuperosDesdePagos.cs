using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class RecuperosDesdePagos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "fecha_reversa",
                schema: "cartera",
                table: "recuperos_castigo",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "motivo_reversa",
                schema: "cartera",
                table: "recuperos_castigo",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "pago_id",
                schema: "cartera",
                table: "recuperos_castigo",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_recuperos_castigo_pago_id",
                schema: "cartera",
                table: "recuperos_castigo",
                column: "pago_id");

            migrationBuilder.AddForeignKey(
                name: "fk_recuperos_castigo_pagos_pago_id",
                schema: "cartera",
                table: "recuperos_castigo",
                column: "pago_id",
                principalSchema: "cartera",
                principalTable: "pagos",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_recuperos_castigo_pagos_pago_id",
                schema: "cartera",
                table: "recuperos_castigo");

            migrationBuilder.DropIndex(
                name: "ix_recuperos_castigo_pago_id",
                schema: "cartera",
                table: "recuperos_castigo");

            migrationBuilder.DropColumn(
                name: "fecha_reversa",
                schema: "cartera",
                table: "recuperos_castigo");

            migrationBuilder.DropColumn(
                name: "motivo_reversa",
                schema: "cartera",
                table: "recuperos_castigo");

            migrationBuilder.DropColumn(
                name: "pago_id",
                schema: "cartera",
                table: "recuperos_castigo");
        }
    }
}
