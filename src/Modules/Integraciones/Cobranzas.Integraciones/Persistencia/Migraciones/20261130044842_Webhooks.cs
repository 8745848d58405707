using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Integraciones.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Webhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "integraciones");

            migrationBuilder.CreateTable(
                name: "entregas_webhook",
                schema: "integraciones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    suscripcion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    evento_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    entidad_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cuerpo = table.Column<string>(type: "text", nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    intentos = table.Column<int>(type: "integer", nullable: false),
                    proximo_intento = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    entregada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ultimo_codigo = table.Column<int>(type: "integer", nullable: true),
                    ultimo_detalle = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entregas_webhook", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "intentos_webhook",
                schema: "integraciones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entrega_id = table.Column<Guid>(type: "uuid", nullable: false),
                    numero = table.Column<int>(type: "integer", nullable: false),
                    momento = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    codigo_estado = table.Column<int>(type: "integer", nullable: true),
                    duracion_ms = table.Column<int>(type: "integer", nullable: false),
                    respuesta = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_intentos_webhook", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "suscripciones_webhook",
                schema: "integraciones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    descripcion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    eventos = table.Column<List<string>>(type: "text[]", nullable: false),
                    secreto_protegido = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    activa = table.Column<bool>(type: "boolean", nullable: false),
                    fallos_consecutivos = table.Column<int>(type: "integer", nullable: false),
                    fallando_desde = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    desactivada_automaticamente = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suscripciones_webhook", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_entregas_webhook_empresa_id",
                schema: "integraciones",
                table: "entregas_webhook",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_entregas_webhook_estado_proximo_intento",
                schema: "integraciones",
                table: "entregas_webhook",
                columns: new[] { "estado", "proximo_intento" });

            migrationBuilder.CreateIndex(
                name: "ix_entregas_webhook_suscripcion_id_creada",
                schema: "integraciones",
                table: "entregas_webhook",
                columns: new[] { "suscripcion_id", "creada" });

            migrationBuilder.CreateIndex(
                name: "ix_entregas_webhook_suscripcion_id_evento_id",
                schema: "integraciones",
                table: "entregas_webhook",
                columns: new[] { "suscripcion_id", "evento_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_intentos_webhook_empresa_id",
                schema: "integraciones",
                table: "intentos_webhook",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_intentos_webhook_entrega_id_numero",
                schema: "integraciones",
                table: "intentos_webhook",
                columns: new[] { "entrega_id", "numero" });

            migrationBuilder.CreateIndex(
                name: "ix_suscripciones_webhook_empresa_id",
                schema: "integraciones",
                table: "suscripciones_webhook",
                column: "empresa_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "entregas_webhook",
                schema: "integraciones");

            migrationBuilder.DropTable(
                name: "intentos_webhook",
                schema: "integraciones");

            migrationBuilder.DropTable(
                name: "suscripciones_webhook",
                schema: "integraciones");
        }
    }
}
