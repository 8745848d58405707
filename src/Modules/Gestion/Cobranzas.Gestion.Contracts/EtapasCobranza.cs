namespace Cobranzas.Gestion.Contracts;

/// <summary>The stages of the collection process (seed 003 "Proceso de cobranza"), in the order a client moves through them.</summary>
public static class EtapasCobranza
{
    public const string Preventiva = "preventiva";
    public const string Administrativa = "administrativa";
    public const string Prejudicial = "prejudicial";
    public const string Judicial = "judicial";
    public static readonly string[] Todas = [Preventiva, Administrativa, Prejudicial, Judicial];
}
