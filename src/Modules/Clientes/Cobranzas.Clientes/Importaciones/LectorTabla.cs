using Cobranzas.SharedKernel.Archivos;

namespace Cobranzas.Clientes.Importaciones;

/// <summary>The sheet reader moved to the shared kernel (Cartera imports too); this keeps existing callers compiling.</summary>
public static class LectorTabla
{
    public static List<FilaTabla> Leer(Stream archivo, string nombreArchivo) => SharedKernel.Archivos.LectorTabla.Leer(archivo, nombreArchivo);

    public static string Normalizar(string encabezado) => SharedKernel.Archivos.LectorTabla.Normalizar(encabezado);
}
