using Koers.Web.Infrastructure.Pdf;

namespace Koers.Web.Features.Pip.Beschikking;

/// <summary>
/// Everything the PIP beschikking (decision letter) shows, already in the words the letter uses:
/// the letter does not look anything up or translate codes.
/// </summary>
/// <param name="Briefhoofd">Letterhead of the municipality; its BezwaarAdres is where objections go.</param>
/// <param name="Datum">Dagtekening of the letter.</param>
/// <param name="Kenmerk">Ons kenmerk, e.g. "PIP-2026-00123".</param>
/// <param name="Versie">Version of the PIP this letter establishes (1 for the first).</param>
/// <param name="IsBijstelling">True when this letter changes an earlier PIP.</param>
/// <param name="RedenBijstelling">Why the plan changes (bijstelling only).</param>
/// <param name="Wijzigingen">What changes, one item per line (bijstelling only).</param>
/// <param name="Naam">Name as used in the aanhef, e.g. "mevrouw A. Haddad" or "Amina Haddad".</param>
/// <param name="Adresregels">Name and address lines for the window envelope.</param>
/// <param name="Klantregisseur">Name of the contact person, if known.</param>
/// <param name="Leerroute">e.g. "B1-route", "Onderwijsroute", "Z-route".</param>
/// <param name="Niveaus">Per skill the level to reach, e.g. ("Lezen", "B1").</param>
/// <param name="Onderdelen">Parts of the inburgering, e.g. "Kennis van de Nederlandse Maatschappij (KNM)".</param>
/// <param name="Participatie">Participation activity, e.g. "Vrijwilligerswerk bij de Voedselbank, 8 uur per week".</param>
/// <param name="Hoofddoel">e.g. "Betaald werk".</param>
/// <param name="Aandachtspunten">What the municipality takes into account, e.g. "Zorg voor twee jonge kinderen".</param>
/// <param name="Begeleiding">Support given, e.g. "Maatschappelijke begeleiding", "Financieel ontzorgen".</param>
/// <param name="Aanbieder">Language school or other provider.</param>
/// <param name="Motivering">Why this plan: one sentence per recorded fact (leerbaarheidstoets, brede intake) and what follows from it.</param>
/// <param name="MotivatieAfwijkingLbt">Why the leerroute differs from the leerbaarheidstoets; the section appears only when set.</param>
/// <param name="LbtUitslag">Outcome of the leerbaarheidstoets in words, e.g. "advies Z-route".</param>
/// <param name="AantalVoortgangsgesprekken">How often, e.g. "elke 3 maanden".</param>
/// <param name="Verzenddatum">Date of sending when already recorded; the bezwaar clause then prints the last day.</param>
/// <param name="Ondertekenaar">e.g. "het college van burgemeester en wethouders van Bergeijk".</param>
public sealed record BeschikkingGegevens(
    Briefhoofd Briefhoofd,
    DateOnly Datum,
    string Kenmerk,
    int Versie,
    bool IsBijstelling,
    string? RedenBijstelling,
    IReadOnlyList<string> Wijzigingen,
    string Naam,
    IReadOnlyList<string> Adresregels,
    DateOnly Geboortedatum,
    string? Klantregisseur,
    string Leerroute,
    IReadOnlyList<(string Vaardigheid, string Niveau)> Niveaus,
    IReadOnlyList<string> Onderdelen,
    string? Participatie,
    string Hoofddoel,
    IReadOnlyList<string> Subdoelen,
    IReadOnlyList<string> Aandachtspunten,
    IReadOnlyList<string> Begeleiding,
    string? Aanbieder,
    DateOnly? GeplandeStart,
    IReadOnlyList<string> Motivering,
    string? MotivatieAfwijkingLbt,
    string? LbtUitslag,
    DateOnly TermijnStart,
    DateOnly TermijnEinde,
    string AantalVoortgangsgesprekken,
    DateOnly? Verzenddatum,
    string Ondertekenaar);
