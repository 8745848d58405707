using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Actividades;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Pdf;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Politica;

/// <summary>What a step applies to: the client, its debt today, its collector, and the row that records the step.</summary>
public sealed record ContextoAccion(PasoPolitica Paso, PasoAplicado Aplicado, ClienteInfo Cliente, DeudaCliente Deuda, Guid? CobradorId, DateOnly Hoy, DateTimeOffset Ahora);

/// <summary>
/// One kind of action of an escalation step, found by <see cref="Clave"/> (the step's <c>accion</c>). Adding a kind (the e-mail of
/// Notificaciones) is one class registered in <see cref="AreaPolitica"/>. <see cref="EjecutarAsync"/> runs inside the transaction
/// that inserted the step's row: Gestión writes go through the scope's <see cref="GestionDbContext"/> (saved by the caller);
/// it answers what it did, as the history shows it.
/// </summary>
public interface IAccionPaso
{
    string Clave { get; }

    /// <summary>The contact channel the action uses (telefono, presencial, escrito), or null when it contacts nobody; contact rules gate it.</summary>
    string? Canal(PasoPolitica paso);

    Task<string> EjecutarAsync(ContextoAccion contexto, CancellationToken ct);
}

public sealed class AccionTarea(GestionDbContext db) : IAccionPaso
{
    public string Clave => AccionesPaso.Tarea;

    public string? Canal(PasoPolitica paso) => paso.TipoTarea == TiposTareaPaso.Visita ? CanalesContacto.Presencial : CanalesContacto.Telefono;

    public Task<string> EjecutarAsync(ContextoAccion c, CancellationToken ct)
    {
        var tipo = c.Paso.TipoTarea ?? TiposTareaPaso.Llamada;
        var verbo = tipo == TiposTareaPaso.Visita ? "Visitar" : "Llamar a";
        db.Tareas.Add(new Tarea
        {
            ClienteId = c.Cliente.Id, CobradorId = c.CobradorId, Tipo = tipo, Origen = OrigenesTarea.Politica, OrigenId = c.Aplicado.Id,
            Titulo = Recortar($"{c.Paso.Nombre}: {verbo} {c.Cliente.RazonSocial}", LargosGestion.Titulo),
            Motivo = Recortar($"Política de cobranza, paso «{c.Paso.Nombre}»: {c.Aplicado.DiasVencido} días desde el vencimiento más antiguo, vencido {MotorEscalamiento.Clp(c.Deuda.Vencido)}.", LargosGestion.Motivo),
            Fecha = c.Hoy, Creada = c.Ahora,
        });
        return Task.FromResult(c.CobradorId is null ? $"Tarea de {tipo} creada (cliente sin cobrador asignado)." : $"Tarea de {tipo} creada para su cobrador.");
    }

    public static string Recortar(string texto, int largo) => texto.Length <= largo ? texto : texto[..largo];
}

public sealed class AccionCarta(GestionDbContext db, ImpresoraPdf impresora, IAlmacenArchivos almacen) : IAccionPaso
{
    public const string TipoActividadCarta = "carta";
    public const string Actor = "sistema: política de cobranza";

    public string Clave => AccionesPaso.Carta;

    public string? Canal(PasoPolitica paso) => CanalesContacto.Escrito;

    public async Task<string> EjecutarAsync(ContextoAccion c, CancellationToken ct)
    {
        var html = PlantillaCarta.Generar(c.Paso.Plantilla, c.Paso.Nombre, c.Cliente, c.Deuda, c.Hoy);
        var pdf = await impresora.ImprimirAsync(html, ct);
        using var contenido = new MemoryStream(pdf);
        var clave = await almacen.GuardarAsync(contenido, ct);
        c.Aplicado.ArchivoClave = clave;
        var actividad = new Actividad
        {
            ClienteId = c.Cliente.Id, TipoActividadId = await TipoCartaAsync(ct), Canal = CanalesContacto.Escrito, CobradorId = c.CobradorId, Fecha = c.Ahora,
            Notas = $"Carta «{c.Paso.Nombre}» generada por la política de cobranza ({pdf.Length / 1024 + 1} KB).", RegistradaPor = Actor,
            Origen = OrigenesTarea.Politica, OrigenId = c.Aplicado.Id, Creada = c.Ahora,
        };
        db.Actividades.Add(actividad);

        // The same stored file, listed as the activity's attachment: the timeline shows it and the attachment download streams it.
        db.Set<AdjuntoActividad>().Add(new AdjuntoActividad
        {
            ActividadId = actividad.Id, Nombre = AccionTarea.Recortar(NombreArchivo(c.Paso.Nombre, c.Hoy), LargosGestion.Nombre), ContentType = "application/pdf",
            Tamano = pdf.Length, Clave = clave, Creado = c.Ahora,
        });
        return "Carta generada en PDF y registrada como actividad.";
    }

    /// <summary>A download name from the step's name: letters, digits and dashes only, so no header or path trouble.</summary>
    internal static string NombreArchivo(string paso, DateOnly fecha)
    {
        var limpio = new string(paso.Normalize(System.Text.NormalizationForm.FormD)
            .Where(ch => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(ch => char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-').ToArray());
        limpio = string.Join('-', limpio.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return $"carta-{(limpio.Length == 0 ? "cobranza" : limpio[..Math.Min(limpio.Length, 60)])}-{fecha:yyyy-MM-dd}.pdf";
    }

    /// <summary>The company's letter activity type; created once if the company has none (seed 000 normally has it).</summary>
    private async Task<Guid> TipoCartaAsync(CancellationToken ct)
    {
        var tipo = db.TiposActividad.Local.FirstOrDefault(t => t.Tipo == TipoActividadCarta)
            ?? await db.TiposActividad.Where(t => t.Tipo == TipoActividadCarta).OrderByDescending(t => t.Activo).ThenBy(t => t.Nombre).FirstOrDefaultAsync(ct);
        if (tipo is null)
        {
            tipo = new TipoActividad { Nombre = "Carta", Tipo = TipoActividadCarta, Canal = CanalesContacto.Escrito, Descripcion = "Carta de cobranza" };
            db.TiposActividad.Add(tipo);
        }

        return tipo.Id;
    }
}

public sealed class AccionSuspension(IMediator mediator) : IAccionPaso
{
    public string Clave => AccionesPaso.Suspension;

    public string? Canal(PasoPolitica paso) => null;

    public async Task<string> EjecutarAsync(ContextoAccion c, CancellationToken ct)
    {
        var cambio = await mediator.Send(new CambiarEstadoCreditoAutomatico(c.Cliente.Id, true, $"Política de cobranza: paso «{c.Paso.Nombre}»"), ct);
        return cambio ? "Crédito del cliente suspendido." : $"El crédito ya estaba {c.Cliente.EstadoCredito}; sin cambio.";
    }
}

/// <summary>The stage change itself is what every step does (<see cref="MotorEscalamiento"/>); a derivación only names it.</summary>
public sealed class AccionDerivacion : IAccionPaso
{
    public string Clave => AccionesPaso.Derivacion;

    public string? Canal(PasoPolitica paso) => null;

    public Task<string> EjecutarAsync(ContextoAccion c, CancellationToken ct) => Task.FromResult($"Cliente derivado a etapa {c.Paso.Etapa}.");
}

/// <summary>
/// The one place the escalation run asks whether it may contact a client: Ley 19.496 art. 37 / Ley 21.320 for consumers, the
/// company's limits for businesses (<see cref="ReglasContacto"/>). A blocked step is skipped with the rule and its next allowed
/// moment, and nothing is recorded, so a later run retries it. The policy's own letters are activities on the written channel, so
/// they count as written contacts like any other.
/// </summary>
public sealed class PuertaContactoPolitica(ReglasContacto reglas)
{
    public async Task<string?> BloqueoAsync(Guid clienteId, string canal, DateTimeOffset momento, CancellationToken ct)
    {
        var bloqueo = await reglas.EvaluarAsync(clienteId, canal, MomentoContacto(momento), ct);
        if (bloqueo is null)
            return null;
        var siguiente = bloqueo.SiguientePermitido is { } s
            ? $" Próximo momento permitido: {TimeZoneInfo.ConvertTime(s, FechaNegocio.Santiago):dd-MM-yyyy HH:mm}; se reintentará en una próxima ejecución."
            : " No se reintentará mientras dure la situación.";
        return $"Contacto no permitido ({bloqueo.Regla}): {bloqueo.Mensaje}{siguiente}";
    }

    /// <summary>
    /// The daily run fires at dawn (07:00 Santiago), before the law's contact window opens, while the call, visit or letter it plans
    /// happens during that business day: a run before 08:00 is evaluated as of 08:00 the same day.
    /// </summary>
    public static DateTimeOffset MomentoContacto(DateTimeOffset ahora)
    {
        var local = TimeZoneInfo.ConvertTime(ahora, FechaNegocio.Santiago);
        if (TimeOnly.FromDateTime(local.DateTime) >= ReglasContacto.HoraInicio)
            return ahora;
        var apertura = DateOnly.FromDateTime(local.DateTime).ToDateTime(ReglasContacto.HoraInicio);
        return new DateTimeOffset(apertura, FechaNegocio.Santiago.GetUtcOffset(apertura)).ToUniversalTime();
    }
}
