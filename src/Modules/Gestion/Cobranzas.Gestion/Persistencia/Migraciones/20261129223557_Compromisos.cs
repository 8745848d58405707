using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Gestion.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Compromisos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "compromisos",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    documento_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    cuotas = table.Column<string>(type: "jsonb", nullable: false),
                    monto = table.Column<decimal>(type: "numeric", nullable: false),
                    monto_cumplido = table.Column<decimal>(type: "numeric", nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    canal = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    notas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    tomado_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    cobrador_id = table.Column<Guid>(type: "uuid", nullable: true),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    desde = table.Column<DateOnly>(type: "date", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compromisos", x => x.id);
                    table.ForeignKey(
                        name: "fk_compromisos_cobradores_cobrador_id",
                        column: x => x.cobrador_id,
                        principalSchema: "gestion",
                        principalTable: "cobradores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "motivos_disputa",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    activo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_motivos_disputa", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "compromisos_historial",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    compromiso_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    motivo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    autor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    cuotas = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compromisos_historial", x => x.id);
                    table.ForeignKey(
                        name: "fk_compromisos_historial_compromisos_compromiso_id",
                        column: x => x.compromiso_id,
                        principalSchema: "gestion",
                        principalTable: "compromisos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "disputas",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    documento_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    motivo_id = table.Column<Guid>(type: "uuid", nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    asignado_a_id = table.Column<Guid>(type: "uuid", nullable: true),
                    notas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creada_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    resuelta = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolucion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disputas", x => x.id);
                    table.ForeignKey(
                        name: "fk_disputas_cobradores_asignado_a_id",
                        column: x => x.asignado_a_id,
                        principalSchema: "gestion",
                        principalTable: "cobradores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_disputas_motivos_disputa_motivo_id",
                        column: x => x.motivo_id,
                        principalSchema: "gestion",
                        principalTable: "motivos_disputa",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disputas_adjuntos",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    disputa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tipo_contenido = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    tamano = table.Column<long>(type: "bigint", nullable: false),
                    clave = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subido = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    subido_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disputas_adjuntos", x => x.id);
                    table.ForeignKey(
                        name: "fk_disputas_adjuntos_disputas_disputa_id",
                        column: x => x.disputa_id,
                        principalSchema: "gestion",
                        principalTable: "disputas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "disputas_historial",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    disputa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    notas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    autor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disputas_historial", x => x.id);
                    table.ForeignKey(
                        name: "fk_disputas_historial_disputas_disputa_id",
                        column: x => x.disputa_id,
                        principalSchema: "gestion",
                        principalTable: "disputas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_compromisos_cobrador_id",
                schema: "gestion",
                table: "compromisos",
                column: "cobrador_id");

            migrationBuilder.CreateIndex(
                name: "ix_compromisos_empresa_id",
                schema: "gestion",
                table: "compromisos",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_compromisos_empresa_id_cliente_id_estado",
                schema: "gestion",
                table: "compromisos",
                columns: new[] { "empresa_id", "cliente_id", "estado" });

            migrationBuilder.CreateIndex(
                name: "ix_compromisos_empresa_id_estado",
                schema: "gestion",
                table: "compromisos",
                columns: new[] { "empresa_id", "estado" });

            migrationBuilder.CreateIndex(
                name: "ix_compromisos_historial_compromiso_id",
                schema: "gestion",
                table: "compromisos_historial",
                column: "compromiso_id");

            migrationBuilder.CreateIndex(
                name: "ix_compromisos_historial_empresa_id",
                schema: "gestion",
                table: "compromisos_historial",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_compromisos_historial_empresa_id_compromiso_id_fecha",
                schema: "gestion",
                table: "compromisos_historial",
                columns: new[] { "empresa_id", "compromiso_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_disputas_asignado_a_id",
                schema: "gestion",
                table: "disputas",
                column: "asignado_a_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputas_empresa_id",
                schema: "gestion",
                table: "disputas",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputas_empresa_id_cliente_id_estado",
                schema: "gestion",
                table: "disputas",
                columns: new[] { "empresa_id", "cliente_id", "estado" });

            migrationBuilder.CreateIndex(
                name: "ix_disputas_empresa_id_estado_asignado_a_id",
                schema: "gestion",
                table: "disputas",
                columns: new[] { "empresa_id", "estado", "asignado_a_id" });

            migrationBuilder.CreateIndex(
                name: "ix_disputas_motivo_id",
                schema: "gestion",
                table: "disputas",
                column: "motivo_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputas_adjuntos_disputa_id",
                schema: "gestion",
                table: "disputas_adjuntos",
                column: "disputa_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputas_adjuntos_empresa_id",
                schema: "gestion",
                table: "disputas_adjuntos",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputas_adjuntos_empresa_id_disputa_id",
                schema: "gestion",
                table: "disputas_adjuntos",
                columns: new[] { "empresa_id", "disputa_id" });

            migrationBuilder.CreateIndex(
                name: "ix_disputas_historial_disputa_id",
                schema: "gestion",
                table: "disputas_historial",
                column: "disputa_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputas_historial_empresa_id",
                schema: "gestion",
                table: "disputas_historial",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputas_historial_empresa_id_disputa_id_fecha",
                schema: "gestion",
                table: "disputas_historial",
                columns: new[] { "empresa_id", "disputa_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_motivos_disputa_empresa_id",
                schema: "gestion",
                table: "motivos_disputa",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_motivos_disputa_empresa_id_nombre",
                schema: "gestion",
                table: "motivos_disputa",
                columns: new[] { "empresa_id", "nombre" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "compromisos_historial",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "disputas_adjuntos",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "disputas_historial",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "compromisos",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "disputas",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "motivos_disputa",
                schema: "gestion");
        }
    }
}
