using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Platform.Empresas;

public sealed class ObtenerDatosEmpresaHandler(PlataformaDbContext db) : IRequestHandler<ObtenerDatosEmpresa, DatosEmpresa?>
{
    public async ValueTask<DatosEmpresa?> Handle(ObtenerDatosEmpresa request, CancellationToken cancellationToken) =>
        await db.Empresas.AsNoTracking().Where(e => e.Id == request.EmpresaId)
            .Select(e => new DatosEmpresa(e.Id, e.Rut, e.RazonSocial)).SingleOrDefaultAsync(cancellationToken);
}

public sealed class BuscarEmpresaPorRutHandler(PlataformaDbContext db) : IRequestHandler<BuscarEmpresaPorRut, DatosEmpresa?>
{
    public async ValueTask<DatosEmpresa?> Handle(BuscarEmpresaPorRut request, CancellationToken cancellationToken)
    {
        if (!SharedKernel.Rut.Rut.TryParse(request.Rut, out var rut))
            return null;
        var canonico = rut.Value.Canonico;
        return await db.Empresas.AsNoTracking().Where(e => e.Rut == canonico)
            .Select(e => new DatosEmpresa(e.Id, e.Rut, e.RazonSocial)).FirstOrDefaultAsync(cancellationToken);
    }
}
