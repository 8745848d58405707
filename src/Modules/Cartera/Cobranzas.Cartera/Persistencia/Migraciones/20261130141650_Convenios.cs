using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Convenios : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_aplicaciones_origen",
                schema: "cartera",
                table: "aplicaciones");

            migrationBuilder.AddColumn<Guid>(
                name: "convenio_id",
                schema: "cartera",
                table: "aplicaciones",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "configuracion_convenios",
                schema: "cartera",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dias_ruptura = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_configuracion_convenios", x => x.empresa_id);
                });

            migrationBuilder.CreateTable(
                name: "convenios",
                schema: "cartera",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    numero = table.Column<long>(type: "bigint", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    estado = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    moneda = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    saldo_documentos = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    interes_mora = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    porcentaje_condonacion = table.Column<decimal>(type: "numeric(7,4)", precision: 7, scale: 4, nullable: false),
                    monto_condonacion = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    monto_quita = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    monto_convenido = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    interes_financiamiento = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    total_cuotas = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    numero_cuotas = table.Column<int>(type: "integer", nullable: false),
                    primera_fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    frecuencia = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    tasa_mensual = table.Column<decimal>(type: "numeric(7,4)", precision: 7, scale: 4, nullable: false),
                    detalle = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    notas = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    solicitud_portal_id = table.Column<Guid>(type: "uuid", nullable: true),
                    estado_aprobacion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    decidido_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    fecha_decision = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    comentario_decision = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    documento_id = table.Column<Guid>(type: "uuid", nullable: true),
                    fecha_firma = table.Column<DateOnly>(type: "date", nullable: true),
                    firmado_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    fecha_termino = table.Column<DateOnly>(type: "date", nullable: true),
                    motivo_termino = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    terminado_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    monto_repuesto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    creado_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_convenios", x => x.id);
                    table.CheckConstraint("ck_convenios_rastro", "saldo_documentos + interes_mora = monto_convenido + monto_condonacion + monto_quita");
                    table.CheckConstraint("ck_convenios_total", "total_cuotas = monto_convenido + interes_financiamiento AND monto_convenido > 0");
                    table.ForeignKey(
                        name: "fk_convenios_documentos_documento_id",
                        column: x => x.documento_id,
                        principalSchema: "cartera",
                        principalTable: "documentos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "convenio_cuotas",
                schema: "cartera",
                columns: table => new
                {
                    convenio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    numero = table.Column<int>(type: "integer", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha_vencimiento = table.Column<DateOnly>(type: "date", nullable: false),
                    capital = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    interes = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    monto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_convenio_cuotas", x => new { x.convenio_id, x.numero });
                    table.CheckConstraint("ck_convenio_cuotas_monto", "monto = capital + interes AND monto > 0");
                    table.ForeignKey(
                        name: "fk_convenio_cuotas_convenios_convenio_id",
                        column: x => x.convenio_id,
                        principalSchema: "cartera",
                        principalTable: "convenios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "convenio_documentos",
                schema: "cartera",
                columns: table => new
                {
                    convenio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    documento_id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    folio = table.Column<long>(type: "bigint", nullable: false),
                    fecha_vencimiento = table.Column<DateOnly>(type: "date", nullable: false),
                    saldo = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    interes = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    condonacion = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    quita = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    repuesto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_convenio_documentos", x => new { x.convenio_id, x.documento_id });
                    table.ForeignKey(
                        name: "fk_convenio_documentos_convenios_convenio_id",
                        column: x => x.convenio_id,
                        principalSchema: "cartera",
                        principalTable: "convenios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_convenio_documentos_documentos_documento_id",
                        column: x => x.documento_id,
                        principalSchema: "cartera",
                        principalTable: "documentos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_aplicaciones_convenio_id",
                schema: "cartera",
                table: "aplicaciones",
                column: "convenio_id",
                filter: "convenio_id IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_aplicaciones_origen",
                schema: "cartera",
                table: "aplicaciones",
                sql: "num_nonnulls(pago_id, nota_credito_id, convenio_id) = 1");

            migrationBuilder.CreateIndex(
                name: "ix_configuracion_convenios_empresa_id",
                schema: "cartera",
                table: "configuracion_convenios",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_convenio_cuotas_empresa_id",
                schema: "cartera",
                table: "convenio_cuotas",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_convenio_documentos_documento_id",
                schema: "cartera",
                table: "convenio_documentos",
                column: "documento_id");

            migrationBuilder.CreateIndex(
                name: "ix_convenio_documentos_empresa_id",
                schema: "cartera",
                table: "convenio_documentos",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_convenios_documento_id",
                schema: "cartera",
                table: "convenios",
                column: "documento_id");

            migrationBuilder.CreateIndex(
                name: "ix_convenios_empresa_id",
                schema: "cartera",
                table: "convenios",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_convenios_empresa_id_cliente_id",
                schema: "cartera",
                table: "convenios",
                columns: new[] { "empresa_id", "cliente_id" });

            migrationBuilder.CreateIndex(
                name: "ix_convenios_empresa_id_estado",
                schema: "cartera",
                table: "convenios",
                columns: new[] { "empresa_id", "estado" });

            migrationBuilder.CreateIndex(
                name: "ix_convenios_empresa_id_numero",
                schema: "cartera",
                table: "convenios",
                columns: new[] { "empresa_id", "numero" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_aplicaciones_convenio_convenio_id",
                schema: "cartera",
                table: "aplicaciones",
                column: "convenio_id",
                principalSchema: "cartera",
                principalTable: "convenios",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_aplicaciones_convenio_convenio_id",
                schema: "cartera",
                table: "aplicaciones");

            migrationBuilder.DropTable(
                name: "configuracion_convenios",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "convenio_cuotas",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "convenio_documentos",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "convenios",
                schema: "cartera");

            migrationBuilder.DropIndex(
                name: "ix_aplicaciones_convenio_id",
                schema: "cartera",
                table: "aplicaciones");

            migrationBuilder.DropCheckConstraint(
                name: "ck_aplicaciones_origen",
                schema: "cartera",
                table: "aplicaciones");

            migrationBuilder.DropColumn(
                name: "convenio_id",
                schema: "cartera",
                table: "aplicaciones");

            migrationBuilder.AddCheckConstraint(
                name: "ck_aplicaciones_origen",
                schema: "cartera",
                table: "aplicaciones",
                sql: "(pago_id IS NULL) <> (nota_credito_id IS NULL)");
        }
    }
}
