using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Gestion.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Trabajo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alertas",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    usuario_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    cobrador_id = table.Column<Guid>(type: "uuid", nullable: true),
                    titulo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    detalle = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    enlace = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    leida = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alertas", x => x.id);
                    table.ForeignKey(
                        name: "fk_alertas_cobradores_cobrador_id",
                        column: x => x.cobrador_id,
                        principalSchema: "gestion",
                        principalTable: "cobradores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alertas_cobrador_id",
                schema: "gestion",
                table: "alertas",
                column: "cobrador_id");

            migrationBuilder.CreateIndex(
                name: "ix_alertas_empresa_id",
                schema: "gestion",
                table: "alertas",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_alertas_empresa_id_cobrador_id_creada",
                schema: "gestion",
                table: "alertas",
                columns: new[] { "empresa_id", "cobrador_id", "creada" });

            migrationBuilder.CreateIndex(
                name: "ix_alertas_empresa_id_usuario_id_creada",
                schema: "gestion",
                table: "alertas",
                columns: new[] { "empresa_id", "usuario_id", "creada" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alertas",
                schema: "gestion");
        }
    }
}
