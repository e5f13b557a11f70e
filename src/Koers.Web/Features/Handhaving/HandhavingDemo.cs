using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Afsluiting;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Handhaving;
using Koers.Web.Features.Pip;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Handhaving;

/// <summary>
/// Synthetic demo data for handhaving and closure: a few running cases at every stage of the default ladder (one with a
/// passed response deadline, so the worklist shows it), and closure records for the demo cases whose milestones
/// already say they ended. Deterministic: it takes cases in a fixed order.
/// </summary>
public static class HandhavingDemo
{
    public static async Task SeedAsync(KoersDbContext db, DateOnly vandaag, DateTime nuUtc, CancellationToken ct = default)
    {
        var lopend = await db.Inburgeraars.Include(i => i.Gemeente).Include(i => i.Klantregisseur)
            .Where(i => i.Fase == Fase.InUitvoering).OrderBy(i => i.Achternaam).ThenBy(i => i.Voornamen)
            .ThenBy(i => i.Geboortedatum).ThenBy(i => i.BsnIndex).ThenBy(i => i.VNummerIndex).Take(5).ToListAsync(ct);
        var ladder = Handhavingsladder.Standaard;
        var omschrijvingen = new[]
        {
            (PipVerplichting.Taal, "Drie weken niet bij de taalles geweest, zonder afmelding (melding taalaanbieder)."),
            (PipVerplichting.Knm, "Niet verschenen bij de KNM-bijeenkomsten van mei."),
            (PipVerplichting.Participatie, "Vrijwilligerswerk gestopt zonder overleg."),
            (PipVerplichting.Map, "Twee MAP-praktijkdagen gemist."),
            (PipVerplichting.Taal, "Structureel te laat en vaak afwezig bij de taalles."),
        };
        for (var n = 0; n < lopend.Count; n++)
        {
            var i = lopend[n];
            var (verplichting, tekst) = omschrijvingen[n];
            var start = vandaag.AddDays(-60);
            var t = new Tekortkoming
            {
                Id = Guid.NewGuid(), InburgeraarId = i.Id, Verplichting = verplichting, Datum = start, Omschrijving = tekst,
                VastgelegdDoor = "demodata", VastgelegdOp = nuUtc,
            };
            db.Add(t);
            // Case n stands at step n: 0 = only recorded (proposal waits), 1..4 = steps taken; the last one, with its
            // response deadline passed and no outcome, shows on the worklist.
            for (var s = 0; s < Math.Min(n, ladder.Count); s++)
            {
                var stap = ladder[s];
                var datum = start.AddDays(7 + 12 * s);
                // A demo boete is a first one without opzet or grove schuld: the amount Besluit inburgering 2021 art. 7.1 gives.
                var wettelijk = stap.Soort == Handhavingssoort.BoeteWi2021
                    ? Boeteberekening.Bereken(verplichting, start, Verwijtbaarheid.GeenOpzetOfGroveSchuld, [])
                    : null;
                var b = new Handhavingsbesluit
                {
                    Id = Guid.NewGuid(), TekortkomingId = t.Id, InburgeraarId = i.Id, Volgorde = stap.Volgorde, Soort = stap.Soort, Stapnaam = stap.Naam,
                    Datum = datum, Reden = s == 0 ? "Eerst in gesprek, zoals de ladder voorschrijft." : "Geen verbetering na de vorige stap.",
                    ReactieUiterlijk = stap.ReactietermijnDagen > 0 ? Termijnenwet.Verschuif(datum.AddDays(stap.ReactietermijnDagen)) : null,
                    Bedrag = wettelijk?.Bedrag, BevestigdDoor = Handhavingsladder.IsSanctie(stap.Soort) ? "demodata" : null,
                    Omstandigheden = Handhavingsladder.IsSanctie(stap.Soort) ? "Gezondheid, zorg voor kinderen en geldzaken besproken; geen omstandigheid gevonden die het wegblijven verklaart." : null,
                    Uitkomst = s < n - 1 ? "Geen reactie." : null, UitkomstOp = s < n - 1 ? datum.AddDays(5) : null,
                    Door = "demodata", Op = nuUtc,
                };
                if (Handhavingsladder.HeeftBrief(stap.Soort)) b.Verzenddatum = datum;
                if (Handhavingsladder.HeeftBrief(stap.Soort))
                {
                    b.Kenmerk = $"HH-{i.Gemeente!.Code}-{datum:yyyy}-{i.Id.ToString("N")[..8].ToUpperInvariant()}-{s + 1}-{stap.Volgorde}";
                    var waarden = new Dictionary<string, string>
                    {
                        ["{naam}"] = i.VolledigeNaam, ["{verplichting}"] = verplichting.Omschrijving(), ["{omschrijving}"] = tekst,
                        ["{datum}"] = Pip.Beschikking.BeschikkingBrief.Datum(start),
                        ["{reactiedatum}"] = b.ReactieUiterlijk is { } r ? Pip.Beschikking.BeschikkingBrief.Datum(r) : "zo snel mogelijk",
                        ["{bedrag}"] = b.Bedrag is { } bedrag ? bedrag.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")) : string.Empty,
                        ["{gemeente}"] = i.Gemeente.Naam,
                    };
                    b.Pdf = HandhavingBrief.Maak(new HandhavingBriefGegevens(PipService.BriefhoofdVan(i.Gemeente), datum, b.Kenmerk, stap.Soort, stap.Naam,
                        i.VolledigeNaam, Domain.Besluiten.Adressering.Regels(i.VolledigeNaam, i.Adres, i.AzcLocatie),
                        i.Klantregisseur?.Naam, Handhavingsladder.VulIn(stap.Brieftekst, waarden), b.ReactieUiterlijk,
                        datum, $"het college van burgemeester en wethouders van {i.Gemeente.Naam}",
                        HandhavingService.Feiten(t), b.Omstandigheden, b.Reden, b.Bedrag, verplichting, wettelijk?.Toelichting));
                    b.Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(b.Pdf));
                    b.Sjabloonversie = 0; // Koers's standard text: the demo municipalities have no own version yet
                }

                db.Add(b);
                t.Besluiten.Add(b); // the next letter lists this step among the facts
            }
        }

        // Closure records for cases whose milestones already end them, so the Afsluiting tab tells the same story.
        var afgesloten = await db.Inburgeraars.Include(i => i.Mijlpalen)
            .Where(i => i.Mijlpalen.Any(m => m.Soort == Mijlpaal.InburgeringsplichtVoldaan || m.Soort == Mijlpaal.Ontheffing || m.Soort == Mijlpaal.Verhuisd))
            .OrderBy(i => i.Achternaam).ThenBy(i => i.Voornamen).ThenBy(i => i.Geboortedatum).ThenBy(i => i.BsnIndex).ThenBy(i => i.VNummerIndex).Take(12).ToListAsync(ct);
        foreach (var i in afgesloten)
        {
            var (soort, datum) = i.Feiten().Afsluiting!.Value;
            var afsluitSoort = soort switch
            {
                Mijlpaal.InburgeringsplichtVoldaan => Afsluitingssoort.InburgeringsplichtVoldaan,
                Mijlpaal.Ontheffing => Afsluitingssoort.Ontheffing,
                _ => Afsluitingssoort.Verhuisd,
            };
            db.Add(new Data.Model.Keten.Afsluiting
            {
                InburgeraarId = i.Id, Soort = afsluitSoort, Datum = datum, Door = "demodata", Op = nuUtc,
                Toelichting = afsluitSoort switch
                {
                    Afsluitingssoort.InburgeringsplichtVoldaan => "Alle onderdelen behaald; eindgesprek gevoerd.",
                    Afsluitingssoort.Ontheffing => "Ontheffing na medisch advies.",
                    _ => "Verhuisd; overdrachtsdossier naar de nieuwe gemeente gestuurd.",
                },
                Ontheffingsgrond = afsluitSoort == Afsluitingssoort.Ontheffing ? Ontheffingsgrond.Medisch : null,
                NieuweGemeente = afsluitSoort == Afsluitingssoort.Verhuisd ? "Eindhoven (GM0772)" : null,
            });
            if (afsluitSoort == Afsluitingssoort.InburgeringsplichtVoldaan && i.Leerroute is { } route)
            {
                foreach (var onderdeel in Afsluitingsregels.Vereist(route).Onderdelen)
                {
                    db.Examenresultaten.Add(new Examenresultaat
                    {
                        Id = Guid.NewGuid(), InburgeraarId = i.Id, Onderdeel = Enum.Parse<Examenonderdeel>(onderdeel), Datum = datum.AddDays(-14),
                        Niveau = route == Leerroute.B1Route ? "B1" : null, Behaald = true, Bron = Gegevensbron.Gemeente, VastgelegdOp = nuUtc, VastgelegdDoor = "demodata",
                    });
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
