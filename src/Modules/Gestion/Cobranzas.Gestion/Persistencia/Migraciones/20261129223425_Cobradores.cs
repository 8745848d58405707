using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Gestion.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Cobradores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "carteras",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    descripcion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    cobrador_id = table.Column<Guid>(type: "uuid", nullable: true),
                    prioridad = table.Column<int>(type: "integer", nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carteras", x => x.id);
                    table.ForeignKey(
                        name: "fk_carteras_cobradores_cobrador_id",
                        column: x => x.cobrador_id,
                        principalSchema: "gestion",
                        principalTable: "cobradores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reglas_asignacion",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    orden = table.Column<int>(type: "integer", nullable: false),
                    tipo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    segmento = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    cobrador_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reglas_asignacion", x => x.id);
                    table.ForeignKey(
                        name: "fk_reglas_asignacion_cobradores_cobrador_id",
                        column: x => x.cobrador_id,
                        principalSchema: "gestion",
                        principalTable: "cobradores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "clientes_cartera",
                schema: "gestion",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cartera_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clientes_cartera", x => new { x.empresa_id, x.cartera_id, x.cliente_id });
                    table.ForeignKey(
                        name: "fk_clientes_cartera_carteras_cartera_id",
                        column: x => x.cartera_id,
                        principalSchema: "gestion",
                        principalTable: "carteras",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_carteras_cobrador_id",
                schema: "gestion",
                table: "carteras",
                column: "cobrador_id");

            migrationBuilder.CreateIndex(
                name: "ix_carteras_empresa_id",
                schema: "gestion",
                table: "carteras",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_carteras_empresa_id_nombre",
                schema: "gestion",
                table: "carteras",
                columns: new[] { "empresa_id", "nombre" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_clientes_cartera_cartera_id",
                schema: "gestion",
                table: "clientes_cartera",
                column: "cartera_id");

            migrationBuilder.CreateIndex(
                name: "ix_clientes_cartera_empresa_id",
                schema: "gestion",
                table: "clientes_cartera",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_clientes_cartera_empresa_id_cliente_id",
                schema: "gestion",
                table: "clientes_cartera",
                columns: new[] { "empresa_id", "cliente_id" });

            migrationBuilder.CreateIndex(
                name: "ix_reglas_asignacion_cobrador_id",
                schema: "gestion",
                table: "reglas_asignacion",
                column: "cobrador_id");

            migrationBuilder.CreateIndex(
                name: "ix_reglas_asignacion_empresa_id",
                schema: "gestion",
                table: "reglas_asignacion",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_reglas_asignacion_empresa_id_orden",
                schema: "gestion",
                table: "reglas_asignacion",
                columns: new[] { "empresa_id", "orden" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clientes_cartera",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "reglas_asignacion",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "carteras",
                schema: "gestion");
        }
    }
}
