using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Platform.Usuarios;

/// <summary>Active users that can be assigned to clients; readable by anyone who can see clients.</summary>
public sealed record EjecutivoDto(string Id, string Nombre, string Email, string Rol);

public sealed record ListarEjecutivos : IRequest<IReadOnlyList<EjecutivoDto>>
{
    public static void Map(RutasPlataforma rutas) => rutas.Raiz.MapGet("/api/v1/ejecutivos", async Task<Ok<IReadOnlyList<EjecutivoDto>>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListarEjecutivos(), ct)))
        .WithName("ListarEjecutivos").WithTags("Usuarios").RequireAuthorization(Permisos.Ver);
}

public sealed class ListarEjecutivosHandler(PlataformaDbContext db, IContextoSolicitud contexto) : IRequestHandler<ListarEjecutivos, IReadOnlyList<EjecutivoDto>>
{
    public async ValueTask<IReadOnlyList<EjecutivoDto>> Handle(ListarEjecutivos request, CancellationToken cancellationToken) =>
        await db.Membresias.AsNoTracking()
            .Where(m => m.EmpresaId == contexto.EmpresaId && m.Activa && m.Usuario!.PasswordHash != null)
            .OrderBy(m => m.Usuario!.Nombre)
            .Select(m => new EjecutivoDto(m.UsuarioId, m.Usuario!.Nombre, m.Usuario.Email!, m.Rol))
            .ToListAsync(cancellationToken);
}
