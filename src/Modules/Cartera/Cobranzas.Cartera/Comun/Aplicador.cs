using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Http;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Comun;

public sealed record LineaAplicacion(Guid DocumentoId, string Tipo, long Folio, int Cuota, DateOnly FechaVencimiento, decimal Monto);

public sealed record SolicitudLinea(Guid DocumentoId, int? Cuota, decimal Monto);

/// <summary>
/// Moves money from a source (payment or credit note) to installments on tracked entities, keeping
/// installment, document and source balances in step; the caller saves (or, for a preview, does not).
/// </summary>
public sealed class Aplicador(CarteraDbContext db)
{
    /// <summary>
    /// In the company's configured order (default oldest due date first), installment by installment,
    /// until the amount runs out; ties go to the older document, then the lower folio and installment (the
    /// document id settles equal folios of different types): OrdenesImputacion, which also writes the payments batch's ORDER BY.
    /// </summary>
    public async Task<List<LineaAplicacion>> AutomaticaAsync(Guid clienteId, string moneda, decimal disponible, CancellationToken ct)
    {
        var orden = (await AjustesCartera.CargarAsync(db, ct)).OrdenImputacion;
        var documentos = await db.Documentos.Include(d => d.Cuotas)
            .Where(ReglasCartera.EnCartera).Where(d => d.ClienteId == clienteId && d.Moneda == moneda && d.Saldo > 0)
            .ToListAsync(ct);
        var cuotas = documentos.SelectMany(d => d.Cuotas.Where(c => c.Saldo > 0).Select(c => (d, c)));
        var pendientes = cuotas.OrderBy(x => new CuotaImputable(x.c.Saldo, x.c.FechaVencimiento, x.d.FechaEmision, x.d.Folio, x.d.Id, x.c.Numero),
            OrdenesImputacion.Comparador(orden));
        var lineas = new List<LineaAplicacion>();
        foreach (var (documento, cuota) in pendientes)
        {
            if (disponible <= 0)
                break;
            var monto = Math.Min(disponible, cuota.Saldo);
            lineas.Add(Descontar(documento, cuota, monto));
            disponible -= monto;
        }

        return lineas;
    }

    /// <summary>The lines the caller chose; a line without installment covers the document's installments oldest first.</summary>
    public async Task<List<LineaAplicacion>> ManualAsync(Guid clienteId, string moneda, decimal disponible, IReadOnlyList<SolicitudLinea> solicitud, CancellationToken ct)
    {
        var ids = solicitud.Select(s => s.DocumentoId).Distinct().ToList();
        var documentos = await db.Documentos.Include(d => d.Cuotas).Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        if (solicitud.Sum(s => s.Monto) > disponible)
            throw new ReglaNegocioException("aplicaciones", "excede_disponible", $"Las aplicaciones suman {solicitud.Sum(s => s.Monto)} y solo hay {disponible} disponible.");

        var lineas = new List<LineaAplicacion>();
        for (var i = 0; i < solicitud.Count; i++)
        {
            var s = solicitud[i];
            var campo = $"aplicaciones[{i}]";
            if (!documentos.TryGetValue(s.DocumentoId, out var documento))
                throw new ReglaNegocioException($"{campo}.documentoId", "documento_inexistente", $"El documento '{s.DocumentoId}' no existe.");
            ValidarDestino(documento, clienteId, moneda, $"{campo}.documentoId");
            var cuotas = s.Cuota is { } numero
                ? documento.Cuotas.Where(c => c.Numero == numero).ToList() is { Count: 1 } una ? una
                    : throw new ReglaNegocioException($"{campo}.cuota", "cuota_inexistente", $"El documento no tiene la cuota {numero}.")
                : documento.Cuotas.OrderBy(c => c.FechaVencimiento).ThenBy(c => c.Numero).ToList();
            if (cuotas.Sum(c => c.Saldo) < s.Monto)
                throw new ReglaNegocioException($"{campo}.monto", "excede_saldo", $"El monto {s.Monto} supera el saldo pendiente {cuotas.Sum(c => c.Saldo)}.");

            var resto = s.Monto;
            foreach (var cuota in cuotas.Where(c => c.Saldo > 0))
            {
                if (resto <= 0)
                    break;
                var monto = Math.Min(resto, cuota.Saldo);
                lineas.Add(Descontar(documento, cuota, monto));
                resto -= monto;
            }
        }

        return lineas;
    }

    public static void ValidarDestino(Documento documento, Guid clienteId, string moneda, string campo)
    {
        if (documento.ClienteId != clienteId)
            throw new ReglaNegocioException(campo, "cliente_distinto", "El documento es de otro cliente.");
        if (documento.FechaAnulacion is not null)
            throw new ReglaNegocioException(campo, "documento_anulado", "El documento está anulado.");
        if (ReglasCartera.EsCedido(documento))
            throw new ReglaNegocioException(campo, "documento_cedido", "El documento está cedido a un factor; lo cobra el factor.");
        if (TiposDocumento.EsCredito(documento.Tipo))
            throw new ReglaNegocioException(campo, "documento_credito", "No se aplican montos a una nota de crédito.");
        if (documento.Moneda != moneda)
            throw new ReglaNegocioException(campo, "moneda_distinta", $"El documento está en {documento.Moneda} y el monto en {moneda}.");
    }

    /// <summary>Up to the document's balance, oldest installment first (a credit note on the document it corrects).</summary>
    public static List<LineaAplicacion> HastaSaldo(Documento documento, decimal disponible)
    {
        var lineas = new List<LineaAplicacion>();
        foreach (var cuota in documento.Cuotas.Where(c => c.Saldo > 0).OrderBy(c => c.FechaVencimiento).ThenBy(c => c.Numero))
        {
            if (disponible <= 0)
                break;
            var monto = Math.Min(disponible, cuota.Saldo);
            lineas.Add(Descontar(documento, cuota, monto));
            disponible -= monto;
        }

        return lineas;
    }

    /// <summary>
    /// Undoes an application on its installment and document (they owe it again) and marks it reversed;
    /// the caller gives the money back to its source (payment or credit note).
    /// </summary>
    public static void Reversar(Aplicacion aplicacion, Documento documento, DateOnly fecha, string motivo, string actor)
    {
        if (documento.FechaCastigo is not null)
            throw new ReglaNegocioException("id", "documento_castigado", $"El documento {documento.Tipo} {documento.Folio} está castigado; su saldo ya se castigó.");
        documento.Cuotas.Single(c => c.Numero == aplicacion.Cuota).Saldo += aplicacion.Monto;
        documento.Saldo += aplicacion.Monto;
        aplicacion.FechaReversa = fecha;
        aplicacion.MotivoReversa = motivo;
        aplicacion.ReversadaPor = actor;
    }

    private static LineaAplicacion Descontar(Documento documento, Cuota cuota, decimal monto)
    {
        cuota.Saldo -= monto;
        documento.Saldo -= monto;
        return new LineaAplicacion(documento.Id, documento.Tipo, documento.Folio, cuota.Numero, cuota.FechaVencimiento, monto);
    }
}
