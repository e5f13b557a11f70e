using Koers.Web.Features.Pip.Beschikking;
using Koers.Web.Infrastructure.Pdf;

namespace Koers.Web.Tests.Pdf;

public static class Voorbeeld
{
    public static readonly Briefhoofd Bergeijk = new(
        Gemeentenaam: "Gemeente Bergeijk",
        Afdeling: "Team Werk en Inkomen – Inburgering",
        Postadres: "Postbus 10000, 5570 GA Bergeijk",
        Telefoon: "14 0497",
        Website: "www.bergeijk.nl",
        BezwaarAdres: "Het college van burgemeester en wethouders van Bergeijk\nPostbus 10000\n5570 GA Bergeijk");

    public static readonly string[] Onderdelen =
    [
        "Kennis van de Nederlandse Maatschappij (KNM)",
        "Participatieverklaringstraject (PVT), minimaal 12 uur",
        "Module Arbeidsmarkt en Participatie (MAP), 108 uur",
    ];

    public static BeschikkingGegevens Vaststelling() => new(
        Briefhoofd: Bergeijk,
        Datum: new DateOnly(2026, 11, 24),
        Kenmerk: "PIP-2026-00123",
        Versie: 1,
        IsBijstelling: false,
        RedenBijstelling: null,
        Wijzigingen: [],
        Naam: "Amina Haddad",
        Adresregels: ["Mevrouw A. Haddad", "Kerkstraat 12", "5571 AB Bergeijk"],
        Geboortedatum: new DateOnly(1991, 3, 8),
        Klantregisseur: "Joëlle van Dijk",
        Leerroute: "B1-route",
        Niveaus: [("Lezen", "B1"), ("Luisteren", "B1"), ("Schrijven", "A2"), ("Spreken", "B1")],
        Onderdelen: Onderdelen,
        Participatie: "Vrijwilligerswerk bij de Voedselbank Bergeijk, 8 uur per week",
        Hoofddoel: "Betaald werk",
        Subdoelen: ["Een startkwalificatie halen in de zorg (mbo niveau 2)", "Stage lopen bij een zorginstelling in de regio"],
        Aandachtspunten: ["Zorg voor twee jonge kinderen: lessen onder schooltijd", "Digitale vaardigheden"],
        Begeleiding: ["Maatschappelijke begeleiding door VluchtelingenWerk", "Financieel ontzorgen: de gemeente betaalt het eerste half jaar de vaste lasten"],
        Aanbieder: "Taalcentrum De Kempen",
        GeplandeStart: new DateOnly(2027, 1, 11),
        Motivering:
        [
            "U had bij de leerbaarheidstoets 31 van de 40 vragen goed. Vanaf 28 goed is de verwachting dat u het B1-niveau binnen drie jaar kunt halen. Dat is bij u zo. Daarom volgt u de B1-route.",
            "U zorgt voor 2 kinderen. U heeft kinderopvang nodig om te kunnen leren of werken.",
        ],
        MotivatieAfwijkingLbt: null,
        LbtUitslag: null,
        TermijnStart: new DateOnly(2026, 9, 1),
        TermijnEinde: new DateOnly(2029, 8, 31),
        AantalVoortgangsgesprekken: "elke 3 maanden",
        Verzenddatum: new DateOnly(2026, 11, 24),
        Ondertekenaar: "het college van burgemeester en wethouders van Bergeijk");

    public static BeschikkingGegevens Bijstelling() => Vaststelling() with
    {
        Datum = new DateOnly(2027, 4, 12),
        Kenmerk = "PIP-2027-00456",
        Versie = 2,
        IsBijstelling = true,
        RedenBijstelling = "u heeft werk gevonden voor 24 uur per week en kunt daardoor minder lessen volgen.",
        Wijzigingen =
        [
            "U volgt nu twee dagdelen les per week in plaats van vier.",
            "Het vrijwilligerswerk bij de Voedselbank stopt.",
        ],
        Participatie = "Betaald werk bij Zorggroep Kempen, 24 uur per week",
        Verzenddatum = new DateOnly(2027, 4, 12),
    };
}
