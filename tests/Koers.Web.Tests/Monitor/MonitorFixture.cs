using System.Net;
using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Monitor;

/// <summary>
/// Koers with the demo data plus a small fixed data set of our own: two fresh municipalities (GM9801 Monitordorp,
/// GM9802 Telstad) in the demo region, two klantregisseurs, and 17 cases created through the API with known dates.
/// The monitor filtered on GM9801 sees only these cases, so every figure can be computed by hand (see the table
/// in <see cref="MonitorTestdata"/>). Taakstelling and carry-over for the fresh municipalities come from settings.
/// </summary>
public abstract class MonitorFixture<TFactory> : IAsyncLifetime where TFactory : KoersFactory, new()
{
    public TFactory Basis { get; } = new();
    public WebApplicationFactory<Program> App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public MonitorTestdata Data { get; private set; } = null!;

    /// <summary>
    /// How long protected suppression families are kept; null keeps the test default (0: rebuilt on each request).
    /// Production keeps them 120 s, so the disclosure tests also run once with that cache on.
    /// </summary>
    protected virtual int? FamilieBewaarSeconden => null;

    public async Task InitializeAsync()
    {
        App = Basis.WithWebHostBuilder(b =>
        {
            b.UseSetting("Koers:Monitor:Taakstelling:GM9801:2025-1", "6");
            b.UseSetting("Koers:Monitor:Taakstelling:GM9801:2025-2", "4");
            b.UseSetting("Koers:Monitor:Taakstelling:GM9801:2026-1", "3");
            b.UseSetting("Koers:Monitor:Taakstelling:GM9801:2026-2", "3");
            b.UseSetting("Koers:Monitor:Taakstelling:GM9802:2025-1", "3");
            b.UseSetting("Koers:Monitor:Taakstelling:GM9802:2025-2", "3");
            b.UseSetting("Koers:Budget:Meegenomen:2026:GM9801", "5000");
            if (FamilieBewaarSeconden is { } seconden) b.UseSetting("Koers:Monitor:FamilieBewaarSeconden", seconden.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        Client = App.CreateClient();
        Data = await MonitorTestdata.MaakAsync(this);
    }

    public T MetDatabase<T>(Func<KoersDbContext, T> werk)
    {
        using var scope = App.Services.CreateScope();
        return werk(scope.ServiceProvider.GetRequiredService<KoersDbContext>());
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        App.Dispose();
        Basis.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class SqliteMonitorFixture : MonitorFixture<SqliteFactory>;

/// <summary>The same, with protected families kept as in production (120 s).</summary>
public sealed class SqliteMonitorFamiliecacheFixture : MonitorFixture<SqliteFactory>
{
    protected override int? FamilieBewaarSeconden => 120;
}

public sealed class PostgresMonitorFixture : MonitorFixture<PostgresFactory>;

/// <summary>
/// The fixed data set. A = GM9801, B = GM9802; M1, M2 = klantregisseurs. Dates are yyyy-MM-dd.
///
///  case  gem doelgroep          kr  koppeling  BRP        intake     LBT (afgenomen, score)  PIP        start      route  einde
///  A1    A   asielstatushouder  M1  2025-01-10 2025-03-01 2025-04-01 2025-03-20, 30          2025-05-01 2025-06-01 B1     -
///  A2    A   asielstatushouder  M1  2025-02-05 2025-04-15 2025-05-20 2025-04-25, 20          2025-07-10 2025-09-01 Z      -
///  A3    A   nareiziger         M2  2025-03-03 2025-03-20 -          2025-04-10, 22          2025-05-20 -          B1     -
///  A4    A   gezinsmigrant      M2  -          2025-06-02 -          2025-06-20, 33          2025-08-01 -          Z      -
///  A5    A   gezinsmigrant      M1  -          2025-11-03 -          -                       -          -          -      -
///  B1    B   asielstatushouder  M2  2025-01-20 2025-02-10 2025-03-15 overgeslagen            2025-04-10 -          O      -
///  B2    B   asielstatushouder  -   2025-05-05 -          -          -                       -          -          -      -
///  B3    B   overigeMigrant     M1  -          2025-09-09 -          -                       -          -          -      verhuisd 2025-12-01
///  C1    A   asielstatushouder  M1  2023-12-01 2024-01-15 -          -                       2024-03-01 -          B1     voldaan 2026-01-15 (termijn t/m 2027-03-01)
///  C2    A   gezinsmigrant      M2  -          2024-05-01 -          -                       2024-07-01 -          Z      ontheffing 2025-10-01
///  C3    B   asielstatushouder  M2  2024-02-01 2024-03-01 -          -                       -          -          -      uitgeschreven 2025-03-03
///  C4    B   asielstatushouder  M1  2021-09-01 2021-10-01 -          -                       2022-01-10 -          B1     voldaan 2025-06-01 (termijn t/m 2025-01-10: te laat)
///  C5    A   nareiziger         M2  2022-01-10 2022-02-01 -          -                       2022-03-01 -          Z      voldaan 2024-12-01
///  C6    A   asielstatushouder  M1  2022-04-01 2022-05-01 -          -                       2022-06-01 -          B1     voldaan 2025-05-01 (termijn t/m 2025-06-01)
///  D1    A   asielstatushouder  M1  2026-01-05 2026-02-02 -          -                       -          -          -      -
///  D2    A   gezinsmigrant      M2  -          2026-03-10 -          -                       -          -          -      -
///  D3    A   nareiziger         M1  2026-02-01 2026-04-01 -          -                       -          -          -      -
/// </summary>
public sealed class MonitorTestdata
{
    public const string A = "GM9801", B = "GM9802";

    public int RegioId { get; private init; }
    public int M1 { get; private init; }
    public int M2 { get; private init; }
    public Dictionary<string, Guid> Dossiers { get; } = [];

    public static async Task<MonitorTestdata> MaakAsync<TFactory>(MonitorFixture<TFactory> fixture) where TFactory : KoersFactory, new()
    {
        var (regio, m1, m2) = fixture.MetDatabase(db =>
        {
            var kempen = db.Gemeenten.Where(g => g.Code == "GM1724").Select(g => g.RegioId).Single();
            var team = db.Teams.Where(t => t.RegioId == kempen).OrderBy(t => t.Id).First();
            db.Gemeenten.AddRange(
                new Gemeente { Code = A, Naam = "Monitordorp", RegioId = kempen },
                new Gemeente { Code = B, Naam = "Telstad", RegioId = kempen });
            var eerste = new Medewerker { Naam = "Mira Monitor", Email = "mira.monitor@monitor.example", TeamId = team.Id };
            var tweede = new Medewerker { Naam = "Teun Teller", Email = "teun.teller@monitor.example", TeamId = team.Id };
            db.Medewerkers.AddRange(eerste, tweede);
            db.SaveChanges();
            return (kempen, eerste.Id, tweede.Id);
        });

        var data = new MonitorTestdata { RegioId = regio, M1 = m1, M2 = m2 };
        var c = fixture.Client;
        async Task Dossier(string naam, string gemeente, string doelgroep, int? regisseur, string? koppeling, string? route,
            (string Soort, string Datum)[] mijlpalen, object? lbt = null)
        {
            var invoer = Testdata.Inburgeraar(gemeente: gemeente, doelgroep: doelgroep, koppelingsdatum: koppeling, klantregisseurId: regisseur);
            invoer["voornamen"] = "Monitor";
            invoer["achternaam"] = naam;
            invoer["gezinsleden"] = Array.Empty<object>();
            if (route is not null) invoer["leerroute"] = route;
            var r = await c.PostJsonAsync("/api/v1/inburgeraars", invoer);
            Assert.True(r.StatusCode == HttpStatusCode.Created, $"{naam}: {await r.Content.ReadAsStringAsync()}");
            var id = Guid.Parse((await r.LeesAsync())["id"]!.GetValue<string>());
            data.Dossiers[naam] = id;
            foreach (var (soort, datum) in mijlpalen)
            {
                if (soort == "lbt")
                {
                    var t = await c.PutJsonAsync($"/api/v1/inburgeraars/{id}/leerbaarheidstoets", lbt!);
                    Assert.True(t.StatusCode == HttpStatusCode.OK, $"{naam} lbt: {await t.Content.ReadAsStringAsync()}");
                    continue;
                }

                var m = await c.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/{soort}", new { datum });
                Assert.True(m.StatusCode == HttpStatusCode.OK, $"{naam} {soort}: {await m.Content.ReadAsStringAsync()}");
            }
        }

        static object Toets(string afgenomen, int score) => new { afgenomen, score, afnemer = "Toetslocatie" };

        await Dossier("A1", A, "asielstatushouder", m1, "2025-01-10", "b1Route",
            [("brpInschrijving", "2025-03-01"), ("lbt", ""), ("bredeIntake", "2025-04-01"), ("pipVastgesteld", "2025-05-01"), ("startLeerroute", "2025-06-01")],
            Toets("2025-03-20", 30));
        await Dossier("A2", A, "asielstatushouder", m1, "2025-02-05", "zRoute",
            [("brpInschrijving", "2025-04-15"), ("lbt", ""), ("bredeIntake", "2025-05-20"), ("pipVastgesteld", "2025-07-10"), ("startLeerroute", "2025-09-01")],
            Toets("2025-04-25", 20));
        await Dossier("A3", A, "nareiziger", m2, "2025-03-03", "b1Route",
            [("brpInschrijving", "2025-03-20"), ("lbt", ""), ("pipVastgesteld", "2025-05-20")], Toets("2025-04-10", 22));
        await Dossier("A4", A, "gezinsmigrant", m2, null, "zRoute",
            [("brpInschrijving", "2025-06-02"), ("lbt", ""), ("pipVastgesteld", "2025-08-01")], Toets("2025-06-20", 33));
        await Dossier("A5", A, "gezinsmigrant", m1, null, null, [("brpInschrijving", "2025-11-03")]);
        await Dossier("B1", B, "asielstatushouder", m2, "2025-01-20", "onderwijsroute",
            [("brpInschrijving", "2025-02-10"), ("lbt", ""), ("bredeIntake", "2025-03-15"), ("pipVastgesteld", "2025-04-10")],
            new { overgeslagen = true, redenOverslaan = "Ernstige visuele beperking" });
        await Dossier("B2", B, "asielstatushouder", null, "2025-05-05", null, []);
        await Dossier("B3", B, "overigeMigrant", m1, null, null, [("brpInschrijving", "2025-09-09"), ("verhuisd", "2025-12-01")]);
        await Dossier("C1", A, "asielstatushouder", m1, "2023-12-01", "b1Route",
            [("brpInschrijving", "2024-01-15"), ("pipVastgesteld", "2024-03-01"), ("inburgeringsplichtVoldaan", "2026-01-15")]);
        await Dossier("C2", A, "gezinsmigrant", m2, null, "zRoute",
            [("brpInschrijving", "2024-05-01"), ("pipVastgesteld", "2024-07-01"), ("ontheffing", "2025-10-01")]);
        await Dossier("C3", B, "asielstatushouder", m2, "2024-02-01", null, [("brpInschrijving", "2024-03-01"), ("uitgeschreven", "2025-03-03")]);
        await Dossier("C4", B, "asielstatushouder", m1, "2021-09-01", "b1Route",
            [("brpInschrijving", "2021-10-01"), ("pipVastgesteld", "2022-01-10"), ("inburgeringsplichtVoldaan", "2025-06-01")]);
        await Dossier("C5", A, "nareiziger", m2, "2022-01-10", "zRoute",
            [("brpInschrijving", "2022-02-01"), ("pipVastgesteld", "2022-03-01"), ("inburgeringsplichtVoldaan", "2024-12-01")]);
        await Dossier("C6", A, "asielstatushouder", m1, "2022-04-01", "b1Route",
            [("brpInschrijving", "2022-05-01"), ("pipVastgesteld", "2022-06-01"), ("inburgeringsplichtVoldaan", "2025-05-01")]);
        await Dossier("D1", A, "asielstatushouder", m1, "2026-01-05", null, [("brpInschrijving", "2026-02-02")]);
        await Dossier("D2", A, "gezinsmigrant", m2, null, null, [("brpInschrijving", "2026-03-10")]);
        await Dossier("D3", A, "nareiziger", m1, "2026-02-01", null, [("brpInschrijving", "2026-04-01")]);
        return data;
    }
}
