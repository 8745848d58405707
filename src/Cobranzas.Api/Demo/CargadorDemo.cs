using Bogus;
using Cobranzas.Clientes.Clientes;
using Cobranzas.Clientes.Contactos;
using Cobranzas.Clientes.Grupos;
using Cobranzas.Platform.ApiKeys;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.Platform.Empresas;
using Cobranzas.Platform.Persistencia;
using Cobranzas.Platform.Usuarios;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Api.Demo;

/// <summary>
/// Demo data for a first run: two companies, a user per role in each, ~200 clients with valid RUTs
/// and contacts, groups and an API key. Everything goes through the same requests as the API.
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

        var grande = await mediator.Send(new CrearGrupoClientes(new DatosGrupo("Grandes cuentas", "Clientes con ejecutivo dedicado")), ct);
        await mediator.Send(new AgregarMiembrosGrupoClientes(grande.Id, new DatosMiembros(clientes.Take(15).ToList())), ct);
        var norte = await mediator.Send(new CrearGrupoClientes(new DatosGrupo("Zona norte", "Recordatorio semanal")), ct);
        await mediator.Send(new AgregarMiembrosGrupoClientes(norte.Id, new DatosMiembros(clientes.Skip(15).Take(30).ToList())), ct);
        var pagos = await mediator.Send(new CrearGrupoContactos(new DatosGrupo("Tesorerías", "Contactos de pago para resúmenes de deuda")), ct);
        await mediator.Send(new AgregarMiembrosGrupoContactos(pagos.Id, new DatosMiembros(contactos.Take(40).ToList())), ct);
    }

    private static string Plano(string texto) =>
        new string(texto.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
}
