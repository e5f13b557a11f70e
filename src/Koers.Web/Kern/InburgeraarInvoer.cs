using System.ComponentModel;
using Koers.Domain.Dossier;

namespace Koers.Web.Kern;

/// <summary>
/// What a user may set on a case, by form or API. Ids, phase, deadlines and history are not here on
/// purpose: they are derived or server-owned, so no request can assign them.
/// </summary>
public sealed class InburgeraarInvoer
{
    [Description("Voornamen")] public string? Voornamen { get; set; }
    [Description("Achternaam (met voorvoegsels)")] public string? Achternaam { get; set; }
    public DateOnly? Geboortedatum { get; set; }
    [Description("Burgerservicenummer, 9 cijfers (elfproef). BSN en/of V-nummer is verplicht.")] public string? Bsn { get; set; }
    [Description("V-nummer van de IND, 10 cijfers.")] public string? VNummer { get; set; }
    public string? Nationaliteit { get; set; }
    public List<string> Talen { get; set; } = [];
    public Doelgroep? Doelgroep { get; set; }
    [Description("CBS-gemeentecode, bijvoorbeeld GM1724.")] public string? Gemeente { get; set; }
    public int? KlantregisseurId { get; set; }
    public string? Telefoon { get; set; }
    public string? Email { get; set; }
    public string? Adres { get; set; }
    public string? AzcLocatie { get; set; }
    public DateOnly? Koppelingsdatum { get; set; }
    public bool NogNietStartklaar { get; set; }
    public Leerroute? Leerroute { get; set; }
    public List<GezinslidInvoer> Gezinsleden { get; set; } = [];
}

public sealed class GezinslidInvoer
{
    public string? Naam { get; set; }
    public DateOnly? Geboortedatum { get; set; }
    [Description("Bijvoorbeeld partner, kind, ouder.")] public string? Relatie { get; set; }
}

