using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Notificaciones.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Inicial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "notificaciones");

            migrationBuilder.CreateTable(
                name: "configuracion",
                schema: "notificaciones",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre_remitente = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    responder_a = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    acuse_respuestas = table.Column<bool>(type: "boolean", nullable: false),
                    plantilla_acuse = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_configuracion", x => x.empresa_id);
                });

            migrationBuilder.CreateTable(
                name: "cuentas_deposito",
                schema: "notificaciones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    banco = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tipo_cuenta = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    numero = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    titular = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rut_titular = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    email_notificacion = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    activa = table.Column<bool>(type: "boolean", nullable: false),
                    por_defecto = table.Column<bool>(type: "boolean", nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cuentas_deposito", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "definiciones",
                schema: "notificaciones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    asunto = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    descripcion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    activa = table.Column<bool>(type: "boolean", nullable: false),
                    incluir_cuentas = table.Column<bool>(type: "boolean", nullable: false),
                    cuenta_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    frecuencia = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    dias_semana = table.Column<List<int>>(type: "integer[]", nullable: false),
                    dia_mes = table.Column<int>(type: "integer", nullable: true),
                    hora = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    dias_antes = table.Column<int>(type: "integer", nullable: true),
                    dias_vencido_minimo = table.Column<int>(type: "integer", nullable: true),
                    modo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    grupos_clientes = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    grupos_contactos = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    segmentos = table.Column<List<string>>(type: "text[]", nullable: false),
                    etapas = table.Column<List<string>>(type: "text[]", nullable: false),
                    cobrador_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    monto_vencido_minimo = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    roles_contacto = table.Column<List<string>>(type: "text[]", nullable: false),
                    plantilla = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    firma = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    logo_clave = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    logo_content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    responder_a = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actualizada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_definiciones", x => x.id);
                });

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
                name: "envios",
                schema: "notificaciones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    definicion_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    clave = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    origen = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    fecha_negocio = table.Column<DateOnly>(type: "date", nullable: false),
                    para = table.Column<List<string>>(type: "text[]", nullable: false),
                    contacto_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    documento_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    asunto = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    html = table.Column<string>(type: "text", nullable: false),
                    texto = table.Column<string>(type: "text", nullable: true),
                    responder_a = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    message_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    detalle = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    intentos = table.Column<int>(type: "integer", nullable: false),
                    proximo_intento = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    enviado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    abierto = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    apertura_probable_automatica = table.Column<bool>(type: "boolean", nullable: false),
                    clic = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rebotado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    respondido = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    actividad_registrada = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_envios", x => x.id);
                    table.ForeignKey(
                        name: "fk_envios_definiciones_definicion_id",
                        column: x => x.definicion_id,
                        principalSchema: "notificaciones",
                        principalTable: "definiciones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "eventos_envio",
                schema: "notificaciones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    envio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    fecha = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    detalle = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_eventos_envio", x => x.id);
                    table.ForeignKey(
                        name: "fk_eventos_envio_envios_envio_id",
                        column: x => x.envio_id,
                        principalSchema: "notificaciones",
                        principalTable: "envios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "ix_configuracion_empresa_id",
                schema: "notificaciones",
                table: "configuracion",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_cuentas_deposito_empresa_id",
                schema: "notificaciones",
                table: "cuentas_deposito",
                column: "empresa_id",
                unique: true,
                filter: "por_defecto");

            migrationBuilder.CreateIndex(
                name: "ix_cuentas_deposito_empresa_id_banco_numero",
                schema: "notificaciones",
                table: "cuentas_deposito",
                columns: new[] { "empresa_id", "banco", "numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_definiciones_empresa_id",
                schema: "notificaciones",
                table: "definiciones",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_definiciones_empresa_id_asunto",
                schema: "notificaciones",
                table: "definiciones",
                columns: new[] { "empresa_id", "asunto" });

            migrationBuilder.CreateIndex(
                name: "ix_envios_definicion_id",
                schema: "notificaciones",
                table: "envios",
                column: "definicion_id");

            migrationBuilder.CreateIndex(
                name: "ix_envios_empresa_id",
                schema: "notificaciones",
                table: "envios",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_envios_empresa_id_clave",
                schema: "notificaciones",
                table: "envios",
                columns: new[] { "empresa_id", "clave" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_envios_empresa_id_cliente_id_creado",
                schema: "notificaciones",
                table: "envios",
                columns: new[] { "empresa_id", "cliente_id", "creado" });

            migrationBuilder.CreateIndex(
                name: "ix_envios_empresa_id_creado",
                schema: "notificaciones",
                table: "envios",
                columns: new[] { "empresa_id", "creado" });

            migrationBuilder.CreateIndex(
                name: "ix_envios_empresa_id_definicion_id_fecha_negocio",
                schema: "notificaciones",
                table: "envios",
                columns: new[] { "empresa_id", "definicion_id", "fecha_negocio" });

            migrationBuilder.CreateIndex(
                name: "ix_envios_message_id",
                schema: "notificaciones",
                table: "envios",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_envios_proximo_intento",
                schema: "notificaciones",
                table: "envios",
                column: "proximo_intento",
                filter: "estado = 'pendiente'");

            migrationBuilder.CreateIndex(
                name: "ix_eventos_envio_empresa_id",
                schema: "notificaciones",
                table: "eventos_envio",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_eventos_envio_empresa_id_envio_id_fecha",
                schema: "notificaciones",
                table: "eventos_envio",
                columns: new[] { "empresa_id", "envio_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_eventos_envio_envio_id",
                schema: "notificaciones",
                table: "eventos_envio",
                column: "envio_id");

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
                name: "configuracion",
                schema: "notificaciones");

            migrationBuilder.DropTable(
                name: "cuentas_deposito",
                schema: "notificaciones");

            migrationBuilder.DropTable(
                name: "eventos_envio",
                schema: "notificaciones");

            migrationBuilder.DropTable(
                name: "mensajes_imap",
                schema: "notificaciones");

            migrationBuilder.DropTable(
                name: "respuestas",
                schema: "notificaciones");

            migrationBuilder.DropTable(
                name: "envios",
                schema: "notificaciones");

            migrationBuilder.DropTable(
                name: "definiciones",
                schema: "notificaciones");
        }
    }
}
