using System.IO.Compression;
using System.Xml.Linq;

namespace Cobranzas.Testing;

/// <summary>Checks on the XML inside an XLSX that a reader library would forgive but Excel does not.</summary>
public static class LibroXlsx
{
    // CT_Worksheet is a sequence: its children must come in this order (ECMA-376 Part 1, 18.3.1.99).
    private static readonly string[] OrdenHoja =
    [
        "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter",
        "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions",
        "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
        "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
    ];

    /// <summary>Each worksheet whose children are out of the schema's order, or whose sheetData holds anything but rows.</summary>
    public static IReadOnlyList<string> ErroresDeHojas(byte[] xlsx)
    {
        var errores = new List<string>();
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        foreach (var hoja in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)))
        {
            using var lector = hoja.Open();
            var raiz = XDocument.Load(lector).Root!;
            var hijos = raiz.Elements().Select(e => e.Name.LocalName).ToList();
            var posiciones = hijos.Select(h => Array.IndexOf(OrdenHoja, h)).ToList();
            if (posiciones.Contains(-1) || posiciones.Zip(posiciones.Skip(1)).Any(p => p.First > p.Second))
                errores.Add($"{hoja.FullName}: hijos fuera de orden ({string.Join(", ", hijos)})");
            var enDatos = raiz.Elements().Where(e => e.Name.LocalName == "sheetData").Elements().Select(e => e.Name.LocalName).Where(n => n != "row").Distinct().ToList();
            if (enDatos.Count > 0)
                errores.Add($"{hoja.FullName}: sheetData contiene {string.Join(", ", enDatos)}");
        }

        return errores;
    }
}
