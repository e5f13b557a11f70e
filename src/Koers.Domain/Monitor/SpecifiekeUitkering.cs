using Koers.Domain.Dossier;
using Koers.Domain.Sources;

namespace Koers.Domain.Monitor;

/// <summary>The cost components the specific grant (SPUK) for inburgeringsvoorzieningen pays for.</summary>
public enum Budgetcomponent
{
    Leerroutes,
    Map,
    MaatschappelijkeBegeleiding,
    Pvt,
    Tolkvoorziening,
}

/// <summary>Which column of the grant table a person counts in: the source has amounts per asielmigrant and per gezinsmigrant.</summary>
public enum Uitkeringsgroep
{
    Asielmigrant,
    Gezinsmigrant,
}

/// <summary>The average amount per person for one component in one year (source: Dongemond, regels 1509-1528).</summary>
public sealed record ComponentBedrag(Budgetcomponent Component, decimal PerAsielmigrant, decimal PerGezinsmigrant);

/// <summary>The grant rules of one year: amounts per component and the performance-based share.</summary>
public sealed record UitkeringsRegels
{
    public required int Jaar { get; init; }
    public required IReadOnlyList<ComponentBedrag> Bedragen { get; init; }

    /// <summary>The share of the grant that depends on results (0.10 from 2026).</summary>
    public decimal Prestatieaandeel { get; init; }

    /// <summary>First year the performance-based share applies.</summary>
    public int PrestatieVanaf { get; init; } = 2026;

    /// <summary>The results of which year count: t-2.</summary>
    public int PrestatieTerugJaren { get; init; } = 2;

    public string? Bron { get; init; }
}

public sealed record ComponentRaming(Budgetcomponent Component, decimal PerAsielmigrant, decimal PerGezinsmigrant, decimal Asielmigranten, decimal Gezinsmigranten)
{
    public decimal Totaal => Asielmigranten + Gezinsmigranten;
}

/// <summary>
/// Koers' estimate of the grant of one year. Prestatie: <see cref="PrestatieMaximaal"/> is the share at stake,
/// <see cref="PrestatieVerwacht"/> that share times the result of year t-2 (null when t-2 had no cases).
/// </summary>
public sealed record Uitkeringsraming(
    int Jaar,
    int Asielmigranten,
    int Gezinsmigranten,
    IReadOnlyList<ComponentRaming> PerComponent,
    decimal Basis,
    bool PrestatieVanToepassing,
    decimal VastDeel,
    decimal PrestatieMaximaal,
    int? PrestatieJaar,
    int PrestatieCohort,
    int PrestatieVoldaan,
    decimal? PrestatieResultaat,
    decimal? PrestatieVerwacht,
    decimal Meegenomen)
{
    /// <summary>The expected grant: the fixed part plus the expected performance part (zero when unknown).</summary>
    public decimal VerwachteUitkering => VastDeel + (PrestatieVerwacht ?? 0);

    /// <summary>What the municipality can spend this year: the expected grant plus the surplus carried over.</summary>
    public decimal Beschikbaar => VerwachteUitkering + Meegenomen;
}

/// <summary>
/// Koers' model of the specific grant for inburgeringsvoorzieningen. The amounts per person are averages from
/// the Dongemond policy framework; the performance rule is Koers' reading of "10% … prestatie over t-2":
/// 10% of the year's grant times the share of the cases that started in year t-2 and met the inburgeringsplicht
/// within their term. The Rijk's real formula is not in the sources, so the screens call this a model.
/// </summary>
public static class SpecifiekeUitkering
{
    public static Uitkeringsgroep? Groep(Doelgroep doelgroep) => doelgroep switch
    {
        Doelgroep.Asielstatushouder or Doelgroep.Nareiziger => Uitkeringsgroep.Asielmigrant,
        Doelgroep.Gezinsmigrant => Uitkeringsgroep.Gezinsmigrant,
        // Overige migranten, the Wi2013 group and exempted people have no amount in the source.
        _ => null,
    };

    public static Uitkeringsraming Bereken(UitkeringsRegels regels, int jaar, int asielmigranten, int gezinsmigranten,
        int prestatieCohort, int prestatieVoldaan, decimal meegenomen)
    {
        ArgumentNullException.ThrowIfNull(regels);
        ArgumentOutOfRangeException.ThrowIfNegative(asielmigranten);
        ArgumentOutOfRangeException.ThrowIfNegative(gezinsmigranten);
        ArgumentOutOfRangeException.ThrowIfNegative(prestatieCohort);
        if (prestatieVoldaan < 0 || prestatieVoldaan > prestatieCohort)
        {
            throw new ArgumentOutOfRangeException(nameof(prestatieVoldaan), "Het aantal geslaagden ligt tussen 0 en het cohort.");
        }

        var perComponent = Enum.GetValues<Budgetcomponent>()
            .Select(c => regels.Bedragen.FirstOrDefault(b => b.Component == c) ?? new ComponentBedrag(c, 0, 0))
            .Select(b => new ComponentRaming(b.Component, b.PerAsielmigrant, b.PerGezinsmigrant,
                b.PerAsielmigrant * asielmigranten, b.PerGezinsmigrant * gezinsmigranten))
            .ToList();
        var basis = perComponent.Sum(c => c.Totaal);

        var prestatie = jaar >= regels.PrestatieVanaf && regels.Prestatieaandeel > 0;
        if (!prestatie)
        {
            return new Uitkeringsraming(jaar, asielmigranten, gezinsmigranten, perComponent, basis, false, basis, 0, null, 0, 0, null, null, meegenomen);
        }

        var maximaal = Rond(basis * regels.Prestatieaandeel);
        decimal? resultaat = prestatieCohort == 0 ? null : prestatieVoldaan / (decimal)prestatieCohort;
        decimal? verwacht = resultaat is { } r ? Rond(maximaal * r) : null;
        return new Uitkeringsraming(jaar, asielmigranten, gezinsmigranten, perComponent, basis, true, basis - maximaal, maximaal,
            jaar - regels.PrestatieTerugJaren, prestatieCohort, prestatieVoldaan, resultaat, verwacht, meegenomen);
    }

    public static string Omschrijving(this Budgetcomponent component) => component switch
    {
        Budgetcomponent.Leerroutes => "Leerroutes",
        Budgetcomponent.Map => "Module Arbeidsmarkt en Participatie (MAP)",
        Budgetcomponent.MaatschappelijkeBegeleiding => "Maatschappelijke begeleiding",
        Budgetcomponent.Pvt => "Participatieverklaringstraject (PVT)",
        Budgetcomponent.Tolkvoorziening => "Tolkvoorziening",
        _ => component.ToString(),
    };

    private static decimal Rond(decimal bedrag) => Math.Round(bedrag, 2, MidpointRounding.AwayFromZero);
}

/// <summary>The sources of the monitor's figures and models (seed line numbers as `sed -n` counts them).</summary>
public static class MonitorBron
{
    private const string Dongemond = "Beleidskader Wet inburgering Dongemond";
    private const string Kempen = "Evaluatie Wet Inburgering Kempen 2024";
    private const string Weert = "Beleidsplan statushouders Weert 2023-2025";

    public static readonly Citation BedragenPerInburgeraar = new(
        Dongemond, "regels 1509-1534",
        "Per inburgeraar zijn de volgende bedragen beschikbaar: Asielmigranten Gezinsmigranten Leerroutes € 10.000 MAP € 136 € 195 Maatschappelijke begeleiding € 1.944 PVT € 216 € 216 Tolkvoorziening € 417 € 179 € 12.712 € 589 Deze bedragen zijn exclusief btw … Tevens zijn het gemiddelde bedragen.",
        Grondslag: Wet.Uitkering);

    public static readonly Citation SpecifiekeUitkering = new(
        Dongemond, "regels 1536-1537",
        "De middelen worden aan de gemeente betaald in de vorm van een specifieke uitkering. Dat betekent dat deze moeten worden besteed aan inburgeringsvoorzieningen.",
        Grondslag: Wet.Uitkering);

    public static readonly Citation Prestatiebekostiging = new(
        Dongemond, "regels 1558-1566",
        "Vanaf 2026 wordt 10% van het inburgeringsvoorzieningenbudget prestatie-afhankelijk, waarbij gekeken wordt naar de prestatie over t-2.",
        Grondslag: Wet.Uitkeringsverdeling);

    public static readonly Citation PrestatieIndicator = new(
        Kempen, "regels 1394-1398",
        "Aan de formule voor de verdeling van de rijksmiddelen wordt dan een indicator toegevoegd met het aantal inburgeraars die hun traject hebben afgerond met een inburgeringsdiploma of inburgeringscertificaat.",
        Grondslag: Wet.Uitkeringsverdeling);

    public static readonly Citation Meeneemregeling = new(
        Dongemond, "regels 1570-1571",
        "Voor dit budget geldt een meeneemregeling: overschotten mogen worden overgeheveld naar het volgende jaar.",
        Grondslag: Wet.Reservering);

    public static readonly Citation UitkeringBijHuisvesting = new(
        Kempen, "regels 272-273",
        "De gemeente ontvangt SPUK middelen voor de inburgeringsonderdelen leerroute, MAP, PVT (ParticipatieVerklaringsTraject) zodra statushouders gehuisvest zijn in de gemeente.",
        Grondslag: Wet.Uitkeringsverdeling);

    public static readonly Citation TaakstellingHalfjaarlijks = new(
        Weert, "regels 282-284",
        "De gemeente ontvangt hiervoor twee keer per jaar van het rijk een taakstelling voor het aantal statushouders die zij moeten opnemen.",
        Grondslag: Wet.Huisvestingstaakstelling);

    /// <summary>The costs are accounted yearly in SiSa: per calendar year, as the uitkering itself (Wi2021 art. 40).</summary>
    public static readonly Citation SisaJaarlijks = new(
        Kempen, "regels 1372-1373",
        "Voor de kosten voor de inburgeringsvoorzieningen geldt dat gemeenten hiervoor een SPUK uitkering ontvangen en de kosten jaarlijks bij de Sisa-verantwoording verantwoorden.",
        Grondslag: Wet.UitkeringPerKalenderjaar);

    /// <summary>A late-in-year start costs little that year: why a trajectory's cost is split over the years it runs in.</summary>
    public static readonly Citation KostenNietTegelijk = new(
        Kempen, "regels 1389-1392",
        "de betaling van het rijk vaak niet tegelijk loopt met de kosten die je als gemeente maakt voor een inburgeraar. Bijvoorbeeld als een asielmigrant pas laat in het jaar start met de inburgering, dan maak je dat jaar nog maar weinig kosten voor het taalonderwijs",
        Grondslag: Wet.Reservering);

    /// <summary>A municipal staffing choice; the law only makes the college responsible for the begeleiding (Wi2021 art. 17 lid 1).</summary>
    public static readonly Citation CaseloadNorm = new(
        Kempen, "regels 1323-1325",
        "een caseload van 40 per casusregisseur",
        Grondslag: Wet.Begeleiding);

    public static readonly Citation MapKostenNietInBeeld = new(
        Kempen, "regels 788-789",
        "De kosten van de MAP worden nog niet apart in beeld gebracht ten behoeve van de SPUK inburgering.",
        Grondslag: Wet.Uitkering);

    /// <summary>Route against the leerbaarheidstoets: the same source as the PIP rule.</summary>
    public static Citation LbtConformOfAfwijkend => Bron.LbtConformOfAfwijkend;
}
