using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class ArchivoDocumento : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "archivos_documento",
                schema: "cartera",
                columns: table => new
                {
                    documento_id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    clave = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    tamano = table.Column<long>(type: "bigint", nullable: false),
                    subido = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    subido_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_archivos_documento", x => x.documento_id);
                    table.ForeignKey(
                        name: "fk_archivos_documento_documentos_documento_id",
                        column: x => x.documento_id,
                        principalSchema: "cartera",
                        principalTable: "documentos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_archivos_documento_empresa_id",
                schema: "cartera",
                table: "archivos_documento",
                column: "empresa_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "archivos_documento",
                schema: "cartera");
        }
    }
}
