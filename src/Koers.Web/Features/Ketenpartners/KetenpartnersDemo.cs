using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Dossier;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Ketenpartners;

/// <summary>
/// Synthetic chain partners for both demo regions, with contracts, consents for a realistic share of the cases (the
/// language school never gets health data), referrals in every status, and the two demo partner accounts linked.
/// </summary>
public static class KetenpartnersDemo
{
    public static async Task SeedAsync(KoersDbContext db, UserManager<Gebruiker> users, string wachtwoord, DateOnly vandaag, DateTime nu, CancellationToken ct)
    {
        if (await db.Partnerorganisaties.AnyAsync(ct)) return;
        var kempen = await db.Regios.FirstAsync(r => r.Naam.Contains("Kempen"), ct);
        var weert = await db.Regios.FirstAsync(r => r.Naam.Contains("Weert"), ct);
        Partnerorganisatie Maak(string naam, Partnersoort soort, Regio regio, int? capaciteit, string contact, string email) =>
            new() { Naam = naam, Soort = soort, RegioId = regio.Id, Capaciteit = capaciteit, Contactpersoon = contact, Email = email, Telefoon = "040-0000000" };

        var taalschool = Maak("Taalschool De Kempen", Partnersoort.Taalaanbieder, kempen, 40, "Marieke Taal", "info@taalschool.example");
        var vwn = Maak("VluchtelingenWerk Zuid-Nederland", Partnersoort.MaatschappelijkeBegeleiding, kempen, 60, "Hamid Begeleiding", "kempen@vluchtelingenwerk.example");
        var jobcoach = Maak("Kempen Werkt (jobcoach)", Partnersoort.MapJobcoach, kempen, 15, "Tom Coach", "map@kempenwerkt.example");
        var budget = Maak("Budgetbeheer De Kempen", Partnersoort.Budgetbeheer, kempen, 25, "Ans Budget", "info@budgetkempen.example");
        var weertTaal = Maak("Taalhuis Weert (gemeente Weert)", Partnersoort.Taalaanbieder, weert, 20, "Peter Weert", "taalhuis@weert.example");
        var weertVwn = Maak("VluchtelingenWerk Zuid-Nederland, Weert", Partnersoort.MaatschappelijkeBegeleiding, weert, 20, "Sara Weert", "weert@vluchtelingenwerk.example");
        // The language schools are on the (simulated) DUO's list of keurmerk holders, so an inburgeringsaanbod can be reported.
        taalschool.DuoInstellingsnummer = Duo.DuoSimulator.Instellingen[0].Instellingsnummer;
        weertTaal.DuoInstellingsnummer = Duo.DuoSimulator.Instellingen[1].Instellingsnummer;
        var alle = new[] { taalschool, vwn, jobcoach, budget, weertTaal, weertVwn };
        db.Partnerorganisaties.AddRange(alle);
        await db.SaveChangesAsync(ct);

        var jaar = new DateOnly(vandaag.Year, 1, 1);
        db.Partnercontracten.AddRange(
            new Partnercontract { PartnerorganisatieId = taalschool.Id, Onderdeel = Onderdeel.Taal, Leerroute = Leerroute.B1Route, Van = jaar, Tot = jaar.AddYears(2).AddDays(-1), Tariefsoort = Tariefsoort.PerTraject, Prijs = 9850m, Kenmerk = "KEM-2026-TAAL-B1" },
            new Partnercontract { PartnerorganisatieId = taalschool.Id, Onderdeel = Onderdeel.Taal, Leerroute = Leerroute.ZRoute, Van = jaar, Tot = jaar.AddYears(2).AddDays(-1), Tariefsoort = Tariefsoort.PerUur, Prijs = 14.50m, Kenmerk = "KEM-2026-TAAL-Z" },
            new Partnercontract { PartnerorganisatieId = taalschool.Id, Onderdeel = Onderdeel.Knm, Van = jaar, Tariefsoort = Tariefsoort.PerTraject, Prijs = 650m },
            new Partnercontract { PartnerorganisatieId = vwn.Id, Onderdeel = Onderdeel.MaatschappelijkeBegeleiding, Van = jaar, Tariefsoort = Tariefsoort.PerTraject, Prijs = 2350m, Kenmerk = "KEM-MB-2026" },
            new Partnercontract { PartnerorganisatieId = vwn.Id, Onderdeel = Onderdeel.Pvt, Van = jaar, Tariefsoort = Tariefsoort.PerTraject, Prijs = 310m },
            new Partnercontract { PartnerorganisatieId = jobcoach.Id, Onderdeel = Onderdeel.Map, Van = jaar, Tariefsoort = Tariefsoort.PerUur, Prijs = 62m },
            new Partnercontract { PartnerorganisatieId = budget.Id, Onderdeel = Onderdeel.Budgetbeheer, Van = jaar, Tariefsoort = Tariefsoort.PerUur, Prijs = 48m },
            new Partnercontract { PartnerorganisatieId = weertTaal.Id, Onderdeel = Onderdeel.Taal, Van = jaar, Tariefsoort = Tariefsoort.PerTraject, Prijs = 9400m },
            new Partnercontract { PartnerorganisatieId = weertVwn.Id, Onderdeel = Onderdeel.MaatschappelijkeBegeleiding, Van = jaar, Tariefsoort = Tariefsoort.PerTraject, Prijs = 2300m });

        // Cases that have a PIP or are further along are the ones partners work on.
        var dossiers = await db.Inburgeraars.AsNoTracking()
            .Where(i => i.Leerroute != null && i.GeanonimiseerdOp == null)
            .Select(i => new { i.Id, i.Doelgroep, RegioId = i.Gemeente!.RegioId, i.Leerroute, i.Bsn, i.VNummer })
            .ToListAsync(ct);
        // In content order, not id order: demo ids are random per install, the demo's content is not.
        dossiers = [.. dossiers.OrderBy(i => i.Bsn?.Value ?? "", StringComparer.Ordinal).ThenBy(i => i.VNummer?.Value ?? "", StringComparer.Ordinal)];
        var random = new Random(2026);
        var statussen = new[] { Verwijzingsstatus.Aangemeld, Verwijzingsstatus.Geaccepteerd, Verwijzingsstatus.Geaccepteerd, Verwijzingsstatus.Afgewezen, Verwijzingsstatus.Ingetrokken, Verwijzingsstatus.Afgerond, Verwijzingsstatus.Geaccepteerd, Verwijzingsstatus.Aangemeld };
        var n = 0;
        void Machtig(Guid id, Partnerorganisatie p, Gegevenscategorie cat, int dagenGeleden, bool ingetrokken = false, bool verlopen = false) =>
            db.Machtigingen.Add(new Machtiging
            {
                Id = Guid.NewGuid(), InburgeraarId = id, PartnerorganisatieId = p.Id, Categorieen = cat, Van = vandaag.AddDays(-dagenGeleden),
                Tot = verlopen ? vandaag.AddDays(-3) : null, Vorm = "Ondertekend formulier (demo)", VastgelegdOp = nu.AddDays(-dagenGeleden), VastgelegdDoor = "demodata",
                IngetrokkenOp = ingetrokken ? nu.AddDays(-2) : null, IngetrokkenDoor = ingetrokken ? "demodata" : null,
                RedenIntrekking = ingetrokken ? "Inburgeraar wil niet meer dat deze partner meekijkt (demo)" : null,
            });
        void Verwijs(Guid id, Partnerorganisatie p, Onderdeel o, int dagenGeleden)
        {
            var status = statussen[n++ % statussen.Length];
            var aangemeld = vandaag.AddDays(-dagenGeleden);
            var v = new Verwijzing
            {
                Id = Guid.NewGuid(), InburgeraarId = id, PartnerorganisatieId = p.Id, Onderdeel = o, Status = status, AangemeldOp = aangemeld,
                AangemeldDoor = "demodata",
            };
            if (status is Verwijzingsstatus.Geaccepteerd or Verwijzingsstatus.Afgerond or Verwijzingsstatus.Afgewezen)
            {
                v.BeslistOp = aangemeld.AddDays(3 + random.Next(10));
                v.BeslistDoor = p.Naam;
            }

            if (status is Verwijzingsstatus.Geaccepteerd or Verwijzingsstatus.Afgerond)
            {
                v.Intakedatum = aangemeld.AddDays(7 + random.Next(14));
                // Some start in the past (running), some are planned: still on the waiting list.
                v.Startdatum = v.Intakedatum.Value.AddDays(random.Next(2) == 0 ? 7 : 60 + random.Next(30));
                // A completed trajectory has started and run: one whose start is not at least four weeks past is still running
                // (issue #23 finding: an 'Afgerond' referral with a start date in the future).
                if (v.Status == Verwijzingsstatus.Afgerond && v.Startdatum > vandaag.AddDays(-28)) v.Status = Verwijzingsstatus.Geaccepteerd;
            }

            if (status == Verwijzingsstatus.Afgewezen) v.RedenAfwijzing = "Geen plaats in een passende groep op dit niveau (demo)";
            db.Verwijzingen.Add(v);
        }

        foreach (var d in dossiers)
        {
            var k = random.Next(10);
            if (d.RegioId == kempen.Id)
            {
                if (k < 5)
                {
                    // The language school: never health data.
                    Machtig(d.Id, taalschool, Gegevenscategorie.Basisgegevens | Gegevenscategorie.Leerroute | Gegevenscategorie.Voortgang, 30 + random.Next(200),
                        ingetrokken: k == 0 && random.Next(3) == 0, verlopen: k == 1 && random.Next(3) == 0);
                    Verwijs(d.Id, taalschool, d.Leerroute == Leerroute.ZRoute ? Onderdeel.Taal : random.Next(4) == 0 ? Onderdeel.Knm : Onderdeel.Taal, 5 + random.Next(150));
                }

                if (d.Doelgroep.IsAsielgerelateerd() && k < 7)
                {
                    Machtig(d.Id, vwn, Gegevenscategorie.Basisgegevens | Gegevenscategorie.Gezin | Gegevenscategorie.Gezondheid | Gegevenscategorie.Financien, 20 + random.Next(200));
                    if (random.Next(2) == 0) Verwijs(d.Id, vwn, Onderdeel.MaatschappelijkeBegeleiding, 5 + random.Next(100));
                }

                if (k is 7 or 8)
                {
                    Machtig(d.Id, jobcoach, Gegevenscategorie.Basisgegevens | Gegevenscategorie.Leerroute | Gegevenscategorie.WerkEnParticipatie, 10 + random.Next(120));
                    Verwijs(d.Id, jobcoach, Onderdeel.Map, 3 + random.Next(90));
                }

                if (k == 9 && d.Doelgroep.IsAsielgerelateerd())
                {
                    Machtig(d.Id, budget, Gegevenscategorie.Basisgegevens | Gegevenscategorie.Financien, 10 + random.Next(120));
                    Verwijs(d.Id, budget, Onderdeel.Budgetbeheer, 3 + random.Next(60));
                }
            }
            else if (k < 6)
            {
                Machtig(d.Id, weertTaal, Gegevenscategorie.Basisgegevens | Gegevenscategorie.Leerroute | Gegevenscategorie.Voortgang, 15 + random.Next(150));
                Verwijs(d.Id, weertTaal, Onderdeel.Taal, 5 + random.Next(120));
                if (d.Doelgroep.IsAsielgerelateerd())
                {
                    Machtig(d.Id, weertVwn, Gegevenscategorie.Basisgegevens | Gegevenscategorie.Gezin, 15 + random.Next(150));
                }
            }
        }

        await db.SaveChangesAsync(ct);

        if (await users.FindByEmailAsync("partner@taalschool.example") is { } taalgebruiker)
        {
            taalgebruiker.PartnerorganisatieId = taalschool.Id;
            taalgebruiker.Weergavenaam = "Marieke Taal (Taalschool De Kempen)";
            await users.UpdateAsync(taalgebruiker);
        }

        const string vwnEmail = "partner@vluchtelingenwerk.example";
        if (await users.FindByEmailAsync(vwnEmail) is null)
        {
            var g = new Gebruiker
            {
                UserName = vwnEmail, Email = vwnEmail, EmailConfirmed = true, Weergavenaam = "Hamid Begeleiding (VluchtelingenWerk)", PartnerorganisatieId = vwn.Id,
            };
            var r = await users.CreateAsync(g, wachtwoord);
            if (!r.Succeeded) throw new InvalidOperationException(string.Join(" ", r.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(g, Rollen.Partner);
        }

        // h-jobcoach: a jobcoach of Kempen Werkt who signs in and sees their own caseload (WerkDemo assigns placements).
        const string jobcoachEmail = "jobcoach@kempenwerkt.example";
        if (await users.FindByEmailAsync(jobcoachEmail) is null)
        {
            var g = new Gebruiker
            {
                UserName = jobcoachEmail, Email = jobcoachEmail, EmailConfirmed = true, Weergavenaam = "Tom Coach (Kempen Werkt)", PartnerorganisatieId = jobcoach.Id,
            };
            var r = await users.CreateAsync(g, wachtwoord);
            if (!r.Succeeded) throw new InvalidOperationException(string.Join(" ", r.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(g, Rollen.Partner);
        }
    }
}
