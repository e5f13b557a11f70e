using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koers.Web.Infrastructure;
using Koers.Web.Tests.Infrastructure;

namespace Koers.Web.Tests.Api;

/// <summary>
/// The API against Logius's NL API Design Rules: their own Spectral ruleset (Spec/linter.yaml, byte-identical to
/// Logius's) run on the document the running app serves, with 0 errors; and over HTTP what the document promises: the
/// API-Version header on every answer and a problem+json 400 for bad input on every operation that takes input.
/// </summary>
public sealed class ApiRichtlijnenTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static string Repo()
    {
        var map = new DirectoryInfo(AppContext.BaseDirectory);
        while (map is not null && !File.Exists(Path.Combine(map.FullName, "Koers.sln"))) map = map.Parent;
        return map?.FullName ?? throw new InvalidOperationException("Koers.sln niet gevonden");
    }

    private static string SpecMap => Path.Combine(Repo(), "tests", "Koers.Web.Tests", "Api", "Spec");

    [Fact]
    public void De_regels_zijn_die_van_Logius_ongewijzigd()
    {
        var regels = File.ReadAllLines(Path.Combine(SpecMap, "herkomst.tsv")).Where(r => !r.StartsWith('#') && r.Length > 0).Select(r => r.Split('\t')).ToList();
        Assert.Single(regels);
        foreach (var r in regels) Assert.Equal(r[2], Git.BlobId(File.ReadAllBytes(Path.Combine(SpecMap, r[1]))));
    }

    private async Task<(string Pad, JsonObject Document)> DocumentAsync()
    {
        var tekst = await factory.ClientAls(null).GetStringAsync("/openapi/v1.json");
        var pad = Path.Combine(Path.GetTempPath(), $"koers-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(pad, tekst);
        return (pad, JsonNode.Parse(tekst)!.AsObject());
    }

    /// <summary>Runs Spectral (tools/spectral, installed by scripts/test.sh) on Playwright's Node.js; its JSON findings.</summary>
    private static async Task<JsonArray> SpectralAsync(string document)
    {
        var spectral = Path.Combine(Repo(), "tools", "spectral", "node_modules", "@stoplight", "spectral-cli", "dist", "index.js");
        Assert.True(File.Exists(spectral), $"Spectral ontbreekt ({spectral}). Installeer het met: npm ci --ignore-scripts --prefix tools/spectral (scripts/test.sh doet dat).");
        var node = Path.Combine(AppContext.BaseDirectory, ".playwright", "node", "linux-x64", "node");
        Assert.True(File.Exists(node), $"Node.js van Playwright ontbreekt: {node}");
        var uitvoer = Path.Combine(Path.GetTempPath(), $"koers-spectral-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(node)
        {
            ArgumentList = { spectral, "lint", "--ruleset", Path.Combine(SpecMap, "linter.yaml"), "--format", "json", "--output", uitvoer, "--fail-severity", "error", document },
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        using var proces = Process.Start(start)!;
        var fout = proces.StandardError.ReadToEndAsync();
        var uit = proces.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await proces.WaitForExitAsync(cts.Token);
        Assert.True(File.Exists(uitvoer), $"Spectral schreef geen uitvoer (code {proces.ExitCode}): {await fout} {await uit}");
        return JsonNode.Parse(await File.ReadAllTextAsync(uitvoer))!.AsArray();
    }

    [Fact]
    public async Task Het_API_document_voldoet_aan_de_Spectral_regels_van_Logius_zonder_fouten()
    {
        var (pad, document) = await DocumentAsync();
        var bevindingen = await SpectralAsync(pad);
        var fouten = bevindingen.Where(b => b!["severity"]!.GetValue<int>() == 0)
            .Select(b => $"{b!["code"]}: {string.Join('.', b["path"]!.AsArray().Select(p => p!.ToString()))} — {b["message"]}").ToList();
        Assert.True(fouten.Count == 0, $"{fouten.Count} fouten:\n{string.Join('\n', fouten.Take(40))}");

        // The ruleset really ran on this document: it has the operations, and a broken copy gives errors.
        Assert.True(document["paths"]!.AsObject().Count > 50);
        document["info"]!["version"] = "v1";
        document["paths"]!.AsObject().Add("/MonitorTabellen/", document["paths"]!["/werkvoorraad"]!.DeepClone());
        var kapot = pad + ".kapot.json";
        await File.WriteAllTextAsync(kapot, document.ToJsonString());
        var codes = (await SpectralAsync(kapot)).Where(b => b!["severity"]!.GetValue<int>() == 0).Select(b => b!["code"]!.GetValue<string>()).ToHashSet();
        Assert.Contains("nlgov:semver", codes);
        Assert.Contains("nlgov:paths-kebab-case", codes);
        Assert.Contains("path-keys-no-trailing-slash", codes);
    }

    [Fact]
    public async Task Het_document_noemt_de_hoofdversie_in_de_server_het_beveiligingsschema_en_contact()
    {
        var (_, document) = await DocumentAsync();
        Assert.Equal(ApiRichtlijnen.Versie, document["info"]!["version"]!.GetValue<string>());
        Assert.EndsWith("/api/v1", document["servers"]![0]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(document["paths"]!.AsObject(), p => Assert.False(p.Key.StartsWith("/api/", StringComparison.Ordinal), p.Key));
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        Assert.NotNull(document["info"]!["contact"]!["email"]);
    }

    [Fact]
    public async Task Elk_antwoord_van_de_API_draagt_API_Version_ook_fouten()
    {
        var klantregisseur = factory.ClientAls("sanne.devries@kempen.example");
        var anoniem = factory.ClientAls(null);
        var antwoorden = new[]
        {
            await klantregisseur.GetAsync("/api/v1/werkvoorraad"),
            await klantregisseur.GetAsync("/api/v1/werkvoorraad?pagina=abc"),
            await klantregisseur.GetAsync($"/api/v1/inburgeraars/{Guid.NewGuid()}"),
            await anoniem.GetAsync("/api/v1/werkvoorraad"),
            await factory.ClientAls("partner@taalschool.example").GetAsync("/api/v1/werkvoorraad"),
        };
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden],
            antwoorden.Select(a => a.StatusCode));
        Assert.All(antwoorden, a => Assert.Equal(ApiRichtlijnen.Versie, a.Headers.GetValues("API-Version").Single()));
        // Screens are not the API.
        Assert.False((await anoniem.GetAsync("/inloggen")).Headers.Contains("API-Version"));
    }

    /// <summary>
    /// Every operation the document says takes input and may answer 400 is called with a body that is not JSON (and, for
    /// GET/DELETE, a parameter that does not parse) by a user with every staff role: each answers a problem+json 400 with
    /// status, title and detail, unless its role check comes first (401/403) or it has no such case (404).
    /// </summary>
    [Fact]
    public async Task Elke_operatie_met_invoer_geeft_bij_onleesbare_invoer_een_problem_json_400()
    {
        var (_, document) = await DocumentAsync();
        var client = factory.CreateClient(); // the factory's test user: every staff role for the Kempen region
        var geprobeerd = new List<string>();
        var fout = new List<string>();
        var bewezen = 0;
        foreach (var (pad, item) in document["paths"]!.AsObject())
        {
            foreach (var (methode, operatie) in item!.AsObject())
            {
                if (operatie?["responses"]?["400"] is null) continue;
                var invoer = methode is "post" or "put" or "patch";
                var url = "/api/v1" + System.Text.RegularExpressions.Regex.Replace(pad, "{[^}]+}", _ => Guid.NewGuid().ToString());
                using var verzoek = new HttpRequestMessage(new HttpMethod(methode.ToUpperInvariant()), invoer ? url : url + (url.Contains('?') ? "&" : "?") + "pagina=abc&jaar=abc&van=abc");
                if (invoer) verzoek.Content = new StringContent("{kapot", Encoding.UTF8, "application/json");
                var antwoord = await client.SendAsync(verzoek);
                geprobeerd.Add($"{methode} {pad}");
                if (antwoord.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound) continue;
                if (!invoer && antwoord.StatusCode == HttpStatusCode.OK) continue; // no parameter of this name: the operation ignores it
                var soort = antwoord.Content.Headers.ContentType?.MediaType;
                var tekst = await antwoord.Content.ReadAsStringAsync();
                // An upload (multipart or CSV) may refuse a JSON body as the wrong media type: 415, also a problem.
                var geenJson = operatie["requestBody"]?["content"] is JsonObject c && !c.ContainsKey("application/json");
                var verwacht = geenJson && antwoord.StatusCode == HttpStatusCode.UnsupportedMediaType ? HttpStatusCode.UnsupportedMediaType : HttpStatusCode.BadRequest;
                if (antwoord.StatusCode != verwacht || soort != "application/problem+json")
                {
                    fout.Add($"{methode} {pad}: {(int)antwoord.StatusCode} {soort}");
                    continue;
                }

                var probleem = JsonNode.Parse(tekst)!;
                if (probleem["status"]?.GetValue<int>() != (int)verwacht || string.IsNullOrEmpty(probleem["title"]?.GetValue<string>()) || string.IsNullOrEmpty(probleem["detail"]?.GetValue<string>()))
                {
                    fout.Add($"{methode} {pad}: problem zonder status, title of detail: {tekst}");
                }
                else
                {
                    bewezen++;
                }
            }
        }

        Assert.True(geprobeerd.Count > 50, $"maar {geprobeerd.Count} operaties geprobeerd");
        Assert.True(fout.Count == 0, string.Join('\n', fout));
        // Most operations take a body; each of those really answered the problem (none was skipped by a 403 or 404).
        Assert.True(bewezen > 60, $"maar {bewezen} van {geprobeerd.Count} operaties gaven aantoonbaar een 400");
    }
}
