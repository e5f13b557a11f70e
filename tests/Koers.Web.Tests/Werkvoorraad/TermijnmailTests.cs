using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Features.Termijnen;
using Koers.Web.Tests.Berichten;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Koers.Web.Tests.Werkvoorraad;

/// <summary>
/// The daily e-mail about deadlines (#25), with a real SMTP server: functioneel beheer switches it on per municipality
/// at /beheer/termijnen; each klantregisseur gets one mail per day listing only their own cases whose deadlines are
/// overdue or within the municipality's days for that kind; no BSN and no name in it; nothing while switched off or
/// after opting out on /account; once per day per person, also when two instances run the round at the same moment;
/// not before the configured hour.
/// </summary>
public abstract class TermijnmailTests(BerichtenOmgeving omgeving)
{
    private static int _volgnummer;
    private readonly HttpClient _beheer = omgeving.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Tuesday 16 June 2026 at the given Dutch hour (summer time, UTC+2) plus some days.</summary>
    private void Zet(int dagenLater, int uur = 8) =>
        omgeving.Basis.Tijd.Nu = new DateTimeOffset(2026, 6, 16 + dagenLater, uur, 30, 0, TimeSpan.FromHours(2));

    /// <summary>A klantregisseur of the Kempen team without a home municipality (so: the whole region), with a sign-in.</summary>
    private async Task<(int Id, string Email, string Naam)> KlantregisseurAsync()
    {
        var n = Interlocked.Increment(ref _volgnummer);
        var email = $"regisseur{n}-{Guid.NewGuid():N}@kempen.example";
        var naam = $"Regisseur Termijnmail {n}";
        using var scope = omgeving.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>();
        var regio = await db.Regios.SingleAsync(r => r.Naam.Contains("Kempen"));
        var team = await db.Teams.FirstAsync(t => t.RegioId == regio.Id);
        var medewerker = new Medewerker { Naam = naam, Email = email, TeamId = team.Id };
        db.Medewerkers.Add(medewerker);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var gebruiker = new Gebruiker { UserName = email, Email = email, Weergavenaam = naam, MedewerkerId = medewerker.Id };
        Assert.True((await users.CreateAsync(gebruiker)).Succeeded);
        Assert.True((await users.AddToRoleAsync(gebruiker, Rollen.Klantregisseur)).Succeeded);
        return (medewerker.Id, email, naam);
    }

    /// <summary>A case whose only open deadline is 'PIP vaststellen', 10 weeks after the BRP date; assigned to the klantregisseur.</summary>
    private async Task<(Guid Id, string Bsn, string Achternaam)> DossierAsync(string gemeente, string brp, int klantregisseur)
    {
        var bsn = Testdata.NieuwBsn();
        var invoer = Testdata.Inburgeraar(bsn: bsn, gemeente: gemeente);
        var achternaam = $"Termijnmail{Interlocked.Increment(ref _volgnummer)}";
        invoer["achternaam"] = achternaam;
        var client = omgeving.App.CreateClient();
        var r = await client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var id = Guid.Parse((await r.LeesAsync())["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = brp })).StatusCode);
        omgeving.Db(db => db.Inburgeraars.Where(i => i.Id == id).ExecuteUpdate(u => u.SetProperty(i => i.KlantregisseurId, klantregisseur)));
        return (id, bsn, achternaam);
    }

    /// <summary>Functioneel beheer on /beheer/termijnen: the daily e-mail on or off, and optionally the PIP days.</summary>
    private async Task InstellenAsync(string gemeente, bool aan, string? pipDagen = null)
    {
        var pagina = await _beheer.GetAsync($"/beheer/termijnen?gemeente={gemeente}");
        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        var doc = new HtmlParser().ParseDocument(await pagina.Content.ReadAsStringAsync());
        Assert.Contains("Dagelijkse e-mail met naderende termijnen", doc.QuerySelector("label[for=Termijnmail]")!.TextContent);
        var velden = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", doc.QuerySelector("#signaleringformulier input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Gemeente", gemeente),
        };
        if (aan) velden.Add(new("Termijnmail", "true"));
        velden.Add(new("Termijnmail", "false"));
        // As a browser posts the form: every day field as it stands, the PIP one changed when asked.
        foreach (var veld in doc.QuerySelectorAll("#signaleringformulier input[name^='Dagen[']"))
        {
            var naam = veld.GetAttribute("name")!;
            velden.Add(new(naam, naam == "Dagen[PipVaststelling]" && pipDagen is not null ? pipDagen : veld.GetAttribute("value")!));
        }
        var antwoord = await _beheer.PostAsync($"/beheer/termijnen?gemeente={gemeente}", new FormUrlEncodedContent(velden));
        Assert.True(antwoord.StatusCode == HttpStatusCode.Redirect, await antwoord.Content.ReadAsStringAsync());
        var na = new HtmlParser().ParseDocument(await (await _beheer.GetAsync(antwoord.Headers.Location!.OriginalString)).Content.ReadAsStringAsync());
        Assert.Equal(aan, na.GetElementById("Termijnmail")!.HasAttribute("checked"));
    }

    private async Task<TermijnmailRonde> RondeAsync(DateOnly datum)
    {
        using var scope = omgeving.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TermijnmailService>().VerstuurAsync(datum);
    }

    private async Task<TermijnmailRonde?> TaakAsync()
    {
        using var scope = omgeving.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TermijnmailTaak>().AlsHetTijdIsAsync();
    }

    private static string Tekst(MimeMessage m) => m.TextBody ?? string.Empty;

    [Fact]
    public async Task De_mail_noemt_alleen_eigen_dossiers_binnen_de_ingestelde_dagen_zonder_bsn_of_naam_en_eenmaal_per_dag()
    {
        Zet(0);
        var (r1, r1Email, r1Naam) = await KlantregisseurAsync();
        var (r2, r2Email, _) = await KlantregisseurAsync();
        var binnenkort = await DossierAsync("GM1724", "2026-04-14", r1); // PIP by 23 June: 7 days ahead
        var verlopen = await DossierAsync("GM1724", "2026-03-01", r1);   // PIP by 10 May, a Sunday: by Monday 11 May (Algemene termijnenwet), overdue
        var binnen30 = await DossierAsync("GM1724", "2026-05-01", r1);   // PIP by 10 July: 24 days, within Bergeijk's 30
        var teVer = await DossierAsync("GM1724", "2026-05-20", r1);      // PIP by 29 July: 43 days, beyond 30
        var bladel = await DossierAsync("GM1728", "2026-04-14", r1);     // Bladel sends no mail
        var andermans = await DossierAsync("GM1724", "2026-04-14", r2);  // another klantregisseur's case

        await InstellenAsync("GM1724", aan: true, pipDagen: "30");
        await InstellenAsync("GM1728", aan: false);
        await RondeAsync(KoersFactory.Vandaag);

        var mail = Assert.Single(omgeving.OntvangenDoor(r1Email));
        var tekst = Tekst(mail);
        Assert.Equal("Koers: 3 termijnen vragen aandacht (16 juni 2026)", mail.Subject);
        Assert.Contains($"Goedemorgen {r1Naam},", tekst);
        foreach (var d in new[] { binnenkort, verlopen, binnen30 }) Assert.Contains($"/inburgeraars/{d.Id:D}", tekst);
        foreach (var d in new[] { teVer, bladel, andermans }) Assert.DoesNotContain(d.Id.ToString("D"), tekst);
        Assert.Contains("PIP vaststellen (10 weken): 11 mei 2026 (36 dagen geleden), gemeente Bergeijk", tekst);
        Assert.Contains("PIP vaststellen (10 weken): 23 juni 2026 (over 7 dagen), gemeente Bergeijk", tekst);
        Assert.True(tekst.IndexOf("Verlopen (1)", StringComparison.Ordinal) < tekst.IndexOf("Binnenkort (2)", StringComparison.Ordinal), tekst);
        foreach (var d in new[] { binnenkort, verlopen, binnen30, teVer, bladel, andermans })
        {
            Assert.DoesNotContain(d.Bsn, mail.ToString());
            Assert.DoesNotContain(d.Achternaam, mail.ToString());
        }

        var ander = Assert.Single(omgeving.OntvangenDoor(r2Email));
        Assert.Contains($"/inburgeraars/{andermans.Id:D}", Tekst(ander));
        Assert.DoesNotContain(binnenkort.Id.ToString("D"), Tekst(ander));

        // Audited per mail (who, how many, which cases), and a claim per person and day.
        var audit = omgeving.Db(db => db.Audit.AsNoTracking().Where(a => a.Gebruiker == TermijnmailService.Systeem && a.Omschrijving.Contains(r1Naam)).ToList());
        Assert.Contains(binnenkort.Id.ToString(), Assert.Single(audit).Omschrijving);
        Assert.Equal(1, omgeving.Db(db => db.Set<Termijnmail>().Count(t => t.MedewerkerId == r1 && t.VerzondenOp != null)));

        // The same day again (a second round, a restart): nothing new for anyone.
        var tweede = await RondeAsync(KoersFactory.Vandaag);
        Assert.Equal(0, tweede.Verzonden);
        Assert.Single(omgeving.OntvangenDoor(r1Email));
        Assert.Single(omgeving.OntvangenDoor(r2Email));
    }

    [Fact]
    public async Task Uitgezet_bij_de_gemeente_of_door_de_klantregisseur_zelf_komt_er_geen_mail()
    {
        Zet(3);
        var datum = KoersFactory.Vandaag.AddDays(3);
        var (r, email, _) = await KlantregisseurAsync();
        await DossierAsync("GM1724", "2026-03-01", r); // overdue
        await InstellenAsync("GM1724", aan: false);
        await RondeAsync(datum);
        Assert.Empty(omgeving.OntvangenDoor(email));

        // Switched on, but the klantregisseur opts out on their own account page.
        await InstellenAsync("GM1724", aan: true);
        var eigen = omgeving.Als(email);
        var account = new HtmlParser().ParseDocument(await eigen.GetStringAsync("/account"));
        Assert.Contains("Bergeijk", account.GetElementById("termijnmail-stand")!.TextContent);
        Assert.True(account.GetElementById("TermijnmailOntvangen")!.HasAttribute("checked"));
        var token = account.QuerySelector("form[action*=Termijnmail] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var uit = await eigen.PostAsync("/account?handler=Termijnmail", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("TermijnmailOntvangen", "false")]));
        Assert.Equal(HttpStatusCode.OK, uit.StatusCode);
        var uitTekst = await uit.Content.ReadAsStringAsync();
        Assert.Contains("U krijgt geen dagelijkse e-mail meer over uw termijnen.", uitTekst);
        Assert.True(omgeving.Db(db => db.Medewerkers.Single(m => m.Id == r).GeenTermijnmail));
        var na = new HtmlParser().ParseDocument(uitTekst);
        Assert.False(na.GetElementById("TermijnmailOntvangen")!.HasAttribute("checked"));
        Assert.True(omgeving.Db(db => db.Audit.Any(a => a.Omschrijving.Contains("Dagelijkse e-mail met naderende termijnen") && a.Omschrijving.Contains("uit (eigen keuze)"))));
        await RondeAsync(datum);
        Assert.Empty(omgeving.OntvangenDoor(email));

        // Back on: the mail comes.
        omgeving.Db(db => db.Medewerkers.Where(m => m.Id == r).ExecuteUpdate(u => u.SetProperty(m => m.GeenTermijnmail, false)));
        await RondeAsync(datum);
        Assert.Single(omgeving.OntvangenDoor(email));
    }

    [Fact]
    public async Task Twee_instanties_tegelijk_versturen_per_persoon_een_mail()
    {
        Zet(5);
        var datum = KoersFactory.Vandaag.AddDays(5);
        var regisseurs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (r, email, _) = await KlantregisseurAsync();
            await DossierAsync("GM1724", "2026-03-01", r);
            regisseurs.Add(email);
        }

        await InstellenAsync("GM1724", aan: true);
        // Two rounds at the same moment, as two instances whose day leases crossed (the claim per person decides).
        var rondes = await Task.WhenAll(RondeAsync(datum), RondeAsync(datum));
        foreach (var email in regisseurs) Assert.Single(omgeving.OntvangenDoor(email));
        Assert.True(rondes.Sum(r => r.AlVerzonden) >= 3, string.Join(", ", rondes.Select(r => r.ToString())));
    }

    [Fact]
    public async Task De_ronde_loopt_pas_vanaf_het_ingestelde_uur_en_eenmaal_per_dag()
    {
        var (r, email, _) = await KlantregisseurAsync();
        await DossierAsync("GM1724", "2026-03-01", r);
        await InstellenAsync("GM1724", aan: true);

        Zet(7, uur: 6); // 06:30 in Amsterdam: before 7 (the default hour)
        Assert.Null(await TaakAsync());
        Assert.Empty(omgeving.OntvangenDoor(email));

        Zet(7, uur: 7); // 07:30
        var ronde = await TaakAsync();
        Assert.NotNull(ronde);
        Assert.True(ronde.Verzonden >= 1);
        var mail = Assert.Single(omgeving.OntvangenDoor(email));
        Assert.Contains("23 juni 2026", mail.Subject);

        Zet(7, uur: 15); // later the same day: the day's round is done
        Assert.Null(await TaakAsync());
        Assert.Single(omgeving.OntvangenDoor(email));
    }
}

public sealed class TermijnmailSqliteOmgeving() : BerichtenOmgeving(new SqliteFactory());

public sealed class TermijnmailPostgresOmgeving() : BerichtenOmgeving(new PostgresFactory());

public sealed class TermijnmailSqliteTests(TermijnmailSqliteOmgeving omgeving) : TermijnmailTests(omgeving), IClassFixture<TermijnmailSqliteOmgeving>;

public sealed class TermijnmailPostgresTests(TermijnmailPostgresOmgeving omgeving) : TermijnmailTests(omgeving), IClassFixture<TermijnmailPostgresOmgeving>;
