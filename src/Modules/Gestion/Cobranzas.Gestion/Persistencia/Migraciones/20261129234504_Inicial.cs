using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Cobranzas.Gestion.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Inicial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "gestion");

            migrationBuilder.CreateTable(
                name: "cobradores",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    telefono = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    usuario_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    activo = table.Column<bool>(type: "boolean", nullable: false),
                    regiones = table.Column<List<string>>(type: "text[]", nullable: false),
                    comunas = table.Column<List<string>>(type: "text[]", nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cobradores", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "configuraciones",
                schema: "gestion",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dias_gracia_compromiso = table.Column<int>(type: "integer", nullable: false),
                    max_llamadas_semana_empresas = table.Column<int>(type: "integer", nullable: true),
                    max_escritos_semana_empresas = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_configuraciones", x => x.empresa_id);
                });

            migrationBuilder.CreateTable(
                name: "etapas_cliente",
                schema: "gestion",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    etapa = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    desde = table.Column<DateOnly>(type: "date", nullable: false),
                    ultimo_paso_id = table.Column<Guid>(type: "uuid", nullable: true),
                    fecha_ultimo_paso = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_etapas_cliente", x => new { x.empresa_id, x.cliente_id });
                });

            migrationBuilder.CreateTable(
                name: "feriados",
                schema: "gestion",
                columns: table => new
                {
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    fecha_original = table.Column<DateOnly>(type: "date", nullable: true),
                    irrenunciable = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feriados", x => new { x.fecha, x.nombre });
                });

            migrationBuilder.CreateTable(
                name: "guiones",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    etapa = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    plantilla = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    activo = table.Column<bool>(type: "boolean", nullable: false),
                    actualizado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_guiones", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "motivos_disputa",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    activo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_motivos_disputa", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pasos_aplicados",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    paso_id = table.Column<Guid>(type: "uuid", nullable: true),
                    nombre = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    etapa = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    accion = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    vencimiento_ciclo = table.Column<DateOnly>(type: "date", nullable: true),
                    dias_vencido = table.Column<int>(type: "integer", nullable: true),
                    detalle = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    archivo_clave = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    motivo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    registrado_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pasos_aplicados", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pasos_politica",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    orden = table.Column<int>(type: "integer", nullable: false),
                    nombre = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    etapa = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    dias = table.Column<int>(type: "integer", nullable: false),
                    dias_minimos_desde_anterior = table.Column<int>(type: "integer", nullable: false),
                    monto_minimo_vencido = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    segmentos = table.Column<List<string>>(type: "text[]", nullable: false),
                    solo_cuenta_clave = table.Column<bool>(type: "boolean", nullable: false),
                    accion = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    tipo_tarea = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    plantilla = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pasos_politica", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pausas_escalamiento",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    documento_id = table.Column<Guid>(type: "uuid", nullable: true),
                    motivo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    origen_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hasta = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pausas_escalamiento", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tipos_actividad",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tipo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    descripcion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    canal = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    activo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tipos_actividad", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alertas",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    usuario_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    cobrador_id = table.Column<Guid>(type: "uuid", nullable: true),
                    titulo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    detalle = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    enlace = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    leida = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alertas", x => x.id);
                    table.ForeignKey(
                        name: "fk_alertas_cobradores_cobrador_id",
                        column: x => x.cobrador_id,
                        principalSchema: "gestion",
                        principalTable: "cobradores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asignaciones",
                schema: "gestion",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cobrador_id = table.Column<Guid>(type: "uuid", nullable: false),
                    origen = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actualizada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asignaciones", x => new { x.empresa_id, x.cliente_id });
                    table.ForeignKey(
                        name: "fk_asignaciones_cobradores_cobrador_id",
                        column: x => x.cobrador_id,
                        principalSchema: "gestion",
                        principalTable: "cobradores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "compromisos",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    documento_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    cuotas = table.Column<string>(type: "jsonb", nullable: false),
                    monto = table.Column<decimal>(type: "numeric", nullable: false),
                    monto_cumplido = table.Column<decimal>(type: "numeric", nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    canal = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    notas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    tomado_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    cobrador_id = table.Column<Guid>(type: "uuid", nullable: true),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    desde = table.Column<DateOnly>(type: "date", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compromisos", x => x.id);
                    table.ForeignKey(
                        name: "fk_compromisos_cobradores_cobrador_id",
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
                name: "tareas",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cobrador_id = table.Column<Guid>(type: "uuid", nullable: true),
                    tipo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    origen = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    origen_id = table.Column<Guid>(type: "uuid", nullable: true),
                    titulo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    motivo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completada_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    resultado = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tareas", x => x.id);
                    table.ForeignKey(
                        name: "fk_tareas_cobradores_cobrador_id",
                        column: x => x.cobrador_id,
                        principalSchema: "gestion",
                        principalTable: "cobradores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disputas",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    documento_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    motivo_id = table.Column<Guid>(type: "uuid", nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    asignado_a_id = table.Column<Guid>(type: "uuid", nullable: true),
                    notas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creada_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    resuelta = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolucion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disputas", x => x.id);
                    table.ForeignKey(
                        name: "fk_disputas_cobradores_asignado_a_id",
                        column: x => x.asignado_a_id,
                        principalSchema: "gestion",
                        principalTable: "cobradores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_disputas_motivos_disputa_motivo_id",
                        column: x => x.motivo_id,
                        principalSchema: "gestion",
                        principalTable: "motivos_disputa",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "actividades",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo_actividad_id = table.Column<Guid>(type: "uuid", nullable: false),
                    canal = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    cobrador_id = table.Column<Guid>(type: "uuid", nullable: true),
                    fecha = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resultado = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    notas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    proxima_accion = table.Column<DateOnly>(type: "date", nullable: true),
                    documento_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    registrada_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    origen = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    origen_id = table.Column<Guid>(type: "uuid", nullable: true),
                    motivo_excepcion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    creada = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_actividades", x => x.id);
                    table.ForeignKey(
                        name: "fk_actividades_cobradores_cobrador_id",
                        column: x => x.cobrador_id,
                        principalSchema: "gestion",
                        principalTable: "cobradores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_actividades_tipos_actividad_tipo_actividad_id",
                        column: x => x.tipo_actividad_id,
                        principalSchema: "gestion",
                        principalTable: "tipos_actividad",
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

            migrationBuilder.CreateTable(
                name: "compromisos_historial",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    compromiso_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    motivo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    autor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    cuotas = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compromisos_historial", x => x.id);
                    table.ForeignKey(
                        name: "fk_compromisos_historial_compromisos_compromiso_id",
                        column: x => x.compromiso_id,
                        principalSchema: "gestion",
                        principalTable: "compromisos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "disputas_adjuntos",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    disputa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tipo_contenido = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    tamano = table.Column<long>(type: "bigint", nullable: false),
                    clave = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subido = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    subido_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disputas_adjuntos", x => x.id);
                    table.ForeignKey(
                        name: "fk_disputas_adjuntos_disputas_disputa_id",
                        column: x => x.disputa_id,
                        principalSchema: "gestion",
                        principalTable: "disputas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "disputas_historial",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    disputa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    estado = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    notas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    autor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disputas_historial", x => x.id);
                    table.ForeignKey(
                        name: "fk_disputas_historial_disputas_disputa_id",
                        column: x => x.disputa_id,
                        principalSchema: "gestion",
                        principalTable: "disputas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "adjuntos_actividad",
                schema: "gestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actividad_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    tamano = table.Column<long>(type: "bigint", nullable: false),
                    clave = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_adjuntos_actividad", x => x.id);
                    table.ForeignKey(
                        name: "fk_adjuntos_actividad_actividades_actividad_id",
                        column: x => x.actividad_id,
                        principalSchema: "gestion",
                        principalTable: "actividades",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                schema: "gestion",
                table: "feriados",
                columns: new[] { "fecha", "nombre", "fecha_original", "irrenunciable", "region", "version" },
                values: new object[,]
                {
                    { new DateOnly(2025, 1, 1), "Año Nuevo", null, true, null, "2026.1" },
                    { new DateOnly(2025, 4, 18), "Viernes Santo", null, false, null, "2026.1" },
                    { new DateOnly(2025, 4, 19), "Sábado Santo", null, false, null, "2026.1" },
                    { new DateOnly(2025, 5, 1), "Día Nacional del Trabajo", null, true, null, "2026.1" },
                    { new DateOnly(2025, 5, 21), "Día de las Glorias Navales", null, false, null, "2026.1" },
                    { new DateOnly(2025, 6, 7), "Asalto y Toma del Morro de Arica", null, false, "Arica y Parinacota", "2026.1" },
                    { new DateOnly(2025, 6, 20), "Día Nacional de los Pueblos Indígenas", null, false, null, "2026.1" },
                    { new DateOnly(2025, 6, 29), "San Pedro y San Pablo", null, false, null, "2026.1" },
                    { new DateOnly(2025, 7, 16), "Día de la Virgen del Carmen", null, false, null, "2026.1" },
                    { new DateOnly(2025, 8, 15), "Asunción de la Virgen", null, false, null, "2026.1" },
                    { new DateOnly(2025, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)", null, false, "Ñuble", "2026.1" },
                    { new DateOnly(2025, 9, 18), "Independencia Nacional", null, true, null, "2026.1" },
                    { new DateOnly(2025, 9, 19), "Día de las Glorias del Ejército", null, true, null, "2026.1" },
                    { new DateOnly(2025, 10, 12), "Encuentro de Dos Mundos", null, false, null, "2026.1" },
                    { new DateOnly(2025, 10, 31), "Día de las Iglesias Evangélicas y Protestantes", null, false, null, "2026.1" },
                    { new DateOnly(2025, 11, 1), "Día de Todos los Santos", null, false, null, "2026.1" },
                    { new DateOnly(2025, 11, 16), "Elecciones presidenciales y parlamentarias", null, true, null, "2026.1" },
                    { new DateOnly(2025, 12, 8), "Inmaculada Concepción", null, false, null, "2026.1" },
                    { new DateOnly(2025, 12, 14), "Elección presidencial (segunda vuelta)", null, true, null, "2026.1" },
                    { new DateOnly(2025, 12, 25), "Navidad", null, true, null, "2026.1" },
                    { new DateOnly(2026, 1, 1), "Año Nuevo", null, true, null, "2026.1" },
                    { new DateOnly(2026, 4, 3), "Viernes Santo", null, false, null, "2026.1" },
                    { new DateOnly(2026, 4, 4), "Sábado Santo", null, false, null, "2026.1" },
                    { new DateOnly(2026, 5, 1), "Día Nacional del Trabajo", null, true, null, "2026.1" },
                    { new DateOnly(2026, 5, 21), "Día de las Glorias Navales", null, false, null, "2026.1" },
                    { new DateOnly(2026, 6, 7), "Asalto y Toma del Morro de Arica", null, false, "Arica y Parinacota", "2026.1" },
                    { new DateOnly(2026, 6, 21), "Día Nacional de los Pueblos Indígenas", null, false, null, "2026.1" },
                    { new DateOnly(2026, 6, 29), "San Pedro y San Pablo", null, false, null, "2026.1" },
                    { new DateOnly(2026, 7, 16), "Día de la Virgen del Carmen", null, false, null, "2026.1" },
                    { new DateOnly(2026, 8, 15), "Asunción de la Virgen", null, false, null, "2026.1" },
                    { new DateOnly(2026, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)", null, false, "Ñuble", "2026.1" },
                    { new DateOnly(2026, 9, 18), "Independencia Nacional", null, true, null, "2026.1" },
                    { new DateOnly(2026, 9, 19), "Día de las Glorias del Ejército", null, true, null, "2026.1" },
                    { new DateOnly(2026, 10, 12), "Encuentro de Dos Mundos", null, false, null, "2026.1" },
                    { new DateOnly(2026, 10, 31), "Día de las Iglesias Evangélicas y Protestantes", null, false, null, "2026.1" },
                    { new DateOnly(2026, 11, 1), "Día de Todos los Santos", null, false, null, "2026.1" },
                    { new DateOnly(2026, 12, 8), "Inmaculada Concepción", null, false, null, "2026.1" },
                    { new DateOnly(2026, 12, 25), "Navidad", null, true, null, "2026.1" },
                    { new DateOnly(2027, 1, 1), "Año Nuevo", null, true, null, "2026.1" },
                    { new DateOnly(2027, 3, 26), "Viernes Santo", null, false, null, "2026.1" },
                    { new DateOnly(2027, 3, 27), "Sábado Santo", null, false, null, "2026.1" },
                    { new DateOnly(2027, 5, 1), "Día Nacional del Trabajo", null, true, null, "2026.1" },
                    { new DateOnly(2027, 5, 21), "Día de las Glorias Navales", null, false, null, "2026.1" },
                    { new DateOnly(2027, 6, 7), "Asalto y Toma del Morro de Arica", null, false, "Arica y Parinacota", "2026.1" },
                    { new DateOnly(2027, 6, 21), "Día Nacional de los Pueblos Indígenas", null, false, null, "2026.1" },
                    { new DateOnly(2027, 6, 28), "San Pedro y San Pablo", new DateOnly(2027, 6, 29), false, null, "2026.1" },
                    { new DateOnly(2027, 7, 16), "Día de la Virgen del Carmen", null, false, null, "2026.1" },
                    { new DateOnly(2027, 8, 15), "Asunción de la Virgen", null, false, null, "2026.1" },
                    { new DateOnly(2027, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)", null, false, "Ñuble", "2026.1" },
                    { new DateOnly(2027, 9, 18), "Independencia Nacional", null, true, null, "2026.1" },
                    { new DateOnly(2027, 9, 19), "Día de las Glorias del Ejército", null, true, null, "2026.1" },
                    { new DateOnly(2027, 10, 11), "Encuentro de Dos Mundos", new DateOnly(2027, 10, 12), false, null, "2026.1" },
                    { new DateOnly(2027, 10, 31), "Día de las Iglesias Evangélicas y Protestantes", null, false, null, "2026.1" },
                    { new DateOnly(2027, 11, 1), "Día de Todos los Santos", null, false, null, "2026.1" },
                    { new DateOnly(2027, 12, 8), "Inmaculada Concepción", null, false, null, "2026.1" },
                    { new DateOnly(2027, 12, 25), "Navidad", null, true, null, "2026.1" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_actividades_cobrador_id",
                schema: "gestion",
                table: "actividades",
                column: "cobrador_id");

            migrationBuilder.CreateIndex(
                name: "ix_actividades_empresa_id",
                schema: "gestion",
                table: "actividades",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_actividades_empresa_id_cliente_id_fecha",
                schema: "gestion",
                table: "actividades",
                columns: new[] { "empresa_id", "cliente_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_actividades_empresa_id_cobrador_id_fecha",
                schema: "gestion",
                table: "actividades",
                columns: new[] { "empresa_id", "cobrador_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_actividades_tipo_actividad_id",
                schema: "gestion",
                table: "actividades",
                column: "tipo_actividad_id");

            migrationBuilder.CreateIndex(
                name: "ix_adjuntos_actividad_actividad_id",
                schema: "gestion",
                table: "adjuntos_actividad",
                column: "actividad_id");

            migrationBuilder.CreateIndex(
                name: "ix_adjuntos_actividad_empresa_id",
                schema: "gestion",
                table: "adjuntos_actividad",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_adjuntos_actividad_empresa_id_actividad_id",
                schema: "gestion",
                table: "adjuntos_actividad",
                columns: new[] { "empresa_id", "actividad_id" });

            migrationBuilder.CreateIndex(
                name: "ix_alertas_cobrador_id",
                schema: "gestion",
                table: "alertas",
                column: "cobrador_id");

            migrationBuilder.CreateIndex(
                name: "ix_alertas_empresa_id",
                schema: "gestion",
                table: "alertas",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_alertas_empresa_id_cobrador_id_creada",
                schema: "gestion",
                table: "alertas",
                columns: new[] { "empresa_id", "cobrador_id", "creada" });

            migrationBuilder.CreateIndex(
                name: "ix_alertas_empresa_id_usuario_id_creada",
                schema: "gestion",
                table: "alertas",
                columns: new[] { "empresa_id", "usuario_id", "creada" });

            migrationBuilder.CreateIndex(
                name: "ix_asignaciones_cobrador_id",
                schema: "gestion",
                table: "asignaciones",
                column: "cobrador_id");

            migrationBuilder.CreateIndex(
                name: "ix_asignaciones_empresa_id",
                schema: "gestion",
                table: "asignaciones",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_asignaciones_empresa_id_cobrador_id",
                schema: "gestion",
                table: "asignaciones",
                columns: new[] { "empresa_id", "cobrador_id" });

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
                name: "ix_cobradores_empresa_id",
                schema: "gestion",
                table: "cobradores",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_cobradores_empresa_id_nombre",
                schema: "gestion",
                table: "cobradores",
                columns: new[] { "empresa_id", "nombre" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cobradores_empresa_id_usuario_id",
                schema: "gestion",
                table: "cobradores",
                columns: new[] { "empresa_id", "usuario_id" },
                unique: true,
                filter: "usuario_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_compromisos_cobrador_id",
                schema: "gestion",
                table: "compromisos",
                column: "cobrador_id");

            migrationBuilder.CreateIndex(
                name: "ix_compromisos_empresa_id",
                schema: "gestion",
                table: "compromisos",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_compromisos_empresa_id_cliente_id_estado",
                schema: "gestion",
                table: "compromisos",
                columns: new[] { "empresa_id", "cliente_id", "estado" });

            migrationBuilder.CreateIndex(
                name: "ix_compromisos_empresa_id_estado",
                schema: "gestion",
                table: "compromisos",
                columns: new[] { "empresa_id", "estado" });

            migrationBuilder.CreateIndex(
                name: "ix_compromisos_historial_compromiso_id",
                schema: "gestion",
                table: "compromisos_historial",
                column: "compromiso_id");

            migrationBuilder.CreateIndex(
                name: "ix_compromisos_historial_empresa_id",
                schema: "gestion",
                table: "compromisos_historial",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_compromisos_historial_empresa_id_compromiso_id_fecha",
                schema: "gestion",
                table: "compromisos_historial",
                columns: new[] { "empresa_id", "compromiso_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_configuraciones_empresa_id",
                schema: "gestion",
                table: "configuraciones",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputas_asignado_a_id",
                schema: "gestion",
                table: "disputas",
                column: "asignado_a_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputas_empresa_id",
                schema: "gestion",
                table: "disputas",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputas_empresa_id_cliente_id_estado",
                schema: "gestion",
                table: "disputas",
                columns: new[] { "empresa_id", "cliente_id", "estado" });

            migrationBuilder.CreateIndex(
                name: "ix_disputas_empresa_id_estado_asignado_a_id",
                schema: "gestion",
                table: "disputas",
                columns: new[] { "empresa_id", "estado", "asignado_a_id" });

            migrationBuilder.CreateIndex(
                name: "ix_disputas_motivo_id",
                schema: "gestion",
                table: "disputas",
                column: "motivo_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputas_adjuntos_disputa_id",
                schema: "gestion",
                table: "disputas_adjuntos",
                column: "disputa_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputas_adjuntos_empresa_id",
                schema: "gestion",
                table: "disputas_adjuntos",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputas_adjuntos_empresa_id_disputa_id",
                schema: "gestion",
                table: "disputas_adjuntos",
                columns: new[] { "empresa_id", "disputa_id" });

            migrationBuilder.CreateIndex(
                name: "ix_disputas_historial_disputa_id",
                schema: "gestion",
                table: "disputas_historial",
                column: "disputa_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputas_historial_empresa_id",
                schema: "gestion",
                table: "disputas_historial",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputas_historial_empresa_id_disputa_id_fecha",
                schema: "gestion",
                table: "disputas_historial",
                columns: new[] { "empresa_id", "disputa_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_etapas_cliente_empresa_id",
                schema: "gestion",
                table: "etapas_cliente",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_guiones_empresa_id",
                schema: "gestion",
                table: "guiones",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_guiones_empresa_id_nombre",
                schema: "gestion",
                table: "guiones",
                columns: new[] { "empresa_id", "nombre" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_motivos_disputa_empresa_id",
                schema: "gestion",
                table: "motivos_disputa",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_motivos_disputa_empresa_id_nombre",
                schema: "gestion",
                table: "motivos_disputa",
                columns: new[] { "empresa_id", "nombre" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pasos_aplicados_empresa_id",
                schema: "gestion",
                table: "pasos_aplicados",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_pasos_aplicados_empresa_id_cliente_id_paso_id_fecha",
                schema: "gestion",
                table: "pasos_aplicados",
                columns: new[] { "empresa_id", "cliente_id", "paso_id", "fecha" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pasos_aplicados_empresa_id_cliente_id_paso_id_vencimiento_c",
                schema: "gestion",
                table: "pasos_aplicados",
                columns: new[] { "empresa_id", "cliente_id", "paso_id", "vencimiento_ciclo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pasos_politica_empresa_id",
                schema: "gestion",
                table: "pasos_politica",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_pasos_politica_empresa_id_orden",
                schema: "gestion",
                table: "pasos_politica",
                columns: new[] { "empresa_id", "orden" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pausas_escalamiento_empresa_id",
                schema: "gestion",
                table: "pausas_escalamiento",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_pausas_escalamiento_empresa_id_cliente_id",
                schema: "gestion",
                table: "pausas_escalamiento",
                columns: new[] { "empresa_id", "cliente_id" });

            migrationBuilder.CreateIndex(
                name: "ix_pausas_escalamiento_empresa_id_motivo_origen_id",
                schema: "gestion",
                table: "pausas_escalamiento",
                columns: new[] { "empresa_id", "motivo", "origen_id" });

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

            migrationBuilder.CreateIndex(
                name: "ix_tareas_cobrador_id",
                schema: "gestion",
                table: "tareas",
                column: "cobrador_id");

            migrationBuilder.CreateIndex(
                name: "ix_tareas_empresa_id",
                schema: "gestion",
                table: "tareas",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_tareas_empresa_id_cliente_id_fecha",
                schema: "gestion",
                table: "tareas",
                columns: new[] { "empresa_id", "cliente_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_tareas_empresa_id_cobrador_id_estado_fecha",
                schema: "gestion",
                table: "tareas",
                columns: new[] { "empresa_id", "cobrador_id", "estado", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_tipos_actividad_empresa_id",
                schema: "gestion",
                table: "tipos_actividad",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_tipos_actividad_empresa_id_nombre",
                schema: "gestion",
                table: "tipos_actividad",
                columns: new[] { "empresa_id", "nombre" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "adjuntos_actividad",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "alertas",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "asignaciones",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "clientes_cartera",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "compromisos_historial",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "configuraciones",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "disputas_adjuntos",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "disputas_historial",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "etapas_cliente",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "feriados",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "guiones",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "pasos_aplicados",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "pasos_politica",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "pausas_escalamiento",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "reglas_asignacion",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "tareas",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "actividades",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "carteras",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "compromisos",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "disputas",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "tipos_actividad",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "cobradores",
                schema: "gestion");

            migrationBuilder.DropTable(
                name: "motivos_disputa",
                schema: "gestion");
        }
    }
}
