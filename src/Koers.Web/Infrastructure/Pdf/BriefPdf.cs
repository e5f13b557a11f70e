using System.Globalization;
using SkiaSharp;

namespace Koers.Web.Infrastructure.Pdf;

/// <summary>What a municipality prints at the top of every letter, and where objections go.</summary>
/// <param name="Gemeentenaam">As printed, e.g. "Gemeente Bergeijk". Also the PDF's author.</param>
/// <param name="Afdeling">e.g. "Team Inburgering".</param>
/// <param name="Postadres">e.g. "Postbus 10000, 5570 GA Bergeijk".</param>
/// <param name="Telefoon">e.g. "14 0497".</param>
/// <param name="Website">e.g. "www.bergeijk.nl".</param>
/// <param name="BezwaarAdres">Where a bezwaarschrift goes; lines may be separated by '\n'.</param>
public sealed record Briefhoofd(
    string Gemeentenaam, string Afdeling, string Postadres, string Telefoon, string Website, string BezwaarAdres);

/// <summary>The few words the letter machinery writes itself, for a letter in another language than Dutch.</summary>
/// <param name="Pagina">Footer, with {0} the page and {1} the number of pages.</param>
/// <param name="Telefoon">Label before the phone number in the letterhead.</param>
/// <param name="RechtsNaarLinks">Arabic, Farsi: the body (headings, paragraphs, lists, tables) is right aligned and
/// mirrored, each line laid out right to left. The letterhead and the address stay where a window envelope expects them.</param>
public sealed record Briefteksten(string Pagina, string Telefoon, bool RechtsNaarLinks)
{
    public static readonly Briefteksten Nederlands = new("Pagina {0} van {1}", "Telefoon", false);
}

/// <summary>
/// An A4 letter as a PDF: letterhead and footer ("Pagina X van Y") on every page, text flowing over
/// as many pages as it needs. Blocks are added in reading order; <see cref="Maak"/> lays them out.
/// A line is never split over two pages; a heading stays with what follows it, and a paragraph does
/// not leave a single line behind on a page (or carry one alone to the next).
/// The text is real text with embedded fonts (DejaVu Sans; Noto Sans Arabic and Ethiopic for Arabic, Farsi and
/// Tigrinya, shaped by HarfBuzz, see <see cref="Vormgever"/>), so it can be searched and copied.
/// </summary>
public sealed class BriefPdf
{
    private readonly Briefhoofd hoofd;
    private readonly List<Action<Zetter>> blokken = [];
    private string? titel;
    private string? onderwerp;
    private string? eersteKop;
    private Briefteksten teksten = Briefteksten.Nederlands;

    public BriefPdf(Briefhoofd hoofd)
    {
        ArgumentNullException.ThrowIfNull(hoofd);
        this.hoofd = hoofd;
    }

    /// <summary>The PDF's title. Without it: the "Onderwerp" of <see cref="Kenmerken"/>, else the first heading.</summary>
    public BriefPdf Titel(string titel)
    {
        this.titel = titel;
        return this;
    }

    /// <summary>A letter in another language: the footer and letterhead words, and the writing direction. Set it first.</summary>
    public BriefPdf Taal(Briefteksten teksten)
    {
        ArgumentNullException.ThrowIfNull(teksten);
        if (blokken.Count > 0) throw new InvalidOperationException("Kies de taal van de brief voordat er tekst in staat.");
        this.teksten = teksten;
        return this;
    }

    /// <summary>The addressee's name and address. On page 1 it starts where a window envelope shows it.</summary>
    public BriefPdf Adressering(IEnumerable<string> regels)
    {
        var lijst = regels.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        blokken.Add(z => z.Adressering(lijst));
        return this;
    }

    /// <summary>The block with datum, kenmerk, onderwerp: small grey labels, values beside them.</summary>
    public BriefPdf Kenmerken(IReadOnlyList<(string Label, string Waarde)> kenmerken)
    {
        var lijst = kenmerken.ToList();
        onderwerp ??= lijst.FirstOrDefault(k => string.Equals(k.Label, "Onderwerp", StringComparison.OrdinalIgnoreCase)).Waarde;
        blokken.Add(z => z.Kenmerken(lijst));
        return this;
    }

    /// <summary>A bold heading, kept on the same page as the first lines after it.</summary>
    public BriefPdf Kop(string tekst)
    {
        eersteKop ??= tekst;
        blokken.Add(z => z.Kop(tekst));
        return this;
    }

    /// <summary>
    /// A paragraph, left aligned and wrapped; '\n' starts a new line, over-long words are broken.
    /// A paragraph ending in ':' stays on the same page as the start of what follows it.
    /// </summary>
    public BriefPdf Alinea(string tekst)
    {
        blokken.Add(z => z.Alinea(tekst));
        return this;
    }

    /// <summary>A bulleted list; each item wraps with a hanging indent. A short list is kept on one page.</summary>
    public BriefPdf Opsomming(IEnumerable<string> punten)
    {
        var lijst = punten.ToList();
        blokken.Add(z => z.Opsomming(lijst));
        return this;
    }

    /// <summary>Two columns: labels left, values right; both wrap. A short table is kept on one page.</summary>
    public BriefPdf Tabel(IReadOnlyList<(string Label, string Waarde)> rijen)
    {
        var lijst = rijen.ToList();
        blokken.Add(z => z.Tabel(lijst));
        return this;
    }

    /// <summary>Vertical white space (left out at the top of a page).</summary>
    public BriefPdf Ruimte(float millimeter = 5)
    {
        blokken.Add(z => z.Ruimte(millimeter * Zetter.Mm));
        return this;
    }

    /// <summary>Lays out and renders the letter; returns the PDF's bytes.</summary>
    public byte[] Maak()
    {
        using var zetter = new Zetter(hoofd, teksten);
        foreach (var blok in blokken) blok(zetter);
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = titel ?? onderwerp ?? eersteKop ?? $"Brief {hoofd.Gemeentenaam}";
        metadata.Author = hoofd.Gemeentenaam;
        metadata.Creator = "Koers";
        metadata.Producer = "Koers";
        // PDF/A-2b (ISO 19005-2, level B): a letter is kept for years in the case and in the municipality's archive
        // (Archiefwet), so it must render the same without outside resources: Skia then writes the XMP identification
        // (pdfaid:part 2, conformance B), an sRGB output intent and a document id; the fonts are embedded anyway.
        metadata.PdfA = true;
        return zetter.Render(metadata);
    }

    /// <summary>
    /// Turns blocks into lines (first pass), distributes the lines over pages, and only then draws,
    /// so every page knows how many pages there are.
    /// </summary>
    private sealed class Zetter : IDisposable
    {
        public const float Mm = 72f / 25.4f;
        private const float PaginaBreedte = 210 * Mm;
        private const float PaginaHoogte = 297 * Mm;
        private const float Links = 20 * Mm;
        private const float Rechts = PaginaBreedte - 20 * Mm;
        private const float Breedte = Rechts - Links;
        private const float Onder = PaginaHoogte - 22 * Mm;
        private const float VoetLijn = PaginaHoogte - 17 * Mm;
        private const float VoetBasis = PaginaHoogte - 12.5f * Mm;
        private const float AdresVanaf = 50 * Mm; // top of a window envelope's address window
        private const float Regelhoogte = 14f;
        private const float NaAlinea = 7f;

        private static readonly SKColor Zwart = new(0x1A, 0x1A, 0x1A);
        private static readonly SKColor Grijs = new(0x5F, 0x63, 0x68);
        private static readonly SKColor Huiskleur = new(0x15, 0x41, 0x73);
        private static readonly SKColor Lijnkleur = new(0xB8, 0xC2, 0xCC);

        private readonly Briefhoofd hoofd;
        private readonly Briefteksten teksten;
        private readonly bool rtl;
        private readonly SKFont tekst = Font(Lettertypen.Normaal, 10f);
        private readonly SKFont kop = Font(Lettertypen.Bold, 11f);
        private readonly SKFont label = Font(Lettertypen.Normaal, 8.5f);
        private readonly SKFont naam = Font(Lettertypen.Bold, 18f);
        private readonly SKFont klein = Font(Lettertypen.Normaal, 8f);
        private readonly List<Regel> regels = [];
        private readonly List<(string Tekst, SKFont Font, SKColor Kleur, float Basis)> briefhoofd = [];
        private readonly float boven;
        private readonly float hoofdLijn;

        public Zetter(Briefhoofd hoofd, Briefteksten teksten)
        {
            this.hoofd = hoofd;
            this.teksten = teksten;
            rtl = teksten.RechtsNaarLinks;
            var y = 15 * Mm;
            y += Stijging(naam);
            briefhoofd.Add((hoofd.Gemeentenaam, naam, Huiskleur, y));
            y += 5f;
            if (!string.IsNullOrWhiteSpace(hoofd.Afdeling))
            {
                y += 12f;
                briefhoofd.Add((hoofd.Afdeling, tekst, Zwart, y));
            }
            var contact = string.Join("  ·  ", new[]
            {
                hoofd.Postadres,
                string.IsNullOrWhiteSpace(hoofd.Telefoon) ? "" : Vormgever.Eenvoudig(teksten.Telefoon)
                    ? $"{teksten.Telefoon} {hoofd.Telefoon}"
                    : $"{teksten.Telefoon} \u200E{hoofd.Telefoon}", // LRM: after an Arabic label, "14 0497" would otherwise read as "0497 14"
                hoofd.Website,
            }.Where(s => !string.IsNullOrWhiteSpace(s)));
            foreach (var regel in Wikkel(contact, klein, Breedte).Where(r => r.Length > 0))
            {
                y += 11f;
                briefhoofd.Add((regel, klein, Grijs, y));
            }
            hoofdLijn = y + 6f;
            boven = hoofdLijn + 9 * Mm;
        }

        public void Dispose()
        {
            foreach (var f in new[] { tekst, kop, label, naam, klein }) f.Dispose();
        }

        // ---- first pass: blocks to lines ----

        public void Adressering(IReadOnlyList<string> adres)
        {
            var gebruikt = regels.Sum(r => r.Hoogte);
            if (boven + gebruikt < AdresVanaf)
                regels.Add(new Regel(AdresVanaf - boven - gebruikt) { Bijhouden = true }); // fixed, not dropped
            var lijnen = adres.SelectMany(a => Wikkel(a, tekst, 85 * Mm)).ToList();
            for (var i = 0; i < lijnen.Count; i++)
                regels.Add(new Regel(13.5f, new Deel(Links, Basis(13.5f, tekst), lijnen[i], tekst, Zwart)) { Bijhouden = i < lijnen.Count - 1 });
            Ruimte(12 * Mm);
        }

        public void Kenmerken(IReadOnlyList<(string Label, string Waarde)> kenmerken)
        {
            const float kolom = 30 * Mm;
            var begin = regels.Count;
            foreach (var (lbl, waarde) in kenmerken)
            {
                var labels = Wikkel(lbl, label, kolom - 4);
                var waarden = Wikkel(waarde, tekst, Breedte - kolom);
                Rij(labels, label, Grijs, waarden, tekst, kolom, 13.5f);
            }
            HoudKortBlokSamen(begin);
            Ruimte(9 * Mm);
        }

        public void Kop(string titel)
        {
            Ruimte(9f);
            foreach (var lijn in Wikkel(titel, kop, Breedte))
                regels.Add(new Regel(15f, new Deel(Links, Basis(15f, kop), lijn, kop, Huiskleur, rtl)) { Bijhouden = true });
            regels.Add(new Regel(2f) { Wit = true, Bijhouden = true });
        }

        public void Alinea(string inhoud)
        {
            var lijnen = Wikkel(inhoud, tekst, Breedte);
            var regelsVanAlinea = lijnen.Select(l => new Regel(Regelhoogte, new Deel(Links, Basis(Regelhoogte, tekst), l, tekst, Zwart, rtl))).ToList();
            Voeg(regelsVanAlinea);
            // "Dit zijn de onderdelen:" introduces what follows: never leave it alone at the foot of a page
            var inleiding = inhoud.TrimEnd().EndsWith(':');
            if (inleiding) regelsVanAlinea[^1].Bijhouden = true;
            regels.Add(new Regel(NaAlinea) { Wit = true, Bijhouden = inleiding });
        }

        public void Opsomming(IReadOnlyList<string> punten)
        {
            const float inspringen = 14f;
            var begin = regels.Count;
            for (var p = 0; p < punten.Count; p++)
            {
                var lijnen = Wikkel(punten[p], tekst, Breedte - inspringen);
                var item = new List<Regel>();
                for (var i = 0; i < lijnen.Count; i++)
                {
                    var r = new Regel(Regelhoogte, new Deel(Links + inspringen, Basis(Regelhoogte, tekst), lijnen[i], tekst, Zwart, rtl));
                    if (i == 0) r.Delen.Insert(0, new Deel(Links + 3f, Basis(Regelhoogte, tekst), "•", tekst, Huiskleur, rtl));
                    item.Add(r);
                }
                Voeg(item);
                if (p < punten.Count - 1) Ruimte(2.5f);
            }
            HoudKortBlokSamen(begin);
            Ruimte(NaAlinea);
        }

        public void Tabel(IReadOnlyList<(string Label, string Waarde)> rijen)
        {
            if (rijen.Count == 0) return;
            var breedste = rijen.Max(r => Vormgever.Breedte(r.Label, tekst)) + 12f;
            var kolom = Math.Clamp(breedste, Breedte * 0.25f, Breedte * 0.4f);
            var begin = regels.Count;
            for (var i = 0; i < rijen.Count; i++)
            {
                var labels = Wikkel(rijen[i].Label, tekst, kolom - 12f);
                var waarden = Wikkel(rijen[i].Waarde, tekst, Breedte - kolom);
                Rij(labels, tekst, Grijs, waarden, tekst, kolom, Regelhoogte);
                if (i < rijen.Count - 1) Ruimte(3f);
            }
            HoudKortBlokSamen(begin);
            Ruimte(NaAlinea);
        }

        public void Ruimte(float punten) => regels.Add(new Regel(punten) { Wit = true });

        /// <summary>One table row: label lines beside value lines; a row of up to six lines stays together.</summary>
        private void Rij(List<string> labels, SKFont labelFont, SKColor labelKleur, List<string> waarden, SKFont waardeFont, float kolom, float hoogte)
        {
            var aantal = Math.Max(labels.Count, waarden.Count);
            var rij = new List<Regel>();
            for (var i = 0; i < aantal; i++)
            {
                var r = new Regel(hoogte);
                if (i < labels.Count) r.Delen.Add(new Deel(Links, Basis(hoogte, waardeFont), labels[i], labelFont, labelKleur, rtl));
                if (i < waarden.Count) r.Delen.Add(new Deel(Links + kolom, Basis(hoogte, waardeFont), waarden[i], waardeFont, Zwart, rtl));
                rij.Add(r);
            }
            Voeg(rij);
        }

        /// <summary>A list or table of at most eight lines is not split over two pages.</summary>
        private void HoudKortBlokSamen(int begin)
        {
            if (regels.Skip(begin).Count(r => !r.Wit) > 8) return;
            for (var i = begin; i < regels.Count - 1; i++) regels[i].Bijhouden = true;
        }

        /// <summary>Adds lines of one paragraph: short ones stay together, long ones keep two lines at each end.</summary>
        private void Voeg(List<Regel> lijnen)
        {
            for (var i = 0; i < lijnen.Count - 1; i++)
                lijnen[i].Bijhouden = lijnen.Count <= 6 || i == 0 || i == lijnen.Count - 2;
            regels.AddRange(lijnen);
        }

        // ---- second pass: lines to pages ----

        private List<List<(Regel Regel, float Y)>> Pagineer()
        {
            var paginas = new List<List<(Regel, float)>> { new() };
            var y = boven;
            var i = 0;
            while (i < regels.Count)
            {
                // a chain: lines that must share a page with the next one
                var j = i;
                var keten = regels[i].Hoogte;
                while (regels[j].Bijhouden && j + 1 < regels.Count) keten += regels[++j].Hoogte;
                if (paginas[^1].Count > 0 && y + keten > Onder && keten <= Onder - boven)
                {
                    paginas.Add([]);
                    y = boven;
                }
                for (var k = i; k <= j; k++)
                {
                    var r = regels[k];
                    if (r.Wit && paginas[^1].Count == 0) continue;
                    if (y + r.Hoogte > Onder && paginas[^1].Count > 0)
                    {
                        paginas.Add([]);
                        y = boven;
                        if (r.Wit) continue;
                    }
                    paginas[^1].Add((r, y));
                    y += r.Hoogte;
                }
                i = j + 1;
            }
            while (paginas.Count > 1 && paginas[^1].All(p => p.Item1.Delen.Count == 0)) paginas.RemoveAt(paginas.Count - 1);
            return paginas;
        }

        // ---- third pass: draw ----

        public byte[] Render(SKDocumentPdfMetadata metadata)
        {
            var paginas = Pagineer();
            using var uit = new MemoryStream();
            using (var document = SKDocument.CreatePdf(uit, metadata))
            {
                using var verf = new SKPaint { IsAntialias = true };
                using var lijn = new SKPaint { IsAntialias = true, Color = Lijnkleur, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke };
                for (var p = 0; p < paginas.Count; p++)
                {
                    var canvas = document.BeginPage(PaginaBreedte, PaginaHoogte);
                    foreach (var (t, f, kleur, basis) in briefhoofd) Tekst(canvas, verf, t, Links, basis, f, kleur, false);
                    canvas.DrawLine(Links, hoofdLijn, Rechts, hoofdLijn, lijn);

                    foreach (var (regel, y) in paginas[p])
                        foreach (var d in regel.Delen)
                        {
                            // right to left: the part mirrored over the page's middle (the margins are equal), so it ends where it began
                            var x = d.RechtsNaarLinks ? PaginaBreedte - d.X - Vormgever.Breedte(d.Tekst, d.Font) : d.X;
                            Tekst(canvas, verf, d.Tekst, x, y + d.Basislijn, d.Font, d.Kleur, d.RechtsNaarLinks);
                        }

                    canvas.DrawLine(Links, VoetLijn, Rechts, VoetLijn, lijn);
                    Tekst(canvas, verf, hoofd.Gemeentenaam, Links, VoetBasis, klein, Grijs, false);
                    var nummer = string.Format(CultureInfo.InvariantCulture, teksten.Pagina, p + 1, paginas.Count);
                    Tekst(canvas, verf, nummer, Rechts - Vormgever.Breedte(nummer, klein), VoetBasis, klein, Grijs, rtl);
                    document.EndPage();
                }
                document.Close();
            }
            return uit.ToArray();
        }

        private static void Tekst(SKCanvas canvas, SKPaint verf, string t, float x, float y, SKFont font, SKColor kleur, bool rechtsNaarLinks)
        {
            if (t.Length == 0) return;
            verf.Color = kleur;
            // Latin and Cyrillic in a left-to-right letter: drawn directly, as every Dutch letter always was.
            if (!rechtsNaarLinks && Vormgever.Eenvoudig(t)) canvas.DrawText(t, x, y, SKTextAlign.Left, font, verf);
            else Vormgever.Teken(canvas, t, x, y, font, verf, rechtsNaarLinks);
        }

        // ---- text measuring ----

        private static SKFont Font(SKTypeface typeface, float grootte) => new(typeface, grootte)
        {
            // unhinted, fractional metrics: what is measured is what the PDF shows
            Hinting = SKFontHinting.None,
            Subpixel = true,
            LinearMetrics = true,
        };

        private static float Stijging(SKFont f) => -f.Metrics.Ascent;

        /// <summary>Baseline offset that centres the font's ascent+descent in a line of the given height.</summary>
        private static float Basis(float hoogte, SKFont f)
        {
            var m = f.Metrics;
            return hoogte / 2 - (m.Ascent + m.Descent) / 2;
        }

        /// <summary>Greedy word wrap; '\n' forces a break, a word wider than the line is broken between characters.</summary>
        internal static List<string> Wikkel(string? inhoud, SKFont f, float breedte)
        {
            var lijnen = new List<string>();
            var schoon = (inhoud ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Replace('\t', ' ').Replace("\u00AD", "");
            foreach (var alinea in schoon.Split('\n'))
            {
                var huidig = "";
                foreach (var woord in alinea.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var kandidaat = huidig.Length == 0 ? woord : huidig + " " + woord;
                    if (Vormgever.Breedte(kandidaat, f) <= breedte)
                    {
                        huidig = kandidaat;
                        continue;
                    }
                    if (huidig.Length > 0) lijnen.Add(huidig);
                    huidig = woord;
                    while (Vormgever.Breedte(huidig, f) > breedte)
                    {
                        var n = Past(huidig, f, breedte);
                        lijnen.Add(huidig[..n]);
                        huidig = huidig[n..];
                    }
                }
                lijnen.Add(huidig);
            }
            return lijnen;
        }

        /// <summary>How many chars of <paramref name="woord"/> fit, never splitting a surrogate pair or combining mark; at least one text element.</summary>
        private static int Past(string woord, SKFont f, float breedte)
        {
            var grenzen = StringInfo.ParseCombiningCharacters(woord);
            var n = grenzen.Length > 1 ? grenzen[1] : woord.Length;
            for (var e = 2; e <= grenzen.Length; e++)
            {
                var eind = e < grenzen.Length ? grenzen[e] : woord.Length;
                if (Vormgever.Breedte(woord[..eind], f) > breedte) break;
                n = eind;
            }
            return n;
        }
    }

    private sealed class Regel(float hoogte, params Deel[] delen)
    {
        public float Hoogte { get; } = hoogte;
        public List<Deel> Delen { get; } = [.. delen];
        /// <summary>White space: dropped at the top of a page.</summary>
        public bool Wit { get; init; }
        /// <summary>Must be on the same page as the next line.</summary>
        public bool Bijhouden { get; set; }
    }

    /// <param name="X">Where the part starts in a left-to-right letter; with <paramref name="RechtsNaarLinks"/> where it ends, mirrored.</param>
    private readonly record struct Deel(float X, float Basislijn, string Tekst, SKFont Font, SKColor Kleur, bool RechtsNaarLinks = false);
}
