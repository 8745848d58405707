using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Platform.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Idempotencia : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "claves_idempotencia",
                schema: "plataforma",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    clave = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    huella = table.Column<byte[]>(type: "bytea", nullable: false),
                    ruta = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    estado = table.Column<int>(type: "integer", nullable: true),
                    tipo_contenido = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ubicacion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    cuerpo = table.Column<byte[]>(type: "bytea", nullable: true),
                    cuerpo_omitido = table.Column<bool>(type: "boolean", nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expira = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claves_idempotencia", x => new { x.empresa_id, x.clave });
                });

            migrationBuilder.CreateIndex(
                name: "ix_claves_idempotencia_expira",
                schema: "plataforma",
                table: "claves_idempotencia",
                column: "expira");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "claves_idempotencia",
                schema: "plataforma");
        }
    }
}
