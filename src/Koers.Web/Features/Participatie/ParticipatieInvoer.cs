using Koers.Domain.Participatie;

namespace Koers.Web.Features.Participatie;

/// <summary>A filled-in questionnaire: the moment (months after the anchor), the date, and answers per question code.</summary>
public sealed class MetingInvoer
{
    public int? Maanden { get; set; }

    /// <summary>The day of the talk; the portal always uses today.</summary>
    public DateOnly? Datum { get; set; }

    /// <summary>Question code → value; an empty value is "zeg ik liever niet".</summary>
    public Dictionary<string, int?> Antwoorden { get; set; } = [];

    /// <summary>Question code → option code, for the municipality's own meerkeuze questions; an empty value is "zeg ik liever niet".</summary>
    public Dictionary<string, string?> Keuzes { get; set; } = [];
}

/// <summary>A score on the participatieladder (1 = lowest rung), optionally at a voortgangsgesprek.</summary>
public sealed class LadderInvoer
{
    public int? Trede { get; set; }
    public DateOnly? Datum { get; set; }
    public Guid? Voortgangsgesprek { get; set; }
    public string? Toelichting { get; set; }
}

/// <summary>The settings the functioneel beheerder edits per municipality.</summary>
public sealed class InstellingenInvoer
{
    public Meetanker? Anker { get; set; }

    /// <summary>Months after the anchor, e.g. "0, 6, 12, 24".</summary>
    public string? Maanden { get; set; }

    /// <summary>The codes of the default questions the municipality asks; the others are switched off.</summary>
    public List<string> Vragen { get; set; } = [];

    /// <summary>Rung names, lowest first.</summary>
    public List<string> Treden { get; set; } = [];
}
