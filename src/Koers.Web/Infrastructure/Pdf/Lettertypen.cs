using SkiaSharp;

namespace Koers.Web.Infrastructure.Pdf;

/// <summary>
/// The fonts for PDF letters: DejaVu Sans, embedded in this assembly (licence in Fonts/LICENSE-DejaVu.txt).
/// Embedded because the native Skia build we ship has no fontconfig: a font asked for by family name
/// comes back empty, and a server need not have fonts at all.
/// </summary>
internal static class Lettertypen
{
    private static readonly Lazy<SKTypeface> Gewoon = new(() => Laad("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Vet = new(() => Laad("DejaVuSans-Bold.ttf"));

    public static SKTypeface Normaal => Gewoon.Value;
    public static SKTypeface Bold => Vet.Value;

    private static SKTypeface Laad(string bestand)
    {
        var naam = $"Koers.Web.Infrastructure.Pdf.Fonts.{bestand}";
        using var bron = typeof(Lettertypen).Assembly.GetManifestResourceStream(naam)
            ?? throw new InvalidOperationException($"Lettertype {naam} is niet in de assembly opgenomen.");
        using var kopie = new MemoryStream();
        bron.CopyTo(kopie);
        // SKData copies the bytes; the typeface keeps its own reference to them.
        using var data = SKData.CreateCopy(kopie.GetBuffer().AsSpan(0, (int)kopie.Length));
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"Lettertype {naam} kon niet worden gelezen.");
    }
}
