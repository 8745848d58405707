using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Notificaciones.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class AdjuntosEnvios : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "envios_adjuntos",
                schema: "notificaciones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    envio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tipo_contenido = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contenido = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_envios_adjuntos", x => x.id);
                    table.ForeignKey(
                        name: "fk_envios_adjuntos_envios_envio_id",
                        column: x => x.envio_id,
                        principalSchema: "notificaciones",
                        principalTable: "envios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_envios_adjuntos_empresa_id",
                schema: "notificaciones",
                table: "envios_adjuntos",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_envios_adjuntos_envio_id",
                schema: "notificaciones",
                table: "envios_adjuntos",
                column: "envio_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "envios_adjuntos",
                schema: "notificaciones");
        }
    }
}
