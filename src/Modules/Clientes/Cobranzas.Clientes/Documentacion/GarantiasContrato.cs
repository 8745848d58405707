using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Documentacion;

public static class TiposGarantia
{
    public static readonly string[] Todos = [TiposDocumentacion.Pagare, TiposDocumentacion.BoletaGarantia, TiposDocumentacion.OrdenCompra];
}

public sealed class ListarGarantiasClienteHandler(ClientesDbContext db) : IRequestHandler<ListarGarantiasCliente, IReadOnlyList<GarantiaCliente>>
{
    public async ValueTask<IReadOnlyList<GarantiaCliente>> Handle(ListarGarantiasCliente request, CancellationToken cancellationToken) =>
        (await db.Set<DocumentoCliente>().AsNoTracking()
            .Where(d => d.ClienteId == request.ClienteId && TiposGarantia.Todos.Contains(d.Tipo))
            .OrderBy(d => d.Tipo).ThenBy(d => d.Registrado).ToListAsync(cancellationToken))
        .Select(d => new GarantiaCliente(
            d.Id, d.Tipo, TiposDocumentacion.Nombre(d.Tipo), d.Descripcion, d.Monto, d.Moneda, d.FechaEmision, d.Vencimiento, d.ArchivoClave is null ? null : d.ArchivoNombre))
        .ToList();
}

public sealed class AbrirArchivoGarantiaHandler(ClientesDbContext db, IAlmacenArchivos almacen) : IRequestHandler<AbrirArchivoGarantia, ArchivoGarantia?>
{
    public async ValueTask<ArchivoGarantia?> Handle(AbrirArchivoGarantia request, CancellationToken cancellationToken)
    {
        var d = await db.Set<DocumentoCliente>().AsNoTracking()
            .SingleOrDefaultAsync(x => x.Id == request.GarantiaId && x.ClienteId == request.ClienteId && TiposGarantia.Todos.Contains(x.Tipo), cancellationToken);
        if (d?.ArchivoClave is null)
            return null;
        return await almacen.AbrirAsync(d.ArchivoClave, cancellationToken) is { } contenido ? new ArchivoGarantia(contenido, d.ArchivoContentType!, d.ArchivoNombre!) : null;
    }
}
