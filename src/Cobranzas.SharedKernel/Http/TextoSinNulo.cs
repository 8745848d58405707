using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;
using FluentValidation.Results;

namespace Cobranzas.SharedKernel.Http;

/// <summary>
/// PostgreSQL cannot store U+0000 in text, so a NUL in any string of a request would fail at the
/// database with a 500. Registered for every request type, this validator refuses it first with a
/// 400 naming the field, bodies and query parameters alike.
/// </summary>
public sealed class TextosSinNuloValidator<T> : AbstractValidator<T>
{
    public TextosSinNuloValidator() =>
        RuleFor(x => x).Custom((solicitud, contexto) =>
        {
            foreach (var ruta in TextosSinNulo.ConNulo(solicitud))
                contexto.AddFailure(new ValidationFailure(ruta, TextosSinNulo.Mensaje) { ErrorCode = "caracter_nulo" });
        });

    /// <summary>For rows validated outside the mediator (batches): this rule plus the row's own validator.</summary>
    public static TextosSinNuloValidator<T> Y(IValidator<T> delaFila)
    {
        var validador = new TextosSinNuloValidator<T>();
        validador.Include(delaFila);
        return validador;
    }
}

public static class TextosSinNulo
{
    public const string Mensaje = "El texto contiene el carácter nulo (U+0000), que no se admite.";

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Propiedades = new();

    /// <summary>The paths (<c>Cuerpo.Notas</c>, <c>Lineas[2].Motivo</c>) of the strings that contain NUL, in our own request types.</summary>
    public static IEnumerable<string> ConNulo(object? valor, string ruta = "", int profundidad = 0)
    {
        switch (valor)
        {
            case null or IAsyncDisposable or Stream:
                yield break;
            case string texto:
                if (texto.Contains('\0'))
                    yield return ruta;
                yield break;
            case IEnumerable elementos when profundidad < 6:
                var i = 0;
                foreach (var elemento in elementos)
                    foreach (var r in ConNulo(elemento, $"{ruta}[{i++}]", profundidad + 1))
                        yield return r;
                yield break;
        }

        var tipo = valor.GetType();
        if (profundidad >= 6 || tipo.Namespace?.StartsWith("Cobranzas", StringComparison.Ordinal) != true)
            yield break;
        foreach (var propiedad in Propiedades.GetOrAdd(tipo, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray()))
            foreach (var r in ConNulo(propiedad.GetValue(valor), ruta.Length == 0 ? propiedad.Name : $"{ruta}.{propiedad.Name}", profundidad + 1))
                yield return r;
    }
}
