using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Cobranzas.Gestion.Persistencia.Migraciones
{
    /// <inheritdoc />
    public partial class FeriadosCalculados2028a2035 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                schema: "gestion",
                table: "feriados",
                columns: new[] { "fecha", "nombre", "fecha_original", "irrenunciable", "region", "version" },
                values: new object[,]
                {
                    { new DateOnly(2028, 1, 1), "Año Nuevo", null, true, null, "2026.2" },
                    { new DateOnly(2028, 4, 14), "Viernes Santo", null, false, null, "2026.2" },
                    { new DateOnly(2028, 4, 15), "Sábado Santo", null, false, null, "2026.2" },
                    { new DateOnly(2028, 5, 1), "Día Nacional del Trabajo", null, true, null, "2026.2" },
                    { new DateOnly(2028, 5, 21), "Día de las Glorias Navales", null, false, null, "2026.2" },
                    { new DateOnly(2028, 6, 7), "Asalto y Toma del Morro de Arica", null, false, "Arica y Parinacota", "2026.2" },
                    { new DateOnly(2028, 6, 20), "Día Nacional de los Pueblos Indígenas", null, false, null, "2026.2" },
                    { new DateOnly(2028, 6, 26), "San Pedro y San Pablo", new DateOnly(2028, 6, 29), false, null, "2026.2" },
                    { new DateOnly(2028, 7, 16), "Día de la Virgen del Carmen", null, false, null, "2026.2" },
                    { new DateOnly(2028, 8, 15), "Asunción de la Virgen", null, false, null, "2026.2" },
                    { new DateOnly(2028, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)", null, false, "Ñuble", "2026.2" },
                    { new DateOnly(2028, 9, 18), "Independencia Nacional", null, true, null, "2026.2" },
                    { new DateOnly(2028, 9, 19), "Día de las Glorias del Ejército", null, true, null, "2026.2" },
                    { new DateOnly(2028, 10, 9), "Encuentro de Dos Mundos", new DateOnly(2028, 10, 12), false, null, "2026.2" },
                    { new DateOnly(2028, 10, 27), "Día de las Iglesias Evangélicas y Protestantes", new DateOnly(2028, 10, 31), false, null, "2026.2" },
                    { new DateOnly(2028, 11, 1), "Día de Todos los Santos", null, false, null, "2026.2" },
                    { new DateOnly(2028, 12, 8), "Inmaculada Concepción", null, false, null, "2026.2" },
                    { new DateOnly(2028, 12, 25), "Navidad", null, true, null, "2026.2" },
                    { new DateOnly(2029, 1, 1), "Año Nuevo", null, true, null, "2026.2" },
                    { new DateOnly(2029, 3, 30), "Viernes Santo", null, false, null, "2026.2" },
                    { new DateOnly(2029, 3, 31), "Sábado Santo", null, false, null, "2026.2" },
                    { new DateOnly(2029, 5, 1), "Día Nacional del Trabajo", null, true, null, "2026.2" },
                    { new DateOnly(2029, 5, 21), "Día de las Glorias Navales", null, false, null, "2026.2" },
                    { new DateOnly(2029, 6, 7), "Asalto y Toma del Morro de Arica", null, false, "Arica y Parinacota", "2026.2" },
                    { new DateOnly(2029, 6, 20), "Día Nacional de los Pueblos Indígenas", null, false, null, "2026.2" },
                    { new DateOnly(2029, 7, 2), "San Pedro y San Pablo", new DateOnly(2029, 6, 29), false, null, "2026.2" },
                    { new DateOnly(2029, 7, 16), "Día de la Virgen del Carmen", null, false, null, "2026.2" },
                    { new DateOnly(2029, 8, 15), "Asunción de la Virgen", null, false, null, "2026.2" },
                    { new DateOnly(2029, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)", null, false, "Ñuble", "2026.2" },
                    { new DateOnly(2029, 9, 18), "Independencia Nacional", null, true, null, "2026.2" },
                    { new DateOnly(2029, 9, 19), "Día de las Glorias del Ejército", null, true, null, "2026.2" },
                    { new DateOnly(2029, 10, 15), "Encuentro de Dos Mundos", new DateOnly(2029, 10, 12), false, null, "2026.2" },
                    { new DateOnly(2029, 11, 1), "Día de Todos los Santos", null, false, null, "2026.2" },
                    { new DateOnly(2029, 11, 2), "Día de las Iglesias Evangélicas y Protestantes", new DateOnly(2029, 10, 31), false, null, "2026.2" },
                    { new DateOnly(2029, 12, 8), "Inmaculada Concepción", null, false, null, "2026.2" },
                    { new DateOnly(2029, 12, 25), "Navidad", null, true, null, "2026.2" },
                    { new DateOnly(2030, 1, 1), "Año Nuevo", null, true, null, "2026.2" },
                    { new DateOnly(2030, 4, 19), "Viernes Santo", null, false, null, "2026.2" },
                    { new DateOnly(2030, 4, 20), "Sábado Santo", null, false, null, "2026.2" },
                    { new DateOnly(2030, 5, 1), "Día Nacional del Trabajo", null, true, null, "2026.2" },
                    { new DateOnly(2030, 5, 21), "Día de las Glorias Navales", null, false, null, "2026.2" },
                    { new DateOnly(2030, 6, 7), "Asalto y Toma del Morro de Arica", null, false, "Arica y Parinacota", "2026.2" },
                    { new DateOnly(2030, 6, 21), "Día Nacional de los Pueblos Indígenas", null, false, null, "2026.2" },
                    { new DateOnly(2030, 6, 29), "San Pedro y San Pablo", null, false, null, "2026.2" },
                    { new DateOnly(2030, 7, 16), "Día de la Virgen del Carmen", null, false, null, "2026.2" },
                    { new DateOnly(2030, 8, 15), "Asunción de la Virgen", null, false, null, "2026.2" },
                    { new DateOnly(2030, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)", null, false, "Ñuble", "2026.2" },
                    { new DateOnly(2030, 9, 18), "Independencia Nacional", null, true, null, "2026.2" },
                    { new DateOnly(2030, 9, 19), "Día de las Glorias del Ejército", null, true, null, "2026.2" },
                    { new DateOnly(2030, 10, 12), "Encuentro de Dos Mundos", null, false, null, "2026.2" },
                    { new DateOnly(2030, 10, 31), "Día de las Iglesias Evangélicas y Protestantes", null, false, null, "2026.2" },
                    { new DateOnly(2030, 11, 1), "Día de Todos los Santos", null, false, null, "2026.2" },
                    { new DateOnly(2030, 12, 8), "Inmaculada Concepción", null, false, null, "2026.2" },
                    { new DateOnly(2030, 12, 25), "Navidad", null, true, null, "2026.2" },
                    { new DateOnly(2031, 1, 1), "Año Nuevo", null, true, null, "2026.2" },
                    { new DateOnly(2031, 4, 11), "Viernes Santo", null, false, null, "2026.2" },
                    { new DateOnly(2031, 4, 12), "Sábado Santo", null, false, null, "2026.2" },
                    { new DateOnly(2031, 5, 1), "Día Nacional del Trabajo", null, true, null, "2026.2" },
                    { new DateOnly(2031, 5, 21), "Día de las Glorias Navales", null, false, null, "2026.2" },
                    { new DateOnly(2031, 6, 7), "Asalto y Toma del Morro de Arica", null, false, "Arica y Parinacota", "2026.2" },
                    { new DateOnly(2031, 6, 21), "Día Nacional de los Pueblos Indígenas", null, false, null, "2026.2" },
                    { new DateOnly(2031, 6, 29), "San Pedro y San Pablo", null, false, null, "2026.2" },
                    { new DateOnly(2031, 7, 16), "Día de la Virgen del Carmen", null, false, null, "2026.2" },
                    { new DateOnly(2031, 8, 15), "Asunción de la Virgen", null, false, null, "2026.2" },
                    { new DateOnly(2031, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)", null, false, "Ñuble", "2026.2" },
                    { new DateOnly(2031, 9, 18), "Independencia Nacional", null, true, null, "2026.2" },
                    { new DateOnly(2031, 9, 19), "Día de las Glorias del Ejército", null, true, null, "2026.2" },
                    { new DateOnly(2031, 10, 12), "Encuentro de Dos Mundos", null, false, null, "2026.2" },
                    { new DateOnly(2031, 10, 31), "Día de las Iglesias Evangélicas y Protestantes", null, false, null, "2026.2" },
                    { new DateOnly(2031, 11, 1), "Día de Todos los Santos", null, false, null, "2026.2" },
                    { new DateOnly(2031, 12, 8), "Inmaculada Concepción", null, false, null, "2026.2" },
                    { new DateOnly(2031, 12, 25), "Navidad", null, true, null, "2026.2" },
                    { new DateOnly(2032, 1, 1), "Año Nuevo", null, true, null, "2026.2" },
                    { new DateOnly(2032, 3, 26), "Viernes Santo", null, false, null, "2026.2" },
                    { new DateOnly(2032, 3, 27), "Sábado Santo", null, false, null, "2026.2" },
                    { new DateOnly(2032, 5, 1), "Día Nacional del Trabajo", null, true, null, "2026.2" },
                    { new DateOnly(2032, 5, 21), "Día de las Glorias Navales", null, false, null, "2026.2" },
                    { new DateOnly(2032, 6, 7), "Asalto y Toma del Morro de Arica", null, false, "Arica y Parinacota", "2026.2" },
                    { new DateOnly(2032, 6, 20), "Día Nacional de los Pueblos Indígenas", null, false, null, "2026.2" },
                    { new DateOnly(2032, 6, 28), "San Pedro y San Pablo", new DateOnly(2032, 6, 29), false, null, "2026.2" },
                    { new DateOnly(2032, 7, 16), "Día de la Virgen del Carmen", null, false, null, "2026.2" },
                    { new DateOnly(2032, 8, 15), "Asunción de la Virgen", null, false, null, "2026.2" },
                    { new DateOnly(2032, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)", null, false, "Ñuble", "2026.2" },
                    { new DateOnly(2032, 9, 18), "Independencia Nacional", null, true, null, "2026.2" },
                    { new DateOnly(2032, 9, 19), "Día de las Glorias del Ejército", null, true, null, "2026.2" },
                    { new DateOnly(2032, 10, 11), "Encuentro de Dos Mundos", new DateOnly(2032, 10, 12), false, null, "2026.2" },
                    { new DateOnly(2032, 10, 31), "Día de las Iglesias Evangélicas y Protestantes", null, false, null, "2026.2" },
                    { new DateOnly(2032, 11, 1), "Día de Todos los Santos", null, false, null, "2026.2" },
                    { new DateOnly(2032, 12, 8), "Inmaculada Concepción", null, false, null, "2026.2" },
                    { new DateOnly(2032, 12, 25), "Navidad", null, true, null, "2026.2" },
                    { new DateOnly(2033, 1, 1), "Año Nuevo", null, true, null, "2026.2" },
                    { new DateOnly(2033, 4, 15), "Viernes Santo", null, false, null, "2026.2" },
                    { new DateOnly(2033, 4, 16), "Sábado Santo", null, false, null, "2026.2" },
                    { new DateOnly(2033, 5, 1), "Día Nacional del Trabajo", null, true, null, "2026.2" },
                    { new DateOnly(2033, 5, 21), "Día de las Glorias Navales", null, false, null, "2026.2" },
                    { new DateOnly(2033, 6, 7), "Asalto y Toma del Morro de Arica", null, false, "Arica y Parinacota", "2026.2" },
                    { new DateOnly(2033, 6, 20), "Día Nacional de los Pueblos Indígenas", null, false, null, "2026.2" },
                    { new DateOnly(2033, 6, 27), "San Pedro y San Pablo", new DateOnly(2033, 6, 29), false, null, "2026.2" },
                    { new DateOnly(2033, 7, 16), "Día de la Virgen del Carmen", null, false, null, "2026.2" },
                    { new DateOnly(2033, 8, 15), "Asunción de la Virgen", null, false, null, "2026.2" },
                    { new DateOnly(2033, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)", null, false, "Ñuble", "2026.2" },
                    { new DateOnly(2033, 9, 18), "Independencia Nacional", null, true, null, "2026.2" },
                    { new DateOnly(2033, 9, 19), "Día de las Glorias del Ejército", null, true, null, "2026.2" },
                    { new DateOnly(2033, 10, 10), "Encuentro de Dos Mundos", new DateOnly(2033, 10, 12), false, null, "2026.2" },
                    { new DateOnly(2033, 10, 31), "Día de las Iglesias Evangélicas y Protestantes", null, false, null, "2026.2" },
                    { new DateOnly(2033, 11, 1), "Día de Todos los Santos", null, false, null, "2026.2" },
                    { new DateOnly(2033, 12, 8), "Inmaculada Concepción", null, false, null, "2026.2" },
                    { new DateOnly(2033, 12, 25), "Navidad", null, true, null, "2026.2" },
                    { new DateOnly(2034, 1, 1), "Año Nuevo", null, true, null, "2026.2" },
                    { new DateOnly(2034, 4, 7), "Viernes Santo", null, false, null, "2026.2" },
                    { new DateOnly(2034, 4, 8), "Sábado Santo", null, false, null, "2026.2" },
                    { new DateOnly(2034, 5, 1), "Día Nacional del Trabajo", null, true, null, "2026.2" },
                    { new DateOnly(2034, 5, 21), "Día de las Glorias Navales", null, false, null, "2026.2" },
                    { new DateOnly(2034, 6, 7), "Asalto y Toma del Morro de Arica", null, false, "Arica y Parinacota", "2026.2" },
                    { new DateOnly(2034, 6, 21), "Día Nacional de los Pueblos Indígenas", null, false, null, "2026.2" },
                    { new DateOnly(2034, 6, 26), "San Pedro y San Pablo", new DateOnly(2034, 6, 29), false, null, "2026.2" },
                    { new DateOnly(2034, 7, 16), "Día de la Virgen del Carmen", null, false, null, "2026.2" },
                    { new DateOnly(2034, 8, 15), "Asunción de la Virgen", null, false, null, "2026.2" },
                    { new DateOnly(2034, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)", null, false, "Ñuble", "2026.2" },
                    { new DateOnly(2034, 9, 18), "Independencia Nacional", null, true, null, "2026.2" },
                    { new DateOnly(2034, 9, 19), "Día de las Glorias del Ejército", null, true, null, "2026.2" },
                    { new DateOnly(2034, 10, 9), "Encuentro de Dos Mundos", new DateOnly(2034, 10, 12), false, null, "2026.2" },
                    { new DateOnly(2034, 10, 27), "Día de las Iglesias Evangélicas y Protestantes", new DateOnly(2034, 10, 31), false, null, "2026.2" },
                    { new DateOnly(2034, 11, 1), "Día de Todos los Santos", null, false, null, "2026.2" },
                    { new DateOnly(2034, 12, 8), "Inmaculada Concepción", null, false, null, "2026.2" },
                    { new DateOnly(2034, 12, 25), "Navidad", null, true, null, "2026.2" },
                    { new DateOnly(2035, 1, 1), "Año Nuevo", null, true, null, "2026.2" },
                    { new DateOnly(2035, 3, 23), "Viernes Santo", null, false, null, "2026.2" },
                    { new DateOnly(2035, 3, 24), "Sábado Santo", null, false, null, "2026.2" },
                    { new DateOnly(2035, 5, 1), "Día Nacional del Trabajo", null, true, null, "2026.2" },
                    { new DateOnly(2035, 5, 21), "Día de las Glorias Navales", null, false, null, "2026.2" },
                    { new DateOnly(2035, 6, 7), "Asalto y Toma del Morro de Arica", null, false, "Arica y Parinacota", "2026.2" },
                    { new DateOnly(2035, 6, 21), "Día Nacional de los Pueblos Indígenas", null, false, null, "2026.2" },
                    { new DateOnly(2035, 7, 2), "San Pedro y San Pablo", new DateOnly(2035, 6, 29), false, null, "2026.2" },
                    { new DateOnly(2035, 7, 16), "Día de la Virgen del Carmen", null, false, null, "2026.2" },
                    { new DateOnly(2035, 8, 15), "Asunción de la Virgen", null, false, null, "2026.2" },
                    { new DateOnly(2035, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)", null, false, "Ñuble", "2026.2" },
                    { new DateOnly(2035, 9, 18), "Independencia Nacional", null, true, null, "2026.2" },
                    { new DateOnly(2035, 9, 19), "Día de las Glorias del Ejército", null, true, null, "2026.2" },
                    { new DateOnly(2035, 10, 15), "Encuentro de Dos Mundos", new DateOnly(2035, 10, 12), false, null, "2026.2" },
                    { new DateOnly(2035, 11, 1), "Día de Todos los Santos", null, false, null, "2026.2" },
                    { new DateOnly(2035, 11, 2), "Día de las Iglesias Evangélicas y Protestantes", new DateOnly(2035, 10, 31), false, null, "2026.2" },
                    { new DateOnly(2035, 12, 8), "Inmaculada Concepción", null, false, null, "2026.2" },
                    { new DateOnly(2035, 12, 25), "Navidad", null, true, null, "2026.2" }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 1, 1), "Año Nuevo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 4, 14), "Viernes Santo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 4, 15), "Sábado Santo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 5, 1), "Día Nacional del Trabajo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 5, 21), "Día de las Glorias Navales" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 6, 7), "Asalto y Toma del Morro de Arica" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 6, 20), "Día Nacional de los Pueblos Indígenas" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 6, 26), "San Pedro y San Pablo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 7, 16), "Día de la Virgen del Carmen" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 8, 15), "Asunción de la Virgen" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 9, 18), "Independencia Nacional" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 9, 19), "Día de las Glorias del Ejército" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 10, 9), "Encuentro de Dos Mundos" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 10, 27), "Día de las Iglesias Evangélicas y Protestantes" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 11, 1), "Día de Todos los Santos" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 12, 8), "Inmaculada Concepción" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2028, 12, 25), "Navidad" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 1, 1), "Año Nuevo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 3, 30), "Viernes Santo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 3, 31), "Sábado Santo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 5, 1), "Día Nacional del Trabajo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 5, 21), "Día de las Glorias Navales" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 6, 7), "Asalto y Toma del Morro de Arica" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 6, 20), "Día Nacional de los Pueblos Indígenas" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 7, 2), "San Pedro y San Pablo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 7, 16), "Día de la Virgen del Carmen" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 8, 15), "Asunción de la Virgen" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 9, 18), "Independencia Nacional" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 9, 19), "Día de las Glorias del Ejército" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 10, 15), "Encuentro de Dos Mundos" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 11, 1), "Día de Todos los Santos" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 11, 2), "Día de las Iglesias Evangélicas y Protestantes" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 12, 8), "Inmaculada Concepción" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2029, 12, 25), "Navidad" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 1, 1), "Año Nuevo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 4, 19), "Viernes Santo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 4, 20), "Sábado Santo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 5, 1), "Día Nacional del Trabajo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 5, 21), "Día de las Glorias Navales" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 6, 7), "Asalto y Toma del Morro de Arica" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 6, 21), "Día Nacional de los Pueblos Indígenas" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 6, 29), "San Pedro y San Pablo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 7, 16), "Día de la Virgen del Carmen" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 8, 15), "Asunción de la Virgen" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 9, 18), "Independencia Nacional" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 9, 19), "Día de las Glorias del Ejército" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 10, 12), "Encuentro de Dos Mundos" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 10, 31), "Día de las Iglesias Evangélicas y Protestantes" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 11, 1), "Día de Todos los Santos" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 12, 8), "Inmaculada Concepción" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2030, 12, 25), "Navidad" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 1, 1), "Año Nuevo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 4, 11), "Viernes Santo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 4, 12), "Sábado Santo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 5, 1), "Día Nacional del Trabajo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 5, 21), "Día de las Glorias Navales" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 6, 7), "Asalto y Toma del Morro de Arica" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 6, 21), "Día Nacional de los Pueblos Indígenas" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 6, 29), "San Pedro y San Pablo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 7, 16), "Día de la Virgen del Carmen" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 8, 15), "Asunción de la Virgen" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 9, 18), "Independencia Nacional" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 9, 19), "Día de las Glorias del Ejército" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 10, 12), "Encuentro de Dos Mundos" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 10, 31), "Día de las Iglesias Evangélicas y Protestantes" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 11, 1), "Día de Todos los Santos" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 12, 8), "Inmaculada Concepción" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2031, 12, 25), "Navidad" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 1, 1), "Año Nuevo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 3, 26), "Viernes Santo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 3, 27), "Sábado Santo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 5, 1), "Día Nacional del Trabajo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 5, 21), "Día de las Glorias Navales" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 6, 7), "Asalto y Toma del Morro de Arica" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 6, 20), "Día Nacional de los Pueblos Indígenas" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 6, 28), "San Pedro y San Pablo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 7, 16), "Día de la Virgen del Carmen" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 8, 15), "Asunción de la Virgen" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 9, 18), "Independencia Nacional" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 9, 19), "Día de las Glorias del Ejército" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 10, 11), "Encuentro de Dos Mundos" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 10, 31), "Día de las Iglesias Evangélicas y Protestantes" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 11, 1), "Día de Todos los Santos" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 12, 8), "Inmaculada Concepción" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2032, 12, 25), "Navidad" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 1, 1), "Año Nuevo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 4, 15), "Viernes Santo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 4, 16), "Sábado Santo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 5, 1), "Día Nacional del Trabajo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 5, 21), "Día de las Glorias Navales" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 6, 7), "Asalto y Toma del Morro de Arica" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 6, 20), "Día Nacional de los Pueblos Indígenas" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 6, 27), "San Pedro y San Pablo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 7, 16), "Día de la Virgen del Carmen" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 8, 15), "Asunción de la Virgen" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 9, 18), "Independencia Nacional" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 9, 19), "Día de las Glorias del Ejército" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 10, 10), "Encuentro de Dos Mundos" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 10, 31), "Día de las Iglesias Evangélicas y Protestantes" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 11, 1), "Día de Todos los Santos" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 12, 8), "Inmaculada Concepción" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2033, 12, 25), "Navidad" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 1, 1), "Año Nuevo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 4, 7), "Viernes Santo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 4, 8), "Sábado Santo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 5, 1), "Día Nacional del Trabajo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 5, 21), "Día de las Glorias Navales" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 6, 7), "Asalto y Toma del Morro de Arica" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 6, 21), "Día Nacional de los Pueblos Indígenas" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 6, 26), "San Pedro y San Pablo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 7, 16), "Día de la Virgen del Carmen" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 8, 15), "Asunción de la Virgen" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 9, 18), "Independencia Nacional" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 9, 19), "Día de las Glorias del Ejército" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 10, 9), "Encuentro de Dos Mundos" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 10, 27), "Día de las Iglesias Evangélicas y Protestantes" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 11, 1), "Día de Todos los Santos" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 12, 8), "Inmaculada Concepción" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2034, 12, 25), "Navidad" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 1, 1), "Año Nuevo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 3, 23), "Viernes Santo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 3, 24), "Sábado Santo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 5, 1), "Día Nacional del Trabajo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 5, 21), "Día de las Glorias Navales" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 6, 7), "Asalto y Toma del Morro de Arica" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 6, 21), "Día Nacional de los Pueblos Indígenas" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 7, 2), "San Pedro y San Pablo" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 7, 16), "Día de la Virgen del Carmen" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 8, 15), "Asunción de la Virgen" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 8, 20), "Nacimiento del Prócer de la Independencia (Chillán y Chillán Viejo)" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 9, 18), "Independencia Nacional" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 9, 19), "Día de las Glorias del Ejército" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 10, 15), "Encuentro de Dos Mundos" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 11, 1), "Día de Todos los Santos" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 11, 2), "Día de las Iglesias Evangélicas y Protestantes" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 12, 8), "Inmaculada Concepción" });

            migrationBuilder.DeleteData(
                schema: "gestion",
                table: "feriados",
                keyColumns: new[] { "fecha", "nombre" },
                keyValues: new object[] { new DateOnly(2035, 12, 25), "Navidad" });
        }
    }
}
