using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cobranzas.Clientes.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class IndiceOrdenRazonSocial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_clientes_empresa_id_razon_social_id",
                schema: "clientes",
                table: "clientes",
                columns: new[] { "empresa_id", "razon_social", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_clientes_empresa_id_razon_social_id",
                schema: "clientes",
                table: "clientes");
        }
    }
}
