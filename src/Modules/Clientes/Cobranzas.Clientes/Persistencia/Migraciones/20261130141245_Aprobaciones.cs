using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Clientes.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Aprobaciones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aprobaciones",
                schema: "clientes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sujeto_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: true),
                    descripcion = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    monto_uf = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    nivel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    rol_minimo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    aprobaciones_requeridas = table.Column<int>(type: "integer", nullable: false),
                    aprobaciones_recibidas = table.Column<int>(type: "integer", nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resuelta = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aprobaciones", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "niveles_aprobacion",
                schema: "clientes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    orden = table.Column<int>(type: "integer", nullable: false),
                    nombre = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    hasta_uf = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    rol_minimo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    aprobadores_requeridos = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_niveles_aprobacion", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "decisiones_aprobacion",
                schema: "clientes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    usuario_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    rol = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    aprueba = table.Column<bool>(type: "boolean", nullable: false),
                    comentario = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    fecha = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    aprobacion_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decisiones_aprobacion", x => x.id);
                    table.ForeignKey(
                        name: "fk_decisiones_aprobacion_aprobaciones_aprobacion_id",
                        column: x => x.aprobacion_id,
                        principalSchema: "clientes",
                        principalTable: "aprobaciones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_aprobaciones_empresa_id",
                schema: "clientes",
                table: "aprobaciones",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_aprobaciones_empresa_id_estado",
                schema: "clientes",
                table: "aprobaciones",
                columns: new[] { "empresa_id", "estado" });

            migrationBuilder.CreateIndex(
                name: "ix_aprobaciones_empresa_id_tipo_sujeto_id_creada",
                schema: "clientes",
                table: "aprobaciones",
                columns: new[] { "empresa_id", "tipo", "sujeto_id", "creada" });

            migrationBuilder.CreateIndex(
                name: "ix_decisiones_aprobacion_aprobacion_id",
                schema: "clientes",
                table: "decisiones_aprobacion",
                column: "aprobacion_id");

            migrationBuilder.CreateIndex(
                name: "ix_niveles_aprobacion_empresa_id",
                schema: "clientes",
                table: "niveles_aprobacion",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_niveles_aprobacion_empresa_id_tipo_orden",
                schema: "clientes",
                table: "niveles_aprobacion",
                columns: new[] { "empresa_id", "tipo", "orden" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decisiones_aprobacion",
                schema: "clientes");

            migrationBuilder.DropTable(
                name: "niveles_aprobacion",
                schema: "clientes");

            migrationBuilder.DropTable(
                name: "aprobaciones",
                schema: "clientes");
        }
    }
}
