using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <summary>
    /// Payment applications carry their document's client and currency, and a covering index on (empresa, fecha) for payment
    /// money not reversed: a period's collections by client (productivity of collectors, the KPIs' collected) are a range of
    /// that index, without joining every application of the period to its document.
    /// </summary>
    public partial class AplicacionesConClienteYMoneda : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Filled from each application's document, then required: every writer sets them from then on.
            migrationBuilder.AddColumn<Guid>(
                name: "cliente_id",
                schema: "cartera",
                table: "aplicaciones",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "moneda",
                schema: "cartera",
                table: "aplicaciones",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE cartera.aplicaciones a SET cliente_id = d.cliente_id, moneda = d.moneda
                FROM cartera.documentos d WHERE d.id = a.documento_id;
                """);

            migrationBuilder.AlterColumn<Guid>(
                name: "cliente_id",
                schema: "cartera",
                table: "aplicaciones",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "moneda",
                schema: "cartera",
                table: "aplicaciones",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(3)",
                oldMaxLength: 3,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_aplicaciones_recaudacion",
                schema: "cartera",
                table: "aplicaciones",
                columns: new[] { "empresa_id", "fecha" },
                filter: "pago_id IS NOT NULL AND fecha_reversa IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "cliente_id", "moneda", "monto" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_aplicaciones_recaudacion",
                schema: "cartera",
                table: "aplicaciones");

            migrationBuilder.DropColumn(
                name: "cliente_id",
                schema: "cartera",
                table: "aplicaciones");

            migrationBuilder.DropColumn(
                name: "moneda",
                schema: "cartera",
                table: "aplicaciones");
        }
    }
}
