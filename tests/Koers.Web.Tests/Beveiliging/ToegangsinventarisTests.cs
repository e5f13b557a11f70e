using System.Globalization;
using System.Text;
using Koers.Web.Tests.Deploy;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>
/// Who may reach which page and endpoint, read from the running app's endpoints (not from the source): the roles
/// each one demands through its policy or [Authorize(Roles)], or that it is anonymous. Every endpoint must name its
/// roles or be anonymous on purpose; one that only has the fallback policy ("any signed-in user") would let an
/// inburgeraar or a partner in, so it is listed below with the reason it is open to every role, or the test fails.
/// The table is kept in docs/toegang.md; a change in access that is not in that file fails the test too (run it with
/// KOERS_SCHRIJF_TOEGANG=1 to rewrite the file, then review the diff).
/// </summary>
[Trait("Categorie", "Beveiliging")]
public sealed class ToegangsinventarisTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    /// <summary>Open to every signed-in role on purpose; each page checks what the user may see itself.</summary>
    private static readonly Dictionary<string, string> VoorIedereen = new(StringComparer.Ordinal)
    {
        ["/"] = "de startpagina stuurt elke rol door naar zijn eigen begin",
        ["/account"] = "het eigen account: wachtwoord, tweestapsverificatie, sessies",
        ["/api/v1/antiforgery"] = "het CSRF-token dat elke API-client met een cookie nodig heeft",
        ["/api/v1/uitloggen"] = "uitloggen",
        ["/api/v1/gemeenten"] = "namen, codes en termijninstellingen van gemeenten; geen persoonsgegevens",
    };

    /// <summary>Anonymous on purpose; anything else anonymous fails the test (an [AllowAnonymous] too many).</summary>
    private static readonly Dictionary<string, string> Anoniem = new(StringComparer.Ordinal)
    {
        ["/inloggen"] = "inloggen (met snelheidslimiet per IP-adres en account)",
        ["/inloggen/extern"] = "inloggen via de inlogdienst van de gemeente (OpenID Connect)",
        ["/inloggen/tweestaps"] = "de tweede stap van het inloggen",
        ["/uitloggen"] = "uitloggen moet ook lukken met een verlopen sessie",
        ["/api/v1/inloggen"] = "inloggen voor API-clients (met snelheidslimiet)",
        ["/api/v1/inloggen/vernieuwen"] = "token vernieuwen met het vernieuwingstoken",
        ["/api/v1/duo/notificaties"] = "DUO meldt gebeurtenissen; het endpoint controleert zelf het token van DUO (Digikoppeling: issue #17)",
        ["/fout"] = "foutpagina zonder gegevens",
        ["/geen-toegang"] = "melding zonder gegevens",
        ["/niet-gevonden"] = "melding zonder gegevens",
        ["/health/live"] = "voor Kubernetes en de load balancer; zonder gegevens",
        ["/health/ready"] = "voor Kubernetes en de load balancer; zonder gegevens",
        ["/openapi/{documentName}.json"] = "de API-beschrijving, zonder gegevens",
        ["/duo-simulator/"] = "de nagebootste DUO-API; bestaat alleen als Duo:Simulator aanstaat (Development, Test, demo)",
        ["/brp-simulator/"] = "de nagebootste BRP API Personen met synthetische personen; bestaat alleen als Brp:Simulator aanstaat (Development, Test, demo)",
        ["/zgw-simulator/"] = "het nagebootste zaaksysteem (ZGW Catalogi, Zaken en Documenten API) met een demo-catalogus; controleert zelf het ZGW-token; bestaat alleen als Zgw:Simulator aanstaat (Development, Test, demo)",
    };

    private static string? Reden(Dictionary<string, string> lijst, string route) =>
        lijst.TryGetValue(route, out var r) ? r : lijst.FirstOrDefault(p => p.Key.EndsWith('/') && route.StartsWith(p.Key, StringComparison.Ordinal)).Value;

    private static readonly string Bestand = Path.Combine(Repo.Root, "docs", "toegang.md");

    public sealed record Regel(string Route, string Methoden, string Toegang, bool AlleenTerugval);

    [Fact]
    public async Task Elke_pagina_en_elk_endpoint_noemt_zijn_rollen_en_docs_toegang_klopt()
    {
        var regels = await InventarisAsync();
        Assert.True(regels.Count > 100, $"maar {regels.Count} endpoints gevonden");

        var open = regels.Where(r => r.AlleenTerugval && !VoorIedereen.ContainsKey(r.Route)).Select(r => $"{r.Methoden} {r.Route}").ToList();
        Assert.True(open.Count == 0, "Alleen 'ingelogd' (elke rol, ook inburgeraar en partner) zonder reden:\n" + string.Join("\n", open));
        var anoniem = regels.Where(r => r.Toegang == "anoniem" && Reden(Anoniem, r.Route) is null).Select(r => $"{r.Methoden} {r.Route}").ToList();
        Assert.True(anoniem.Count == 0, "Anoniem zonder reden:\n" + string.Join("\n", anoniem));

        var tekst = Tabel(regels);
        if (Environment.GetEnvironmentVariable("KOERS_SCHRIJF_TOEGANG") == "1") await File.WriteAllTextAsync(Bestand, tekst);
        Assert.True(File.Exists(Bestand), "docs/toegang.md ontbreekt; draai deze test met KOERS_SCHRIJF_TOEGANG=1");
        var vastgelegd = (await File.ReadAllTextAsync(Bestand)).ReplaceLineEndings("\n");
        Assert.True(vastgelegd == tekst, "De toegang wijkt af van docs/toegang.md; draai deze test met KOERS_SCHRIJF_TOEGANG=1 en bekijk de wijziging.");
    }

    private async Task<List<Regel>> InventarisAsync()
    {
        _ = factory.Server;
        var bronnen = factory.Services.GetServices<EndpointDataSource>();
        var beleid = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var regels = new List<Regel>();
        foreach (var endpoint in bronnen.SelectMany(b => b.Endpoints).OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methoden = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m
                ? string.Join(", ", m)
                : endpoint.Metadata.GetMetadata<PageRouteMetadata>() is not null ? "pagina" : "alle";
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                regels.Add(new Regel(route, methoden, "anoniem", false));
                continue;
            }

            var rollen = new SortedSet<string>(StringComparer.Ordinal);
            var beleidsnamen = new SortedSet<string>(StringComparer.Ordinal);
            var eisen = new List<(string? Beleid, IEnumerable<string>? Rollen)>();
            foreach (var data in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
            {
                if (data.Policy is { } naam)
                {
                    beleidsnamen.Add(naam);
                    var p = await beleid.GetPolicyAsync(naam);
                    foreach (var r in p!.Requirements.OfType<RolesAuthorizationRequirement>()) eisen.Add((naam, r.AllowedRoles));
                }

                if (data.Roles is { } rs) eisen.Add((null, rs.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
            }

            // Inline policies (RequireAuthorization(p => p.RequireRole(...)) on an endpoint or its group).
            foreach (var p in endpoint.Metadata.OfType<AuthorizationPolicy>())
            {
                foreach (var r in p.Requirements.OfType<RolesAuthorizationRequirement>()) eisen.Add((null, r.AllowedRoles));
            }

            // Several requirements all have to hold: the roles that pass are the intersection.
            IEnumerable<string>? toegestaan = null;
            foreach (var (_, r) in eisen) toegestaan = toegestaan is null ? r!.ToList() : toegestaan.Intersect(r!).ToList();
            if (toegestaan is not null) rollen.UnionWith(toegestaan);
            var tekst = toegestaan is null ? "ingelogd (elke rol)" : string.Join(", ", rollen) + (beleidsnamen.Count > 0 ? $" ({string.Join(", ", beleidsnamen)})" : "");
            regels.Add(new Regel(route, methoden, tekst, toegestaan is null));
        }

        return regels.DistinctBy(r => (r.Route, r.Methoden)).OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Methoden, StringComparer.Ordinal).ToList();
    }

    private static string Tabel(IEnumerable<Regel> regels)
    {
        var sb = new StringBuilder();
        sb.Append("# Wie mag wat\n\n");
        sb.Append("Gegenereerd door `tests/Koers.Web.Tests/Beveiliging/ToegangsinventarisTests.cs` uit de endpoints van de draaiende app;\n");
        sb.Append("de test faalt als dit bestand niet meer klopt. Dit is de eerste poort (de rol); daarna toetst elke pagina en elk\n");
        sb.Append("endpoint het bereik: gemeente of regio, eigen dossier, machtiging van de partner (een dossier buiten bereik geeft 404).\n\n");
        sb.Append("| Route | Methoden | Toegang |\n|---|---|---|\n");
        foreach (var r in regels)
        {
            var reden = VoorIedereen.TryGetValue(r.Route, out var w) ? $"ingelogd (elke rol): {w}"
                : r.Toegang == "anoniem" ? $"anoniem: {Reden(Anoniem, r.Route)}"
                : r.Toegang;
            sb.Append(CultureInfo.InvariantCulture, $"| `{r.Route}` | {r.Methoden} | {reden} |\n");
        }

        return sb.ToString();
    }

    /// <summary>What the inventory found: staff names and teams were open to every signed-in role.</summary>
    [Theory]
    [InlineData("/api/v1/medewerkers")]
    [InlineData("/api/v1/teams")]
    public async Task Inburgeraar_en_partner_krijgen_de_lijst_van_medewerkers_en_teams_niet(string url)
    {
        foreach (var email in new[] { "inburgeraar@demo.example", "partner@taalschool.example" })
        {
            var antwoord = await factory.ClientAls(email).GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, antwoord.StatusCode);
            Assert.DoesNotContain("Sanne", await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var medewerker = await factory.ClientAls("sanne.devries@kempen.example").GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, medewerker.StatusCode);
        Assert.StartsWith("[{", await medewerker.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
