using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Koers.Web.Features.Monitor;

/// <summary>
/// Writes monitor tables as CSV (semicolons and decimal commas, UTF-8 with BOM: opens as-is in Dutch Excel) and as
/// xlsx (Open XML SDK; one sheet per table, numbers as numbers, plus a sheet that says what the figures are).
/// Hidden small counts stay hidden in every export: the cell holds the text "&lt;5".
/// </summary>
public static class TabelExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly CultureInfo Nl = new("nl-NL");

    // ---------------------------------------------------------------- CSV

    public static byte[] Csv(IReadOnlyList<Tabel> tabellen)
    {
        var sb = new StringBuilder();
        var meerdere = tabellen.Count > 1;
        foreach (var tabel in tabellen)
        {
            if (meerdere)
            {
                if (sb.Length > 0) sb.Append("\r\n");
                Regel(sb, [tabel.Titel]);
            }

            Regel(sb, [tabel.LabelKop, .. tabel.Kolommen.Select(k => k.Kop)]);
            foreach (var rij in tabel.Rijen)
            {
                Regel(sb, [rij.Label, .. rij.Cellen.Select((cel, i) => CsvWaarde(cel, tabel.Kolommen[i].Soort))]);
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string CsvWaarde(Cel cel, KolomSoort soort)
    {
        if (cel.Waarde is { } w && soort != KolomSoort.Tekst) return w.ToString("0.##", Nl);
        return cel == Cel.Leeg || cel.Tekst == "—" ? string.Empty : cel.Tekst;
    }

    private static void Regel(StringBuilder sb, IEnumerable<string> velden)
    {
        sb.Append(string.Join(';', velden.Select(Veld)));
        sb.Append("\r\n");
    }

    private static string Veld(string tekst)
    {
        // A text starting with = + - @ could run as a formula in a spreadsheet: prefix it (CSV injection).
        if (tekst.Length > 0 && "=+-@".Contains(tekst[0]) && !decimal.TryParse(tekst, NumberStyles.Number, Nl, out _)) tekst = "'" + tekst;
        return tekst.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + tekst.Replace("\"", "\"\"") + "\"" : tekst;
    }

    // ---------------------------------------------------------------- xlsx

    private const uint StijlKop = 1, StijlAantal = 2, StijlDecimaal = 3, StijlProcent = 4, StijlEuro = 5, StijlTekst = 6, StijlTitel = 7;

    public static byte[] Xlsx(IReadOnlyList<Tabel> tabellen, IReadOnlyList<(string Naam, string Waarde)> toelichting)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var stijlen = workbook.AddNewPart<WorkbookStylesPart>();
            stijlen.Stylesheet = Stylesheet();
            stijlen.Stylesheet.Save();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            var namen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            foreach (var tabel in tabellen)
            {
                var rijen = new List<Row> { Rij(1, [.. new[] { tabel.LabelKop }.Concat(tabel.Kolommen.Select(k => k.Kop)).Select(Kop)]) };
                uint nummer = 2;
                foreach (var rij in tabel.Rijen)
                {
                    rijen.Add(Rij(nummer++, [Tekst(rij.Label, rij.Totaal ? StijlKop : StijlTekst), .. rij.Cellen.Select((cel, i) => Waarde(cel, tabel.Kolommen[i].Soort))]));
                }

                Blad(workbook, sheets, sheetId++, UniekeNaam(tabel.Id, namen), rijen, tabel.Kolommen.Count + 1);
            }

            var uitleg = new List<Row> { Rij(1, [Tekst("Koers-monitor", StijlTitel)]) };
            uint r = 2;
            foreach (var (naam, waarde) in toelichting) uitleg.Add(Rij(r++, [Tekst(naam, StijlKop), Tekst(waarde, StijlTekst)]));
            r++;
            uitleg.Add(Rij(r++, [Kop("Blad"), Kop("Tabel"), Kop("Toelichting"), Kop("Bronnen")]));
            foreach (var tabel in tabellen)
            {
                var bronnen = string.Join(" | ", (tabel.Bronnen ?? []).Select(b => $"{b.Bron}, {b.Verwijzing}"));
                uitleg.Add(Rij(r++, [Tekst(tabel.Id, StijlTekst), Tekst(tabel.Titel, StijlTekst), Tekst(tabel.Toelichting ?? string.Empty, StijlTekst), Tekst(bronnen, StijlTekst)]));
            }

            Blad(workbook, sheets, sheetId, UniekeNaam("toelichting", namen), uitleg, 4);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static void Blad(WorkbookPart workbook, Sheets sheets, uint id, string naam, List<Row> rijen, int kolommen)
    {
        var deel = workbook.AddNewPart<WorksheetPart>();
        var breedtes = new Columns(new Column { Min = 1, Max = 1, Width = 48, CustomWidth = true });
        if (kolommen > 1) breedtes.Append(new Column { Min = 2, Max = (uint)kolommen, Width = 22, CustomWidth = true });
        deel.Worksheet = new Worksheet(breedtes, new SheetData(rijen));
        deel.Worksheet.Save();
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(deel), SheetId = id, Name = naam });
    }

    private static string UniekeNaam(string basis, HashSet<string> namen)
    {
        var naam = new string(basis.Where(c => !"[]:*?/\\".Contains(c)).ToArray());
        if (naam.Length > 31) naam = naam[..31];
        var kandidaat = naam;
        for (var n = 2; !namen.Add(kandidaat); n++) kandidaat = $"{naam[..Math.Min(naam.Length, 28)]}-{n}";
        return kandidaat;
    }

    private static Row Rij(uint nummer, IReadOnlyList<Cell> cellen)
    {
        var rij = new Row { RowIndex = nummer };
        for (var i = 0; i < cellen.Count; i++)
        {
            cellen[i].CellReference = Kolomletters(i) + nummer.ToString(CultureInfo.InvariantCulture);
            rij.Append(cellen[i]);
        }

        return rij;
    }

    public static string Kolomletters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    private static Cell Kop(string tekst) => Tekst(tekst, StijlKop);

    private static Cell Tekst(string tekst, uint stijl) => new()
    {
        DataType = CellValues.InlineString,
        StyleIndex = stijl,
        InlineString = new InlineString(new Text(tekst) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell Waarde(Cel cel, KolomSoort soort)
    {
        if (cel.Waarde is not { } w || soort == KolomSoort.Tekst)
        {
            return Tekst(cel == Cel.Leeg || cel.Tekst == "—" ? string.Empty : cel.Tekst, StijlTekst);
        }

        return new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(w),
            StyleIndex = soort switch
            {
                KolomSoort.Aantal => StijlAantal,
                KolomSoort.Percentage => StijlProcent,
                KolomSoort.Bedrag => StijlEuro,
                _ => StijlDecimaal,
            },
        };
    }

    private static Stylesheet Stylesheet() => new()
    {
        NumberingFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0\"%\"" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "\"€\" #,##0.00" })
        { Count = 3 },
        Fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }))
        { Count = 3 },
        Fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        Borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        CellStyleFormats = new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        CellFormats = new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 3, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true })
        { Count = 8 },
        CellStyles = new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 },
    };
}
