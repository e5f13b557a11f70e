using Koers.Domain.Sources;

namespace Koers.Domain.Duo;

/// <summary>The two parts of the inburgeringsplicht besides the leerroute that the municipality reports to DUO.</summary>
public enum MapPvtOnderdeel
{
    /// <summary>Module Arbeidsmarkt en Participatie: ends with an eindgesprek.</summary>
    Map,

    /// <summary>Participatieverklaringstraject: ends with signing the participatieverklaring.</summary>
    Pvt,
}

/// <summary>What Koers knows when a MAP eindgesprek or PVT signing is recorded.</summary>
/// <param name="Datum">Date of the MAP eindgesprek or of signing the participatieverklaring.</param>
/// <param name="Verwijtbaar">DUO's 'Verwijtbaar (Ja/Nee)': only when the termijn has been (or is about to be) overschreden.</param>
/// <param name="Vandaag">Today.</param>
/// <param name="HeeftPip">Whether this municipality has a current (vastgesteld) PIP for the person.</param>
/// <param name="ZrouteAfgerond">The date the Z-route was completed, if it was.</param>
/// <param name="TermijnStart">Start of the inburgeringstermijn, when known.</param>
/// <param name="TermijnEinde">End of the inburgeringstermijn (with any extension), when known.</param>
public sealed record MapPvtFeiten(
    MapPvtOnderdeel Onderdeel,
    DateOnly Datum,
    bool? Verwijtbaar,
    DateOnly Vandaag,
    bool HeeftPip,
    DateOnly? ZrouteAfgerond,
    DateOnly? TermijnStart,
    DateOnly? TermijnEinde);

/// <summary>One broken rule, with the rule it breaks.</summary>
public sealed record MapPvtFout(string Melding, Citation Bron);

/// <summary>
/// The rules for reporting the end of the MAP and the PVT. The plicht itself: Wet inburgering 2021 art. 6 lid 1 (the
/// inburgeringsplichtige completes the leerroute, the participatieverklaringstraject and the module Arbeidsmarkt en
/// Participatie); DUO's submission rules (README of duonl/gemeente-m2m-inburgering, sections MAP and PVT) are checked
/// before anything leaves Koers, so DUO's refusal is the exception. Koers's own form refuses the same, because a date
/// DUO cannot accept is also wrong on the case.
/// </summary>
public static class DuoMapPvtControle
{
    private const string Readme = "README.md, Module Arbeidsmarkt en Participatie (MAP) en Participatieverklaringstraject (PVT); API/MAP,PVT,Zroute/openapi.yml 1.0.0";
    private const string Koppelvlak = "DUO M2M-koppelvlak MAP, PVT en Z-route (duonl/gemeente-m2m-inburgering, f4973d4)";

    /// <summary>
    /// Statutory basis: the plicht consists of the PVT, the MAP and the route (Wi2021 art. 6 lid 1), all within the
    /// three years (art. 11 lid 1); text in docs/bronnen/BWBR0044770.md. Practice source: seed 003, lines 147-150,
    /// 186-203, 227-230.
    /// </summary>
    public static readonly Citation Grondslag = new(
        "Wet inburgering 2021 (BWBR0044770, in werking 1 januari 2022)", "art. 6 lid 1 en art. 11 lid 1 (seed 003 regels 147-150, 186-203, 227-230)",
        "De inburgeringsplicht bestaat uit: a. het afronden van het participatieverklaringstraject; b. het afronden van de module Arbeidsmarkt en Participatie; en c. het behalen van het inburgeringsexamen, de onderwijsroute of de zelfredzaamheidsroute. ... De inburgeringsplichtige voldoet binnen drie jaar aan de inburgeringsplicht.");

    public static readonly Citation ActuelePip = new(Koppelvlak, Readme, "Uw gemeente moet een actuele PIP hebben voor de inburgeringsplichtige");
    public static readonly Citation NietNaZroute = new(Koppelvlak, Readme, "De inburgeringsplicht moet nog niet voldaan zijn via de Z-route; de datum mag niet na de datum afronding Z-route liggen");
    public static readonly Citation NietVoorTermijn = new(Koppelvlak, Readme, "De datum mag niet voor de startdatum van de inburgeringstermijn liggen",
        Grondslag: Wet.InspanningenVoorPip);
    public static readonly Citation NietInToekomst = new(Koppelvlak, Readme, "De datum mag niet in de toekomst liggen");
    public static readonly Citation Verwijtbaarheid = new(Koppelvlak, Readme,
        "Als het verzoekbericht geen 'Verwijtbaar (Ja/Nee)' bevat, dan mag er geen sprake zijn van een overschrijding van de inburgeringstermijn. Als de datum voor de einddatum van de inburgeringstermijn ligt, dan mag de 'Verwijtbaar (Ja/Nee)' niet geleverd worden. 'Verwijtbaar (Ja/Nee)' mag alleen de waarde 'Nee' hebben als de einddatum van de inburgeringstermijn binnen twee maanden valt. 'Verwijtbaar (Ja/Nee)' mag alleen de waarde 'Ja' hebben als er sprake is van een overschrijding van de inburgeringstermijn.");

    public static string Naam(this MapPvtOnderdeel onderdeel) => onderdeel switch
    {
        MapPvtOnderdeel.Map => "Eindgesprek MAP",
        MapPvtOnderdeel.Pvt => "Ondertekening participatieverklaring (PVT)",
        _ => onderdeel.ToString(),
    };

    public static IReadOnlyList<MapPvtFout> Controleer(MapPvtFeiten f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var fouten = new List<MapPvtFout>();
        var wat = f.Onderdeel == MapPvtOnderdeel.Map ? "De datum van het eindgesprek MAP" : "De datum van ondertekening van de participatieverklaring";
        if (f.Datum > f.Vandaag) fouten.Add(new($"{wat} ligt in de toekomst. Leg alleen vast wat al gebeurd is.", NietInToekomst));
        if (!f.HeeftPip) fouten.Add(new("Er is nog geen vastgesteld PIP. DUO neemt de MAP en het PVT pas aan als de gemeente een actueel PIP heeft.", ActuelePip));
        if (f.ZrouteAfgerond is { } z)
        {
            fouten.Add(new($"De inburgeringsplicht is al voldaan via de Z-route (afgerond op {z:dd-MM-yyyy}); DUO neemt daarna geen MAP of PVT meer aan.", NietNaZroute));
        }

        if (f.TermijnStart is { } start && f.Datum < start)
        {
            fouten.Add(new($"{wat} ligt vóór de start van de inburgeringstermijn ({start:dd-MM-yyyy}).", NietVoorTermijn));
        }

        // 'Overschrijding': the date lies after the end of the termijn. DUO's README does not say what 'binnen twee
        // maanden' counts from; Koers reads it as: the end of the termijn lies at most two months before the date
        // (a short overschrijding may be niet verwijtbaar, a longer one only verwijtbaar).
        var einde = f.TermijnEinde;
        var overschreden = einde is { } e && f.Datum > e;
        if (f.Verwijtbaar is null)
        {
            if (overschreden) fouten.Add(new($"{wat} ligt na het einde van de inburgeringstermijn ({einde:dd-MM-yyyy}). Geef aan of de overschrijding verwijtbaar is.", Verwijtbaarheid));
        }
        else if (einde is null)
        {
            fouten.Add(new("Verwijtbaarheid hoort alleen bij een overschrijding van de inburgeringstermijn, en die termijn is nog niet bekend. Laat verwijtbaarheid leeg.", Verwijtbaarheid));
        }
        else if (f.Datum < einde)
        {
            fouten.Add(new($"{wat} ligt vóór het einde van de inburgeringstermijn ({einde:dd-MM-yyyy}); dan is er geen overschrijding en blijft verwijtbaarheid leeg.", Verwijtbaarheid));
        }
        else if (f.Verwijtbaar == true && !overschreden)
        {
            fouten.Add(new("'Verwijtbaar: ja' kan alleen als de inburgeringstermijn is overschreden.", Verwijtbaarheid));
        }
        else if (f.Verwijtbaar == false && einde.Value < f.Datum.AddMonths(-2))
        {
            fouten.Add(new($"'Verwijtbaar: nee' kan alleen als het einde van de inburgeringstermijn ({einde:dd-MM-yyyy}) binnen twee maanden vóór de datum ligt.", Verwijtbaarheid));
        }

        return fouten;
    }

    /// <summary>DUO's InburgeringJaNeeType for the verwijtbaar indicator.</summary>
    public static string? JaNee(bool? verwijtbaar) => verwijtbaar switch
    {
        true => "Ja",
        false => "Nee",
        null => null,
    };
}
