using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Dossier;
using Koers.Web.Features.Inkoop;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Inkoop;

/// <summary>
/// Issue #23 findings on the synthetic demo: the evening/weekend demand was hidden everywhere, there were no afschalingen, and a
/// completed referral could start in the future. Checked on the demo the test factory loads (a fresh one for this class).
/// </summary>
public abstract class InkoopDemoTests(KoersFactory factory)
{
    [Fact]
    public async Task Demo_toont_avond_en_weekendvraag_in_de_Kempen()
    {
        var json = await (await factory.ClientAls("beleid@kempen.example").GetAsync("/api/v1/logistiek/vraag")).LeesAsync();
        var locaties = json["leslocaties"]!.AsArray();
        Assert.Contains(locaties, l => l!["avondMogelijk"] is { } a && a.GetValue<int>() >= 5 && l["weekendMogelijk"] is { } w && w.GetValue<int>() >= 5);
    }

    [Fact]
    public void Demo_heeft_afschalingen_na_de_start_bij_de_taalschool()
    {
        static int Rang(Leerroute? r) => r switch { Leerroute.ZRoute => 0, Leerroute.B1Route => 1, _ => 2 };
        var afschalingen = factory.MetDatabase(db =>
        {
            var bijgesteld = db.PipVersies.AsNoTracking().Where(v => v.RedenBijstelling == AanbiedersDemo.BijstellingReden).ToList();
            var ids = bijgesteld.Select(v => v.InburgeraarId).ToList();
            var alle = db.PipVersies.AsNoTracking().Where(v => ids.Contains(v.InburgeraarId)).ToList();
            return bijgesteld.Count(n => alle.Where(v => v.InburgeraarId == n.InburgeraarId && v.Versie < n.Versie).OrderByDescending(v => v.Versie).FirstOrDefault() is { } vorige
                && Rang(n.Leerroute) < Rang(vorige.Leerroute));
        });
        Assert.True(afschalingen >= 1, "De demo heeft geen afschaling (lagere leerroute na een PIP-bijstelling).");
    }

    [Fact]
    public void Demo_heeft_geen_afgeronde_verwijzing_met_een_start_in_de_toekomst()
    {
        var vandaag = KoersFactory.Vandaag;
        var fout = factory.MetDatabase(db => db.Verwijzingen.AsNoTracking()
            .Where(v => v.AangemeldDoor == "demodata" && v.Status == Verwijzingsstatus.Afgerond && (v.Startdatum == null || v.Startdatum > vandaag)).Count());
        Assert.Equal(0, fout);
        // There still are completed ones in the demo.
        Assert.True(factory.MetDatabase(db => db.Verwijzingen.Count(v => v.AangemeldDoor == "demodata" && v.Status == Verwijzingsstatus.Afgerond)) > 0);
    }
}

public sealed class SqliteInkoopDemoTests(SqliteFactory factory) : InkoopDemoTests(factory), IClassFixture<SqliteFactory>;
