namespace Cobranzas.Simuladores;

/// <summary>How the simulated providers deliver a notification: POST, and again on a non-2xx answer or a failed connection.</summary>
public static class EntregaConReintentos
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Sends the request made by <paramref name="crear"/> up to <paramref name="intentos"/> times, stopping at the first 2xx; returns each attempt's status (0: no connection).</summary>
    public static async Task<IReadOnlyList<int>> EnviarAsync(Func<HttpRequestMessage> crear, int intentos)
    {
        var estados = new List<int>();
        for (var intento = 0; intento < intentos; intento++)
        {
            using var solicitud = crear();
            try
            {
                using var respuesta = await Http.SendAsync(solicitud);
                estados.Add((int)respuesta.StatusCode);
                if (respuesta.IsSuccessStatusCode)
                    break;
            }
            catch (HttpRequestException)
            {
                estados.Add(0);
            }
        }
        return estados;
    }
}

/// <summary>What a test asks a simulator to do to a notification it sends.</summary>
public enum Falsificacion
{
    Ninguna,

    /// <summary>Signed with a secret that is not the merchant's.</summary>
    FirmaFalsa,

    /// <summary>Correctly signed, with a timestamp ten minutes old.</summary>
    MarcaVencida,
}
