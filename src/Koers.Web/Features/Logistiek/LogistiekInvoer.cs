using Koers.Data.Model;

namespace Koers.Web.Features.Logistiek;

/// <summary>Home location, lesson location with travel times, and the dayparts that are impossible, as the klantregisseur records them.</summary>
public sealed class ReisprofielInvoer
{
    public string? Woonkern { get; set; }
    public string? Leslocatie { get; set; }
    public int? ReistijdOvMinuten { get; set; }
    public int? ReistijdFietsMinuten { get; set; }

    /// <summary>The impossible dayparts as codes "ma-ochtend" … "zo-avond".</summary>
    public List<string> Onmogelijk { get; set; } = [];
    public List<Beschikbaarheidsreden> Redenen { get; set; } = [];
    public string? Toelichting { get; set; }
}

/// <summary>Transport support: what, from, until (empty: until further notice).</summary>
public sealed class VervoerInvoer
{
    public Vervoerssoort? Soort { get; set; }
    public string? Omschrijving { get; set; }
    public DateOnly? Van { get; set; }
    public DateOnly? Tot { get; set; }
}

/// <summary>The settings the functioneel beheerder edits per municipality.</summary>
public sealed class LogistiekInstellingenInvoer
{
    public int? MaxReistijdMinuten { get; set; }
    public int? VervoerEindeDagen { get; set; }
    public int? MaxTussenpozeDagen { get; set; }

    /// <summary>The municipality's kernen (villages), one per line.</summary>
    public string? Kernen { get; set; }
}
