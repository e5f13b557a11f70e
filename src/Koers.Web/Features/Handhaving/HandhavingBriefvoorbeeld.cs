using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Besluiten;
using Koers.Domain.Handhaving;
using Koers.Web.Features.Brieven;
using Koers.Web.Features.Pip.Beschikking;

namespace Koers.Web.Features.Handhaving;

/// <summary>The preview of a handhaving letter or a sanction with a template text.</summary>
public sealed class HandhavingBriefvoorbeeld(KoersDbContext db) : IBriefvoorbeeld
{
    public IReadOnlyCollection<Briefsoort> Soorten { get; } = [Briefsoort.HandhavingBrief, Briefsoort.Sanctie];

    public async Task<byte[]> VoorbeeldAsync(Gemeente gemeente, Briefsoort soort, string tekst, DateOnly datum, CancellationToken ct)
    {
        var hoofd = Pip.PipService.BriefhoofdVan(gemeente);
        var sanctie = soort == Briefsoort.Sanctie;
        var stap = sanctie ? Handhavingssoort.BoeteWi2021 : Handhavingssoort.Brief;
        var teken = await Mandaten.MandaatService.OndertekeningAsync(db, gemeente, BesluitsoortInfo.VoorHandhaving(stap), ct);
        // A first boete for an afspraak from the PIP, without opzet or grove schuld: what the Besluit prescribes then.
        var bedrag = Boeteberekening.Bereken(PipVerplichting.Taal, datum.AddDays(-14), Verwijtbaarheid.GeenOpzetOfGroveSchuld, []);
        return HandhavingBrief.Maak(new HandhavingBriefGegevens(
            hoofd, datum, "VOORBEELD-HH", stap, sanctie ? "Boete" : "Brief", "Voorbeeld Inburgeraar",
            ["Voorbeeld Inburgeraar", "Voorbeeldstraat 1", "1234 AB Voorbeeldplaats"], "Voorbeeld Klantregisseur",
            "(Hier staat de tekst van deze stap uit de handhavingsladder van de gemeente.)",
            sanctie ? null : datum.AddDays(14), null, teken.Tekst,
            [$"Op {BeschikkingBrief.Datum(datum.AddDays(-14))} hebben wij vastgesteld dat u zich niet hield aan deze afspraak uit uw PIP: aanwezig zijn bij de lessen."],
            sanctie ? "(Voorbeeld) De persoonlijke omstandigheden die zijn meegewogen." : null,
            sanctie ? "(Voorbeeld) Waarom het besluit toch nodig is." : null,
            sanctie ? bedrag.Bedrag : null, sanctie ? PipVerplichting.Taal : null, sanctie ? bedrag.Toelichting : null), tekst);
    }
}
