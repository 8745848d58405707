using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Notificaciones.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Seguimiento : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mensajes_imap",
                schema: "notificaciones",
                columns: table => new
                {
                    clave = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    message_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    procesado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resultado = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    envio_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mensajes_imap", x => x.clave);
                });

            migrationBuilder.CreateTable(
                name: "respuestas",
                schema: "notificaciones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    envio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    de = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    asunto = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    texto = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    message_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    fecha = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recibida = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    motivo = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    acuse_enviado = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_respuestas", x => x.id);
                    table.ForeignKey(
                        name: "fk_respuestas_envios_envio_id",
                        column: x => x.envio_id,
                        principalSchema: "notificaciones",
                        principalTable: "envios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_mensajes_imap_message_id",
                schema: "notificaciones",
                table: "mensajes_imap",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_respuestas_empresa_id",
                schema: "notificaciones",
                table: "respuestas",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_respuestas_empresa_id_envio_id_fecha",
                schema: "notificaciones",
                table: "respuestas",
                columns: new[] { "empresa_id", "envio_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_respuestas_envio_id",
                schema: "notificaciones",
                table: "respuestas",
                column: "envio_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mensajes_imap",
                schema: "notificaciones");

            migrationBuilder.DropTable(
                name: "respuestas",
                schema: "notificaciones");
        }
    }
}
