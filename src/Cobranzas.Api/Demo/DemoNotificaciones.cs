using Cobranzas.Notificaciones.CuentasDeposito;
using Cobranzas.Notificaciones.Definiciones;
using Cobranzas.Platform.Autenticacion;
using Mediator;

namespace Cobranzas.Api.Demo;

/// <summary>
/// The Notificaciones configuration of the demo: two deposit accounts (the first one the default) and two definitions, a weekly
/// mail of overdue documents with the bank block, the documents table and the contact's portal link, and a daily preventive reminder five days before due.
/// Everything goes through the same requests as the API. (The delivery history is loaded by the tracking part of the demo.)
/// </summary>
internal sealed class DemoNotificaciones(IServiceProvider servicios, Guid empresaId, string rutEmpresa, string razonSocial, string dominio)
{
    public const string PlantillaVencidos = """
        <p>Estimado(a) {{ contacto.nombre }}:</p>
        <p>Le informamos que {{ cliente.nombre }} (RUT {{ cliente.rut }}) registra una deuda vencida de <strong>{{ deuda.vencida }}</strong>,
        con el documento más antiguo vencido el {{ deuda.vencimiento_mas_antiguo }} ({{ deuda.dias_vencido }} días de atraso).</p>
        {{ tabla_documentos }}
        <p>Le agradeceremos regularizar a la brevedad. Puede depositar o transferir a:</p>
        {{ cuentas_deposito }}
        {{ if enlace_portal }}<p>Puede revisar su estado de cuenta, pagar en línea, solicitar un convenio o reclamar un documento en
        <a href="{{ enlace_portal }}">su portal de clientes</a> (enlace personal, de un solo uso).</p>{{ end }}
        <p>Si ya pagó, por favor omita este mensaje. Ante cualquier consulta, su ejecutivo es {{ cobrador.nombre }} ({{ cobrador.telefono }}).</p>
        """;

    public const string PlantillaPreventivo = """
        <p>Estimado(a) {{ contacto.nombre }}:</p>
        <p>Le recordamos que los siguientes documentos de {{ cliente.nombre }} vencen próximamente:</p>
        <ul>{{ for d in documentos }}<li>{{ d.tipo }} N° {{ d.folio }}: {{ d.saldo }}, vence el {{ d.vencimiento }}</li>{{ end }}</ul>
        <p>Su deuda total a hoy es {{ deuda.total }}.</p>
        """;

    public async Task CargarAsync(CancellationToken ct)
    {
        await using var scope = servicios.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ContextoSolicitud>().Establecer(empresaId, "demo");
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var principal = await mediator.Send(new CrearCuentaDeposito(new DatosCuentaDeposito(
            "Banco de Chile", "corriente", "00-800-12345-06", razonSocial, rutEmpresa, $"pagos@{dominio}")), ct);
        await mediator.Send(new CrearCuentaDeposito(new DatosCuentaDeposito(
            "Banco Santander", "corriente", "0-000-7512345-9", razonSocial, rutEmpresa, $"pagos@{dominio}")), ct);

        var firma = $"Departamento de Cobranzas\n{razonSocial}";
        await mediator.Send(new CrearDefinicion(new DatosDefinicion(
            "documentos_vencidos", "Documentos vencidos de {{ cliente.nombre }}", "Aviso semanal de documentos vencidos con los datos para pagar", true, [],
            "semanal", [1, 4], null, new TimeOnly(9, 0), null, 1, "cliente", new FiltroDestinatarios(RolesContacto: ["cobranza", "pagos"]),
            PlantillaVencidos, firma, $"cobranzas@{dominio}")), ct);
        await mediator.Send(new CrearDefinicion(new DatosDefinicion(
            "recordatorio_preventivo", "Recordatorio: documentos por vencer de {{ cliente.nombre }}", "Recordatorio diario 5 días antes del vencimiento", true,
            [principal.Id], "diaria", [], null, new TimeOnly(8, 0), 5, null, "cliente", new FiltroDestinatarios(RolesContacto: ["pagos"]),
            PlantillaPreventivo, firma, null)), ct);
    }
}
