using System.Globalization;
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
/// The monthly statement as a letter to the inburgeraar, in plain Dutch (B1): what the municipality paid from their
/// bijstand this month and to whom, what is left for them, and until when. It is information, not a decision: no
/// bezwaarclausule. Uses the same letter machinery as the beschikkingen (<see cref="BriefPdf"/>).
/// </summary>
public static class MaandoverzichtBrief
{
    public static byte[] Maak(Inburgeraar i, Maandoverzicht o, DateOnly datum)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(o);
        var maand = OntzorgenRegels.MaandNaam(o.Maand);
        var onderwerp = $"Uw geld in {maand}: wat wij voor u betaalden";
        var brief = new BriefPdf(Pip.PipService.BriefhoofdVan(i.Gemeente!))
            .Titel(onderwerp)
            .Adressering(Domain.Besluiten.Adressering.Regels(i.VolledigeNaam, i.Adres, i.AzcLocatie))
            .Kenmerken([("Datum", GeldWeergave.Datum(datum)), ("Onderwerp", onderwerp)])
            .Alinea($"Beste {i.VolledigeNaam},")
            .Alinea("U krijgt een bijstandsuitkering. De gemeente betaalt een deel van uw vaste lasten voor u. "
                + "Dat heet ontzorgen. In deze brief leest u wat wij in " + maand + " voor u betaald hebben.");

        if (o.Leeg)
        {
            brief.Kop("Wat wij betaalden").Alinea($"In {maand} hebben wij geen rekeningen voor u betaald.");
        }
        else
        {
            brief.Kop("Wat wij betaalden")
                .Alinea("Dit geld hebben wij van uw bijstand betaald:")
                .Tabel([.. o.Regels.Select(r => ($"{Last(r)} aan {r.Aan}{(r.Betaald ? "" : " (nog te betalen)")}", GeldWeergave.Euro(r.Bedrag))),
                    ("Totaal", GeldWeergave.Euro(o.Totaal))]);
            if (o.Regels.Any(r => r.Van.Day != 1 || r.Tot.Day != DateTime.DaysInMonth(r.Tot.Year, r.Tot.Month)))
                brief.Alinea("Betaalden wij niet de hele maand? Dan betaalden wij alleen voor de dagen dat het ontzorgen liep.");
        }

        brief.Kop("Wat u zelf krijgt");
        if (o.Restant is { } rest && o.NettoBijstand is { } netto)
        {
            brief.Tabel([("Uw bijstand per maand", GeldWeergave.Euro(netto)), ("Wij betaalden voor u", GeldWeergave.Euro(o.Totaal)), ("Voor u blijft over", GeldWeergave.Euro(rest))]);
            brief.Alinea(rest >= 0
                ? "Het geld dat overblijft, krijgt u zelf op uw rekening. Daarvan betaalt u zelf uw eten, kleding en andere kosten."
                : "Uw vaste lasten zijn hoger dan uw bijstand. Neem contact op met uw klantregisseur. Samen zoeken wij een oplossing.");
        }
        else
        {
            brief.Alinea("De rest van uw bijstand krijgt u zelf op uw rekening. Daarvan betaalt u zelf uw eten, kleding en andere kosten.");
        }

        brief.Kop("Hoe lang nog?").Alinea(o.OntzorgenTot is { } tot
            ? tot >= datum
                ? $"Wij betalen deze rekeningen voor u tot en met {GeldWeergave.Datum(tot)}. Daarna betaalt u ze zelf. Wij helpen u om dat te leren."
                : $"Het ontzorgen is gestopt op {GeldWeergave.Datum(tot)}. U betaalt deze rekeningen nu zelf."
            : "Er is nog geen einddatum bekend. Uw klantregisseur vertelt u wanneer u de rekeningen zelf gaat betalen.");

        brief.Kop("Heeft u vragen?")
            .Alinea(i.Klantregisseur is { } k
                ? $"Neem dan contact op met uw klantregisseur, {k.Naam}. U kunt dit overzicht ook zien op Mijn inburgering."
                : "Neem dan contact op met de gemeente. U kunt dit overzicht ook zien op Mijn inburgering.")
            .Ruimte(2)
            .Alinea($"Met vriendelijke groet,\n\nGemeente {i.Gemeente!.Naam}");
        return brief.Maak();
    }

    /// <summary>The fixed charge in plain words, capitalised for a table row: "Huur", "Gas en stroom".</summary>
    private static string Last(OverzichtRegel r)
    {
        var last = r.Soort == Begunstigde.Overig && !string.IsNullOrWhiteSpace(r.Omschrijving) ? r.Omschrijving! : r.Soort.Last();
        return char.ToUpperInvariant(last[0]) + last[1..];
    }
}
