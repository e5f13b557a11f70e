using Koers.Domain.Handhaving;
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
    string Ondertekenaar);

/// <summary>
/// The letter of a ladder step, on the same letterhead and layout as the PIP beschikking (<see cref="BriefPdf"/>).
/// The body is the municipality's template with its placeholders filled in; a boete or maatregel is a besluit, so it
/// gets the bezwaar clause (Awb 6:5, 6:7) the beschikking has.
/// </summary>
public static class HandhavingBrief
{
    public static byte[] Maak(HandhavingBriefGegevens g)
    {
        var onderwerp = g.Soort switch
        {
            Handhavingssoort.AangetekendeWaarschuwing => "Waarschuwing: u houdt zich niet aan uw PIP (aangetekend)",
            Handhavingssoort.BoeteWi2021 => "Besluit: bestuurlijke boete Wet inburgering 2021",
            Handhavingssoort.MaatregelParticipatiewet => "Besluit: maatregel Participatiewet",
            _ => "U houdt zich niet aan de afspraken in uw PIP",
        };
        var kenmerken = new List<(string, string)> { ("Datum", BeschikkingBrief.Datum(g.Datum)), ("Ons kenmerk", g.Kenmerk), ("Onderwerp", onderwerp) };
        if (!string.IsNullOrWhiteSpace(g.Klantregisseur)) kenmerken.Add(("Contactpersoon", g.Klantregisseur!));
        var brief = new BriefPdf(g.Briefhoofd)
            .Titel($"{onderwerp} – {g.Kenmerk}")
            .Adressering(g.Adresregels)
            .Kenmerken(kenmerken)
            .Alinea($"Beste {g.Naam},");
        foreach (var alinea in g.Tekst.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            brief.Alinea(alinea);
        }

        if (g.ReactieUiterlijk is { } uiterlijk && !Handhavingsladder.IsSanctie(g.Soort))
        {
            brief.Kop("Wat moet u doen?").Alinea($"Neem uiterlijk {BeschikkingBrief.Datum(uiterlijk)} contact met ons op. Bel ons op {g.Briefhoofd.Telefoon} en noem het kenmerk van deze brief.");
        }

        if (Handhavingsladder.IsSanctie(g.Soort))
        {
            brief.Kop("Niet eens met dit besluit?")
                .Alinea("Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Dat doet u met een brief. Die brief heet een bezwaarschrift.")
                .Alinea(Bezwaarclausule.Termijn(g.Verzenddatum))
                .Alinea($"Stuur uw bezwaarschrift naar:\n{g.Briefhoofd.BezwaarAdres}")
                .Alinea($"Noem in uw bezwaarschrift het kenmerk ({g.Kenmerk}), waarom u het niet eens bent met dit besluit, en zet uw naam, adres, de datum en uw handtekening erin. "
                    + "Dit staat in artikel 6:5 van de Algemene wet bestuursrecht.");
        }

        return brief.Kop("Heeft u vragen?")
            .Alinea($"Bel ons op {g.Briefhoofd.Telefoon} en noem het kenmerk van deze brief.")
            .Ruimte(2)
            .Alinea($"Met vriendelijke groet,\n\n{g.Ondertekenaar}")
            .Maak();
    }
}
