using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Notificaciones.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class ClaveEnlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "clave_enlaces",
                schema: "notificaciones",
                columns: table => new
                {
                    id = table.Column<short>(type: "smallint", nullable: false),
                    clave_protegida = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clave_enlaces", x => x.id);
                    table.CheckConstraint("ck_clave_enlaces_unica", "id = 1");
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clave_enlaces",
                schema: "notificaciones");
        }
    }
}
