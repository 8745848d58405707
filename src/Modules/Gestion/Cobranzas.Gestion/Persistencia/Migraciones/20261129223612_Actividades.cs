using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Gestion.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Actividades : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "adjuntos_actividad",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actividad_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    tamano = table.Column<long>(type: "bigint", nullable: false),
                    clave = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_adjuntos_actividad", x => x.id);
                    table.ForeignKey(
                        name: "fk_adjuntos_actividad_actividades_actividad_id",
                        column: x => x.actividad_id,
                        principalSchema: "gestion",
                        principalTable: "actividades",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "guiones",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    etapa = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    plantilla = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    activo = table.Column<bool>(type: "boolean", nullable: false),
                    actualizado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_guiones", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_adjuntos_actividad_actividad_id",
                schema: "gestion",
                table: "adjuntos_actividad",
                column: "actividad_id");

            migrationBuilder.CreateIndex(
                name: "ix_adjuntos_actividad_empresa_id",
                schema: "gestion",
                table: "adjuntos_actividad",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_adjuntos_actividad_empresa_id_actividad_id",
                schema: "gestion",
                table: "adjuntos_actividad",
                columns: new[] { "empresa_id", "actividad_id" });

            migrationBuilder.CreateIndex(
                name: "ix_guiones_empresa_id",
                schema: "gestion",
                table: "guiones",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_guiones_empresa_id_nombre",
                schema: "gestion",
                table: "guiones",
                columns: new[] { "empresa_id", "nombre" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "adjuntos_actividad",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "guiones",
                schema: "gestion");
        }
    }
}
