using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Aprobaciones;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Credito;
using Cobranzas.Clientes.Documentacion;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Api.Demo;

/// <summary>
/// Credit and documentation alive on first run: guarantees on file (one about to lapse), a draft request with its bureau
/// report, requests waiting for the supervisor and for the manager, one line already approved by the supervisor, and a credit
/// insurance policy with two insured clients (one above its insured limit).
/// </summary>
public sealed class DemoCredito(IServiceProvider servicios, Guid empresaId, string usuarioSupervisor)
{
    public async Task CargarAsync(CancellationToken ct)
    {
        await using var scope = servicios.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ContextoSolicitud>().Establecer(empresaId, "demo");
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var db = scope.ServiceProvider.GetRequiredService<ClientesDbContext>();
        var reloj = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var hoy = FechaNegocio.Hoy(reloj);
        var clientes = await db.Clientes.AsNoTracking().OrderBy(c => c.RazonSocial).Select(c => new { c.Id, c.Segmento }).ToListAsync(ct);
        Guid? Del(string segmento, int salto = 0) => clientes.Where(c => c.Segmento == segmento).Skip(salto).Select(c => (Guid?)c.Id).FirstOrDefault();

        await CargarSeguroAsync(mediator, hoy, ct);

        if (Del("Mayorista") is { } mayorista)
        {
            await mediator.Send(new RegistrarDocumentoCliente(mayorista, new DatosDocumentoCliente(
                TiposDocumentacion.Pagare, "Pagaré a la vista firmado ante notario", 800m, Monedas.Uf, hoy.AddMonths(-6), hoy.AddMonths(18), null)), ct);
            await mediator.Send(new RegistrarDocumentoCliente(mayorista, new DatosDocumentoCliente(
                TiposDocumentacion.Poder, "Poder de representación", null, null, hoy.AddYears(-1), null, "Carolina Fuentes, 12.345.678-5")), ct);
            var s = await CrearAsync(mediator, mayorista, 300m, Monedas.Uf, 60, "Distribuidora Norte: cliente desde 2019, paga a 45 días", ct);
            await mediator.Send(new GuardarInformeComercial(s, new InformeComercialDto("manual", 720, 0, 1, 0, 0m, hoy.AddDays(-3))), ct);
            await mediator.Send(new EnviarSolicitudCredito(s), ct);
        }

        if (Del("Corporativo") is { } corporativo)
        {
            await mediator.Send(new RegistrarDocumentoCliente(corporativo, new DatosDocumentoCliente(
                TiposDocumentacion.BoletaGarantia, "Boleta de garantía Banco de Chile N° 448812", 25_000_000m, Monedas.Clp, hoy.AddMonths(-11), hoy.AddDays(12), null)), ct);
            await mediator.Send(new RegistrarDocumentoCliente(corporativo, new DatosDocumentoCliente(
                TiposDocumentacion.Contrato, "Contrato de suministro 2026", null, null, hoy.AddMonths(-2), hoy.AddMonths(10), null)), ct);
            var s = await CrearAsync(mediator, corporativo, 900m, Monedas.Uf, 90, "Referencias bancarias: Banco de Chile, BCI", ct);
            await mediator.Send(new GuardarInformeComercial(s, new InformeComercialDto("manual", 810, 0, 0, 0, 0m, hoy.AddDays(-5))), ct);
            await mediator.Send(new EnviarSolicitudCredito(s), ct);
        }

        if (Del("Retail") is { } borrador)
        {
            var s = await CrearAsync(mediator, borrador, 5_000_000m, Monedas.Clp, 30, "Proveedor de abarrotes: paga puntual", ct);
            await mediator.Send(new GuardarInformeComercial(s, new InformeComercialDto("manual", 540, 1, 2, 1, 320_000m, hoy.AddDays(-1))), ct);
        }

        if (Del("Retail", 2) is { } paraSupervisor)
        {
            var s = await CrearAsync(mediator, paraSupervisor, 60m, Monedas.Uf, 30, "Cliente de mesón con compras mensuales", ct);
            await mediator.Send(new GuardarInformeComercial(s, new InformeComercialDto("manual", 610, 0, 1, 0, 0m, hoy.AddDays(-2))), ct);
            await mediator.Send(new EnviarSolicitudCredito(s), ct);
        }

        if (Del("Retail", 1) is { } aprobado)
        {
            var s = await CrearAsync(mediator, aprobado, 80m, Monedas.Uf, 30, null, ct);
            await mediator.Send(new GuardarInformeComercial(s, new InformeComercialDto("manual", 680, 0, 0, 0, 0m, hoy.AddDays(-10))), ct);
            await mediator.Send(new EnviarSolicitudCredito(s), ct);
            // Decided as the demo supervisor (the loader has no signed-in user to decide through the API).
            var a = await ReglasAprobacion.ActualAsync(db, TiposAprobacion.Credito, s, ct);
            if (a is not null)
            {
                a.Decisiones.Add(new DecisionAprobacion
                {
                    UsuarioId = usuarioSupervisor, Actor = "supervisor (demo)", Rol = Roles.Supervisor, Aprueba = true, Comentario = "Buen comportamiento de pago", Fecha = reloj.GetUtcNow(),
                });
                a.AprobacionesRecibidas = 1;
                a.Estado = EstadosAprobacion.Aprobada;
                a.Resuelta = reloj.GetUtcNow();
                await new AplicarAprobacionCredito(db, reloj).Handle(new AprobacionResuelta(empresaId, TiposAprobacion.Credito, s, EstadosAprobacion.Aprobada), ct);
                await db.SaveChangesAsync(ct);
            }
        }
    }

    /// <summary>A credit insurance policy covering the two largest debtors: one within its insured limit, one above it.</summary>
    public static async Task CargarSeguroAsync(IMediator mediator, DateOnly hoy, CancellationToken ct)
    {
        var deudores = (await mediator.Send(new ObtenerDeudaClientes(null), ct)).Where(d => d.Saldo > 0).OrderByDescending(d => d.Saldo).Take(2).ToList();
        if (deudores.Count < 2)
            return;
        var poliza = await mediator.Send(new CrearPolizaSeguro(new DatosPoliza("Continental Seguros de Crédito", "SC-2026-0142", hoy.AddMonths(-4), hoy.AddMonths(8), 90m, 90)), ct);
        await mediator.Send(new AsegurarCliente(deudores[0].ClienteId, new DatosSeguroCliente(poliza.Id, Math.Round(deudores[0].Saldo / 2, 0))), ct);
        await mediator.Send(new AsegurarCliente(deudores[1].ClienteId, new DatosSeguroCliente(poliza.Id, (Math.Ceiling(deudores[1].Saldo * 1.5m / 100_000m) * 100_000m) + 100_000m)), ct);
    }

    private static async Task<Guid> CrearAsync(IMediator mediator, Guid clienteId, decimal limite, string moneda, int plazo, string? referencias, CancellationToken ct) =>
        (await mediator.Send(new CrearSolicitudCredito(new DatosNuevaSolicitudCredito(clienteId, limite, moneda, plazo, 12, referencias, null)), ct)).Id;
}
