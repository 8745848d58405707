using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Integraciones.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Inicial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "integraciones");

            migrationBuilder.CreateTable(
                name: "asientos_contables",
                schema: "integraciones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    secuencia = table.Column<long>(type: "bigint", nullable: false),
                    tipo_origen = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    origen_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    glosa = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    moneda = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referencia = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    monto_origen = table.Column<decimal>(type: "numeric", nullable: false),
                    costo_origen = table.Column<decimal>(type: "numeric", nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lineas = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asientos_contables", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "configuraciones_contables",
                schema: "integraciones",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cuenta_clientes = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    cuenta_banco = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    cuenta_gasto_incobrables = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    cuenta_provision_incobrables = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    castigo_contra_provision = table.Column<bool>(type: "boolean", nullable: false),
                    cuenta_gasto_protesto = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    cuentas_canal = table.Column<string>(type: "jsonb", nullable: true),
                    cuentas_deposito = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_configuraciones_contables", x => x.empresa_id);
                });

            migrationBuilder.CreateTable(
                name: "enlaces_pago",
                schema: "integraciones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proveedor = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    alcance = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    monto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    moneda = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    clave_documentos = table.Column<string>(type: "text", nullable: false),
                    expira = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    id_externo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    email_pagador = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    pagado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    pago_id = table.Column<Guid>(type: "uuid", nullable: true),
                    id_pago_proveedor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    monto_pagado = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    anulado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ultima_consulta = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    detalle_proveedor = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enlaces_pago", x => x.id);
                });

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
                name: "notificaciones_proveedor",
                schema: "integraciones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proveedor = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    enlace_id = table.Column<Guid>(type: "uuid", nullable: true),
                    referencia = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recibida = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resultado = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    detalle = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notificaciones_proveedor", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "proveedores_empresa",
                schema: "integraciones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    codigo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    credenciales_cifradas = table.Column<string>(type: "text", nullable: true),
                    campos_configurados = table.Column<string[]>(type: "text[]", nullable: false),
                    url_base = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    comision_porcentaje = table.Column<decimal>(type: "numeric(7,4)", precision: 7, scale: 4, nullable: true),
                    comision_fija = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    por_defecto = table.Column<bool>(type: "boolean", nullable: false),
                    activado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    solicitado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    desactivado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    actor_ultimo_cambio = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proveedores_empresa", x => x.id);
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

            migrationBuilder.CreateTable(
                name: "enlaces_pago_documentos",
                schema: "integraciones",
                columns: table => new
                {
                    enlace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    documento_id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    folio = table.Column<long>(type: "bigint", nullable: false),
                    monto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enlaces_pago_documentos", x => new { x.enlace_id, x.documento_id });
                    table.ForeignKey(
                        name: "fk_enlaces_pago_documentos_enlaces_pago_enlace_id",
                        column: x => x.enlace_id,
                        principalSchema: "integraciones",
                        principalTable: "enlaces_pago",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_asientos_contables_empresa_id",
                schema: "integraciones",
                table: "asientos_contables",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_asientos_contables_empresa_id_fecha",
                schema: "integraciones",
                table: "asientos_contables",
                columns: new[] { "empresa_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_asientos_contables_empresa_id_secuencia",
                schema: "integraciones",
                table: "asientos_contables",
                columns: new[] { "empresa_id", "secuencia" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asientos_contables_empresa_id_tipo_origen_origen_id_version",
                schema: "integraciones",
                table: "asientos_contables",
                columns: new[] { "empresa_id", "tipo_origen", "origen_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_configuraciones_contables_empresa_id",
                schema: "integraciones",
                table: "configuraciones_contables",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_enlaces_pago_empresa_id",
                schema: "integraciones",
                table: "enlaces_pago",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_enlaces_pago_empresa_id_clave_documentos",
                schema: "integraciones",
                table: "enlaces_pago",
                columns: new[] { "empresa_id", "clave_documentos" },
                unique: true,
                filter: "estado = 'activo'");

            migrationBuilder.CreateIndex(
                name: "ix_enlaces_pago_empresa_id_cliente_id_creado",
                schema: "integraciones",
                table: "enlaces_pago",
                columns: new[] { "empresa_id", "cliente_id", "creado" });

            migrationBuilder.CreateIndex(
                name: "ix_enlaces_pago_estado_creado",
                schema: "integraciones",
                table: "enlaces_pago",
                columns: new[] { "estado", "creado" });

            migrationBuilder.CreateIndex(
                name: "ix_enlaces_pago_proveedor_id_externo",
                schema: "integraciones",
                table: "enlaces_pago",
                columns: new[] { "proveedor", "id_externo" });

            migrationBuilder.CreateIndex(
                name: "ix_enlaces_pago_documentos_empresa_id",
                schema: "integraciones",
                table: "enlaces_pago_documentos",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_enlaces_pago_documentos_empresa_id_documento_id",
                schema: "integraciones",
                table: "enlaces_pago_documentos",
                columns: new[] { "empresa_id", "documento_id" });

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
                name: "ix_notificaciones_proveedor_empresa_id",
                schema: "integraciones",
                table: "notificaciones_proveedor",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_notificaciones_proveedor_empresa_id_enlace_id_recibida",
                schema: "integraciones",
                table: "notificaciones_proveedor",
                columns: new[] { "empresa_id", "enlace_id", "recibida" });

            migrationBuilder.CreateIndex(
                name: "ix_proveedores_empresa_empresa_id",
                schema: "integraciones",
                table: "proveedores_empresa",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_proveedores_empresa_empresa_id_codigo",
                schema: "integraciones",
                table: "proveedores_empresa",
                columns: new[] { "empresa_id", "codigo" },
                unique: true);

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
                name: "asientos_contables",
                schema: "integraciones");

            migrationBuilder.DropTable(
                name: "configuraciones_contables",
                schema: "integraciones");

            migrationBuilder.DropTable(
                name: "enlaces_pago_documentos",
                schema: "integraciones");

            migrationBuilder.DropTable(
                name: "entregas_webhook",
                schema: "integraciones");

            migrationBuilder.DropTable(
                name: "intentos_webhook",
                schema: "integraciones");

            migrationBuilder.DropTable(
                name: "notificaciones_proveedor",
                schema: "integraciones");

            migrationBuilder.DropTable(
                name: "proveedores_empresa",
                schema: "integraciones");

            migrationBuilder.DropTable(
                name: "suscripciones_webhook",
                schema: "integraciones");

            migrationBuilder.DropTable(
                name: "enlaces_pago",
                schema: "integraciones");
        }
    }
}
