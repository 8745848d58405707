using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class IndicesAntiguedad : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The document's client, currency and emission date on each installment (immutable once issued): added
            // nullable, filled from the documents, then NOT NULL without a default, so a writer that forgets them fails.
            migrationBuilder.AddColumn<Guid>(name: "cliente_id", schema: "cartera", table: "cuotas", type: "uuid", nullable: true);
            migrationBuilder.AddColumn<DateOnly>(name: "fecha_emision", schema: "cartera", table: "cuotas", type: "date", nullable: true);
            migrationBuilder.AddColumn<string>(name: "moneda", schema: "cartera", table: "cuotas", type: "character varying(3)", maxLength: 3, nullable: true);
            migrationBuilder.Sql("""
                UPDATE cartera.cuotas c SET cliente_id = d.cliente_id, fecha_emision = d.fecha_emision, moneda = d.moneda
                FROM cartera.documentos d WHERE d.id = c.documento_id;
                """);
            migrationBuilder.AlterColumn<Guid>(name: "cliente_id", schema: "cartera", table: "cuotas", type: "uuid", nullable: false,
                oldClrType: typeof(Guid), oldType: "uuid", oldNullable: true);
            migrationBuilder.AlterColumn<DateOnly>(name: "fecha_emision", schema: "cartera", table: "cuotas", type: "date", nullable: false,
                oldClrType: typeof(DateOnly), oldType: "date", oldNullable: true);
            migrationBuilder.AlterColumn<string>(name: "moneda", schema: "cartera", table: "cuotas", type: "character varying(3)", maxLength: 3, nullable: false,
                oldClrType: typeof(string), oldType: "character varying(3)", oldMaxLength: 3, oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_documentos_empresa_id_especiales",
                schema: "cartera",
                table: "documentos",
                column: "empresa_id",
                filter: "fecha_anulacion IS NOT NULL OR fecha_castigo IS NOT NULL OR fecha_cesion IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cuotas_empresa_id_cliente_id_abiertas",
                schema: "cartera",
                table: "cuotas",
                columns: new[] { "empresa_id", "cliente_id" },
                filter: "saldo > 0")
                .Annotation("Npgsql:IndexInclude", new[] { "documento_id", "numero", "fecha_vencimiento", "saldo", "moneda", "fecha_emision" });

            migrationBuilder.CreateIndex(
                name: "ix_aplicaciones_empresa_id_fecha",
                schema: "cartera",
                table: "aplicaciones",
                columns: new[] { "empresa_id", "fecha" },
                filter: "fecha_reversa IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_aplicaciones_empresa_id_fecha_reversa",
                schema: "cartera",
                table: "aplicaciones",
                columns: new[] { "empresa_id", "fecha_reversa" },
                filter: "fecha_reversa IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_documentos_empresa_id_especiales",
                schema: "cartera",
                table: "documentos");

            migrationBuilder.DropIndex(
                name: "ix_cuotas_empresa_id_cliente_id_abiertas",
                schema: "cartera",
                table: "cuotas");

            migrationBuilder.DropIndex(
                name: "ix_aplicaciones_empresa_id_fecha",
                schema: "cartera",
                table: "aplicaciones");

            migrationBuilder.DropIndex(
                name: "ix_aplicaciones_empresa_id_fecha_reversa",
                schema: "cartera",
                table: "aplicaciones");

            migrationBuilder.DropColumn(
                name: "cliente_id",
                schema: "cartera",
                table: "cuotas");

            migrationBuilder.DropColumn(
                name: "fecha_emision",
                schema: "cartera",
                table: "cuotas");

            migrationBuilder.DropColumn(
                name: "moneda",
                schema: "cartera",
                table: "cuotas");
        }
    }
}
