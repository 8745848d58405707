using System.Globalization;
using System.Security.Claims;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Trabajo;

/// <summary>The points each factor gave an item; their sum is its score.</summary>
public sealed record PuntajeDto(decimal Monto, decimal Mora, decimal Compromiso, decimal CuentaClave, decimal Contacto, decimal Atraso);

public sealed record ItemMiTrabajoDto(
    Guid TareaId, Guid ClienteId, string RazonSocial, string Rut, string Tipo, string Titulo, string Motivo, string Origen, DateOnly Fecha, decimal Puntaje,
    PuntajeDto Partes, IReadOnlyList<string> Razones, decimal SaldoVencido, int DiasMora, bool CuentaClave, DateTimeOffset? UltimoContacto, Guid? CobradorId);

public sealed record MiTrabajoDto(Guid? CobradorId, DateOnly Fecha, int Total, IReadOnlyList<ItemMiTrabajoDto> Items, string? Aviso, string Formula);

/// <summary>
/// The worklist: the collector's pending tasks due on or before <c>fecha</c> (today in Santiago by default), highest score
/// first (then oldest date). See <see cref="PuntajeTrabajo"/> for the score.
/// </summary>
public sealed record ObtenerMiTrabajo(Guid? CobradorId, DateOnly? Fecha, int? Limite) : IRequest<MiTrabajoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/mi-trabajo",
            async Task<Results<Ok<MiTrabajoDto>, ForbidHttpResult>> (Guid? cobradorId, DateOnly? fecha, int? limite, ClaimsPrincipal usuario, AlcanceGestion alcance, IMediator m, CancellationToken ct) =>
            {
                // Another collector's list is supervision; a collector may name itself.
                if (cobradorId is { } pedido && !usuario.HasClaim(Permisos.ClaimTipo, Permisos.Supervisar) && pedido != await alcance.CobradorPropioAsync(ct))
                    return TypedResults.Forbid();
                return TypedResults.Ok(await m.Send(new ObtenerMiTrabajo(cobradorId, fecha, limite), ct));
            })
        .WithName("ObtenerMiTrabajo").WithDescription(PuntajeTrabajo.Formula).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
}

public sealed class ObtenerMiTrabajoValidator : AbstractValidator<ObtenerMiTrabajo>
{
    public ObtenerMiTrabajoValidator()
    {
        RuleFor(x => x.Limite).InclusiveBetween(1, ObtenerMiTrabajoHandler.LimiteMaximo).WithMessage($"limite debe estar entre 1 y {ObtenerMiTrabajoHandler.LimiteMaximo}.");
        RuleFor(x => x.CobradorId).NotEqual(Guid.Empty).WithMessage("cobradorId no puede ser vacío.");
        RuleFor(x => x.Fecha).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithMessage("fecha debe estar entre 2000-01-01 y 2100-12-31.");
    }
}

/// <summary>
/// The worklist score, from 0 to 105 points: each factor is capped so no single one drowns the others, and every factor
/// that gives points becomes a reason the collector reads.
/// </summary>
public static class PuntajeTrabajo
{
    public const string Formula =
        "Puntaje (0 a 105) = monto vencido (6·log10(1 + vencido/1.000), máx. 30) + días de mora del vencimiento más antiguo (días/3, máx. 20) "
        + "+ compromiso (incumplido 25, vencido sin verificar 20, vence hoy 15) + cuenta clave 10 + días sin contacto (días/3, máx. 10; sin contactos 10) "
        + "+ atraso de la tarea (2 por día, máx. 10). Orden: puntaje descendente, luego fecha más antigua.";

    public static (decimal Total, PuntajeDto Partes, List<string> Razones) Calcular(
        string tipo, DateOnly fechaTarea, DateOnly corte, decimal vencido, int diasMora, bool cuentaClave, DateOnly? ultimoContacto)
    {
        var razones = new List<string>();
        var monto = vencido > 0 ? Math.Min(30m, Redondear(6 * Math.Log10(1 + (double)vencido / 1000))) : 0m;
        if (vencido > 0)
            razones.Add($"Vencido {Pesos(vencido)}");
        var mora = Math.Min(20m, Redondear(diasMora / 3.0));
        if (diasMora > 0)
            razones.Add($"{diasMora} días de mora");
        var compromiso = tipo switch
        {
            TiposTarea.SeguimientoCompromiso => 25m,
            TiposTarea.VerificarCompromiso when fechaTarea < corte => 20m,
            TiposTarea.VerificarCompromiso => 15m,
            _ => 0m,
        };
        if (compromiso > 0)
            razones.Add(compromiso switch { 25m => "Compromiso incumplido", 20m => "Compromiso vencido sin verificar", _ => "Compromiso vence hoy" });
        var clave = cuentaClave ? 10m : 0m;
        if (cuentaClave)
            razones.Add("Cuenta clave");
        decimal contacto;
        if (ultimoContacto is { } u)
        {
            var dias = Math.Max(0, corte.DayNumber - u.DayNumber);
            contacto = Math.Min(10m, Redondear(dias / 3.0));
            if (dias > 0)
                razones.Add($"Sin contacto hace {dias} días");
        }
        else
        {
            contacto = 10m;
            razones.Add("Sin contactos registrados");
        }

        var atrasoDias = Math.Max(0, corte.DayNumber - fechaTarea.DayNumber);
        var atraso = Math.Min(10m, 2m * atrasoDias);
        if (atrasoDias > 0)
            razones.Add($"Tarea atrasada {atrasoDias} días");
        var partes = new PuntajeDto(monto, mora, compromiso, clave, contacto, atraso);
        return (monto + mora + compromiso + clave + contacto + atraso, partes, razones);
    }

    private static decimal Redondear(double valor) => Math.Round((decimal)valor, 1);

    private static string Pesos(decimal monto) => "$" + Math.Round(monto).ToString("#,0", CultureInfo.GetCultureInfo("es-CL"));
}

public sealed class ObtenerMiTrabajoHandler(GestionDbContext db, AlcanceGestion alcance, IMediator mediator, TimeProvider reloj) : IRequestHandler<ObtenerMiTrabajo, MiTrabajoDto>
{
    public const int LimiteMaximo = 500;
    public const int LimitePorOmision = 100;

    public async ValueTask<MiTrabajoDto> Handle(ObtenerMiTrabajo request, CancellationToken cancellationToken)
    {
        var corte = request.Fecha ?? FechaNegocio.Hoy(reloj);
        Guid cobrador;
        if (request.CobradorId is { } pedido)
        {
            if (!await db.Cobradores.AnyAsync(c => c.Id == pedido, cancellationToken))
                throw new NoEncontradoException("Cobrador", pedido);
            cobrador = pedido;
        }
        else if (await alcance.CobradorPropioAsync(cancellationToken) is { } propio)
        {
            cobrador = propio;
        }
        else
        {
            return new MiTrabajoDto(null, corte, 0, [], "Su usuario no está vinculado a ningún cobrador: pida a un supervisor que lo vincule, o elija un cobrador.", PuntajeTrabajo.Formula);
        }

        var asignados = db.Asignaciones.Where(a => a.CobradorId == cobrador).Select(a => a.ClienteId);
        var tareas = await db.Tareas.AsNoTracking()
            .Where(t => t.Estado == EstadosTarea.Pendiente && t.Fecha <= corte && (t.CobradorId == cobrador || (t.CobradorId == null && asignados.Contains(t.ClienteId))))
            .Select(t => new { t.Id, t.ClienteId, t.Tipo, t.Titulo, t.Motivo, t.Origen, t.Fecha, t.CobradorId })
            .ToListAsync(cancellationToken);
        if (tareas.Count == 0)
            return new MiTrabajoDto(cobrador, corte, 0, [], null, PuntajeTrabajo.Formula);

        var ids = tareas.Select(t => t.ClienteId).Distinct().ToList();
        // The three reads go to three contexts (Cartera, Clientes, Gestión), each on its own connection: run them together.
        var deudasT = mediator.Send(new ObtenerDeudaClientes(ids), cancellationToken).AsTask();
        var clientesT = mediator.Send(new BuscarClientes(ids, []), cancellationToken).AsTask();
        var contactos = await db.Actividades.AsNoTracking().Where(a => ids.Contains(a.ClienteId)).GroupBy(a => a.ClienteId)
            .Select(g => new { ClienteId = g.Key, Ultimo = g.Max(a => a.Fecha) })
            .ToDictionaryAsync(x => x.ClienteId, x => x.Ultimo, cancellationToken);
        var deudas = (await deudasT).ToDictionary(d => d.ClienteId);
        var clientes = (await clientesT).ToDictionary(c => c.Id);

        var items = tareas.Select(t =>
            {
                var deuda = deudas.GetValueOrDefault(t.ClienteId);
                var cliente = clientes.GetValueOrDefault(t.ClienteId);
                var vencido = deuda?.Vencido ?? 0;
                var diasMora = deuda?.VencimientoMasAntiguo is { } v && v < corte ? corte.DayNumber - v.DayNumber : 0;
                DateTimeOffset? ultimo = contactos.TryGetValue(t.ClienteId, out var u) ? u : null;
                var (puntaje, partes, razones) = PuntajeTrabajo.Calcular(t.Tipo, t.Fecha, corte, vencido, diasMora, cliente?.CuentaClave ?? false,
                    ultimo is { } f ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(f, FechaNegocio.Santiago).DateTime) : null);
                return new ItemMiTrabajoDto(t.Id, t.ClienteId, cliente?.RazonSocial ?? "", cliente?.Rut ?? "", t.Tipo, t.Titulo, t.Motivo, t.Origen, t.Fecha, puntaje,
                    partes, razones, vencido, diasMora, cliente?.CuentaClave ?? false, ultimo, t.CobradorId);
            })
            .OrderByDescending(i => i.Puntaje).ThenBy(i => i.Fecha).ThenBy(i => i.TareaId)
            .ToList();
        return new MiTrabajoDto(cobrador, corte, items.Count, items.Take(request.Limite ?? LimitePorOmision).ToList(), null, PuntajeTrabajo.Formula);
    }
}
