using Koers.Domain.Besluiten;

namespace Koers.Web.Infrastructure.Pdf;

/// <summary>Lays out a municipality's letter template on a <see cref="BriefPdf"/>: its text, and Koers's parts where the markers stand.</summary>
public static class SjabloonZetter
{
    /// <param name="brief">The letter, with letterhead, address and kenmerken already added.</param>
    /// <param name="sjabloon">A template that passed <see cref="Briefsjabloon.Lees"/>.</param>
    /// <param name="velden">Values of the fields, by name without braces.</param>
    /// <param name="blokken">What each marker writes; a marker without an entry (an optional part that does not apply) writes nothing.</param>
    public static BriefPdf Zet(
        BriefPdf brief,
        GelezenSjabloon sjabloon,
        IReadOnlyDictionary<string, string> velden,
        IReadOnlyDictionary<string, Action<BriefPdf>> blokken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(sjabloon);
        foreach (var deel in sjabloon.Delen)
        {
            switch (deel)
            {
                case SjabloonKop k:
                    brief.Kop(Briefsjabloon.VulIn(k.Tekst, velden));
                    break;
                case SjabloonAlinea a:
                    brief.Alinea(Briefsjabloon.VulIn(a.Tekst, velden));
                    break;
                case SjabloonOpsomming o:
                    brief.Opsomming(o.Punten.Select(p => Briefsjabloon.VulIn(p, velden)).ToList());
                    break;
                case SjabloonBlok b when blokken.TryGetValue(b.Naam, out var schrijf):
                    schrijf(brief);
                    break;
            }
        }

        return brief;
    }

    /// <summary>
    /// The start every decision letter shares: title, address window, and the datum/kenmerk/onderwerp block (with the
    /// contact person when there is one).
    /// </summary>
    public static BriefPdf Begin(Briefhoofd hoofd, string onderwerp, string datum, string kenmerk, string? klantregisseur, IReadOnlyList<string> adresregels)
    {
        var kenmerken = new List<(string, string)> { ("Datum", datum), ("Ons kenmerk", kenmerk), ("Onderwerp", onderwerp) };
        if (!string.IsNullOrWhiteSpace(klantregisseur)) kenmerken.Add(("Contactpersoon", klantregisseur));
        return new BriefPdf(hoofd).Titel($"{onderwerp} – {kenmerk}").Adressering(adresregels).Kenmerken(kenmerken);
    }

    /// <summary>The fields every letter offers (<see cref="Briefsjabloon.Velden"/>); a letter adds its own.</summary>
    public static Dictionary<string, string> Basisvelden(Briefhoofd hoofd, string naam, string kenmerk, string datum, string? klantregisseur) => new()
    {
        ["naam"] = naam,
        ["kenmerk"] = kenmerk,
        ["datum"] = datum,
        ["gemeente"] = hoofd.Gemeentenaam.Replace("Gemeente ", string.Empty, StringComparison.Ordinal),
        ["telefoon"] = hoofd.Telefoon,
        ["contactpersoon"] = string.IsNullOrWhiteSpace(klantregisseur) ? "ons" : $"uw klantregisseur, {klantregisseur}",
    };

    /// <summary>A template known to be valid (Koers's own or one stored after checking); throws when it is not.</summary>
    public static GelezenSjabloon Geldig(Briefsoort soort, string tekst)
    {
        var (sjabloon, fouten) = Briefsjabloon.Lees(soort, tekst);
        return sjabloon ?? throw new InvalidOperationException($"Ongeldig briefsjabloon {soort}: {string.Join(" ", fouten)}");
    }
}
