using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Cartera.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class Inicial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "cartera");

            migrationBuilder.CreateTable(
                name: "configuraciones",
                schema: "cartera",
                columns: table => new
                {
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    limites_tramos = table.Column<int[]>(type: "integer[]", nullable: false),
                    orden_imputacion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    porcentajes_provision = table.Column<decimal[]>(type: "numeric(7,4)[]", nullable: false),
                    cuenta_contable_con_referencia = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    cuenta_contable_sin_referencia = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_configuraciones", x => x.empresa_id);
                });

            migrationBuilder.CreateTable(
                name: "documentos",
                schema: "cartera",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tipo = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    folio = table.Column<long>(type: "bigint", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha_emision = table.Column<DateOnly>(type: "date", nullable: false),
                    fecha_vencimiento = table.Column<DateOnly>(type: "date", nullable: false),
                    moneda = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    neto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    exento = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    iva = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    total = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    saldo = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    referencia_id = table.Column<Guid>(type: "uuid", nullable: true),
                    origen = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    external_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    notas = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    fecha_anulacion = table.Column<DateOnly>(type: "date", nullable: true),
                    motivo_anulacion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    anulado_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    factor_nombre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    factor_rut = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    fecha_cesion = table.Column<DateOnly>(type: "date", nullable: true),
                    fecha_notificacion_cesion = table.Column<DateOnly>(type: "date", nullable: true),
                    notas_cesion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    cedido_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    fecha_recompra = table.Column<DateOnly>(type: "date", nullable: true),
                    motivo_recompra = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    monto_castigo = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    fecha_castigo = table.Column<DateOnly>(type: "date", nullable: true),
                    motivo_castigo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    castigado_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    cuenta_contable = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    banco_cobranza = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    fecha_envio_cobranza = table.Column<DateOnly>(type: "date", nullable: true),
                    fecha_retiro_cobranza = table.Column<DateOnly>(type: "date", nullable: true),
                    motivo_retiro_cobranza = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    fecha_protesto = table.Column<DateOnly>(type: "date", nullable: true),
                    motivo_protesto = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    costo_protesto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documentos", x => x.id);
                    table.CheckConstraint("ck_documentos_saldo", "saldo >= 0 AND saldo <= total");
                    table.CheckConstraint("ck_documentos_total", "neto + exento + iva = total AND total > 0");
                    table.ForeignKey(
                        name: "fk_documentos_documentos_referencia_id",
                        column: x => x.referencia_id,
                        principalSchema: "cartera",
                        principalTable: "documentos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pagos",
                schema: "cartera",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    monto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    moneda = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    canal = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    referencia = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    saldo = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    estado_cheque = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    fecha_cheque = table.Column<DateOnly>(type: "date", nullable: true),
                    cuenta_deposito = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    fecha_deposito = table.Column<DateOnly>(type: "date", nullable: true),
                    fecha_cobro = table.Column<DateOnly>(type: "date", nullable: true),
                    fecha_protesto = table.Column<DateOnly>(type: "date", nullable: true),
                    motivo_protesto = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    costo_protesto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pagos", x => x.id);
                    table.CheckConstraint("ck_pagos_saldo", "saldo >= 0 AND saldo <= monto AND monto > 0");
                });

            migrationBuilder.CreateTable(
                name: "valores_dolar",
                schema: "cartera",
                columns: table => new
                {
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    valor = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_valores_dolar", x => x.fecha);
                    table.CheckConstraint("ck_valores_dolar_valor", "valor > 0");
                });

            migrationBuilder.CreateTable(
                name: "valores_uf",
                schema: "cartera",
                columns: table => new
                {
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    valor = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_valores_uf", x => x.fecha);
                    table.CheckConstraint("ck_valores_uf_valor", "valor > 0");
                });

            migrationBuilder.CreateTable(
                name: "compensaciones",
                schema: "cartera",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nota_credito_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    monto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    motivo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fecha_reversa = table.Column<DateOnly>(type: "date", nullable: true),
                    motivo_reversa = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    reversada_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compensaciones", x => x.id);
                    table.CheckConstraint("ck_compensaciones_monto", "monto > 0");
                    table.ForeignKey(
                        name: "fk_compensaciones_documentos_nota_credito_id",
                        column: x => x.nota_credito_id,
                        principalSchema: "cartera",
                        principalTable: "documentos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cuotas",
                schema: "cartera",
                columns: table => new
                {
                    documento_id = table.Column<Guid>(type: "uuid", nullable: false),
                    numero = table.Column<int>(type: "integer", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cliente_id = table.Column<Guid>(type: "uuid", nullable: false),
                    moneda = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    fecha_emision = table.Column<DateOnly>(type: "date", nullable: false),
                    fecha_vencimiento = table.Column<DateOnly>(type: "date", nullable: false),
                    monto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    saldo = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cuotas", x => new { x.documento_id, x.numero });
                    table.CheckConstraint("ck_cuotas_saldo", "saldo >= 0 AND saldo <= monto AND monto > 0");
                    table.ForeignKey(
                        name: "fk_cuotas_documentos_documento_id",
                        column: x => x.documento_id,
                        principalSchema: "cartera",
                        principalTable: "documentos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aplicaciones",
                schema: "cartera",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    empresa_id = table.Column<Guid>(type: "uuid", nullable: false),
                    documento_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cuota = table.Column<int>(type: "integer", nullable: false),
                    pago_id = table.Column<Guid>(type: "uuid", nullable: true),
                    nota_credito_id = table.Column<Guid>(type: "uuid", nullable: true),
                    compensacion_id = table.Column<Guid>(type: "uuid", nullable: true),
                    monto = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    fecha = table.Column<DateOnly>(type: "date", nullable: false),
                    fecha_reversa = table.Column<DateOnly>(type: "date", nullable: true),
                    motivo_reversa = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    reversada_por = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    creado = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aplicaciones", x => x.id);
                    table.CheckConstraint("ck_aplicaciones_monto", "monto > 0");
                    table.CheckConstraint("ck_aplicaciones_origen", "(pago_id IS NULL) <> (nota_credito_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_aplicaciones_compensaciones_compensacion_id",
                        column: x => x.compensacion_id,
                        principalSchema: "cartera",
                        principalTable: "compensaciones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_aplicaciones_cuotas_documento_id_cuota",
                        columns: x => new { x.documento_id, x.cuota },
                        principalSchema: "cartera",
                        principalTable: "cuotas",
                        principalColumns: new[] { "documento_id", "numero" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_aplicaciones_documentos_nota_credito_id",
                        column: x => x.nota_credito_id,
                        principalSchema: "cartera",
                        principalTable: "documentos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_aplicaciones_pagos_pago_id",
                        column: x => x.pago_id,
                        principalSchema: "cartera",
                        principalTable: "pagos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_aplicaciones_compensacion_id",
                schema: "cartera",
                table: "aplicaciones",
                column: "compensacion_id",
                filter: "compensacion_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_aplicaciones_documento_id_cuota",
                schema: "cartera",
                table: "aplicaciones",
                columns: new[] { "documento_id", "cuota" });

            migrationBuilder.CreateIndex(
                name: "ix_aplicaciones_empresa_id",
                schema: "cartera",
                table: "aplicaciones",
                column: "empresa_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_aplicaciones_nota_credito_id",
                schema: "cartera",
                table: "aplicaciones",
                column: "nota_credito_id");

            migrationBuilder.CreateIndex(
                name: "ix_aplicaciones_pago_id",
                schema: "cartera",
                table: "aplicaciones",
                column: "pago_id");

            migrationBuilder.CreateIndex(
                name: "ix_compensaciones_empresa_id",
                schema: "cartera",
                table: "compensaciones",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_compensaciones_empresa_id_cliente_id_fecha",
                schema: "cartera",
                table: "compensaciones",
                columns: new[] { "empresa_id", "cliente_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_compensaciones_nota_credito_id",
                schema: "cartera",
                table: "compensaciones",
                column: "nota_credito_id");

            migrationBuilder.CreateIndex(
                name: "ix_configuraciones_empresa_id",
                schema: "cartera",
                table: "configuraciones",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_cuotas_empresa_id",
                schema: "cartera",
                table: "cuotas",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_cuotas_empresa_id_cliente_id_abiertas",
                schema: "cartera",
                table: "cuotas",
                columns: new[] { "empresa_id", "cliente_id" },
                filter: "saldo > 0")
                .Annotation("Npgsql:IndexInclude", new[] { "documento_id", "numero", "fecha_vencimiento", "saldo", "moneda", "fecha_emision" });

            migrationBuilder.CreateIndex(
                name: "ix_documentos_empresa_id",
                schema: "cartera",
                table: "documentos",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_documentos_empresa_id_cliente_id_fecha_vencimiento",
                schema: "cartera",
                table: "documentos",
                columns: new[] { "empresa_id", "cliente_id", "fecha_vencimiento" });

            migrationBuilder.CreateIndex(
                name: "ix_documentos_empresa_id_especiales",
                schema: "cartera",
                table: "documentos",
                column: "empresa_id",
                filter: "fecha_anulacion IS NOT NULL OR fecha_castigo IS NOT NULL OR fecha_cesion IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_documentos_empresa_id_external_id",
                schema: "cartera",
                table: "documentos",
                columns: new[] { "empresa_id", "external_id" },
                unique: true,
                filter: "external_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_documentos_empresa_id_fecha_vencimiento_id",
                schema: "cartera",
                table: "documentos",
                columns: new[] { "empresa_id", "fecha_vencimiento", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_documentos_empresa_id_tipo_folio",
                schema: "cartera",
                table: "documentos",
                columns: new[] { "empresa_id", "tipo", "folio" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_documentos_referencia_id",
                schema: "cartera",
                table: "documentos",
                column: "referencia_id");

            migrationBuilder.CreateIndex(
                name: "ix_pagos_empresa_id",
                schema: "cartera",
                table: "pagos",
                column: "empresa_id");

            migrationBuilder.CreateIndex(
                name: "ix_pagos_empresa_id_cliente_id_fecha",
                schema: "cartera",
                table: "pagos",
                columns: new[] { "empresa_id", "cliente_id", "fecha" });

            migrationBuilder.CreateIndex(
                name: "ix_pagos_empresa_id_estado_cheque_fecha_cheque",
                schema: "cartera",
                table: "pagos",
                columns: new[] { "empresa_id", "estado_cheque", "fecha_cheque" },
                filter: "estado_cheque IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_pagos_empresa_id_fecha_id",
                schema: "cartera",
                table: "pagos",
                columns: new[] { "empresa_id", "fecha", "id" });

            // The portfolio rules in SQL, written once; their C# twins are ReglasCartera (a test checks they agree). Plain
            // SQL expressions, IMMUTABLE, so the planner inlines them into the statements that use them.
            migrationBuilder.Sql("""
                CREATE FUNCTION cartera.vigente(fecha_anulacion date, fecha_cesion date, fecha_recompra date) RETURNS boolean
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT fecha_anulacion IS NULL AND NOT (fecha_cesion IS NOT NULL AND fecha_recompra IS NULL)
                $$;

                CREATE FUNCTION cartera.es_nota_credito(tipo text) RETURNS boolean
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT tipo IN ('61', '112')
                $$;

                CREATE FUNCTION cartera.en_cartera(tipo text, fecha_anulacion date, fecha_castigo date, fecha_cesion date, fecha_recompra date) RETURNS boolean
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT cartera.vigente(fecha_anulacion, fecha_cesion, fecha_recompra) AND fecha_castigo IS NULL AND NOT cartera.es_nota_credito(tipo)
                $$;

                CREATE FUNCTION cartera.en_cartera_al(fecha_anulacion date, fecha_castigo date, fecha_cesion date, fecha_recompra date, corte date) RETURNS boolean
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT (fecha_anulacion IS NULL OR fecha_anulacion > corte)
                       AND (fecha_castigo IS NULL OR fecha_castigo > corte)
                       AND (fecha_cesion IS NULL OR fecha_cesion > corte OR COALESCE(fecha_recompra <= corte, false))
                $$;

                CREATE FUNCTION cartera.en_clp(monto numeric, moneda text, uf numeric, dolar numeric) RETURNS numeric
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT CASE moneda WHEN 'CLP' THEN monto WHEN 'UF' THEN round(monto * uf) WHEN 'USD' THEN round(monto * dolar) END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION cartera.vigente(date, date, date);
                DROP FUNCTION cartera.en_cartera_al(date, date, date, date, date);
                DROP FUNCTION cartera.en_cartera(text, date, date, date, date);
                DROP FUNCTION cartera.es_nota_credito(text);
                DROP FUNCTION cartera.en_clp(numeric, text, numeric, numeric);
                """);

            migrationBuilder.DropTable(
                name: "aplicaciones",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "configuraciones",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "valores_dolar",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "valores_uf",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "compensaciones",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "cuotas",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "pagos",
                schema: "cartera");

            migrationBuilder.DropTable(
                name: "documentos",
                schema: "cartera");
        }
    }
}
