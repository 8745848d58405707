using Cobranzas.Clientes.Clientes;
using Cobranzas.Clientes.Contactos;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Importaciones;

/// <param name="Columna">The column as the person's file names it ("Razón Social"), or the expected name when the file lacks it.</param>
public sealed record ErrorFilaCliente(int Fila, string Columna, string Regla, string Mensaje);

public sealed record ResultadoImportacion(
    bool Aplicado, int FilasLeidas, int Creados, int Actualizados, int SinCambios, int ContactosCreados, int ContactosActualizados, IReadOnlyList<ErrorFilaCliente> Errores);

public sealed record ImportarClientes(Stream Archivo, string NombreArchivo, bool Parcial) : IRequest<ResultadoImportacion>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/importaciones/clientes", async Task<Ok<ResultadoImportacion>> (IFormFile archivo, bool? parcial, IMediator m, CancellationToken ct) =>
        {
            await using var contenido = archivo.OpenReadStream();
            return TypedResults.Ok(await m.Send(new ImportarClientes(contenido, archivo.FileName, parcial ?? false), ct));
        })
        .WithName("ImportarClientes").DisableAntiforgery().ProducesValidationProblem().ConLimite(LimitesUso.Importaciones);
}

/// <summary>
/// Upserts clients by RUT (and their contacts by e-mail or name) from a CSV or XLSX file.
/// All-or-nothing unless <c>parcial</c>; importing the same file twice changes nothing.
/// </summary>
public sealed class ImportarClientesHandler(ClientesDbContext db, TimeProvider reloj, IPublisher publicador, ISender remitente) : IRequestHandler<ImportarClientes, ResultadoImportacion>
{
    public const int FilasMaximas = 50_000;
    public static readonly string[] Columnas =
        ["rut", "razonSocial", "nombreFantasia", "giro", "direccion", "comuna", "region", "segmento", "cuentaClave",
         "contactoNombre", "contactoCargo", "contactoEmail", "contactoTelefono", "contactoRol"];

    private static readonly TextosSinNuloValidator<DatosCliente> ValidadorCliente = TextosSinNuloValidator<DatosCliente>.Y(new DatosClienteValidator());
    private static readonly TextosSinNuloValidator<DatosContacto> ValidadorContacto = TextosSinNuloValidator<DatosContacto>.Y(new DatosContactoValidator());

    public async ValueTask<ResultadoImportacion> Handle(ImportarClientes request, CancellationToken cancellationToken)
    {
        List<FilaTabla> filas;
        try
        {
            filas = LectorTabla.Leer(request.Archivo, request.NombreArchivo);
        }
        catch (Exception ex) when (ex is CsvHelper.CsvFormatException or InvalidDataException or IOException or InvalidOperationException)
        {
            return Rechazo(0, new ErrorFilaCliente(1, "archivo", "formato", $"No se pudo leer el archivo: {ex.Message}"));
        }

        if (filas.Count == 0)
            return Rechazo(0, new ErrorFilaCliente(1, "archivo", "vacio", "El archivo no tiene filas de datos."));
        if (filas.Count > FilasMaximas)
            return Rechazo(filas.Count, new ErrorFilaCliente(1, "archivo", "demasiadas_filas", $"Máximo {FilasMaximas} filas por archivo."));
        var faltantes = new[] { "rut", "razonSocial", "segmento" }.Where(c => !filas[0].Celdas.ContainsKey(LectorTabla.Normalizar(c))).ToList();
        if (faltantes.Count > 0)
            return Rechazo(filas.Count, faltantes.Select(c => new ErrorFilaCliente(1, c, "columna_faltante", $"Falta la columna {c}.")).ToArray());

        var segmentos = (await db.Politicas.Select(p => p.Segmento).ToListAsync(cancellationToken)).ToHashSet();
        var errores = new List<ErrorFilaCliente>();
        var validas = new List<(FilaTabla Fila, DatosCliente Cliente, DatosContacto? Contacto)>();
        var primeraPorRut = new Dictionary<string, DatosCliente>();
        foreach (var fila in filas)
        {
            var erroresFila = ValidarFila(fila, segmentos, primeraPorRut, out var cliente, out var contacto);
            errores.AddRange(erroresFila.Select(e => e with { Columna = fila.Encabezado(e.Columna) }));
            if (erroresFila.Count == 0)
                validas.Add((fila, cliente!, contacto));
        }

        if (errores.Count > 0 && !request.Parcial)
            return new ResultadoImportacion(false, filas.Count, 0, 0, 0, 0, 0, errores);

        return await AplicarAsync(filas.Count, validas, errores, cancellationToken);
    }

    private static List<ErrorFilaCliente> ValidarFila(
        FilaTabla fila, HashSet<string> segmentos, Dictionary<string, DatosCliente> primeraPorRut, out DatosCliente? cliente, out DatosContacto? contacto)
    {
        var errores = new List<ErrorFilaCliente>();
        contacto = null;
        var cuentaClaveTexto = fila.Valor("cuentaClave");
        bool? cuentaClave = cuentaClaveTexto?.ToLowerInvariant() switch
        {
            null or "" or "no" or "n" or "false" or "0" => false,
            "si" or "sí" or "s" or "true" or "1" => true,
            _ => null,
        };
        if (cuentaClave is null)
            errores.Add(new ErrorFilaCliente(fila.Numero, "cuentaClave", "booleano", "Use sí/no."));

        cliente = new DatosCliente(
            fila.Valor("rut") ?? "", fila.Valor("razonSocial") ?? "", fila.Valor("nombreFantasia"), fila.Valor("giro"), fila.Valor("direccion"),
            fila.Valor("comuna"), fila.Valor("region"), fila.Valor("segmento") ?? "", cuentaClave ?? false, null);
        errores.AddRange(Errores(fila, ValidadorCliente.Validate(cliente)));
        if (!string.IsNullOrEmpty(cliente.Segmento) && !segmentos.Contains(cliente.Segmento))
            errores.Add(new ErrorFilaCliente(fila.Numero, "segmento", "segmento_inexistente", $"El segmento '{cliente.Segmento}' no existe ({string.Join(", ", segmentos)})."));

        if (errores.Count == 0)
        {
            var rut = SharedKernel.Rut.Rut.Parse(cliente.Rut).Canonico;
            cliente = cliente with { Rut = rut };
            if (primeraPorRut.TryGetValue(rut, out var anterior) && anterior != cliente)
                errores.Add(new ErrorFilaCliente(fila.Numero, "rut", "rut_repetido", $"El RUT {SharedKernel.Rut.Rut.Parse(rut).Formateado} aparece antes en el archivo con otros datos del cliente."));
            else
                primeraPorRut[rut] = cliente;
        }

        if (new[] { "contactoNombre", "contactoEmail", "contactoTelefono" }.Any(c => fila.Valor(c) is not null))
        {
            contacto = new DatosContacto(
                fila.Valor("contactoNombre") ?? "", fila.Valor("contactoCargo"), fila.Valor("contactoRol") ?? "cobranza",
                fila.Valor("contactoEmail"), fila.Valor("contactoTelefono"), null, false);
            errores.AddRange(Errores(fila, ValidadorContacto.Validate(contacto), "contacto"));
        }

        return errores;
    }

    /// <summary>The validator's sentence names the property ("'Razon Social' no debería estar vacío."): it names the file's column instead.</summary>
    private static IEnumerable<ErrorFilaCliente> Errores(FilaTabla fila, ValidationResult resultado, string prefijo = "") =>
        resultado.Errors.Select(e =>
        {
            var columna = prefijo.Length == 0 ? SharedKernel.Http.ManejadorProblemas.Camel(e.PropertyName) : prefijo + char.ToUpperInvariant(e.PropertyName[0]) + e.PropertyName[1..];
            return new ErrorFilaCliente(
                fila.Numero, columna, SharedKernel.Http.CodigosRegla.DeValidacion(e.ErrorCode), LectorTabla.NombrarColumna(e.ErrorMessage, e.PropertyName, fila.Encabezado(columna)));
        });

    private async Task<ResultadoImportacion> AplicarAsync(
        int filasLeidas, List<(FilaTabla Fila, DatosCliente Cliente, DatosContacto? Contacto)> validas, List<ErrorFilaCliente> errores, CancellationToken ct)
    {
        var ahora = reloj.GetUtcNow();
        var ruts = validas.Select(v => v.Cliente.Rut).Distinct().ToList();
        var existentes = await db.Clientes.Include(c => c.Contactos).Where(c => ruts.Contains(c.Rut)).ToDictionaryAsync(c => c.Rut, ct);
        var nuevos = new List<Guid>();
        var cambiados = new List<Guid>();
        int creados = 0, actualizados = 0, sinCambios = 0, contactosCreados = 0, contactosActualizados = 0;

        foreach (var grupo in validas.GroupBy(v => v.Cliente.Rut))
        {
            var datos = grupo.First().Cliente;
            if (!existentes.TryGetValue(datos.Rut, out var cliente))
            {
                cliente = new Cliente { Rut = "", RazonSocial = "", Segmento = "", Creado = ahora };
                EscrituraCliente.Aplicar(cliente, datos, ahora);
                db.Clientes.Add(cliente);
                existentes[datos.Rut] = cliente;
                nuevos.Add(cliente.Id);
                creados++;
            }
            else if (CambiaCliente(cliente, datos))
            {
                if (cliente.Comuna != EscrituraCliente.Limpio(datos.Comuna) || cliente.Region != EscrituraCliente.Limpio(datos.Region)
                    || cliente.Segmento != datos.Segmento.Trim() || cliente.CuentaClave != datos.CuentaClave)
                    cambiados.Add(cliente.Id);
                EscrituraCliente.Aplicar(cliente, datos with { EjecutivoId = cliente.EjecutivoId, Consumidor = cliente.Consumidor }, ahora);
                actualizados++;
            }
            else
            {
                sinCambios++;
            }

            foreach (var d in grupo.Select(g => g.Contacto).OfType<DatosContacto>())
            {
                var email = d.Email?.ToLowerInvariant();
                var contacto = cliente.Contactos.FirstOrDefault(c => email is not null ? c.Email == email : c.Email is null && c.Nombre == d.Nombre.Trim());
                if (contacto is null)
                {
                    contacto = new Contacto { ClienteId = cliente.Id, Nombre = "", Rol = "" };
                    DatosContactoValidator.Aplicar(contacto, d);
                    cliente.Contactos.Add(contacto);
                    contactosCreados++;
                }
                else if (contacto.Nombre != d.Nombre.Trim() || contacto.Rol != d.Rol || contacto.Telefono != d.Telefono?.Trim() || contacto.Cargo != d.Cargo?.Trim())
                {
                    DatosContactoValidator.Aplicar(contacto, d with { CanalPreferido = contacto.CanalPreferido, OptOutEmail = contacto.OptOutEmail });
                    contactosActualizados++;
                }
            }
        }

        await db.SaveChangesAsync(ct);
        if (nuevos.Count > 0)
            await publicador.Publish(new ClientesGuardados(nuevos, true), ct);
        if (cambiados.Count > 0)
            await publicador.Publish(new ClientesGuardados(cambiados, false), ct);
        if (nuevos.Count > 0)
            await PublicarCreadosAsync(existentes.Values.Where(c => nuevos.Contains(c.Id)).ToList(), ahora, ct);
        return new ResultadoImportacion(true, filasLeidas, creados, actualizados, sinCambios, contactosCreados, contactosActualizados, errores);
    }

    /// <summary>cliente.creado for each new client, with the body a single creation sends, when the company has a subscriber.</summary>
    private async Task PublicarCreadosAsync(List<Cliente> creados, DateTimeOffset ahora, CancellationToken ct)
    {
        var empresaId = creados[0].EmpresaId;
        if (!await remitente.Send(new HaySuscriptoresEvento(empresaId, TiposEventoNegocio.ClienteCreado), ct))
            return;
        var politicas = await db.Politicas.AsNoTracking().ToDictionaryAsync(p => p.Segmento, ct);
        var hechos = creados.Select(c => new HechoNegocio(c.Id, ProyeccionCliente.ADto(c, politicas.GetValueOrDefault(c.Segmento), []))).ToList();
        await publicador.Publish(new EventoNegocio(empresaId, TiposEventoNegocio.ClienteCreado, hechos, ahora), ct);
    }

    private static bool CambiaCliente(Cliente c, DatosCliente d) =>
        c.RazonSocial != d.RazonSocial.Trim() || c.NombreFantasia != EscrituraCliente.Limpio(d.NombreFantasia) || c.Giro != EscrituraCliente.Limpio(d.Giro)
        || c.Direccion != EscrituraCliente.Limpio(d.Direccion) || c.Comuna != EscrituraCliente.Limpio(d.Comuna) || c.Region != EscrituraCliente.Limpio(d.Region)
        || c.Segmento != d.Segmento.Trim() || c.CuentaClave != d.CuentaClave;

    private static ResultadoImportacion Rechazo(int filas, params ErrorFilaCliente[] errores) => new(false, filas, 0, 0, 0, 0, 0, errores);
}
