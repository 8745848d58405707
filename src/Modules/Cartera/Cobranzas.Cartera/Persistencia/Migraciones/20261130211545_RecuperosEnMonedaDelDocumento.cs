using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class RecuperosEnMonedaDelDocumento : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "moneda",
                schema: "cartera",
                table: "recuperos_castigo",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "CLP");

            migrationBuilder.AddColumn<decimal>(
                name: "monto_clp",
                schema: "cartera",
                table: "recuperos_castigo",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            // Until now recoveries were taken only on CLP documents: their amount is already in pesos.
            migrationBuilder.Sql("UPDATE cartera.recuperos_castigo SET monto_clp = monto;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "moneda",
                schema: "cartera",
                table: "recuperos_castigo");

            migrationBuilder.DropColumn(
                name: "monto_clp",
                schema: "cartera",
                table: "recuperos_castigo");
        }
    }
}
