namespace Cobranzas.Cartera.Reportes;

/// <summary>
/// The command timeout of the reports' whole-company statements: agings at past cut-offs, the KPIs' flows, the forecast's
/// open installments and receipts, every client's debt. They read a company's whole portfolio and years of its history, which
/// on a company of 100 000 clients with 4 000 000 paid documents takes 10–25 s under load and more on a busier server, past
/// the 30 s a command gets by default (bench/README.md, dashboard at scale 1). Their time is bounded by the company's size,
/// not a runaway: the limit is there to stop a stuck statement, not a large company's report.
/// </summary>
public static class SentenciaInforme
{
    public const int Segundos = 600;
}
