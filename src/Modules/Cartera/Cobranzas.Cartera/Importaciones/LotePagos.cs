using System.Runtime.CompilerServices;
using System.Text.Json;
using Cobranzas.Cartera.Comun;
using Cobranzas.Cartera.Credito;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Importaciones;

public sealed record ResultadoLotePagos(bool Aplicado, int Filas, int Creados, int SinCambios, decimal MontoAplicado, IReadOnlyList<ErrorFila> Errores);

/// <summary>
/// Payments from an ERP, each applied oldest due date first, all in one transaction (all-or-nothing
/// unless <c>parcial</c>). A payment with a referencia that the client already has on the same date and
/// amount is the same payment sent again (sinCambios), so the same batch twice changes nothing.
/// </summary>
public sealed record ImportarLotePagos(IAsyncEnumerable<(int Fila, DatosPago? Datos)> Filas, bool Parcial) : IRequest<ResultadoLotePagos>;

public sealed class ImportarLotePagosHandler(CarteraDbContext db, IMediator mediator, Aplicador aplicador, ControlCredito control, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<ImportarLotePagos, ResultadoLotePagos>
{
    public const int FilasMaximas = 10_000;
    private static readonly DatosPagoValidator Validador = new();

    public async ValueTask<ResultadoLotePagos> Handle(ImportarLotePagos request, CancellationToken cancellationToken)
    {
        var errores = new List<ErrorFila>();
        var validas = new List<(int Fila, DatosPago Datos)>();
        var filas = 0;
        try
        {
            await foreach (var (fila, datos) in request.Filas.WithCancellation(cancellationToken))
            {
                if (++filas > FilasMaximas)
                {
                    errores.Add(new ErrorFila(fila, "lote", "demasiadas_filas", $"Máximo {FilasMaximas} pagos por lote."));
                    break;
                }

                if (datos is null)
                {
                    errores.Add(new ErrorFila(fila, "pago", "requerido", "La fila está vacía (null)."));
                    continue;
                }

                var fallas = Validador.Validate(datos).Errors.Select(e => LoteErrores.Convertir(fila, e)).ToList();
                if (datos.Aplicacion == ModosAplicacion.Manual)
                    fallas.Add(new ErrorFila(fila, "aplicacion", "solo_automatica", "En un lote los pagos se aplican automáticamente (vencimiento más antiguo primero)."));
                if (datos.Fecha > FechaNegocio.Hoy(reloj))
                    fallas.Add(new ErrorFila(fila, "fecha", "fecha_futura", "Un pago no puede tener fecha futura."));
                if (fallas.Count > 0)
                    errores.AddRange(fallas);
                else
                    validas.Add((fila, datos));
            }
        }
        catch (JsonException ex)
        {
            errores.Add(LoteErrores.DeJson(ex, filas));
            return new ResultadoLotePagos(false, filas, 0, 0, 0, errores);
        }

        var ids = validas.Where(v => v.Datos.ClienteId is not null).Select(v => v.Datos.ClienteId!.Value).Distinct().ToList();
        var ruts = validas.Select(v => LoteErrores.Canonico(v.Datos.Rut)).OfType<string>().Distinct().ToList();
        var clientes = validas.Count == 0 ? [] : await mediator.Send(new BuscarClientes(ids, ruts), cancellationToken);
        var porId = clientes.ToDictionary(c => c.Id);
        var porRut = clientes.GroupBy(c => c.Rut).ToDictionary(g => g.Key, g => g.First());

        var referencias = validas.Select(v => v.Datos.Referencia?.Trim()).OfType<string>().Where(r => r.Length > 0).Distinct().ToList();
        var existentes = (await db.Pagos.AsNoTracking().Where(p => p.Referencia != null && referencias.Contains(p.Referencia))
                .Select(p => new { p.ClienteId, p.Referencia, p.Fecha, p.Monto }).ToListAsync(cancellationToken))
            .Select(p => (p.ClienteId, p.Referencia!, p.Fecha, p.Monto)).ToHashSet();

        int creados = 0, sinCambios = 0;
        decimal aplicado = 0;
        var ahora = reloj.GetUtcNow();
        foreach (var (fila, d) in validas)
        {
            var rut = LoteErrores.Canonico(d.Rut);
            ClienteInfo? cliente = d.ClienteId is { } id ? porId.GetValueOrDefault(id) : rut is null ? null : porRut.GetValueOrDefault(rut);
            if (cliente is null || (d.ClienteId is not null && rut is not null && cliente.Rut != rut))
            {
                errores.Add(cliente is null
                    ? new ErrorFila(fila, d.ClienteId is null ? "rut" : "clienteId", "cliente_inexistente", "El cliente no existe en la empresa.")
                    : new ErrorFila(fila, "rut", "cliente_distinto", "El RUT no corresponde al cliente indicado en clienteId."));
                continue;
            }

            var referencia = string.IsNullOrWhiteSpace(d.Referencia) ? null : d.Referencia.Trim();
            if (referencia is not null && !existentes.Add((cliente.Id, referencia, d.Fecha, d.Monto)))
            {
                sinCambios++;
                continue;
            }

            var pago = Cheques.Nuevo(cliente.Id, d, FechaNegocio.Hoy(reloj), ahora);
            db.Pagos.Add(pago);
            if (pago.EstadoCheque != Cheques.EnCartera)
            {
                var lineas = await aplicador.AutomaticaAsync(pago.ClienteId, pago.Moneda, pago.Saldo, cancellationToken);
                AplicacionPago.Registrar(db, pago, lineas, pago.Fecha, contexto.Actor, ahora);
            }

            aplicado += pago.Monto - pago.Saldo;
            creados++;
        }

        if (errores.Count > 0 && !request.Parcial)
            return new ResultadoLotePagos(false, filas, 0, 0, 0, errores);
        if (filas == 0)
            return new ResultadoLotePagos(false, 0, 0, 0, 0, [new ErrorFila(1, "lote", "vacio", "El lote no trae pagos.")]);

        // One SaveChanges: every payment, its applications and the balances it moved commit together.
        await db.SaveChangesAsync(cancellationToken);
        await control.AplicarAsync(db.ChangeTracker.Entries<Pago>().Select(e => e.Entity.ClienteId).Distinct().ToList(), cancellationToken);
        return new ResultadoLotePagos(true, filas, creados, sinCambios, aplicado, errores);
    }
}

public static class LoteErrores
{
    public static ErrorFila Convertir(int fila, FluentValidation.Results.ValidationFailure e)
    {
        var campo = string.Join('.', (e.PropertyName ?? "").Split('.').Select(s => s.Length > 0 ? char.ToLowerInvariant(s[0]) + s[1..] : s));
        return new ErrorFila(fila, campo.Length > 0 ? campo : "fila", e.ErrorCode switch
        {
            "NotEmptyValidator" or "NotNullValidator" => "requerido",
            "GreaterThanValidator" or "GreaterThanOrEqualValidator" or "LessThanValidator" => "rango",
            "MaximumLengthValidator" => "largo",
            var c => c,
        }, e.ErrorMessage);
    }

    /// <summary>The path names the element ("$[1].folio"): rows already read may still sit in the reader's buffer.</summary>
    public static ErrorFila DeJson(JsonException ex, int leidas)
    {
        var ruta = System.Text.RegularExpressions.Regex.Match(ex.Path ?? "", @"^\$\[(\d+)\]\.?(.*)$");
        var fila = ruta.Success ? int.Parse(ruta.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1 : leidas + 1;
        var campo = ruta.Success && ruta.Groups[2].Value.Length > 0 ? ruta.Groups[2].Value : "cuerpo";
        return new ErrorFila(fila, campo, "json", $"JSON inválido: {ex.Message}");
    }

    public static string? Canonico(string? rut) => rut is not null && SharedKernel.Rut.Rut.TryParse(rut, out var r) ? r.Value.Canonico : null;

    /// <summary>The elements of a JSON array read one by one from the request body, never buffered whole.</summary>
    public static async IAsyncEnumerable<(int, T?)> DesdeJson<T>(Stream cuerpo, JsonSerializerOptions opciones, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var fila = 0;
        await foreach (var datos in JsonSerializer.DeserializeAsyncEnumerable<T>(cuerpo, opciones, ct))
            yield return (++fila, datos);
    }
}
