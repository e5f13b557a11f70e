using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Koers.Data;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>One Koers instance on a database shared with others, with its own data-protection key setting.</summary>
public sealed class InstantieFactory(DatabaseProvider provider, string connectionString, string dataProtectieSleutel) : KoersFactory
{
    public override DatabaseProvider Provider => provider;
    protected override string ConnectionString => connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Koers:DataProtection:Sleutel", dataProtectieSleutel);
        // In one test process all instances share HOME, so a file-system key ring would be shared too. That is why the
        // tests also check the configured repository and that an instance with another key accepts nothing from A.
    }

    /// <summary>A client without the test header and without a cookie jar: cookies are carried by hand between instances.</summary>
    public HttpClient Kaal()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Remove(TestAuthenticatie.Header);
        return client;
    }
}

/// <summary>Two instances (A and B) on one fresh database with the same Koers:DataProtection:Sleutel; A migrates and seeds first.</summary>
public abstract class TweeInstantiesFixture : IAsyncLifetime
{
    public const string AndereSleutel = "7m2m1qT1eJ9b2n0yQ4i8vXkR5sZp3LwC6dHf0gUaYtE=";
    public abstract DatabaseProvider Provider { get; }
    public abstract string ConnectionString { get; }
    public InstantieFactory A { get; private set; } = null!;
    public InstantieFactory B { get; private set; } = null!;

    public InstantieFactory Instantie(string sleutel) => new(Provider, ConnectionString, sleutel);

    public Task InitializeAsync()
    {
        A = Instantie(TestSleutels.DataProtectieSleutel);
        _ = A.Services; // a fresh database with demo data: migrations create the key table before anything uses it
        B = Instantie(TestSleutels.DataProtectieSleutel);
        _ = B.Services;
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}

public sealed class SqliteTweeInstantiesFixture : TweeInstantiesFixture
{
    private readonly string _pad = Path.Combine(Path.GetTempPath(), $"koers-dp-{Guid.NewGuid():N}.db");
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override string ConnectionString => $"Data Source={_pad};Pooling=false";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var bestand in new[] { _pad, _pad + "-wal", _pad + "-shm" }) if (File.Exists(bestand)) File.Delete(bestand);
    }
}

public sealed class PostgresTweeInstantiesFixture : TweeInstantiesFixture
{
    private readonly string _database = $"koers_dp_{Guid.NewGuid():N}";
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    public override string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresFactory.PgServer) { Database = _database }.ConnectionString;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await PostgresFactory.VerwijderDatabaseAsync(_database);
    }
}

/// <summary>
/// Data-protection keys in the database (issue #15): a session cookie from a real sign-in and a bearer token issued
/// by instance A are accepted by instance B; the stored key XML is encrypted under Koers:DataProtection:Sleutel and
/// holds no plain master key; an instance with another key accepts neither (so no file-system key ring can be what
/// makes the first test pass).
/// </summary>
public abstract class DataProtectieTests(TweeInstantiesFixture f)
{
    private const string Wachtwoord = "Koers-demo-2026";
    private const string Medewerker = "sanne.devries@kempen.example"; // a role without required two-step sign-in, so one form post signs in

    private static string Cookies(HttpResponseMessage antwoord) =>
        string.Join("; ", antwoord.Headers.TryGetValues("Set-Cookie", out var c) ? c.Select(x => x.Split(';')[0]) : []);

    /// <summary>Signs in through A's /inloggen form (antiforgery token and cookie included); returns the session cookie.</summary>
    private static async Task<string> SessiecookieAsync(InstantieFactory a)
    {
        var browser = a.Kaal();
        var pagina = await browser.GetAsync("/inloggen");
        var antiforgery = Cookies(pagina);
        var token = new HtmlParser().ParseDocument(await pagina.Content.ReadAsStringAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var verzoek = new HttpRequestMessage(HttpMethod.Post, "/inloggen")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Email"] = Medewerker, ["Wachtwoord"] = Wachtwoord }),
        };
        verzoek.Headers.Add("Cookie", antiforgery);
        var inloggen = await browser.SendAsync(verzoek);
        Assert.Equal(HttpStatusCode.Redirect, inloggen.StatusCode);
        var sessie = Cookies(inloggen).Split("; ").Single(c => c.StartsWith(a.Services.GetRequiredService<Cookienamen>().Sessie + "=", StringComparison.Ordinal));
        return sessie;
    }

    private static async Task<string> BearerAsync(InstantieFactory a)
    {
        var inloggen = await a.Kaal().PostJsonAsync("/api/v1/inloggen", new { email = Medewerker, wachtwoord = Wachtwoord });
        Assert.Equal(HttpStatusCode.OK, inloggen.StatusCode);
        return (await inloggen.LeesAsync())["accessToken"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> MetCookieAsync(InstantieFactory op, string cookie)
    {
        var verzoek = new HttpRequestMessage(HttpMethod.Get, "/api/v1/gemeenten");
        verzoek.Headers.Add("Cookie", cookie);
        return op.Kaal().SendAsync(verzoek);
    }

    private static Task<HttpResponseMessage> MetBearerAsync(InstantieFactory op, string token)
    {
        var verzoek = new HttpRequestMessage(HttpMethod.Get, "/api/v1/gemeenten");
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return op.Kaal().SendAsync(verzoek);
    }

    [Fact]
    public async Task Sessiecookie_en_bearer_token_van_instantie_A_worden_door_instantie_B_geaccepteerd()
    {
        var cookie = await SessiecookieAsync(f.A);
        var token = await BearerAsync(f.A);
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.B.Kaal().GetAsync("/api/v1/gemeenten")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MetCookieAsync(f.B, cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MetBearerAsync(f.B, token)).StatusCode);
        // Both instances keep their key ring in the database, not in a directory of their own.
        foreach (var instantie in new[] { f.A, f.B })
        {
            var opties = instantie.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value;
            Assert.Equal("EntityFrameworkCoreXmlRepository`1", opties.XmlRepository?.GetType().Name);
            Assert.IsType<AesGcmXmlEncryptor>(opties.XmlEncryptor);
        }
    }

    [Fact]
    public async Task Sleutels_in_de_database_zijn_versleuteld_en_bevatten_geen_leesbare_hoofdsleutel()
    {
        await BearerAsync(f.A); // makes sure a key exists
        var rijen = f.A.MetDatabase(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToList());
        Assert.NotEmpty(rijen);
        var eigenId = f.A.Services.GetRequiredService<SleutelsVoorDataProtectie>().ActiefId;
        var geopend = 0;
        foreach (var xml in rijen)
        {
            Assert.DoesNotContain("<masterKey", xml);
            Assert.DoesNotContain("<value>", xml);
            var versleuteld = XElement.Parse(xml).Descendants(AesGcmXmlEncryptor.Element).Single();
            // Rows of the other-key instance (see the test below) may share the table; A opens its own.
            if ((string?)versleuteld.Attribute("sleutel") != eigenId) continue;
            // With the configured key the content is the master key after all.
            var open = new AesGcmXmlDecryptor(f.A.Services).Decrypt(versleuteld);
            Assert.NotNull(open.DescendantsAndSelf("masterKey").SingleOrDefault());
            geopend++;
        }

        Assert.True(geopend >= 1, "geen sleutel van instantie A in de tabel");
    }

    [Fact]
    public async Task Instantie_met_een_andere_sleutel_weigert_cookie_en_token_van_A()
    {
        var cookie = await SessiecookieAsync(f.A);
        var token = await BearerAsync(f.A);
        await using var vreemd = f.Instantie(TweeInstantiesFixture.AndereSleutel);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MetCookieAsync(vreemd, cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MetBearerAsync(vreemd, token)).StatusCode);
        // A itself still accepts both (B is unaffected by the stranger).
        Assert.Equal(HttpStatusCode.OK, (await MetCookieAsync(f.A, cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MetBearerAsync(f.B, token)).StatusCode);
    }
}

public sealed class SqliteDataProtectieTests(SqliteTweeInstantiesFixture f) : DataProtectieTests(f), IClassFixture<SqliteTweeInstantiesFixture>
{
    [Fact]
    public void Productie_start_niet_zonder_dataprotection_sleutel()
    {
        using var basis = new SqliteFactory();
        using var app = basis.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Koers:DataProtection:Sleutel", "");
        });
        var fout = Assert.ThrowsAny<Exception>(() => app.Services).GetBaseException();
        Assert.IsType<OnveiligeInstallatieException>(fout);
        Assert.Contains("Koers:DataProtection:Sleutel", fout.Message);
        Assert.Contains("openssl rand -base64 32", fout.Message);
    }
}

public sealed class PostgresDataProtectieTests(PostgresTweeInstantiesFixture f) : DataProtectieTests(f), IClassFixture<PostgresTweeInstantiesFixture>;
