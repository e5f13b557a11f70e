using Koers.Data.Model;

namespace Koers.Web.Features.Werk;

/// <summary>An employer as entered on the register page or through the API.</summary>
public sealed class WerkgeverInvoer
{
    /// <summary>The municipality's CBS code (GM1724); only for a new employer.</summary>
    public string? Gemeente { get; set; }
    public string? Naam { get; set; }
    public string? Sector { get; set; }
    public List<Werkaanbod>? Aanbod { get; set; }
    public int? Capaciteit { get; set; }
    public string? Taaleis { get; set; }
    public string? Contactpersoon { get; set; }
    public string? Telefoon { get; set; }
    public string? Email { get; set; }
    public bool Actief { get; set; } = true;
}

/// <summary>An experience with an employer.</summary>
public sealed class ErvaringInvoer
{
    public DateOnly? Datum { get; set; }
    public string? Tekst { get; set; }
}

/// <summary>A new placement of an inburgeraar.</summary>
public sealed class PlaatsingInvoer
{
    /// <summary>The employer from the register; empty for an internal placement.</summary>
    public Guid? Werkgever { get; set; }
    public string? InternAfdeling { get; set; }
    public Plaatsingssoort? Soort { get; set; }
    public bool Startbaan { get; set; }
    public string? Subsidie { get; set; }
    public decimal? SubsidieBedrag { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? Einde { get; set; }
    public decimal? UrenPerWeek { get; set; }
    /// <summary>The name of an external jobcoach without an account.</summary>
    public string? Jobcoach { get; set; }

    /// <summary>
    /// The account id of a jobcoach of a jobcoach organisation in the case's region; that jobcoach then sees the placement in
    /// their caseload (with the inburgeraar's consent) and records its weekly evaluations. Leave empty for an external coach.
    /// </summary>
    [System.ComponentModel.Description("Account-id van een jobcoach van een jobcoachorganisatie in de regio; die ziet de plaatsing dan in de eigen caseload (met machtiging van de inburgeraar). Leeg voor een externe jobcoach.")]
    public string? JobcoachGebruiker { get; set; }
}

/// <summary>
/// Another jobcoach for a running placement (h-demo, #22): a jobcoach with an account in the case's region, or the name of
/// an external jobcoach, or neither (no jobcoach any more). The same rules as for a new placement.
/// </summary>
public sealed class JobcoachInvoer
{
    /// <summary>The name of an external jobcoach without an account.</summary>
    public string? Jobcoach { get; set; }

    [System.ComponentModel.Description("Account-id van een jobcoach van een jobcoachorganisatie in de regio; leeg met een naam in jobcoach voor een externe jobcoach, allebei leeg voor geen jobcoach.")]
    public string? JobcoachGebruiker { get; set; }
}

/// <summary>A weekly evaluation of a placement.</summary>
public sealed class EvaluatieInvoer
{
    public DateOnly? Datum { get; set; }
    public string? Tekst { get; set; }
    public int? Score { get; set; }
}

/// <summary>The end of a placement; a failed placement needs its reason.</summary>
public sealed class BeeindigInvoer
{
    public DateOnly? Datum { get; set; }
    public Plaatsingsuitkomst? Uitkomst { get; set; }
    public string? Reden { get; set; }
}

/// <summary>An exit (uitstroom) of the inburgeraar.</summary>
public sealed class UitstroomInvoer
{
    public Uitstroomsoort? Soort { get; set; }
    public DateOnly? Datum { get; set; }
    public string? Toelichting { get; set; }
}

public static class WerkWeergave
{
    public static readonly Werkaanbod[] AlleAanbod = [Werkaanbod.MapPraktijk, Werkaanbod.Taalstage, Werkaanbod.Werkervaringsplaats, Werkaanbod.Startbaan, Werkaanbod.BetaaldeBaan];

    public static readonly string[] Taalniveaus = ["A0", "A1", "A2", "B1", "B2"];

    public static string Omschrijving(this Werkaanbod a) => a switch
    {
        Werkaanbod.MapPraktijk => "MAP-praktijk",
        Werkaanbod.Taalstage => "Taalstage",
        Werkaanbod.Werkervaringsplaats => "Werkervaringsplaats",
        Werkaanbod.Startbaan => "Startbaan",
        Werkaanbod.BetaaldeBaan => "Betaalde baan",
        _ => a.ToString(),
    };

    public static string Lijst(Werkaanbod aanbod) =>
        string.Join(", ", AlleAanbod.Where(a => aanbod.HasFlag(a)).Select(a => a.Omschrijving())) is { Length: > 0 } s ? s : "—";

    public static string Omschrijving(this Plaatsingssoort s) => s switch
    {
        Plaatsingssoort.MapPraktijk => "MAP-praktijk",
        Plaatsingssoort.Taalstage => "Taalstage",
        Plaatsingssoort.Werkervaringsplaats => "Werkervaringsplaats",
        Plaatsingssoort.Werkstage => "Werkstage",
        Plaatsingssoort.Proefplaatsing => "Proefplaatsing",
        Plaatsingssoort.BetaaldDienstverband => "Betaald dienstverband",
        Plaatsingssoort.Vrijwilligerswerk => "Vrijwilligerswerk",
        _ => s.ToString(),
    };

    public static string Omschrijving(this Plaatsingsuitkomst u) => u switch
    {
        Plaatsingsuitkomst.Afgerond => "Afgerond",
        Plaatsingsuitkomst.Baan => "Uitgestroomd naar een baan",
        Plaatsingsuitkomst.Mislukt => "Voortijdig beëindigd",
        _ => u.ToString(),
    };

    public static string Omschrijving(this Uitstroomsoort s) => s switch
    {
        Uitstroomsoort.BetaaldeBaanDeeltijd => "Betaalde baan (deeltijd)",
        Uitstroomsoort.BetaaldeBaanVoltijd => "Betaalde baan (voltijd)",
        Uitstroomsoort.Vrijwilligerswerk => "Vrijwilligerswerk",
        Uitstroomsoort.Opleiding => "Opleiding/onderwijs",
        Uitstroomsoort.Anders => "Anders",
        _ => s.ToString(),
    };
}
