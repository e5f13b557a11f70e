using System.Text.Json;
using System.Text.Json.Serialization;

namespace Koers.Web.Features.Duo;

// Records mirroring the schemas of DUO's published OpenAPI files (Spec/*.openapi.yml, commit f4973d4). Property
// names are DUO's (camelCase); coded enumerations stay strings with DUO's exact values, checked in the contract tests.

/// <summary>Notificatie API 1.8.0, schema Notificatie (the body DUO posts to us).</summary>
public sealed record DuoNotificatieBericht(
    DateTimeOffset RegistratieDatumTijd,
    string GebeurtenisId,
    string? Bsn = null,
    long? VNummer = null);

/// <summary>Schema Foutmelding, used by every DUO API for functional errors.</summary>
public sealed record DuoFoutmelding(string Fouttekst);

/// <summary>Inburgeringsplicht API 1.2.2, schema Inburgeringsplicht.</summary>
public sealed record DuoInburgeringsplicht(
    bool IndicatorInburgeringsplicht,
    DateOnly? Begindatum = null,
    DateOnly? Einddatum = null,
    DateOnly? Wijzigingsdatum = null,
    DateOnly? DatumKennisgevingInburgeringsplicht = null,
    string? RedenGeenInburgeringsplicht = null);

/// <summary>Inburgeringsplicht API 1.2.2, schema Doelgroep.</summary>
public sealed record DuoDoelgroep(
    string? Indeling = null,
    DateOnly? Begindatum = null,
    string? GedetailleerdeDoelgroep = null,
    string? AsielrechtenWijzigingVerblijfsdoel = null);

/// <summary>Leerbaarheidstoets API 1.2.0, schema Resultaat (scores as text "ddd,dd").</summary>
public sealed record DuoLbtResultaat(string Resultaat, string BehaaldeScore, string BenodigdeScore, DateOnly DatumAfname);

/// <summary>Inburgeringstermijn API 1.0.0, schema Inburgeringstermijn.</summary>
public sealed record DuoInburgeringstermijn(
    DateOnly Startdatum,
    DateOnly Einddatum,
    DateOnly? Wijzigingsdatum = null,
    string? Verlengingsgrondcode = null,
    string? Verlengingsgrondomschrijving = null);

/// <summary>Examen API 1.0.0, schema Examenresultaat.</summary>
public sealed record DuoExamenresultaat(
    DateOnly Examendatum,
    string Resultaat,
    string Onderdeel,
    string? RedenGeenResultaat = null,
    string? Niveau = null);

/// <summary>PIP API 1.2.0, schema PIP (the body of POST /personen/{bsn}/PIP).</summary>
public sealed record DuoPip(
    DateOnly DagtekeningPip,
    string Leerroute,
    string? Niveau = null,
    int? GeschatteIntensiteitB1Route = null,
    bool? IndicatorMagOpleidingAfmaken = null,
    string? IndicatorAlfabetiseringsonderwijs = null);

/// <summary>PIP API 1.2.0, schema Gemeente (the answer of GET /personen/{bsn}/PIP).</summary>
public sealed record DuoGemeentePip(string Gemeentecode, DuoPip Pip);

/// <summary>GevolgdeUren API 1.0.0: TaallesEnKnmBredeIntake, ParticipatieactiviteitenBredeIntake, ParticipatieAlsTaalles.</summary>
public sealed record DuoUren(int Uren);

/// <summary>Vrijstelling API, schema Vrijstelling: exactly one of the three kinds is filled.</summary>
public sealed record DuoVrijstelling(
    [property: JsonPropertyName("GeheleVrijstelling")] DuoGeheleVrijstelling? GeheleVrijstelling = null,
    [property: JsonPropertyName("TijdelijkeVrijstelling")] DuoTijdelijkeVrijstelling? TijdelijkeVrijstelling = null,
    [property: JsonPropertyName("GedeeltelijkeVrijstelling")] DuoGedeeltelijkeVrijstelling? GedeeltelijkeVrijstelling = null);

/// <summary>Vrijstelling API, schema GeheleVrijstelling.</summary>
public sealed record DuoGeheleVrijstelling(string Oordeel, string Reden, DateOnly? DatumOordeel = null);

/// <summary>Vrijstelling API, schema TijdelijkeVrijstelling.</summary>
public sealed record DuoTijdelijkeVrijstelling(string Oordeel, string Reden, DateOnly? DatumOordeel = null, DateOnly? Startdatum = null, DateOnly? Einddatum = null);

/// <summary>Vrijstelling API, schema GedeeltelijkeVrijstelling.</summary>
public sealed record DuoGedeeltelijkeVrijstelling(string Reden, string Oordeel, DateOnly? DatumOordeel = null, string? Examenonderdeel = null, string? Examenniveau = null);

/// <summary>Ontheffing API, schema Ontheffing: whole or partial.</summary>
public sealed record DuoOntheffing(
    [property: JsonPropertyName("GeheleOntheffing")] DuoGeheleOntheffing? GeheleOntheffing = null,
    [property: JsonPropertyName("GedeeltelijkeOntheffing")] DuoGedeeltelijkeOntheffing? GedeeltelijkeOntheffing = null);

/// <summary>Ontheffing API, schema GeheleOntheffing.</summary>
public sealed record DuoGeheleOntheffing(string Oordeel, DateOnly DatumOordeel, string Grond);

/// <summary>Ontheffing API, schema GedeeltelijkeOntheffing.</summary>
public sealed record DuoGedeeltelijkeOntheffing(string Oordeel, DateOnly DatumOordeel, string Grond, string? Examenonderdeel = null, int? UrenBelastbaarheidParticipatieactiviteit = null);

/// <summary>MapPvtZroute API, schema DatumMap (GET /personen/{bsn}/map).</summary>
public sealed record DuoDatumMap(DateOnly DatumEindgesprekMap);

/// <summary>MapPvtZroute API, schema ResultaatMap (PUT /personen/{bsn}/map); verwijtbaar is DUO's InburgeringJaNeeType (Ja/Nee).</summary>
public sealed record DuoResultaatMap(DateOnly? DatumEindgesprekMap = null, string? Verwijtbaar = null);

/// <summary>MapPvtZroute API, schema DatumPvt (GET /personen/{bsn}/pvt).</summary>
public sealed record DuoDatumPvt(DateOnly DatumOndertekeningPvt);

/// <summary>MapPvtZroute API, schema ResultaatPvt (PUT /personen/{bsn}/pvt); verwijtbaar Ja/Nee as for the MAP.</summary>
public sealed record DuoResultaatPvt(DateOnly? DatumOndertekeningPvt = null, string? Verwijtbaar = null);

/// <summary>MapPvtZroute API, schema ResultaatZroute (PUT /personen/{bsn}/zroute).</summary>
public sealed record DuoResultaatZroute(DateOnly? DatumAfrondingZroute = null);

/// <summary>GevolgdeUren API, schema Gemeente (GET /personen/{bsn}/uren: the totals each municipality reported).</summary>
public sealed record DuoGevolgdeUren(
    string? Gemeentecode = null,
    DateOnly? BekendTot = null,
    [property: JsonPropertyName("ParticipatieAlsTaalles")] DuoUren? ParticipatieAlsTaalles = null,
    [property: JsonPropertyName("ParticipatieactiviteitenBredeIntake")] DuoUren? ParticipatieactiviteitenBredeIntake = null,
    [property: JsonPropertyName("TaallesEnKnmBredeIntake")] DuoUren? TaallesEnKnmBredeIntake = null);

/// <summary>Inburgeringsaanbod API, schema Inburgeringsaanbod (POST /personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}).</summary>
public sealed record DuoInburgeringsaanbod(
    string IndicatorAlfabetiseringsonderwijs,
    DateOnly? DatumInburgeringsaanbod = null,
    DateOnly? VerwachteStartdatumOpleiding = null,
    DateOnly? VerwachteEinddatumOpleiding = null);

/// <summary>Inburgeringsaanbod API 1.2.0, schema Instelling (GET /instellingen): a provider with the BoW and/or TST keurmerk.</summary>
public sealed record DuoInstelling(
    string Instellingsnummer,
    string Naam,
    string Postcode,
    int Huisnummer,
    string Plaatsnaam,
    string? Huisnummertoevoeging = null,
    string? Bow = null,
    string? Brin = null,
    bool? IndicatieBowKeurmerk = null,
    bool? IndicatieTstKeurmerk = null);

/// <summary>Contactpersoon API 1.0.0, schema Contactpersoongegevens (POST /contactpersonen, PUT /contactpersonen/{id}).</summary>
public sealed record DuoContactpersoongegevens(string Naam, string Email, string Telefoonnummer);

/// <summary>Contactpersoon API 1.0.0, schema Contactpersoon (the answer to POST /contactpersonen).</summary>
public sealed record DuoContactpersoon(DuoContactpersoongegevens Contactpersoongegevens, int? Id = null);

/// <summary>Inburgeringsplicht API 1.2.2, schema Inburgeringsplichthistorie (GET …/inburgeringsplicht/historie).</summary>
public sealed record DuoInburgeringsplichthistorie(
    bool IndicatorInburgeringsplicht,
    DateOnly? Begindatum = null,
    DateOnly? Einddatum = null,
    DateOnly? Wijzigingsdatum = null);

/// <summary>Inburgeringsplicht API 1.2.2, schema Doelgroephistorie (GET …/doelgroep/historie).</summary>
public sealed record DuoDoelgroephistorie(string? Indeling = null, DateOnly? Begindatum = null, DateOnly? Einddatum = null);

/// <summary>Inburgeringstermijn API 1.0.0, schema Inburgeringstermijnhistorie (GET …/inburgeringstermijn/historie); einddatum exclusive.</summary>
public sealed record DuoInburgeringstermijnhistorie(
    DateOnly? Einddatum = null,
    DateOnly? Wijzigingsdatum = null,
    string? Verlengingsgrondcode = null,
    string? Verlengingsgrondomschrijving = null);

/// <summary>Inburgeringstermijn API 1.0.0, schema Verlengingsgrond (GET /verlengingsgronden).</summary>
public sealed record DuoVerlengingsgrond(string Code, string Omschrijving);

/// <summary>Examen API 1.0.0, schema GratisPogingTegoed (GET …/examens/gratispogingen).</summary>
public sealed record DuoGratisPogingTegoed(string Onderdeel, int GratisPogingenTegoed);

/// <summary>Leerbaarheidstoets API 1.2.0, schema Examennummer (GET …/lbt/examennummer): to plan the toets.</summary>
public sealed record DuoExamennummer(string Examennummer);

public static class DuoJson
{
    /// <summary>DUO's JSON: camelCase, no nulls sent, unknown fields from DUO tolerated (a newer minor version may add some).</summary>
    public static readonly JsonSerializerOptions Opties = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
