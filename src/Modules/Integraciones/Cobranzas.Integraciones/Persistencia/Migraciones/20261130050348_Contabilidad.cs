using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Integraciones.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Contabilidad : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "integraciones");

            migrationBuilder.CreateTable(
                name: "asientos_contables",
                schema: "integraciones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    secuencia = table.Column<long>(type: "bigint", nullable: false),
                    tipo_origen = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    origen_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    glosa = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    moneda = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referencia = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    monto_origen = table.Column<decimal>(type: "numeric", nullable: false),
                    costo_origen = table.Column<decimal>(type: "numeric", nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lineas = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asientos_contables", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "configuraciones_contables",
                schema: "integraciones",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cuenta_clientes = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    cuenta_banco = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    cuenta_gasto_incobrables = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    cuenta_provision_incobrables = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    castigo_contra_provision = table.Column<bool>(type: "boolean", nullable: false),
                    cuenta_gasto_protesto = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    cuentas_canal = table.Column<string>(type: "jsonb", nullable: true),
                    cuentas_deposito = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_configuraciones_contables", x => x.empresa_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_asientos_contables_empresa_id",
                schema: "integraciones",
                table: "asientos_contables",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_asientos_contables_empresa_id_fecha",
                schema: "integraciones",
                table: "asientos_contables",
                columns: new[] { "empresa_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_asientos_contables_empresa_id_secuencia",
                schema: "integraciones",
                table: "asientos_contables",
                columns: new[] { "empresa_id", "secuencia" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asientos_contables_empresa_id_tipo_origen_origen_id_version",
                schema: "integraciones",
                table: "asientos_contables",
                columns: new[] { "empresa_id", "tipo_origen", "origen_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_configuraciones_contables_empresa_id",
                schema: "integraciones",
                table: "configuraciones_contables",
                column: "empresa_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asientos_contables",
                schema: "integraciones");

            migrationBuilder.DropTable(
                name: "configuraciones_contables",
                schema: "integraciones");
        }
    }
}
