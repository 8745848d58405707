using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Platform.Usuarios;

public sealed class ObtenerCorreosUsuariosHandler(PlataformaDbContext db, IContextoSolicitud contexto) : IRequestHandler<ObtenerCorreosUsuarios, IReadOnlyList<CorreoUsuario>>
{
    public async ValueTask<IReadOnlyList<CorreoUsuario>> Handle(ObtenerCorreosUsuarios request, CancellationToken cancellationToken)
    {
        var ids = request.UsuarioIds.ToList();
        return await db.Membresias.AsNoTracking()
            .Where(m => m.EmpresaId == contexto.EmpresaId && m.Activa && ids.Contains(m.UsuarioId))
            .OrderBy(m => m.Usuario!.Email)
            .Select(m => new CorreoUsuario(m.UsuarioId, m.Usuario!.Nombre, m.Usuario.Email!))
            .ToListAsync(cancellationToken);
    }
}
