using Cobranzas.Testing;
using Npgsql;

namespace Cobranzas.Cartera.Tests;

/// <summary>Helpers of the concurrency tests (the parallel requests themselves are <see cref="Concurrencia"/>'s).</summary>
public abstract class PruebaConcurrenciaCartera : PruebaCartera
{
    protected HttpClient OtroClienteConMiToken() => Fixture.ConToken(Api.DefaultRequestHeaders.Authorization!.Parameter!);

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
