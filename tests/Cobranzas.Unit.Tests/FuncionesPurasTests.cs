using Cobranzas.Clientes.Clientes;
using Cobranzas.Clientes.Contactos;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;

namespace Cobranzas.Unit.Tests;

public sealed class FuncionesPurasTests
{
    [TestCase(null, null, 0, 25, 1, 25)]
    [TestCase(3, 10, 20, 10, 3, 10)]
    [TestCase(0, 1000, 0, 200, 1, 200)]
    [TestCase(-2, 0, 0, 1, 1, 1)]
    public void Paginacion_normaliza_pagina_y_tamano(int? pagina, int? tamano, int saltar, int tomar, int paginaFinal, int tamanoFinal)
    {
        Assert.That(Paginacion.Normalizar(pagina, tamano), Is.EqualTo((saltar, tomar, paginaFinal, tamanoFinal)));
    }

    [TestCase("Rut", "rut")]
    [TestCase("Cuerpo.RazonSocial", "razonSocial")]
    [TestCase("Cuerpo.Excepciones[0].Descripcion", "excepciones[0].descripcion")]
    [TestCase("Filtros.TamanoPagina", "tamanoPagina")]
    [TestCase("Filtros.Buscar", "buscar")]
    [TestCase("", "")]
    public void Problemas_nombran_el_campo_como_lo_envio_el_cliente(string propiedad, string campo)
    {
        Assert.That(ManejadorProblemas.Camel(propiedad), Is.EqualTo(campo));
    }

    [Test]
    public void Api_key_generada_se_divide_y_se_verifica_contra_su_hash()
    {
        var (clave, prefijo, hash) = ClavesApi.Generar();

        Assert.That(clave, Does.Match("^ck_[0-9a-f]{12}_[A-Za-z0-9_-]{32}$"));
        Assert.That(ClavesApi.TryDividir(clave, out var p, out var secreto), Is.True);
        Assert.That(p, Is.EqualTo(prefijo));
        Assert.That(ClavesApi.Coincide(secreto, hash), Is.True);
        Assert.That(ClavesApi.Coincide(secreto + "x", hash), Is.False);
        Assert.That(hash, Does.Not.Contain(secreto));
        Assert.That(ClavesApi.Generar().Clave, Is.Not.EqualTo(clave));
    }

    [TestCase("")]
    [TestCase("ck_123_secreto")]
    [TestCase("xx_0123456789ab_secreto")]
    [TestCase("ck_0123456789ab_")]
    [TestCase("Bearer abc")]
    public void Api_key_mal_formada_no_se_divide(string clave)
    {
        Assert.That(ClavesApi.TryDividir(clave, out _, out _), Is.False);
    }

    [TestCase("+56 9 1234 5678", true)]
    [TestCase("(2) 2345 6789", true)]
    [TestCase("+1 (415) 555-2671", true)]
    [TestCase(null, true)]
    [TestCase("1234567", false)]
    [TestCase("1234567890123456", false)]
    [TestCase("56+912345678", false)]
    [TestCase("+56 9 1234 567a", false)]
    public void Telefono_de_contacto(string? telefono, bool valido)
    {
        Assert.That(DatosContactoValidator.TelefonoValido(telefono), Is.EqualTo(valido));
    }

    [TestCase("Razón Social")]
    [TestCase("razon_social")]
    [TestCase("razonSocial")]
    [TestCase(" RAZÓN-SOCIAL ")]
    public void Encabezados_de_importacion_se_normalizan(string encabezado)
    {
        Assert.That(LectorTabla.Normalizar(encabezado), Is.EqualTo("razonsocial"));
    }

    [Test]
    public void Politica_efectiva_sin_condiciones_es_la_del_segmento()
    {
        var cliente = new Cliente { Rut = "12531909-2", RazonSocial = "X", Segmento = "Mayorista" };
        var politica = new PoliticaCredito { Segmento = "Mayorista", LimiteCredito = 500, MonedaLimite = "UF", PlazoDias = 60, Garantia = "Pagaré", DiasTolerancia = 15 };

        Assert.That(ProyeccionCliente.PoliticaEfectiva(cliente, politica),
            Is.EqualTo(new PoliticaEfectivaDto("Mayorista", 500, "UF", 60, "Pagaré", 15, "politica")));
    }

    [Test]
    public void Politica_efectiva_toma_de_las_condiciones_solo_lo_que_estas_fijan()
    {
        var cliente = new Cliente
        {
            Rut = "12531909-2", RazonSocial = "X", Segmento = "Mayorista",
            Condiciones = new CondicionesComerciales { LimiteCredito = 2_000_000, MonedaLimite = "CLP" },
        };
        var politica = new PoliticaCredito { Segmento = "Mayorista", LimiteCredito = 500, MonedaLimite = "UF", PlazoDias = 60, Garantia = "Pagaré", DiasTolerancia = 15 };

        Assert.That(ProyeccionCliente.PoliticaEfectiva(cliente, politica),
            Is.EqualTo(new PoliticaEfectivaDto("Mayorista", 2_000_000, "CLP", 60, "Pagaré", 15, "condiciones")));
    }

    [Test]
    public void Politica_efectiva_sin_politica_ni_condiciones_no_da_credito()
    {
        var cliente = new Cliente { Rut = "12531909-2", RazonSocial = "X", Segmento = "Nuevo" };

        Assert.That(ProyeccionCliente.PoliticaEfectiva(cliente, null), Is.EqualTo(new PoliticaEfectivaDto("Nuevo", null, "CLP", 0, "", 0, "politica")));
    }

    [TestCase("Administrador", new[] { "ver", "editar", "enviar_notificaciones", "supervisar", "administrar" })]
    [TestCase("Supervisor", new[] { "ver", "editar", "enviar_notificaciones", "supervisar" })]
    [TestCase("Cobrador", new[] { "ver", "editar", "enviar_notificaciones" })]
    [TestCase("Consulta", new[] { "ver" })]
    [TestCase("Desconocido", new string[0])]
    public void Permisos_de_cada_rol(string rol, string[] permisos)
    {
        Assert.That(Roles.PermisosDe(rol), Is.EquivalentTo(permisos));
    }
}
