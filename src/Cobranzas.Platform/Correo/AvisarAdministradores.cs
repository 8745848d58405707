using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Platform.Correo;

public sealed class AvisarAdministradoresHandler(PlataformaDbContext db, TimeProvider reloj) : IRequestHandler<AvisarAdministradores, int>
{
    public async ValueTask<int> Handle(AvisarAdministradores request, CancellationToken cancellationToken)
    {
        var correos = await db.Membresias.AsNoTracking()
            .Where(m => m.EmpresaId == request.EmpresaId && m.Activa && m.Rol == Roles.Administrador && m.Usuario!.Email != null)
            .Select(m => m.Usuario!.Email!).Distinct().ToListAsync(cancellationToken);
        var ahora = reloj.GetUtcNow();
        foreach (var para in correos)
        {
            db.CorreosSalientes.Add(new CorreoSaliente
            {
                EmpresaId = request.EmpresaId, Para = para, Asunto = request.Asunto, Html = request.Html, Texto = request.Texto, Creado = ahora, ProximoIntento = ahora,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return correos.Count;
    }
}
