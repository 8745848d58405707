using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class PagosProveedor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pagos_proveedor",
                schema: "cartera",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proveedor = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    id_pago_externo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    pago_id = table.Column<Guid>(type: "uuid", nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pagos_proveedor", x => new { x.empresa_id, x.proveedor, x.id_pago_externo });
                });

            migrationBuilder.CreateIndex(
                name: "ix_pagos_proveedor_empresa_id",
                schema: "cartera",
                table: "pagos_proveedor",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_pagos_proveedor_pago_id",
                schema: "cartera",
                table: "pagos_proveedor",
                column: "pago_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pagos_proveedor",
                schema: "cartera");
        }
    }
}
