using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Koers.Web.Infrastructure.Pdf;

/// <summary>The scripts a letter's fonts are chosen by: DejaVu Sans for Latin and Cyrillic (and digits, €, punctuation).</summary>
internal enum Schrift
{
    Latijns,
    Arabisch,
    Ethiopisch,
}

/// <summary>
/// Text that Skia cannot simply draw character by character: Arabic and Farsi (joined letter forms, right to left)
/// and Tigrinya (Ethiopic script, not in DejaVu). A line is cut into runs by bidi level and by script; each run gets the
/// font for its script and is shaped by HarfBuzz in its own direction; the runs are then put in visual order.
/// The bidi part is the Unicode Bidirectional Algorithm (UAX #9) without explicit embeddings or isolates (letters have
/// none): weak types W1, W4–W7, neutrals N1–N2, implicit levels I1–I2 and reordering L1–L2 (one deviation, for amounts,
/// is marked where it is made). That is what makes an
/// amount ("€ 330,67"), a date ("14 ديسمبر 2026") or a Dutch name inside Arabic read as it should.
/// Lines with only Latin/Cyrillic text in a left-to-right letter never come here: Dutch letters are drawn as before.
/// </summary>
internal static class Vormgever
{
    private enum Soort : byte { L, R, EN, AN, ES, ET, CS, NSM, WS, ON }

    private sealed record Run(int Begin, int Lengte, int Niveau, Schrift Schrift);

    // One shaper (a HarfBuzz font over the face's data) per face: costly to make, cheap to reuse. It is not thread-safe
    // (the scale is set per call), hence the lock around each use.
    private static readonly ConcurrentDictionary<SKTypeface, SKShaper> Shapers = new(ReferenceEqualityComparer.Instance);

    /// <summary>True when the text needs no shaping or reordering: nothing right-to-left and nothing outside DejaVu's scripts.</summary>
    public static bool Eenvoudig(ReadOnlySpan<char> tekst)
    {
        foreach (var c in tekst)
        {
            if (c < '\u0590') continue;
            if (SchriftVan(c) != Schrift.Latijns || Klasse(c) is Soort.R or Soort.AN || c is '\u200C' or '\u200D' or '\u200E' or '\u200F') return false;
        }

        return true;
    }

    /// <summary>The advance width of the text as it will be drawn (shaped, with the fonts per script).</summary>
    public static float Breedte(string tekst, SKFont font)
    {
        if (Eenvoudig(tekst)) return font.MeasureText(tekst);
        var breedte = 0f;
        foreach (var run in Runs(tekst, rechtsNaarLinks: false))
        {
            using var f = FontVoor(run.Schrift, font);
            breedte += Vorm(tekst, run, f ?? font).Width;
        }

        return breedte;
    }

    /// <summary>Draws one line with its left end at <paramref name="x"/>, in the paragraph direction given.</summary>
    public static void Teken(SKCanvas canvas, string tekst, float x, float y, SKFont font, SKPaint verf, bool rechtsNaarLinks)
    {
        using var bouwer = new SKTextBlobBuilder();
        var pen = 0f;
        foreach (var run in Runs(tekst, rechtsNaarLinks))
        {
            using var eigen = FontVoor(run.Schrift, font);
            var f = eigen ?? font;
            var (resultaat, utf8) = VormMetTekst(tekst, run, f);
            var n = resultaat.Codepoints.Length;
            if (n == 0) continue;
            // Glyphs with the text and clusters they come from: the PDF then maps joined Arabic forms back to letters.
            var buffer = bouwer.AllocatePositionedTextRun(f, n, utf8.Length);
            var glyphs = buffer.Glyphs;
            var posities = buffer.Positions;
            var clusters = buffer.Clusters;
            for (var g = 0; g < n; g++)
            {
                glyphs[g] = (ushort)resultaat.Codepoints[g];
                posities[g] = new SKPoint(pen + resultaat.Points[g].X, resultaat.Points[g].Y);
                clusters[g] = resultaat.Clusters[g];
            }

            utf8.CopyTo(buffer.Text);
            pen += resultaat.Width;
        }

        using var blob = bouwer.Build();
        if (blob is not null) canvas.DrawText(blob, x, y, verf);
    }

    private static SKFont? FontVoor(Schrift schrift, SKFont basis)
    {
        if (schrift == Schrift.Latijns) return null;
        return new SKFont(Lettertypen.Voor(schrift, basis.Typeface), basis.Size)
        {
            Hinting = basis.Hinting,
            Subpixel = basis.Subpixel,
            LinearMetrics = basis.LinearMetrics,
        };
    }

    private static SKShaper.Result Vorm(string tekst, Run run, SKFont font) => VormMetTekst(tekst, run, font).Resultaat;

    private static (SKShaper.Result Resultaat, byte[] Utf8) VormMetTekst(string tekst, Run run, SKFont font)
    {
        var utf8 = Encoding.UTF8.GetBytes(tekst.Substring(run.Begin, run.Lengte));
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf8(utf8);
        buffer.Direction = run.Niveau % 2 == 1 ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.GuessSegmentProperties();
        var shaper = Shapers.GetOrAdd(font.Typeface, t => new SKShaper(t));
        lock (shaper) return (shaper.Shape(buffer, 0, 0, font), utf8);
    }

    // ---- bidi and script runs ----

    /// <summary>The line as runs of one level and one script, in visual order (left to right on the page).</summary>
    private static List<Run> Runs(string tekst, bool rechtsNaarLinks)
    {
        var p = rechtsNaarLinks ? 1 : 0;
        var niveaus = Niveaus(tekst, p);
        var schriften = Schriften(tekst);
        var runs = new List<Run>();
        var begin = 0;
        for (var i = 1; i <= tekst.Length; i++)
        {
            if (i < tekst.Length && niveaus[i] == niveaus[begin] && schriften[i] == schriften[begin]) continue;
            runs.Add(new Run(begin, i - begin, niveaus[begin], schriften[begin]));
            begin = i;
        }

        // L2: from the highest level down to the lowest odd one, reverse every stretch of runs at that level or higher.
        if (runs.Count == 0) return runs;
        var hoogste = runs.Max(r => r.Niveau);
        var laagsteOneven = runs.Where(r => r.Niveau % 2 == 1).Select(r => r.Niveau).DefaultIfEmpty(int.MaxValue).Min();
        for (var niveau = hoogste; niveau >= laagsteOneven; niveau--)
        {
            for (var i = 0; i < runs.Count; i++)
            {
                if (runs[i].Niveau < niveau) continue;
                var j = i;
                while (j + 1 < runs.Count && runs[j + 1].Niveau >= niveau) j++;
                runs.Reverse(i, j - i + 1);
                i = j;
            }
        }

        return runs;
    }

    /// <summary>Embedding level per UTF-16 unit (a surrogate pair's halves get the same).</summary>
    internal static int[] Niveaus(string tekst, int p)
    {
        var n = tekst.Length;
        var t = new Soort[n];
        for (var i = 0; i < n; i++) t[i] = Klasse(tekst[i]);
        var sos = p == 1 ? Soort.R : Soort.L;

        // W1: a non-spacing mark takes the type of what it is on.
        for (var i = 0; i < n; i++) if (t[i] == Soort.NSM) t[i] = i == 0 ? sos : t[i - 1];
        // W4: a single separator between two numbers of the same kind joins them.
        for (var i = 1; i < n - 1; i++)
        {
            if (t[i] == Soort.ES && t[i - 1] == Soort.EN && t[i + 1] == Soort.EN) t[i] = Soort.EN;
            else if (t[i] == Soort.CS && t[i - 1] == t[i + 1] && t[i - 1] is Soort.EN or Soort.AN) t[i] = t[i - 1];
        }

        // Deviation from UAX #9, for amounts: a currency sign and its number separated by one (no-break) space stay one
        // left-to-right unit, so "€ 330,67" reads the same in an Arabic line as on the portal page (which isolates amounts).
        for (var i = 1; i < n - 1; i++)
            if (tekst[i] is ' ' or '\u00A0' or '\u202F' && t[i - 1] == Soort.ET && t[i + 1] == Soort.EN) t[i] = Soort.ET;
        // W5: currency and percent signs directly next to a European number belong to it.
        for (var i = 0; i < n; i++)
        {
            if (t[i] != Soort.ET) continue;
            var j = i;
            while (j < n && t[j] == Soort.ET) j++;
            if ((i > 0 && t[i - 1] == Soort.EN) || (j < n && t[j] == Soort.EN)) for (var k = i; k < j; k++) t[k] = Soort.EN;
            i = j - 1;
        }

        // W6: the remaining separators and terminators are neutral.
        for (var i = 0; i < n; i++) if (t[i] is Soort.ES or Soort.ET or Soort.CS) t[i] = Soort.ON;
        // W7: a European number in left-to-right context is simply left-to-right text.
        var laatsteSterk = sos;
        for (var i = 0; i < n; i++)
        {
            if (t[i] is Soort.L or Soort.R) laatsteSterk = t[i];
            else if (t[i] == Soort.EN && laatsteSterk == Soort.L) t[i] = Soort.L;
        }

        // N0: a pair of brackets takes one direction, so "Waterbedrijf Zuid (demo)" inside an Arabic line keeps its closing
        // bracket after "demo" instead of sending it to the far end (the payee names in the monthly statement have them).
        // Inside the pair a strong type of the paragraph's direction wins; else the other direction when the text before
        // the opening bracket has it too; else the paragraph's. Numbers count as right-to-left, as in N1.
        var e = p == 1 ? Soort.R : Soort.L;
        var open = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            if (t[i] != Soort.ON) continue;
            if (tekst[i] is '(' or '[') open.Push(i);
            else if (tekst[i] is ')' or ']' && open.Count > 0 && tekst[open.Peek()] == (tekst[i] == ')' ? '(' : '['))
            {
                var o = open.Pop();
                var binnen = t[(o + 1)..i].Where(x => x is Soort.L or Soort.R or Soort.EN or Soort.AN).Select(Richting).ToList();
                if (binnen.Count == 0) continue;
                Soort wordt;
                if (binnen.Contains(e)) wordt = e;
                else
                {
                    var ervoor = sos;
                    for (var k = o - 1; k >= 0; k--) if (t[k] is Soort.L or Soort.R or Soort.EN or Soort.AN) { ervoor = Richting(t[k]); break; }
                    wordt = ervoor != e ? ervoor : e;
                }

                t[o] = t[i] = wordt;
            }
        }

        // N1, N2: neutrals between two of the same direction take it (numbers count as right-to-left); others the paragraph's.
        for (var i = 0; i < n; i++)
        {
            if (t[i] is not (Soort.ON or Soort.WS)) continue;
            var j = i;
            while (j < n && t[j] is Soort.ON or Soort.WS) j++;
            var voor = i == 0 ? sos : Richting(t[i - 1]);
            var na = j == n ? sos : Richting(t[j]);
            var wordt = voor == na ? voor : sos;
            for (var k = i; k < j; k++) t[k] = wordt;
            i = j - 1;
        }

        // I1, I2: implicit levels.
        var niveaus = new int[n];
        for (var i = 0; i < n; i++)
        {
            niveaus[i] = (p % 2, t[i]) switch
            {
                (0, Soort.R) => p + 1,
                (0, Soort.EN or Soort.AN) => p + 2,
                (1, Soort.L or Soort.EN or Soort.AN) => p + 1,
                _ => p,
            };
        }

        // L1: whitespace at the end of the line goes back to the paragraph level.
        for (var i = n - 1; i >= 0 && tekst[i] is ' ' or '\t'; i--) niveaus[i] = p;
        // A surrogate pair stays one unit.
        for (var i = 1; i < n; i++) if (char.IsLowSurrogate(tekst[i])) niveaus[i] = niveaus[i - 1];
        return niveaus;
    }

    private static Soort Richting(Soort s) => s is Soort.L ? Soort.L : Soort.R; // EN, AN and R count as right-to-left for neutrals

    /// <summary>The script (so the font) per UTF-16 unit; spaces, marks and punctuation go with the script before them when its font has them.</summary>
    private static Schrift[] Schriften(string tekst)
    {
        var n = tekst.Length;
        var s = new Schrift[n];
        var eigen = new bool[n];
        for (var i = 0; i < n; i++)
        {
            s[i] = SchriftVan(tekst[i]);
            eigen[i] = s[i] != Schrift.Latijns || char.IsLetterOrDigit(tekst[i]) || char.IsSurrogate(tekst[i]);
        }

        for (var i = 0; i < n; i++)
        {
            if (eigen[i]) continue;
            var bron = -1;
            for (var k = i - 1; k >= 0 && bron < 0; k--) if (eigen[k]) bron = k;
            if (bron < 0) for (var k = i + 1; k < n && bron < 0; k++) if (eigen[k]) bron = k;
            if (bron < 0 || s[bron] == Schrift.Latijns) continue;
            if (tekst[i] is '\u200C' or '\u200D' || Klasse(tekst[i]) == Soort.NSM || HeeftGlyph(s[bron], tekst[i])) s[i] = s[bron];
        }

        return s;
    }

    private static readonly ConcurrentDictionary<(Schrift, char), bool> Glyphs = new();

    private static bool HeeftGlyph(Schrift schrift, char c) => Glyphs.GetOrAdd((schrift, c), sleutel =>
    {
        using var font = new SKFont(Lettertypen.Voor(sleutel.Item1, Lettertypen.Normaal));
        return font.GetGlyph(sleutel.Item2) != 0;
    });

    private static Schrift SchriftVan(char c) => c switch
    {
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => Schrift.Arabisch,
        >= '\u1200' and <= '\u139F' or >= '\u2D80' and <= '\u2DDF' or >= '\uAB00' and <= '\uAB2F' => Schrift.Ethiopisch,
        _ => Schrift.Latijns,
    };

    /// <summary>The bidi class, as far as letters need it; Arabic letters (AL) are treated as R.</summary>
    private static Soort Klasse(char c)
    {
        switch (c)
        {
            case >= '0' and <= '9':
            case >= '\u06F0' and <= '\u06F9': // Extended Arabic-Indic (Farsi) digits are European numbers in UAX #9
                return Soort.EN;
            case >= '\u0660' and <= '\u0669' or '\u066B' or '\u066C':
                return Soort.AN;
            case '+' or '-' or '\u2212':
                return Soort.ES;
            case '#' or '$' or '%' or '°' or '\u00A2' or '\u00A3' or '\u00A5' or '\u066A' or >= '\u20A0' and <= '\u20CF':
                return Soort.ET;
            case ',' or '.' or ':' or '/' or '\u00A0' or '\u060C' or '\u202F':
                return Soort.CS;
            case ' ' or '\t' or '\u2000' or '\u2001' or '\u2002' or '\u2003' or '\u2009':
                return Soort.WS;
            case '\u200E':
                return Soort.L;
            case '\u200F':
                return Soort.R;
            case '\u200C' or '\u200D':
                return Soort.NSM;
        }

        var categorie = CharUnicodeInfo.GetUnicodeCategory(c);
        if (categorie is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) return Soort.NSM;
        if (c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF')
            return Soort.R;
        if (char.IsLetter(c) || char.IsSurrogate(c) || categorie == UnicodeCategory.SpacingCombiningMark) return Soort.L;
        return Soort.ON;
    }
}
