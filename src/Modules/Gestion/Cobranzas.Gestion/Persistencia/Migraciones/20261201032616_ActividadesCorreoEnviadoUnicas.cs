using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Gestion.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class ActividadesCorreoEnviadoUnicas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Two registrations of the same sent message that raced before this index: the later copies go (they carry nothing else).
            migrationBuilder.Sql("""
                DELETE FROM gestion.actividades a USING gestion.actividades b
                WHERE a.origen = 'correo_enviado' AND b.origen = 'correo_enviado' AND a.empresa_id = b.empresa_id AND a.origen_id = b.origen_id AND a.id > b.id
                  AND NOT EXISTS (SELECT 1 FROM gestion.adjuntos_actividad j WHERE j.actividad_id = a.id)
                """);
            migrationBuilder.CreateIndex(
                name: "ix_actividades_empresa_id_origen_id",
                schema: "gestion",
                table: "actividades",
                columns: new[] { "empresa_id", "origen_id" },
                unique: true,
                filter: "origen = 'correo_enviado'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_actividades_empresa_id_origen_id",
                schema: "gestion",
                table: "actividades");
        }
    }
}
