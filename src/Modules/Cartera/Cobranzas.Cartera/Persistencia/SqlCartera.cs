using Cobranzas.SharedKernel.Persistence;

namespace Cobranzas.Cartera.Persistencia;

/// <summary>The module's set-based statements, each kept whole in a <c>.sql</c> file beside its slice (see <see cref="RecursosSql"/>).</summary>
public static class SqlCartera
{
    private static readonly RecursosSql Recursos = new(typeof(SqlCartera).Assembly);

    /// <param name="ruta">Path from the project folder, e.g. <c>Antiguedad/Antiguedad.sql</c>.</param>
    public static string Leer(string ruta) => Recursos.Leer(ruta);
}
