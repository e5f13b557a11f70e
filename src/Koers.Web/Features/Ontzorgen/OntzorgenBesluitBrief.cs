using Koers.Domain.Besluiten;
using Koers.Domain.Ontzorgen;
using Koers.Web.Features.Brieven;
using Koers.Web.Features.Pip.Beschikking;
using Koers.Web.Infrastructure.Pdf;

namespace Koers.Web.Features.Ontzorgen;

/// <summary>What the letter of an ontzorgen besluit says, already in the letter's words.</summary>
/// <param name="StartBijstand">The day the right to bijstand began: the ontzorgen period starts there.</param>
/// <param name="Einde">The last day of ontzorgen (after a verlenging: the new one).</param>
/// <param name="Reden">The reason recorded with the decision (required for afzien and verlengen).</param>
public sealed record OntzorgenBesluitGegevens(
    Briefhoofd Briefhoofd, DateOnly Datum, string Kenmerk, OntzorgenBesluit Besluit, string Naam, IReadOnlyList<string> Adresregels,
    string? Klantregisseur, DateOnly? StartBijstand, DateOnly? Einde, string? Reden, DateOnly? Verzenddatum, string Ondertekenaar);

/// <summary>
/// The decision on financieel ontzorgen as a letter: the municipality pays the fixed charges from the bijstand for the
/// first months (Participatiewet art. 56a; longer under art. 57), or decides not to. A decision, so it has the
/// motivation and the bezwaarclausule; the text around them is the municipality's template.
/// </summary>
public static class OntzorgenBesluitBrief
{
    public static byte[] Maak(OntzorgenBesluitGegevens g, string? sjabloon = null)
    {
        ArgumentNullException.ThrowIfNull(g);
        var onderwerp = g.Besluit switch
        {
            OntzorgenBesluit.Verlengen => "Besluit: wij betalen uw vaste lasten langer (financieel ontzorgen)",
            OntzorgenBesluit.Afzien => "Besluit: u betaalt uw vaste lasten zelf (geen financieel ontzorgen)",
            _ => "Besluit: wij betalen uw vaste lasten (financieel ontzorgen)",
        };
        var brief = SjabloonZetter.Begin(g.Briefhoofd, onderwerp, BeschikkingBrief.Datum(g.Datum), g.Kenmerk, g.Klantregisseur, g.Adresregels);
        var velden = SjabloonZetter.Basisvelden(g.Briefhoofd, g.Naam, g.Kenmerk, BeschikkingBrief.Datum(g.Datum), g.Klantregisseur);
        var blokken = new Dictionary<string, Action<BriefPdf>>
        {
            ["besluit"] = b => Besluit(b, g),
            ["motivering"] = b => Motivering(b, g),
            ["bezwaar"] = b => Bezwaarclausule.Blok(b, g.Briefhoofd, g.Kenmerk, g.Verzenddatum),
            ["ondertekening"] = b => b.Ruimte(2).Alinea($"Met vriendelijke groet,\n\n{g.Ondertekenaar}"),
        };
        SjabloonZetter.Zet(brief, SjabloonZetter.Geldig(Briefsoort.OntzorgenBesluit, sjabloon ?? Standaardbrieven.Tekst(Briefsoort.OntzorgenBesluit)), velden, blokken);
        return brief.Maak();
    }

    private static string? D(DateOnly? d) => d is { } x ? BeschikkingBrief.Datum(x) : null;

    private static void Besluit(BriefPdf brief, OntzorgenBesluitGegevens g)
    {
        var periode = (D(g.StartBijstand), D(g.Einde)) switch
        {
            ({ } van, { } tot) => $"van {van} tot en met {tot}",
            (null, { } tot) => $"tot en met {tot}",
            _ => "in de eerste zes maanden van uw bijstandsuitkering",
        };
        switch (g.Besluit)
        {
            case OntzorgenBesluit.Afzien:
                brief.Kop("Besluit: wij betalen uw vaste lasten niet voor u")
                    .Alinea("U betaalt uw huur, gas, water en stroom en uw zorgverzekering zelf, van uw bijstandsuitkering. "
                        + "Wij nemen dit besluit op grond van artikel 56a van de Participatiewet.");
                return;
            case OntzorgenBesluit.Verlengen:
                brief.Kop("Besluit: wij betalen uw vaste lasten langer")
                    .Alinea($"Wij blijven uw vaste lasten betalen uit uw bijstandsuitkering, {periode}. "
                        + "Wij nemen dit besluit op grond van de artikelen 56a en 57 van de Participatiewet.");
                break;
            default:
                brief.Kop("Besluit: wij betalen uw vaste lasten voor u")
                    .Alinea($"Wij betalen uw vaste lasten uit uw bijstandsuitkering, {periode}. Dit heet financieel ontzorgen. "
                        + "Wij nemen dit besluit op grond van artikel 56a van de Participatiewet.");
                break;
        }

        brief.Alinea("Wij betalen voor u:").Opsomming(["de huur;", "gas, water en stroom;", "de zorgverzekering."])
            .Alinea("Dit geld gaat van uw bijstandsuitkering af. De rest van uw uitkering krijgt u zelf.")
            .Alinea("U moet hieraan meewerken. U geeft ons daarvoor toestemming (een machtiging) en u geeft veranderingen, zoals een nieuwe huur, meteen aan ons door. "
                + "Werkt u niet mee? Dan kunnen wij uw uitkering verlagen (artikel 18 van de Participatiewet).");
    }

    /// <summary>Awb 3:46: the facts of this case that the decision rests on.</summary>
    private static void Motivering(BriefPdf brief, OntzorgenBesluitGegevens g)
    {
        var redenen = new List<string>();
        if (D(g.StartBijstand) is { } start) redenen.Add($"U heeft een bijstandsuitkering sinds {start}.");
        if (g.Besluit != OntzorgenBesluit.Afzien)
            redenen.Add("U heeft een verblijfsvergunning asiel en u moet inburgeren. De wet zegt dat de gemeente u dan in het begin van uw bijstand financieel ontzorgt, zodat u zich op uw inburgering kunt richten.");
        if (!string.IsNullOrWhiteSpace(g.Reden)) redenen.Add($"Wat wij in uw situatie hebben meegewogen: {g.Reden.Trim()}");
        brief.Kop("Waarom wij dit besluiten").Opsomming(redenen);
    }
}
