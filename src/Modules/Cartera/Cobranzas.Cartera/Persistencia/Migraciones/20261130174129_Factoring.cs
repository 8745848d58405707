using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Factoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "administracion_delegada",
                schema: "cartera",
                table: "documentos",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "evidencia_notificacion_cesion",
                schema: "cartera",
                table: "documentos",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "factor_id",
                schema: "cartera",
                table: "documentos",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "medio_notificacion_cesion",
                schema: "cartera",
                table: "documentos",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "responsabilidad_solidaria",
                schema: "cartera",
                table: "documentos",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "factores",
                schema: "cartera",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rut = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    contacto = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_factores", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "transferencias_factor",
                schema: "cartera",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    factor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    moneda = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    monto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    referencia = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transferencias_factor", x => x.id);
                    table.CheckConstraint("ck_transferencias_factor_monto", "monto > 0");
                    table.ForeignKey(
                        name: "fk_transferencias_factor_factores_factor_id",
                        column: x => x.factor_id,
                        principalSchema: "cartera",
                        principalTable: "factores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transferencias_factor_lineas",
                schema: "cartera",
                columns: table => new
                {
                    transferencia_id = table.Column<Guid>(type: "uuid", nullable: false),
                    aplicacion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    documento_id = table.Column<Guid>(type: "uuid", nullable: false),
                    monto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transferencias_factor_lineas", x => new { x.transferencia_id, x.aplicacion_id });
                    table.CheckConstraint("ck_transferencias_factor_lineas_monto", "monto > 0");
                    table.ForeignKey(
                        name: "fk_transferencias_factor_lineas_aplicaciones_aplicacion_id",
                        column: x => x.aplicacion_id,
                        principalSchema: "cartera",
                        principalTable: "aplicaciones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transferencias_factor_lineas_documentos_documento_id",
                        column: x => x.documento_id,
                        principalSchema: "cartera",
                        principalTable: "documentos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transferencias_factor_lineas_transferencias_factor_transfer",
                        column: x => x.transferencia_id,
                        principalSchema: "cartera",
                        principalTable: "transferencias_factor",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_documentos_factor_id",
                schema: "cartera",
                table: "documentos",
                column: "factor_id");

            migrationBuilder.CreateIndex(
                name: "ix_factores_empresa_id",
                schema: "cartera",
                table: "factores",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_factores_empresa_id_rut",
                schema: "cartera",
                table: "factores",
                columns: new[] { "empresa_id", "rut" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transferencias_factor_empresa_id",
                schema: "cartera",
                table: "transferencias_factor",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_transferencias_factor_empresa_id_factor_id_fecha",
                schema: "cartera",
                table: "transferencias_factor",
                columns: new[] { "empresa_id", "factor_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_transferencias_factor_factor_id",
                schema: "cartera",
                table: "transferencias_factor",
                column: "factor_id");

            migrationBuilder.CreateIndex(
                name: "ix_transferencias_factor_lineas_aplicacion_id",
                schema: "cartera",
                table: "transferencias_factor_lineas",
                column: "aplicacion_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transferencias_factor_lineas_documento_id",
                schema: "cartera",
                table: "transferencias_factor_lineas",
                column: "documento_id");

            migrationBuilder.CreateIndex(
                name: "ix_transferencias_factor_lineas_empresa_id",
                schema: "cartera",
                table: "transferencias_factor_lineas",
                column: "empresa_id");

            // Cessions made before factors were entities: one factor per company and RUT, named as its latest cession.
            migrationBuilder.Sql("""
                INSERT INTO cartera.factores (id, empresa_id, nombre, rut, creado)
                SELECT gen_random_uuid(), d.empresa_id, (array_agg(d.factor_nombre ORDER BY d.fecha_cesion DESC))[1], d.factor_rut, now()
                FROM cartera.documentos d
                WHERE d.factor_rut IS NOT NULL
                GROUP BY d.empresa_id, d.factor_rut;

                UPDATE cartera.documentos d
                SET factor_id = f.id
                FROM cartera.factores f
                WHERE f.empresa_id = d.empresa_id AND f.rut = d.factor_rut;
                """);

            migrationBuilder.AddForeignKey(
                name: "fk_documentos_factor_factor_id",
                schema: "cartera",
                table: "documentos",
                column: "factor_id",
                principalSchema: "cartera",
                principalTable: "factores",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_documentos_factor_factor_id",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropTable(
                name: "transferencias_factor_lineas",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "transferencias_factor",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "factores",
                schema: "cartera");

            migrationBuilder.DropIndex(
                name: "ix_documentos_factor_id",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "administracion_delegada",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "evidencia_notificacion_cesion",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "factor_id",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "medio_notificacion_cesion",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropColumn(
                name: "responsabilidad_solidaria",
                schema: "cartera",
                table: "documentos");
        }
    }
}
