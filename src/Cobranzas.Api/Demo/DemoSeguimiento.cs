using Bogus;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Notificaciones.Envios;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.Notificaciones.Plantillas;
using Cobranzas.Notificaciones.Seguimiento;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Api.Demo;

/// <summary>
/// A week of delivery history for the demo: over the last 7 business days, reminders rendered by <see cref="RenderizadorCorreo"/>
/// as the sender would have sent them, and what came back: opens (one probably automatic), a click, a failure with its SMTP answer,
/// a hard bounce, a reply (in the timeline with a task for the collector) and an out-of-office reply. Every mail sent is also a
/// timeline activity. Uses the company's first definition, or creates one when it has none.
/// </summary>
internal sealed class DemoSeguimiento(IServiceProvider servicios, Guid empresaId, string empresa, int semilla)
{
    private const string Actor = "demo";
    private readonly Faker faker = new("es") { Random = new Randomizer(semilla * 31 + 7) };

    public const string PlantillaDemo = """
        <p>Estimado(a) {{ contacto.nombre }}:</p>
        <p>Según nuestros registros, {{ cliente.nombre }} (RUT {{ cliente.rut }}) mantiene una deuda vencida de <strong>{{ deuda.vencida }}</strong>,
        con vencimiento más antiguo el {{ deuda.vencimiento_mas_antiguo }}.</p>
        {{ tabla_documentos }}
        <p>Si ya realizó el pago, por favor ignore este mensaje o respóndanos con el comprobante.</p>
        <p>Saluda atentamente,<br>{{ cobrador.nombre }} · {{ cobrador.telefono }}</p>
        """;

    private AsyncServiceScope Ambito()
    {
        var scope = servicios.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ContextoSolicitud>().Establecer(empresaId, Actor);
        return scope;
    }

    public async Task CargarAsync(CancellationToken ct)
    {
        await using var scope = Ambito();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<NotificacionesDbContext>();
        if (await db.Envios.AnyAsync(ct))
            return;
        var mediator = sp.GetRequiredService<IMediator>();
        var enlaces = sp.GetRequiredService<IEnlacesCorreo>();
        var definicion = await db.Definiciones.OrderBy(d => d.Creada).FirstOrDefaultAsync(d => d.Tipo == TiposDefinicion.DocumentosVencidos, ct);
        if (definicion is null)
        {
            definicion = new DefinicionNotificacion
            {
                Tipo = TiposDefinicion.DocumentosVencidos, Asunto = "{{ cliente.nombre }}: documentos vencidos al {{ fecha }}", Descripcion = "Recordatorio de documentos vencidos",
                Plantilla = PlantillaDemo, Firma = $"Departamento de Cobranzas\n{empresa}", Frecuencia = FrecuenciasDefinicion.Semanal, DiasSemana = [1, 3, 5],
                IncluirCuentas = true, DiasVencidoMinimo = 1, Creada = DateTimeOffset.UtcNow, Actualizada = DateTimeOffset.UtcNow,
            };
            db.Definiciones.Add(definicion);
            await db.SaveChangesAsync(ct);
        }

        var hoy = FechaNegocio.Hoy(TimeProvider.System);
        var cartera = sp.GetRequiredService<CarteraDbContext>();
        var docs = (await cartera.Documentos.AsNoTracking().Where(d => d.Saldo > 0 && d.FechaVencimiento < hoy)
                .Select(d => new { d.Id, d.ClienteId, d.Tipo, d.Folio, d.FechaVencimiento, d.Moneda, d.Saldo }).ToListAsync(ct))
            .GroupBy(d => d.ClienteId).ToDictionary(g => g.Key, g => g.OrderBy(d => d.FechaVencimiento).ToList());
        var clientesDb = sp.GetRequiredService<ClientesDbContext>();
        var contactos = (await clientesDb.Contactos.AsNoTracking().Where(c => c.Email != null && !c.OptOutEmail).ToListAsync(ct)).GroupBy(c => c.ClienteId)
            .ToDictionary(g => g.Key, g => g.First());
        var clientes = await clientesDb.Clientes.AsNoTracking().Where(c => docs.Keys.Contains(c.Id) && contactos.Keys.Contains(c.Id)).OrderBy(c => c.Rut).Take(14).ToListAsync(ct);
        var situacion = (await mediator.Send(new ObtenerSituacionGestion(clientes.Select(c => c.Id).ToList(), hoy), ct)).ToDictionary(s => s.ClienteId);
        var cuentas = await db.CuentasDeposito.Where(c => c.Activa).OrderByDescending(c => c.PorDefecto).ToListAsync(ct);

        var dias = new List<DateOnly>();
        for (var d = hoy.AddDays(-1); dias.Count < 7; d = d.AddDays(-1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                dias.Add(d);
        }

        var i = 0;
        foreach (var cliente in clientes)
        {
            var fecha = dias[i % dias.Count];
            var contacto = contactos[cliente.Id];
            var documentos = docs[cliente.Id].Take(6).Select(d => new DocumentoCorreo(d.Id, d.Tipo == "33" ? "Factura" : $"Documento {d.Tipo}", d.Folio, 1, d.FechaVencimiento,
                fecha.DayNumber - d.FechaVencimiento.DayNumber, d.Moneda, d.Saldo)).ToList();
            var s = situacion.GetValueOrDefault(cliente.Id);
            var datos = new DatosCorreo(new ClienteCorreo(cliente.Id, cliente.Rut, cliente.RazonSocial, contacto.Nombre), docs[cliente.Id].Where(d => d.Moneda == "CLP").Sum(d => d.Saldo),
                documentos.Where(d => d.Moneda == "CLP").Sum(d => d.Saldo), documentos.Min(d => d.FechaVencimiento), documentos, cuentas, s?.CobradorNombre, s?.CobradorTelefono, null,
                empresa, fecha);
            var id = Guid.CreateVersion7();
            var correo = await RenderizadorCorreo.RenderizarAsync(definicion, datos, null, enlaces.Baja(empresaId, id), ct);
            var enviado = DemoMomento(fecha, 9, 0).AddSeconds(i * 7);
            var envio = new Envio
            {
                Id = id, DefinicionId = definicion.Id, ClienteId = cliente.Id, Clave = $"{definicion.Id:N}:{cliente.Id:N}:{fecha:yyyy-MM-dd}", Origen = OrigenesEnvio.Programado,
                FechaNegocio = fecha, Para = [$"{contacto.Nombre} <{contacto.Email}>"], ContactoIds = [contacto.Id], DocumentoIds = documentos.Select(d => d.Id).ToList(),
                Asunto = correo.Asunto, Html = correo.Html.Replace("</body>", $"""<img src="{enlaces.Apertura(empresaId, id)}" width="1" height="1" alt=""></body>""", StringComparison.Ordinal),
                Texto = correo.Texto, MessageId = $"{id:N}@cobranzas.demo", Estado = EstadosEnvio.Enviado, Intentos = 1, Creado = enviado.AddMinutes(-1), ProximoIntento = enviado,
                Enviado = enviado,
            };
            db.Envios.Add(envio);
            var caso = i % 7;
            switch (caso)
            {
                case 0 or 3:
                    envio.Abierto = enviado.AddHours(2 + i);
                    db.Eventos.Add(Evento(id, TiposEvento.Apertura, envio.Abierto.Value, "Agente: Mozilla/5.0 (Windows NT 10.0; Win64; x64)"));
                    break;
                case 1:
                    envio.Abierto = enviado.AddSeconds(3);
                    envio.AperturaProbableAutomatica = true;
                    db.Eventos.Add(Evento(id, TiposEvento.Apertura, envio.Abierto.Value, "Probable apertura automática. Agente: Mozilla/5.0 (via ggpht.com GoogleImageProxy)"));
                    break;
                case 2:
                    envio.Abierto = enviado.AddHours(1);
                    envio.Clic = enviado.AddHours(1).AddMinutes(2);
                    db.Eventos.Add(Evento(id, TiposEvento.Apertura, envio.Abierto.Value, "Agente: Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)"));
                    db.Eventos.Add(Evento(id, TiposEvento.Clic, envio.Clic.Value, "https://www.bancoestado.cl/"));
                    break;
                case 4:
                    envio.Estado = EstadosEnvio.Fallido;
                    envio.Enviado = null;
                    envio.Intentos = 1;
                    envio.Detalle = $"550 5.1.1 <{contacto.Email}>: Recipient address rejected: User unknown in virtual mailbox table";
                    break;
                case 5:
                    envio.Estado = EstadosEnvio.Rebotado;
                    envio.Rebotado = enviado.AddMinutes(4);
                    envio.Detalle = $"Rebote: {contacto.Email} 5.2.1";
                    db.Eventos.Add(Evento(id, TiposEvento.Rebote, envio.Rebotado.Value, $"{contacto.Email} 5.2.1 (buzón deshabilitado)"));
                    break;
                case 6:
                    var automatica = i >= 7;
                    var llegada = enviado.AddHours(automatica ? 0 : 3).AddMinutes(automatica ? 1 : 12);
                    var respuesta = new RespuestaCorreo
                    {
                        EnvioId = id, ClienteId = cliente.Id, Tipo = automatica ? TiposEvento.RespuestaAutomatica : TiposEvento.Respuesta, De = contacto.Email!,
                        Asunto = automatica ? $"Respuesta automática: {correo.Asunto}" : $"RE: {correo.Asunto}",
                        Texto = automatica
                            ? "Estaré fuera de la oficina hasta el lunes, sin acceso al correo. Para temas urgentes escriba a tesoreria@" + contacto.Email!.Split('@')[1]
                            : $"Estimados: la factura N° {documentos[0].Folio} se pagará el viernes por transferencia; les envío el comprobante apenas se curse.\n\nSaludos,\n{contacto.Nombre}",
                        MessageId = $"{Guid.NewGuid():N}@{contacto.Email!.Split('@')[1]}", Fecha = llegada, Recibida = llegada, Motivo = automatica ? "Auto-Submitted: auto-replied" : null,
                    };
                    db.Add(respuesta);
                    db.Eventos.Add(Evento(id, respuesta.Tipo, llegada, $"{respuesta.De}: {respuesta.Asunto}"));
                    if (!automatica)
                    {
                        envio.Abierto = enviado.AddHours(2);
                        envio.Respondido = llegada;
                        db.Eventos.Add(Evento(id, TiposEvento.Apertura, envio.Abierto.Value, "Agente: Microsoft Outlook 16.0"));
                        var resumen = $"Respuesta de {respuesta.De}: {respuesta.Asunto}. {respuesta.Texto.ReplaceLineEndings(" ")}";
                        await mediator.Send(new RegistrarActividadCorreo(cliente.Id, TiposActividadCorreo.Respuesta, resumen.Length > 280 ? resumen[..280] : resumen,
                            llegada, respuesta.Id, CrearTareaCobrador: true), ct);
                    }

                    break;
            }

            if (envio.Enviado is { } momento)
            {
                await mediator.Send(new RegistrarActividadCorreo(cliente.Id, TiposActividadCorreo.Enviado, $"Correo enviado: {envio.Asunto} (a {contacto.Email})", momento, id), ct);
            }

            i++;
        }

        await db.SaveChangesAsync(ct);
    }

    private static EventoEnvio Evento(Guid envioId, string tipo, DateTimeOffset fecha, string detalle) => new() { EnvioId = envioId, Tipo = tipo, Fecha = fecha, Detalle = detalle };

    private static DateTimeOffset DemoMomento(DateOnly fecha, int hora, int minuto)
    {
        var local = fecha.ToDateTime(new TimeOnly(hora, minuto));
        return new DateTimeOffset(local, FechaNegocio.Santiago.GetUtcOffset(local)).ToUniversalTime();
    }
}
