using Koers.Data.Model.Keten;

namespace Koers.Web.Features.Voortgang;

/// <summary>Hours of one kind in one week. Week: the Monday (2026-06-08) or ISO week (2026-W24).</summary>
public sealed class UrenInvoer
{
    public string? Week { get; set; }
    public Urensoort? Soort { get; set; }
    public decimal? Uren { get; set; }
    public decimal? AfwezigUren { get; set; }
    public bool AfwezigGemeld { get; set; }
}

public sealed class VaardigheidInvoer
{
    public Vaardigheid? Vaardigheid { get; set; }
    public DateOnly? Datum { get; set; }
    public string? Niveau { get; set; }
    public string? Notitie { get; set; }
}

public sealed class ExamenInvoer
{
    public Examenonderdeel? Onderdeel { get; set; }
    public DateOnly? Datum { get; set; }
    public string? Niveau { get; set; }
    public bool Behaald { get; set; }
    public decimal? Score { get; set; }

    /// <summary>The partner's own key for the result; the same key sent again updates instead of duplicating.</summary>
    public string? Kenmerk { get; set; }
}

public sealed class SignaalInvoer
{
    public Voortgangssignaalsoort? Soort { get; set; }
    public DateOnly? Datum { get; set; }
    public string? Notitie { get; set; }
}

public sealed class AfhandelInvoer
{
    public string? Afhandeling { get; set; }
}

public sealed class GesprekPlanInvoer
{
    public DateOnly? GeplandOp { get; set; }

    /// <summary>Start time, Dutch local time ('14:30'); optional, but the invitation to the inburgeraar is clearer with it.</summary>
    public TimeOnly? Tijd { get; set; }
    public string? Locatie { get; set; }
}

public sealed class AfspraakInvoer
{
    public string? Omschrijving { get; set; }
    public string? Eigenaar { get; set; }
    public DateOnly? Uiterlijk { get; set; }
    public bool Gedaan { get; set; }
}

/// <summary>Recording a planned talk as held or as a no-show.</summary>
public sealed class GesprekVerslagInvoer
{
    public Gespreksstatus? Status { get; set; }
    public DateOnly? Datum { get; set; }
    public string? Aanwezigen { get; set; }
    public string? Verslag { get; set; }
    public List<AfspraakInvoer>? Afspraken { get; set; }
}

public enum Opslagresultaat
{
    Toegevoegd,
    Bijgewerkt,
    Ongewijzigd,
}

public static class Namen
{
    public static string Omschrijving(this Urensoort s) => s switch
    {
        Urensoort.Taal => "Taal",
        Urensoort.Knm => "KNM",
        Urensoort.Participatie => "Participatie",
        Urensoort.Arbeidsparticipatie => "Participatie: werk",
        Urensoort.Vrijwilligerswerk => "Participatie: vrijwilligerswerk",
        Urensoort.MaatschappelijkeParticipatie => "Participatie: maatschappelijk",
        Urensoort.MapTheorie => "MAP theorie",
        Urensoort.MapPraktijk => "MAP praktijk",
        Urensoort.Pvt => "PVT",
        _ => s.ToString(),
    };

    public static string Omschrijving(this Vaardigheid v) => v switch
    {
        Vaardigheid.Knm => "KNM",
        _ => v.ToString(),
    };

    public static string Omschrijving(this Voortgangssignaalsoort s) => s switch
    {
        Voortgangssignaalsoort.Afwezigheid => "Afwezigheid",
        Voortgangssignaalsoort.DreigendeUitval => "Dreigende uitval",
        Voortgangssignaalsoort.Uitval => "Uitval",
        _ => "Overig",
    };

    public static string Omschrijving(this Gespreksstatus s) => s switch
    {
        Gespreksstatus.Gepland => "Gepland",
        Gespreksstatus.Gehouden => "Gehouden",
        Gespreksstatus.Geannuleerd => "Geannuleerd",
        _ => "Niet verschenen",
    };

    /// <summary>An exam component named by its enum name (as Afsluitingsregels lists them), in words.</summary>
    public static string ExamenonderdeelNaam(string naam) =>
        Enum.TryParse<Examenonderdeel>(naam, out var o) ? o.Omschrijving() : naam;

    public static string Omschrijving(this Examenonderdeel o) => o switch
    {
        Examenonderdeel.Knm => "KNM",
        Examenonderdeel.ZRouteEindgesprek => "Eindgesprek Z-route",
        _ => o.ToString(),
    };

    /// <summary>The levels a partner may estimate; KNM has no CEFR level.</summary>
    public static readonly IReadOnlyList<string> Niveaus = ["A0", "A1", "A1+", "A2", "A2+", "B1", "B1+", "B2"];
    public static readonly IReadOnlyList<string> KnmNiveaus = ["onvoldoende", "voldoende", "goed"];
}
