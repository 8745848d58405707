using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Clientes.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class ContactoActivoPortal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "activo",
                schema: "clientes",
                table: "contactos",
                type: "boolean",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "activo",
                schema: "clientes",
                table: "contactos");
        }
    }
}
