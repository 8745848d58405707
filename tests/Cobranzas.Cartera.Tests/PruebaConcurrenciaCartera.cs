using Cobranzas.Testing;
using Npgsql;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// Real parallel requests: each one on its own HttpClient, all released at the same moment, so the host runs them side by side
/// against the same PostgreSQL rows.
/// </summary>
public abstract class PruebaConcurrenciaCartera : PruebaCartera
{
    protected static async Task<HttpResponseMessage[]> ALaVezAsync(IReadOnlyList<Func<Task<HttpResponseMessage>>> solicitudes)
    {
        var salida = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tareas = solicitudes.Select(s => Task.Run(async () =>
        {
            await salida.Task;
            return await s();
        })).ToList();
        salida.SetResult();
        return await Task.WhenAll(tareas);
    }

    protected HttpClient OtroClienteConMiToken() => Fixture.ConToken(Api.DefaultRequestHeaders.Authorization!.Parameter!);

    protected static async Task<string> ResumenAsync(IEnumerable<HttpResponseMessage> respuestas)
    {
        var textos = new List<string>();
        foreach (var r in respuestas)
            textos.Add($"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return string.Join("\n", textos);
    }

    protected static async Task<T> EscalarAsync<T>(string sql, params (string Nombre, object Valor)[] parametros)
    {
        await using var conexion = new NpgsqlConnection(Fixture.Conexion);
        await conexion.OpenAsync();
        await using var comando = new NpgsqlCommand(sql, conexion);
        foreach (var (nombre, valor) in parametros)
            comando.Parameters.AddWithValue(nombre, valor);
        return (T)(await comando.ExecuteScalarAsync())!;
    }

    /// <summary>The request that lost the race is refused with a problem in Spanish, never a 500.</summary>
    protected static async Task PerdedoraEnEspanolAsync(HttpResponseMessage perdedora)
    {
        Assert.That((int)perdedora.StatusCode, Is.AnyOf(409, 422), await perdedora.Content.ReadAsStringAsync());
        var problema = await perdedora.ProblemaAsync((int)perdedora.StatusCode);
        Assert.That((string?)problema["detail"], Does.Match("[a-záéíóúñ ]{10}"), problema.ToJsonString());
    }
}
