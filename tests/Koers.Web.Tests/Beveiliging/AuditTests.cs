using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>
/// The audit trail as an auditor and an attacker meet it: every read and every refused attempt is written with user, role,
/// organisation, IP address and purpose; the auditor reads only the own region; the hash chain reports an altered row, a
/// deleted row and a cut-off tail, and the audit screen says so. Each test names the protection it proves.
/// </summary>
public abstract class AuditTests(KoersFactory factory)
{
    private const string KempenRegisseur = "sanne.devries@kempen.example";
    private const string WeertRegisseur = "fleur.hendriks@weert.example";
    private const string KempenAuditor = "auditor@kempen.example";
    private const string WeertAuditor = "auditor@weert.example";

    private Guid DossierIn(string gemeenteCode) => factory.MetDatabase(db =>
        db.Inburgeraars.Where(i => i.Gemeente!.Code == gemeenteCode).OrderBy(i => i.Id).Select(i => i.Id).First());

    /// <summary>An auditor for Weert (its own region), made once per factory.</summary>
    private string WeertAuditorMaken()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        if (users.FindByEmailAsync(WeertAuditor).GetAwaiter().GetResult() is not null) return WeertAuditor;
        var db = scope.ServiceProvider.GetRequiredService<KoersDbContext>();
        var weert = db.Gemeenten.Single(g => g.Code == "GM0988");
        var g = new Gebruiker { UserName = WeertAuditor, Email = WeertAuditor, Weergavenaam = "Wim Controle Weert", GemeenteId = weert.Id };
        Assert.True(users.CreateAsync(g).GetAwaiter().GetResult().Succeeded);
        Assert.True(users.AddToRoleAsync(g, Rollen.Auditor).GetAwaiter().GetResult().Succeeded);
        return WeertAuditor;
    }

    /// <summary>A GET as the given user from the given client IP address (the TestServer connection has none of its own).</summary>
    private async Task<HttpContext> VraagAsync(string email, string pad, string ip)
    {
        return await factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = pad;
            c.Request.Headers[TestAuthenticatie.Header] = email;
            c.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        });
    }

    private List<AuditRegel> Regels(Guid dossier) => factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.InburgeraarId == dossier).OrderBy(a => a.Id).ToList());

    /// <summary>
    /// The rows about a case written after the first <paramref name="voor"/>. The request audit is written at the very end
    /// of the request, after the response went out, so the test waits (at most five seconds) for it to land.
    /// </summary>
    private async Task<List<AuditRegel>> NieuweRegelsAsync(Guid dossier, int voor, Func<AuditRegel, bool>? welke = null)
    {
        for (var poging = 0; ; poging++)
        {
            var nieuw = Regels(dossier).Skip(voor).ToList();
            if (nieuw.Any(welke ?? (_ => true)) || poging == 50) return nieuw;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Geweigerde_poging_op_een_dossier_buiten_bereik_wordt_gelogd_met_rol_organisatie_ip_en_reden()
    {
        var kempen = DossierIn("GM1724");
        var voor = Regels(kempen).Count;

        var antwoord = await VraagAsync(WeertRegisseur, $"/api/v1/inburgeraars/{kempen}", "198.51.100.23");

        Assert.Equal(StatusCodes.Status404NotFound, antwoord.Response.StatusCode); // the attacker learns nothing
        var regel = Assert.Single(await NieuweRegelsAsync(kempen, voor));
        Assert.Equal(AuditResultaat.Geweigerd, regel.Resultaat);
        Assert.Equal(WeertRegisseur, regel.Gebruiker);
        Assert.Equal("198.51.100.23", regel.IpAdres);
        Assert.False(string.IsNullOrEmpty(regel.Rol));
        Assert.False(string.IsNullOrEmpty(regel.Organisatie));
        Assert.False(string.IsNullOrEmpty(regel.Doel));
        Assert.Equal(factory.MetDatabase(db => db.Gemeenten.Single(g => g.Code == "GM0988").RegioId), regel.RegioId);
    }

    [Fact]
    public async Task Geweigerde_poging_via_de_dossierpagina_wordt_een_keer_gelogd_ook_met_de_404_pagina()
    {
        var kempen = DossierIn("GM1724");
        var voor = Regels(kempen).Count;

        var antwoord = await VraagAsync(WeertRegisseur, $"/inburgeraars/{kempen}", "198.51.100.24");

        Assert.Equal(StatusCodes.Status404NotFound, antwoord.Response.StatusCode);
        await Task.Delay(300); // a second (duplicate) row from the re-executed 404 page would land within this time
        var regel = Assert.Single(await NieuweRegelsAsync(kempen, voor));
        Assert.Equal((AuditResultaat.Geweigerd, "198.51.100.24"), (regel.Resultaat, regel.IpAdres));
    }

    [Fact]
    public async Task Geweigerde_poging_door_de_rol_wordt_gelogd()
    {
        var kempen = DossierIn("GM1724");
        var voor = Regels(kempen).Count;

        var antwoord = await VraagAsync("beleid@kempen.example", $"/api/v1/inburgeraars/{kempen}/machtigingen", "203.0.113.9");

        Assert.Equal(StatusCodes.Status403Forbidden, antwoord.Response.StatusCode);
        var regel = Assert.Single(await NieuweRegelsAsync(kempen, voor));
        Assert.Equal((AuditResultaat.Geweigerd, "beleid@kempen.example", "203.0.113.9"), (regel.Resultaat, regel.Gebruiker, regel.IpAdres));
    }

    [Theory]
    [InlineData("machtigingen")]
    [InlineData("verwijzingen")]
    [InlineData("duo")]
    public async Task Api_inzage_van_een_dossieronderdeel_wordt_gelogd(string onderdeel)
    {
        var kempen = DossierIn("GM1728");
        var voor = Regels(kempen).Count;

        var antwoord = await VraagAsync(KempenRegisseur, $"/api/v1/inburgeraars/{kempen}/{onderdeel}", "192.0.2.7");

        Assert.Equal(StatusCodes.Status200OK, antwoord.Response.StatusCode);
        var nieuw = await NieuweRegelsAsync(kempen, voor, r => r.Actie == AuditActie.Inzien);
        var regel = Assert.Single(nieuw, r => r.Actie == AuditActie.Inzien);
        Assert.Equal((AuditResultaat.Toegestaan, KempenRegisseur, "192.0.2.7"), (regel.Resultaat, regel.Gebruiker, regel.IpAdres));
        Assert.False(string.IsNullOrEmpty(regel.Omschrijving));
    }

    [Fact]
    public async Task Auditor_leest_alleen_het_auditlog_van_de_eigen_regio()
    {
        var kempen = DossierIn("GM1724");
        var weert = DossierIn("GM0988");
        await factory.ClientAls(KempenRegisseur).GetAsync($"/api/v1/inburgeraars/{kempen}");
        await factory.ClientAls(WeertRegisseur).GetAsync($"/api/v1/inburgeraars/{weert}");
        var weertAuditor = factory.ClientAls(WeertAuditorMaken());

        // By case: of the other region's case this auditor sees at most what Weert's own people tried (a refused attempt
        // from another test of this class may be there), never the Kempen read; its own case is there.
        var vreemd = await (await weertAuditor.GetAsync($"/api/v1/audit?dossier={kempen}")).LeesAsync();
        Assert.All(vreemd["regels"]!.AsArray(), r => Assert.EndsWith("@weert.example", r!["gebruiker"]!.GetValue<string>()));
        Assert.DoesNotContain(vreemd["regels"]!.AsArray(), r => r!["resultaat"]!.GetValue<string>() == "toegestaan" && r["gebruiker"]!.GetValue<string>() != WeertAuditor);
        var eigen = await (await weertAuditor.GetAsync($"/api/v1/audit?dossier={weert}")).LeesAsync();
        Assert.Contains(eigen["regels"]!.AsArray(), r => r!["gebruiker"]!.GetValue<string>() == WeertRegisseur);

        // Unfiltered: nothing about a Kempen case and no Kempen user's row, through the API, the screen and the CSV.
        var alles = await (await weertAuditor.GetAsync("/api/v1/audit")).LeesAsync();
        // (What Weert's own people did about a Kempen case, a refused attempt or this auditor's search, is Weert's business.)
        Assert.DoesNotContain(alles["regels"]!.AsArray(), r => r!["inburgeraarId"]?.GetValue<string>() == kempen.ToString() && !r["gebruiker"]!.GetValue<string>().EndsWith("@weert.example", StringComparison.Ordinal));
        Assert.DoesNotContain(alles["regels"]!.AsArray(), r => r!["gebruiker"]!.GetValue<string>() == KempenRegisseur);
        Assert.DoesNotContain(KempenRegisseur, await weertAuditor.GetStringAsync("/audit"));
        Assert.DoesNotContain(KempenRegisseur, await weertAuditor.GetStringAsync("/audit?handler=Csv"));

        // The Kempen auditor does see the Kempen read.
        var kempenLog = await (await factory.ClientAls(KempenAuditor).GetAsync($"/api/v1/audit?dossier={kempen}")).LeesAsync();
        Assert.Contains(kempenLog["regels"]!.AsArray(), r => r!["gebruiker"]!.GetValue<string>() == KempenRegisseur);
    }

    [Fact]
    public async Task Een_gedode_verzegelaar_houdt_nieuwe_auditregels_hoogstens_een_minuut_tegen()
    {
        async Task<int> VerzegelAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AuditKeten>().VerzegelAsync();
        }

        await VerzegelAsync();
        var nu = factory.Tijd.Nu;
        try
        {
            // Another instance took the sealing lease just now and was killed (kill -9): it never frees it.
            factory.MetDatabase(db => db.Taaksloten.Where(t => t.Naam == AuditKeten.Taak).ExecuteUpdate(s => s
                .SetProperty(t => t.Eigenaar, "gedode-instantie")
                .SetProperty(t => t.VerlooptOp, nu.UtcDateTime + AuditKeten.Lease)));
            factory.MetDatabase(db =>
            {
                db.Audit.Add(new AuditRegel { Op = nu.UtcDateTime, Gebruiker = "test", Actie = AuditActie.Wijzigen, Omschrijving = "Na de kill" });
                return db.SaveChanges();
            });
            Assert.Equal(0, await VerzegelAsync());

            // A minute later this instance seals the new row: the killed holder's lease is short.
            factory.Tijd.Nu = nu.AddMinutes(1);
            Assert.True(await VerzegelAsync() >= 1);
            Assert.Equal(0, factory.MetDatabase(db => db.Audit.Count(a => a.Volgnummer == null)));
        }
        finally
        {
            factory.Tijd.Nu = nu;
        }
    }

    [Fact]
    public async Task Een_verzegeling_die_een_al_verzegelde_regel_treft_bewaart_niets()
    {
        await using (var scope = factory.Services.CreateAsyncScope()) await scope.ServiceProvider.GetRequiredService<AuditKeten>().VerzegelAsync();
        var nu = factory.Tijd.Nu.UtcDateTime;
        factory.MetDatabase(db =>
        {
            for (var i = 0; i < 3; i++) db.Audit.Add(new AuditRegel { Op = nu, Gebruiker = "verzegeltest", Actie = AuditActie.Wijzigen, Omschrijving = $"Regel {i}" });
            return db.SaveChanges();
        });
        var ids = factory.MetDatabase(db => db.Audit.Where(a => a.Gebruiker == "verzegeltest" && a.Volgnummer == null).OrderBy(a => a.Id).Select(a => a.Id).ToList());
        Assert.Equal(3, ids.Count);
        try
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KoersDbContext>();
            // This sealer read the three rows and gave them positions ...
            var rijen = await db.Audit.Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync();
            var positie = 1_000_000L;
            foreach (var r in rijen) (r.Volgnummer, r.VorigeHash, r.Hash) = (++positie, new string('a', 64), new string('b', 64));

            // ... while another one (its lease lost) sealed the middle row in the meantime.
            factory.MetDatabase(d => d.Audit.Where(a => a.Id == ids[1]).ExecuteUpdate(s => s
                .SetProperty(a => a.Volgnummer, 2_000_000L).SetProperty(a => a.Hash, new string('c', 64))));

            // The whole batch is refused and rolled back: no row gets a second position, none a position next to it.
            // (The transaction starts only now: on SQLite it takes the write lock, which the other sealer needed.)
            await using var tx = await db.Database.BeginTransactionAsync();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => AuditKeten.SchrijfAsync(db, rijen, CancellationToken.None));
            await tx.RollbackAsync();
            var na = factory.MetDatabase(d => d.Audit.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).Select(a => a.Volgnummer).ToList());
            Assert.Equal([null, 2_000_000L, null], na);
        }
        finally
        {
            // Back to unsealed, then sealed for real, so the next test meets an intact chain.
            factory.MetDatabase(d => d.Audit.Where(a => a.Id == ids[1]).ExecuteUpdate(s => s.SetProperty(a => a.Volgnummer, (long?)null).SetProperty(a => a.Hash, (string?)null)));
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditKeten>().VerzegelAsync();
        }

        Assert.True((await ControleerAsync()).Intact);
    }

    private async Task<KetenControle> ControleerAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditKeten>().ControleerAsync();
    }

    /// <summary>Puts removed rows back exactly as they were (same id, same content), so the next test meets an intact chain.</summary>
    private void Terugzetten(IEnumerable<AuditRegel> regels) => factory.MetDatabase(db =>
    {
        db.Audit.AddRange(regels);
        return db.SaveChanges();
    });

    /// <summary>
    /// Tampering on the shared test database: the check only reports, so each test restores what it broke before it ends
    /// (and the chain is intact again), whatever order the tests of this class run in.
    /// </summary>
    [Fact]
    public async Task Hashketen_meldt_een_gewijzigde_een_verwijderde_en_een_afgekapte_regel()
    {
        // Some traffic, so there is a chain to speak of.
        var client = factory.ClientAls(KempenRegisseur);
        foreach (var code in new[] { "GM1724", "GM1728", "GM0770" }) await client.GetAsync($"/api/v1/inburgeraars/{DossierIn(code)}");
        var intact = await ControleerAsync();
        Assert.True(intact.Intact, intact.Melding);
        Assert.True(intact.Gecontroleerd >= 3);

        // 1. An altered description (a DBA hiding who looked).
        var (id, origineel) = factory.MetDatabase(db => db.Audit.Where(a => a.Volgnummer != null).OrderBy(a => a.Volgnummer).Skip(1).Select(a => new { a.Id, a.Omschrijving }).First() is var r ? (r.Id, r.Omschrijving) : default);
        factory.MetDatabase(db => db.Audit.Where(a => a.Id == id).ExecuteUpdate(s => s.SetProperty(a => a.Omschrijving, "niets bijzonders")));
        var gewijzigd = await ControleerAsync();
        Assert.False(gewijzigd.Intact);
        Assert.Equal(id, gewijzigd.RegelId);
        Assert.Contains("gewijzigd", gewijzigd.Melding);
        factory.MetDatabase(db => db.Audit.Where(a => a.Id == id).ExecuteUpdate(s => s.SetProperty(a => a.Omschrijving, origineel)));
        Assert.True((await ControleerAsync()).Intact);

        // 2. A deleted row in the middle.
        var twee = factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.Volgnummer != null).OrderBy(a => a.Volgnummer).Skip(1).Take(2).ToList());
        var (weg, volgende) = (twee[0].Volgnummer, twee[1].Id);
        factory.MetDatabase(db => db.Audit.Where(a => a.Id == twee[0].Id).ExecuteDelete());
        var verwijderd = await ControleerAsync();
        Assert.False(verwijderd.Intact);
        Assert.Equal(volgende, verwijderd.RegelId);
        Assert.Contains($"volgnummer {weg}", verwijderd.Melding);
        Assert.Contains("verwijderd", verwijderd.Melding);

        // The screen tells the auditor the same, in words.
        var html = await factory.ClientAls(KempenAuditor).GetStringAsync("/audit?handler=Keten");
        var tekst = new HtmlParser().ParseDocument(html).Body!.TextContent;
        Assert.Contains("De keten is verbroken", tekst);
        Assert.Contains($"volgnummer {weg}", tekst);

        Terugzetten([twee[0]]);
        Assert.True((await ControleerAsync()).Intact);
    }

    [Fact]
    public async Task Hashketen_meldt_afgekapte_laatste_regels()
    {
        await factory.ClientAls(KempenRegisseur).GetAsync($"/api/v1/inburgeraars/{DossierIn("GM1667")}");
        var intact = await ControleerAsync();
        Assert.True(intact.Intact, intact.Melding);

        // Deleting the newest sealed rows leaves a chain that is internally consistent; only the anchor notices.
        var laatste = factory.MetDatabase(db => db.Audit.Where(a => a.Volgnummer != null).Max(a => a.Volgnummer)!.Value);
        var staart = factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.Volgnummer >= laatste - 1).ToList());
        factory.MetDatabase(db => db.Audit.Where(a => a.Volgnummer >= laatste - 1).ExecuteDelete());
        var afgekapt = await ControleerAsync();
        Assert.False(afgekapt.Intact);
        Assert.Contains("laatste regels ontbreken", afgekapt.Melding);

        Terugzetten(staart);
        Assert.True((await ControleerAsync()).Intact);
    }
}

public sealed class SqliteAuditTests(SqliteFactory factory) : AuditTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresAuditTests(PostgresFactory factory) : AuditTests(factory), IClassFixture<PostgresFactory>;
