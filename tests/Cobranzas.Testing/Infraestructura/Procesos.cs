using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cobranzas.Testing.Infraestructura;

public static class Procesos
{
    public static async Task<string> EjecutarAsync(string programa, IEnumerable<string> argumentos, string? directorio = null, TimeSpan? limite = null)
    {
        var inicio = new ProcessStartInfo(programa)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directorio ?? "/",
        };
        foreach (var a in argumentos)
            inicio.ArgumentList.Add(a);

        using var proceso = Process.Start(inicio) ?? throw new InvalidOperationException($"No se pudo ejecutar {programa}.");
        var salida = proceso.StandardOutput.ReadToEndAsync();
        var error = proceso.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(limite ?? TimeSpan.FromMinutes(2));
        await proceso.WaitForExitAsync(cts.Token);
        if (proceso.ExitCode != 0)
            throw new InvalidOperationException($"{programa} {string.Join(' ', inicio.ArgumentList)} terminó con código {proceso.ExitCode}:\n{await salida}\n{await error}");
        return await salida;
    }

    /// <summary>initdb and pg_ctl refuse to run as root: run them as the postgres user then.</summary>
    public static Task<string> EjecutarComoPostgresAsync(string programa, params string[] argumentos) =>
        Environment.IsPrivilegedProcess
            ? EjecutarAsync("runuser", ["-u", "postgres", "--", programa, .. argumentos])
            : EjecutarAsync(programa, argumentos);

    public static int PuertoLibre() => PuertosLibres(1)[0];

    /// <summary>Distinct free loopback ports (all held open until every one is chosen).</summary>
    public static int[] PuertosLibres(int cantidad)
    {
        var escuchas = Enumerable.Range(0, cantidad).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            escuchas.ForEach(e => e.Start());
            return escuchas.Select(e => ((IPEndPoint)e.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            escuchas.ForEach(e => e.Stop());
        }
    }

    public static string? BuscarEnPath(string programa, params string[] otrosDirectorios)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        return path.Concat(otrosDirectorios).Select(d => Path.Combine(d, programa)).FirstOrDefault(File.Exists);
    }
}
