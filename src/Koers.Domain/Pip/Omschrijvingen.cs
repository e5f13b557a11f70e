namespace Koers.Domain.Pip;

/// <summary>Plain Dutch names of the PIP enumerations, for screens and the PIP letter.</summary>
public static class PipOmschrijvingen
{
    public static string Omschrijving(this Taalniveau niveau) => niveau switch
    {
        Taalniveau.A2 => "A2",
        Taalniveau.B1 => "B1",
        Taalniveau.B2 => "B2",
        _ => niveau.ToString(),
    };

    public static string Omschrijving(this Vaardigheid vaardigheid) => vaardigheid switch
    {
        Vaardigheid.Lezen => "Lezen",
        Vaardigheid.Luisteren => "Luisteren",
        Vaardigheid.Schrijven => "Schrijven",
        Vaardigheid.Spreken => "Spreken",
        _ => vaardigheid.ToString(),
    };

    public static string Omschrijving(this Alfabetisering alfabetisering) => alfabetisering switch
    {
        Alfabetisering.Nvt => "Niet van toepassing",
        Alfabetisering.A => "Alfabetisering",
        Alfabetisering.AA => "Aanvullende alfabetisering",
        _ => alfabetisering.ToString(),
    };

    public static string Omschrijving(this ParticipatieVorm vorm) => vorm switch
    {
        ParticipatieVorm.Geen => "Geen",
        ParticipatieVorm.Werk => "Betaald werk",
        ParticipatieVorm.Vrijwilligerswerk => "Vrijwilligerswerk",
        ParticipatieVorm.Dagbesteding => "Dagbesteding",
        ParticipatieVorm.Opleiding => "Opleiding",
        _ => vorm.ToString(),
    };

    public static string Omschrijving(this Hoofddoel doel) => doel switch
    {
        Hoofddoel.BetaaldWerken => "Betaald werken",
        Hoofddoel.BetaaldWerkenNaarVermogen => "Betaald werken naar vermogen",
        Hoofddoel.MaatschappelijkFitWorden => "Maatschappelijk fit worden",
        Hoofddoel.Ondernemen => "Ondernemen",
        Hoofddoel.OpleidingMetStudiefinanciering => "Opleiding met studiefinanciering",
        Hoofddoel.WerkfitWorden => "Werkfit worden",
        _ => doel.ToString(),
    };

    public static string Omschrijving(this Aandachtspunt punt) => punt switch
    {
        Aandachtspunt.DigitaleVaardigheden => "Digitale vaardigheden",
        Aandachtspunt.Financien => "Financiën",
        Aandachtspunt.Justitie => "Justitie",
        Aandachtspunt.LichamelijkeGezondheid => "Lichamelijke gezondheid",
        Aandachtspunt.PsychischeGezondheid => "Psychische gezondheid",
        Aandachtspunt.Taal => "Taal",
        Aandachtspunt.Verslaving => "Verslaving",
        Aandachtspunt.Woonsituatie => "Woonsituatie",
        Aandachtspunt.Zorgtaken => "Zorgtaken",
        _ => punt.ToString(),
    };
}
