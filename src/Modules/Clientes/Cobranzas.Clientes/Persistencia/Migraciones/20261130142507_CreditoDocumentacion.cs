using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Clientes.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class CreditoDocumentacion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "documentacion",
                schema: "clientes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    descripcion = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    monto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    moneda = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    fecha_emision = table.Column<DateOnly>(type: "date", nullable: true),
                    vencimiento = table.Column<DateOnly>(type: "date", nullable: true),
                    representante = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    archivo_clave = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    archivo_nombre = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    archivo_content_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    archivo_tamano = table.Column<long>(type: "bigint", nullable: true),
                    registrado_por = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    registrado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documentacion", x => x.id);
                    table.ForeignKey(
                        name: "fk_documentacion_clientes_cliente_id",
                        column: x => x.cliente_id,
                        principalSchema: "clientes",
                        principalTable: "clientes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ponderaciones_score",
                schema: "clientes",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dias_pago = table.Column<int>(type: "integer", nullable: false),
                    protestos = table.Column<int>(type: "integer", nullable: false),
                    compromisos_rotos = table.Column<int>(type: "integer", nullable: false),
                    bureau = table.Column<int>(type: "integer", nullable: false),
                    antiguedad = table.Column<int>(type: "integer", nullable: false),
                    exposicion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ponderaciones_score", x => x.empresa_id);
                });

            migrationBuilder.CreateTable(
                name: "solicitudes_credito",
                schema: "clientes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    limite_solicitado = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    moneda = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    plazo_dias = table.Column<int>(type: "integer", nullable: false),
                    vigencia_meses = table.Column<int>(type: "integer", nullable: false),
                    referencias_comerciales = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    limite_anterior = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    moneda_limite_anterior = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    monto_uf = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    vigente_hasta = table.Column<DateOnly>(type: "date", nullable: true),
                    creada_por = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resuelta = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    tarea_revision_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    financieros = table.Column<string>(type: "jsonb", nullable: true),
                    informe = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_solicitudes_credito", x => x.id);
                    table.ForeignKey(
                        name: "fk_solicitudes_credito_clientes_cliente_id",
                        column: x => x.cliente_id,
                        principalSchema: "clientes",
                        principalTable: "clientes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_documentacion_cliente_id",
                schema: "clientes",
                table: "documentacion",
                column: "cliente_id");

            migrationBuilder.CreateIndex(
                name: "ix_documentacion_empresa_id",
                schema: "clientes",
                table: "documentacion",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_documentacion_empresa_id_cliente_id_tipo",
                schema: "clientes",
                table: "documentacion",
                columns: new[] { "empresa_id", "cliente_id", "tipo" });

            migrationBuilder.CreateIndex(
                name: "ix_documentacion_empresa_id_vencimiento",
                schema: "clientes",
                table: "documentacion",
                columns: new[] { "empresa_id", "vencimiento" });

            migrationBuilder.CreateIndex(
                name: "ix_ponderaciones_score_empresa_id",
                schema: "clientes",
                table: "ponderaciones_score",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_solicitudes_credito_cliente_id",
                schema: "clientes",
                table: "solicitudes_credito",
                column: "cliente_id");

            migrationBuilder.CreateIndex(
                name: "ix_solicitudes_credito_empresa_id",
                schema: "clientes",
                table: "solicitudes_credito",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_solicitudes_credito_empresa_id_cliente_id_creada",
                schema: "clientes",
                table: "solicitudes_credito",
                columns: new[] { "empresa_id", "cliente_id", "creada" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "documentacion",
                schema: "clientes");

            migrationBuilder.DropTable(
                name: "ponderaciones_score",
                schema: "clientes");

            migrationBuilder.DropTable(
                name: "solicitudes_credito",
                schema: "clientes");
        }
    }
}
