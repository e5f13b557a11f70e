using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Web.Tests.Beveiliging;
using Koers.Web.Tests.Infrastructure;
using Koers.Web.Tests.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Portaal;

/// <summary>
/// The demo inburgeraar (#25): signed in with the README's password, the portal shows every feature with content: the
/// vastgesteld PIP, the deadlines from it, the beschikking as a real PDF (made by the PIP service, so it is in the audit
/// trail as the klantregisseur's), a planned progress talk, the hours followed and a message. Clock: 16 June 2026.
/// </summary>
public abstract class PortaalDemoTests(KoersFactory factory)
{
    private const string Inburgeraar = "inburgeraar@demo.example";

    private static string Tekst(AngleSharp.Dom.IElement? e) => (e?.TextContent ?? string.Empty).Replace('\u00A0', ' ');

    [Fact]
    public async Task Demo_inburgeraar_ziet_plan_termijnen_brief_afspraak_uren_en_bericht()
    {
        var (browser, _) = await Sessiehulp.InloggenAsync(factory, Inburgeraar);
        var mijn = await browser.GetAsync("/mijn?taal=nl");
        Assert.Equal(HttpStatusCode.OK, mijn.StatusCode);
        var pagina = new HtmlParser().ParseDocument(await mijn.Content.ReadAsStringAsync());

        var id = factory.MetDatabase(db => db.Users.Single(u => u.Email == Inburgeraar).InburgeraarId!.Value);
        var pip = factory.MetDatabase(db => db.PipVersies.AsNoTracking().Single(p => p.InburgeraarId == id && p.Status == PipStatus.Vastgesteld));
        var dagtekening = pip.Dagtekening!.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

        // The plan: route, parts and the version with its date; not 'not ready yet'.
        var plan = Tekst(pagina.QuerySelector("#plan"));
        Assert.DoesNotContain("Uw plan is nog niet klaar", plan);
        Assert.Contains($"Versie 1, vastgesteld op {dagtekening}.", plan);
        Assert.Contains("B1-route", plan);
        Assert.Contains("Ik spreek Nederlands met mijn buren", plan);

        // Deadlines: the end of the inburgeringstermijn (three years after the PIP) and the next talk.
        var data = Tekst(pagina.QuerySelector("#data"));
        var eind = Koers.Domain.Clock.Kalender.JarenLater(pip.Dagtekening!.Value, 3).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
        Assert.Contains($"U moet klaar zijn met inburgeren op {eind}.", data);
        Assert.Contains("Uw volgende gesprek met uw klantregisseur is voor", data);

        // The planned talk with day, time and place.
        var afspraken = Tekst(pagina.QuerySelector("#afspraken"));
        Assert.Contains("Voortgangsgesprek met uw klantregisseur op 25 juni 2026", afspraken);
        Assert.Contains("Tijd: 10:30", afspraken);
        Assert.Contains("Plaats: Gemeentehuis Bergeijk, spreekkamer 2", afspraken);

        // Hours followed: the sum of what was reported, in Dutch notation.
        var totaal = factory.MetDatabase(db => db.Urenregistraties.Where(u => u.InburgeraarId == id).Select(u => u.Uren).ToList().Sum());
        Assert.True(totaal > 0);
        Assert.Contains($"U volgde in totaal {totaal.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))} uur les.", Tekst(pagina.QuerySelector("#gevolgd")));

        // The letter: a link in the portal that gives the stored PDF, the one the PIP service made and hashed.
        var link = pagina.QuerySelectorAll("#brieven a[href^='/mijn/beschikkingen/']").Single();
        Assert.Contains($"Besluit over uw plan van {dagtekening} (PDF)", System.Text.RegularExpressions.Regex.Replace(Tekst(link), @"\s+", " ").Trim());
        var pdf = await browser.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        var beschikking = factory.MetDatabase(db => db.Beschikkingen.AsNoTracking().Single(b => b.InburgeraarId == id));
        Assert.Equal(beschikking.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var brief = GelezenPdf.Lees(bytes).Tekst;
        Assert.Contains(beschikking.Kenmerk, brief);
        Assert.Contains("B1-route", brief);

        // Made by the services as the klantregisseur, not written as rows: the audit trail says who did what.
        var klantregisseur = factory.MetDatabase(db => db.Inburgeraars.Where(i => i.Id == id).Select(i => i.Klantregisseur!.Email).Single());
        var audit = factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.InburgeraarId == id && a.Gebruiker == klantregisseur).Select(a => a.Omschrijving).ToList());
        Assert.Contains($"PIP vastgesteld, beschikking {beschikking.Kenmerk}", audit);
        Assert.Contains("Voortgangsgesprek gepland op 25-06-2026 om 10:30", audit);
        Assert.Contains("Bericht aan de inburgeraar gestuurd (te lezen in het portaal)", audit);
        Assert.Equal(klantregisseur, beschikking.AangemaaktDoor);

        // The message from the klantregisseur, on the messages page.
        var berichten = Tekst(new HtmlParser().ParseDocument(await browser.GetStringAsync("/mijn/berichten")).Body);
        Assert.Contains("uw plan staat nu in Mijn inburgering", berichten);
    }

    [Fact]
    public async Task Afspraak_en_uren_ook_in_het_Arabisch()
    {
        var client = factory.ClientAls(Inburgeraar);
        var ar = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn?taal=ar"));
        Assert.Equal("rtl", ar.DocumentElement.GetAttribute("dir"));
        Assert.Contains("مواعيدك", Tekst(ar.QuerySelector("#afspraken-kop")));
        Assert.Contains("10:30", Tekst(ar.QuerySelector("#afspraken")));
        Assert.DoesNotContain("Voortgangsgesprek", Tekst(ar.QuerySelector("#afspraken")));
        Assert.Contains("ساعات دروسك", Tekst(ar.QuerySelector("#gevolgd-kop")));
    }

    [Fact]
    public void Het_PIP_van_de_demo_is_niet_als_rij_geschreven()
    {
        // Every other demo PIP is written by the seeding ('demodata'); the portal's one comes from the service.
        var id = factory.MetDatabase(db => db.Users.Single(u => u.Email == Inburgeraar).InburgeraarId!.Value);
        var beschikking = factory.MetDatabase(db => db.Beschikkingen.AsNoTracking().Single(b => b.InburgeraarId == id));
        Assert.NotEqual("demodata", beschikking.AangemaaktDoor);
        Assert.Contains(factory.MetDatabase(db => db.MijlpaalWijzigingen.AsNoTracking().Where(m => m.InburgeraarId == id && m.Soort == Koers.Domain.Dossier.Mijlpaal.PipVastgesteld).Select(m => m.Door).ToList()),
            d => d == beschikking.AangemaaktDoor);
        Assert.Contains(factory.MetDatabase(db => db.Voortgangsgesprekken.AsNoTracking().Where(g => g.InburgeraarId == id && g.Status == Gespreksstatus.Gepland).Select(g => g.VastgelegdDoor).ToList()),
            d => d == beschikking.AangemaaktDoor);
    }
}

public sealed class SqlitePortaalDemoTests(SqliteFactory factory) : PortaalDemoTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresPortaalDemoTests(PostgresFactory factory) : PortaalDemoTests(factory), IClassFixture<PostgresFactory>;
