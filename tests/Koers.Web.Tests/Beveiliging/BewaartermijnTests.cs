using System.Net;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;

namespace Koers.Web.Tests.Beveiliging;

public sealed class BewaartermijnTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task Afgesloten_dossier_wordt_na_de_bewaartermijn_geanonimiseerd_na_een_proefrapport()
    {
        var client = factory.CreateClient();
        async Task<string> Dossier(string koppeling, string voldaan)
        {
            var id = (await (await client.PostJsonAsync("/api/v1/inburgeraars", Testdata.Inburgeraar(koppelingsdatum: koppeling))).LeesAsync())["id"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/inburgeringsplichtVoldaan", new { datum = voldaan, reden = "Examens gehaald" })).StatusCode);
            return id;
        }

        var oud = await Dossier("2022-01-10", "2024-03-01");     // closed > 24 months before 16 June 2026
        var recent = await Dossier("2023-01-10", "2025-03-01");  // closed 15 months ago: keep
        var beheer = factory.ClientAls("beheer@kempen.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("sanne.devries@kempen.example").GetAsync("/api/v1/beheer/bewaartermijn")).StatusCode);
        var proef = await (await beheer.GetAsync("/api/v1/beheer/bewaartermijn")).LeesAsync();
        var ids = proef["dossiers"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(oud, ids);
        Assert.DoesNotContain(recent, ids);
        Assert.Equal("Proefpersoon", (await (await client.GetAsync($"/api/v1/inburgeraars/{oud}")).LeesAsync())["achternaam"]!.GetValue<string>()); // dry run changed nothing

        // Free text from the inburgeraar and from partners on the old case.
        var oudId = Guid.Parse(oud);
        factory.MetDatabase(db =>
        {
            db.Berichten.Add(new Bericht { InburgeraarId = oudId, Tekst = "Mijn buurman Jan helpt mij", Afzender = "inburgeraar", VerstuurdOp = DateTime.UtcNow });
            db.Voortgangssignalen.Add(new Koers.Data.Model.Keten.Voortgangssignaal
            {
                Id = Guid.NewGuid(), InburgeraarId = oudId, Soort = Koers.Data.Model.Keten.Voortgangssignaalsoort.Afwezigheid, Datum = new DateOnly(2024, 1, 8),
                Notitie = "Ziek door zorgen om familie", Bron = Koers.Data.Model.Keten.Gegevensbron.Partner, VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "docent",
            });
            return db.SaveChanges();
        });

        var uitgevoerd = await (await beheer.PostAsync("/api/v1/beheer/bewaartermijn/uitvoeren", null)).LeesAsync();
        Assert.Equal(ids.Count, uitgevoerd["geanonimiseerd"]!.GetValue<int>());

        var na = await (await client.GetAsync($"/api/v1/inburgeraars/{oud}")).LeesAsync();
        Assert.Equal("Geanonimiseerd", na["voornamen"]!.GetValue<string>());
        Assert.Null(na["bsn"]);
        Assert.Null(na["telefoon"]);
        Assert.Empty(na["gezinsleden"]!.AsArray());
        Assert.Equal("voldaan", na["fase"]!.GetValue<string>()); // figures for the monitor stay
        Assert.Equal("Proefpersoon", (await (await client.GetAsync($"/api/v1/inburgeraars/{recent}")).LeesAsync())["achternaam"]!.GetValue<string>());
        Assert.True(factory.MetDatabase(db => db.Audit.Any(a => a.InburgeraarId == Guid.Parse(oud) && a.Omschrijving.StartsWith("Geanonimiseerd"))));
        Assert.False(factory.MetDatabase(db => db.Berichten.Any(b => b.InburgeraarId == oudId)));
        Assert.Equal(string.Empty, factory.MetDatabase(db => db.Voortgangssignalen.Single(v => v.InburgeraarId == oudId).Notitie));

        var opnieuw = await (await beheer.GetAsync("/api/v1/beheer/bewaartermijn")).LeesAsync();
        Assert.DoesNotContain(opnieuw["dossiers"]!.AsArray(), d => d!["id"]!.GetValue<string>() == oud);
    }
}
