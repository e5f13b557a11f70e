using System.Text.Json;
using Koers.Data;
using Koers.Domain.Monitor;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Doelenboom;

/// <summary>
/// Weert's doelenboom for the demo. The seed text names the tree and its effect (003:L13-19) but the picture itself ("zie
/// volgende pagina") did not survive the text extraction; the doelen, subdoelen and activiteiten below are therefore
/// taken from the kernactiviteiten the same plan describes (003:L323-714), each with its lines. The targets are made up
/// for the demo; the period 2023-2025 is the plan's (003:L3-6).
/// </summary>
public static class DoelenboomDemo
{
    public const string Gemeentecode = "GM0988";

    /// <summary>The outline: (soort, naam or indicator, target, months) with the source lines in the comment.</summary>
    public static IReadOnlyList<Boomregel> Regels { get; } =
    [
        N("Effect", "Snel en volwaardig meedoen, liefst via betaald werk"), // 003:L18-19
        K(Indicator.BetaaldWerkNaPip, 30, 12),
        N("Doel", "Inburgeraars leren snel de Nederlandse taal en ronden de inburgering af"), // 003:L65-66, L161-184
        K(Indicator.B1Behaald, 60),
        N("Subdoel", "Leren en kennismaken met de arbeidsmarkt op één locatie"), // 003:L450-456
        N("Activiteit", "Leerroutes van Gilde Educatie op de locatie van Werk.Kom"), // 003:L450-453
        N("Subdoel", "Kennis van de kernwaarden van de Nederlandse samenleving"), // 003:L186-197
        N("Activiteit", "Participatieverklaringstraject (4 dagdelen) door de regisseurs statushouders"), // 003:L535-564
        N("Doel", "Inburgeraars doen mee via (vrijwilligers)werk"), // 003:L196-204, L672-678
        K(Indicator.PlaatsingNaPip, 50),
        N("Subdoel", "Doorstroom van werkervaringsplekken naar betaald werk"), // 003:L674-678
        N("Activiteit", "Jobcoach statushouders bij Werk.Kom (1 fte)"), // 003:L672-714
        N("Activiteit", "Module Arbeidsmarkt en Participatie (MAP) door Werk.Kom"), // 003:L196-204
        N("Subdoel", "Stappen zetten op de participatieladder"), // 003:L603-610
        K(Indicator.LadderStijging, 50),
        N("Activiteit", "Groepsgericht aanbod voor wie nog niet richting Werk.Kom kan"), // 003:L594-610
        K(Indicator.Groepsdeelname, 20),
        N("Doel", "Inburgeraars zijn zelfredzaam"), // 003:L212-217, L377-380
        N("Subdoel", "Maatschappelijke begeleiding naar financiële zelfredzaamheid"), // 003:L368-403
        N("Activiteit", "Maatschappelijke begeleiding door team Nieuwkomers van Punt Welzijn"), // 003:L398-403
        N("Subdoel", "Passende ondersteuning bij zwaardere problematiek"), // 003:L404-423
        K(Indicator.ZorgGestart, 70),
        N("Activiteit", "Traumaverwerking met Stichting Papili (pilot)"), // 003:L410-423
        N("Subdoel", "Zelfstandig meedoen in de Z-route"), // 003:L178-184
        K(Indicator.ZrouteParticipatieuren, 200),
        N("Doel", "Een sluitend netwerk van partners"), // 003:L425-442
        N("Subdoel", "Intensieve samenwerking in de keten"), // 003:L436-442
        N("Activiteit", "Structurele overleggen met Punt Welzijn, Werk.Kom, Gilde Educatie en AMW-ML"), // 003:L427-449
    ];

    public static async Task VulAsync(KoersDbContext db, Klok klok, CancellationToken ct = default)
    {
        if (await db.Set<Data.Model.Doelenboom>().AnyAsync(ct)) return;
        var weert = await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == Gemeentecode, ct);
        if (weert is null) return;
        var (boom, fouten) = Doelenboomregels.Lees(Regels, klok.Vandaag.Year);
        if (boom is null) throw new InvalidOperationException("De demo-doelenboom klopt niet: " + string.Join("; ", fouten.SelectMany(f => f.Value)));
        db.Add(new Data.Model.Doelenboom { GemeenteId = weert.Id, InhoudJson = JsonSerializer.Serialize(boom, DoelenboomService.Json), GewijzigdDoor = "demo" });
        await db.SaveChangesAsync(ct);
    }

    private static Boomregel N(string soort, string naam) => new(soort, naam, null, null, null, null, null);

    private static Boomregel K(Indicator i, decimal streef, int? maanden = null) => new(Doelenboomregels.KpiSoort, null, i.ToString(), streef, 2023, 2025, maanden);
}
