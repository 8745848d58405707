using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Grupos;

public sealed record GrupoDto(Guid Id, string Nombre, string? Descripcion, int CantidadMiembros);

public sealed record DatosGrupo(string Nombre, string? Descripcion);

public sealed class DatosGrupoValidator : AbstractValidator<DatosGrupo>
{
    public DatosGrupoValidator()
    {
        RuleFor(x => x.Nombre).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Descripcion).MaximumLength(500);
    }
}

public sealed record DatosMiembros(IReadOnlyList<Guid> Ids);

public sealed class DatosMiembrosValidator : AbstractValidator<DatosMiembros>
{
    public DatosMiembrosValidator() => RuleFor(x => x.Ids).NotEmpty().Must(ids => ids is null || ids.Count <= 5000).WithMessage("Máximo 5000 miembros por solicitud.");
}

/// <summary>Create, rename and delete are the same for client groups and contact groups.</summary>
internal static class OperacionesGrupo
{
    public static async Task<TGrupo> BuscarAsync<TGrupo>(ClientesDbContext db, Guid id, CancellationToken ct) where TGrupo : class, IGrupo =>
        await db.Set<TGrupo>().SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new NoEncontradoException("Grupo", id);

    public static async Task GuardarAsync<TGrupo>(ClientesDbContext db, TGrupo grupo, DatosGrupo datos, CancellationToken ct) where TGrupo : class, IGrupo
    {
        var nombre = datos.Nombre.Trim();
        if (await db.Set<TGrupo>().AnyAsync(g => g.Nombre == nombre && g.Id != grupo.Id, ct))
            throw new ConflictoException("nombre", $"Ya existe un grupo llamado {nombre}.");
        grupo.Nombre = nombre;
        grupo.Descripcion = string.IsNullOrWhiteSpace(datos.Descripcion) ? null : datos.Descripcion.Trim();
        if (db.Entry(grupo).State == EntityState.Detached)
            db.Add(grupo);
        await db.SaveChangesAsync(ct);
    }

    public static async Task EliminarAsync<TGrupo>(ClientesDbContext db, Guid id, CancellationToken ct) where TGrupo : class, IGrupo
    {
        db.Remove(await BuscarAsync<TGrupo>(db, id, ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Ids that are not visible to the caller's company are an error, never silently added.</summary>
    public static void ExigirTodos(IReadOnlyCollection<Guid> pedidos, IReadOnlyCollection<Guid> encontrados, string recurso)
    {
        var faltantes = pedidos.Except(encontrados).ToList();
        if (faltantes.Count > 0)
            throw new ReglaNegocioException("ids", "miembro_inexistente", $"{recurso} inexistentes: {string.Join(", ", faltantes.Take(10))}.");
    }
}
