using System.Globalization;
using Koers.Domain.Monitor;

namespace Koers.Web.Features.Monitor;

/// <summary>
/// The grant amounts per year (section Koers:Budget). Defaults are in Features/Monitor/budget.json; any key in
/// the app configuration (appsettings, environment, e.g. Koers__Budget__Jaren__2027__Bedragen__Map__Asielmigrant)
/// overrides the key of the same name there.
/// </summary>
public sealed class BudgetInstellingen
{
    /// <summary>Amounts per year; a year without an entry uses the nearest earlier configured year.</summary>
    public Dictionary<string, BudgetJaarInstelling> Jaren { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>First year with performance-based funding (Dongemond, regels 1558-1566: from 2026).</summary>
    public int PrestatieVanaf { get; set; } = 2026;

    /// <summary>Whose results count: the year t minus this many years (t-2).</summary>
    public int PrestatieTerugJaren { get; set; } = 2;

    /// <summary>Surplus carried over from the previous year (meeneemregeling), per year and per municipality code.</summary>
    public Dictionary<string, Dictionary<string, decimal>> Meegenomen { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The grant rules of a year, or null when no year at or before it is configured.</summary>
    public UitkeringsRegels? Regels(int jaar)
    {
        var beschikbaar = Jaren
            .Select(j => (Ok: int.TryParse(j.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var n), Jaar: n, Instelling: j.Value))
            .Where(j => j.Ok && j.Jaar <= jaar)
            .OrderByDescending(j => j.Jaar)
            .FirstOrDefault();
        if (beschikbaar.Instelling is null) return null;

        var bedragen = beschikbaar.Instelling.Bedragen
            .Select(b => (Ok: Enum.TryParse<Budgetcomponent>(b.Key, ignoreCase: true, out var c), Component: c, b.Value))
            .Where(b => b.Ok)
            .Select(b => new ComponentBedrag(b.Component, b.Value.Asielmigrant, b.Value.Gezinsmigrant))
            .ToList();
        return new UitkeringsRegels
        {
            Jaar = beschikbaar.Jaar,
            Bedragen = bedragen,
            Prestatieaandeel = beschikbaar.Instelling.Prestatieaandeel,
            PrestatieVanaf = PrestatieVanaf,
            PrestatieTerugJaren = PrestatieTerugJaren,
            Bron = beschikbaar.Instelling.Bron,
        };
    }

    public decimal MeegenomenVoor(int jaar, IEnumerable<string> gemeenteCodes)
    {
        if (!Meegenomen.TryGetValue(jaar.ToString(CultureInfo.InvariantCulture), out var perGemeente)) return 0;
        var lookup = new Dictionary<string, decimal>(perGemeente, StringComparer.OrdinalIgnoreCase);
        return gemeenteCodes.Sum(code => lookup.GetValueOrDefault(code));
    }
}

public sealed class BudgetJaarInstelling
{
    /// <summary>Per component name (Leerroutes, Map, MaatschappelijkeBegeleiding, Pvt, Tolkvoorziening).</summary>
    public Dictionary<string, BedragInstelling> Bedragen { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The performance-based share of the grant from <see cref="BudgetInstellingen.PrestatieVanaf"/> (0.10).</summary>
    public decimal Prestatieaandeel { get; set; }

    public string? Bron { get; set; }
}

public sealed class BedragInstelling
{
    public decimal Asielmigrant { get; set; }
    public decimal Gezinsmigrant { get; set; }
}

/// <summary>Monitor settings (section Koers:Monitor): taakstelling per municipality per half-year and norms.</summary>
public sealed class MonitorInstellingen
{
    /// <summary>Per municipality code, per half-year ("2026-1", "2026-2"): the number of statushouders to house.</summary>
    public Dictionary<string, Dictionary<string, int>> Taakstelling { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where the taakstelling figures come from, shown under the chart (e.g. "demowaarden").</summary>
    public string? TaakstellingBron { get; set; }

    /// <summary>Cases per klantregisseur the organisation plans with (Kempen, regels 1323-1325: 40).</summary>
    public int CaseloadNorm { get; set; } = 40;

    /// <summary>
    /// Counts from 1 to Grens-1 are hidden for policy staff (primary suppression). CBS uses 5 for most tables of people;
    /// a municipality may set a stricter threshold (<see cref="GrensPerGemeente"/>).
    /// </summary>
    public int Grens { get; set; } = KleineAantallen.Grens;

    /// <summary>
    /// How long the protected figures of a family (a region and its municipalities, one year) are kept, in seconds:
    /// a view with small counts hidden builds every member's view and those of four earlier years, which takes seconds
    /// at national scale. The figures are then up to this old; 0 computes them for every request.
    /// </summary>
    public int FamilieBewaarSeconden { get; set; } = 120;

    /// <summary>Per municipality code a stricter threshold (Koers:Monitor:GrensPerGemeente:GM1724 = 10).</summary>
    public Dictionary<string, int> GrensPerGemeente { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The threshold for a selection: the strictest of its municipalities, because a figure over several of them can
    /// still be about one person of the strictest.
    /// </summary>
    public int GrensVoor(IEnumerable<string> gemeenteCodes)
    {
        var lookup = new Dictionary<string, int>(GrensPerGemeente, StringComparer.OrdinalIgnoreCase);
        return gemeenteCodes.Select(code => lookup.GetValueOrDefault(code, Grens)).Append(Grens).Max();
    }

    public IReadOnlyDictionary<Halfjaar, int> TaakstellingVoor(string gemeenteCode)
    {
        var lookup = new Dictionary<string, Dictionary<string, int>>(Taakstelling, StringComparer.OrdinalIgnoreCase);
        var uitkomst = new Dictionary<Halfjaar, int>();
        if (!lookup.TryGetValue(gemeenteCode, out var perHalfjaar)) return uitkomst;
        foreach (var (sleutel, aantal) in perHalfjaar)
        {
            if (Halfjaar.TryParse(sleutel, out var halfjaar)) uitkomst[halfjaar] = aantal;
        }

        return uitkomst;
    }
}

public static class MonitorRegistratie
{
    public const string BudgetBestand = "Features/Monitor/budget.json";

    /// <summary>Registers the monitor: settings from budget.json overlaid by the app configuration, queries and policy.</summary>
    public static IServiceCollection AddMonitor(this IServiceCollection services)
    {
        services.AddOptions<BudgetInstellingen>().Configure<IConfiguration, IWebHostEnvironment>((o, config, env) =>
        {
            Standaard(env).GetSection("Koers:Budget").Bind(o);
            config.GetSection("Koers:Budget").Bind(o);
        });
        services.AddOptions<MonitorInstellingen>().Configure<IConfiguration, IWebHostEnvironment>((o, config, env) =>
        {
            Standaard(env).GetSection("Koers:Monitor").Bind(o);
            config.GetSection("Koers:Monitor").Bind(o);
        });
        services.AddScoped<KleineAantallenBeleid>();
        services.AddScoped<MonitorQuery>();
        services.AddScoped<MonitorOverzichtBouwer>();
        services.AddScoped<MonitorDoorklik>();
        services.AddScoped<MonitorLezer>();
        return services;
    }

    private static IConfiguration Standaard(IWebHostEnvironment env) =>
        new ConfigurationBuilder()
            .SetBasePath(env.ContentRootPath)
            .AddJsonFile(BudgetBestand, optional: true, reloadOnChange: false)
            .Build();
}
