using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Koers.Web.Tests.Pdf;

/// <summary>Reads a PDF back with PdfPig, as a person copying its text would get it.</summary>
public sealed record GelezenPdf(IReadOnlyList<string> Paginas, string? Titel, string? Auteur, string? Maker)
{
    public int Aantal => Paginas.Count;

    /// <summary>All text, whitespace (line breaks too) collapsed to single spaces.</summary>
    public string Tekst => string.Join(" ", Paginas);

    public int Telling(string fragment) => Regex.Count(Tekst, Regex.Escape(fragment));

    public static GelezenPdf Lees(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var paginas = document.GetPages().Select(p => Normaliseer(ContentOrderTextExtractor.GetText(p))).ToList();
        var info = document.Information;
        return new GelezenPdf(paginas, info.Title, info.Author, info.Creator);
    }

    public static string Normaliseer(string tekst) => Regex.Replace(tekst, @"\s+", " ").Trim();
}
