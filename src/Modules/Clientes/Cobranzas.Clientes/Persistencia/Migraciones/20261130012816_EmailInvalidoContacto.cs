using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Clientes.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class EmailInvalidoContacto : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "email_invalido",
                schema: "clientes",
                table: "contactos",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "email_invalido",
                schema: "clientes",
                table: "contactos");
        }
    }
}
