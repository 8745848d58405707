using System.Buffers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Platform.Idempotencia;

/// <summary>
/// Stripe's Idempotency-Key for every authenticated POST: the first answer (status, content type, Location, body) is kept per
/// company and key for 24 h and replayed for a retry with the same method, path and body; the same key with another body is
/// 422, and while the first request runs a second one is 409. The key is taken by an insert on the unique (company, key), so two
/// racing requests never both run. Server errors and answers given before the endpoint ran (401, 403, 408, 429) free the key.
/// </summary>
/// <remarks>
/// It runs outside the exception handler and the status-code pages, so it keeps the answer the client really got; for that it
/// authenticates the request itself (the handlers cache the result, so the later authentication middleware does not repeat it).
/// </remarks>
public sealed class IdempotenciaMiddleware(RequestDelegate siguiente)
{
    public const string Encabezado = "Idempotency-Key";
    public const string EncabezadoRepetida = "Idempotent-Replayed";
    public const int LargoMaximo = 255;

    /// <summary>Answers larger than this (a lot's per-row report) keep their status but not their body.</summary>
    public const int MaximoCuerpoGuardado = 1024 * 1024;

    public static readonly TimeSpan Vigencia = TimeSpan.FromHours(24);

    /// <summary>How long a request in progress holds its key: after a crash the key is free again once this lease ends.</summary>
    public static readonly TimeSpan PlazoEnCurso = TimeSpan.FromHours(1);

    public async Task InvokeAsync(HttpContext http, NpgsqlDataSource fuente, TimeProvider reloj, IProblemDetailsService problemas)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(Encabezado, out var valores)
            || http.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await siguiente(http);
            return;
        }

        var autenticacion = await http.AuthenticateAsync();
        if (!autenticacion.Succeeded || !Guid.TryParse(autenticacion.Principal.FindFirstValue(Permisos.ClaimEmpresa), out var empresaId))
        {
            await siguiente(http);
            return;
        }

        if (valores.Count != 1 || !EsValida(valores[0]))
        {
            var mensaje = $"formato: El encabezado {Encabezado} debe ser uno solo, de 1 a {LargoMaximo} caracteres imprimibles (ASCII), por ejemplo un UUID.";
            await EscribirProblemaAsync(http, problemas, new HttpValidationProblemDetails(new Dictionary<string, string[]> { [Encabezado] = [mensaje] })
            {
                Status = 400, Title = "Datos inválidos", Detail = $"{Encabezado}: {mensaje}",
            });
            return;
        }

        var clave = valores[0]!;
        byte[] huella;
        try
        {
            huella = await HuellaAsync(http.Request, Llamador(autenticacion.Principal));
        }
        catch (BadHttpRequestException)
        {
            // The body is over the endpoint's limit: the endpoint answers its own 413 on reading it again, and nothing is kept.
            http.Request.Body.Position = 0;
            await siguiente(http);
            return;
        }

        var ahora = reloj.GetUtcNow();
        var tomada = false;
        for (var intento = 0; intento < 3 && !tomada; intento++)
        {
            if (await TomarAsync(fuente, empresaId, clave, huella, http.Request.Path.Value ?? "", ahora, http.RequestAborted))
            {
                tomada = true;
                break;
            }

            var existente = await LeerAsync(fuente, empresaId, clave, http.RequestAborted);
            if (existente is null)
                continue;
            if (!existente.Huella.AsSpan().SequenceEqual(huella))
            {
                await EscribirProblemaAsync(http, problemas, Problema(422, "Idempotency-Key reutilizada",
                    $"La {Encabezado} «{clave}» ya se usó en las últimas 24 horas con otra solicitud (otro método, ruta o cuerpo); use una clave nueva para una solicitud distinta."));
                return;
            }

            if (existente.Estado is not { } estado)
            {
                await EscribirProblemaAsync(http, problemas, Problema(409, "Solicitud en curso",
                    $"Otra solicitud con la {Encabezado} «{clave}» todavía se está procesando; reintente en unos segundos."));
                return;
            }

            if (existente.CuerpoOmitido)
            {
                await EscribirProblemaAsync(http, problemas, Problema(409, "Solicitud ya procesada",
                    $"La solicitud con la {Encabezado} «{clave}» ya se procesó (estado {estado}); su respuesta superaba {MaximoCuerpoGuardado / 1024} KB y no se guardó: consulte el recurso."));
                return;
            }

            http.Response.StatusCode = estado;
            http.Response.Headers[EncabezadoRepetida] = "true";
            if (existente.TipoContenido is { } tipo)
                http.Response.ContentType = tipo;
            if (existente.Ubicacion is { } ubicacion)
                http.Response.Headers.Location = ubicacion;
            if (existente.Cuerpo is { Length: > 0 } cuerpo)
                await http.Response.Body.WriteAsync(cuerpo, http.RequestAborted);
            return;
        }

        if (!tomada)
        {
            await EscribirProblemaAsync(http, problemas, Problema(409, "Solicitud en curso", $"La {Encabezado} «{clave}» está en uso; reintente."));
            return;
        }

        await EjecutarAsync(http, fuente, empresaId, clave, ahora);
    }

    private async Task EjecutarAsync(HttpContext http, NpgsqlDataSource fuente, Guid empresaId, string clave, DateTimeOffset creada)
    {
        var original = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var captura = new CapturaRespuesta(original.Stream, MaximoCuerpoGuardado);
        var intermedia = new StreamResponseBodyFeature(captura, original);
        http.Features.Set<IHttpResponseBodyFeature>(intermedia);
        var guardada = false;
        try
        {
            await siguiente(http);
            await intermedia.CompleteAsync();
            if (Guardable(http.Response.StatusCode))
            {
                await GuardarAsync(fuente, empresaId, clave, creada, http.Response, captura);
                guardada = true;
            }
        }
        finally
        {
            http.Features.Set(original);
            if (!guardada)
                await LiberarAsync(fuente, empresaId, clave, creada);
        }
    }

    /// <summary>Client errors are kept like successes (the same request would fail the same way); what never reached the endpoint is not.</summary>
    private static bool Guardable(int estado) => estado < 500 && estado is not (401 or 403 or 408 or 429);

    public static bool EsValida(string? clave) =>
        clave is { Length: > 0 and <= LargoMaximo } && clave.All(c => c is >= ' ' and <= '~') && !string.IsNullOrWhiteSpace(clave);

    /// <summary>
    /// Who sends the request (user or API key): part of the fingerprint, so another caller of the company who reuses a key gets a
    /// 422 instead of the first caller's stored answer (which may hold a secret shown once).
    /// </summary>
    private static string Llamador(ClaimsPrincipal principal) =>
        $"{principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub")}|{principal.FindFirstValue(Permisos.ClaimApiKey)}|{principal.FindFirstValue(Permisos.ClaimActor)}";

    /// <summary>SHA-256 of caller, method, path, query and body, read once into the request's buffer (memory, then a temp file) for the endpoint.</summary>
    private static async Task<byte[]> HuellaAsync(HttpRequest solicitud, string llamador)
    {
        solicitud.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{llamador}\n{solicitud.Method}\n{solicitud.PathBase}{solicitud.Path}{solicitud.QueryString}\n"));
        var bloque = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int leidos;
            while ((leidos = await solicitud.Body.ReadAsync(bloque, solicitud.HttpContext.RequestAborted)) > 0)
                hash.AppendData(bloque, 0, leidos);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bloque);
        }

        solicitud.Body.Position = 0;
        return hash.GetHashAndReset();
    }

    /// <summary>Insert-first: the row is ours if it did not exist, or existed but had expired (taken over in the same statement).</summary>
    private static async Task<bool> TomarAsync(NpgsqlDataSource fuente, Guid empresaId, string clave, byte[] huella, string ruta, DateTimeOffset ahora, CancellationToken ct)
    {
        await using var comando = fuente.CreateCommand(
            """
            INSERT INTO plataforma.claves_idempotencia AS c (empresa_id, clave, huella, ruta, cuerpo_omitido, creada, expira)
            VALUES ($1, $2, $3, $4, false, $5, $6)
            ON CONFLICT (empresa_id, clave) DO UPDATE SET huella = EXCLUDED.huella, ruta = EXCLUDED.ruta, estado = NULL, tipo_contenido = NULL,
                ubicacion = NULL, cuerpo = NULL, cuerpo_omitido = false, creada = EXCLUDED.creada, expira = EXCLUDED.expira
            WHERE c.expira <= $5
            RETURNING 1
            """);
        comando.Parameters.Add(new() { Value = empresaId });
        comando.Parameters.Add(new() { Value = clave });
        comando.Parameters.Add(new() { Value = huella });
        comando.Parameters.Add(new() { Value = ruta.Length > 500 ? ruta[..500] : ruta });
        comando.Parameters.Add(new() { Value = ahora, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        comando.Parameters.Add(new() { Value = ahora + PlazoEnCurso, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await comando.ExecuteScalarAsync(ct) is not null;
    }

    private static async Task<ClaveIdempotencia?> LeerAsync(NpgsqlDataSource fuente, Guid empresaId, string clave, CancellationToken ct)
    {
        await using var comando = fuente.CreateCommand(
            "SELECT huella, estado, tipo_contenido, ubicacion, cuerpo, cuerpo_omitido, creada, expira FROM plataforma.claves_idempotencia WHERE empresa_id = $1 AND clave = $2");
        comando.Parameters.Add(new() { Value = empresaId });
        comando.Parameters.Add(new() { Value = clave });
        await using var lector = await comando.ExecuteReaderAsync(ct);
        if (!await lector.ReadAsync(ct))
            return null;
        return new ClaveIdempotencia
        {
            EmpresaId = empresaId,
            Clave = clave,
            Huella = lector.GetFieldValue<byte[]>(0),
            Ruta = "",
            Estado = lector.IsDBNull(1) ? null : lector.GetInt32(1),
            TipoContenido = lector.IsDBNull(2) ? null : lector.GetString(2),
            Ubicacion = lector.IsDBNull(3) ? null : lector.GetString(3),
            Cuerpo = lector.IsDBNull(4) ? null : lector.GetFieldValue<byte[]>(4),
            CuerpoOmitido = lector.GetBoolean(5),
            Creada = lector.GetFieldValue<DateTimeOffset>(6),
            Expira = lector.GetFieldValue<DateTimeOffset>(7),
        };
    }

    private static async Task GuardarAsync(NpgsqlDataSource fuente, Guid empresaId, string clave, DateTimeOffset creada, HttpResponse respuesta, CapturaRespuesta captura)
    {
        await using var comando = fuente.CreateCommand(
            """
            UPDATE plataforma.claves_idempotencia SET estado = $4, tipo_contenido = $5, ubicacion = $6, cuerpo = $7, cuerpo_omitido = $8, expira = $9
            WHERE empresa_id = $1 AND clave = $2 AND creada = $3
            """);
        comando.Parameters.Add(new() { Value = empresaId });
        comando.Parameters.Add(new() { Value = clave });
        comando.Parameters.Add(new() { Value = creada, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        comando.Parameters.Add(new() { Value = respuesta.StatusCode });
        comando.Parameters.Add(new() { Value = (object?)Recortar(respuesta.ContentType, 200) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        comando.Parameters.Add(new() { Value = (object?)Recortar(respuesta.Headers.Location.ToString(), 2000) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        comando.Parameters.Add(new() { Value = captura.Excedida ? DBNull.Value : captura.Contenido, NpgsqlDbType = NpgsqlDbType.Bytea });
        comando.Parameters.Add(new() { Value = captura.Excedida });
        comando.Parameters.Add(new() { Value = creada + Vigencia, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await comando.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static string? Recortar(string? texto, int largo) => string.IsNullOrEmpty(texto) ? null : texto.Length > largo ? texto[..largo] : texto;

    private static async Task LiberarAsync(NpgsqlDataSource fuente, Guid empresaId, string clave, DateTimeOffset creada)
    {
        await using var comando = fuente.CreateCommand(
            "DELETE FROM plataforma.claves_idempotencia WHERE empresa_id = $1 AND clave = $2 AND creada = $3 AND estado IS NULL");
        comando.Parameters.Add(new() { Value = empresaId });
        comando.Parameters.Add(new() { Value = clave });
        comando.Parameters.Add(new() { Value = creada, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await comando.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static ProblemDetails Problema(int estado, string titulo, string detalle)
    {
        var problema = new ProblemDetails { Status = estado, Title = titulo, Detail = detalle };
        problema.Extensions["errors"] = new Dictionary<string, string[]> { [Encabezado] = [detalle] };
        return problema;
    }

    private static async Task EscribirProblemaAsync(HttpContext http, IProblemDetailsService problemas, ProblemDetails problema)
    {
        http.Response.StatusCode = problema.Status ?? 400;
        await problemas.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problema });
    }

    /// <summary>Passes every byte to the client and keeps a copy of the first ones, up to a limit.</summary>
    private sealed class CapturaRespuesta(Stream destino, int limite) : Stream
    {
        private readonly MemoryStream _copia = new();

        public bool Excedida { get; private set; }

        public byte[] Contenido => _copia.ToArray();

        private void Copiar(ReadOnlySpan<byte> datos)
        {
            if (Excedida)
                return;
            if (_copia.Length + datos.Length > limite)
            {
                Excedida = true;
                _copia.SetLength(0);
                return;
            }

            _copia.Write(datos);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Copiar(buffer.AsSpan(offset, count));
            destino.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Copiar(buffer.Span);
            await destino.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => destino.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => destino.FlushAsync(cancellationToken);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

public static class IdempotenciaExtensiones
{
    public static IApplicationBuilder UseIdempotencia(this IApplicationBuilder app) => app.UseMiddleware<IdempotenciaMiddleware>();
}
