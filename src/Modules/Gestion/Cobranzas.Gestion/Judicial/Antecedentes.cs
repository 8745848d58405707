using System.IO.Compression;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Judicial;

public sealed record PaqueteAntecedentes(byte[] Contenido, string NombreArchivo);

/// <summary>
/// The antecedentes package a law firm receives with a lawsuit, as one ZIP: the client's statement (PDF), its open documents
/// (list and attached files), the activity log and the guarantees on file (list and files).
/// </summary>
public sealed record DescargarAntecedentesJuicio(Guid Id) : IRequest<PaqueteAntecedentes>
{
    public const string TipoZip = "application/zip";

    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/judicial/juicios/{id:guid}/antecedentes", async Task<FileContentHttpResult> (Guid id, IMediator m, CancellationToken ct) =>
        {
            var p = await m.Send(new DescargarAntecedentesJuicio(id), ct);
            return TypedResults.File(p.Contenido, TipoZip, p.NombreArchivo);
        })
        .WithName("DescargarAntecedentesJuicio").Produces(200, typeof(byte[]), TipoZip).ProducesProblem(404);
}

public sealed class DescargarAntecedentesJuicioHandler(GestionDbContext db, ISender mediator) : IRequestHandler<DescargarAntecedentesJuicio, PaqueteAntecedentes>
{
    public async ValueTask<PaqueteAntecedentes> Handle(DescargarAntecedentesJuicio request, CancellationToken cancellationToken)
    {
        var juicio = await db.Set<Juicio>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == request.Id, cancellationToken)
            ?? throw new NoEncontradoException("Juicio", request.Id);
        var clienteId = juicio.ClienteId;
        var estado = await mediator.Send(new ObtenerEstadoCuentaCliente(clienteId, null, null), cancellationToken);
        var pdf = await mediator.Send(new ExportarEstadoCuentaCliente(clienteId, null, "pdf"), cancellationToken);
        var actividades = await (
            from a in db.Actividades.AsNoTracking()
            join t in db.TiposActividad.AsNoTracking() on a.TipoActividadId equals t.Id
            where a.ClienteId == clienteId
            orderby a.Fecha
            select new { a.Fecha, Tipo = t.Nombre, a.Canal, a.Resultado, a.Notas, a.RegistradaPor }).ToListAsync(cancellationToken);
        var garantias = await mediator.Send(new ListarGarantiasCliente(clienteId), cancellationToken);

        using var salida = new MemoryStream();
        using (var zip = new ZipArchive(salida, ZipArchiveMode.Create, leaveOpen: true))
        {
            await EscribirAsync(zip, "estado-de-cuenta.pdf", new MemoryStream(pdf.Contenido), cancellationToken);
            await EscribirAsync(zip, "documentos.csv", new MemoryStream(Exportacion.Csv(
                ["Tipo", "Folio", "Emisión", "Vencimiento", "Moneda", "Total", "Saldo", "Días vencido", "Archivo"],
                estado.Documentos.Select(d => (IReadOnlyList<object?>)[d.Tipo, d.Folio, d.FechaEmision, d.FechaVencimiento, d.Moneda, d.Total, d.Saldo, d.DiasVencido, d.TieneArchivo]))), cancellationToken);
            foreach (var d in estado.Documentos.Where(d => d.TieneArchivo))
            {
                if (await mediator.Send(new ObtenerArchivoDocumentoCliente(clienteId, d.Id), cancellationToken) is { } archivo)
                {
                    await using var contenido = archivo.Contenido;
                    await EscribirAsync(zip, $"documentos/{TiposAdjunto.NombreSeguro($"{d.Tipo}-{d.Folio}", Extension(archivo.NombreArchivo, "pdf"))}", contenido, cancellationToken);
                }
            }

            await EscribirAsync(zip, "actividades.csv", new MemoryStream(Exportacion.Csv(
                ["Fecha", "Tipo", "Canal", "Resultado", "Notas", "Registrada por"],
                actividades.Select(a => (IReadOnlyList<object?>)[a.Fecha.ToString("yyyy-MM-dd HH:mm"), a.Tipo, a.Canal, a.Resultado, a.Notas, a.RegistradaPor]))), cancellationToken);
            await EscribirAsync(zip, "garantias.csv", new MemoryStream(Exportacion.Csv(
                ["Tipo", "Descripción", "Monto", "Moneda", "Emisión", "Vencimiento", "Archivo"],
                garantias.Select(g => (IReadOnlyList<object?>)[g.TipoNombre, g.Descripcion, g.Monto, g.Moneda, g.FechaEmision, g.Vencimiento, g.ArchivoNombre]))), cancellationToken);
            var n = 0;
            foreach (var g in garantias.Where(g => g.ArchivoNombre is not null))
            {
                if (await mediator.Send(new AbrirArchivoGarantia(clienteId, g.Id), cancellationToken) is { } archivo)
                {
                    await using var contenido = archivo.Contenido;
                    var nombre = TiposAdjunto.NombreSeguro(archivo.NombreArchivo, Extension(archivo.NombreArchivo, "pdf"), g.Tipo);
                    await EscribirAsync(zip, $"garantias/{++n:00}-{nombre}", contenido, cancellationToken);
                }
            }
        }

        return new PaqueteAntecedentes(salida.ToArray(), TiposAdjunto.NombreSeguro($"antecedentes-{juicio.Rol}", "zip", "antecedentes"));
    }

    private static string Extension(string nombre, string porDefecto) =>
        Path.GetExtension(nombre) is { Length: > 1 } e ? e[1..].ToLowerInvariant() : porDefecto;

    private static async Task EscribirAsync(ZipArchive zip, string nombre, Stream contenido, CancellationToken ct)
    {
        await using var entrada = zip.CreateEntry(nombre, CompressionLevel.Fastest).Open();
        await contenido.CopyToAsync(entrada, ct);
    }
}
