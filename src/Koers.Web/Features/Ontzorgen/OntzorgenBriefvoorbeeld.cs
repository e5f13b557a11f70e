using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Besluiten;
using Koers.Web.Features.Brieven;

namespace Koers.Web.Features.Ontzorgen;

/// <summary>The preview of the ontzorgen decision with a template text.</summary>
public sealed class OntzorgenBriefvoorbeeld(KoersDbContext db) : IBriefvoorbeeld
{
    public IReadOnlyCollection<Briefsoort> Soorten { get; } = [Briefsoort.OntzorgenBesluit];

    public async Task<byte[]> VoorbeeldAsync(Gemeente gemeente, Briefsoort soort, string tekst, DateOnly datum, CancellationToken ct)
    {
        var hoofd = Pip.PipService.BriefhoofdVan(gemeente);
        var namens = await Mandaten.MandaatService.OndertekeningAsync(db, gemeente, Besluitsoort.OntzorgenBesluit, ct);
        return OntzorgenBesluitBrief.Maak(new OntzorgenBesluitGegevens(
            hoofd, datum, "VOORBEELD-OZ", Domain.Ontzorgen.OntzorgenBesluit.Toepassen, "Voorbeeld Inburgeraar",
            ["Voorbeeld Inburgeraar", "Voorbeeldstraat 1", "1234 AB Voorbeeldplaats"], "Voorbeeld Klantregisseur",
            datum, datum.AddMonths(6).AddDays(-1), "(Voorbeeld) De reden die bij het besluit is vastgelegd.", null, namens.Tekst), tekst);
    }
}
