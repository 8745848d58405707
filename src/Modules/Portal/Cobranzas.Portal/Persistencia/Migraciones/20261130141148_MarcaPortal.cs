using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Portal.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class MarcaPortal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "marcas",
                schema: "portal",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    color_primario = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    color_acento = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marcas", x => x.empresa_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_marcas_empresa_id",
                schema: "portal",
                table: "marcas",
                column: "empresa_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "marcas",
                schema: "portal");
        }
    }
}
