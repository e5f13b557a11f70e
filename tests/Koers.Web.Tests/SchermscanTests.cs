using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using Koers.Web.Features.Portaal;
using Koers.Web.Tests.Infrastructure;

namespace Koers.Web.Tests;

/// <summary>
/// Every page of every role, found by following links from the role's start page and by the page list in
/// docs/toegang.md: no link that answers 403, 404 or an error for the role that sees it, no code name of an enum on
/// screen, and in the portal no Dutch or English interface text outside the chosen language.
/// </summary>
public sealed partial class SchermscanTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    public static TheoryData<string, string> Rollen => new()
    {
        { "Klantregisseur", "sanne.devries@kempen.example" },
        { "Teamleider", "anouk.vandenberg@kempen.example" },
        { "Beleidsmedewerker", "beleid@kempen.example" },
        { "FunctioneelBeheerder", "beheer@kempen.example" },
        { "Auditor", "auditor@kempen.example" },
        { "Partner", "partner@taalschool.example" },
        { "Partner", "partner@vluchtelingenwerk.example" },
        { "Inburgeraar", "inburgeraar@demo.example" },
    };

    [Theory]
    [MemberData(nameof(Rollen))]
    public async Task Elke_pagina_van_de_rol_opent_elke_link_en_toont_geen_codenaam(string rol, string email)
    {
        var client = factory.ClientAls(email);
        var scan = new Schermscan(client);
        await scan.LoopAsync(["/", .. await StartpaginasAsync(rol, client)]);

        var fouten = new List<string>();
        foreach (var fout in scan.Fouten) fouten.Add(fout);
        // A route parameter stands for any one segment: an id (already '{id}' in the scan's patterns) or a name such
        // as the kind of letter in /beheer/brieven/{soort}.
        static bool Bereikt(string patroon, IEnumerable<string> gezien)
        {
            var regex = new Regex("^" + Regex.Escape(patroon).Replace(@"\{id}", "[^/]+", StringComparison.Ordinal) + "$");
            return gezien.Any(regex.IsMatch);
        }

        foreach (var patroon in PaginasVoor(rol).Where(p => !Bereikt(p, scan.Patronen) && !NietInDeDemo(email, p)))
        {
            fouten.Add($"{patroon}: staat voor {rol} in docs/toegang.md maar is niet bereikt (vul een id in StartpaginasAsync in)");
        }

        var namen = Schermscan.Codenamen();
        foreach (var pagina in scan.Paginas)
        {
            foreach (var (naam, tekst) in Schermscan.ZichtbareTeksten(pagina.Document).SelectMany(t => Schermscan.CodenamenIn(t, namen).Select(n => (n, t))).DistinctBy(x => x.n))
            {
                fouten.Add($"{pagina.Url}: toont de codenaam '{naam}' in \"{Kort(tekst)}\"");
            }
        }

        Assert.True(scan.Paginas.Count >= 3, $"{email}: maar {scan.Paginas.Count} pagina's bereikt");
        fouten = [.. fouten.Distinct()];
        Assert.True(fouten.Count == 0, $"{email} ({scan.Paginas.Count} pagina's, {scan.Links.Count} links):\n{string.Join("\n", fouten)}");
    }

    public static TheoryData<string> PortaalTalen => new(Talen.Lijst.Select(t => t.Code));

    [Theory]
    [MemberData(nameof(PortaalTalen))]
    public async Task Het_portaal_spreekt_alleen_de_gekozen_taal(string taal)
    {
        await PlanVoorDeDemoInburgeraarAsync();
        var client = factory.ClientAls("inburgeraar@demo.example");
        // The choice is remembered in a cookie; every page after it speaks the language without '?taal='.
        (await client.GetAsync($"/mijn?taal={taal}")).EnsureSuccessStatusCode();
        var scan = new Schermscan(client);
        await scan.LoopAsync(["/mijn", .. await StartpaginasAsync("Inburgeraar", client)]);
        var fouten = new List<string>();
        foreach (var fout in scan.Fouten) fouten.Add(fout);

        var paginas = scan.Paginas.ToList();
        // What the person meets when they go astray: a staff page (the sign-in cookie sends them to /geen-toegang), a
        // page that does not exist.
        foreach (var pad in new[] { "/geen-toegang", "/mijn/bestaat-niet" })
        {
            using var antwoord = await client.GetAsync(pad);
            paginas.Add(new GescandePagina(pad, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync())));
        }

        var vreemd = VreemdeTeksten(taal);
        foreach (var pagina in paginas)
        {
            if (pagina.Document.DocumentElement.GetAttribute("lang") != taal)
            {
                fouten.Add($"{pagina.Url}: <html lang=\"{pagina.Document.DocumentElement.GetAttribute("lang")}\">");
            }

            // User data (names, the plan the klantregisseur wrote, a partner's name) is marked as such: <bdi> or its own lang.
            bool Gebruikersgegevens(IElement e) =>
                e.LocalName == "bdi" || (e.GetAttribute("lang") is { Length: > 0 } l && l != taal);
            var teksten = Schermscan.ZichtbareTeksten(pagina.Document, Gebruikersgegevens).ToList();
            foreach (var tekst in teksten)
            {
                foreach (var v in vreemd.Where(v => tekst.Contains(v.Fragment, StringComparison.Ordinal)))
                {
                    fouten.Add($"{pagina.Url}: '{v.Fragment}' ({v.Taal}, {v.Sleutel}) in \"{Kort(tekst)}\"");
                }

                foreach (var (woorden, andereTaal) in Woordenlijsten(taal))
                {
                    var gevonden = Woord().Matches(tekst).Select(m => m.Value.ToLowerInvariant()).Where(woorden.Contains).Distinct().ToList();
                    if (gevonden.Count >= 2) fouten.Add($"{pagina.Url}: {andereTaal} ({string.Join(", ", gevonden)}) in \"{Kort(tekst)}\"");
                }
            }
        }

        Assert.True(scan.Paginas.Count >= 4, $"{taal}: maar {scan.Paginas.Count} pagina's bereikt");
        fouten = [.. fouten.Distinct()];
        Assert.True(fouten.Count == 0, $"portaal in '{taal}' ({scan.Paginas.Count} pagina's):\n{string.Join("\n", fouten)}");
    }

    private static IEnumerable<(HashSet<string>, string)> Woordenlijsten(string taal)
    {
        if (taal != "nl") yield return (NederlandseWoorden, "Nederlands");
        if (taal != "en") yield return (EngelseWoorden, "Engels");
    }

    private static readonly SemaphoreSlim PlanSlot = new(1, 1);

    /// <summary>
    /// The portal shows most of its text (the plan, letters, deadlines) only to a person with a PIP: when the demo
    /// person has no letter yet, they get a vastgesteld PIP through the API, once.
    /// </summary>
    private async Task PlanVoorDeDemoInburgeraarAsync()
    {
        await PlanSlot.WaitAsync();
        try
        {
            var id = factory.MetDatabase(db => db.Users.Where(u => u.Email == "inburgeraar@demo.example").Select(u => u.InburgeraarId).Single())!.Value;
            if (factory.MetDatabase(db => db.Beschikkingen.Any(b => b.InburgeraarId == id))) return;
            await Testdata.PipVaststellenAsync(factory.CreateClient(), id.ToString());
        }
        finally
        {
            PlanSlot.Release();
        }
    }

    private static string Kort(string tekst) => tekst.Length > 100 ? tekst[..100] + "…" : tekst;

    // Words that only Dutch (or only English) interface sentences carry; two in one text node is a sentence, not a name.
    private static readonly HashSet<string> NederlandseWoorden = ["het", "een", "uw", "niet", "voor", "wordt", "naar", "zijn", "kunt", "deze", "wij", "heeft", "gegevens", "geen"];
    private static readonly HashSet<string> EngelseWoorden = ["the", "your", "you", "and", "with", "this", "are", "please", "have", "not"];

    /// <summary>
    /// The portal's interface strings in Dutch and English (the four resource tables of the portal), each cut at its
    /// placeholders into fragments of at least two words or 12 letters. A fragment may appear only where the chosen
    /// language's own translation of some string carries it too (a name such as 'Wet inburgering 2021'); a string the
    /// chosen language left untranslated (the same text as the Dutch) does not count as its own.
    /// </summary>
    private static List<(string Fragment, string Taal, string Sleutel)> VreemdeTeksten(string taal)
    {
        var lijst = new List<(string, string, string)>();
        foreach (var andere in new[] { "nl", "en" }.Where(t => t != taal))
        {
            foreach (var tabel in Tabellen)
            {
                var bron = Lees(tabel, andere);
                var eigen = Lees(tabel, taal);
                var vertaald = eigen.Where(e => !bron.TryGetValue(e.Key, out var b) || b != e.Value).Select(e => e.Value).ToList();
                foreach (var (sleutel, waarde) in bron)
                {
                    foreach (var fragment in Placeholder().Split(waarde).Select(f => f.Trim()))
                    {
                        var letters = fragment.Count(char.IsLetter);
                        if (letters < 12 && !(letters >= 6 && fragment.Contains(' ', StringComparison.Ordinal))) continue;
                        if (vertaald.Any(e => e.Contains(fragment, StringComparison.Ordinal))) continue;
                        lijst.Add((fragment, andere, $"{Path.GetFileName(tabel)}:{sleutel}"));
                    }
                }
            }
        }

        return lijst;
    }

    private static readonly string[] Tabellen =
    [
        "src/Koers.Web/Features/Portaal/Resources/Portaal",
        "src/Koers.Web/Features/Participatie/Resources/PortaalVragen",
        "src/Koers.Web/Features/Berichten/Resources/Berichten",
        "src/Koers.Web/Features/Shared/Resources/Kop",
    ];

    private static Dictionary<string, string> Lees(string tabel, string taal)
    {
        var pad = Path.Combine(Koers.Web.Tests.Deploy.Repo.Root, tabel + (taal == "nl" ? "" : "." + taal) + ".resx");
        return XDocument.Load(pad).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "", StringComparer.Ordinal);
    }

    /// <summary>The pages docs/toegang.md lists for a role, as route patterns ('/inburgeraars/{id}/pip').</summary>
    private static List<string> PaginasVoor(string rol)
    {
        var regels = File.ReadAllLines(Path.Combine(Koers.Web.Tests.Deploy.Repo.Root, "docs", "toegang.md"));
        var paginas = new List<string>();
        foreach (var regel in regels)
        {
            var kolommen = regel.Split('|', StringSplitOptions.TrimEntries);
            if (kolommen.Length < 4 || kolommen[2] != "pagina") continue;
            var toegang = kolommen[3];
            if (toegang.StartsWith("anoniem", StringComparison.Ordinal)) continue;
            var rollen = toegang.Split(" (")[0].Split(", ");
            if (!toegang.StartsWith("ingelogd", StringComparison.Ordinal) && !rollen.Contains(rol)) continue;
            var pad = kolommen[1].Trim('`');
            // '/' only sends each role on; '{handler?}' is a POST handler of the same page.
            if (pad == "/") continue;
            pad = RouteParameter().Replace(pad.Replace("/{handler?}", "", StringComparison.Ordinal), "{id}");
            paginas.Add(pad);
        }

        return paginas;
    }

    /// <summary>
    /// Pages of docs/toegang.md that no link of the role's own pages leads to (a page reached from elsewhere, an id the
    /// demo data has no link for), filled from the demo data so the scan still renders them.
    /// </summary>
    private async Task<List<string>> StartpaginasAsync(string rol, HttpClient client)
    {
        switch (rol)
        {
            case "Klantregisseur" or "Teamleider":
                var dossier = factory.MetDatabase(db => db.Inburgeraars.Where(i => i.Gemeente!.Regio!.Naam.Contains("Kempen") && i.Leerroute != null)
                    .OrderBy(i => i.Id).Select(i => i.Id).First());
                var paginas = new List<string> { "/beheer/berichten", $"/inburgeraars/{dossier}/zaaksysteem" };
                // A dossier in every phase: what a page shows of a phase, route or status depends on the case.
                paginas.AddRange(factory.MetDatabase(db => db.Inburgeraars.Where(i => i.Gemeente!.Regio!.Naam.Contains("Kempen"))
                    .GroupBy(i => i.Fase).Select(g => g.OrderBy(i => i.Id).First().Id).ToList()).Select(id => $"/inburgeraars/{id}"));
                // The list behind a monitor figure, as a teamleider's monitor links to it (a klantregisseur gets it shared).
                var monitor = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await factory.ClientAls("anouk.vandenberg@kempen.example").GetStringAsync("/monitor"));
                paginas.Add(System.Net.WebUtility.HtmlDecode(monitor.QuerySelector("a[href^='/monitor/dossiers?']")!.GetAttribute("href")!));
                if (await BetaalrunAsync() is { } run) paginas.Add($"/beheer/ontzorgen/betaalruns/{run}");
                return paginas;
            case "Inburgeraar":
                return ["/account", "/mijn/berichten", "/mijn/participatie", "/mijn/geld"];
            default:
                return [];
        }
    }

    /// <summary>
    /// Pages the demo data gives a role no instance of. Each is rendered elsewhere: the payment run in
    /// KlantreisBrowserTests (made there through the screens); the VluchtelingenWerk partner reports no hours, so it has
    /// no /partner/rapportage/{id} (the language school's scan covers that page).
    /// </summary>
    private static bool NietInDeDemo(string email, string patroon) => (email, patroon) switch
    {
        (_, "/beheer/ontzorgen/betaalruns/{id}") => true,
        ("partner@vluchtelingenwerk.example", "/partner/rapportage/{id}") => true,
        // A handhaving or ontzorgen letter (a PDF, no page): the demo person has none; PortaalBrievenTests and
        // OntzorgenBesluitBriefTests open it from the portal.
        ("inburgeraar@demo.example", "/mijn/brieven/{id}") => true,
        _ => false,
    };

    /// <summary>A payment run, when another test in this class's database made one.</summary>
    private Task<Guid?> BetaalrunAsync() =>
        Task.FromResult(factory.MetDatabase(db => db.Set<Koers.Data.Model.Ontzorgen.Betaalrun>().Select(r => (Guid?)r.Id).FirstOrDefault()));

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Woord();
}
