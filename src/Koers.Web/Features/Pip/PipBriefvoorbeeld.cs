using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Besluiten;
using Koers.Web.Features.Brieven;
using Koers.Web.Features.Pip.Beschikking;

namespace Koers.Web.Features.Pip;

/// <summary>The preview of the PIP beschikking (first and bijstelling) with a template text.</summary>
public sealed class PipBriefvoorbeeld(KoersDbContext db) : IBriefvoorbeeld
{
    public IReadOnlyCollection<Briefsoort> Soorten { get; } = [Briefsoort.PipVaststelling, Briefsoort.PipBijstelling];

    public async Task<byte[]> VoorbeeldAsync(Gemeente gemeente, Briefsoort soort, string tekst, DateOnly datum, CancellationToken ct)
    {
        var hoofd = PipService.BriefhoofdVan(gemeente);
        var ondertekening = await Mandaten.MandaatService.OndertekeningAsync(db, gemeente, Besluitsoort.PipBeschikking, ct);
        var bijstelling = soort == Briefsoort.PipBijstelling;
        return BeschikkingBrief.Maak(new BeschikkingGegevens(
            hoofd, datum, "VOORBEELD-PIP", bijstelling ? 2 : 1, bijstelling,
            bijstelling ? "U gaat meer uren per week naar school." : null,
            bijstelling ? ["Leerroute: B1-route, 12 uur per week (was 8 uur)"] : [],
            "Voorbeeld Inburgeraar", ["Voorbeeld Inburgeraar", "Voorbeeldstraat 1", "1234 AB Voorbeeldplaats"],
            new DateOnly(1990, 1, 1), "Voorbeeld Klantregisseur", "B1-route",
            [("Lezen", "B1"), ("Luisteren", "B1"), ("Schrijven", "B1"), ("Spreken", "B1")],
            ["Kennis van de Nederlandse Maatschappij (KNM)", "Module Arbeidsmarkt en Participatie (MAP)", "Participatieverklaringstraject (PVT)"],
            "Vrijwilligerswerk, 8 uur per week", "Betaald werk", ["Een opleiding in de zorg"], ["Zorg voor jonge kinderen"],
            ["Maatschappelijke begeleiding"], "Voorbeeld Taalschool", datum.AddDays(21),
            ["(Voorbeeld) U had bij de leerbaarheidstoets 31 van de 40 vragen goed. Daarom volgt u de B1-route."],
            null, null, datum, datum.AddYears(3).AddDays(-1), "elke 3 maanden", null, ondertekening.Tekst), tekst);
    }
}
