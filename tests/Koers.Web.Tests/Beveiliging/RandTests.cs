using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Web.Features.Voortgang;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>
/// The edge (issue #15): no response with personal data may be cached (pages, API JSON, exports, PDFs), only static
/// files; and what a partner's failed CSV upload leaves in the database is bounded, with a note that it was cut off.
/// </summary>
public abstract class RandTests(KoersFactory factory)
{
    private static void AssertNietInCache(HttpResponseMessage antwoord, string wat)
    {
        Assert.True(antwoord.IsSuccessStatusCode, $"{wat}: {antwoord.StatusCode}");
        Assert.True(antwoord.Headers.CacheControl?.NoStore == true, $"{wat}: Cache-Control is '{antwoord.Headers.CacheControl}'");
        Assert.Contains("no-cache", antwoord.Headers.Pragma.Select(p => p.Name));
    }

    [Fact]
    public async Task Geen_cache_voor_pagina_api_json_export_en_pdf_wel_voor_statische_bestanden()
    {
        var client = factory.CreateClient();
        AssertNietInCache(await client.GetAsync("/werkvoorraad"), "pagina");
        AssertNietInCache(await client.GetAsync("/api/v1/gemeenten"), "API-JSON");
        var export = await client.GetAsync("/api/v1/monitor/tabellen/instroom-gemeente/csv?jaar=2025");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        AssertNietInCache(export, "export");
        AssertNietInCache(await client.GetAsync("/audit?handler=Csv"), "auditexport");

        var (inburgeraar, beschikking) = factory.MetDatabase(db => db.Beschikkingen
            .Where(b => db.Inburgeraars.Any(i => i.Id == b.InburgeraarId && i.Gemeente!.Code == "GM1724"))
            .OrderBy(b => b.Id).Select(b => new { b.InburgeraarId, b.Id }).AsEnumerable().Select(b => (b.InburgeraarId, b.Id)).First());
        var pdf = await client.GetAsync($"/api/v1/inburgeraars/{inburgeraar}/beschikkingen/{beschikking}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        AssertNietInCache(pdf, "PDF");

        // Anonymous answers too: the sign-in page (it carries the antiforgery token).
        AssertNietInCache(await factory.ClientAls(null).GetAsync("/inloggen"), "inlogpagina");

        // The style sheet holds nothing personal and may be cached as usual.
        var css = await factory.ClientAls(null).GetAsync("/css/koers.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Foutregels_van_een_partnerupload_worden_begrensd_bewaard_met_melding_dat_er_is_afgekapt()
    {
        var partner = Partner();

        // 1,500 refused rows (an unknown kind): more rows than are kept.
        var veel = new StringBuilder("bsn;koers_id;week;soort;uren;afwezig_uren;afwezig_gemeld\n");
        for (var i = 0; i < 1_500; i++) veel.Append(CultureInfo.InvariantCulture, $";{Guid.NewGuid()};2026-W24;zwemmen;4;;\n");
        var (antwoord, opgeslagen) = await UploadAsync(partner, veel.ToString());
        Assert.Equal(1_500, antwoord["fouten"]!.GetValue<int>());
        Assert.Equal(1_500, antwoord["resultaten"]!.AsArray().Count); // the answer itself still names every row
        var regels = opgeslagen.Trim().Split('\n');
        Assert.Equal(1 + UrenCsvImport.MaxOpgeslagenFoutregels + 1, regels.Length);
        Assert.Contains($"AFGEKAPT: 500 van de 1500 foute regels", regels[^1]);

        // 300 rows of 3,000 characters each: more characters than are kept.
        var groot = new StringBuilder("bsn;koers_id;week;soort;uren;afwezig_uren;afwezig_gemeld\n");
        for (var i = 0; i < 300; i++) groot.Append(CultureInfo.InvariantCulture, $";{Guid.NewGuid()};2026-W24;{new string('x', 3_000)};4;;\n");
        (antwoord, opgeslagen) = await UploadAsync(partner, groot.ToString());
        Assert.Equal(300, antwoord["fouten"]!.GetValue<int>());
        Assert.InRange(opgeslagen.Length, 1, UrenCsvImport.MaxOpgeslagenFoutTekens + 1_000); // the bound plus the note
        Assert.Contains("AFGEKAPT:", opgeslagen.Trim().Split('\n')[^1]);
        Assert.Contains("van de 300 foute regels", opgeslagen);
    }

    /// <summary>Uploads the CSV as the partner; returns the answer and the refused rows as stored (also what the download gives).</summary>
    private async Task<(System.Text.Json.Nodes.JsonNode Antwoord, string Opgeslagen)> UploadAsync(HttpClient partner, string csv)
    {
        var form = new MultipartFormDataContent();
        var bestand = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        bestand.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(bestand, "bestand", "lijst.csv");
        var response = await partner.PostAsync("/api/v1/partner/uren/csv", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var antwoord = await response.LeesAsync();
        var id = Guid.Parse(antwoord["uploadId"]!.GetValue<string>());
        var opgeslagen = factory.MetDatabase(db => db.Urenuploads.AsNoTracking().Single(u => u.Id == id).FoutenCsv);
        var download = await partner.GetStringAsync($"/api/v1/partner/uren/csv/{id}/fouten");
        Assert.Equal(opgeslagen, download);
        return (antwoord, opgeslagen);
    }

    private HttpClient Partner()
    {
        var email = $"partner-rand-{Guid.NewGuid():N}@taal.example";
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var org = new Partnerorganisatie { Naam = "Taalschool Rand", Soort = Partnersoort.Taalaanbieder, RegioId = db.Regios.Single(r => r.Naam.Contains("Kempen")).Id };
        db.Partnerorganisaties.Add(org);
        db.SaveChanges();
        var gebruiker = new Gebruiker { UserName = email, Email = email, Weergavenaam = "Docent Rand", PartnerorganisatieId = org.Id };
        Assert.True(users.CreateAsync(gebruiker).GetAwaiter().GetResult().Succeeded);
        users.AddToRoleAsync(gebruiker, Rollen.Partner).GetAwaiter().GetResult();
        return factory.ClientAls(email);
    }
}

public sealed class SqliteRandTests(SqliteFactory factory) : RandTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresRandTests(PostgresFactory factory) : RandTests(factory), IClassFixture<PostgresFactory>;

/// <summary>
/// Kestrel's 'Server: Kestrel' header is off. TestServer never adds that header, so this test runs Koers on a real
/// Kestrel port (as the browser tests do) and reads the header off a real HTTP response.
/// </summary>
public sealed class ServerHeaderTests : IAsyncLifetime
{
    private readonly SqliteFactory _factory = new();
    private string _basis = string.Empty;

    public Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        _basis = _factory.ClientOptions.BaseAddress.ToString();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Kestrel_noemt_zich_niet_in_een_server_header()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_basis) };
        var antwoord = await http.GetAsync("/inloggen");
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Empty(antwoord.Headers.Server);
        Assert.False(antwoord.Headers.Contains("Server"));
    }
}
