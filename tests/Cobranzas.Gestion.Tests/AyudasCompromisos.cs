using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Gestion.Compromisos;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Tests;

/// <summary>What the promise and dispute tests share: reading Gestión's rows as the company, collectors, the daily run.</summary>
public abstract class PruebaCompromisos : PruebaGestion
{
    protected Task<T> EnEmpresaAsync<T>(Func<GestionDbContext, Task<T>> accion, Guid? empresa = null) =>
        Fixture.EnAmbitoAsync(async sp =>
        {
            sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa ?? Empresa.Id, "pruebas");
            return await accion(sp.GetRequiredService<GestionDbContext>());
        });

    protected Task<List<PausaEscalamiento>> PausasAsync(string origenId) =>
        EnEmpresaAsync(db => db.Pausas.AsNoTracking().Where(p => p.OrigenId == Guid.Parse(origenId)).ToListAsync());

    protected Task<List<Tarea>> TareasAsync(string origenId) =>
        EnEmpresaAsync(db => db.Tareas.AsNoTracking().Where(t => t.OrigenId == Guid.Parse(origenId)).OrderBy(t => t.Creada).ThenBy(t => t.Id).ToListAsync());

    /// <summary>A collector, optionally linked to a user, responsible for the given clients.</summary>
    protected Task<Guid> CobradorAsync(string nombre, string? usuarioId, params string[] clienteIds) =>
        EnEmpresaAsync(async db =>
        {
            var cobrador = new Cobrador { Nombre = nombre, UsuarioId = usuarioId, Creado = Fixture.Reloj.GetUtcNow() };
            db.Cobradores.Add(cobrador);
            foreach (var cliente in clienteIds)
                db.Asignaciones.Add(new AsignacionCliente { ClienteId = Guid.Parse(cliente), CobradorId = cobrador.Id, Origen = OrigenesAsignacion.Manual, Actualizada = Fixture.Reloj.GetUtcNow() });
            await db.SaveChangesAsync();
            return cobrador.Id;
        });

    /// <summary>What the Quartz job does at dawn, for every company.</summary>
    protected static Task<int> EvaluacionDiariaAsync() =>
        Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<EvaluacionCompromisosJob>().EjecutarAsync(CancellationToken.None));

    /// <summary>Moves the host's clock; the session's token expires meanwhile, so it signs in again.</summary>
    protected async Task PasarDiasAsync(int dias)
    {
        Fixture.Reloj.Advance(TimeSpan.FromDays(dias));
        Api = await Fixture.IniciarSesionAsync(Empresa.EmailAdmin, Empresa.Password, Empresa.Id);
    }

    protected async Task<JsonNode> CompromisoAsync(decimal monto, DateOnly fecha, string[]? documentoIds = null, string? clienteId = null, HttpClient? api = null) =>
        await (await (api ?? Api).PostAsJsonAsync("/api/v1/gestion/compromisos", new
        {
            clienteId = clienteId ?? ClienteId, documentoIds, cuotas = new[] { new { fecha = F(fecha), monto } }, canal = "telefono", notas = "Paga el viernes",
        })).JsonAsync(201);

    protected async Task<JsonNode> LeerAsync(string id, HttpClient? api = null) => await (await (api ?? Api).GetAsync($"/api/v1/gestion/compromisos/{id}")).JsonAsync();

    protected static string Estado(JsonNode n) => (string)n["estado"]!;
}
