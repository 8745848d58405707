using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Gestion.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class TerrenoRutasRecibos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "correlativos_recibo",
                schema: "gestion",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ultimo = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correlativos_recibo", x => x.empresa_id);
                });

            migrationBuilder.CreateTable(
                name: "recibos_terreno",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    numero = table.Column<long>(type: "bigint", nullable: false),
                    clave_idempotencia = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cobrador_id = table.Column<Guid>(type: "uuid", nullable: true),
                    parada_id = table.Column<Guid>(type: "uuid", nullable: true),
                    pago_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    monto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    moneda = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    medio = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    banco = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    numero_cheque = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    fecha_cheque = table.Column<DateOnly>(type: "date", nullable: true),
                    aplicado = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    notas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    registrado_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    documentos = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recibos_terreno", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rutas_terreno",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cobrador_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    inicio_latitud = table.Column<double>(type: "double precision", nullable: true),
                    inicio_longitud = table.Column<double>(type: "double precision", nullable: true),
                    creada_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actualizada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rutas_terreno", x => x.id);
                    table.ForeignKey(
                        name: "fk_rutas_terreno_cobradores_cobrador_id",
                        column: x => x.cobrador_id,
                        principalSchema: "gestion",
                        principalTable: "cobradores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "paradas_ruta",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ruta_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    orden = table.Column<int>(type: "integer", nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    llegada_en = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    llegada_latitud = table.Column<double>(type: "double precision", nullable: true),
                    llegada_longitud = table.Column<double>(type: "double precision", nullable: true),
                    llegada_precision = table.Column<double>(type: "double precision", nullable: true),
                    actividad_id = table.Column<Guid>(type: "uuid", nullable: true),
                    resultado = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    notas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    informada_en = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paradas_ruta", x => x.id);
                    table.ForeignKey(
                        name: "fk_paradas_ruta_rutas_terreno_ruta_id",
                        column: x => x.ruta_id,
                        principalSchema: "gestion",
                        principalTable: "rutas_terreno",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_correlativos_recibo_empresa_id",
                schema: "gestion",
                table: "correlativos_recibo",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_paradas_ruta_empresa_id",
                schema: "gestion",
                table: "paradas_ruta",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_paradas_ruta_empresa_id_cliente_id",
                schema: "gestion",
                table: "paradas_ruta",
                columns: new[] { "empresa_id", "cliente_id" });

            migrationBuilder.CreateIndex(
                name: "ix_paradas_ruta_ruta_id_cliente_id",
                schema: "gestion",
                table: "paradas_ruta",
                columns: new[] { "ruta_id", "cliente_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recibos_terreno_empresa_id",
                schema: "gestion",
                table: "recibos_terreno",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_recibos_terreno_empresa_id_clave_idempotencia",
                schema: "gestion",
                table: "recibos_terreno",
                columns: new[] { "empresa_id", "clave_idempotencia" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recibos_terreno_empresa_id_fecha",
                schema: "gestion",
                table: "recibos_terreno",
                columns: new[] { "empresa_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_recibos_terreno_empresa_id_numero",
                schema: "gestion",
                table: "recibos_terreno",
                columns: new[] { "empresa_id", "numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rutas_terreno_cobrador_id",
                schema: "gestion",
                table: "rutas_terreno",
                column: "cobrador_id");

            migrationBuilder.CreateIndex(
                name: "ix_rutas_terreno_empresa_id",
                schema: "gestion",
                table: "rutas_terreno",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_rutas_terreno_empresa_id_cobrador_id_fecha",
                schema: "gestion",
                table: "rutas_terreno",
                columns: new[] { "empresa_id", "cobrador_id", "fecha" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rutas_terreno_empresa_id_fecha",
                schema: "gestion",
                table: "rutas_terreno",
                columns: new[] { "empresa_id", "fecha" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "correlativos_recibo",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "paradas_ruta",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "recibos_terreno",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "rutas_terreno",
                schema: "gestion");
        }
    }
}
