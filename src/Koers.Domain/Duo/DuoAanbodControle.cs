using Koers.Domain.Sources;

namespace Koers.Domain.Duo;

/// <summary>What Koers knows when an inburgeringsaanbod is reported to DUO.</summary>
/// <param name="Asielmigrant">Whether the person is an asielstatushouder or nareiziger (DUO: asielmigrant).</param>
/// <param name="PipDagtekening">Dagtekening of the PIP in force; null when there is none.</param>
/// <param name="Instellingsnummer">DUO's number of the provider; null when the partner has none.</param>
/// <param name="DatumAanbod">datumInburgeringsaanbod: the enrolment at the provider.</param>
/// <param name="VerwachteStart">verwachteStartdatumOpleiding, when known.</param>
/// <param name="VerwachteEinde">verwachteEinddatumOpleiding (exclusive), when known.</param>
public sealed record AanbodFeiten(
    bool Asielmigrant,
    DateOnly? PipDagtekening,
    string? Instellingsnummer,
    DateOnly DatumAanbod,
    DateOnly? VerwachteStart,
    DateOnly? VerwachteEinde);

/// <summary>One broken rule, with the field it is about and the rule it breaks.</summary>
public sealed record AanbodFout(string Veld, string Melding, Citation Bron);

/// <summary>
/// The rules for reporting an inburgeringsaanbod. Statutory basis: Wet inburgering 2021 art. 16 (the college offers
/// the asielmigrant the courses with which the leerroute of the PIP, art. 15, can be completed); DUO's submission rules
/// (README of duonl/gemeente-m2m-inburgering, section Inburgeringsaanbod) are checked before anything leaves Koers, so a
/// refusal by DUO is the exception. That the provider is on DUO's list of keurmerk holders only DUO can say: the partner
/// form checks the number against DUO's list when it is entered, and DUO checks it again.
/// </summary>
public static class DuoAanbodControle
{
    private const string Readme = "README.md, Inburgeringsaanbod; API/Inburgeringsaanbod/openapi.yml 1.2.0";
    private const string Koppelvlak = "DUO M2M-koppelvlak Inburgeringsaanbod (duonl/gemeente-m2m-inburgering, f4973d4)";

    /// <summary>
    /// Statutory basis first: Wi2021 art. 16 lid 1 (the offer) and lid 3 (the provider holds a certificate or keurmerk),
    /// geldend vanaf 1 januari 2022 (Stb. 2021, 38; in werking Stb. 2021, 586). The wording below was checked on 3 December
    /// 2026 against the published text of the article; DUO's spec of the API cites the same article.
    /// </summary>
    public static readonly Citation Grondslag = new(
        "Wet inburgering 2021 (BWBR0044770), geldend vanaf 1 januari 2022", "art. 16 lid 1 en lid 3 (de leerroute: art. 15)",
        "Het college biedt de inburgeringsplichtige als bedoeld in artikel 13, eerste lid, tijdig een cursus of opleiding aan waarmee die inburgeringsplichtige aan de op grond van artikel 15 vastgestelde leerroute kan voldoen.");

    public static readonly Citation Asielmigrant = new(
        "Wet inburgering 2021 (BWBR0044770), geldend vanaf 1 januari 2022; " + Koppelvlak, "art. 16 lid 1 jo. art. 13 lid 1; " + Readme, "Het inburgeringsaanbod is voor een asielmigrant");
    public static readonly Citation HeeftPip = new(Koppelvlak, Readme, "De persoon heeft een PIP",
        Grondslag: Grondslag);
    public static readonly Citation Keurmerk = new(
        "Wet inburgering 2021 (BWBR0044770), geldend vanaf 1 januari 2022; " + Koppelvlak, "art. 16 lid 3; " + Readme,
        "De Opleidingsinstelling moet bekend zijn bij DUO als een door Blik op Werk (BoW) gekeurmerkte instelling of een erkende Taalschakelinstelling (TST)");
    public static readonly Citation NietVoorPip = new(Koppelvlak, Readme, "De data van het inburgeringsaanbod ligt niet voor de dagtekening van de actuele PIP",
        Grondslag: Wet.InspanningenVoorPip);
    public static readonly Citation Periode = new(Koppelvlak, "API/Inburgeringsaanbod/openapi.yml 1.2.0, schema Inburgeringsaanbod",
        "verwachteEinddatumOpleiding: De datum die het einde van de periode aangeeft (exclusief)");

    public static IReadOnlyList<AanbodFout> Controleer(AanbodFeiten f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var fouten = new List<AanbodFout>();
        if (!f.Asielmigrant)
        {
            fouten.Add(new("Partner", "Een inburgeringsaanbod bij DUO is alleen voor asielstatushouders en nareizigers (asielmigranten).", Asielmigrant));
        }

        if (f.PipDagtekening is not { } pip)
        {
            fouten.Add(new("DatumAanbod", "Er is nog geen vastgesteld PIP. DUO neemt een inburgeringsaanbod pas aan als de persoon een PIP heeft.", HeeftPip));
        }
        else
        {
            foreach (var (veld, naam, datum) in new[] { ("DatumAanbod", "De datum van het aanbod", (DateOnly?)f.DatumAanbod), ("VerwachteStart", "De verwachte startdatum", f.VerwachteStart), ("VerwachteEinde", "De verwachte einddatum", f.VerwachteEinde) })
            {
                if (datum is { } d && d < pip) fouten.Add(new(veld, $"{naam} ({d:dd-MM-yyyy}) ligt vóór de dagtekening van het PIP ({pip:dd-MM-yyyy}).", NietVoorPip));
            }
        }

        if (string.IsNullOrWhiteSpace(f.Instellingsnummer) || f.Instellingsnummer.Length != 10)
        {
            fouten.Add(new("Partner", "Deze partner heeft geen instellingsnummer van DUO (10 tekens). Functioneel beheer vult het in bij de partner, gekozen uit de lijst van DUO.", Keurmerk));
        }

        if (f.VerwachteStart is { } start && f.VerwachteEinde is { } einde && einde <= start)
        {
            fouten.Add(new("VerwachteEinde", "De verwachte einddatum ligt niet na de verwachte startdatum.", Periode));
        }

        return fouten;
    }
}
