using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Inrichting;

/// <summary>
/// The functioneel beheerder's start page: what they set up for the municipalities, one place to begin (before, they
/// landed on their account page).
/// </summary>
public sealed class BeheerModel : PageModel
{
    public sealed record Onderdeel(string Titel, string Href, string Uitleg);

    public static readonly IReadOnlyList<Onderdeel> Onderdelen =
    [
        new("Ontzorgenbeleid", "/beheer/ontzorgen", "Per gemeente: standaardkeuze, duur, vaste lasten, verlenging, trainingsaanbod en de rekening waarvan de gemeente betaalt."),
        new("Geldzaken", "/beheer/geldzaken", "Per gemeente: de termijn waarbinnen het inrichtingskrediet na de huisvesting uitbetaald moet zijn."),
        new("Voorlopig plan (pre-PIP)", "/beheer/voorlopig-plan", "Per gemeente: of klantregisseurs een voorlopig plan maken voor wie nog in het AZC woont, vóór de PIP-beschikking."),
        new("Handhavingsladder", "/beheer/handhaving", "De stappen, brieven, reactietermijnen en boetebedragen per gemeente."),
        new("Termijnsignalering", "/beheer/termijnen", "Per gemeente hoeveel dagen vóór de vervaldatum elke soort termijn oranje wordt in werkvoorraad en dossier."),
        new("Mandaatregister", "/beheer/mandaten", "Per gemeente wie besluiten ondertekent namens het college: naam en functie (artikel 10:10 Awb)."),
        new("Brieven", "/beheer/brieven", "Per gemeente de tekst van de PIP- en handhavingsbrieven: aanpassen met voorbeeld, in versies; de wettelijke delen blijven staan."),
        new("Reizen en trajecten", "/beheer/logistiek", "Per gemeente: de maximale reistijd naar de leslocatie, het signaal vóór het einde van vervoer, de maximale tussenpoos tussen trajecten en de kernen."),
        new("Producten en contractsignaal", "/inkoop/producten#signaaltermijn", "Trajectproducten met prijzen in versies, en per gemeente hoeveel maanden vóór de einddatum een contract als ‘loopt af’ verschijnt."),
        new("Ketenpartners", "/beheer/partners", "Taalscholen en andere partners: accounts, contracten en wie welke dossiers mag zien."),
        new("DUO", "/beheer/duo", "Berichten van en naar DUO: geparkeerde meldingen opnieuw aanbieden of afhandelen."),
        new("DUO: contactpersonen en instellingen", "/beheer/duo/contactpersonen", "Klantregisseurs aanmelden als contactpersoon bij DUO, en de lijst van instellingen met een keurmerk die DUO kent."),
        new("Berichten aan inburgeraars", "/beheer/berichten", "E-mails en sms'jes aan inburgeraars die niet zijn verzonden: de reden, en opnieuw aanbieden."),
        new("Bewaartermijn", "/beheer/bewaartermijn", "Dossiers waarvan de bewaartermijn verstreken is: inzien en anonimiseren."),
        new("Account en tweestapsverificatie", "/account", "Uw eigen account, wachtwoord en authenticator-app."),
        new("API-beschrijving", "/openapi/v1.json", "De OpenAPI-beschrijving voor wie systemen koppelt."),
    ];
}
