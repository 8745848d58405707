using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class BloqueoPorClienteYPagosUnicos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bloqueos_cliente",
                schema: "cartera",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bloqueos_cliente", x => new { x.empresa_id, x.cliente_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_pagos_empresa_id_cliente_id_referencia_fecha_monto",
                schema: "cartera",
                table: "pagos",
                columns: new[] { "empresa_id", "cliente_id", "referencia", "fecha", "monto" },
                unique: true,
                filter: "referencia IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bloqueos_cliente",
                schema: "cartera");

            migrationBuilder.DropIndex(
                name: "ix_pagos_empresa_id_cliente_id_referencia_fecha_monto",
                schema: "cartera",
                table: "pagos");
        }
    }
}
