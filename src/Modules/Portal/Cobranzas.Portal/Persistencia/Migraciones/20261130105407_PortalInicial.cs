using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Portal.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class PortalInicial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "portal");

            migrationBuilder.CreateTable(
                name: "enlaces_acceso",
                schema: "portal",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contacto_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    origen = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expira = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    usado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enlaces_acceso", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sesiones",
                schema: "portal",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contacto_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    enlace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expira = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cerrada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sesiones", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "solicitudes",
                schema: "portal",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contacto_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    mensaje = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    documento_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    cuotas = table.Column<int>(type: "integer", nullable: true),
                    fecha = table.Column<DateOnly>(type: "date", nullable: true),
                    monto = table.Column<decimal>(type: "numeric(18,4)", nullable: true),
                    referencia_id = table.Column<Guid>(type: "uuid", nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_solicitudes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enlaces_acceso_empresa_id",
                schema: "portal",
                table: "enlaces_acceso",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_enlaces_acceso_token_hash",
                schema: "portal",
                table: "enlaces_acceso",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sesiones_empresa_id",
                schema: "portal",
                table: "sesiones",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_sesiones_enlace_id",
                schema: "portal",
                table: "sesiones",
                column: "enlace_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sesiones_token_hash",
                schema: "portal",
                table: "sesiones",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_solicitudes_empresa_id",
                schema: "portal",
                table: "solicitudes",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_solicitudes_empresa_id_cliente_id_creada",
                schema: "portal",
                table: "solicitudes",
                columns: new[] { "empresa_id", "cliente_id", "creada" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enlaces_acceso",
                schema: "portal");

            migrationBuilder.DropTable(
                name: "sesiones",
                schema: "portal");

            migrationBuilder.DropTable(
                name: "solicitudes",
                schema: "portal");
        }
    }
}
