using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Notificaciones.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Envios : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "actividad_registrada",
                schema: "notificaciones",
                table: "envios",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "actividad_registrada",
                schema: "notificaciones",
                table: "envios");
        }
    }
}
