using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Gestion.Feriados;
using Cobranzas.Notificaciones.Envios;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Correo;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Cobranzas.Testing;
using Cobranzas.Testing.Infraestructura;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cobranzas.Notificaciones.Tests.Envios;

/// <summary>
/// Runs and the sender through the API and the real maildev. Each test first moves the fake clock (forward only) to 10:00 in Santiago of
/// the next business day, so the contact rules (hours, Sundays, holidays) let a consumer be written to; dates are relative to <c>Hoy</c>.
/// </summary>
public abstract class PruebaEnvios : PruebaNotificaciones
{
    private long _folio = 5000;

    [SetUp]
    public async Task IrAHabilAsync()
    {
        var d = Hoy.AddDays(1);
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || FeriadosChile.Tabla.Any(f => f.Fecha == d && f.Region is null))
            d = d.AddDays(1);
        await IrAAsync(d, new TimeOnly(10, 0));
    }

    protected async Task IrAAsync(DateOnly d, TimeOnly hora)
    {
        var utc = TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(hora), FechaNegocio.Santiago);
        Fixture.Reloj.SetUtcNow(new DateTimeOffset(utc, TimeSpan.Zero));
        Api = await Fixture.IniciarSesionAsync(Empresa.EmailAdmin, Empresa.Password, Empresa.Id);
    }

    /// <summary>A business client (RUT of a company, so the consumer rules do not apply) with one contact per e-mail given.</summary>
    protected async Task<string> ClienteEmpresaAsync(string razonSocial, params string[] emails)
    {
        var id = (await Api.CrearClienteAsync(new
        {
            rut = SharedKernel.Rut.Rut.Desde(76_000_000 + Fixture.Siguiente()).Canonico, razonSocial, segmento = "Retail", cuentaClave = false,
        })).Id();
        foreach (var (email, i) in emails.Select((e, i) => (e, i)))
            await Api.CrearContactoAsync(id, Datos.Contacto(nombre: $"Contacto {i + 1} {razonSocial}", email: email));
        return id;
    }

    protected static string Email(string prefijo = "contacto") => Fixture.EmailUnico(prefijo, "cliente.test");

    protected Task<JsonNode> VencidaAsync(decimal total, int diasVencido, string clienteId) =>
        FacturaAsync(++_folio, total, Hoy.AddDays(-diasVencido - 30), Hoy.AddDays(-diasVencido), clienteId);

    protected long UltimoFolio => _folio;

    protected Task EnEmpresaAsync(Func<NotificacionesDbContext, Task> accion) => Fixture.EnAmbitoAsync(async sp =>
    {
        sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(Empresa.Id, "prueba");
        await accion(sp.GetRequiredService<NotificacionesDbContext>());
    });

    protected async Task<T> EnEmpresaAsync<T>(Func<NotificacionesDbContext, Task<T>> accion)
    {
        T resultado = default!;
        await EnEmpresaAsync(async (NotificacionesDbContext db) => { resultado = await accion(db); });
        return resultado;
    }

    public const string PlantillaPrueba =
        """<p>Estimado(a) {{ contacto.nombre }}: {{ cliente.nombre }} registra una deuda vencida de {{ deuda.vencida }}.</p>{{ tabla_documentos }}<p><a href="https://pagos.example.test/pagar?c=1&amp;x=2">Pagar en línea</a></p>""";

    /// <summary>A definition as the definitions area would save it (that area's endpoints live on another branch).</summary>
    protected Task<Guid> DefinicionAsync(
        string tipo = TiposDefinicion.DocumentosVencidos, bool incluirCuentas = true, string? responderA = "cobranzas@andes.test", int? diasAntes = null,
        int? diasVencidoMinimo = null, string modo = ModosDefinicion.PorCliente, string plantilla = PlantillaPrueba) => EnEmpresaAsync(async db =>
    {
        if (incluirCuentas && !await db.CuentasDeposito.AnyAsync())
        {
            db.CuentasDeposito.Add(new CuentaDeposito
            {
                Banco = "Banco de Chile", TipoCuenta = "corriente", Numero = "00-123-45678-09", Titular = "Cobranzas del Sur SpA", RutTitular = "76086428-5",
                EmailNotificacion = "pagos@sur.test", PorDefecto = true, Creada = Fixture.Reloj.GetUtcNow(),
            });
        }

        var d = new DefinicionNotificacion
        {
            Tipo = tipo, Asunto = "Documentos vencidos de {{ cliente.nombre }}", Plantilla = plantilla, IncluirCuentas = incluirCuentas, ResponderA = responderA,
            DiasAntes = diasAntes, DiasVencidoMinimo = diasVencidoMinimo, Modo = modo, Firma = "Equipo de Cobranzas", Creada = Fixture.Reloj.GetUtcNow(),
        };
        db.Definiciones.Add(d);
        await db.SaveChangesAsync();
        return d.Id;
    });

    protected async Task<JsonNode> EjecutarAsync(Guid definicionId) =>
        await (await Api.PostAsync($"/api/v1/notificaciones/definiciones/{definicionId}/ejecutar", null)).JsonAsync();

    protected static (int Encolados, int Omitidos, int YaEnviados) R(JsonNode r) => ((int)r["encolados"]!, (int)r["omitidos"]!, (int)r["yaEnviados"]!);

    /// <summary>One drain of the outbox, as the job does it.</summary>
    protected static Task<int> DrenarAsync(CancellationToken ct = default, Action<Guid>? alMarcar = null, OpcionesSmtp? smtp = null) =>
        Fixture.EnAmbitoAsync(async sp =>
        {
            var drenador = smtp is null
                ? sp.GetRequiredService<DrenadorEnvios>()
                : ActivatorUtilities.CreateInstance<DrenadorEnvios>(sp, Options.Create(smtp));
            return await drenador.DrenarAsync(ct, alMarcar);
        });

    protected Task<List<Envio>> EnviosAsync() => EnEmpresaAsync(db => db.Envios.AsNoTracking().OrderBy(e => e.Creado).ToListAsync());
}

/// <summary>The SMTP server of smtp-fallas.mjs (npm smtp-server, a dependency of maildev in build/mail), started for one test.</summary>
public sealed class ServidorSmtpFallas : IAsyncDisposable
{
    private readonly Process _proceso;
    public ConcurrentBag<string> Recibidos { get; } = [];

    public int Puerto { get; }

    private ServidorSmtpFallas(Process proceso, int puerto)
    {
        _proceso = proceso;
        Puerto = puerto;
    }

    public static async Task<ServidorSmtpFallas> IniciarAsync()
    {
        await Fixture.Correo.IniciarAsync();
        var raiz = RaizRepositorio.Ruta;
        var inicio = new ProcessStartInfo(Procesos.BuscarEnPath("node") ?? "node") { RedirectStandardOutput = true, RedirectStandardError = true };
        inicio.ArgumentList.Add(Path.Combine(raiz, "tests", "Cobranzas.Notificaciones.Tests", "smtp-fallas.mjs"));
        inicio.ArgumentList.Add(Path.Combine(raiz, "build", "mail"));
        var proceso = Process.Start(inicio) ?? throw new InvalidOperationException("No se pudo iniciar node.");
        var primera = await proceso.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20))
            ?? throw new InvalidOperationException("smtp-fallas.mjs terminó: " + await proceso.StandardError.ReadToEndAsync());
        var servidor = new ServidorSmtpFallas(proceso, int.Parse(primera.Split(' ')[1]));
        _ = Task.Run(async () =>
        {
            while (await proceso.StandardOutput.ReadLineAsync() is { } linea)
            {
                if (linea.StartsWith("RECIBIDO ", StringComparison.Ordinal))
                    servidor.Recibidos.Add(linea[9..]);
            }
        });
        return servidor;
    }

    public OpcionesSmtp Opciones => new() { Host = "127.0.0.1", Port = Puerto, Remitente = "cobranzas@sur.test" };

    public async ValueTask DisposeAsync()
    {
        if (!_proceso.HasExited)
        {
            _proceso.Kill();
            await _proceso.WaitForExitAsync();
        }

        _proceso.Dispose();
    }
}
