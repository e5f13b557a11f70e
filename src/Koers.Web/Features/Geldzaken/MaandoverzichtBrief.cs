using System.Globalization;
using System.Resources;
using Koers.Data.Model;
using Koers.Domain.Geldzaken;
using Koers.Domain.Ontzorgen;
using Koers.Web.Infrastructure.Pdf;

namespace Koers.Web.Features.Geldzaken;

/// <summary>Formatting of money and months for the geldzaken screens and letter: nl-NL, whatever the UI language.</summary>
public static class GeldWeergave
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    public static string Euro(decimal bedrag) => bedrag.ToString("C2", Nl);

    public static string BedragInvoer(decimal? bedrag) => bedrag?.ToString("0.00", Nl) ?? string.Empty;

    /// <summary>"24 november 2026".</summary>
    public static string Datum(DateOnly datum) => datum.ToString("d MMMM yyyy", Nl);
}

/// <summary>
/// The monthly statement as a letter to the inburgeraar, in plain language (B1) and in their own language (one of the
/// portal's seven): what the municipality paid from their bijstand this month and to whom, what is left for them, and
/// until when. The words are the portal page's (Portaal.resx, Geld_* and Last_*), so page and letter say the same thing,
/// plus the letter's own (Resources/GeldBrief.resx). Amounts stay Dutch (€ 330,67), dates are written in the language
/// on the Gregorian calendar like on the page; names of payees, of the municipality and the address stay as they are.
/// It is information, not a decision: no bezwaarclausule. Uses the same letter machinery as the beschikkingen
/// (<see cref="BriefPdf"/>), which shapes Arabic, Farsi and Tigrinya and lays Arabic and Farsi out right to left.
/// </summary>
public static class MaandoverzichtBrief
{
    private static readonly ResourceManager Pagina = new(typeof(Portaal.Resources.Portaal).FullName!, typeof(MaandoverzichtBrief).Assembly);
    private static readonly ResourceManager Eigen = new(typeof(Resources.GeldBrief).FullName!, typeof(MaandoverzichtBrief).Assembly);

    /// <param name="taal">A portal language code (<see cref="Talen.Lijst"/>); anything else writes Dutch.</param>
    public static byte[] Maak(Inburgeraar i, Maandoverzicht o, DateOnly datum, string taal = "nl")
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(o);
        if (!Talen.Bestaat(taal)) taal = "nl";
        // The month and date helpers of the page read the UI culture: set it for this letter only, as the e-mails do.
        var vorige = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(taal);
            return Schrijf(i, o, datum, taal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = vorige;
        }
    }

    private static byte[] Schrijf(Inburgeraar i, Maandoverzicht o, DateOnly datum, string taal)
    {
        var maand = MijnModel.MaandNaam(o.Maand);
        var onderwerp = B("Brief_Onderwerp", maand);
        var brief = new BriefPdf(Pip.PipService.BriefhoofdVan(i.Gemeente!))
            .Taal(new Briefteksten(B("Brief_Pagina"), B("Brief_Telefoon"), Talen.RechtsNaarLinks(taal)))
            .Titel(onderwerp)
            .Adressering(Domain.Besluiten.Adressering.Regels(i.VolledigeNaam, i.Adres, i.AzcLocatie))
            .Kenmerken([(B("Brief_Datum"), Talen.Datum(datum)), (B("Brief_OnderwerpLabel"), onderwerp)])
            .Alinea(B("Brief_Aanhef", i.VolledigeNaam))
            .Alinea(P("Geld_Intro", maand));

        brief.Kop(P("Geld_BetaaldKop"));
        if (o.Leeg)
        {
            brief.Alinea(P("Geld_Niets", maand));
        }
        else
        {
            brief.Tabel([.. o.Regels.Select(r => (B("Brief_LastAan", Last(r, taal), r.Aan) + (r.Betaald ? "" : $" ({P("Geld_NogTeBetalen")})"), GeldWeergave.Euro(r.Bedrag))),
                (P("Geld_Totaal"), GeldWeergave.Euro(o.Totaal))]);
            if (o.Regels.Any(r => r.Van.Day != 1 || r.Tot.Day != DateTime.DaysInMonth(r.Tot.Year, r.Tot.Month)))
                brief.Alinea(B("Brief_DeelMaand"));
        }

        brief.Kop(P("Geld_OverKop"));
        if (o.Restant is { } rest && o.NettoBijstand is { } netto)
        {
            brief.Tabel([(P("Geld_Bijstand"), GeldWeergave.Euro(netto)), (P("Geld_BetaaldKop"), GeldWeergave.Euro(o.Totaal)), (P("Geld_Over"), GeldWeergave.Euro(rest))]);
            brief.Alinea(rest >= 0 ? P("Geld_OverUitleg") : P("Geld_Tekort"));
        }
        else
        {
            brief.Alinea(P("Geld_OverOnbekend"));
        }

        brief.Kop(P("Geld_TotKop")).Alinea(o.OntzorgenTot is { } tot
            ? tot >= datum ? P("Geld_Tot", Talen.Datum(tot)) : P("Geld_Gestopt", Talen.Datum(tot))
            : P("Geld_TotOnbekend"));

        brief.Kop(B("Brief_VragenKop"))
            .Alinea(i.Klantregisseur is { } k ? B("Brief_VragenKlantregisseur", k.Naam) : B("Brief_VragenGemeente"))
            .Ruimte(2)
            .Alinea($"{B("Brief_Groet")}\n\nGemeente {i.Gemeente!.Naam}");
        return brief.Maak();
    }

    /// <summary>A text of the portal page, in the current UI language (Dutch when a translation is missing).</summary>
    private static string P(string sleutel, params object[] waarden) => Tekst(Pagina, sleutel, waarden);

    /// <summary>A text of the letter itself.</summary>
    private static string B(string sleutel, params object[] waarden) => Tekst(Eigen, sleutel, waarden);

    private static string Tekst(ResourceManager bron, string sleutel, object[] waarden)
    {
        var tekst = bron.GetString(sleutel, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"Tekst {sleutel} ontbreekt.");
        return waarden.Length == 0 ? tekst : string.Format(CultureInfo.InvariantCulture, tekst, waarden); // the values are already text
    }

    /// <summary>
    /// The fixed charge in the page's words ("Huur", "Gas en stroom"). 'Other' with a description the klantregisseur typed:
    /// in Dutch the description itself, as before; in another language the translated kind with the Dutch description.
    /// </summary>
    private static string Last(OverzichtRegel r, string taal)
    {
        var soort = P(MijnModel.LastSleutel(r));
        if (r.Soort != Begunstigde.Overig || string.IsNullOrWhiteSpace(r.Omschrijving)) return soort;
        var eigen = char.ToUpperInvariant(r.Omschrijving![0]) + r.Omschrijving[1..];
        return taal == "nl" ? eigen : $"{soort} ({eigen})";
    }
}
