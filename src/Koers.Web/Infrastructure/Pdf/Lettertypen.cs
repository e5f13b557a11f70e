using SkiaSharp;

namespace Koers.Web.Infrastructure.Pdf;

/// <summary>
/// The fonts for PDF letters: DejaVu Sans, embedded in this assembly (licence in Fonts/LICENSE-DejaVu.txt), and for
/// the portal languages DejaVu lacks, Noto Sans Arabic (Arabic, Farsi) and Noto Sans Ethiopic (Tigrinya), SIL OFL
/// (Fonts/LICENSE-Noto.txt). Embedded because the native Skia build we ship has no fontconfig: a font asked for by
/// family name comes back empty, and a server need not have fonts at all.
/// </summary>
internal static class Lettertypen
{
    private static readonly Lazy<SKTypeface> Gewoon = new(() => Laad("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Vet = new(() => Laad("DejaVuSans-Bold.ttf"));
    private static readonly Lazy<SKTypeface> ArabischGewoon = new(() => Laad("NotoSansArabic-Regular.ttf"));
    private static readonly Lazy<SKTypeface> ArabischVet = new(() => Laad("NotoSansArabic-Bold.ttf"));
    private static readonly Lazy<SKTypeface> EthiopischGewoon = new(() => Laad("NotoSansEthiopic-Regular.ttf"));
    private static readonly Lazy<SKTypeface> EthiopischVet = new(() => Laad("NotoSansEthiopic-Bold.ttf"));

    public static SKTypeface Normaal => Gewoon.Value;
    public static SKTypeface Bold => Vet.Value;

    /// <summary>The face for a script in the weight of <paramref name="basis"/> (one of <see cref="Normaal"/>, <see cref="Bold"/>).</summary>
    public static SKTypeface Voor(Schrift schrift, SKTypeface basis)
    {
        var vet = ReferenceEquals(basis, Vet.Value) || basis.FontStyle.Weight >= (int)SKFontStyleWeight.Bold;
        return schrift switch
        {
            Schrift.Arabisch => vet ? ArabischVet.Value : ArabischGewoon.Value,
            Schrift.Ethiopisch => vet ? EthiopischVet.Value : EthiopischGewoon.Value,
            _ => basis,
        };
    }

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
