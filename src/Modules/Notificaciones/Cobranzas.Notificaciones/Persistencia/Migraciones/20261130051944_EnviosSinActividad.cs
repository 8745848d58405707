using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Notificaciones.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class EnviosSinActividad : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_envios_sin_actividad",
                schema: "notificaciones",
                table: "envios",
                column: "enviado",
                filter: "estado = 'enviado' AND NOT actividad_registrada");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_envios_sin_actividad",
                schema: "notificaciones",
                table: "envios");
        }
    }
}
