using Koers.Data.Model.Zgw;
using Koers.Domain.Dossier;

namespace Koers.Web.Features.Zgw;

/// <summary>
/// Settings of the link with the municipality's zaaksysteem (section "Zgw"): the ZGW Zaken, Documenten and Catalogi
/// APIs (VNG, the versions copied in Spec/), e.g. Open Zaak. Switched on per municipality under <see cref="Gemeenten"/>;
/// a municipality not listed (or with Aan false) keeps its cases in Koers only.
/// </summary>
public sealed class ZgwOpties
{
    /// <summary>Base addresses including the version, e.g. https://openzaak.gemeente.nl/zaken/api/v1. Empty with the stand-in.</summary>
    public string? ZakenUrl { get; set; }
    public string? DocumentenUrl { get; set; }
    public string? CatalogiUrl { get; set; }

    /// <summary>Maps the in-process stand-in under <see cref="ZgwSimulator.Pad"/> (Development, Test, demo).</summary>
    public bool Simulator { get; set; }

    /// <summary>The client id the zaaksysteem knows Koers by (the JWT's iss and client_id claims).</summary>
    public string ClientId { get; set; } = "koers";

    /// <summary>
    /// The shared secret of the ZGW JWT (HS256), as the zaaksysteem's autorisaties hold it; never logged. At least 32
    /// characters: a shorter HMAC key is refused by the token library, and a zaaksysteem lets you choose one this long.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Who Koers says acts in the JWT (user_id/user_representation): the system, not a person (the audit trail has the person).</summary>
    public string Gebruiker { get; set; } = "koers";

    /// <summary>Carries out the outbox in the background (off in tests, which run it themselves).</summary>
    public bool Achtergrond { get; set; } = true;
    public int IntervalSeconden { get; set; } = 20;

    /// <summary>After this many failed attempts on a transient fault (unreachable, 5xx) a step stops as Mislukt for a person to retry.</summary>
    public int MaxPogingen { get; set; } = 6;

    public Dictionary<string, ZgwGemeenteOpties> Gemeenten { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether any municipality archives in ZGW; when none does, nothing is queued and no query is made.</summary>
    public bool Aan => Gemeenten.Values.Any(g => g.Aan);

    public ZgwGemeenteOpties? Voor(string? gemeentecode) =>
        gemeentecode is not null && Gemeenten.TryGetValue(gemeentecode, out var g) && g.Aan ? g : null;

    /// <summary>Wait before retry n: 1, 2, 4, 8 … minutes, at most an hour.</summary>
    public static TimeSpan Wachttijd(int poging) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, poging - 1))));
}

/// <summary>One municipality's place in its catalogus: its zaaktype and the names of the types Koers uses in it.</summary>
public sealed class ZgwGemeenteOpties
{
    public bool Aan { get; set; } = true;

    /// <summary>The zaaktype's URL in the Catalogi API. Empty with the stand-in: its demo zaaktype "Inburgering".</summary>
    public string? Zaaktype { get; set; }

    /// <summary>RSIN of the municipality: bronorganisatie and verantwoordelijkeOrganisatie of the zaak and its documents (9 digits).</summary>
    public string Rsin { get; set; } = string.Empty;

    /// <summary>Of the zaak and the letters: special-category data (health in the intake), so 'vertrouwelijk' unless the municipality says otherwise.</summary>
    public string Vertrouwelijkheidaanduiding { get; set; } = "vertrouwelijk";

    /// <summary>omschrijvingGeneriek of the roltype the inburgeraar gets on the zaak: the municipality starts the zaak itself, the person is belanghebbende.</summary>
    public string Rol { get; set; } = "belanghebbende";

    /// <summary>Stage of the case → omschrijving of the statustype in the zaaktype. Closing stages use the zaaktype's eindstatus.</summary>
    public Dictionary<string, string> Statustypen { get; set; } = new(StandaardStatustypen, StringComparer.Ordinal);

    /// <summary>Closing stage → omschrijving of the resultaattype, which carries archiefnominatie and archiefactietermijn from the selectielijst.</summary>
    public Dictionary<string, string> Resultaattypen { get; set; } = new(StandaardResultaattypen, StringComparer.Ordinal);

    /// <summary>Kind of letter → omschrijving of the informatieobjecttype in the catalogus.</summary>
    public Dictionary<string, string> Informatieobjecttypen { get; set; } = new(StandaardInformatieobjecttypen, StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, string> StandaardStatustypen = new Dictionary<string, string>
    {
        [nameof(Fase.Aangemeld)] = "Aangemeld",
        [nameof(Fase.Gekoppeld)] = "Gekoppeld",
        [nameof(Fase.WarmeOverdracht)] = "Warme overdracht",
        [nameof(Fase.Gevestigd)] = "Gevestigd in de gemeente",
        [nameof(Fase.Intake)] = "Brede intake",
        [nameof(Fase.PipVastgesteld)] = "PIP vastgesteld",
        [nameof(Fase.InUitvoering)] = "Inburgering in uitvoering",
        [nameof(Fase.Eindfase)] = "Eindfase",
    };

    public static readonly IReadOnlyDictionary<string, string> StandaardResultaattypen = new Dictionary<string, string>
    {
        [nameof(Fase.Voldaan)] = "Inburgeringsplicht voldaan",
        [nameof(Fase.Ontheven)] = "Ontheffing verleend",
        [nameof(Fase.Verhuisd)] = "Verhuisd naar andere gemeente",
        [nameof(Fase.Uitgeschreven)] = "Uitgeschreven",
    };

    public static readonly IReadOnlyDictionary<string, string> StandaardInformatieobjecttypen = new Dictionary<string, string>
    {
        ["PipVaststelling"] = "Beschikking PIP",
        ["PipBijstelling"] = "Beschikking bijstelling PIP",
        [nameof(ZgwDocumentBron.Handhaving)] = "Handhavingsbrief",
    };

    /// <summary>The closing stages: the zaak gets a resultaat and its eindstatus.</summary>
    public static bool IsAfsluiting(Fase f) => f.IsAfgesloten();
}
