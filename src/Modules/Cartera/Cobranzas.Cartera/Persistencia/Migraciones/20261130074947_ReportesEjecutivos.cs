using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class ReportesEjecutivos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reportes_ejecutivos",
                schema: "cartera",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    frecuencia = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    dia_semana = table.Column<int>(type: "integer", nullable: true),
                    dia_mes = table.Column<int>(type: "integer", nullable: true),
                    hora = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    grupo_cliente_id = table.Column<Guid>(type: "uuid", nullable: true),
                    usuario_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    activo = table.Column<bool>(type: "boolean", nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ultimo_envio = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reportes_ejecutivos", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_reportes_ejecutivos_empresa_id",
                schema: "cartera",
                table: "reportes_ejecutivos",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_reportes_ejecutivos_empresa_id_nombre",
                schema: "cartera",
                table: "reportes_ejecutivos",
                columns: new[] { "empresa_id", "nombre" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reportes_ejecutivos",
                schema: "cartera");
        }
    }
}
