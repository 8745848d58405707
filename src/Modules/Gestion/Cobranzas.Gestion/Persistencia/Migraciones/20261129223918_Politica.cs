using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Gestion.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Politica : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pasos_aplicados",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    paso_id = table.Column<Guid>(type: "uuid", nullable: true),
                    nombre = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    etapa = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    accion = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    vencimiento_ciclo = table.Column<DateOnly>(type: "date", nullable: true),
                    dias_vencido = table.Column<int>(type: "integer", nullable: true),
                    detalle = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    archivo_clave = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    motivo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    registrado_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pasos_aplicados", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pasos_politica",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    orden = table.Column<int>(type: "integer", nullable: false),
                    nombre = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    etapa = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    dias = table.Column<int>(type: "integer", nullable: false),
                    dias_minimos_desde_anterior = table.Column<int>(type: "integer", nullable: false),
                    monto_minimo_vencido = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    segmentos = table.Column<List<string>>(type: "text[]", nullable: false),
                    solo_cuenta_clave = table.Column<bool>(type: "boolean", nullable: false),
                    accion = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    tipo_tarea = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    plantilla = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pasos_politica", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pasos_aplicados_empresa_id",
                schema: "gestion",
                table: "pasos_aplicados",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_pasos_aplicados_empresa_id_cliente_id_paso_id_fecha",
                schema: "gestion",
                table: "pasos_aplicados",
                columns: new[] { "empresa_id", "cliente_id", "paso_id", "fecha" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pasos_aplicados_empresa_id_cliente_id_paso_id_vencimiento_c",
                schema: "gestion",
                table: "pasos_aplicados",
                columns: new[] { "empresa_id", "cliente_id", "paso_id", "vencimiento_ciclo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pasos_politica_empresa_id",
                schema: "gestion",
                table: "pasos_politica",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_pasos_politica_empresa_id_orden",
                schema: "gestion",
                table: "pasos_politica",
                columns: new[] { "empresa_id", "orden" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pasos_aplicados",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "pasos_politica",
                schema: "gestion");
        }
    }
}
