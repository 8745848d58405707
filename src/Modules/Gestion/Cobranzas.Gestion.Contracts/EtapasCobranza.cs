namespace Cobranzas.Gestion.Contracts;

/// <summary>The stages of the collection process (seed 003 "Proceso de cobranza"), in the order a client moves through them.</summary>
public static class EtapasCobranza
{
    public const string Preventiva = "preventiva";
    public const string Administrativa = "administrativa";

    /// <summary>The last attempt of the company's own team before the client goes to an external agency.</summary>
    public const string UltimaGestionInterna = "ultima_gestion_interna";

    public const string Prejudicial = "prejudicial";
    public const string Judicial = "judicial";
    public static readonly string[] Todas = [Preventiva, Administrativa, UltimaGestionInterna, Prejudicial, Judicial];
}
