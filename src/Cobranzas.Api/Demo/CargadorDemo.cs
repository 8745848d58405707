using Bogus;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.Importaciones;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Cartera.ValoresMoneda;
using Cobranzas.Clientes.Clientes;
using Cobranzas.Clientes.Contactos;
using Cobranzas.Clientes.Grupos;
using Cobranzas.Gestion.Cobradores;
using Cobranzas.Platform.ApiKeys;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.Platform.Empresas;
using Cobranzas.Platform.Persistencia;
using Cobranzas.Platform.Usuarios;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Api.Demo;

/// <summary>
/// Demo data for a first run: two companies, a user per role in each, ~200 clients with valid RUTs
/// and contacts, groups and an API key, then the Gestión demo (<see cref="DemoGestion"/>). Everything goes through the same
/// requests as the API, except history that must lie in the past.
/// </summary>
public sealed class CargadorDemo(IServiceProvider servicios, ILogger<CargadorDemo> log)
{
    public const string Password = "Demo1234!";
    private const int ClientesPorEmpresa = 200;

    private sealed record EmpresaDemo(string Rut, string RazonSocial, string Dominio, int Semilla);

    private static readonly EmpresaDemo[] Empresas =
    [
        new("76.086.428-5", "Comercial Andes SpA", "andes.cl", 1),
        new("96.555.540-4", "Distribuidora Pacífico Ltda.", "pacifico.cl", 2),
    ];

    public async Task CargarAsync(string archivoCredenciales, CancellationToken ct)
    {
        await using (var scope = servicios.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlataformaDbContext>();
            if (await db.Empresas.AnyAsync(ct))
            {
                if (File.Exists(archivoCredenciales))
                    return;
                log.LogWarning("La base ya tiene datos pero falta {Archivo}: se crean API keys nuevas", archivoCredenciales);
                var lineas = new List<string>();
                foreach (var e in await db.Empresas.OrderBy(x => x.Creada).ToListAsync(ct))
                {
                    var admins = await db.Membresias.Include(m => m.Usuario).Where(m => m.EmpresaId == e.Id && m.Activa).OrderBy(m => m.Creada).ToListAsync(ct);
                    lineas.AddRange(admins.Select(m => $"Usuario: {m.Usuario!.Email} / {Password} ({e.RazonSocial}, {m.Rol})"));
                    lineas.Add($"API key: {await CrearApiKeyAsync(e.Id, ct)} ({e.RazonSocial})");
                }

                await File.WriteAllLinesAsync(archivoCredenciales, lineas, ct);
                return;
            }
        }

        await CargarValoresUfAsync(ct);
        var credenciales = new List<string>();
        foreach (var empresa in Empresas)
            credenciales.AddRange(await CargarEmpresaAsync(empresa, ct));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(archivoCredenciales))!);
        await File.WriteAllLinesAsync(archivoCredenciales, credenciales, ct);
    }

    private async Task<List<string>> CargarEmpresaAsync(EmpresaDemo demo, CancellationToken ct)
    {
        var lineas = new List<string>();
        var admin = $"admin@{demo.Dominio}";
        Guid empresaId;
        await using (var scope = servicios.CreateAsyncScope())
            empresaId = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new RegistrarEmpresa(demo.Rut, demo.RazonSocial, admin, "Administración", Password), ct);
        lineas.Add($"Usuario: {admin} / {Password} ({demo.RazonSocial}, {Roles.Administrador})");

        var ejecutivos = new List<string>();
        foreach (var rol in new[] { Roles.Supervisor, Roles.Cobrador, Roles.Consulta })
        {
            var email = $"{rol.ToLowerInvariant()}@{demo.Dominio}";
            ejecutivos.Add(await CrearUsuarioAsync(empresaId, email, rol, ct));
            lineas.Add($"Usuario: {email} / {Password} ({demo.RazonSocial}, {rol})");
        }

        await CargarClientesAsync(empresaId, demo, ejecutivos, ct);
        var inicio = System.Diagnostics.Stopwatch.GetTimestamp();
        await new DemoGestion(servicios, log, empresaId, demo.Semilla, ejecutivos[1], ejecutivos[0]).CargarAsync(ct);
        log.LogInformation("Gestión demo de {Empresa} en {Duracion}", demo.RazonSocial, System.Diagnostics.Stopwatch.GetElapsedTime(inicio));
        await new DemoNotificaciones(servicios, empresaId, demo.Rut, demo.RazonSocial, demo.Dominio).CargarAsync(ct);
        await new DemoSeguimiento(servicios, empresaId, demo.RazonSocial, demo.Semilla).CargarAsync(ct);
        await new DemoIntegraciones(servicios, empresaId).CargarAsync(ct);
        await new DemoCredito(servicios, empresaId, ejecutivos[0]).CargarAsync(ct);
        await new DemoConvenios(servicios, empresaId, log).CargarAsync(ct);
        await new DemoJudicial(servicios, empresaId, demo.Semilla, log).CargarAsync(ct);
        await new DemoFactoring(servicios, empresaId, demo.Semilla, log).CargarAsync(ct);
        await new DemoCastigos(servicios, empresaId, log).CargarAsync(ct);
        lineas.Add(await new DemoPortal(servicios, empresaId, demo.Rut, demo.Dominio).CargarAsync(ct));
        lineas.Add($"API key: {await CrearApiKeyAsync(empresaId, ct)} ({demo.RazonSocial})");
        return lineas;
    }

    private async Task<string> CrearUsuarioAsync(Guid empresaId, string email, string rol, CancellationToken ct)
    {
        await using var scope = servicios.CreateAsyncScope();
        var usuarios = scope.ServiceProvider.GetRequiredService<UserManager<Usuario>>();
        var db = scope.ServiceProvider.GetRequiredService<PlataformaDbContext>();
        scope.ServiceProvider.GetRequiredService<ContextoSolicitud>().Establecer(empresaId, "demo");
        var usuario = new Usuario { UserName = email, Email = email, EmailConfirmed = true, Nombre = rol, LockoutEnabled = true, Creado = DateTimeOffset.UtcNow };
        var r = await usuarios.CreateAsync(usuario, Password);
        if (!r.Succeeded)
            throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
        db.Membresias.Add(new Membresia { EmpresaId = empresaId, UsuarioId = usuario.Id, Rol = rol, Creada = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(ct);
        return usuario.Id;
    }

    private async Task<string> CrearApiKeyAsync(Guid empresaId, CancellationToken ct)
    {
        await using var scope = servicios.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ContextoSolicitud>().Establecer(empresaId, "demo");
        var creada = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CrearApiKey("ERP demo", ApiKey.AlcanceLecturaEscritura), ct);
        return creada.Clave;
    }

    private async Task CargarClientesAsync(Guid empresaId, EmpresaDemo demo, List<string> ejecutivos, CancellationToken ct)
    {
        await using var scope = servicios.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ContextoSolicitud>().Establecer(empresaId, "demo");
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var faker = new Faker("es") { Random = new Randomizer(demo.Semilla) };
        string[] segmentos = ["Retail", "Retail", "Retail", "Mayorista", "Mayorista", "Corporativo", "Gobierno"];
        string[] sufijos = ["SpA", "Ltda.", "S.A.", "EIRL"];
        string[] giros = ["Comercio al por menor", "Venta al por mayor de alimentos", "Construcción", "Transporte de carga", "Servicios informáticos", "Ferretería", "Farmacia", "Agrícola"];
        string[] roles = ["cobranza", "pagos", "comercial", "legal"];
        var clientes = new List<Guid>();
        var contactos = new List<Guid>();
        for (var i = 0; i < ClientesPorEmpresa; i++)
        {
            var (comuna, region) = faker.PickRandom(ComunasChile.Todas);
            var rut = SharedKernel.Rut.Rut.Desde(faker.Random.Int(5_000_000, 79_999_999) / 7 * 7 + i % 7);
            var nombre = faker.Company.CompanyName(0);
            var datos = new DatosCliente(
                rut.Formateado, $"{nombre} {faker.PickRandom(sufijos)}", faker.Random.Bool(0.4f) ? nombre : null, faker.PickRandom(giros),
                faker.Address.StreetAddress(), comuna, region, faker.PickRandom(segmentos), faker.Random.Bool(0.1f), faker.PickRandom(ejecutivos));
            ClienteDto cliente;
            try
            {
                cliente = await mediator.Send(new CrearCliente(datos), ct);
            }
            catch (SharedKernel.Http.ConflictoException)
            {
                continue; // a repeated random RUT; skip it
            }

            clientes.Add(cliente.Id);
            for (var k = 0; k < faker.Random.Int(1, 3); k++)
            {
                var persona = new Person("es", demo.Semilla * 1000 + i * 10 + k);
                var email = $"{Plano(persona.FirstName)}.{Plano(persona.LastName)}{k}@{Plano(nombre)}.cl";
                var contacto = await mediator.Send(new CrearContacto(cliente.Id, new DatosContacto(
                    persona.FullName, faker.Name.JobTitle(), roles[k % roles.Length], email, $"+56 9 {faker.Random.Int(1000, 9999)} {faker.Random.Int(1000, 9999)}",
                    "email", faker.Random.Bool(0.05f))), ct);
                contactos.Add(contacto.Id);
            }
        }

        await CargarCarteraAsync(mediator, scope.ServiceProvider.GetRequiredService<CarteraDbContext>(), faker, clientes, ct);
        await CargarChequesAFechaAsync(scope.ServiceProvider.GetRequiredService<CarteraDbContext>(), faker, ct);

        var grande = await mediator.Send(new CrearGrupo(TiposGrupo.Clientes, new DatosGrupo("Grandes cuentas", "Clientes con ejecutivo dedicado")), ct);
        await mediator.Send(new AgregarMiembrosGrupo(TiposGrupo.Clientes, grande.Id, new DatosMiembros(clientes.Take(15).ToList())), ct);
        var norte = await mediator.Send(new CrearGrupo(TiposGrupo.Clientes, new DatosGrupo("Zona norte", "Recordatorio semanal")), ct);
        await mediator.Send(new AgregarMiembrosGrupo(TiposGrupo.Clientes, norte.Id, new DatosMiembros(clientes.Skip(15).Take(30).ToList())), ct);
        var pagos = await mediator.Send(new CrearGrupo(TiposGrupo.Contactos, new DatosGrupo("Tesorerías", "Contactos de pago para resúmenes de deuda")), ct);
        await mediator.Send(new AgregarMiembrosGrupo(TiposGrupo.Contactos, pagos.Id, new DatosMiembros(contactos.Take(40).ToList())), ct);
        await CargarCobradoresAsync(mediator, ejecutivos[1], clientes, ct);
    }

    /// <summary>Collectors by zone (the Cobrador user works the Metropolitana), a "Grandes cuentas" cartera, a rule for Gobierno, then every client assigned.</summary>
    private static async Task CargarCobradoresAsync(IMediator mediator, string usuarioCobrador, List<Guid> clientes, CancellationToken ct)
    {
        await mediator.Send(new CrearCobrador(new DatosCobrador("Camila Rojas", "camila.rojas@demo.cl", "+56 9 6111 2233", usuarioCobrador, ["Metropolitana"], [])), ct);
        await mediator.Send(new CrearCobrador(new DatosCobrador(
            "Jorge Araya", "jorge.araya@demo.cl", "+56 9 6222 3344", null, ["Arica y Parinacota", "Tarapacá", "Antofagasta", "Atacama", "Coquimbo", "Valparaíso"], [])), ct);
        await mediator.Send(new CrearCobrador(new DatosCobrador(
            "Paula Soto", "paula.soto@demo.cl", "+56 9 6333 4455", null, ["O'Higgins", "Maule", "Ñuble", "Biobío", "La Araucanía", "Los Ríos", "Los Lagos", "Aysén", "Magallanes"], [])), ct);
        var grandes = await mediator.Send(new CrearCobrador(new DatosCobrador("Rodrigo Fuentes", "rodrigo.fuentes@demo.cl", "+56 9 6444 5566", null, [], [])), ct);
        var publico = await mediator.Send(new CrearCobrador(new DatosCobrador("Fernanda Muñoz", "fernanda.munoz@demo.cl", "+56 9 6555 6677", null, [], [])), ct);
        var cartera = await mediator.Send(new CrearCartera(new DatosCartera("Grandes cuentas", "Clientes con cobrador dedicado", grandes.Id, 1)), ct);
        await mediator.Send(new AgregarClientesCartera(cartera.Id, new DatosClientesCartera(clientes.Take(15).ToList())), ct);
        await mediator.Send(new GuardarReglasAsignacion(new DatosReglasAsignacion([new DatosRegla(TiposRegla.Segmento, "Gobierno", publico.Id)])), ct);
        await mediator.Send(new RecalcularAsignaciones(new DatosRecalculo(false)), ct);
    }

    /// <summary>
    /// Eighteen months of invoices (one most months per client) and their payments at each client's own habit, through the
    /// same batch endpoints an ERP uses, so aging, DSO, trends and the payment forecast have a history to show on first run.
    /// Habits: about a fifth pay early, a third on time, a quarter 10 to 25 days late, one in eight 30 to 60 days late, a few
    /// chronic (60 to 120 days, some invoices never), and two clients who stopped paying and had old invoices written off.
    /// Payments are dated when they happened and applied automatically (oldest first, as a batch applies them), so a client
    /// that leaves an invoice unpaid pays it with its next payment; past cut-offs are what they were that day.
    /// </summary>
    private static async Task CargarCarteraAsync(IMediator mediator, CarteraDbContext db, Faker faker, List<Guid> clientes, CancellationToken ct)
    {
        var hoy = FechaNegocio.Hoy(TimeProvider.System);
        var documentos = new List<DatosDocumento>();
        var pagosPrevistos = new List<(long Folio, Guid Cliente, DateOnly Fecha, decimal Monto)>();
        var castigables = new List<long>();
        var folio = 1000L;
        var castigos = 0;
        foreach (var cliente in clientes)
        {
            var habito = faker.Random.Double();
            (int Desde, int Hasta, double Nunca) atraso = habito switch
            {
                < 0.20 => (-12, -2, 0),
                < 0.55 => (-1, 3, 0),
                < 0.80 => (10, 25, 0),
                < 0.92 => (30, 60, 0.02),
                _ => (60, 120, 0.25),
            };
            var dejoDePagar = habito >= 0.92 && castigos < 2;
            if (dejoDePagar)
                castigos++;
            var escala = faker.Random.Int(1, 8);
            for (var mes = 18; mes >= 0; mes--)
            {
                if (!faker.Random.Bool(0.65f))
                    continue;
                var emision = hoy.AddMonths(-mes).AddDays(-faker.Random.Int(0, 27));
                if (emision > hoy)
                    emision = hoy;
                var neto = faker.Random.Int(50, 500) * escala * 1_000m;
                var iva = Math.Round(neto * 0.19m);
                var plazo = faker.PickRandom(30, 30, 30, 60, 90);
                var vencimiento = emision.AddDays(plazo);
                var f = folio++;
                documentos.Add(new DatosDocumento("33", f, cliente, null, emision, vencimiento, null, "CLP", neto, 0, iva, neto + iva, null, "erp", null, null));
                // Stopped paying a year ago: the invoices of 8 to 12 months ago are written off, the later ones stay overdue.
                if (dejoDePagar && mes <= 12)
                {
                    if (mes >= 8)
                        castigables.Add(f);
                    continue;
                }

                if (faker.Random.Double() < atraso.Nunca)
                    continue;
                var pago = vencimiento.AddDays(faker.Random.Int(atraso.Desde, atraso.Hasta));
                if (pago < emision)
                    pago = emision;
                if (pago > hoy)
                    continue;
                if (faker.Random.Bool(0.1f) && pago.AddDays(20) <= hoy)
                {
                    var parte = Math.Round((neto + iva) / 2);
                    pagosPrevistos.Add((f, cliente, pago, parte));
                    pagosPrevistos.Add((f, cliente, pago.AddDays(faker.Random.Int(7, 20)), neto + iva - parte));
                }
                else
                    pagosPrevistos.Add((f, cliente, pago, neto + iva));
            }
        }

        // A few clients sign letras (bills of exchange) for their larger purchases: exempt, in two or three monthly installments.
        foreach (var cliente in clientes.Where(_ => faker.Random.Bool(0.05f)))
        {
            var emision = hoy.AddDays(-faker.Random.Int(10, 90));
            var n = faker.Random.Int(2, 3);
            var cuota = faker.Random.Int(300, 1_500) * 1_000m;
            documentos.Add(new DatosDocumento("letra", folio++, cliente, null, emision, null,
                Enumerable.Range(1, n).Select(i => new DatosCuota(i, emision.AddDays(30 * i), cuota)).ToList(),
                "CLP", 0, cuota * n, 0, cuota * n, null, "erp", null, "Letra aceptada por el cliente"));
        }

        await mediator.Send(new ImportarLoteDocumentos(Filas(documentos.Select((d, i) => new FilaLote(i + 1, d, []))), false), ct);

        var ids = await db.Documentos.AsNoTracking().Where(d => d.Tipo == "33").Select(d => new { d.Folio, d.Id }).ToDictionaryAsync(d => d.Folio, d => d.Id, ct);
        // A batch applies only what is free on its earliest date and every later one, so the history goes in week by week
        // (every invoice is issued at least 18 days before it is paid, so it is open for the whole week of its payment).
        foreach (var semana in pagosPrevistos.OrderBy(p => p.Fecha).GroupBy(p => p.Fecha.DayNumber / 7))
        {
            var pagos = semana.Select(p => new DatosPago(p.Cliente, null, p.Fecha, p.Monto, "CLP",
                faker.PickRandom("transferencia", "transferencia", "transferencia", "cheque", "efectivo", "portal"), $"DEMO-{p.Folio}", ModosAplicacion.Automatica, null)).ToList();
            var resultado = await mediator.Send(new ImportarLotePagos(Filas(pagos.Select((p, i) => (i + 1, (DatosPago?)p))), false), ct);
            if (!resultado.Aplicado)
                throw new InvalidOperationException("El lote de pagos demo fue rechazado: " + string.Join("; ", resultado.Errores.Take(5).Select(e => e.ToString())));
        }

        foreach (var f in castigables.Take(4))
            await mediator.Send(new CastigarDocumento(ids[f], new DatosCastigo(hoy.AddDays(-faker.Random.Int(5, 60)), "Cliente sin pagos por más de 8 meses; cobranza agotada")), ct);
        // Late charges: an illustrative legal maximum (the company enters the one the CMF publishes) and a lower applied rate.
        await mediator.Send(new Cobranzas.Cartera.CargosMora.GuardarConfiguracionCargosMora(new Cobranzas.Cartera.CargosMora.DatosConfiguracionCargosMora(36m, 24m, 1m)), ct);
    }

    /// <summary>
    /// The real UF series from 2024-12-10 to 2026-04-09 (the values the Banco Central published on each
    /// 9th, and each day in between from the INE monthly CPI with its daily geometric rule), loaded
    /// as the national series, as the operator's <c>valores cargar-uf</c> command loads it. Later dates are loaded by that command.
    /// </summary>
    private async Task CargarValoresUfAsync(CancellationToken ct)
    {
        await using var scope = servicios.CreateAsyncScope();
        await using var csv = typeof(CargadorDemo).Assembly.GetManifestResourceStream("valores-uf.csv")!;
        var r = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CargarSerieNacional(SerieValores.Uf, csv, "valores-uf.csv"), ct);
        log.LogInformation("Valores UF de demostración: {Resultado}", r);
    }

    /// <summary>
    /// Cheques a fecha received two to six weeks ago for unpaid invoices: some are dated today or earlier
    /// (the board's "por depositar hoy"), the rest later. A request can only receive a cheque today, so these
    /// are built with <see cref="Cheques.Nuevo"/> as of the day they were received and saved directly.
    /// </summary>
    private static async Task CargarChequesAFechaAsync(CarteraDbContext db, Faker faker, CancellationToken ct)
    {
        var hoy = FechaNegocio.Hoy(TimeProvider.System);
        var pagados = await db.Pagos.Where(p => p.Fecha >= hoy.AddDays(-45)).Select(p => p.ClienteId).Distinct().ToListAsync(ct);
        var impagos = await db.Documentos.Where(d => d.Saldo > 0 && !pagados.Contains(d.ClienteId))
            .OrderBy(d => d.Folio).Select(d => new { d.ClienteId, d.Folio, d.Saldo }).ToListAsync(ct);
        var n = 0;
        foreach (var d in impagos.DistinctBy(d => d.ClienteId).Take(10))
        {
            var recibido = hoy.AddDays(-faker.Random.Int(14, 45));
            var fechaCheque = n < 5 ? hoy.AddDays(-faker.Random.Int(0, 3)) : hoy.AddDays(faker.Random.Int(3, 40));
            var datos = new DatosPago(d.ClienteId, null, recibido, d.Saldo, "CLP", Cheques.Canal, $"CH-{7_000_000 + d.Folio}", ModosAplicacion.Automatica, null, fechaCheque);
            db.Pagos.Add(Cheques.Nuevo(d.ClienteId, datos, new DateTimeOffset(recibido.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)));
            n++;
        }

        await db.SaveChangesAsync(ct);
    }

    private static async IAsyncEnumerable<T> Filas<T>(IEnumerable<T> filas)
    {
        foreach (var f in filas)
            yield return f;
        await Task.CompletedTask;
    }

    private static string Plano(string texto) =>
        new string(texto.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
}
