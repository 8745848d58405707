using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Rut;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RutChile = Cobranzas.SharedKernel.Rut.Rut;

namespace Cobranzas.Notificaciones.CuentasDeposito;

public static class TiposCuenta
{
    public static readonly string[] Todos = ["corriente", "vista", "ahorro", "rut"];
}

public sealed record CuentaDepositoDto(
    Guid Id, string Banco, string TipoCuenta, string Numero, string Titular, string RutTitular, string? EmailNotificacion, bool Activa, bool PorDefecto, DateTimeOffset Creada);

public sealed record DatosCuentaDeposito(string Banco, string TipoCuenta, string Numero, string Titular, string RutTitular, string? EmailNotificacion);

public sealed class ReglasCuentaDeposito : AbstractValidator<DatosCuentaDeposito>
{
    public ReglasCuentaDeposito()
    {
        RuleFor(x => x.Banco).NotEmpty().WithMessage("Indique el banco.").MaximumLength(LargosNotificaciones.Nombre);
        RuleFor(x => x.TipoCuenta).NotEmpty().WithMessage("Indique el tipo de cuenta.")
            .Must(t => TiposCuenta.Todos.Contains(t)).WithMessage($"El tipo de cuenta debe ser {string.Join(", ", TiposCuenta.Todos)}.");
        RuleFor(x => x.Numero).NotEmpty().WithMessage("Indique el número de cuenta.").MaximumLength(30)
            .Matches("^[0-9][0-9 .-]*$").WithMessage("El número de cuenta solo admite dígitos, espacios, puntos y guiones.");
        RuleFor(x => x.Titular).NotEmpty().WithMessage("Indique el titular de la cuenta.").MaximumLength(LargosNotificaciones.Nombre);
        RuleFor(x => x.RutTitular).NotEmpty().WithMessage("Indique el RUT del titular.").EsRut();
        RuleFor(x => x.EmailNotificacion).EmailAddress().WithMessage("El correo de notificación no es válido.").MaximumLength(LargosNotificaciones.Email)
            .When(x => !string.IsNullOrEmpty(x.EmailNotificacion));
    }
}

public sealed record ListarCuentasDeposito(bool? IncluirInactivas) : IRequest<IReadOnlyList<CuentaDepositoDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/notificaciones/cuentas-deposito", async Task<Ok<IReadOnlyList<CuentaDepositoDto>>> ([AsParameters] ListarCuentasDeposito q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarCuentasDeposito").ProducesValidationProblem();
}

public sealed record CrearCuentaDeposito(DatosCuentaDeposito Cuerpo) : IRequest<CuentaDepositoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/notificaciones/cuentas-deposito", async Task<Created<CuentaDepositoDto>> (DatosCuentaDeposito body, IMediator m, CancellationToken ct) =>
        {
            var r = await m.Send(new CrearCuentaDeposito(body), ct);
            return TypedResults.Created($"/api/v1/notificaciones/cuentas-deposito/{r.Id}", r);
        })
        .WithName("CrearCuentaDeposito").ProducesValidationProblem().ProducesProblem(409);
}

public sealed class CrearCuentaDepositoValidator : AbstractValidator<CrearCuentaDeposito>
{
    public CrearCuentaDepositoValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasCuentaDeposito());
}

public sealed record ActualizarCuentaDeposito(Guid Id, DatosCuentaDeposito Cuerpo) : IRequest<CuentaDepositoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPut("/notificaciones/cuentas-deposito/{id:guid}", async Task<Ok<CuentaDepositoDto>> (Guid id, DatosCuentaDeposito body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarCuentaDeposito(id, body), ct)))
        .WithName("ActualizarCuentaDeposito").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
}

public sealed class ActualizarCuentaDepositoValidator : AbstractValidator<ActualizarCuentaDeposito>
{
    public ActualizarCuentaDepositoValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasCuentaDeposito());
}

public sealed record DesactivarCuentaDeposito(Guid Id) : IRequest<CuentaDepositoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/notificaciones/cuentas-deposito/{id:guid}/desactivar", async Task<Ok<CuentaDepositoDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DesactivarCuentaDeposito(id), ct)))
        .WithName("DesactivarCuentaDeposito").ProducesProblem(404);
}

public sealed record ReactivarCuentaDeposito(Guid Id) : IRequest<CuentaDepositoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/notificaciones/cuentas-deposito/{id:guid}/reactivar", async Task<Ok<CuentaDepositoDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ReactivarCuentaDeposito(id), ct)))
        .WithName("ReactivarCuentaDeposito").ProducesProblem(404);
}

public sealed record MarcarCuentaPorDefecto(Guid Id) : IRequest<CuentaDepositoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/notificaciones/cuentas-deposito/{id:guid}/por-defecto", async Task<Ok<CuentaDepositoDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new MarcarCuentaPorDefecto(id), ct)))
        .WithName("MarcarCuentaPorDefecto").ProducesProblem(404).ProducesProblem(422);
}

/// <summary>
/// Deposit accounts. Exactly one active account is the default while any is active: the first one becomes it, and deactivating the
/// default hands it to the oldest active one. Changes of the default lock the company's accounts first, so two at once queue up
/// instead of meeting the unique partial index.
/// </summary>
public sealed class CuentasDepositoHandler(NotificacionesDbContext db, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<ListarCuentasDeposito, IReadOnlyList<CuentaDepositoDto>>, IRequestHandler<CrearCuentaDeposito, CuentaDepositoDto>,
        IRequestHandler<ActualizarCuentaDeposito, CuentaDepositoDto>, IRequestHandler<DesactivarCuentaDeposito, CuentaDepositoDto>,
        IRequestHandler<ReactivarCuentaDeposito, CuentaDepositoDto>, IRequestHandler<MarcarCuentaPorDefecto, CuentaDepositoDto>
{
    public async ValueTask<IReadOnlyList<CuentaDepositoDto>> Handle(ListarCuentasDeposito request, CancellationToken cancellationToken) =>
        (await db.CuentasDeposito.AsNoTracking().Where(c => request.IncluirInactivas == true || c.Activa)
            .OrderByDescending(c => c.PorDefecto).ThenBy(c => c.Banco).ThenBy(c => c.Numero).ToListAsync(cancellationToken)).Select(Dto).ToList();

    public async ValueTask<CuentaDepositoDto> Handle(CrearCuentaDeposito request, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var cuentas = await BloquearAsync(cancellationToken);
        var cuenta = new CuentaDeposito
        {
            Banco = "", TipoCuenta = "", Numero = "", Titular = "", RutTitular = "", Creada = reloj.GetUtcNow(),
            PorDefecto = !cuentas.Any(c => c.Activa && c.PorDefecto),
        };
        Copiar(cuenta, request.Cuerpo);
        Unica(cuentas, cuenta);
        db.Add(cuenta);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return Dto(cuenta);
    }

    public async ValueTask<CuentaDepositoDto> Handle(ActualizarCuentaDeposito request, CancellationToken cancellationToken)
    {
        var cuenta = await CargarAsync(request.Id, cancellationToken);
        Copiar(cuenta, request.Cuerpo);
        Unica(await db.CuentasDeposito.AsNoTracking().Where(c => c.Id != cuenta.Id).ToListAsync(cancellationToken), cuenta);
        await db.SaveChangesAsync(cancellationToken);
        return Dto(cuenta);
    }

    public async ValueTask<CuentaDepositoDto> Handle(DesactivarCuentaDeposito request, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var cuentas = await BloquearAsync(cancellationToken);
        var cuenta = cuentas.SingleOrDefault(c => c.Id == request.Id) ?? throw new NoEncontradoException("Cuenta de depósito", request.Id);
        if (cuenta.Activa)
        {
            cuenta.Activa = false;
            if (cuenta.PorDefecto)
            {
                cuenta.PorDefecto = false;
                await db.SaveChangesAsync(cancellationToken);
                if (cuentas.Where(c => c.Activa).OrderBy(c => c.Creada).ThenBy(c => c.Id).FirstOrDefault() is { } siguiente)
                    siguiente.PorDefecto = true;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return Dto(cuenta);
    }

    public async ValueTask<CuentaDepositoDto> Handle(ReactivarCuentaDeposito request, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var cuentas = await BloquearAsync(cancellationToken);
        var cuenta = cuentas.SingleOrDefault(c => c.Id == request.Id) ?? throw new NoEncontradoException("Cuenta de depósito", request.Id);
        if (!cuenta.Activa)
        {
            cuenta.Activa = true;
            cuenta.PorDefecto = !cuentas.Any(c => c.Activa && c.PorDefecto);
            await db.SaveChangesAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return Dto(cuenta);
    }

    public async ValueTask<CuentaDepositoDto> Handle(MarcarCuentaPorDefecto request, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var cuentas = await BloquearAsync(cancellationToken);
        var cuenta = cuentas.SingleOrDefault(c => c.Id == request.Id) ?? throw new NoEncontradoException("Cuenta de depósito", request.Id);
        if (!cuenta.Activa)
            throw new ReglaNegocioException("id", "cuenta_inactiva", "Una cuenta desactivada no puede ser la cuenta por defecto.");
        if (!cuenta.PorDefecto)
        {
            // The old default is cleared first and saved on its own: the unique partial index allows one default at any moment.
            foreach (var otra in cuentas.Where(c => c.PorDefecto))
                otra.PorDefecto = false;
            await db.SaveChangesAsync(cancellationToken);
            cuenta.PorDefecto = true;
            await db.SaveChangesAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return Dto(cuenta);
    }

    /// <summary>All the company's accounts, locked until the transaction ends: the one serialisation point of the default.</summary>
    private async Task<List<CuentaDeposito>> BloquearAsync(CancellationToken ct) =>
        await db.CuentasDeposito.FromSql($"SELECT * FROM notificaciones.cuentas_deposito WHERE empresa_id = {contexto.EmpresaId} FOR UPDATE").OrderBy(c => c.Creada).ToListAsync(ct);

    private async Task<CuentaDeposito> CargarAsync(Guid id, CancellationToken ct) =>
        await db.CuentasDeposito.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NoEncontradoException("Cuenta de depósito", id);

    private static void Copiar(CuentaDeposito cuenta, DatosCuentaDeposito d)
    {
        cuenta.Banco = d.Banco.Trim();
        cuenta.TipoCuenta = d.TipoCuenta;
        cuenta.Numero = d.Numero.Trim();
        cuenta.Titular = d.Titular.Trim();
        cuenta.RutTitular = RutChile.Parse(d.RutTitular).Canonico;
        cuenta.EmailNotificacion = string.IsNullOrWhiteSpace(d.EmailNotificacion) ? null : d.EmailNotificacion.Trim();
    }

    private static void Unica(IEnumerable<CuentaDeposito> otras, CuentaDeposito cuenta)
    {
        if (otras.Any(c => c.Id != cuenta.Id && c.Banco == cuenta.Banco && c.Numero == cuenta.Numero))
            throw new ConflictoException("numero", $"Ya existe la cuenta {cuenta.Numero} de {cuenta.Banco}.");
    }

    public static CuentaDepositoDto Dto(CuentaDeposito c) => new(c.Id, c.Banco, c.TipoCuenta, c.Numero, c.Titular, c.RutTitular, c.EmailNotificacion, c.Activa, c.PorDefecto, c.Creada);
}
