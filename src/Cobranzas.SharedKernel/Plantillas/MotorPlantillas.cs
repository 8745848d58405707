using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Cobranzas.SharedKernel.Plantillas;

/// <summary>A template error with the line (1-based) where it was found.</summary>
public sealed record ErrorPlantilla(int Linea, int Columna, string Mensaje);

/// <summary>The template could not be rendered within its limits (loops, recursion, output size or time).</summary>
public sealed class PlantillaExcedidaException(string mensaje, Exception? interna = null) : Exception(mensaje, interna);

/// <summary>
/// The one place the product renders user-written templates (call scripts now, e-mail templates later) with Scriban,
/// sandboxed: the template sees only the model it is given (snake_case names), no file or template loader, and every
/// render is bounded in loop iterations, recursion, string and output size and wall time.
/// </summary>
public static class MotorPlantillas
{
    public const int LargoMaximoFuente = 20_000;
    public const int LimiteCiclos = 1_000;
    public const int LimiteRecursion = 20;
    public const int LimiteSalida = 100_000;
    public static readonly TimeSpan TiempoMaximo = TimeSpan.FromSeconds(2);

    /// <summary>Parsed templates by source: a run renders the same subject and body for thousands of clients.</summary>
    private static readonly ConcurrentDictionary<string, Template> Analizadas = new();
    private const int AnalizadasMaximo = 500;

    /// <summary>The parse errors of a template (empty if it is valid).</summary>
    public static IReadOnlyList<ErrorPlantilla> Validar(string fuente)
    {
        var plantilla = Template.Parse(fuente);
        return plantilla.HasErrors
            ? plantilla.Messages.Where(m => m.Type == Scriban.Parsing.ParserMessageType.Error)
                .Select(m => new ErrorPlantilla(m.Span.Start.Line + 1, m.Span.Start.Column + 1, m.Message)).ToList()
            : [];
    }

    private static Template Analizar(string fuente)
    {
        if (Analizadas.TryGetValue(fuente, out var plantilla))
            return plantilla;
        plantilla = Template.Parse(fuente);
        if (Analizadas.Count >= AnalizadasMaximo)
            Analizadas.Clear();
        Analizadas[fuente] = plantilla;
        return plantilla;
    }

    /// <summary>The model as script objects: nested dictionaries become objects the template reads as <c>cliente.nombre</c>.</summary>
    private static ScriptObject Objeto(IReadOnlyDictionary<string, object?> modelo)
    {
        var objeto = new ScriptObject();
        foreach (var (clave, valor) in modelo)
            objeto.Add(clave, valor is IReadOnlyDictionary<string, object?> anidado ? Objeto(anidado) : valor);
        return objeto;
    }

    /// <summary>
    /// A template parsed once for many renders in a row (a run renders the same subject and body for thousands of clients), with its
    /// own builtins object: building Scriban's builtins is most of the cost of a small render, and they are never shared across
    /// instances, so nothing a template does to them can reach another run. Not thread-safe: one per run.
    /// </summary>
    public sealed class PlantillaCompilada
    {
        private readonly Template _plantilla;
        private readonly ScriptObject _funciones = TemplateContext.GetDefaultBuiltinObject();

        internal PlantillaCompilada(Template plantilla) => _plantilla = plantilla;

        /// <summary>
        /// Renders on the caller's thread, bounded by the same limits (loops, recursion, string and output size, regex timeout) and by
        /// the time limit through the context's token, which Scriban checks at every statement and loop step.
        /// </summary>
        public string Renderizar(IReadOnlyDictionary<string, object?> modelo, CancellationToken ct)
        {
            using var limite = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limite.CancelAfter(TiempoMaximo);
            var contexto = Contexto(limite.Token, _funciones);
            contexto.PushGlobal(Objeto(modelo));
            try
            {
                return _plantilla.Render(contexto);
            }
            catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
            {
                throw new PlantillaExcedidaException("La plantilla excedió el tiempo máximo de ejecución.", ex);
            }
            catch (ScriptRuntimeException ex)
            {
                throw new PlantillaExcedidaException($"La plantilla no se pudo ejecutar: {ex.OriginalMessage}", ex);
            }
        }
    }

    /// <summary>The template parsed once for a run of renders; a template with errors throws <see cref="PlantillaExcedidaException"/>.</summary>
    public static PlantillaCompilada Compilar(string fuente)
    {
        var plantilla = Analizar(fuente);
        if (plantilla.HasErrors)
            throw new PlantillaExcedidaException("La plantilla tiene errores: " + string.Join("; ", plantilla.Messages));
        return new PlantillaCompilada(plantilla);
    }

    private static TemplateContext Contexto(CancellationToken ct, ScriptObject? funciones = null) =>
        new(funciones ?? TemplateContext.GetDefaultBuiltinObject())
        {
            LoopLimit = LimiteCiclos,
            LoopLimitQueryable = LimiteCiclos,
            RecursiveLimit = LimiteRecursion,
            ObjectRecursionLimit = LimiteRecursion,
            LimitToString = LimiteSalida,
            OutputLimit = LimiteSalida,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            OnStringLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = TimeSpan.FromMilliseconds(200),
            TemplateLoader = null,
            MemberRenamer = m => m.Name,
            CancellationToken = ct,
        };

    /// <summary>Renders the template over the model; a template over its limits throws <see cref="PlantillaExcedidaException"/>.</summary>
    public static async Task<string> RenderizarAsync(string fuente, IReadOnlyDictionary<string, object?> modelo, CancellationToken ct)
    {
        var plantilla = Analizar(fuente);
        if (plantilla.HasErrors)
            throw new PlantillaExcedidaException("La plantilla tiene errores: " + string.Join("; ", plantilla.Messages));

        var datos = Objeto(modelo);
        using var limite = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limite.CancelAfter(TiempoMaximo);
        var contexto = Contexto(limite.Token);
        contexto.PushGlobal(datos);
        try
        {
            // Rendering is CPU work: run it off the request thread so the time limit can be observed even if a builtin
            // ignores the token.
            var render = Task.Run(async () => await plantilla.RenderAsync(contexto), limite.Token);
            var terminada = await Task.WhenAny(render, Task.Delay(TiempoMaximo + TimeSpan.FromMilliseconds(500), ct));
            if (terminada != render)
            {
                limite.Cancel();
                throw new PlantillaExcedidaException("La plantilla excedió el tiempo máximo de ejecución.");
            }

            return await render;
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new PlantillaExcedidaException("La plantilla excedió el tiempo máximo de ejecución.", ex);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new PlantillaExcedidaException($"La plantilla no se pudo ejecutar: {ex.OriginalMessage}", ex);
        }
    }
}
