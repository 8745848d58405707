using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Clientes.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Inicial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "clientes");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "clientes",
                schema: "clientes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rut = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    razon_social = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    nombre_fantasia = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    giro = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    direccion = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    comuna = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    segmento = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    cuenta_clave = table.Column<bool>(type: "boolean", nullable: false),
                    ejecutivo_id = table.Column<string>(type: "text", nullable: true),
                    estado_credito = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    motivo_estado = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    estado_cambiado_por = table.Column<string>(type: "text", nullable: true),
                    estado_cambiado_en = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actualizado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    condiciones = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clientes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "grupos_clientes",
                schema: "clientes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    descripcion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grupos_clientes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "grupos_contactos",
                schema: "clientes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    descripcion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grupos_contactos", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "historial_estados",
                schema: "clientes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    estado_anterior = table.Column<string>(type: "text", nullable: false),
                    estado_nuevo = table.Column<string>(type: "text", nullable: false),
                    motivo = table.Column<string>(type: "text", nullable: false),
                    actor = table.Column<string>(type: "text", nullable: false),
                    fecha = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_historial_estados", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "politicas",
                schema: "clientes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    segmento = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    limite_credito = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    moneda_limite = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    plazo_dias = table.Column<int>(type: "integer", nullable: false),
                    garantia = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    dias_tolerancia = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_politicas", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contactos",
                schema: "clientes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    cargo = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    rol = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    telefono = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    canal_preferido = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opt_out_email = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contactos", x => x.id);
                    table.ForeignKey(
                        name: "fk_contactos_clientes_cliente_id",
                        column: x => x.cliente_id,
                        principalSchema: "clientes",
                        principalTable: "clientes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "excepciones_autorizadas",
                schema: "clientes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    descripcion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    aprobada_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    vigente_hasta = table.Column<DateOnly>(type: "date", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_excepciones_autorizadas", x => x.id);
                    table.ForeignKey(
                        name: "fk_excepciones_autorizadas_clientes_cliente_id",
                        column: x => x.cliente_id,
                        principalSchema: "clientes",
                        principalTable: "clientes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "miembros_grupos_clientes",
                schema: "clientes",
                columns: table => new
                {
                    grupo_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_miembros_grupos_clientes", x => new { x.grupo_id, x.cliente_id });
                    table.ForeignKey(
                        name: "fk_miembros_grupos_clientes_clientes_cliente_id",
                        column: x => x.cliente_id,
                        principalSchema: "clientes",
                        principalTable: "clientes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_miembros_grupos_clientes_grupos_clientes_grupo_id",
                        column: x => x.grupo_id,
                        principalSchema: "clientes",
                        principalTable: "grupos_clientes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "miembros_grupos_contactos",
                schema: "clientes",
                columns: table => new
                {
                    grupo_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contacto_id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_miembros_grupos_contactos", x => new { x.grupo_id, x.contacto_id });
                    table.ForeignKey(
                        name: "fk_miembros_grupos_contactos_contactos_contacto_id",
                        column: x => x.contacto_id,
                        principalSchema: "clientes",
                        principalTable: "contactos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_miembros_grupos_contactos_grupos_contactos_grupo_id",
                        column: x => x.grupo_id,
                        principalSchema: "clientes",
                        principalTable: "grupos_contactos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_clientes_empresa_id",
                schema: "clientes",
                table: "clientes",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_clientes_empresa_id_razon_social_id",
                schema: "clientes",
                table: "clientes",
                columns: new[] { "empresa_id", "razon_social", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_clientes_empresa_id_rut",
                schema: "clientes",
                table: "clientes",
                columns: new[] { "empresa_id", "rut" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_clientes_empresa_id_segmento",
                schema: "clientes",
                table: "clientes",
                columns: new[] { "empresa_id", "segmento" });

            migrationBuilder.CreateIndex(
                name: "ix_clientes_nombre_fantasia",
                schema: "clientes",
                table: "clientes",
                column: "nombre_fantasia")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_clientes_razon_social",
                schema: "clientes",
                table: "clientes",
                column: "razon_social")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_contactos_cliente_id",
                schema: "clientes",
                table: "contactos",
                column: "cliente_id");

            migrationBuilder.CreateIndex(
                name: "ix_contactos_empresa_id",
                schema: "clientes",
                table: "contactos",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_excepciones_autorizadas_cliente_id",
                schema: "clientes",
                table: "excepciones_autorizadas",
                column: "cliente_id");

            migrationBuilder.CreateIndex(
                name: "ix_grupos_clientes_empresa_id",
                schema: "clientes",
                table: "grupos_clientes",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_grupos_clientes_empresa_id_nombre",
                schema: "clientes",
                table: "grupos_clientes",
                columns: new[] { "empresa_id", "nombre" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_grupos_contactos_empresa_id",
                schema: "clientes",
                table: "grupos_contactos",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_grupos_contactos_empresa_id_nombre",
                schema: "clientes",
                table: "grupos_contactos",
                columns: new[] { "empresa_id", "nombre" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_historial_estados_cliente_id_fecha",
                schema: "clientes",
                table: "historial_estados",
                columns: new[] { "cliente_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_historial_estados_empresa_id",
                schema: "clientes",
                table: "historial_estados",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_miembros_grupos_clientes_cliente_id",
                schema: "clientes",
                table: "miembros_grupos_clientes",
                column: "cliente_id");

            migrationBuilder.CreateIndex(
                name: "ix_miembros_grupos_clientes_empresa_id",
                schema: "clientes",
                table: "miembros_grupos_clientes",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_miembros_grupos_contactos_contacto_id",
                schema: "clientes",
                table: "miembros_grupos_contactos",
                column: "contacto_id");

            migrationBuilder.CreateIndex(
                name: "ix_miembros_grupos_contactos_empresa_id",
                schema: "clientes",
                table: "miembros_grupos_contactos",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_politicas_empresa_id",
                schema: "clientes",
                table: "politicas",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_politicas_empresa_id_segmento",
                schema: "clientes",
                table: "politicas",
                columns: new[] { "empresa_id", "segmento" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "excepciones_autorizadas",
                schema: "clientes");

            migrationBuilder.DropTable(
                name: "historial_estados",
                schema: "clientes");

            migrationBuilder.DropTable(
                name: "miembros_grupos_clientes",
                schema: "clientes");

            migrationBuilder.DropTable(
                name: "miembros_grupos_contactos",
                schema: "clientes");

            migrationBuilder.DropTable(
                name: "politicas",
                schema: "clientes");

            migrationBuilder.DropTable(
                name: "grupos_clientes",
                schema: "clientes");

            migrationBuilder.DropTable(
                name: "contactos",
                schema: "clientes");

            migrationBuilder.DropTable(
                name: "grupos_contactos",
                schema: "clientes");

            migrationBuilder.DropTable(
                name: "clientes",
                schema: "clientes");
        }
    }
}
