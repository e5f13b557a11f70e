using System.Globalization;
using Koers.Domain.Dossier;
using Koers.Domain.Pip;
using Koers.Domain.Sources;

namespace Koers.Domain.Duo;

/// <summary>What Koers does when DUO notifies an event: which DUO API it queries to reconcile the case.</summary>
public enum DuoReactie
{
    /// <summary>New inburgeringsplichtige (or new to this municipality): create the case if the person is unknown.</summary>
    NieuwePlichtige,
    /// <summary>The target group changed: re-read doelgroep.</summary>
    DoelgroepGewijzigd,
    /// <summary>The leerbaarheidstoets result is known: read lbt/resultaten.</summary>
    ToetsResultaat,
    /// <summary>The inburgeringstermijn started: read inburgeringstermijn (start = PIP dagtekening).</summary>
    TermijnGestart,
    /// <summary>The termijn was extended: read inburgeringstermijn (new einddatum).</summary>
    TermijnVerlengd,
    /// <summary>An exam result is known: read examens/resultaten.</summary>
    Examenresultaat,
    /// <summary>Known event that needs a person's attention, not an automatic change (recorded on the case).</summary>
    Signaal,
}

public sealed record DuoGebeurtenis(string Code, string Omschrijving, DuoReactie Reactie);

/// <summary>
/// DUO's event catalogue for the municipality (Gebeurtenissen/Gebeurtenissen.md in duonl/gemeente-m2m-inburgering).
/// The code is all DUO sends (a thin notification); the reaction says which DUO API to read next.
/// </summary>
public static class DuoGebeurtenissen
{
    public static readonly Citation Bron = new(
        "DUO M2M-koppelvlak inburgering (duonl/gemeente-m2m-inburgering, f4973d4)", "Gebeurtenissen/Gebeurtenissen.md",
        "DUO signaleert de gemeente van de Inburgeringsplichtige zodra als de gemeente waaronder de inburgeringsplichtige valt vastgesteld is.");

    public static readonly Citation Notificeren = new(
        "DUO M2M-koppelvlak inburgering (duonl/gemeente-m2m-inburgering, f4973d4)", "API/Notificatie/openapi.yml 1.8.0, POST /notificaties",
        "Het aanmaken (of aanleveren) van een notificatie zodat de ontvangende ketenpartner op de hoogte gesteld wordt van een gebeurtenis bij een andere ketenpartner en actie kan ondernemen.");

    private static readonly DuoGebeurtenis[] Alle =
    [
        new("SS101", "Persoon is inburgeringsplichtig", DuoReactie.NieuwePlichtige),
        new("SS128", "Persoon is inburgeringsplichtig, maar bereikt AOW-leeftijd binnen 6 maanden", DuoReactie.NieuwePlichtige),
        new("SS139", "Persoon is inburgeringsplichtig en de termijn van 10 weken voor vaststellen leerroute is gestart", DuoReactie.NieuwePlichtige),
        new("SS129", "Tijdelijke vrijstelling ingetrokken, nog geen leerroute bekend", DuoReactie.NieuwePlichtige),
        new("SS120", "Inburgeringsplichtige in gemeente gevestigd zonder PIP", DuoReactie.NieuwePlichtige),
        new("SS121", "Inburgeringsplichtige in gemeente gevestigd met PIP vorige gemeente", DuoReactie.NieuwePlichtige),
        new("SS124", "Doelgroep van asielstatushouder naar gezinsmigrant en overige migrant gewijzigd", DuoReactie.DoelgroepGewijzigd),
        new("SS125", "Doelgroep van gezinsmigrant en overige migrant naar asielstatushouder gewijzigd", DuoReactie.DoelgroepGewijzigd),
        new("SS109", "Tijdelijke vrijstelling toegekend", DuoReactie.Signaal),
        new("SS110", "Inburgeringsplicht ingetrokken", DuoReactie.Signaal),
        new("SS111", "Persoon is overleden", DuoReactie.Signaal),
        new("SS106", "Diploma behaald", DuoReactie.Signaal),
        new("SS107", "Gehele vrijstelling toegekend", DuoReactie.Signaal),
        new("SS108", "Gehele ontheffing toegekend", DuoReactie.Signaal),
        new("SS137", "Persoon is aangemeld voor de leerbaarheidstoets", DuoReactie.Signaal),
        new("SS131", "Leerbaarheidstoets is afgenomen en resultaat is bekend", DuoReactie.ToetsResultaat),
        new("SS102", "Inburgeringstermijn gestart", DuoReactie.TermijnGestart),
        new("SS199", "Examenresultaat bekend", DuoReactie.Examenresultaat),
        new("SS103", "Inburgeringstermijn ambtshalve verlengd", DuoReactie.TermijnVerlengd),
        new("SS104", "Inburgeringstermijn op verzoek verlengd", DuoReactie.TermijnVerlengd),
        new("SS130", "Tijdelijke vrijstelling ingetrokken, PIP al bekend", DuoReactie.TermijnVerlengd),
        new("SS113", "Verlenging inburgeringstermijn afgewezen", DuoReactie.Signaal),
        new("SS114", "Gehele vrijstelling afgewezen", DuoReactie.Signaal),
        new("SS115", "Tijdelijke vrijstelling afgewezen", DuoReactie.Signaal),
        new("SS116", "Gedeeltelijke vrijstelling afgewezen", DuoReactie.Signaal),
        new("SS117", "Gedeeltelijke vrijstelling toegekend", DuoReactie.Signaal),
        new("SS118", "Ontheffing afgewezen", DuoReactie.Signaal),
        new("SS119", "Gedeeltelijke ontheffing toegekend", DuoReactie.Signaal),
    ];

    private static readonly Dictionary<string, DuoGebeurtenis> PerCode = Alle.ToDictionary(g => g.Code, StringComparer.Ordinal);

    public static IReadOnlyList<DuoGebeurtenis> Catalogus => Alle;

    /// <summary>The catalogue entry, or null for a code DUO may add later (such an event is parked for a person).</summary>
    public static DuoGebeurtenis? Zoek(string code) => PerCode.GetValueOrDefault(code);
}

/// <summary>Conversions between DUO's coded values (OpenAPI enums) and Koers' domain.</summary>
public static class DuoVertaling
{
    public static readonly Citation BronPip = new(
        "DUO M2M-koppelvlak PIP (duonl/gemeente-m2m-inburgering, f4973d4)", "API/PIP/openapi.yml 1.2.0, schema PIP",
        "leerroute B/O/Z; niveau A2/B1; indicatorAlfabetiseringsonderwijs A/AA/NVT; geschatteIntensiteitB1Route 1-9999");

    /// <summary>
    /// DUO's 'indeling' has two groups; Koers distinguishes nareizigers and overige migranten too, so an existing
    /// finer value inside the same DUO group is kept.
    /// </summary>
    public static Doelgroep? Doelgroep(string? indeling, Doelgroep? huidige = null) => indeling switch
    {
        "Asielstatushouder" => huidige is Dossier.Doelgroep.Asielstatushouder or Dossier.Doelgroep.Nareiziger ? huidige : Dossier.Doelgroep.Asielstatushouder,
        "Gezinsmigrant en overige migrant" => huidige is Dossier.Doelgroep.Gezinsmigrant or Dossier.Doelgroep.OverigeMigrant ? huidige : Dossier.Doelgroep.Gezinsmigrant,
        _ => null,
    };

    /// <summary>DUO scores are text "ddd,dd" (pattern ^(\d{1,3}\,\d{2})$); Koers keeps whole points, as the toets has.</summary>
    public static bool TryScore(string? tekst, out int score)
    {
        score = 0;
        if (tekst is null || !System.Text.RegularExpressions.Regex.IsMatch(tekst, @"^\d{1,3},\d{2}$")) return false;
        var waarde = decimal.Parse(tekst.Replace(',', '.'), CultureInfo.InvariantCulture);
        score = (int)Math.Floor(waarde);
        return true;
    }

    public static string Leerroute(Leerroute route) => route switch
    {
        Dossier.Leerroute.B1Route => "B",
        Dossier.Leerroute.Onderwijsroute => "O",
        Dossier.Leerroute.ZRoute => "Z",
        _ => throw new ArgumentOutOfRangeException(nameof(route)),
    };

    public static string Alfabetisering(Alfabetisering a) => a switch
    {
        Pip.Alfabetisering.A => "A",
        Pip.Alfabetisering.AA => "AA",
        _ => "NVT",
    };

    /// <summary>
    /// DUO knows one level per PIP (A2 or B1); Koers sets it per skill. Any A2 skill (afschalen) makes the PIP A2;
    /// the Z-route sends no level (DUO: B1 is not allowed with the Z-route). B2 goals count as B1 for DUO.
    /// </summary>
    public static string? Niveau(PipInhoud inhoud)
    {
        if (inhoud.Leerroute is Dossier.Leerroute.ZRoute or null) return null;
        return inhoud.Niveaus.Values.Any(n => n == Taalniveau.A2) ? "A2" : "B1";
    }

    /// <summary>DUO exam component codes (ExamenonderdeelWI2021Inburgering).</summary>
    public static string? Examenonderdeel(string code) => code switch
    {
        "KNM" => "Knm",
        "LE" => "Lezen",
        "LU" => "Luisteren",
        "SC" => "Schrijven",
        "SP" => "Spreken",
        _ => null,
    };

    /// <summary>The municipality code DUO uses: the four digits of the CBS code (GM0340 → 0340).</summary>
    public static string? Gemeentecode(string cbsCode) =>
        cbsCode.Length == 6 && cbsCode.StartsWith("GM", StringComparison.OrdinalIgnoreCase) && cbsCode[2..].All(char.IsAsciiDigit)
            ? cbsCode[2..]
            : null;
}
