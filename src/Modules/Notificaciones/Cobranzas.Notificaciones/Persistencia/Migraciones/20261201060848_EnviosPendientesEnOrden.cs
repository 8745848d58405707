using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Notificaciones.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class EnviosPendientesEnOrden : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_envios_proximo_intento",
                schema: "notificaciones",
                table: "envios");

            migrationBuilder.CreateIndex(
                name: "ix_envios_pendientes",
                schema: "notificaciones",
                table: "envios",
                columns: new[] { "proximo_intento", "id" },
                filter: "estado = 'pendiente'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_envios_pendientes",
                schema: "notificaciones",
                table: "envios");

            migrationBuilder.CreateIndex(
                name: "ix_envios_proximo_intento",
                schema: "notificaciones",
                table: "envios",
                column: "proximo_intento",
                filter: "estado = 'pendiente'");
        }
    }
}
