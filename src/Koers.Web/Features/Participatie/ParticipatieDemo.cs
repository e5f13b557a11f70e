using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Domain.Participatie;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Participatie;

/// <summary>
/// Synthetic participation data for the demo: for most open cases the questionnaires of the moments that have passed
/// (participation rising after housing, as the pilot saw, 002:L83-88), and a ladder score at the intake, the PIP talk and every held voortgangsgesprek.
/// Some moments stay unanswered, so the worklist shows questionnaires due. All answers are made up.
/// </summary>
public static class ParticipatieDemo
{
    /// <summary>
    /// h-demo (#22): the default questionnaire is version 2026.1 (<see cref="Vragenlijsten.StandaardVersie"/>), in use from
    /// 1 January 2026; a moment that fell before it has no questionnaire in the demo, so no answer predates its version.
    /// </summary>
    public static readonly DateOnly StandaardInGebruik = new(2026, 1, 1);

    private static readonly string[] LadderOmlaag =
    [
        "Vrijwilligerswerk gestopt; de organisatie had geen plek meer.",
        "Een tijd ziek geweest; minder activiteiten buitenshuis.",
        "Zorg voor een gezinslid kost veel tijd.",
        "Stage beëindigd; zoekt een nieuwe plek.",
    ];

    public static async Task VulAsync(KoersDbContext db, Klok klok, CancellationToken ct = default)
    {
        if (await db.Set<Participatiemeting>().AnyAsync(ct)) return;
        var random = new Random(2022);
        // The meerkeuze question's answers draw from their own stream, so the rest of the demo stays as it was.
        var keuzeRandom = new Random(1667);
        var ladderRandom = new Random(2025);
        var vandaag = klok.Vandaag;
        var instellingen = Participatieinstellingen.Standaard;
        var dossiers = (await db.Inburgeraars.AsNoTracking().Include(i => i.Mijlpalen)
                .Where(i => i.GeanonimiseerdOp == null && i.Mijlpalen.Any(m => m.Soort == Mijlpaal.BrpInschrijving))
                .ToListAsync(ct))
            // In content order, not id order: demo ids are random per install, the demo's content is not.
            .OrderBy(i => i.Bsn?.Value ?? "", StringComparer.Ordinal).ThenBy(i => i.VNummer?.Value ?? "", StringComparer.Ordinal).ToList();
        var versies = await VersiesAsync(db, klok, ct);
        var gesprekken = (await db.Voortgangsgesprekken.AsNoTracking().Where(g => g.Status == Data.Model.Keten.Gespreksstatus.Gehouden && g.Datum != null)
            .Select(g => new { g.Id, g.InburgeraarId, g.Datum }).ToListAsync(ct)).ToLookup(g => g.InburgeraarId);

        foreach (var i in dossiers)
        {
            var feiten = i.Feiten();
            var momenten = Meetmomenten.Bepaal(feiten, instellingen, new HashSet<int>(), vandaag);
            foreach (var m in momenten.Where(m => m.Datum is { } d && d <= vandaag && m.Status != MeetmomentStatus.Vervallen))
            {
                // One in four questionnaires is never filled in; the one open today stays open half of the time.
                if (random.Next(4) == 0 || (m.Status == MeetmomentStatus.Open && random.Next(2) == 0)) continue;
                var datum = m.Datum!.Value.AddDays(random.Next(0, 21));
                if (datum > vandaag) datum = vandaag;
                if (datum < StandaardInGebruik) continue; // before the questionnaire's first version (h-demo, #22)
                var groei = Math.Min(m.Maanden, 24) / 24.0; // later moments: more participation
                // Reusel-De Mierden's cases answer the version that was current on the day (see VersiesAsync).
                var lijst = versies.GetValueOrDefault(i.GemeenteId)?.LastOrDefault(v => DateOnly.FromDateTime(v.Op) <= datum).Lijst ?? Vragenlijsten.Standaard;
                var meting = new Participatiemeting
                {
                    Id = Guid.NewGuid(), InburgeraarId = i.Id, Maanden = m.Maanden, Versie = lijst.Versie, Datum = datum,
                    Invulwijze = random.Next(3) == 0 ? Invulwijze.Portaal : Invulwijze.Gesprek, Taal = null, VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
                };
                if (meting.Invulwijze == Invulwijze.Portaal) meting.Taal = random.Next(2) == 0 ? "ar" : "nl";
                foreach (var v in lijst.Vragen)
                {
                    if (v.Schaal == Antwoordschaal.Meerkeuze)
                    {
                        if (keuzeRandom.Next(10) == 0) continue;
                        // Mostly by bike or on foot, as in a village; some by bus or car.
                        var keuze = v.Keuzes[Math.Min(v.Keuzes.Count - 1, (int)(Math.Pow(keuzeRandom.NextDouble(), 1.5) * v.Keuzes.Count))];
                        meting.Antwoorden.Add(new Participatieantwoord { VraagCode = v.Code, Keuze = keuze.Code });
                        continue;
                    }

                    if (random.Next(10) == 0) continue; // "zeg ik liever niet"
                    var kans = v.Domein == Participatiedomein.WerkEnOpleiding ? 0.1 + 0.3 * groei : 0.3 + 0.5 * groei;
                    var waarde = v.Schaal == Antwoordschaal.JaNee
                        ? (random.NextDouble() < kans ? 1 : 0)
                        : Math.Clamp((int)Math.Round(2 + 3 * kans + (random.NextDouble() - 0.5) * 2), 1, 5);
                    meting.Antwoorden.Add(new Participatieantwoord { VraagCode = v.Code, Waarde = waarde });
                }

                db.Add(meting);
            }

            // h-demo (#22): a ladder score at the brede intake, at the PIP talk and at every held voortgangsgesprek after it,
            // from a stream of its own (the questionnaires above stay as they were). Mostly the same rung, often one up,
            // sometimes one down (illness, a lost volunteer place), so the monitor's movement table has people in its rows.
            var intake = feiten.Datum(Mijlpaal.BredeIntake);
            var pip = feiten.Datum(Mijlpaal.PipVastgesteld);
            var gehouden = gesprekken[i.Id].OrderBy(g => g.Datum).ToList();
            var trede = 1 + ladderRandom.Next(3);
            var scoremomenten = new List<(DateOnly Datum, Guid? Gesprek, string? Toelichting)>();
            // Cases without a PIP or talks yet: some have the intake score only, so the dossier shows a movement after the next talk.
            if (intake is { } begin && (pip is not null || gehouden.Count > 0 || ladderRandom.Next(3) == 0)) scoremomenten.Add((begin, null, "Ingeschat bij de brede intake"));
            if (pip is { } plan && (intake is null || plan > intake) && !gehouden.Any(g => g.Datum == plan)) scoremomenten.Add((plan, null, "Ingeschat bij het PIP-gesprek"));
            scoremomenten.AddRange(gehouden.Where(g => intake is null || g.Datum > intake).Select(g => (g.Datum!.Value, (Guid?)g.Id, (string?)null)));
            scoremomenten = [.. scoremomenten.OrderBy(m => m.Datum)];
            for (var k = 0; k < scoremomenten.Count; k++)
            {
                var stap = ladderRandom.Next(20);
                if (k > 0) trede = Math.Clamp(trede + (stap < 6 ? 1 : stap < 17 ? 0 : -1), 1, Participatieladder.Standaard.Count);
                var omlaag = k > 0 && stap >= 17;
                db.Add(new Ladderscore
                {
                    Id = Guid.NewGuid(), InburgeraarId = i.Id, VoortgangsgesprekId = scoremomenten[k].Gesprek, Datum = scoremomenten[k].Datum, Trede = trede,
                    TredeNaam = Participatieladder.Standaard[trede - 1].Naam, Toelichting = omlaag ? LadderOmlaag[stap % LadderOmlaag.Length] : scoremomenten[k].Toelichting,
                    VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Reusel-De Mierden (GM1667) asks one own question, in two versions: version 1 (a year ago, but not before the default version 2026.1 it builds on) added it in Dutch only,
    /// version 2 (two months ago) sharpened its wording and added an English translation, version 3 (a month ago) added an
    /// own meerkeuze question with its own options, translated into English, Arabic and Ukrainian only (the other portal
    /// languages show the Dutch, with the note). Per municipality id, oldest first.
    /// </summary>
    private static async Task<Dictionary<int, List<(DateTime Op, Vragenlijst Lijst)>>> VersiesAsync(KoersDbContext db, Klok klok, CancellationToken ct)
    {
        var gemeente = await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == "GM1667", ct);
        if (gemeente is null || await db.Set<Participatievragenlijstversie>().AnyAsync(v => v.GemeenteId == gemeente.Id, ct)) return [];
        Vraag Eigen(Dictionary<string, string> teksten) =>
            new("eigen-demo-bibliotheek", Participatiedomein.MaatschappelijkeParticipatie, Antwoordschaal.JaNee, teksten, Participatiedomein.MaatschappelijkeParticipatie.Bron()) { Eigen = true };
        var een = Vragenlijstversies.Ordenen("GM1667-v1", [.. Vragenlijsten.Standaard.Vragen,
            Eigen(new() { ["nl"] = "Gaat u naar de bibliotheek of het buurthuis?" })]);
        var twee = Vragenlijstversies.Ordenen("GM1667-v2", [.. Vragenlijsten.Standaard.Vragen,
            Eigen(new() { ["nl"] = "Bent u de afgelopen maand in de bibliotheek of het buurthuis geweest?", ["en"] = "Have you been to the library or the community centre in the past month?" })]);
        static Dictionary<string, string> T(string nl, string en, string ar, string uk) => new() { ["nl"] = nl, ["en"] = en, ["ar"] = ar, ["uk"] = uk };
        var vervoer = new Vraag("eigen-demo-vervoer", Participatiedomein.MaatschappelijkeParticipatie, Antwoordschaal.Meerkeuze,
            T("Hoe komt u meestal naar de les?", "How do you usually get to your lessons?", "كيف تصل عادةً إلى الدرس؟", "Як ви зазвичай добираєтеся на заняття?"),
            Participatiedomein.MaatschappelijkeParticipatie.Bron())
        {
            Eigen = true,
            Keuzes =
            [
                new("fiets", T("Met de fiets", "By bike", "بالدراجة", "На велосипеді")),
                new("lopen", T("Lopend", "On foot", "سيرًا على الأقدام", "Пішки")),
                new("openbaar-vervoer", T("Met het openbaar vervoer", "By public transport", "بوسائل النقل العام", "Громадським транспортом")),
                new("auto", T("Met de auto", "By car", "بالسيارة", "Автомобілем")),
                new("anders", T("Anders", "Other", "غير ذلك", "Інше")),
            ],
        };
        var drie = Vragenlijstversies.Ordenen("GM1667-v3", [.. twee.Vragen, vervoer]);
        var lijst = new List<(DateTime Op, Vragenlijst Lijst, string Wijziging)>
        {
            (Max(klok.NuUtc.AddYears(-1), StandaardInGebruik.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc)), een, "eigen vraag toegevoegd: 'Gaat u naar de bibliotheek of het buurthuis?'"),
            (klok.NuUtc.AddMonths(-2), twee, "eigen vraag gewijzigd: 'Gaat u naar de bibliotheek of het buurthuis?' wordt 'Bent u de afgelopen maand in de bibliotheek of het buurthuis geweest?' (met Engelse vertaling)"),
            (klok.NuUtc.AddMonths(-1), drie, "eigen vraag toegevoegd: 'Hoe komt u meestal naar de les?' (meerkeuze: fiets, lopen, openbaar vervoer, auto, anders)"),
        };
        for (var n = 0; n < lijst.Count; n++)
        {
            db.Add(new Participatievragenlijstversie
            {
                GemeenteId = gemeente.Id, Nummer = n + 1, Code = lijst[n].Lijst.Versie, Vragen = Vragenlijstversies.Schrijf(lijst[n].Lijst), Wijziging = lijst[n].Wijziging,
                VastgesteldOp = lijst[n].Op, VastgesteldDoor = "demodata",
            });
        }

        return new() { [gemeente.Id] = lijst.Select(l => (l.Op, l.Lijst)).ToList() };
    }

    // Version 1 is built on the default version 2026.1, so it cannot have been set before that was in use (h-demo, #22).
    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
