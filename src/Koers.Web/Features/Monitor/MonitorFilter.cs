using System.Globalization;
using System.Security.Claims;
using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Domain.Monitor;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Koers.Web.Features.Monitor;

/// <summary>
/// The monitor's query string, the same for the screens and the API: where (gemeente or regio), who
/// (klantregisseur, doelgroep), when (a year, quarter or month, or van/tot) and whether to hide small counts.
/// </summary>
public sealed class MonitorVraag
{
    /// <summary>CBS municipality code, e.g. GM1724.</summary>
    [FromQuery(Name = "gemeente")] public string? Gemeente { get; set; }
    [FromQuery(Name = "regio")] public int? Regio { get; set; }
    [FromQuery(Name = "klantregisseur")] public int? Klantregisseur { get; set; }
    [FromQuery(Name = "doelgroep")] public string? Doelgroep { get; set; }

    /// <summary>jaar (default), kwartaal or maand; van and tot together give any range of days.</summary>
    [FromQuery(Name = "periode")] public string? Periode { get; set; }
    [FromQuery(Name = "jaar")] public int? Jaar { get; set; }
    [FromQuery(Name = "kwartaal")] public int? Kwartaal { get; set; }
    [FromQuery(Name = "maand")] public int? Maand { get; set; }
    [FromQuery(Name = "van")] public DateOnly? Van { get; set; }
    [FromQuery(Name = "tot")] public DateOnly? Tot { get; set; }

    /// <summary>Hide counts of 1 to 4 as "&lt;5" (default on).</summary>
    [FromQuery(Name = "verbergKleineAantallen")] public bool? VerbergKleineAantallen { get; set; }
}

public sealed record MonitorFilter
{
    public string? GemeenteCode { get; init; }
    public int? RegioId { get; init; }
    public int? KlantregisseurId { get; init; }
    public Doelgroep? Doelgroep { get; init; }
    public required Periode Periode { get; init; }
    public bool VerbergKleineAantallen { get; init; } = true;

    /// <summary>Whether figures link to the names behind them: only for users who work with case files.</summary>
    public bool MetDoorklik { get; init; } = true;

    /// <summary>
    /// The municipalities whose cases the user may see figures of (their region), set by <see cref="MonitorLezer"/> and
    /// applied to every figure, table, export and drill-down whatever else the filter says. Empty: nothing.
    /// </summary>
    public IReadOnlyList<int> Bereik { get; init; } = [];

    /// <summary>
    /// Reads and checks a request. Errors are per field in Dutch; on errors the filter is null.
    /// </summary>
    /// <param name="alleenJaren">For a user who can never see small counts: only a whole calendar year for all doelgroepen (see <see cref="WeigerVerschilweergaven"/>).</param>
    public static MonitorFilter? Lees(MonitorVraag vraag, DateOnly vandaag, bool verberg, Dictionary<string, string[]> fouten, bool alleenJaren = false)
    {
        ArgumentNullException.ThrowIfNull(vraag);
        Keuze.TryLees<Doelgroep>(vraag.Doelgroep, "doelgroep", fouten, out var doelgroep, d => d.Omschrijving(), metCodes: true);
        var periode = LeesPeriode(vraag, vandaag, fouten);
        var code = string.IsNullOrWhiteSpace(vraag.Gemeente) ? null : vraag.Gemeente.Trim().ToUpperInvariant();
        if (code is { Length: > 6 }) fouten["gemeente"] = ["Een gemeentecode is GM gevolgd door vier cijfers, bijvoorbeeld GM1724."];
        if (verberg) WeigerVerschilweergaven(vraag, periode, fouten, alleenJaren);
        if (fouten.Count > 0 || periode is null) return null;
        return new MonitorFilter
        {
            GemeenteCode = code,
            RegioId = vraag.Regio,
            KlantregisseurId = vraag.Klantregisseur,
            Doelgroep = doelgroep,
            Periode = periode,
            VerbergKleineAantallen = verberg,
        };
    }

    /// <summary>
    /// With small counts hidden, views that differ from an offered view by a few cases are refused (issue #24): a
    /// klantregisseur (all minus the others leaves one caseload) and a free range of days (a year minus 1 January–30
    /// December leaves one day). For a user who can never see small counts (<paramref name="alleenJaren"/>, the
    /// beleidsmedewerker) only the views whose suppression is decided together are offered: a region and each of its
    /// municipalities for one calendar year (one family in <see cref="MonitorOverzichtBouwer"/>); a quarter, a month, an
    /// own period (the year minus the rest) and a doelgroep (all minus the other doelgroepen) are refused. The year view
    /// holds the inflow per month and tables split by doelgroep, so those figures stay available. Whoever may show
    /// small counts can see every count anyway; for them hiding is a way to read a table without the small numbers.
    /// </summary>
    public static void WeigerVerschilweergaven(MonitorVraag vraag, Periode? periode, Dictionary<string, string[]> fouten, bool alleenJaren = false)
    {
        ArgumentNullException.ThrowIfNull(vraag);
        ArgumentNullException.ThrowIfNull(fouten);
        if (vraag.Klantregisseur is not null && !fouten.ContainsKey("klantregisseur"))
        {
            fouten["klantregisseur"] = ["Met verborgen kleine aantallen kan de monitor niet per klantregisseur tellen: uit het verschil met alle klantregisseurs samen zijn kleine aantallen af te leiden. "
                + "Kies 'Alle klantregisseurs'. Wie met de dossiers werkt, kan bij 'Kleine aantallen' voor 'Tonen' kiezen."];
        }

        if (periode is { Soort: PeriodeSoort.Eigen, HeleMaanden: false } && !alleenJaren && !fouten.ContainsKey("van"))
        {
            fouten["van"] = ["Met verborgen kleine aantallen kan een eigen periode alleen uit hele maanden bestaan: 'van' op de eerste dag van een maand en 'tot en met' op de laatste dag van een maand. "
                + "Met losse dagen zijn kleine aantallen af te leiden uit het verschil met een maand of jaar."];
        }

        if (!alleenJaren) return;
        if (!string.IsNullOrWhiteSpace(vraag.Doelgroep) && !fouten.ContainsKey("doelgroep"))
        {
            fouten["doelgroep"] = ["De monitor telt hier alle doelgroepen samen: uit het verschil met het totaal zouden kleine aantallen per doelgroep af te leiden zijn. "
                + "Kies 'Alle doelgroepen'; de tabellen splitsen zelf al naar doelgroep (instroom, leerroutes)."];
        }

        if (periode is { Soort: not PeriodeSoort.Jaar })
        {
            var veld = periode.Soort == PeriodeSoort.Eigen || vraag.Van is not null || vraag.Tot is not null ? "van" : "periode";
            if (!fouten.ContainsKey(veld))
            {
                fouten[veld] = ["De monitor toont hier hele kalenderjaren: naast het jaar zou een kwartaal, maand of eigen periode kleine aantallen prijsgeven (het jaar min de rest). "
                    + "Kies een jaar; de instroom per maand staat in de jaarweergave."];
            }
        }
    }

    /// <summary>
    /// The participation monitor's leerroute filter, for a user who never sees small counts: refused like a doelgroep
    /// (all routes minus the other routes would give one away).
    /// </summary>
    public static void WeigerLeerroute(string? leerroute, bool alleenJaren, Dictionary<string, string[]> fouten)
    {
        ArgumentNullException.ThrowIfNull(fouten);
        if (alleenJaren && !string.IsNullOrWhiteSpace(leerroute) && !fouten.ContainsKey("leerroute"))
        {
            fouten["leerroute"] = ["De monitor telt hier alle leerroutes samen: uit het verschil met het totaal zouden kleine aantallen per leerroute af te leiden zijn. Kies 'Alle'."];
        }
    }

    private static Periode? LeesPeriode(MonitorVraag v, DateOnly vandaag, Dictionary<string, string[]> fouten)
    {
        if (v.Van is not null || v.Tot is not null)
        {
            if (v.Van is not { } van || v.Tot is not { } tot)
            {
                fouten[v.Van is null ? "van" : "tot"] = ["Geef bij een eigen periode zowel 'van' als 'tot' op."];
                return null;
            }

            if (tot < van)
            {
                fouten["tot"] = ["'Tot' ligt vóór 'van'."];
                return null;
            }

            if (tot.DayNumber - van.DayNumber > 366 * 10)
            {
                fouten["tot"] = ["Kies een periode van hoogstens tien jaar."];
                return null;
            }

            return Domain.Monitor.Periode.Eigen(van, tot);
        }

        var jaar = v.Jaar ?? vandaag.Year;
        if (jaar is < 2000 or > 2100)
        {
            fouten["jaar"] = ["Kies een jaar tussen 2000 en 2100."];
            return null;
        }

        switch (v.Periode?.Trim().ToLowerInvariant())
        {
            case null or "" or "jaar":
                return Domain.Monitor.Periode.Jaar(jaar);
            case "kwartaal":
                var kwartaal = v.Kwartaal ?? (vandaag.Month + 2) / 3;
                if (kwartaal is < 1 or > 4)
                {
                    fouten["kwartaal"] = ["Een kwartaal is 1, 2, 3 of 4."];
                    return null;
                }

                return Domain.Monitor.Periode.Kwartaal(jaar, kwartaal);
            case "maand":
                var maand = v.Maand ?? vandaag.Month;
                if (maand is < 1 or > 12)
                {
                    fouten["maand"] = ["Een maand is 1 tot en met 12."];
                    return null;
                }

                return Domain.Monitor.Periode.Maand(jaar, maand);
            default:
                fouten["periode"] = [$"Onbekende periode '{v.Periode}'. Kies uit: jaar, kwartaal, maand (of geef van en tot)."];
                return null;
        }
    }

    /// <summary>The query string of this filter, so links keep it (and a drill-down can narrow it).</summary>
    public Dictionary<string, string?> AlsQuery()
    {
        var q = new Dictionary<string, string?>
        {
            ["gemeente"] = GemeenteCode,
            ["regio"] = RegioId?.ToString(CultureInfo.InvariantCulture),
            ["klantregisseur"] = KlantregisseurId?.ToString(CultureInfo.InvariantCulture),
            ["doelgroep"] = Doelgroep?.ToString(),
        };
        switch (Periode.Soort)
        {
            case PeriodeSoort.Jaar:
                q["jaar"] = Periode.Van.Year.ToString(CultureInfo.InvariantCulture);
                break;
            case PeriodeSoort.Kwartaal:
                q["periode"] = "kwartaal";
                q["jaar"] = Periode.Van.Year.ToString(CultureInfo.InvariantCulture);
                q["kwartaal"] = ((Periode.Van.Month + 2) / 3).ToString(CultureInfo.InvariantCulture);
                break;
            case PeriodeSoort.Maand:
                q["periode"] = "maand";
                q["jaar"] = Periode.Van.Year.ToString(CultureInfo.InvariantCulture);
                q["maand"] = Periode.Van.Month.ToString(CultureInfo.InvariantCulture);
                break;
            default:
                q["van"] = Periode.Van.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                q["tot"] = Periode.Tot.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
        }

        if (!VerbergKleineAantallen) q["verbergKleineAantallen"] = "false";
        return q.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    public string Url(string pad, IDictionary<string, string?>? extra = null)
    {
        var q = AlsQuery();
        if (extra is not null)
        {
            foreach (var (k, v) in extra) q[k] = v;
        }

        return QueryHelpers.AddQueryString(pad, q.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}

/// <summary>
/// Decides whether small counts are hidden for the current user: on by default, and only users who work with case
/// files (klantregisseur, teamleider) may switch it off with verbergKleineAantallen=false — and then only for a selection
/// of municipalities whose cases they may open themselves (<see cref="MonitorLezer"/> checks that part). Policy staff
/// always see "&lt;5". A different rule (another role, a setting) plugs in at <see cref="MagKleineAantallenZien"/>.
/// </summary>
public sealed class KleineAantallenBeleid(IHttpContextAccessor accessor)
{
    public bool Verberg(bool? gevraagd) => !(gevraagd == false && MagKleineAantallenZien(Gebruiker));

    /// <summary>Whether the user may open the list of names behind a figure (the drill-down).</summary>
    public bool MagDoorklikken => WerktMetDossiers(Gebruiker);

    /// <summary>Who may see counts under 5: those who may see the cases themselves.</summary>
    public static bool MagKleineAantallenZien(ClaimsPrincipal gebruiker) => WerktMetDossiers(gebruiker);

    private static bool WerktMetDossiers(ClaimsPrincipal gebruiker) => Rollen.Dossierrollen.Any(gebruiker.IsInRole);

    private ClaimsPrincipal Gebruiker => accessor.HttpContext?.User ?? new ClaimsPrincipal();
}
