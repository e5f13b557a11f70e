using Koers.Domain.Besluiten;
using Koers.Domain.Handhaving;
using Koers.Web.Features.Brieven;
using Koers.Web.Features.Pip.Beschikking;
using Koers.Web.Infrastructure.Pdf;

namespace Koers.Web.Features.Handhaving;

/// <summary>What a handhaving letter shows, already in the letter's words.</summary>
public sealed record HandhavingBriefGegevens(
    Briefhoofd Briefhoofd,
    DateOnly Datum,
    string Kenmerk,
    Handhavingssoort Soort,
    string Stapnaam,
    string Naam,
    IReadOnlyList<string> Adresregels,
    string? Klantregisseur,
    string Tekst,
    DateOnly? ReactieUiterlijk,
    DateOnly? Verzenddatum,
    string Ondertekenaar,
    IReadOnlyList<string>? Feiten = null,
    string? Omstandigheden = null,
    string? RedenBesluit = null,
    decimal? Bedrag = null,
    PipVerplichting? Verplichting = null,
    IReadOnlyList<string>? Berekening = null);

/// <summary>
/// The letter of a ladder step, on the same letterhead and layout as the PIP beschikking (<see cref="BriefPdf"/>).
/// The body is the municipality's template with its placeholders filled in; a boete or maatregel is a besluit, so it
/// gets the bezwaar clause (Awb 6:5, 6:7) the beschikking has.
/// </summary>
public static class HandhavingBrief
{
    /// <summary>
    /// Awb 3:46-3:47 for a sanction: the facts, the personal circumstances weighed (CJEU 4 February 2025,
    /// ECLI:EU:C:2025:52, Keren; ABRvS 9 July 2025, ECLI:NL:RVS:2025:3087), why it is still needed, the amount and its
    /// basis, and the legal basis.
    /// </summary>
    // The article follows the obligation not complied with (Handhavingsladder.BoeteGrondslag): art. 22 for the brede
    // intake, art. 23 for an afspraak from the PIP, which is also the case when the obligation is not known (a preview).
    private static string Artikel(PipVerplichting? verplichting) =>
        verplichting == PipVerplichting.BredeIntakeEnPip ? "artikel 22, eerste lid," : "artikel 23, eerste lid,";

    private static string Waarom(PipVerplichting? verplichting) =>
        verplichting == PipVerplichting.BredeIntakeEnPip
            ? "omdat u niet bent gekomen of niet genoeg hebt meegewerkt aan de brede intake."
            : "omdat u zich niet houdt aan een afspraak uit uw PIP.";

    private static void Motivering(BriefPdf brief, HandhavingBriefGegevens g)
    {
        brief.Kop("Waarom wij dit besluiten");
        if (g.Feiten is { Count: > 0 } feiten) brief.Alinea("Dit is er gebeurd:").Opsomming(feiten);
        brief.Kop("Uw persoonlijke omstandigheden")
            .Alinea("Voordat wij dit besluit nemen, kijken wij naar uw persoonlijke situatie. Dit hebben wij meegewogen:")
            .Alinea(g.Omstandigheden ?? "—");
        if (!string.IsNullOrWhiteSpace(g.RedenBesluit)) brief.Alinea($"Waarom dit besluit toch nodig is: {g.RedenBesluit}");
        if (g.Soort == Handhavingssoort.BoeteWi2021)
        {
            var bedrag = g.Bedrag is { } b ? b.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")) : "—";
            brief.Kop("Het bedrag").Alinea($"De boete is {bedrag} ({g.Stapnaam}). Zo is dit bedrag berekend:");
            // The amount is the Besluit's (Boeteberekening), so the letter says how it follows from art. 7.1.
            if (g.Berekening is { Count: > 0 } berekening) brief.Opsomming(berekening);
            brief
                .Alinea($"Wij leggen deze boete op op grond van {Artikel(g.Verplichting)} van de Wet inburgering 2021, {Waarom(g.Verplichting)} "
                    + "Bij een boete moeten wij uw persoonlijke omstandigheden meewegen (Hof van Justitie van de Europese Unie 4 februari 2025, "
                    + "ECLI:EU:C:2025:52; Raad van State 9 juli 2025, ECLI:NL:RVS:2025:3087).");
        }
        else
        {
            brief.Alinea("Wij nemen deze maatregel op grond van artikel 18 van de Participatiewet.");
        }
    }

    /// <param name="g">What the letter says.</param>
    /// <param name="sjabloon">The municipality's template text (checked when it was saved); null: Koers's standard text.</param>
    public static byte[] Maak(HandhavingBriefGegevens g, string? sjabloon = null)
    {
        ArgumentNullException.ThrowIfNull(g);
        var onderwerp = g.Soort switch
        {
            Handhavingssoort.AangetekendeWaarschuwing => "Waarschuwing: u houdt zich niet aan uw PIP (aangetekend)",
            Handhavingssoort.BoeteWi2021 => "Besluit: bestuurlijke boete Wet inburgering 2021",
            Handhavingssoort.MaatregelParticipatiewet => "Besluit: maatregel Participatiewet",
            _ => "U houdt zich niet aan de afspraken in uw PIP",
        };
        var brief = SjabloonZetter.Begin(g.Briefhoofd, onderwerp, BeschikkingBrief.Datum(g.Datum), g.Kenmerk, g.Klantregisseur, g.Adresregels);
        var soort = Soort(g.Soort);
        var velden = SjabloonZetter.Basisvelden(g.Briefhoofd, g.Naam, g.Kenmerk, BeschikkingBrief.Datum(g.Datum), g.Klantregisseur);
        var blokken = new Dictionary<string, Action<BriefPdf>>
        {
            ["staptekst"] = b =>
            {
                foreach (var alinea in g.Tekst.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    b.Alinea(alinea);
            },
            ["ondertekening"] = b => b.Ruimte(2).Alinea($"Met vriendelijke groet,\n\n{g.Ondertekenaar}"),
        };
        if (Handhavingsladder.IsSanctie(g.Soort))
        {
            blokken["motivering"] = b => Motivering(b, g);
            blokken["bezwaar"] = b => Bezwaarclausule.Blok(b, g.Briefhoofd, g.Kenmerk, g.Verzenddatum);
        }
        else
        {
            if (g.Feiten is { Count: > 0 } feiten) blokken["feiten"] = b => b.Kop("Waarom u deze brief krijgt").Opsomming(feiten);
            if (g.ReactieUiterlijk is { } uiterlijk)
                blokken["reactie"] = b => b.Kop("Wat moet u doen?")
                    .Alinea($"Neem uiterlijk {BeschikkingBrief.Datum(uiterlijk)} contact met ons op. Bel ons op {g.Briefhoofd.Telefoon} en noem het kenmerk van deze brief.");
        }

        SjabloonZetter.Zet(brief, SjabloonZetter.Geldig(soort, sjabloon ?? Standaardbrieven.Tekst(soort)), velden, blokken);
        return brief.Maak();
    }

    /// <summary>Which template a ladder step's letter uses: a sanction is a decision, the others announce.</summary>
    public static Briefsoort Soort(Handhavingssoort soort) =>
        Handhavingsladder.IsSanctie(soort) ? Briefsoort.Sanctie : Briefsoort.HandhavingBrief;
}
