using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cobranzas.Clientes.Aprobaciones;

/// <summary>The one home of the approval rule: which level an amount falls in, who may decide, and when it is closed.</summary>
public static class ReglasAprobacion
{
    /// <summary>Roles that may be asked for, lowest first; a higher role may decide what a lower one may.</summary>
    public static readonly string[] RolesAprobadores = [Roles.Cobrador, Roles.Supervisor, Roles.Administrador];

    public static int Rango(string? rol) => rol is null ? -1 : Array.IndexOf(RolesAprobadores, rol);

    public static IReadOnlyList<string> RolesQuePuedenDecidir(string? rolUsuario) =>
        RolesAprobadores.Where(r => Rango(r) <= Rango(rolUsuario) && Rango(rolUsuario) >= 0).ToList();

    /// <summary>The levels a new company works with until it configures its own (the same for credit and convenios).</summary>
    public static IReadOnlyList<NivelAprobacionDto> PorDefecto(string tipo) =>
    [
        new("Supervisor", 100m, Roles.Supervisor, 1),
        new("Gerencia", 1000m, Roles.Administrador, 1),
        new(tipo == TiposAprobacion.Credito ? "Comité de crédito" : "Comité", null, Roles.Supervisor, 3),
    ];

    /// <summary>The lowest level whose ceiling covers the amount (ceilings are inclusive: 100 UF is still the 100 UF level).</summary>
    public static NivelAprobacionDto NivelPara(IReadOnlyList<NivelAprobacionDto> niveles, decimal montoUf) =>
        niveles.FirstOrDefault(n => n.HastaUf is null || montoUf <= n.HastaUf) ?? niveles[^1];

    public static async Task<IReadOnlyList<NivelAprobacionDto>> NivelesAsync(ClientesDbContext db, string tipo, CancellationToken ct)
    {
        var propios = await db.Set<NivelAprobacion>().AsNoTracking().Where(n => n.Tipo == tipo).OrderBy(n => n.Orden)
            .Select(n => new NivelAprobacionDto(n.Nombre, n.HastaUf, n.RolMinimo, n.AprobadoresRequeridos)).ToListAsync(ct);
        return propios.Count > 0 ? propios : PorDefecto(tipo);
    }

    public static async Task<Aprobacion?> ActualAsync(ClientesDbContext db, string tipo, Guid sujetoId, CancellationToken ct) =>
        await db.Set<Aprobacion>().Include(a => a.Decisiones).Where(a => a.Tipo == tipo && a.SujetoId == sujetoId)
            .OrderByDescending(a => a.Creada).ThenByDescending(a => a.Id).FirstOrDefaultAsync(ct);

    public static Task<Guid?> ActualIdAsync(ClientesDbContext db, string tipo, Guid sujetoId, CancellationToken ct) =>
        db.Set<Aprobacion>().AsNoTracking().Where(a => a.Tipo == tipo && a.SujetoId == sujetoId)
            .OrderByDescending(a => a.Creada).ThenByDescending(a => a.Id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Opens the transaction the caller commits and loads the approval under its row lock. Two approvers deciding at once take turns:
    /// the second reads the first's decision (one approval more, or a closed approval), so the subject (castigo, convenio, credit line)
    /// hears of the outcome once, and never of an outcome the approval itself does not keep.
    /// </summary>
    public static async Task<(IDbContextTransaction Tx, Aprobacion? Aprobacion)> BloquearAsync(ClientesDbContext db, Guid aprobacionId, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM clientes.aprobaciones WHERE id = @id FOR UPDATE", [new NpgsqlParameter("id", aprobacionId)], ct);
        return (tx, await db.Set<Aprobacion>().Include(a => a.Decisiones).SingleOrDefaultAsync(a => a.Id == aprobacionId, ct));
    }

    public static async Task<Aprobacion> AbrirAsync(ClientesDbContext db, TimeProvider reloj, AbrirAprobacion r, CancellationToken ct)
    {
        var actual = await ActualAsync(db, r.Tipo, r.SujetoId, ct);
        if (actual is not null && actual.Estado != EstadosAprobacion.Rechazada && actual.MontoUf == r.MontoUf)
            return actual;
        var nivel = NivelPara(await NivelesAsync(db, r.Tipo, ct), r.MontoUf);
        var nueva = new Aprobacion
        {
            Tipo = r.Tipo, SujetoId = r.SujetoId, ClienteId = r.ClienteId, Descripcion = r.Descripcion.Trim(), MontoUf = r.MontoUf,
            Nivel = nivel.Nombre, RolMinimo = nivel.RolMinimo, AprobacionesRequeridas = nivel.AprobadoresRequeridos, Creada = reloj.GetUtcNow(),
        };
        db.Add(nueva);
        await db.SaveChangesAsync(ct);
        return nueva;
    }

    /// <summary>
    /// Records the caller's decision. When it settles the approval, <see cref="AprobacionResuelta"/> is published before
    /// anything is saved, so a subject's handler that refuses (a missing guarantee) leaves no decision behind.
    /// </summary>
    public static async Task DecidirAsync(
        ClientesDbContext db, IContextoSolicitud contexto, TimeProvider reloj, IPublisher publicador, Aprobacion a, bool aprueba, string? comentario, CancellationToken ct)
    {
        if (a.Estado != EstadosAprobacion.Pendiente)
            throw new ReglaNegocioException("aprueba", "aprobacion_cerrada", $"La aprobación ya está {a.Estado}; no admite más decisiones.");
        if (contexto.UsuarioId is null || contexto.Rol is null)
            throw new ReglaNegocioException("aprueba", "solo_usuarios", "Sólo un usuario con su rol puede aprobar o rechazar; una API key no.");
        if (Rango(contexto.Rol) < Rango(a.RolMinimo))
            throw new ReglaNegocioException("aprueba", "rol_insuficiente", $"El nivel {a.Nivel} requiere el rol {a.RolMinimo} o superior; su rol es {contexto.Rol}.");
        if (a.Decisiones.Any(d => d.UsuarioId == contexto.UsuarioId))
            throw new ConflictoException("aprueba", "Usted ya registró su decisión en esta aprobación; se necesita otro aprobador.");

        var ahora = reloj.GetUtcNow();
        a.Decisiones.Add(new DecisionAprobacion
        {
            UsuarioId = contexto.UsuarioId, Actor = contexto.Actor, Rol = contexto.Rol, Aprueba = aprueba,
            Comentario = string.IsNullOrWhiteSpace(comentario) ? null : comentario.Trim(), Fecha = ahora,
        });
        if (aprueba)
            a.AprobacionesRecibidas++;
        var estado = !aprueba ? EstadosAprobacion.Rechazada
            : a.AprobacionesRecibidas >= a.AprobacionesRequeridas ? EstadosAprobacion.Aprobada : EstadosAprobacion.Pendiente;
        if (estado != EstadosAprobacion.Pendiente)
        {
            a.Estado = estado;
            a.Resuelta = ahora;
            await publicador.Publish(new AprobacionResuelta(contexto.EmpresaId, a.Tipo, a.SujetoId, estado), ct);
        }

        await db.SaveChangesAsync(ct);
    }

    public static EstadoAprobacionDto ADto(Aprobacion a) => new(
        a.Id, a.Tipo, a.SujetoId, a.ClienteId, a.Descripcion, a.MontoUf, a.Estado, a.Nivel, a.RolMinimo, a.AprobacionesRequeridas, a.AprobacionesRecibidas,
        a.Decisiones.OrderBy(d => d.Fecha).ThenBy(d => d.Id).Select(d => new DecisionAprobacionDto(d.UsuarioId, d.Actor, d.Rol, d.Aprueba, d.Comentario, d.Fecha)).ToList(),
        a.Creada, a.Resuelta);
}

public sealed class AbrirAprobacionHandler(ClientesDbContext db, TimeProvider reloj) : IRequestHandler<AbrirAprobacion, EstadoAprobacionDto>
{
    public async ValueTask<EstadoAprobacionDto> Handle(AbrirAprobacion request, CancellationToken cancellationToken)
    {
        if (!TiposAprobacion.Todos.Contains(request.Tipo))
            throw new ArgumentException($"Tipo de aprobación desconocido: {request.Tipo}.", nameof(request));
        if (request.MontoUf < 0)
            throw new ArgumentException("El monto en UF no puede ser negativo.", nameof(request));
        return ReglasAprobacion.ADto(await ReglasAprobacion.AbrirAsync(db, reloj, request, cancellationToken));
    }
}

public sealed class ObtenerAprobacionHandler(ClientesDbContext db) : IRequestHandler<ObtenerAprobacion, EstadoAprobacionDto?>
{
    public async ValueTask<EstadoAprobacionDto?> Handle(ObtenerAprobacion request, CancellationToken cancellationToken) =>
        await ReglasAprobacion.ActualAsync(db, request.Tipo, request.SujetoId, cancellationToken) is { } a ? ReglasAprobacion.ADto(a) : null;
}

public sealed class DecidirAprobacionHandler(ClientesDbContext db, IContextoSolicitud contexto, TimeProvider reloj, IPublisher publicador)
    : IRequestHandler<DecidirAprobacion, EstadoAprobacionDto>
{
    public async ValueTask<EstadoAprobacionDto> Handle(DecidirAprobacion request, CancellationToken cancellationToken)
    {
        var id = await ReglasAprobacion.ActualIdAsync(db, request.Tipo, request.SujetoId, cancellationToken)
            ?? throw new ReglaNegocioException("aprueba", "sin_aprobacion", "No hay una aprobación abierta para esto.");
        var (tx, a) = await ReglasAprobacion.BloquearAsync(db, id, cancellationToken);
        await using (tx)
        {
            await ReglasAprobacion.DecidirAsync(db, contexto, reloj, publicador, a!, request.Aprueba, request.Comentario, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        return ReglasAprobacion.ADto(a!);
    }
}
