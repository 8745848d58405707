using Cobranzas.SharedKernel.Persistence;

namespace Cobranzas.Notificaciones.Persistencia;

/// <summary>The module's set-based statements, each kept whole in a <c>.sql</c> file beside its slice (see <see cref="RecursosSql"/>).</summary>
public static class SqlNotificaciones
{
    private static readonly RecursosSql Recursos = new(typeof(SqlNotificaciones).Assembly);

    public static string Leer(string ruta) => Recursos.Leer(ruta);
}
