using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class PropuestasCastigoEnMonedaDelDocumento : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "moneda",
                schema: "cartera",
                table: "propuesta_castigo_documentos",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "CLP");

            migrationBuilder.AddColumn<decimal>(
                name: "saldo_clp",
                schema: "cartera",
                table: "propuesta_castigo_documentos",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            // Proposals so far held pesos only: their balance is already in pesos.
            migrationBuilder.Sql("UPDATE cartera.propuesta_castigo_documentos SET saldo_clp = saldo;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "moneda",
                schema: "cartera",
                table: "propuesta_castigo_documentos");

            migrationBuilder.DropColumn(
                name: "saldo_clp",
                schema: "cartera",
                table: "propuesta_castigo_documentos");
        }
    }
}
