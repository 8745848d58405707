using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class CastigosYConveniosPortal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_solicitudes_nota_debito_empresa_id_cliente_id_fecha",
                schema: "cartera",
                table: "solicitudes_nota_debito");

            migrationBuilder.AddColumn<Guid>(
                name: "convenio_id",
                schema: "cartera",
                table: "solicitudes_nota_debito",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "configuracion_castigos",
                schema: "cartera",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dias_minimos = table.Column<int>(type: "integer", nullable: false),
                    exige_cierre_judicial = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_configuracion_castigos", x => x.empresa_id);
                });

            migrationBuilder.CreateTable(
                name: "propuestas_castigo",
                schema: "cartera",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    numero = table.Column<long>(type: "bigint", nullable: false),
                    estado = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    motivo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    total = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    monto_provision = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    monto_gasto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    estado_aprobacion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    fecha_castigo = table.Column<DateOnly>(type: "date", nullable: true),
                    fecha_decision = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    motivo_anulacion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    creada_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_propuestas_castigo", x => x.id);
                    table.CheckConstraint("ck_propuestas_castigo_asiento", "monto_provision + monto_gasto = total AND total > 0 AND monto_provision >= 0 AND monto_gasto >= 0");
                });

            migrationBuilder.CreateTable(
                name: "recuperos_castigo",
                schema: "cartera",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    documento_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    monto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    referencia = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    registrado_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recuperos_castigo", x => x.id);
                    table.CheckConstraint("ck_recuperos_castigo_monto", "monto > 0");
                    table.ForeignKey(
                        name: "fk_recuperos_castigo_documentos_documento_id",
                        column: x => x.documento_id,
                        principalSchema: "cartera",
                        principalTable: "documentos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "propuesta_castigo_documentos",
                schema: "cartera",
                columns: table => new
                {
                    propuesta_id = table.Column<Guid>(type: "uuid", nullable: false),
                    documento_id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    folio = table.Column<long>(type: "bigint", nullable: false),
                    fecha_vencimiento = table.Column<DateOnly>(type: "date", nullable: false),
                    dias_vencido = table.Column<int>(type: "integer", nullable: false),
                    saldo = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    provision = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    motivo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_propuesta_castigo_documentos", x => new { x.propuesta_id, x.documento_id });
                    table.ForeignKey(
                        name: "fk_propuesta_castigo_documentos_documentos_documento_id",
                        column: x => x.documento_id,
                        principalSchema: "cartera",
                        principalTable: "documentos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_propuesta_castigo_documentos_propuestas_castigo_propuesta_id",
                        column: x => x.propuesta_id,
                        principalSchema: "cartera",
                        principalTable: "propuestas_castigo",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_solicitudes_nota_debito_empresa_id_cliente_id_fecha",
                schema: "cartera",
                table: "solicitudes_nota_debito",
                columns: new[] { "empresa_id", "cliente_id", "fecha" },
                unique: true,
                filter: "estado <> 'anulada' AND convenio_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_solicitudes_nota_debito_empresa_id_convenio_id",
                schema: "cartera",
                table: "solicitudes_nota_debito",
                columns: new[] { "empresa_id", "convenio_id" },
                unique: true,
                filter: "estado <> 'anulada' AND convenio_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_configuracion_castigos_empresa_id",
                schema: "cartera",
                table: "configuracion_castigos",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_propuesta_castigo_documentos_documento_id",
                schema: "cartera",
                table: "propuesta_castigo_documentos",
                column: "documento_id");

            migrationBuilder.CreateIndex(
                name: "ix_propuesta_castigo_documentos_empresa_id",
                schema: "cartera",
                table: "propuesta_castigo_documentos",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_propuestas_castigo_empresa_id",
                schema: "cartera",
                table: "propuestas_castigo",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_propuestas_castigo_empresa_id_estado",
                schema: "cartera",
                table: "propuestas_castigo",
                columns: new[] { "empresa_id", "estado" });

            migrationBuilder.CreateIndex(
                name: "ix_propuestas_castigo_empresa_id_numero",
                schema: "cartera",
                table: "propuestas_castigo",
                columns: new[] { "empresa_id", "numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recuperos_castigo_documento_id",
                schema: "cartera",
                table: "recuperos_castigo",
                column: "documento_id");

            migrationBuilder.CreateIndex(
                name: "ix_recuperos_castigo_empresa_id",
                schema: "cartera",
                table: "recuperos_castigo",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_recuperos_castigo_empresa_id_fecha",
                schema: "cartera",
                table: "recuperos_castigo",
                columns: new[] { "empresa_id", "fecha" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "configuracion_castigos",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "propuesta_castigo_documentos",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "recuperos_castigo",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "propuestas_castigo",
                schema: "cartera");

            migrationBuilder.DropIndex(
                name: "ix_solicitudes_nota_debito_empresa_id_cliente_id_fecha",
                schema: "cartera",
                table: "solicitudes_nota_debito");

            migrationBuilder.DropIndex(
                name: "ix_solicitudes_nota_debito_empresa_id_convenio_id",
                schema: "cartera",
                table: "solicitudes_nota_debito");

            migrationBuilder.DropColumn(
                name: "convenio_id",
                schema: "cartera",
                table: "solicitudes_nota_debito");

            migrationBuilder.CreateIndex(
                name: "ix_solicitudes_nota_debito_empresa_id_cliente_id_fecha",
                schema: "cartera",
                table: "solicitudes_nota_debito",
                columns: new[] { "empresa_id", "cliente_id", "fecha" },
                unique: true,
                filter: "estado <> 'anulada'");
        }
    }
}
