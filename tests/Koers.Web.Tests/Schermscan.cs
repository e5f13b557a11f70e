using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Koers.Web.Tests;

/// <summary>One page a role opened during a <see cref="Schermscan"/>.</summary>
public sealed record GescandePagina(string Url, IHtmlDocument Document);

/// <summary>
/// Walks the pages a role can reach: breadth first from its start pages, following every same-origin link it sees
/// (GET only), with at most a few pages per route pattern (one dossier stands for all), and checks that every link it
/// saw opens for that role. What it finds is the raw material of <see cref="SchermscanTests"/>.
/// </summary>
public sealed partial class Schermscan(HttpClient client, int perPatroon = 2, int linksPerPatroon = 12, int maxPaginas = 400)
{
    private static readonly HtmlParser Parser = new();

    public List<GescandePagina> Paginas { get; } = [];

    /// <summary>Every link seen (path and query), with the first page it was seen on.</summary>
    public Dictionary<string, string> Links { get; } = new(StringComparer.Ordinal);

    /// <summary>The route patterns opened ('/inburgeraars/{id}/pip'), to compare with docs/toegang.md.</summary>
    public HashSet<string> Patronen { get; } = new(StringComparer.Ordinal);

    public List<string> Fouten { get; } = [];

    private readonly Dictionary<string, int> _perPatroon = new(StringComparer.Ordinal);
    private readonly HashSet<string> _gezien = new(StringComparer.Ordinal);

    /// <summary>A path with its ids replaced ('/inburgeraars/{id}/pip') and its query keys without values.</summary>
    public static string Patroon(string url)
    {
        var (pad, query) = url.IndexOf('?', StringComparison.Ordinal) is var i and >= 0 ? (url[..i], url[(i + 1)..]) : (url, "");
        pad = IdSegment().Replace(pad, "/{id}");
        var sleutels = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(d => d.Split('=')[0]).Distinct().Order(StringComparer.Ordinal);
        return query.Length == 0 ? pad : pad + "?" + string.Join('&', sleutels);
    }

    /// <summary>Links that are not a page to read: leaving, downloads, files. Their status is still checked.</summary>
    private static bool IsGeenPagina(string url, IElement? a) =>
        a?.HasAttribute("download") == true
        || GeenPagina().IsMatch(url);

    public async Task LoopAsync(IEnumerable<string> start)
    {
        var rij = new Queue<string>(start);
        // The start pages are opened whatever the cap per pattern: they are chosen (one dossier per phase, say).
        var verplicht = rij.ToHashSet(StringComparer.Ordinal);
        foreach (var s in rij) _gezien.Add(s);
        var geenPagina = new HashSet<string>(StringComparer.Ordinal);
        while (rij.Count > 0 && Paginas.Count < maxPaginas)
        {
            var url = rij.Dequeue();
            var patroon = Patroon(url);
            if (_perPatroon.GetValueOrDefault(patroon) >= perPatroon && !verplicht.Contains(url)) continue;
            _perPatroon[patroon] = _perPatroon.GetValueOrDefault(patroon) + 1;

            using var antwoord = await client.GetAsync(url);
            var eind = antwoord.RequestMessage!.RequestUri!.PathAndQuery;
            if (Fout(antwoord) is { } fout)
            {
                Fouten.Add($"{url}: {fout}");
                continue;
            }

            if (antwoord.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var doc = Parser.ParseDocument(await antwoord.Content.ReadAsStringAsync());
            Paginas.Add(new GescandePagina(eind, doc));
            // A page that sends the role on (/account for the inburgeraar goes to the portal) was opened too.
            Patronen.Add(Patroon(eind).Split('?')[0]);
            Patronen.Add(patroon.Split('?')[0]);
            foreach (var a in doc.QuerySelectorAll("a[href]"))
            {
                if (Intern(a.GetAttribute("href")!) is not { } link) continue;
                Links.TryAdd(link, url);
                if (IsGeenPagina(link, a))
                {
                    geenPagina.Add(link);
                    continue;
                }

                if (_gezien.Add(link)) rij.Enqueue(link);
            }
        }

        // The links seen, also those past the crawl's cap per pattern (one dossier of another region in a list is the dead
        // end), up to linksPerPatroon per pattern in the order they were seen, which keeps the scan of a teamleider's 60
        // dossiers and monitor figures within seconds.
        var geopend = Paginas.Select(p => p.Url).ToHashSet(StringComparer.Ordinal);
        var teControleren = Links.Where(l => !geopend.Contains(l.Key)).GroupBy(l => Patroon(l.Key)).SelectMany(g => g.Take(linksPerPatroon)).ToList();
        var uitkomsten = new System.Collections.Concurrent.ConcurrentBag<(string Link, string Op, string? Fout)>();
        await Parallel.ForEachAsync(teControleren, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (l, ct) =>
        {
            using var antwoord = await client.GetAsync(l.Key, HttpCompletionOption.ResponseHeadersRead, ct);
            uitkomsten.Add((l.Key, l.Value, Fout(antwoord)));
        });
        foreach (var (link, op, fout) in uitkomsten.OrderBy(u => u.Link, StringComparer.Ordinal))
        {
            if (fout is not null) Fouten.Add($"de link {link} op {op}: {fout}");
            else Patronen.Add(Patroon(link).Split('?')[0]);
        }
    }

    /// <summary>What is wrong with an answer for the role that followed the link, or null.</summary>
    private static string? Fout(HttpResponseMessage antwoord)
    {
        var eind = antwoord.RequestMessage!.RequestUri!.AbsolutePath;
        if ((int)antwoord.StatusCode >= 400) return $"{(int)antwoord.StatusCode} {antwoord.StatusCode} ({eind})";
        if (eind is "/geen-toegang" or "/niet-gevonden" or "/fout" || eind.StartsWith("/inloggen", StringComparison.Ordinal))
        {
            return $"eindigt op {eind}";
        }

        return null;
    }

    /// <summary>A same-origin link as path and query, or null for other sites, mailto:, anchors, logout and the API.</summary>
    private static string? Intern(string href)
    {
        href = href.Split('#')[0];
        if (href.Length == 0 || !href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal)) return null;
        if (href.StartsWith("/uitloggen", StringComparison.Ordinal)) return null;
        return WebUtility.HtmlDecode(href);
    }

    /// <summary>
    /// The text a reader sees or hears: text nodes (not script, style or template), and the title, aria-label, alt
    /// and placeholder attributes; one string per node, so words of neighbouring elements never melt together.
    /// </summary>
    public static IEnumerable<string> ZichtbareTeksten(IHtmlDocument doc, Func<IElement, bool>? overslaan = null)
    {
        foreach (var knoop in doc.Body!.GetDescendants())
        {
            if (knoop is IText tekst)
            {
                var ouder = tekst.ParentElement;
                if (ouder is null || ouder.Closest("script, style, template, noscript") is not null) continue;
                if (overslaan is not null && Voorouders(ouder).Any(overslaan)) continue;
                if (tekst.Data.Trim() is { Length: > 0 } t) yield return t;
            }
            else if (knoop is IElement e && (overslaan is null || !Voorouders(e).Any(overslaan)))
            {
                foreach (var attribuut in new[] { "title", "aria-label", "alt", "placeholder" })
                {
                    if (e.GetAttribute(attribuut) is { Length: > 0 } waarde) yield return waarde;
                }

                if (e is IHtmlInputElement { Type: "submit" or "button" } knop && knop.Value.Length > 0) yield return knop.Value;
            }
        }
    }

    private static IEnumerable<IElement> Voorouders(IElement e)
    {
        // Up to the body: <html lang> is the page's language, not a marked part.
        for (var n = e; n is not null && n.LocalName != "html"; n = n.ParentElement) yield return n;
    }

    /// <summary>
    /// Enum member names of the domain and data model that are code, not words: written together with an inner
    /// capital or a digit (PipVastgesteld, B1Route, ZRoute, OntzorgenEinde), or an abbreviation in code casing whose
    /// label is written in capitals (Knm for KNM, Pvt for PVT). 'Intake', 'Gevestigd' or 'Taal' are words and allowed.
    /// </summary>
    public static IReadOnlySet<string> Codenamen()
    {
        var assemblies = new[] { typeof(Koers.Domain.Dossier.Fase).Assembly, typeof(Koers.Data.KoersDbContext).Assembly };
        var namen = assemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsEnum).SelectMany(Enum.GetNames)
            .Where(n => CodeVorm().IsMatch(n) || Afkortingen.Contains(n))
            .Except(Toegestaan, StringComparer.Ordinal);
        return namen.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Abbreviations whose label is written in capitals: the enum spelling on screen is a code name.</summary>
    private static readonly HashSet<string> Afkortingen = new(StringComparer.Ordinal) { "Knm", "Pvt", "Map", "Ggz", "Nvt", "Bsn", "Duo" };

    /// <summary>Enum names that are also ordinary text on a page.</summary>
    private static readonly string[] Toegestaan = [];

    /// <summary>The code names found in a text, whole words, case-sensitive.</summary>
    public static IEnumerable<string> CodenamenIn(string tekst, IReadOnlySet<string> namen) =>
        Woord().Matches(tekst).Select(m => m.Value).Where(namen.Contains).Distinct();

    [GeneratedRegex("/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9]+)(?=/|$)")]
    private static partial Regex IdSegment();

    [GeneratedRegex(@"(?:\.(?:csv|pdf|zip|json|xml|svg|png|ico)$)|/export|/download|/brief(?:$|\?)|/pdf(?:$|\?)|/openapi/", RegexOptions.IgnoreCase)]
    private static partial Regex GeenPagina();

    [GeneratedRegex("[a-z0-9][A-Z]|^[A-Z]{2}[a-z]")]
    private static partial Regex CodeVorm();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Woord();
}
