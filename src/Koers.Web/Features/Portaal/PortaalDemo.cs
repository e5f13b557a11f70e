using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Dossier;
using Koers.Domain.Pip;
using Koers.Web.Features.Pip;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Portaal;

/// <summary>
/// The demo inburgeraar (inburgeraar@demo.example) gets a case that shows everything the portal can: a vastgesteld
/// PIP with its beschikking, the deadlines that follow from it, a planned progress talk, hours followed and a message
/// from the klantregisseur. The PIP, the talk and the message are not written as rows: they are made through the same
/// services a klantregisseur uses (PipService, DossierService, VoortgangService, BerichtenService), signed in as the
/// case's klantregisseur, so the letter is the PDF the real flow makes and every step is in the audit trail.
/// </summary>
public static class PortaalDemo
{
    public const string Email = "inburgeraar@demo.example";

    /// <summary>What the services will do later, once the accounts exist.</summary>
    public sealed record Plan(Guid Id, string Klantregisseur, Leerroute Leerroute, DateOnly Dagtekening, bool Ontzorgen,
        IReadOnlyDictionary<Mijlpaal, DateOnly> Daarna, DateOnly Vandaag);

    /// <summary>
    /// Takes the generated history of the chosen person and returns it up to the brede intake, so the PIP can be made by
    /// the service. When the history already reached a running PIP, its dates are kept (the other demo data that depends
    /// on them, such as the hours, stays the same); otherwise a fixed history relative to today is used.
    /// </summary>
    public static Plan Voorbereiden(Inburgeraar inburgeraar, Medewerker regisseur, Dictionary<Mijlpaal, DateOnly> gegenereerd, DateOnly vandaag,
        out Dictionary<Mijlpaal, DateOnly> totIntake)
    {
        var bruikbaar = gegenereerd.ContainsKey(Mijlpaal.PipVastgesteld) && gegenereerd.ContainsKey(Mijlpaal.Leerbaarheidstoets)
            && gegenereerd.ContainsKey(Mijlpaal.BredeIntake) && gegenereerd.ContainsKey(Mijlpaal.StartBijstand)
            && !gegenereerd.Keys.Any(m => MijlpaalInfo.Afsluitend.Contains(m) || m is Mijlpaal.EindgesprekOfExamens or Mijlpaal.TermijnVerlengdTot)
            && gegenereerd[Mijlpaal.PipVastgesteld] <= vandaag.AddDays(-60);
        var feiten = bruikbaar
            ? new Dictionary<Mijlpaal, DateOnly>(gegenereerd)
            : new Dictionary<Mijlpaal, DateOnly>
            {
                [Mijlpaal.Koppeling] = vandaag.AddDays(-260),
                [Mijlpaal.WarmeOverdracht] = vandaag.AddDays(-245),
                [Mijlpaal.BrpInschrijving] = vandaag.AddDays(-200),
                [Mijlpaal.StartBijstand] = vandaag.AddDays(-195),
                [Mijlpaal.Leerbaarheidstoets] = vandaag.AddDays(-180),
                [Mijlpaal.BredeIntake] = vandaag.AddDays(-165),
                [Mijlpaal.PipVastgesteld] = vandaag.AddDays(-150),
                [Mijlpaal.StartLeerroute] = vandaag.AddDays(-120),
                [Mijlpaal.LaatsteVoortgangsgesprek] = vandaag.AddDays(-40),
            };
        feiten.Remove(Mijlpaal.LaatsteContact);
        var dagtekening = feiten[Mijlpaal.PipVastgesteld];
        var daarna = feiten.Where(f => f.Key is Mijlpaal.StartLeerroute or Mijlpaal.LaatsteVoortgangsgesprek).ToDictionary(f => f.Key, f => f.Value);
        totIntake = feiten.Where(f => f.Key is not (Mijlpaal.PipVastgesteld or Mijlpaal.StartLeerroute or Mijlpaal.LaatsteVoortgangsgesprek))
            .ToDictionary(f => f.Key, f => f.Value);

        // A person with a PIP has a route, a home address (letters need one) and a klantregisseur to contact.
        var leerroute = inburgeraar.Leerroute ?? Leerroute.B1Route;
        inburgeraar.Leerroute = leerroute; // read by the intake details (the LBT score fits the route); cleared until the PIP sets it
        inburgeraar.NogNietStartklaar = false;
        inburgeraar.AzcLocatie = null;
        inburgeraar.Adres ??= $"Demostraat 12, 9999 ZZ {inburgeraar.Gemeente?.Naam ?? "Bergeijk"}";
        inburgeraar.Klantregisseur ??= regisseur;
        return new Plan(inburgeraar.Id, inburgeraar.Klantregisseur.Email, leerroute, dagtekening, true, daarna, vandaag);
    }

    /// <summary>The PIP through the PIP service (draft, then vaststelling with its letter), then the later milestones.</summary>
    public static async Task PipVaststellenAsync(IServiceScopeFactory scopes, Plan plan, CancellationToken ct)
    {
        await AlsAsync(scopes, plan.Klantregisseur, async sp =>
        {
            var pips = sp.GetRequiredService<PipService>();
            var inhoud = new PipInvoer
            {
                Leerroute = plan.Leerroute,
                Niveaus = plan.Leerroute == Leerroute.ZRoute ? [] : Enum.GetValues<Domain.Pip.Vaardigheid>().ToDictionary(v => v, _ => Taalniveau.B1),
                Knm = plan.Leerroute != Leerroute.Onderwijsroute,
                Pvt = plan.Leerroute != Leerroute.Onderwijsroute,
                Map = plan.Leerroute != Leerroute.Onderwijsroute,
                Participatie = plan.Leerroute == Leerroute.ZRoute ? ParticipatieVorm.Dagbesteding : ParticipatieVorm.Vrijwilligerswerk,
                MaatschappelijkeBegeleiding = true,
                Ontzorgen = plan.Ontzorgen,
                Hoofddoel = plan.Leerroute switch
                {
                    Leerroute.Onderwijsroute => Hoofddoel.OpleidingMetStudiefinanciering,
                    Leerroute.ZRoute => Hoofddoel.MaatschappelijkFitWorden,
                    _ => Hoofddoel.BetaaldWerken,
                },
                Subdoelen = ["Ik spreek Nederlands met mijn buren", "Ik weet hoe ik mijn post regel"],
                Aanbieder = plan.Leerroute switch { Leerroute.Onderwijsroute => "Koning Willem I College", Leerroute.ZRoute => "Stavoor", _ => "Taalschool De Brug" },
                GeplandeStart = plan.Daarna.TryGetValue(Mijlpaal.StartLeerroute, out var start) ? start : plan.Dagtekening.AddDays(30),
            };
            var concept = await pips.ConceptOpslaanAsync(plan.Id, inhoud, ct);
            Verwacht(concept.Gelukt, "concept-PIP", concept.Fouten);
            var vastgesteld = await pips.VaststellenAsync(plan.Id, new VaststellingInvoer
            {
                Dagtekening = plan.Dagtekening, Verzenddatum = plan.Dagtekening, RedenTeLaat = "Wachtlijst voor de intake bij de taalschool.",
            }, ct);
            Verwacht(vastgesteld.Gelukt, "vaststelling PIP", vastgesteld.Fouten);

            // The service queued the PIP for DUO in the same transaction, as it must. A demo talks to no DUO: like every
            // other demo case (whose history predates Koers), this one has no message waiting, so none is ever sent.
            var db = sp.GetRequiredService<Data.KoersDbContext>();
            await db.DuoUitgaandeBerichten.Where(b => b.InburgeraarId == plan.Id).ExecuteDeleteAsync(ct);

            if (plan.Daarna.Count > 0)
            {
                var dossiers = sp.GetRequiredService<Kern.DossierService>();
                var mijlpalen = await dossiers.ZetMijlpalenAsync(plan.Id, plan.Daarna.ToDictionary(d => d.Key, d => (DateOnly?)d.Value), "Demodata: leerroute gestart, voortgangsgesprek gehouden", ct);
                Verwacht(mijlpalen.Gelukt, "mijlpalen na het PIP", mijlpalen.Fouten);
            }
        }, ct);
    }

    /// <summary>The next progress talk (when none is planned yet) and a message from the klantregisseur.</summary>
    public static async Task AfspraakEnBerichtAsync(IServiceScopeFactory scopes, Plan plan, CancellationToken ct)
    {
        await AlsAsync(scopes, plan.Klantregisseur, async sp =>
        {
            var db = sp.GetRequiredService<Data.KoersDbContext>();
            var gepland = db.Voortgangsgesprekken.Any(g => g.InburgeraarId == plan.Id && g.Status == Gespreksstatus.Gepland && g.GeplandOp >= plan.Vandaag);
            if (!gepland)
            {
                var gesprek = await sp.GetRequiredService<Voortgang.VoortgangService>().PlanAsync(plan.Id, new Voortgang.GesprekPlanInvoer
                {
                    GeplandOp = plan.Vandaag.AddDays(9), Tijd = new TimeOnly(10, 30), Locatie = "Gemeentehuis Bergeijk, spreekkamer 2",
                }, ct);
                Verwacht(gesprek.Gelukt, "voortgangsgesprek plannen", gesprek.Fouten);
            }

            var bericht = await sp.GetRequiredService<Berichten.BerichtenService>().StuurAsync(plan.Id,
                "Goedemorgen, uw plan staat nu in Mijn inburgering. In het volgende gesprek bespreken we hoe de lessen gaan. Neem gerust uw vragen mee.", ct);
            Verwacht(bericht.Gelukt, "bericht aan de inburgeraar", bericht.Fouten);
        }, ct);
    }

    /// <summary>Runs the work in a scope of its own, signed in as the given staff account (as a request of theirs would be).</summary>
    private static async Task AlsAsync(IServiceScopeFactory scopes, string email, Func<IServiceProvider, Task> werk, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<Gebruiker>>();
        var gebruiker = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"Demodata: account {email} ontbreekt");
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<Gebruiker>>().CreateAsync(gebruiker);
        var accessor = sp.GetRequiredService<IHttpContextAccessor>();
        var vorige = accessor.HttpContext;
        accessor.HttpContext = new DefaultHttpContext { User = principal, RequestServices = sp };
        try
        {
            ct.ThrowIfCancellationRequested();
            await werk(sp);
        }
        finally
        {
            accessor.HttpContext = vorige;
        }
    }

    private static void Verwacht(bool gelukt, string stap, IReadOnlyDictionary<string, string[]> fouten)
    {
        if (!gelukt)
        {
            throw new InvalidOperationException($"Demodata voor {Email}: {stap} mislukt: " + string.Join("; ", fouten.SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}"))));
        }
    }
}
