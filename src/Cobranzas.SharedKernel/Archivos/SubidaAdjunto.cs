namespace Cobranzas.SharedKernel.Archivos;

/// <summary>An upload stored only if its first bytes are an allowed kind (<see cref="TiposAdjunto"/>), streamed whole to the store.</summary>
public static class SubidaAdjunto
{
    /// <summary>The kind and the store's key, or null (nothing stored) when the content is not an allowed kind.</summary>
    public static async Task<(TipoAdjunto Tipo, string Clave)?> GuardarAsync(IAlmacenArchivos almacen, Stream contenido, CancellationToken ct)
    {
        var inicio = new byte[16];
        var leidos = 0;
        while (leidos < inicio.Length && await contenido.ReadAsync(inicio.AsMemory(leidos), ct) is var n and > 0)
            leidos += n;
        if (TiposAdjunto.Reconocer(inicio.AsSpan(0, leidos)) is not { } tipo)
            return null;
        await using var completo = new ConcatenadoStream(inicio.AsMemory(0, leidos), contenido);
        return (tipo, await almacen.GuardarAsync(completo, ct));
    }

    /// <summary>The bytes already read to recognise the kind, then the rest of the upload.</summary>
    private sealed class ConcatenadoStream(ReadOnlyMemory<byte> inicio, Stream resto) : Stream
    {
        private int _posicion;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_posicion < inicio.Length)
            {
                var n = Math.Min(buffer.Length, inicio.Length - _posicion);
                inicio.Slice(_posicion, n).CopyTo(buffer);
                _posicion += n;
                return n;
            }

            return await resto.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
