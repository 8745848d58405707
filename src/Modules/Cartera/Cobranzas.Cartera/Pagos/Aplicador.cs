using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Cartera.Pagos;

public sealed record LineaAplicacion(Guid DocumentoId, string Tipo, long Folio, int Cuota, DateOnly FechaVencimiento, decimal Monto);

public sealed record SolicitudLinea(Guid DocumentoId, int? Cuota, decimal Monto);

/// <summary>Payment money that goes to a written-off document: a recovery of the write-off, not an application.</summary>
/// <param name="Monto">In the payment's (and document's) currency.</param>
/// <param name="MontoClp">In pesos at the UF or dólar of the application's date.</param>
public sealed record LineaRecupero(Guid DocumentoId, string Tipo, long Folio, decimal Monto, decimal MontoClp);

/// <summary>
/// Moves money from a source (payment or credit note) to installments on tracked entities, keeping
/// installment, document and source balances in step; the caller saves (or, for a preview, does not).
/// An application dated in the past takes from the installment at its date and at every later date, so it takes only
/// what was free on all of them (<c>Retenidos.sql</c>): no past cut-off ever shows an installment over-applied.
/// </summary>
public sealed class Aplicador(CarteraDbContext db, IContextoSolicitud contexto)
{
    private static readonly string SqlRetenidos = SqlCartera.Leer("Pagos/RetenidosDocumentos.sql");
    private Dictionary<(Guid Documento, int Numero), decimal> _retenidos = [];

    /// <summary>
    /// In the company's configured order (default oldest due date first), installment by installment,
    /// until the amount runs out; ties go to the older document, then the lower folio and installment (the
    /// document id settles equal folios of different types): OrdenesImputacion, which also writes the payments batch's ORDER BY.
    /// </summary>
    public async Task<List<LineaAplicacion>> AutomaticaAsync(Guid clienteId, string moneda, decimal disponible, DateOnly fecha, CancellationToken ct)
    {
        var orden = (await AjustesCartera.CargarAsync(db, ct)).OrdenImputacion;
        var documentos = await db.Documentos.Include(d => d.Cuotas)
            .Where(ReglasCartera.EnCartera).Where(d => d.ClienteId == clienteId && d.Moneda == moneda && d.Saldo > 0)
            .ToListAsync(ct);
        await CargarRetenidosAsync(documentos.Select(d => d.Id), fecha, ct);
        var cuotas = documentos.SelectMany(d => d.Cuotas.Where(c => Libre(c) > 0).Select(c => (d, c)));
        var pendientes = cuotas.OrderBy(x => new CuotaImputable(x.c.Saldo, x.c.FechaVencimiento, x.d.FechaEmision, x.d.Folio, x.d.Id, x.c.Numero),
            OrdenesImputacion.Comparador(orden));
        var lineas = new List<LineaAplicacion>();
        foreach (var (documento, cuota) in pendientes)
        {
            if (disponible <= 0)
                break;
            var monto = Math.Min(disponible, Libre(cuota));
            lineas.Add(Descontar(documento, cuota, monto));
            disponible -= monto;
        }

        return lineas;
    }

    /// <summary>The lines the caller chose; a line without installment covers the document's installments oldest first.</summary>
    public async Task<List<LineaAplicacion>> ManualAsync(Guid clienteId, string moneda, decimal disponible, IReadOnlyList<SolicitudLinea> solicitud, DateOnly fecha, CancellationToken ct)
    {
        var ids = solicitud.Select(s => s.DocumentoId).Distinct().ToList();
        var documentos = await db.Documentos.Include(d => d.Cuotas).Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        if (solicitud.Sum(s => s.Monto) > disponible)
            throw new ReglaNegocioException("aplicaciones", "excede_disponible", $"Las aplicaciones suman {solicitud.Sum(s => s.Monto)} y solo hay {disponible} disponible.");
        await CargarRetenidosAsync(documentos.Keys, fecha, ct);

        var lineas = new List<LineaAplicacion>();
        for (var i = 0; i < solicitud.Count; i++)
        {
            var s = solicitud[i];
            var campo = $"aplicaciones[{i}]";
            if (!documentos.TryGetValue(s.DocumentoId, out var documento))
                throw new ReglaNegocioException($"{campo}.documentoId", "documento_inexistente", $"El documento '{s.DocumentoId}' no existe.");
            ValidarDestino(documento, clienteId, moneda, $"{campo}.documentoId", cobroParaFactor: true);
            if (documento.FechaCastigo is not null)
                throw new ReglaNegocioException($"{campo}.documentoId", "documento_castigado",
                    $"El documento {documento.Tipo} {documento.Folio} está castigado: no tiene saldo; solo el dinero de un pago se le registra, como recupero del castigo.");
            if (ReglasCartera.EsCedido(documento) && fecha < documento.FechaCesion)
                throw new ReglaNegocioException($"{campo}.documentoId", "anterior_a_cesion",
                    $"El documento se cedió el {documento.FechaCesion:dd-MM-yyyy}; un cobro para el factor no puede ser anterior.");
            if (documento.FechaEmision > fecha)
                throw new ReglaNegocioException($"{campo}.documentoId", "documento_posterior",
                    $"El documento se emitió el {documento.FechaEmision:dd-MM-yyyy}; un monto del {fecha:dd-MM-yyyy} no se le aplica.");
            var cuotas = s.Cuota is { } numero
                ? documento.Cuotas.Where(c => c.Numero == numero).ToList() is { Count: 1 } una ? una
                    : throw new ReglaNegocioException($"{campo}.cuota", "cuota_inexistente", $"El documento no tiene la cuota {numero}.")
                : documento.Cuotas.OrderBy(c => c.FechaVencimiento).ThenBy(c => c.Numero).ToList();
            var libre = cuotas.Sum(Libre);
            if (libre < s.Monto)
                throw new ReglaNegocioException($"{campo}.monto", "excede_saldo", libre == cuotas.Sum(c => c.Saldo)
                    ? $"El monto {s.Monto} supera el saldo pendiente {libre}."
                    : $"El monto {s.Monto} supera lo que el documento debía el {fecha:dd-MM-yyyy} y en cada fecha posterior: {libre} (hoy debe {cuotas.Sum(c => c.Saldo)}).");

            var resto = s.Monto;
            foreach (var cuota in cuotas)
            {
                if (resto <= 0)
                    break;
                var monto = Math.Min(resto, Libre(cuota));
                if (monto <= 0)
                    continue;
                lineas.Add(Descontar(documento, cuota, monto));
                resto -= monto;
            }
        }

        return lineas;
    }

    /// <summary>
    /// The chosen lines (by position) that name a written-off document of the client: each one a recovery, checked against what is
    /// left to recover of that write-off (earlier lines of the same request included), in the document's currency.
    /// </summary>
    public async Task<Dictionary<int, LineaRecupero>> RecuperosAsync(Guid clienteId, string moneda, IReadOnlyList<DatosLineaAplicacion> solicitud, DateOnly fecha, CancellationToken ct)
    {
        var ids = solicitud.Select(s => s.DocumentoId).Distinct().ToList();
        var castigados = await db.Documentos.AsNoTracking().Where(d => ids.Contains(d.Id) && d.FechaCastigo != null).ToDictionaryAsync(d => d.Id, ct);
        var recuperos = new Dictionary<int, LineaRecupero>();
        if (castigados.Count == 0)
            return recuperos;
        var castigadosIds = castigados.Keys.ToList();
        var recuperado = await db.Set<Castigos.RecuperoCastigo>().Where(r => castigadosIds.Contains(r.DocumentoId) && r.FechaReversa == null)
            .GroupBy(r => r.DocumentoId).Select(g => new { g.Key, Monto = g.Sum(r => r.Monto) }).ToDictionaryAsync(x => x.Key, x => x.Monto, ct);
        for (var i = 0; i < solicitud.Count; i++)
        {
            if (!castigados.TryGetValue(solicitud[i].DocumentoId, out var d))
                continue;
            var campo = $"aplicaciones[{i}]";
            ValidarDestino(d, clienteId, moneda, $"{campo}.documentoId");
            if (solicitud[i].Cuota is not null)
                throw new ReglaNegocioException($"{campo}.cuota", "documento_castigado", $"El documento {d.Tipo} {d.Folio} está castigado: lo que se paga es un recupero del castigo, no de una cuota.");
            if (fecha < d.FechaCastigo)
                throw new ReglaNegocioException($"{campo}.documentoId", "anterior_al_castigo",
                    $"El documento {d.Tipo} {d.Folio} se castigó el {d.FechaCastigo:dd-MM-yyyy}; un monto del {fecha:dd-MM-yyyy} no es un recupero de ese castigo.");
            var queda = (d.MontoCastigo ?? 0) - recuperado.GetValueOrDefault(d.Id);
            if (solicitud[i].Monto > queda)
                throw new ReglaNegocioException($"{campo}.monto", "excede_castigo",
                    $"El documento {d.Tipo} {d.Folio} está castigado: el monto {solicitud[i].Monto} supera lo que queda por recuperar del castigo ({queda} de {d.MontoCastigo}).");
            recuperado[d.Id] = recuperado.GetValueOrDefault(d.Id) + solicitud[i].Monto;
            recuperos[i] = new LineaRecupero(d.Id, d.Tipo, d.Folio, solicitud[i].Monto,
                await Castigos.AsientoRecupero.EnPesosAsync(db, solicitud[i].Monto, d.Moneda, fecha, $"{campo}.documentoId", ct));
        }

        return recuperos;
    }

    /// <param name="cobroParaFactor">A payment the caller names the document for: a ceded document under administración delegada takes it (the money is then owed to the factor).</param>
    public static void ValidarDestino(Documento documento, Guid clienteId, string moneda, string campo, bool cobroParaFactor = false)
    {
        if (documento.ClienteId != clienteId)
            throw new ReglaNegocioException(campo, "cliente_distinto", "El documento es de otro cliente.");
        if (documento.FechaAnulacion is not null)
            throw new ReglaNegocioException(campo, "documento_anulado", "El documento está anulado.");
        if (ReglasCartera.EsCedido(documento) && !(cobroParaFactor && documento.AdministracionDelegada))
            throw new ReglaNegocioException(campo, "documento_cedido", "El documento está cedido a un factor; lo cobra el factor.");
        if (TiposDocumento.EsCredito(documento.Tipo))
            throw new ReglaNegocioException(campo, "documento_credito", "No se aplican montos a una nota de crédito.");
        if (documento.Moneda != moneda)
            throw new ReglaNegocioException(campo, "moneda_distinta", $"El documento está en {documento.Moneda} y el monto en {moneda}.");
    }

    /// <summary>Up to what the document owes at <paramref name="fecha"/> and after, oldest installment first (a credit note on the document it corrects).</summary>
    public async Task<List<LineaAplicacion>> HastaSaldoAsync(Documento documento, decimal disponible, DateOnly fecha, CancellationToken ct)
    {
        await CargarRetenidosAsync([documento.Id], fecha, ct);
        var lineas = new List<LineaAplicacion>();
        foreach (var cuota in documento.Cuotas.Where(c => Libre(c) > 0).OrderBy(c => c.FechaVencimiento).ThenBy(c => c.Numero))
        {
            if (disponible <= 0)
                break;
            var monto = Math.Min(disponible, Libre(cuota));
            lineas.Add(Descontar(documento, cuota, monto));
            disponible -= monto;
        }

        return lineas;
    }

    /// <summary>
    /// The date a reversal takes: the one asked for (default today), never before the day the money was applied (nothing
    /// can be undone before it was done) nor after today.
    /// </summary>
    public static DateOnly FechaReversa(DateOnly? pedida, DateOnly aplicada, TimeProvider reloj)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var fecha = pedida ?? hoy;
        if (fecha > hoy)
            throw new ReglaNegocioException("fecha", "fecha_futura", "Una reversa no puede tener fecha futura.");
        if (fecha < aplicada)
            throw new ReglaNegocioException("fecha", "antes_de_aplicacion", $"La reversa no puede ser anterior a la aplicación ({aplicada:dd-MM-yyyy}).");
        return fecha;
    }

    /// <summary>
    /// Undoes an application on its installment and document (they owe it again) and marks it reversed at
    /// <paramref name="fecha"/> (see <see cref="FechaReversa"/>); the caller gives the money back to its source (payment or credit note).
    /// </summary>
    public static void Reversar(Aplicacion aplicacion, Documento documento, DateOnly fecha, string motivo, string actor)
    {
        if (documento.FechaCastigo is not null)
            throw new ReglaNegocioException("id", "documento_castigado", $"El documento {documento.Tipo} {documento.Folio} está castigado; su saldo ya se castigó.");
        if (fecha < aplicacion.Fecha)
            throw new ReglaNegocioException("fecha", "antes_de_aplicacion", $"La reversa no puede ser anterior a la aplicación ({aplicacion.Fecha:dd-MM-yyyy}).");
        documento.Cuotas.Single(c => c.Numero == aplicacion.Cuota).Saldo += aplicacion.Monto;
        documento.Saldo += aplicacion.Monto;
        aplicacion.FechaReversa = fecha;
        aplicacion.MotivoReversa = motivo;
        aplicacion.ReversadaPor = actor;
    }

    /// <summary>What an application at the loaded date may take: the balance today less what was not free at that date or later.</summary>
    private decimal Libre(Cuota cuota) => Math.Max(0, cuota.Saldo - _retenidos.GetValueOrDefault((cuota.DocumentoId, cuota.Numero)));

    private async Task CargarRetenidosAsync(IEnumerable<Guid> documentos, DateOnly fecha, CancellationToken ct)
    {
        _retenidos = [];
        var ids = documentos.ToArray();
        if (ids.Length == 0)
            return;
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        await using var comando = new NpgsqlCommand(SqlRetenidos, conexion);
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = contexto.EmpresaId });
        comando.Parameters.Add(new NpgsqlParameter("documentos", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids });
        comando.Parameters.Add(new NpgsqlParameter("desde", NpgsqlDbType.Date) { Value = fecha });
        await using var lector = await comando.ExecuteReaderAsync(ct);
        while (await lector.ReadAsync(ct))
            _retenidos[(lector.GetGuid(0), lector.GetInt32(1))] = lector.GetDecimal(2);
    }

    private static LineaAplicacion Descontar(Documento documento, Cuota cuota, decimal monto)
    {
        cuota.Saldo -= monto;
        documento.Saldo -= monto;
        return new LineaAplicacion(documento.Id, documento.Tipo, documento.Folio, cuota.Numero, cuota.FechaVencimiento, monto);
    }
}
