namespace Cobranzas.Testing;

/// <summary>
/// Real parallel requests: each one on its own HttpClient, all released at the same moment, so the host runs them side by side
/// against the same PostgreSQL rows.
/// </summary>
public static class Concurrencia
{
    public static async Task<HttpResponseMessage[]> ALaVezAsync(IReadOnlyList<Func<Task<HttpResponseMessage>>> solicitudes)
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

    /// <summary>Every answer's status and body, for the message of a failed assertion.</summary>
    public static async Task<string> ResumenAsync(IEnumerable<HttpResponseMessage> respuestas)
    {
        var textos = new List<string>();
        foreach (var r in respuestas)
            textos.Add($"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return string.Join("\n", textos);
    }
}
