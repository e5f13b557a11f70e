using System.Globalization;
using Koers.Domain.Besluiten;
using Koers.Web.Features.Brieven;
using Koers.Web.Infrastructure.Pdf;

namespace Koers.Web.Features.Pip.Beschikking;

/// <summary>
/// The beschikking that establishes (or changes) a persoonlijk plan inburgering en participatie,
/// written in plain Dutch (B1) with the rechtsmiddelenclausule of Awb 6:5.
/// </summary>
public static class BeschikkingBrief
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>"24 november 2026".</summary>
    public static string Datum(DateOnly datum) => datum.ToString("d MMMM yyyy", Nl);

    /// <param name="g">What the letter says.</param>
    /// <param name="sjabloon">The municipality's template text (checked when it was saved); null: Koers's standard text.</param>
    public static byte[] Maak(BeschikkingGegevens g, string? sjabloon = null)
    {
        ArgumentNullException.ThrowIfNull(g);
        var onderwerp = g.IsBijstelling
            ? $"Wijziging van uw persoonlijk plan inburgering en participatie (PIP), versie {g.Versie}"
            : "Uw persoonlijk plan inburgering en participatie (PIP)";

        var brief = SjabloonZetter.Begin(g.Briefhoofd, onderwerp, Datum(g.Datum), g.Kenmerk, g.Klantregisseur, g.Adresregels);
        var soort = g.IsBijstelling ? Briefsoort.PipBijstelling : Briefsoort.PipVaststelling;
        var velden = SjabloonZetter.Basisvelden(g.Briefhoofd, g.Naam, g.Kenmerk, Datum(g.Datum), g.Klantregisseur);
        velden["voortgangsgesprekken"] = g.AantalVoortgangsgesprekken;
        velden["versie"] = g.Versie.ToString(CultureInfo.InvariantCulture);
        velden["termijn_einde"] = Datum(g.TermijnEinde);
        var blokken = new Dictionary<string, Action<BriefPdf>>
        {
            ["besluit"] = b => Besluit(b, g),
            ["plan"] = b => Plan(b, g),
            ["motivering"] = b =>
            {
                Motivering(b, g);
                if (Gevuld(g.MotivatieAfwijkingLbt)) AfwijkingLeerbaarheidstoets(b, g);
            },
            ["termijn"] = b => b.Kop("Uw inburgeringstermijn")
                .Alinea($"Uw inburgeringstermijn loopt van {Datum(g.TermijnStart)} tot en met {Datum(g.TermijnEinde)}."),
            ["bezwaar"] = b => Bezwaar(b, g),
            ["ondertekening"] = b => b.Ruimte(2).Alinea($"Met vriendelijke groet,\n\n{g.Ondertekenaar}"),
        };
        SjabloonZetter.Zet(brief, SjabloonZetter.Geldig(soort, sjabloon ?? Standaardbrieven.Tekst(soort)), velden, blokken);
        return brief.Maak();
    }

    private static void Besluit(BriefPdf brief, BeschikkingGegevens g)
    {
        if (!g.IsBijstelling)
        {
            brief.Kop("Besluit: wij stellen uw persoonlijk plan inburgering en participatie (PIP) vast")
                .Alinea("Dit betekent dat uw plan vanaf nu geldt. U moet zich aan de afspraken in het plan houden. "
                    + Domain.Pip.PipMotivering.GrondslagZin);
            return;
        }

        brief.Kop($"Besluit: wij wijzigen uw PIP (versie {g.Versie})")
            .Alinea($"Dit betekent dat vanaf nu versie {g.Versie} van uw PIP geldt. Deze versie vervangt uw vorige plan. "
                + Domain.Pip.PipMotivering.GrondslagZin);
        if (Gevuld(g.RedenBijstelling))
            brief.Alinea($"Waarom wij uw plan wijzigen: {g.RedenBijstelling}");
        if (g.Wijzigingen.Count > 0)
            brief.Alinea("Dit verandert er in uw plan:").Opsomming(g.Wijzigingen);
        brief.Alinea("Hieronder staat uw hele plan, zoals het vanaf nu geldt.");
    }

    private static void Plan(BriefPdf brief, BeschikkingGegevens g)
    {
        var overzicht = new List<(string, string)>
        {
            ("Naam", g.Naam),
            ("Geboortedatum", Datum(g.Geboortedatum)),
            ("Leerroute", g.Leerroute),
        };
        if (Gevuld(g.Aanbieder)) overzicht.Add(("Aanbieder", g.Aanbieder!));
        if (g.GeplandeStart is { } start) overzicht.Add(("Geplande start", Datum(start)));
        if (Gevuld(g.Participatie)) overzicht.Add(("Participatie", g.Participatie!));
        if (Gevuld(g.Klantregisseur)) overzicht.Add(("Klantregisseur", g.Klantregisseur!));

        brief.Kop("Uw plan").Alinea("Dit hebben wij met u afgesproken.").Tabel(overzicht);

        if (g.Niveaus.Count > 0)
            brief.Alinea("Dit zijn de taalniveaus die u moet halen:").Tabel(g.Niveaus.Select(n => (n.Vaardigheid, n.Niveau)).ToList());
        if (g.Onderdelen.Count > 0)
            brief.Alinea("Dit zijn de onderdelen van uw inburgering:").Opsomming(g.Onderdelen);

        brief.Kop("Uw doelen").Tabel([("Hoofddoel", g.Hoofddoel)]);
        if (g.Subdoelen.Count > 0)
            brief.Alinea("Om dit doel te halen, werkt u aan deze subdoelen:").Opsomming(g.Subdoelen);

        if (g.Aandachtspunten.Count > 0)
            brief.Kop("Waar wij rekening mee houden")
                .Alinea("Bij uw plan houden wij rekening met:")
                .Opsomming(g.Aandachtspunten);

        if (g.Begeleiding.Count > 0)
            brief.Kop("Hulp en begeleiding")
                .Alinea("U krijgt deze hulp en begeleiding:")
                .Opsomming(g.Begeleiding);
    }

    /// <summary>Awb 3:46-3:47: the reasons, from the case's own facts, why this plan follows.</summary>
    private static void Motivering(BriefPdf brief, BeschikkingGegevens g)
    {
        if (g.Motivering.Count == 0) return;
        brief.Kop("Waarom wij dit besluiten")
            .Alinea("Wij hebben dit plan gemaakt op basis van de brede intake en de leerbaarheidstoets. Dit hebben wij meegewogen:")
            .Opsomming(g.Motivering);
    }

    private static void AfwijkingLeerbaarheidstoets(BriefPdf brief, BeschikkingGegevens g)
    {
        brief.Kop("Waarom wij afwijken van de uitslag van de leerbaarheidstoets")
            .Alinea(Gevuld(g.LbtUitslag)
                ? $"U heeft de leerbaarheidstoets gedaan. De uitslag was: {g.LbtUitslag}. Wij hebben toch gekozen voor de {g.Leerroute}. Dit is de reden:"
                : $"Wij hebben voor u een andere leerroute gekozen dan de uitslag van de leerbaarheidstoets: de {g.Leerroute}. Dit is de reden:")
            .Alinea(g.MotivatieAfwijkingLbt!);
    }

    private static void Bezwaar(BriefPdf brief, BeschikkingGegevens g)
    {
        brief.Kop("Niet eens met dit besluit?")
            .Alinea("Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Dat doet u met een brief. "
                + "Die brief heet een bezwaarschrift.")
            .Alinea(Bezwaarclausule.Termijn(g.Verzenddatum))
            .Alinea($"Stuur uw bezwaarschrift naar:\n{g.Briefhoofd.BezwaarAdres}")
            .Alinea("Zet in uw bezwaarschrift:")
            .Opsomming(
            [
                "uw naam en adres;",
                "de datum;",
                $"over welk besluit het gaat: noem het kenmerk ({g.Kenmerk}) en de datum ({Datum(g.Datum)}) van deze brief;",
                "waarom u het niet eens bent met dit besluit;",
                "uw handtekening.",
            ])
            .Alinea("Dit staat in artikel 6:5 van de Algemene wet bestuursrecht. Stuur ook een kopie van deze brief mee.")
            .Alinea("Tijdens het bezwaar blijft dit besluit gelden. Is er haast? Dan kunt u de voorzieningenrechter "
                + "van de rechtbank vragen om een voorlopige voorziening. Daarvoor betaalt u griffierecht.");
    }

    private static bool Gevuld(string? s) => !string.IsNullOrWhiteSpace(s);
}
