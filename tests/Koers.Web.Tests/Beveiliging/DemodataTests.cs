using Koers.Web.Tests.Infrastructure;
using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>
/// Demo data only by explicit opt-in, never the published demo password in productie, demo ids random per install,
/// and no EF parameter values in a productie log. Each test starts Koers itself in the environment it is about.
/// </summary>
public sealed class DemodataTests
{
    private const string Demowachtwoord = "Koers-demo-2026";

    /// <summary>Koers on a SQLite file of its own, in the given environment, with only the given settings.</summary>
    private sealed class Installatie(string omgeving, string pad, IReadOnlyDictionary<string, string>? instellingen = null, Action<IServiceCollection>? diensten = null)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(omgeving);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Koers", $"Data Source={pad};Pooling=false");
            builder.UseSetting("Duo:Achtergrond", "false");
            builder.UseSetting("Koers:Planning:Aan", "false");
            TestSleutels.Instellen(builder); // BSN keys: without them Koers refuses to start before any demo check runs
            foreach (var (sleutel, waarde) in instellingen ?? new Dictionary<string, string>()) builder.UseSetting(sleutel, waarde);
            if (diensten is not null) builder.ConfigureTestServices(diensten);
        }

        public T MetDatabase<T>(Func<KoersDbContext, T> werk)
        {
            using var scope = Services.CreateScope();
            return werk(scope.ServiceProvider.GetRequiredService<KoersDbContext>());
        }
    }

    /// <summary>A temporary database file, removed afterwards with its WAL files.</summary>
    private sealed class Bestand : IDisposable
    {
        public string Pad { get; } = Path.Combine(Path.GetTempPath(), $"koers-demo-{Guid.NewGuid():N}.db");

        public void Dispose()
        {
            foreach (var f in new[] { Pad, Pad + "-wal", Pad + "-shm" }) if (File.Exists(f)) File.Delete(f);
        }
    }

    private static OnveiligeInstallatieException StartWeigert(WebApplicationFactory<Program> app)
    {
        var fout = Assert.ThrowsAny<Exception>(() => app.Services);
        for (var e = fout; e is not null; e = e.InnerException ?? (e as AggregateException)?.InnerExceptions.FirstOrDefault())
        {
            if (e is OnveiligeInstallatieException o) return o;
        }

        throw new Xunit.Sdk.XunitException($"Geen OnveiligeInstallatieException maar: {fout}");
    }

    private static readonly Dictionary<string, string> Demo = new() { ["Koers:DemoData"] = "true", ["Koers:DemoAantal"] = "30" };

    [Fact]
    public void Productie_zonder_opt_in_zaait_geen_demodata_en_maakt_geen_demo_accounts()
    {
        using var bestand = new Bestand();
        using var app = new Installatie("Production", bestand.Pad);

        Assert.Equal((0, 0, 0), app.MetDatabase(db => (db.Users.Count(), db.Inburgeraars.Count(), db.Gemeenten.Count())));
    }

    [Fact]
    public void Development_start_met_demodata_zoals_de_README_belooft()
    {
        // `dotnet run` starts in Development (launchSettings.json); appsettings.Development.json opts in.
        using var bestand = new Bestand();
        using var app = new Installatie("Development", bestand.Pad, new Dictionary<string, string> { ["Koers:DemoAantal"] = "20" });

        Assert.Equal(20, app.MetDatabase(db => db.Inburgeraars.Count()));
        Assert.True(app.MetDatabase(db => db.Users.Any(u => u.Email == "beheer@kempen.example")));
    }

    [Fact]
    public async Task Productie_weigert_te_starten_zolang_een_account_het_demo_wachtwoord_heeft()
    {
        using var bestand = new Bestand();
        // A database that once held the demo (say, a copy of a demo install), started as productie.
        using (var demo = new Installatie("Test", bestand.Pad, Demo)) Assert.True(demo.MetDatabase(db => db.Users.Count()) > 10);

        using (var productie = new Installatie("Production", bestand.Pad))
        {
            var fout = StartWeigert(productie);
            Assert.Contains("openbare demo-wachtwoord", fout.Message);
            Assert.Contains("beheer@kempen.example", fout.Message);
        }

        // Above 25 accounts only the demo domains are checked: still refused, the demo accounts are on *.example.
        using (var test = new Installatie("Test", bestand.Pad))
        {
            using var scope = test.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<KoersDbContext>();
            var hash = new PasswordHasher<Gebruiker>().HashPassword(new Gebruiker(), "Een-eigen-wachtwoord-2026");
            for (var i = 0; i < 30; i++)
            {
                var email = $"medewerker{i}@gemeente-voorbeeld.nl";
                db.Users.Add(new Gebruiker
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), Weergavenaam = $"Medewerker {i}",
                });
            }

            db.SaveChanges();
        }

        using (var productie = new Installatie("Production", bestand.Pad)) Assert.Contains("openbare demo-wachtwoord", StartWeigert(productie).Message);

        // Every demo account gets its own password: now it starts.
        using (var test = new Installatie("Test", bestand.Pad))
        {
            using var scope = test.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
            foreach (var gebruiker in users.Users.Where(u => u.PasswordHash != null).ToList())
            {
                if (!await users.CheckPasswordAsync(gebruiker, Demowachtwoord)) continue;
                Assert.True((await users.RemovePasswordAsync(gebruiker)).Succeeded);
                Assert.True((await users.AddPasswordAsync(gebruiker, "Een-eigen-wachtwoord-2026")).Succeeded);
            }
        }

        using (var productie = new Installatie("Production", bestand.Pad)) Assert.True(productie.MetDatabase(db => db.Users.Count()) > 40);
    }

    [Fact]
    public void Demodata_in_productie_alleen_met_tweede_schakelaar_en_een_eigen_wachtwoord()
    {
        using var bestand = new Bestand();
        using (var app = new Installatie("Production", bestand.Pad, Demo)) Assert.Contains("Koers__DemoDataInProductie", StartWeigert(app).Message);
        var metSchakelaar = new Dictionary<string, string>(Demo) { ["Koers:DemoDataInProductie"] = "true" };
        using (var app = new Installatie("Production", bestand.Pad, metSchakelaar)) Assert.Contains("Koers__DemoWachtwoord", StartWeigert(app).Message);
        using (var app = new Installatie("Production", bestand.Pad, new Dictionary<string, string>(metSchakelaar) { ["Koers:DemoWachtwoord"] = Demowachtwoord }))
        {
            Assert.Contains("Koers__DemoWachtwoord", StartWeigert(app).Message);
        }

        Assert.Equal(0, new Installatie("Test", bestand.Pad).MetDatabase(db => db.Inburgeraars.Count())); // nothing was seeded

        // A public demo server: both switches and a password of its own.
        using (var app = new Installatie("Production", bestand.Pad, new Dictionary<string, string>(metSchakelaar) { ["Koers:DemoWachtwoord"] = "Eigen-demo-wachtwoord-77" }))
        {
            Assert.Equal(30, app.MetDatabase(db => db.Inburgeraars.Count()));
            Assert.True(app.MetDatabase(db => db.Users.Any(u => u.Email == "beheer@kempen.example")));
        }
    }

    [Fact]
    public void Twee_installaties_hebben_andere_demo_ids_en_dezelfde_demo_inhoud()
    {
        using var a = new Bestand();
        using var b = new Bestand();
        using var eerste = new Installatie("Test", a.Pad, Demo);
        using var tweede = new Installatie("Test", b.Pad, Demo);

        var idsA = eerste.MetDatabase(db => db.Inburgeraars.Select(i => i.Id).ToList());
        var idsB = tweede.MetDatabase(db => db.Inburgeraars.Select(i => i.Id).ToList());
        Assert.Equal(30, idsA.Count);
        Assert.Empty(idsA.Intersect(idsB));

        // Same people in the same phases, with the same consents, hours, handhaving and the same person behind the
        // demo inburgeraar account: only the ids differ.
        Assert.Equal(Inhoud(eerste), Inhoud(tweede));
    }

    private static List<string> Inhoud(Installatie app) => app.MetDatabase(db =>
    {
        var sleutels = db.Inburgeraars.AsNoTracking().Include(i => i.Gemeente).ToList()
            .ToDictionary(i => i.Id, i => $"{i.Bsn?.Value}/{i.VNummer?.Value}");
        var regels = db.Inburgeraars.AsNoTracking().Include(i => i.Gemeente).ToList()
            .Select(i => $"{sleutels[i.Id]} {i.Voornamen} {i.Achternaam} {i.Geboortedatum} {i.Gemeente!.Code} {i.Fase} {i.Leerroute}").ToList();
        regels.AddRange(db.Machtigingen.AsNoTracking().ToList().Select(m => $"machtiging {sleutels[m.InburgeraarId]} {m.PartnerorganisatieId} {m.Categorieen} {m.Van}"));
        regels.AddRange(db.Urenregistraties.AsNoTracking().ToList().Select(u => $"uren {sleutels[u.InburgeraarId]} {u.Week} {u.Soort} {u.Uren}"));
        regels.AddRange(db.Set<Koers.Data.Model.Keten.Tekortkoming>().AsNoTracking().ToList().Select(t => $"tekortkoming {sleutels[t.InburgeraarId]} {t.Verplichting}"));
        regels.AddRange(db.Users.AsNoTracking().Where(u => u.InburgeraarId != null).ToList().Select(u => $"account {u.Email} {sleutels[u.InburgeraarId!.Value]}"));
        regels.Sort(StringComparer.Ordinal);
        return regels;
    });

    [Fact]
    public void Productie_weigert_EF_sensitive_data_logging()
    {
        using var bestand = new Bestand();
        using var app = new Installatie("Production", bestand.Pad, diensten: s =>
            s.ConfigureDbContext<SqliteKoersDbContext>(o => o.EnableSensitiveDataLogging()));

        Assert.Contains("EnableSensitiveDataLogging", StartWeigert(app).Message);
    }
}
