using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Clientes.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class BusquedaSinAcentos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            // unaccent is only STABLE (its dictionary could change), so an index cannot use it directly: this wrapper,
            // with the dictionary named by schema, is declared IMMUTABLE. The schema is the extension's, wherever it went.
            migrationBuilder.Sql("""
                DO $$
                DECLARE esquema text := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent');
                BEGIN
                    EXECUTE format($f$
                        CREATE OR REPLACE FUNCTION clientes.sin_acentos(texto text) RETURNS text
                        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                        RETURN lower(%1$I.unaccent(%2$L::regdictionary, texto))
                    $f$, esquema, esquema || '.unaccent');
                END $$;
                """);
            migrationBuilder.Sql("CREATE INDEX ix_clientes_razon_social_sin_acentos ON clientes.clientes USING gin (clientes.sin_acentos(razon_social) gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_clientes_nombre_fantasia_sin_acentos ON clientes.clientes USING gin (clientes.sin_acentos(nombre_fantasia) gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_clientes_rut_trgm ON clientes.clientes USING gin (rut gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX clientes.ix_clientes_rut_trgm; DROP INDEX clientes.ix_clientes_nombre_fantasia_sin_acentos; DROP INDEX clientes.ix_clientes_razon_social_sin_acentos; DROP FUNCTION clientes.sin_acentos(text);");
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");
        }
    }
}
