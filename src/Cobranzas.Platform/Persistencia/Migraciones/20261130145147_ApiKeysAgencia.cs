using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Platform.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class ApiKeysAgencia : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "agencia_id",
                schema: "plataforma",
                table: "api_keys",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "agencia_id",
                schema: "plataforma",
                table: "api_keys");
        }
    }
}
