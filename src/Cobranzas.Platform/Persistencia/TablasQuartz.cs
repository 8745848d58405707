namespace Cobranzas.Platform.Persistencia;

/// <summary>
/// The Quartz job-store tables, created by a platform migration from the DDL that the Quartz
/// package itself embeds, so the schema always matches the store's version.
/// </summary>
public static class TablasQuartz
{
    public const string Esquema = "quartz";
    public const string Prefijo = "quartz.qrtz_";

    public static string Ddl()
    {
        using var recurso = typeof(Quartz.IJob).Assembly.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema.create_postgres.sql")
            ?? throw new InvalidOperationException("El paquete Quartz no trae el esquema de PostgreSQL.");
        var sql = new StreamReader(recurso).ReadToEnd();
        return $"CREATE SCHEMA IF NOT EXISTS {Esquema};\n" + sql.Replace("{0}", Prefijo).Replace("{1}", "qrtz_").Replace("--;;", "");
    }
}
