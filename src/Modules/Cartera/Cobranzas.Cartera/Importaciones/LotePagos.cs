using System.Runtime.CompilerServices;
using System.Text.Json;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Credito;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.SharedKernel.Auditoria;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Cartera.Importaciones;

public sealed record ResultadoLotePagos(bool Aplicado, int Filas, int Creados, int SinCambios, decimal MontoAplicado, IReadOnlyList<ErrorFila> Errores);

/// <summary>
/// Payments from an ERP, each applied automatically in the company's configured order, all in one
/// transaction (all-or-nothing unless <c>parcial</c>). A payment with a referencia that the client
/// already has on the same date and amount is the same payment sent again (sinCambios), so the same
/// batch twice changes nothing.
/// </summary>
public sealed record ImportarLotePagos(IAsyncEnumerable<(int Fila, DatosPago? Datos)> Filas, bool Parcial) : IRequest<ResultadoLotePagos>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/pagos/lote", async Task<Results<Ok<ResultadoLotePagos>, ProblemHttpResult>> (HttpRequest solicitud, bool? parcial, IOptions<JsonOptions> json, IMediator m, CancellationToken ct) =>
        {
            var r = await m.Send(new ImportarLotePagos(LoteErrores.DesdeJson<DatosPago>(solicitud.Body, json.Value.SerializerOptions, ct), parcial ?? false), ct);
            return RespuestaLote.Desde(r, r.Aplicado, r.Errores, solicitud.HttpContext);
        })
        .WithName("ImportarLotePagos").WithTags("Pagos").WithDescription(LimitesLote.Descripcion("pagos")).WithMetadata(LimitesLote.Cuerpo)
        .Accepts<List<DatosPago>>("application/json").ProducesValidationProblem().ProducesProblem(409).ProducesProblem(413).ProducesProblem(422).ConLimite(LimitesUso.Importaciones);
}

/// <summary>
/// Set-based, like the document batch: rows are validated as they stream in, each chunk's clients are
/// resolved with one BuscarClientes call and its valid payments COPYed into a staging table; then one
/// transaction locks the open installments of the clients involved, inserts the payments and applies
/// them all at once. The result is the one <see cref="Aplicador.AutomaticaAsync"/> gives applying the
/// payments one by one in batch order: per client and currency, the payments (in batch order) and the
/// open installments (in the configured order) become running-total intervals, and each application is
/// the overlap of a payment's interval with an installment's. A payment later in the batch therefore
/// starts where the earlier ones left off. The order keys do not change as balances fall (an
/// installment partly paid stays first, also when ordered by smallest balance), so computing the
/// intervals once from the balances before the batch is exact.
/// </summary>
public sealed class ImportarLotePagosHandler(CarteraDbContext db, IMediator mediator, ControlCredito control, AvisoPagos aviso, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<ImportarLotePagos, ResultadoLotePagos>
{
    public const int FilasMaximas = LimitesLote.FilasMaximas;
    public const int Bloque = 10_000;
    private const int ErroresMaximos = 1_000;
    private const int SegundosSentencia = ImportarLoteDocumentosHandler.SegundosSentenciaLote;
    private static readonly TextosSinNuloValidator<DatosPago> Validador = TextosSinNuloValidator<DatosPago>.Y(new DatosPagoValidator());

    public async ValueTask<ResultadoLotePagos> Handle(ImportarLotePagos request, CancellationToken cancellationToken)
    {
        var errores = new List<ErrorFila>();
        var filasConError = new HashSet<int>();
        var bloque = new List<(int Fila, DatosPago Datos)>();
        var filas = 0;
        ErrorFila? excedido = null;
        var hoy = FechaNegocio.Hoy(reloj);
        var ahora = reloj.GetUtcNow();
        var orden = (await AjustesCartera.CargarAsync(db, cancellationToken)).OrdenImputacion;

        void Error(ErrorFila e)
        {
            filasConError.Add(e.Fila);
            if (errores.Count < ErroresMaximos)
                errores.Add(e);
        }

        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        // At 100 000 payments over a large portfolio one statement (the applications' INSERT, the audit) outlasts the default 30 s.
        db.Database.SetCommandTimeout(TimeSpan.FromSeconds(SegundosSentencia));
        List<Guid> clientesAfectados;
        List<Guid> pagosNuevos = [], documentosConPago = [];
        long creados, sinCambios;
        decimal aplicado;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await EjecutarAsync(conexion, """
                CREATE TEMP TABLE lote_pagos (
                    fila int, id uuid, cliente_id uuid, fecha date, monto numeric, moneda text, canal text, referencia text,
                    estado_cheque text, fecha_cheque date, fecha_cobro date, nuevo bool NOT NULL DEFAULT true, saldo numeric) ON COMMIT DROP;
                """, cancellationToken);

            try
            {
                await foreach (var (fila, datos) in request.Filas.WithCancellation(cancellationToken))
                {
                    if (++filas > FilasMaximas)
                    {
                        excedido = LimitesLote.Excedido(fila, "pagos");
                        break;
                    }

                    if (datos is null)
                    {
                        Error(new ErrorFila(fila, "pago", "requerido", "La fila está vacía (null)."));
                        continue;
                    }

                    var fallas = Validador.Validate(datos).Errors.Select(e => LoteErrores.Convertir(fila, e)).ToList();
                    if (datos.Aplicacion == ModosAplicacion.Manual)
                        fallas.Add(new ErrorFila(fila, "aplicacion", "solo_automatica", "En un lote los pagos se aplican automáticamente (en el orden de imputación de la empresa)."));
                    if (datos.Fecha > hoy)
                        fallas.Add(new ErrorFila(fila, "fecha", "fecha_futura", "Un pago no puede tener fecha futura."));
                    if (fallas.Count > 0)
                    {
                        fallas.ForEach(Error);
                        continue;
                    }

                    bloque.Add((fila, datos));
                    if (bloque.Count >= Bloque)
                    {
                        await CopiarBloqueAsync(conexion, bloque, ahora, Error, cancellationToken);
                        bloque.Clear();
                    }
                }
            }
            catch (JsonException ex)
            {
                Error(LoteErrores.DeJson(ex, filas));
                return new ResultadoLotePagos(false, filas, 0, 0, 0, errores);
            }

            if (excedido is not null)
                return new ResultadoLotePagos(false, filas, 0, 0, 0, [excedido]);
            await CopiarBloqueAsync(conexion, bloque, ahora, Error, cancellationToken);
            if (filasConError.Count > 0 && !request.Parcial)
                return new ResultadoLotePagos(false, filas, 0, 0, 0, errores);
            if (filas == 0)
                return new ResultadoLotePagos(false, 0, 0, 0, 0, [new ErrorFila(1, "lote", "vacio", "El lote no trae pagos.")]);

            // Temp tables have no statistics until analysed.
            await EjecutarAsync(conexion, "CREATE INDEX ON lote_pagos (cliente_id); ANALYZE lote_pagos;", cancellationToken);
            await BloquearCuotasAsync(conexion, cancellationToken);
            await MarcarRepetidosAsync(conexion, cancellationToken);
            await BuscarEscalonadosAsync(conexion, cancellationToken);
            try
            {
                (creados, sinCambios, aplicado) = await AplicarAsync(conexion, orden, ahora, cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Only a write that skipped the clients' lock gets here: repeated payments were marked sinCambios under it.
                throw new ConflictoException("referencia", "Otro proceso registró al mismo tiempo pagos con estas referencias; reintente el lote.");
            }
            await AuditarAsync(ahora, filas, creados, sinCambios, filasConError.Count, request.Parcial, cancellationToken);
            clientesAfectados = await IdsAsync(conexion, "SELECT DISTINCT cliente_id FROM lote_pagos WHERE nuevo", cancellationToken);
            if (await HaySuscriptoresAsync(TiposEventoNegocio.PagoRegistrado, cancellationToken))
                pagosNuevos = await IdsAsync(conexion, "SELECT id FROM lote_pagos WHERE nuevo ORDER BY fila", cancellationToken);
            if (await HaySuscriptoresAsync(TiposEventoNegocio.DocumentoPagado, cancellationToken))
                documentosConPago = await IdsAsync(conexion, "SELECT DISTINCT documento_id FROM lote_aplicaciones", cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        await control.AplicarAsync(clientesAfectados, cancellationToken);
        await aviso.PublicarAsync(clientesAfectados, cancellationToken);
        if (pagosNuevos.Count > 0)
        {
            var pagos = await ProyeccionPago.CargarVariosAsync(db, mediator, pagosNuevos, cancellationToken);
            await mediator.Publish(new EventoNegocio(contexto.EmpresaId, TiposEventoNegocio.PagoRegistrado, pagos.Select(p => new HechoNegocio(p.Id, p)).ToList(), ahora), cancellationToken);
        }
        await aviso.PagadosAsync(documentosConPago, cancellationToken);
        return new ResultadoLotePagos(true, filas, (int)creados, (int)sinCambios, aplicado, errores);
    }

    /// <summary>Resolves the chunk's clients with one BuscarClientes call and COPYs its payments (as <see cref="Cheques.Nuevo"/> builds them) into staging.</summary>
    private async Task CopiarBloqueAsync(NpgsqlConnection conexion, List<(int Fila, DatosPago Datos)> bloque, DateTimeOffset ahora, Action<ErrorFila> error, CancellationToken ct)
    {
        if (bloque.Count == 0)
            return;
        var ids = bloque.Where(t => t.Datos.ClienteId is not null).Select(t => t.Datos.ClienteId!.Value).Distinct().ToList();
        var ruts = bloque.Select(t => LoteErrores.Canonico(t.Datos.Rut)).OfType<string>().Distinct().ToList();
        var clientes = await mediator.Send(new BuscarClientes(ids, ruts), ct);
        var porId = clientes.ToDictionary(c => c.Id);
        var porRut = clientes.GroupBy(c => c.Rut).ToDictionary(g => g.Key, g => g.First());

        await using var copia = await conexion.BeginBinaryImportAsync(
            "COPY lote_pagos (fila, id, cliente_id, fecha, monto, moneda, canal, referencia, estado_cheque, fecha_cheque, fecha_cobro) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (fila, d) in bloque)
        {
            var rut = LoteErrores.Canonico(d.Rut);
            ClienteInfo? cliente = d.ClienteId is { } id ? porId.GetValueOrDefault(id) : rut is null ? null : porRut.GetValueOrDefault(rut);
            if (cliente is null || (d.ClienteId is not null && rut is not null && cliente.Rut != rut))
            {
                error(cliente is null
                    ? new ErrorFila(fila, d.ClienteId is null ? "rut" : "clienteId", "cliente_inexistente", "El cliente no existe en la empresa.")
                    : new ErrorFila(fila, "rut", "cliente_distinto", "El RUT no corresponde al cliente indicado en clienteId."));
                continue;
            }

            var p = Cheques.Nuevo(cliente.Id, d, ahora);
            await copia.StartRowAsync(ct);
            await copia.WriteAsync(fila, NpgsqlDbType.Integer, ct);
            await copia.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
            await copia.WriteAsync(p.ClienteId, NpgsqlDbType.Uuid, ct);
            await copia.WriteAsync(p.Fecha, NpgsqlDbType.Date, ct);
            await copia.WriteAsync(p.Monto, NpgsqlDbType.Numeric, ct);
            await copia.WriteAsync(p.Moneda, NpgsqlDbType.Text, ct);
            await copia.WriteAsync(p.Canal, NpgsqlDbType.Text, ct);
            await EscribirAsync(copia, p.Referencia, NpgsqlDbType.Text, ct);
            await EscribirAsync(copia, p.EstadoCheque, NpgsqlDbType.Text, ct);
            await EscribirAsync(copia, p.FechaCheque, NpgsqlDbType.Date, ct);
            await EscribirAsync(copia, p.FechaCobro, NpgsqlDbType.Date, ct);
        }

        await copia.CompleteAsync(ct);
    }

    /// <summary>
    /// The locks: first every client of the batch (<see cref="BloqueoCliente"/>, in id order, also the clients with
    /// nothing open), so another batch or a single payment of those clients waits here and then reads the payments and
    /// balances this one left; then the open installments of those clients (in the batch's currencies) are read
    /// <c>FOR UPDATE</c>, in key order, into <c>lote_cuotas</c>, which keeps out a write that changes them without the
    /// client's lock (it fails on their row version, a 409, instead of applying the same balance twice).
    /// </summary>
    private async Task BloquearCuotasAsync(NpgsqlConnection conexion, CancellationToken ct)
    {
        await using var comando = new NpgsqlCommand($"""
            {BloqueoCliente.Sql("SELECT cliente_id FROM lote_pagos")};
            CREATE TEMP TABLE lote_cuotas ON COMMIT DROP AS
            SELECT c.documento_id, c.numero, d.cliente_id, d.moneda, c.saldo, c.saldo AS saldo_base, c.fecha_vencimiento, d.fecha_emision, d.folio
            FROM cartera.cuotas c JOIN cartera.documentos d ON d.id = c.documento_id
            WHERE c.empresa_id = @empresa AND d.empresa_id = @empresa AND c.saldo > 0 AND d.saldo > 0
              AND cartera.en_cartera(d.tipo, d.fecha_anulacion, d.fecha_castigo, d.fecha_cesion, d.fecha_recompra)
              AND EXISTS (SELECT 1 FROM lote_pagos l WHERE l.cliente_id = d.cliente_id AND l.moneda = d.moneda AND l.estado_cheque IS DISTINCT FROM @enCartera)
            ORDER BY c.documento_id, c.numero
            FOR UPDATE OF c;
            ANALYZE lote_cuotas;
            CREATE TEMP TABLE lote_escalonados (cliente_id uuid, moneda text) ON COMMIT DROP;
            """, conexion)
        { CommandTimeout = SegundosSentencia };
        comando.Parameters.AddWithValue("empresa", contexto.EmpresaId);
        comando.Parameters.AddWithValue("enCartera", Cheques.EnCartera);
        await comando.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A payment the client already has (same referencia, date and amount), or that came earlier in the batch, is sinCambios.</summary>
    private async Task MarcarRepetidosAsync(NpgsqlConnection conexion, CancellationToken ct)
    {
        await using var comando = new NpgsqlCommand("""
            UPDATE lote_pagos l SET nuevo = false
            WHERE l.referencia IS NOT NULL AND (
                EXISTS (SELECT 1 FROM cartera.pagos p WHERE p.empresa_id = @empresa AND p.cliente_id = l.cliente_id AND p.fecha = l.fecha
                                                    AND p.referencia = l.referencia AND p.monto = l.monto)
                OR EXISTS (SELECT 1 FROM lote_pagos o WHERE o.cliente_id = l.cliente_id AND o.fecha = l.fecha AND o.referencia = l.referencia
                                                      AND o.monto = l.monto AND o.fila < l.fila))
            """, conexion)
        { CommandTimeout = SegundosSentencia };
        comando.Parameters.AddWithValue("empresa", contexto.EmpresaId);
        await comando.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Payments dated in the past take only what was free at their date and after: an installment whose balance includes an
    /// application reversed after a payment's date, or a document issued after it, offers that payment less than its balance.
    /// Usually no client of the batch has such an installment (<c>EscalonadosLote.sql</c>), and the batch then applies exactly as
    /// <see cref="Aplicador.AutomaticaAsync"/> would, in the file's order.
    /// </summary>
    private async Task BuscarEscalonadosAsync(NpgsqlConnection conexion, CancellationToken ct)
    {
        await using var comando = new NpgsqlCommand(SqlCartera.Leer("Importaciones/EscalonadosLote.sql"), conexion) { CommandTimeout = SegundosSentencia };
        comando.Parameters.AddWithValue("empresa", contexto.EmpresaId);
        comando.Parameters.AddWithValue("enCartera", Cheques.EnCartera);
        await comando.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The automatic application of the new payments that pass <paramref name="filtro"/> (on <c>lote_pagos l</c>) to what
    /// <c>lote_cuotas</c> offers, each client's payments in the file's order against its installments in the imputation order: each
    /// payment covers a stretch of the running total of its client's payments, each installment a stretch of the running total of
    /// its balances, and an application is where two stretches overlap. Cheques a fecha stay en cartera, unapplied.
    /// </summary>
    private static string Asignacion(string claves, string filtro) => $"""
        WITH pp AS (
            SELECT l.id, l.fila, l.fecha, l.cliente_id, l.moneda, l.monto,
                   sum(l.monto) OVER (PARTITION BY l.cliente_id, l.moneda ORDER BY l.fila ROWS UNBOUNDED PRECEDING) AS hasta
            FROM lote_pagos l WHERE l.nuevo AND l.estado_cheque IS DISTINCT FROM @enCartera AND {filtro}),
        cc AS (
            SELECT documento_id, numero, cliente_id, moneda, saldo,
                   sum(saldo) OVER (PARTITION BY cliente_id, moneda ORDER BY {claves} ROWS UNBOUNDED PRECEDING) AS hasta
            FROM lote_cuotas WHERE saldo > 0)
        SELECT {RegistroAuditoria.UuidV7Sql} AS id, pp.id AS pago_id, pp.fila, pp.fecha, cc.documento_id, cc.numero, cc.cliente_id, cc.moneda,
               least(pp.hasta, cc.hasta) - greatest(pp.hasta - pp.monto, cc.hasta - cc.saldo) AS monto
        FROM pp JOIN cc ON cc.cliente_id = pp.cliente_id AND cc.moneda = pp.moneda AND cc.hasta - cc.saldo < pp.hasta AND pp.hasta - pp.monto < cc.hasta
        """;

    /// <summary>
    /// The application of the new payments (<see cref="Asignacion"/>): those of most clients at once, those of the clients in
    /// <c>lote_escalonados</c> one by one; then one INSERT of payments, one of applications and one UPDATE each of installments and
    /// documents.
    /// </summary>
    private async Task<(long Creados, long SinCambios, decimal Aplicado)> AplicarAsync(NpgsqlConnection conexion, string orden, DateTimeOffset ahora, CancellationToken ct)
    {
        var claves = OrdenesImputacion.OrdenSql(orden);
        const string escalonado = "EXISTS (SELECT 1 FROM lote_escalonados e WHERE e.cliente_id = l.cliente_id AND e.moneda = l.moneda)";
        await AsignarAsync($"CREATE TEMP TABLE lote_aplicaciones ON COMMIT DROP AS {Asignacion(claves, "false")}", null);
        await AsignarAsync($"INSERT INTO lote_aplicaciones {Asignacion(claves, "NOT " + escalonado)}", null);
        // The clients with installments that free up later: their payments one at a time, in the file's order, each offered what is
        // free at its date and after, counting what the earlier ones took.
        var escalonados = new List<Guid>();
        await using (var consulta = new NpgsqlCommand($"SELECT l.id FROM lote_pagos l WHERE l.nuevo AND l.estado_cheque IS DISTINCT FROM @enCartera AND {escalonado} ORDER BY l.fila", conexion))
        {
            consulta.Parameters.AddWithValue("enCartera", Cheques.EnCartera);
            await using var l = await consulta.ExecuteReaderAsync(ct);
            while (await l.ReadAsync(ct))
                escalonados.Add(l.GetGuid(0));
        }

        // Each of their payments reads what the batch applied to its client's installments, by key.
        if (escalonados.Count > 0)
            await EjecutarAsync(conexion, "CREATE INDEX ON lote_aplicaciones (documento_id, numero); ANALYZE lote_aplicaciones;", ct);
        foreach (var pago in escalonados)
            await AsignarAsync($"{SqlCartera.Leer("Importaciones/LibreLote.sql")}\nINSERT INTO lote_aplicaciones {Asignacion(claves, "l.id = @pago")}", pago);

        async Task AsignarAsync(string sql, Guid? pago)
        {
            await using var asignacion = new NpgsqlCommand(sql, conexion) { CommandTimeout = SegundosSentencia };
            asignacion.Parameters.AddWithValue("empresa", contexto.EmpresaId);
            asignacion.Parameters.AddWithValue("enCartera", Cheques.EnCartera);
            if (pago is { } id)
                asignacion.Parameters.AddWithValue("pago", id);
            await asignacion.ExecuteNonQueryAsync(ct);
        }

        await using var comando = new NpgsqlCommand($"""
            ANALYZE lote_aplicaciones;
            UPDATE lote_pagos SET saldo = monto WHERE nuevo;
            UPDATE lote_pagos l SET saldo = l.monto - x.m FROM (SELECT pago_id, sum(monto) AS m FROM lote_aplicaciones GROUP BY 1) x WHERE x.pago_id = l.id;

            INSERT INTO cartera.pagos (id, empresa_id, cliente_id, fecha, monto, moneda, canal, referencia, saldo, creado, estado_cheque, fecha_cheque, fecha_cobro)
            SELECT l.id, @empresa, l.cliente_id, l.fecha, l.monto, l.moneda, l.canal, l.referencia, l.saldo, @ahora, l.estado_cheque, l.fecha_cheque, l.fecha_cobro
            FROM lote_pagos l WHERE l.nuevo ORDER BY l.fila;

            INSERT INTO cartera.aplicaciones (id, empresa_id, documento_id, cuota, cliente_id, moneda, pago_id, monto, fecha, actor, creado)
            SELECT a.id, @empresa, a.documento_id, a.numero, a.cliente_id, a.moneda, a.pago_id, a.monto, a.fecha, @actor, @ahora FROM lote_aplicaciones a ORDER BY a.id;

            UPDATE cartera.cuotas c SET saldo = c.saldo - x.m
            FROM (SELECT documento_id, numero, sum(monto) AS m FROM lote_aplicaciones GROUP BY 1, 2) x
            WHERE c.empresa_id = @empresa AND c.documento_id = x.documento_id AND c.numero = x.numero;

            UPDATE cartera.documentos d SET saldo = d.saldo - x.m
            FROM (SELECT documento_id, sum(monto) AS m FROM lote_aplicaciones GROUP BY 1) x
            WHERE d.empresa_id = @empresa AND d.id = x.documento_id;

            SELECT (SELECT count(*) FROM lote_pagos WHERE nuevo), (SELECT count(*) FROM lote_pagos WHERE NOT nuevo),
                   (SELECT COALESCE(sum(monto), 0) FROM lote_aplicaciones);
            """, conexion)
        { CommandTimeout = SegundosSentencia };
        comando.Parameters.AddWithValue("empresa", contexto.EmpresaId);
        comando.Parameters.AddWithValue("enCartera", Cheques.EnCartera);
        comando.Parameters.AddWithValue("actor", contexto.Actor);
        comando.Parameters.AddWithValue("ahora", ahora);
        await using var lector = await comando.ExecuteReaderAsync(ct);
        await lector.ReadAsync(ct);
        return (lector.GetInt64(0), lector.GetInt64(1), lector.GetDecimal(2));
    }

    /// <summary>
    /// Set-based audit in the same transaction: one row per payment and per application created (as
    /// SaveChanges would write them), plus one entry for the batch with its counts, as the document batch writes.
    /// </summary>
    private async Task AuditarAsync(DateTimeOffset ahora, int filas, long creados, long sinCambios, int conError, bool parcial, CancellationToken ct)
    {
        var resumen = JsonSerializer.Serialize(new { filas, creados, sinCambios, errores = conError, parcial });
        await RegistroAuditoria.GuardarConsultaAsync(db, contexto, reloj, """
            SELECT 'Pago', l.id::text, 'crear', NULL::jsonb, jsonb_build_object(
                       'Id', l.id, 'EmpresaId', @empresa, 'ClienteId', l.cliente_id, 'Fecha', l.fecha, 'Monto', l.monto, 'Moneda', l.moneda,
                       'Canal', l.canal, 'Referencia', l.referencia, 'Saldo', l.saldo, 'Creado', @ahora, 'EstadoCheque', l.estado_cheque,
                       'FechaCheque', l.fecha_cheque, 'FechaCobro', l.fecha_cobro)
            FROM lote_pagos l WHERE l.nuevo
            UNION ALL
            SELECT 'Aplicacion', a.id::text, 'crear', NULL::jsonb, jsonb_build_object(
                       'Id', a.id, 'EmpresaId', @empresa, 'DocumentoId', a.documento_id, 'Cuota', a.numero, 'ClienteId', a.cliente_id, 'Moneda', a.moneda,
                       'PagoId', a.pago_id, 'Monto', a.monto, 'Fecha', a.fecha, 'Actor', @actor, 'Creado', @ahora)
            FROM lote_aplicaciones a
            UNION ALL
            SELECT 'LotePagos', @lote, 'importar', NULL::jsonb, @resumen::jsonb
            """,
            [
                new NpgsqlParameter("empresa", contexto.EmpresaId), new NpgsqlParameter("ahora", ahora), new NpgsqlParameter("actor", contexto.Actor),
                new NpgsqlParameter("lote", Guid.CreateVersion7().ToString()), new NpgsqlParameter("resumen", resumen),
            ], ct);
    }

    /// <summary>Whether a webhook subscriber wants this event: the batch gathers 100 000 facts only for someone.</summary>
    private async Task<bool> HaySuscriptoresAsync(string tipo, CancellationToken ct) => await mediator.Send(new HaySuscriptoresEvento(contexto.EmpresaId, tipo), ct);

    private static async Task<List<Guid>> IdsAsync(NpgsqlConnection conexion, string sql, CancellationToken ct)
    {
        var ids = new List<Guid>();
        await using var comando = new NpgsqlCommand(sql, conexion) { CommandTimeout = SegundosSentencia };
        await using var lector = await comando.ExecuteReaderAsync(ct);
        while (await lector.ReadAsync(ct))
            ids.Add(lector.GetGuid(0));
        return ids;
    }

    private static async Task EscribirAsync<T>(NpgsqlBinaryImporter copia, T? valor, NpgsqlDbType tipo, CancellationToken ct)
    {
        if (valor is null)
            await copia.WriteNullAsync(ct);
        else
            await copia.WriteAsync(valor, tipo, ct);
    }

    private static async Task EjecutarAsync(NpgsqlConnection conexion, string sql, CancellationToken ct)
    {
        await using var comando = new NpgsqlCommand(sql, conexion) { CommandTimeout = SegundosSentencia };
        await comando.ExecuteNonQueryAsync(ct);
    }
}

public static class LoteErrores
{
    public static ErrorFila Convertir(int fila, FluentValidation.Results.ValidationFailure e)
    {
        var campo = string.Join('.', (e.PropertyName ?? "").Split('.').Select(s => s.Length > 0 ? char.ToLowerInvariant(s[0]) + s[1..] : s));
        return new ErrorFila(fila, campo.Length > 0 ? campo : "fila", CodigosRegla.DeValidacion(e.ErrorCode), e.ErrorMessage);
    }

    /// <summary>The path names the element ("$[1].folio"): rows already read may still sit in the reader's buffer.</summary>
    public static ErrorFila DeJson(JsonException ex, int leidas)
    {
        var ruta = System.Text.RegularExpressions.Regex.Match(ex.Path ?? "", @"^\$\[(\d+)\]\.?(.*)$");
        var fila = ruta.Success ? int.Parse(ruta.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1 : leidas + 1;
        var campo = ruta.Success && ruta.Groups[2].Value.Length > 0 ? ruta.Groups[2].Value : "cuerpo";
        // A missing required property: the path names its row; the field is the property.
        if (ruta.Success && ManejadorProblemas.CamposJson(ex) is [var faltante, ..] && faltante.StartsWith($"[{ruta.Groups[1].Value}].", StringComparison.Ordinal))
            campo = faltante[$"[{ruta.Groups[1].Value}].".Length..];
        return new ErrorFila(fila, campo, "json", $"JSON inválido: {ManejadorProblemas.MensajeJson(ex)}");
    }

    public static string? Canonico(string? rut) => rut is not null && SharedKernel.Rut.Rut.TryParse(rut, out var r) ? r.Value.Canonico : null;

    /// <summary>The elements of a JSON array read one by one from the request body, never buffered whole.</summary>
    public static async IAsyncEnumerable<(int, T?)> DesdeJson<T>(Stream cuerpo, JsonSerializerOptions opciones, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var fila = 0;
        await foreach (var datos in JsonSerializer.DeserializeAsyncEnumerable<T>(cuerpo, opciones, ct))
            yield return (++fila, datos);
    }
}
