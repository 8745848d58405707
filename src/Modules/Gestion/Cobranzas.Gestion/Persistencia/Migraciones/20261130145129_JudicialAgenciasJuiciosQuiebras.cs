using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Gestion.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class JudicialAgenciasJuiciosQuiebras : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agencias_cobranza",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rut = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    contacto = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    telefono = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    porcentaje_comision = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    activa = table.Column<bool>(type: "boolean", nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agencias_cobranza", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "estudios_juridicos",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rut = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    contacto = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    telefono = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    activo = table.Column<bool>(type: "boolean", nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_estudios_juridicos", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "quiebras",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procedimiento = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    fecha_publicacion = table.Column<DateOnly>(type: "date", nullable: false),
                    liquidador = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    plazo_verificacion = table.Column<DateOnly>(type: "date", nullable: true),
                    monto_verificado = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    fecha_cierre = table.Column<DateOnly>(type: "date", nullable: true),
                    notas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    registrada_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quiebras", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "derivaciones_agencia",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agencia_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    documento_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    fecha_cierre = table.Column<DateOnly>(type: "date", nullable: true),
                    notas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    derivada_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_derivaciones_agencia", x => x.id);
                    table.ForeignKey(
                        name: "fk_derivaciones_agencia_agencias_cobranza_agencia_id",
                        column: x => x.agencia_id,
                        principalSchema: "gestion",
                        principalTable: "agencias_cobranza",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "juicios",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    estudio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tribunal = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rol = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    procedimiento = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    etapa_procesal = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    monto_demandado = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    fecha_inicio = table.Column<DateOnly>(type: "date", nullable: false),
                    fecha_termino = table.Column<DateOnly>(type: "date", nullable: true),
                    notas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    creado_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_juicios", x => x.id);
                    table.ForeignKey(
                        name: "fk_juicios_estudios_juridicos_estudio_id",
                        column: x => x.estudio_id,
                        principalSchema: "gestion",
                        principalTable: "estudios_juridicos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recuperos_quiebra",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quiebra_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    monto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    notas = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recuperos_quiebra", x => x.id);
                    table.ForeignKey(
                        name: "fk_recuperos_quiebra_quiebras_quiebra_id",
                        column: x => x.quiebra_id,
                        principalSchema: "gestion",
                        principalTable: "quiebras",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "audiencias_juicio",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    juicio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    descripcion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audiencias_juicio", x => x.id);
                    table.ForeignKey(
                        name: "fk_audiencias_juicio_juicios_juicio_id",
                        column: x => x.juicio_id,
                        principalSchema: "gestion",
                        principalTable: "juicios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "costos_juicio",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    juicio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    monto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    concepto = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_costos_juicio", x => x.id);
                    table.ForeignKey(
                        name: "fk_costos_juicio_juicios_juicio_id",
                        column: x => x.juicio_id,
                        principalSchema: "gestion",
                        principalTable: "juicios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agencias_cobranza_empresa_id",
                schema: "gestion",
                table: "agencias_cobranza",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_agencias_cobranza_empresa_id_rut",
                schema: "gestion",
                table: "agencias_cobranza",
                columns: new[] { "empresa_id", "rut" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audiencias_juicio_empresa_id",
                schema: "gestion",
                table: "audiencias_juicio",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_audiencias_juicio_empresa_id_fecha",
                schema: "gestion",
                table: "audiencias_juicio",
                columns: new[] { "empresa_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_audiencias_juicio_juicio_id",
                schema: "gestion",
                table: "audiencias_juicio",
                column: "juicio_id");

            migrationBuilder.CreateIndex(
                name: "ix_costos_juicio_empresa_id",
                schema: "gestion",
                table: "costos_juicio",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_costos_juicio_juicio_id",
                schema: "gestion",
                table: "costos_juicio",
                column: "juicio_id");

            migrationBuilder.CreateIndex(
                name: "ix_derivaciones_agencia_agencia_id",
                schema: "gestion",
                table: "derivaciones_agencia",
                column: "agencia_id");

            migrationBuilder.CreateIndex(
                name: "ix_derivaciones_agencia_empresa_id",
                schema: "gestion",
                table: "derivaciones_agencia",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_derivaciones_agencia_empresa_id_agencia_id_estado",
                schema: "gestion",
                table: "derivaciones_agencia",
                columns: new[] { "empresa_id", "agencia_id", "estado" });

            migrationBuilder.CreateIndex(
                name: "ix_derivaciones_agencia_empresa_id_cliente_id",
                schema: "gestion",
                table: "derivaciones_agencia",
                columns: new[] { "empresa_id", "cliente_id" });

            migrationBuilder.CreateIndex(
                name: "ix_estudios_juridicos_empresa_id",
                schema: "gestion",
                table: "estudios_juridicos",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_estudios_juridicos_empresa_id_rut",
                schema: "gestion",
                table: "estudios_juridicos",
                columns: new[] { "empresa_id", "rut" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_juicios_empresa_id",
                schema: "gestion",
                table: "juicios",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_juicios_empresa_id_cliente_id",
                schema: "gestion",
                table: "juicios",
                columns: new[] { "empresa_id", "cliente_id" });

            migrationBuilder.CreateIndex(
                name: "ix_juicios_estudio_id",
                schema: "gestion",
                table: "juicios",
                column: "estudio_id");

            migrationBuilder.CreateIndex(
                name: "ix_quiebras_empresa_id",
                schema: "gestion",
                table: "quiebras",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_quiebras_empresa_id_cliente_id",
                schema: "gestion",
                table: "quiebras",
                columns: new[] { "empresa_id", "cliente_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recuperos_quiebra_empresa_id",
                schema: "gestion",
                table: "recuperos_quiebra",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_recuperos_quiebra_quiebra_id",
                schema: "gestion",
                table: "recuperos_quiebra",
                column: "quiebra_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audiencias_juicio",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "costos_juicio",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "derivaciones_agencia",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "recuperos_quiebra",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "juicios",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "agencias_cobranza",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "quiebras",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "estudios_juridicos",
                schema: "gestion");
        }
    }
}
