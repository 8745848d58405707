using System.Text.Json;
using System.Threading.Channels;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.SharedKernel.Auditoria;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Cartera.Importaciones;

/// <summary>A rejected row: its number (1 = first element of the array, or the file line), the field, the rule it broke and why.</summary>
public sealed record ErrorFila(int Fila, string Campo, string Regla, string Mensaje)
{
    /// <summary>In a file import, the column as the person's file names it (through the mapping); absent in a JSON batch.</summary>
    public string? Columna { get; init; }
}

public sealed record ResultadoLote(bool Aplicado, int Filas, int Creados, int SinCambios, IReadOnlyList<ErrorFila> Errores);

/// <summary>A row as read from the source: its data, or why it could not be read (a CSV cell that is not a number...).</summary>
public sealed record FilaLote(int Fila, DatosDocumento? Datos, IReadOnlyList<ErrorFila> ErroresLectura);

/// <summary>
/// Documents from an ERP or a file, set-based: rows are validated as they stream in, staged with a
/// binary COPY and merged with one INSERT ... ON CONFLICT DO NOTHING. Documents are immutable once
/// issued (a DTE is corrected with a credit or debit note), so a folio that already exists with the
/// same data counts as sinCambios and one with different data is an error. All-or-nothing unless
/// <c>parcial</c>; the same batch twice changes nothing.
/// </summary>
public sealed record ImportarLoteDocumentos(IAsyncEnumerable<FilaLote> Filas, bool Parcial) : IRequest<ResultadoLote>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/documentos/lote", async Task<Results<Ok<ResultadoLote>, ProblemHttpResult>> (HttpRequest solicitud, bool? parcial, IOptions<JsonOptions> json, IMediator m, CancellationToken ct) =>
        {
            var r = await m.Send(new ImportarLoteDocumentos(LecturaLote.DesdeJson(solicitud.Body, json.Value.SerializerOptions, ct), parcial ?? false), ct);
            return RespuestaLote.Desde(r, r.Aplicado, r.Errores, solicitud.HttpContext);
        })
        .WithName("ImportarLoteDocumentos").WithDescription(LimitesLote.Descripcion("documentos")).WithMetadata(LimitesLote.Cuerpo)
        .Accepts<List<DatosDocumento>>("application/json").ProducesValidationProblem().ProducesProblem(409).ProducesProblem(413).ProducesProblem(422).ConLimite(LimitesUso.Importaciones);
}

public sealed class ImportarLoteDocumentosHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<ImportarLoteDocumentos, ResultadoLote>
{
    public const int FilasMaximas = LimitesLote.FilasMaximas;
    public const int Bloque = 10_000;

    /// <summary>Merges of at least this many documents refresh the tables' statistics.</summary>
    public const int AnalizarDesde = 10_000;
    private const int ErroresMaximos = 1_000;

    /// <summary>Set-based statements over a 100 000-row batch may legitimately outlast the default 30 s command timeout.</summary>
    internal const int SegundosSentenciaLote = 600;
    private static readonly TextosSinNuloValidator<DatosDocumento> Validador = TextosSinNuloValidator<DatosDocumento>.Y(new DatosDocumentoValidator());

    private sealed record Preparado(int Fila, Guid Id, Guid ClienteId, DatosDocumento Datos, IReadOnlyList<DatosCuota> Cuotas);

    public async ValueTask<ResultadoLote> Handle(ImportarLoteDocumentos request, CancellationToken cancellationToken)
    {
        var errores = new List<ErrorFila>();
        var filasConError = new HashSet<int>();
        var claves = new HashSet<(string, long)>();
        var externos = new HashSet<string>(StringComparer.Ordinal);
        var bloque = new List<(int Fila, DatosDocumento Datos)>(Bloque);
        // Errors in the order a sequential import reports them: each chunk's reading errors, then its copy's, and the
        // comparisons with existing folios last.
        var tandas = new List<List<ErrorFila>>();
        var deLectura = new List<ErrorFila>();
        var fusion = new Fusion(request.Parcial)
        {
            Nuevos = await mediator.Send(new HaySuscriptoresEvento(contexto.EmpresaId, TiposEventoNegocio.DocumentoCreado), cancellationToken) ? [] : null,
        };
        var filas = 0;
        ErrorFila? excedido = null;
        var ahora = reloj.GetUtcNow();
        var ajustes = await AjustesCartera.CargarAsync(db, cancellationToken);

        void Error(ErrorFila e)
        {
            filasConError.Add(e.Fila);
            if (errores.Count < ErroresMaximos)
                errores.Add(e);
        }

        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await BloquearLotesEmpresaAsync(conexion, cancellationToken);
            await EjecutarAsync(conexion, """
                CREATE TEMP TABLE lote_documentos (
                    fila int, id uuid, tipo text, folio bigint, cliente_id uuid, fecha_emision date, fecha_vencimiento date, moneda text,
                    neto numeric, exento numeric, iva numeric, total numeric, origen text, external_id text, notas text) ON COMMIT DROP;
                CREATE TEMP TABLE lote_cuotas (documento_id uuid, numero int, fecha_vencimiento date, monto numeric) ON COMMIT DROP;
                CREATE INDEX ON lote_cuotas (documento_id);
                """, cancellationToken);

            // Reading and validating the next chunk overlaps with the previous chunk's staging, comparison and merge, which
            // run on the connection while this thread parses; the bounded channel keeps at most one chunk waiting. A batch
            // rejected later rolls back what its earlier chunks merged, so the result is the one of a single merge at the end.
            var canal = Channel.CreateBounded<(List<(int Fila, DatosDocumento Datos)> Bloque, List<ErrorFila> Errores)>(
                new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
            var copiador = FusionarBloquesAsync(conexion, canal, fusion, ahora, ajustes, cancellationToken);
            ErrorFila? jsonInvalido = null;
            try
            {
                await foreach (var fila in request.Filas.WithCancellation(cancellationToken))
                {
                    filas++;
                    if (filas > FilasMaximas)
                    {
                        excedido = LimitesLote.Excedido(fila.Fila, "documentos");
                        fusion.ConErrores = true;
                        break;
                    }

                    if (Validar(fila) is { Count: > 0 } erroresFila)
                    {
                        deLectura.AddRange(erroresFila);
                        fusion.ConErrores = true;
                        continue;
                    }

                    bloque.Add((fila.Fila, fila.Datos!));
                    if (bloque.Count >= Bloque)
                        await canal.Writer.WriteAsync(Entregar(), cancellationToken);
                }

                if (bloque.Count > 0)
                    await canal.Writer.WriteAsync(Entregar(), cancellationToken);
            }
            catch (JsonException ex)
            {
                jsonInvalido = LoteErrores.DeJson(ex, filas);
            }
            finally
            {
                // The copier must be done with the connection before anything else uses it (or it is closed).
                canal.Writer.TryComplete();
                await copiador;
            }

            if (excedido is not null)
                return new ResultadoLote(false, filas, 0, 0, [excedido]);
            tandas.Add(deLectura);
            foreach (var e in tandas.SelectMany(t => t))
                Error(e);
            if (jsonInvalido is not null)
            {
                Error(jsonInvalido);
                return new ResultadoLote(false, filas, 0, 0, errores);
            }

            fusion.Comparacion.ForEach(Error);
            if (filas == 0)
                Error(new ErrorFila(1, "lote", "vacio", "El lote no trae documentos."));
            if (filasConError.Count > 0 && !request.Parcial)
                return new ResultadoLote(false, filas, 0, 0, errores);

            var (creados, sinCambios) = (fusion.Creados, fusion.SinCambios);
            // One audit entry per batch (entity "LoteDocumentos", with its counts) rather than one per document:
            // 100k audit rows would double the cost of the import and say nothing the batch entry does not.
            var resumen = JsonSerializer.Serialize(new { filas, creados, sinCambios, errores = filasConError.Count, parcial = request.Parcial });
            await RegistroAuditoria.GuardarAsync(
                db, contexto, reloj, [new RegistroAuditoria.Entrada("LoteDocumentos", Guid.CreateVersion7().ToString(), "importar", null, resumen)], cancellationToken);
            await tx.CommitAsync(cancellationToken);
            // A large merge makes the planner's statistics stale (on fresh tables it has none at all, and plans the aging
            // as if the open portfolio were a handful of rows); autovacuum would catch up, but only after a while.
            if (creados >= AnalizarDesde)
                await EjecutarAsync(conexion, "ANALYZE cartera.documentos; ANALYZE cartera.cuotas;", cancellationToken);
            if (fusion.Nuevos is { Count: > 0 } nuevos)
                await mediator.Publish(new EventoNegocio(contexto.EmpresaId, TiposEventoNegocio.DocumentoCreado, nuevos, ahora), cancellationToken);
            return new ResultadoLote(true, filas, (int)creados, (int)sinCambios, errores);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        (List<(int Fila, DatosDocumento Datos)>, List<ErrorFila>) Entregar()
        {
            var deCopia = new List<ErrorFila>();
            tandas.Add(deLectura);
            tandas.Add(deCopia);
            deLectura = [];
            var completo = bloque;
            bloque = new List<(int Fila, DatosDocumento Datos)>(Bloque);
            return (completo, deCopia);
        }

        List<ErrorFila> Validar(FilaLote fila)
        {
            if (fila.ErroresLectura.Count > 0)
                return fila.ErroresLectura.ToList();
            if (fila.Datos is null)
                return [new ErrorFila(fila.Fila, "documento", "requerido", "La fila está vacía (null).")];
            var d = fila.Datos;
            var lista = Validador.Validate(d).Errors.Select(e => LoteErrores.Convertir(fila.Fila, e)).ToList();
            if (d.Referencia is not null)
                lista.Add(new ErrorFila(fila.Fila, "referencia", "referencia_en_lote", "Las notas con referencia se registran una a una en POST /api/v1/documentos."));
            if (lista.Count > 0)
                return lista;
            if (!claves.Add((d.Tipo, d.Folio)))
                lista.Add(new ErrorFila(fila.Fila, "folio", "folio_repetido", $"El documento tipo {d.Tipo} folio {d.Folio} viene más de una vez en el lote."));
            if (!string.IsNullOrWhiteSpace(d.ExternalId) && !externos.Add(d.ExternalId.Trim()))
                lista.Add(new ErrorFila(fila.Fila, "externalId", "external_id_repetido", $"El externalId '{d.ExternalId.Trim()}' viene más de una vez en el lote."));
            return lista;
        }
    }

    /// <summary>What the chunks merged so far add up to; <c>ConErrores</c> once any row failed, when a whole batch is lost anyway.</summary>
    private sealed class Fusion(bool parcial)
    {
        public volatile bool ConErrores;
        public long Creados;
        public long SinCambios;
        public List<ErrorFila> Comparacion { get; } = [];

        /// <summary>The created documents as webhook facts; null when the company has no subscriber to documento.creado.</summary>
        public List<HechoNegocio>? Nuevos { get; init; }
        public bool Mezclar => parcial || !ConErrores;
    }

    /// <summary>
    /// Stages, compares and merges the chunks as they come (a folio appears once per batch, so a chunk never meets an
    /// earlier chunk's documents); a failure closes the channel, so the reader stops instead of waiting for room.
    /// </summary>
    private async Task FusionarBloquesAsync(
        NpgsqlConnection conexion, Channel<(List<(int Fila, DatosDocumento Datos)> Bloque, List<ErrorFila> Errores)> canal, Fusion fusion,
        DateTimeOffset ahora, AjustesCartera ajustes, CancellationToken ct)
    {
        try
        {
            await foreach (var (bloque, errores) in canal.Reader.ReadAllAsync(ct))
            {
                await EjecutarAsync(conexion, "TRUNCATE lote_documentos, lote_cuotas", ct);
                await CopiarBloqueAsync(conexion, bloque, errores.Add, ct);
                if (errores.Count > 0)
                    fusion.ConErrores = true;
                // Temp tables have no statistics until analysed; without them the comparison plans nested seq scans.
                await EjecutarAsync(conexion, "ANALYZE lote_documentos; ANALYZE lote_cuotas;", ct);
                var antes = fusion.Comparacion.Count;
                await CompararExistentesAsync(conexion, fusion.Comparacion.Add, ct);
                if (fusion.Comparacion.Count > antes)
                    fusion.ConErrores = true;
                if (!fusion.Mezclar)
                    continue;
                fusion.SinCambios += await ContarAsync(conexion, "SELECT count(*) FROM lote_documentos WHERE id IS NULL", ct);
                var porCrear = await ContarAsync(conexion, "SELECT count(*) FROM lote_documentos WHERE id IS NOT NULL", ct);
                try
                {
                    var creados = await MezclarAsync(conexion, ahora, ajustes, ct);
                    // ON CONFLICT skipped a folio that a single POST /documentos committed after the comparison: what it holds is unknown here.
                    if (creados < porCrear)
                        throw new ConflictoException("folio", "Otro proceso registró al mismo tiempo documentos con estos folios; reintente el lote.");
                    fusion.Creados += creados;
                    if (fusion.Nuevos is not null)
                        await LeerNuevosAsync(conexion, fusion.Nuevos, ct);
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
                {
                    // Only a concurrent write gets here: folios are merged with ON CONFLICT and externalIds checked above.
                    throw new ConflictoException("externalId", "Otro proceso registró al mismo tiempo documentos con estos externalId; reintente el lote.");
                }
            }
        }
        catch (Exception ex)
        {
            canal.Writer.TryComplete(ex);
            throw;
        }
    }

    /// <summary>
    /// Document batches of one company run one after another (a transaction-scoped advisory lock keyed on the company), so
    /// the second of two identical batches compares against what the first committed and reports its rows as sinCambios.
    /// </summary>
    private async Task BloquearLotesEmpresaAsync(NpgsqlConnection conexion, CancellationToken ct)
    {
        await using var comando = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('cartera.lote_documentos:' || @empresa::text, 0))", conexion)
        { CommandTimeout = SegundosSentenciaLote };
        comando.Parameters.AddWithValue("empresa", contexto.EmpresaId);
        await comando.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Resolves the chunk's clients with one BuscarClientes call and COPYs its valid rows into the staging tables.</summary>
    private async Task CopiarBloqueAsync(NpgsqlConnection conexion, List<(int Fila, DatosDocumento Datos)> bloque, Action<ErrorFila> error, CancellationToken ct)
    {
        if (bloque.Count == 0)
            return;
        var ids = bloque.Where(t => t.Datos.ClienteId is not null).Select(t => t.Datos.ClienteId!.Value).Distinct().ToList();
        var ruts = bloque.Select(t => LoteErrores.Canonico(t.Datos.Rut)).OfType<string>().Distinct().ToList();
        var clientes = await mediator.Send(new BuscarClientes(ids, ruts), ct);
        var porId = clientes.ToDictionary(c => c.Id);
        var porRut = clientes.GroupBy(c => c.Rut).ToDictionary(g => g.Key, g => g.First());

        var preparados = new List<Preparado>(bloque.Count);
        foreach (var (fila, d) in bloque)
        {
            var rut = LoteErrores.Canonico(d.Rut);
            ClienteInfo? cliente = d.ClienteId is { } id ? porId.GetValueOrDefault(id) : rut is null ? null : porRut.GetValueOrDefault(rut);
            if (cliente is null)
            {
                error(d.ClienteId is not null
                    ? new ErrorFila(fila, "clienteId", "cliente_inexistente", $"El cliente '{d.ClienteId}' no existe en la empresa.")
                    : new ErrorFila(fila, "rut", "cliente_inexistente", $"No hay un cliente con RUT {(rut is not null && SharedKernel.Rut.Rut.TryParse(rut, out var r) ? r.Value.Formateado : d.Rut)}."));
                continue;
            }

            if (d.ClienteId is not null && rut is not null && cliente.Rut != rut)
            {
                error(new ErrorFila(fila, "rut", "cliente_distinto", "El RUT no corresponde al cliente indicado en clienteId."));
                continue;
            }

            var cuotas = d.Cuotas ?? (TiposDocumento.EsCredito(d.Tipo) ? [] : [new DatosCuota(1, d.FechaVencimiento!.Value, d.Total)]);
            preparados.Add(new Preparado(fila, Guid.CreateVersion7(), cliente.Id, d, cuotas));
        }

        await using (var copia = await conexion.BeginBinaryImportAsync(
            "COPY lote_documentos (fila, id, tipo, folio, cliente_id, fecha_emision, fecha_vencimiento, moneda, neto, exento, iva, total, origen, external_id, notas) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in preparados)
            {
                var d = p.Datos;
                await copia.StartRowAsync(ct);
                await copia.WriteAsync(p.Fila, NpgsqlDbType.Integer, ct);
                await copia.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
                await copia.WriteAsync(d.Tipo, NpgsqlDbType.Text, ct);
                await copia.WriteAsync(d.Folio, NpgsqlDbType.Bigint, ct);
                await copia.WriteAsync(p.ClienteId, NpgsqlDbType.Uuid, ct);
                await copia.WriteAsync(d.FechaEmision, NpgsqlDbType.Date, ct);
                await copia.WriteAsync(p.Cuotas.Count > 0 ? p.Cuotas.Max(c => c.FechaVencimiento) : d.FechaVencimiento ?? d.FechaEmision, NpgsqlDbType.Date, ct);
                await copia.WriteAsync(d.Moneda, NpgsqlDbType.Text, ct);
                await copia.WriteAsync(d.Neto, NpgsqlDbType.Numeric, ct);
                await copia.WriteAsync(d.Exento, NpgsqlDbType.Numeric, ct);
                await copia.WriteAsync(d.Iva, NpgsqlDbType.Numeric, ct);
                await copia.WriteAsync(d.Total, NpgsqlDbType.Numeric, ct);
                await copia.WriteAsync(d.Origen ?? "erp", NpgsqlDbType.Text, ct);
                await EscribirTextoAsync(copia, string.IsNullOrWhiteSpace(d.ExternalId) ? null : d.ExternalId.Trim(), ct);
                await EscribirTextoAsync(copia, string.IsNullOrWhiteSpace(d.Notas) ? null : d.Notas.Trim(), ct);
            }

            await copia.CompleteAsync(ct);
        }

        await using (var copia = await conexion.BeginBinaryImportAsync("COPY lote_cuotas (documento_id, numero, fecha_vencimiento, monto) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in preparados)
            {
                foreach (var c in p.Cuotas)
                {
                    await copia.StartRowAsync(ct);
                    await copia.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
                    await copia.WriteAsync(c.Numero, NpgsqlDbType.Integer, ct);
                    await copia.WriteAsync(c.FechaVencimiento, NpgsqlDbType.Date, ct);
                    await copia.WriteAsync(c.Monto, NpgsqlDbType.Numeric, ct);
                }
            }

            await copia.CompleteAsync(ct);
        }
    }

    /// <summary>
    /// Folios that already exist: identical ones are marked sinCambios (id set to NULL), different
    /// ones and externalIds used by another document are errors and leave the staging table.
    /// </summary>
    private async Task CompararExistentesAsync(NpgsqlConnection conexion, Action<ErrorFila> error, CancellationToken ct)
    {
        var sql = """
            WITH distintos AS (
                SELECT l.fila, 'folio' AS campo, 'folio_existente_distinto' AS regla,
                       format('El documento tipo %s folio %s ya existe con otros datos; corríjalo con una nota de crédito o débito.', l.tipo, l.folio) AS mensaje
                FROM lote_documentos l JOIN cartera.documentos d ON d.empresa_id = @empresa AND d.tipo = l.tipo AND d.folio = l.folio
                WHERE (d.cliente_id, d.fecha_emision, d.moneda, d.neto, d.exento, d.iva, d.total, d.external_id)
                      IS DISTINCT FROM (l.cliente_id, l.fecha_emision, l.moneda, l.neto, l.exento, l.iva, l.total, l.external_id)
                   OR EXISTS (
                      (SELECT c.numero, c.fecha_vencimiento, c.monto FROM cartera.cuotas c WHERE c.documento_id = d.id
                       EXCEPT SELECT q.numero, q.fecha_vencimiento, q.monto FROM lote_cuotas q WHERE q.documento_id = l.id)
                      UNION ALL
                      (SELECT q.numero, q.fecha_vencimiento, q.monto FROM lote_cuotas q WHERE q.documento_id = l.id
                       EXCEPT SELECT c.numero, c.fecha_vencimiento, c.monto FROM cartera.cuotas c WHERE c.documento_id = d.id))
                UNION ALL
                SELECT l.fila, 'externalId', 'external_id_existente', format('El externalId %s ya es de otro documento.', l.external_id)
                FROM lote_documentos l JOIN cartera.documentos d ON d.empresa_id = @empresa AND d.external_id = l.external_id
                WHERE (d.tipo, d.folio) <> (l.tipo, l.folio)
            ), borrados AS (
                DELETE FROM lote_documentos l USING distintos x WHERE l.fila = x.fila RETURNING l.fila
            )
            SELECT fila, campo, regla, mensaje FROM distintos ORDER BY fila
            """;
        await using (var comando = new NpgsqlCommand(sql, conexion) { CommandTimeout = SegundosSentenciaLote })
        {
            comando.Parameters.AddWithValue("empresa", contexto.EmpresaId);
            await using var lector = await comando.ExecuteReaderAsync(ct);
            while (await lector.ReadAsync(ct))
                error(new ErrorFila(lector.GetInt32(0), lector.GetString(1), lector.GetString(2), lector.GetString(3)));
        }

        await using var iguales = new NpgsqlCommand(
            "UPDATE lote_documentos l SET id = NULL FROM cartera.documentos d WHERE d.empresa_id = @empresa AND d.tipo = l.tipo AND d.folio = l.folio", conexion)
        { CommandTimeout = SegundosSentenciaLote };
        iguales.Parameters.AddWithValue("empresa", contexto.EmpresaId);
        await iguales.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The merge: one statement inserts the new documents and their installments. Batch rows carry no
    /// reference, so a manual one records the account for documents without reference.
    /// </summary>
    private async Task<long> MezclarAsync(NpgsqlConnection conexion, DateTimeOffset ahora, AjustesCartera ajustes, CancellationToken ct)
    {
        await using var comando = new NpgsqlCommand(
            """
            WITH nuevos AS (
                INSERT INTO cartera.documentos (id, empresa_id, tipo, folio, cliente_id, fecha_emision, fecha_vencimiento, moneda, neto, exento, iva, total, saldo, origen, external_id, notas, cuenta_contable, creado)
                SELECT l.id, @empresa, l.tipo, l.folio, l.cliente_id, l.fecha_emision, l.fecha_vencimiento, l.moneda, l.neto, l.exento, l.iva, l.total, l.total, l.origen, l.external_id, l.notas,
                       CASE WHEN l.origen = 'manual' THEN @cuentaManual END, @ahora
                FROM lote_documentos l WHERE l.id IS NOT NULL ORDER BY l.fila
                ON CONFLICT (empresa_id, tipo, folio) DO NOTHING
                RETURNING id, cliente_id, moneda, fecha_emision
            ), cuotas AS (
                INSERT INTO cartera.cuotas (documento_id, numero, empresa_id, cliente_id, moneda, fecha_emision, fecha_vencimiento, monto, saldo)
                SELECT q.documento_id, q.numero, @empresa, n.cliente_id, n.moneda, n.fecha_emision, q.fecha_vencimiento, q.monto, q.monto
                FROM lote_cuotas q JOIN nuevos n ON n.id = q.documento_id
                RETURNING 1
            )
            SELECT count(*) FROM nuevos
            """, conexion)
        { CommandTimeout = SegundosSentenciaLote };
        comando.Parameters.AddWithValue("empresa", contexto.EmpresaId);
        comando.Parameters.AddWithValue("ahora", ahora);
        comando.Parameters.Add(new NpgsqlParameter("cuentaManual", NpgsqlDbType.Text) { Value = (object?)ajustes.CuentaContableSinReferencia ?? DBNull.Value });
        return (long)(await comando.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The chunk's created documents (still in staging), for the documento.creado event published after the commit.</summary>
    private static async Task LeerNuevosAsync(NpgsqlConnection conexion, List<HechoNegocio> nuevos, CancellationToken ct)
    {
        await using var comando = new NpgsqlCommand(
            "SELECT id, tipo, folio, cliente_id, fecha_emision, fecha_vencimiento, moneda, total, external_id, origen FROM lote_documentos WHERE id IS NOT NULL ORDER BY fila",
            conexion)
        { CommandTimeout = SegundosSentenciaLote };
        await using var l = await comando.ExecuteReaderAsync(ct);
        while (await l.ReadAsync(ct))
        {
            var total = l.GetDecimal(7);
            nuevos.Add(new HechoNegocio(l.GetGuid(0), new DocumentoEvento(l.GetGuid(0), l.GetString(1), l.GetInt64(2), l.GetGuid(3), l.GetFieldValue<DateOnly>(4),
                l.GetFieldValue<DateOnly>(5), l.GetString(6), total, total, l.IsDBNull(8) ? null : l.GetString(8), l.GetString(9))));
        }
    }

    private static async Task EscribirTextoAsync(NpgsqlBinaryImporter copia, string? valor, CancellationToken ct)
    {
        if (valor is null)
            await copia.WriteNullAsync(ct);
        else
            await copia.WriteAsync(valor, NpgsqlDbType.Text, ct);
    }

    private static async Task EjecutarAsync(NpgsqlConnection conexion, string sql, CancellationToken ct)
    {
        await using var comando = new NpgsqlCommand(sql, conexion) { CommandTimeout = SegundosSentenciaLote };
        await comando.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ContarAsync(NpgsqlConnection conexion, string sql, CancellationToken ct)
    {
        await using var comando = new NpgsqlCommand(sql, conexion) { CommandTimeout = SegundosSentenciaLote };
        return (long)(await comando.ExecuteScalarAsync(ct))!;
    }
}
