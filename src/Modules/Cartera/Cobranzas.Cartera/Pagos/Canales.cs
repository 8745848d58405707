namespace Cobranzas.Cartera.Pagos;

public static class Canales
{
    public static readonly string[] Todos = ["efectivo", "cheque", "transferencia", "tarjeta", "portal"];
}
