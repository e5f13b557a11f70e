using System.Net;
using System.Text.Json.Nodes;
using Koers.Data;
using Koers.Web.Infrastructure.Bedrijfsvoering;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Bedrijfsvoering;

/// <summary>
/// The probes an orchestrator and a load balancer use (#18): live says the process serves, ready says this instance
/// may get work (database, schema, not stopping), DUO unreachable lowers it to degraded but keeps it in the pool.
/// Every test has a host of its own, because they break the database or stop the host.
/// </summary>
public abstract class GezondheidTests
{
    protected abstract KoersFactory NieuweFactory();

    private static async Task<(HttpStatusCode Status, JsonNode Json)> HaalAsync(HttpClient client, string pad)
    {
        using var antwoord = await client.GetAsync(pad);
        Assert.StartsWith("application/json", antwoord.Content.Headers.ContentType?.ToString());
        return (antwoord.StatusCode, JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!);
    }

    private static string? Controle(JsonNode json, string naam) =>
        json["controles"]!.AsArray().SingleOrDefault(c => c!["naam"]!.GetValue<string>() == naam)?["status"]!.GetValue<string>();

    [Fact]
    public async Task Live_en_ready_zijn_anoniem_en_noemen_elke_controle()
    {
        using var factory = NieuweFactory();
        using var client = factory.ClientAls(null);
        var (live, liveJson) = await HaalAsync(client, "/health/live");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live, liveJson["status"]!.GetValue<string>()));

        var (ready, json) = await HaalAsync(client, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Equal("Healthy", json["status"]!.GetValue<string>());
        foreach (var naam in new[] { "stopt", "database", "schema", "duo" }) Assert.Equal("Healthy", Controle(json, naam));
    }

    [Fact]
    public async Task Duo_onbereikbaar_is_verminderd_maar_de_instantie_blijft_gereed()
    {
        using var basis = NieuweFactory();
        // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
        using var factory = basis.WithWebHostBuilder(b => b.UseSetting("Duo:Simulator", "false").UseSetting("Duo:BaseUrl", "http://127.0.0.1:9/v1"));
        using var client = factory.CreateClient();
        var (status, json) = await HaalAsync(client, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("Degraded", "Degraded", "Healthy"), (json["status"]!.GetValue<string>(), Controle(json, "duo"), Controle(json, "database")));
        Assert.Contains("outbox", json.ToJsonString());
    }

    [Fact]
    public async Task Achterlopend_schema_maakt_de_instantie_niet_gereed_en_elke_pagina_en_api_antwoordt_503()
    {
        using var factory = NieuweFactory();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/werkvoorraad")).StatusCode);

        // The newest migration "not applied": what a database restored from an older backup, or a skipped migration Job, looks like.
        var laatste = factory.MetDatabase(db => db.Database.GetAppliedMigrations().Last());
        factory.MetDatabase(db => db.Database.ExecuteSql($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {laatste}"));
        var stand = factory.Services.GetRequiredService<Schemastand>();
        Assert.Equal([laatste], await stand.VernieuwAsync());

        var (ready, json) = await HaalAsync(client, "/health/ready");
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (ready, Controle(json, "schema")));
        Assert.Contains(laatste, json.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        using var pagina = await client.GetAsync("/werkvoorraad");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pagina.StatusCode);
        Assert.Contains("Koers wordt bijgewerkt", await pagina.Content.ReadAsStringAsync());
        Assert.NotNull(pagina.Headers.RetryAfter);
        using var api = await client.GetAsync("/api/v1/werkvoorraad");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        // A write is refused before it is read, so nothing lands in a table that is not what this version expects.
        var voor = factory.MetDatabase(db => db.Inburgeraars.Count());
        using var schrijven = await client.PostJsonAsync("/api/v1/inburgeraars", new { voornaam = "Test", achternaam = "Schema" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, schrijven.StatusCode);
        Assert.Equal(voor, factory.MetDatabase(db => db.Inburgeraars.Count()));

        // The migration step ran (here: the row is back): ready again without a restart.
        var versie = typeof(DbContext).Assembly.GetName().Version!;
        factory.MetDatabase(db => db.Database.ExecuteSql(
            $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({laatste}, {$"{versie.Major}.{versie.Minor}.{versie.Build}"})"));
        Assert.Empty(await stand.VernieuwAsync());
        Assert.Equal(HttpStatusCode.OK, (await HaalAsync(client, "/health/ready")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/werkvoorraad")).StatusCode);
    }

    [Fact]
    public async Task Zonder_database_is_de_instantie_niet_gereed_maar_wel_levend()
    {
        using var factory = NieuweFactory();
        using var client = factory.ClientAls(null);
        Assert.Equal(HttpStatusCode.OK, (await HaalAsync(client, "/health/ready")).Status);
        await MaakDatabaseOnbereikbaarAsync(factory);
        var (status, json) = await HaalAsync(client, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", json["status"]!.GetValue<string>());
        Assert.NotEqual("Healthy", Controle(json, "database") == "Healthy" ? Controle(json, "schema") : Controle(json, "database"));
        // No host, user or password in the answer: it is anonymous.
        Assert.DoesNotContain("Host=", json.ToJsonString());
        Assert.DoesNotContain("Password", json.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await HaalAsync(client, "/health/live")).Status);
    }

    protected abstract Task MaakDatabaseOnbereikbaarAsync(KoersFactory factory);
}

public sealed class SqliteGezondheidTests : GezondheidTests
{
    protected override KoersFactory NieuweFactory() => new SqliteFactory();

    // The file is gone: SQLite opens a new, empty one, so the schema check fails (every migration open).
    protected override Task MaakDatabaseOnbereikbaarAsync(KoersFactory factory)
    {
        var pad = factory.MetDatabase(db => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(pad);
        return factory.Services.GetRequiredService<Schemastand>().VernieuwAsync();
    }
}

public sealed class PostgresGezondheidTests : GezondheidTests
{
    protected override KoersFactory NieuweFactory() => new PostgresFactory();

    protected override async Task MaakDatabaseOnbereikbaarAsync(KoersFactory factory)
    {
        var naam = factory.MetDatabase(db => new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database!);
        await PostgresFactory.VerwijderDatabaseAsync(naam);
    }
}
