using Koers.Domain.Dossier;
using Koers.Domain.Handhaving;
using Koers.Domain.Sources;

namespace Koers.Domain.Afsluiting;

/// <summary>How the guidance of a case ends; each maps to exactly one closing milestone.</summary>
public enum Afsluitingssoort
{
    InburgeringsplichtVoldaan,
    Ontheffing,
    Verhuisd,
    EindeBegeleiding,
}

/// <summary>The grounds DUO's ontheffing resource knows (SDI013): medical, or bijzondere individuele omstandigheden.</summary>
public enum Ontheffingsgrond
{
    Medisch,
    BijzondereIndividueleOmstandigheden,
    AantoonbaarInspanning,
}

/// <summary>
/// The exam components a leerroute needs passed before the plicht is voldaan, by their names in the data model's
/// Examenonderdeel (the domain does not know the data model).
/// </summary>
public static class Afsluitingsregels
{
    public static Mijlpaal Mijlpaal(this Afsluitingssoort soort) => soort switch
    {
        Afsluitingssoort.InburgeringsplichtVoldaan => Dossier.Mijlpaal.InburgeringsplichtVoldaan,
        Afsluitingssoort.Ontheffing => Dossier.Mijlpaal.Ontheffing,
        Afsluitingssoort.Verhuisd => Dossier.Mijlpaal.Verhuisd,
        Afsluitingssoort.EindeBegeleiding => Dossier.Mijlpaal.Uitgeschreven,
        _ => throw new ArgumentOutOfRangeException(nameof(soort)),
    };

    public static string Omschrijving(this Afsluitingssoort soort) => soort switch
    {
        Afsluitingssoort.InburgeringsplichtVoldaan => "Inburgeringsplicht voldaan",
        Afsluitingssoort.Ontheffing => "Ontheffing",
        Afsluitingssoort.Verhuisd => "Verhuisd naar een andere gemeente",
        Afsluitingssoort.EindeBegeleiding => "Einde begeleiding",
        _ => soort.ToString(),
    };

    public static string Omschrijving(this Ontheffingsgrond grond) => grond switch
    {
        Ontheffingsgrond.Medisch => "Medische gronden",
        Ontheffingsgrond.BijzondereIndividueleOmstandigheden => "Bijzondere individuele omstandigheden (BIO)",
        Ontheffingsgrond.AantoonbaarInspanning => "Aantoonbare inspanning zonder resultaat",
        _ => grond.ToString(),
    };

    /// <summary>What must be passed per leerroute, and the source that says so.</summary>
    public static (IReadOnlyList<string> Onderdelen, Citation Bron) Vereist(Leerroute route) => route switch
    {
        Leerroute.ZRoute => (["ZRouteEindgesprek"], BronHandhaving.VoldaanZRoute),
        Leerroute.Onderwijsroute => (["Onderwijsroute"], BronHandhaving.VoldaanOnderwijsroute),
        _ => (["Lezen", "Luisteren", "Schrijven", "Spreken", "Knm"], BronHandhaving.VoldaanB1),
    };

    /// <summary>
    /// Whether the plicht can be recorded as voldaan: every required component has a passed result, or (for any
    /// route) a passed Z-route eindgesprek when the route is the Z-route. Returns the missing components.
    /// </summary>
    public static IReadOnlyList<string> Ontbrekend(Leerroute? route, IReadOnlyCollection<string> behaald)
    {
        if (route is null) return ["leerroute (er is geen PIP met een leerroute)"];
        var (vereist, _) = Vereist(route.Value);
        return vereist.Where(v => !behaald.Contains(v)).ToList();
    }
}
