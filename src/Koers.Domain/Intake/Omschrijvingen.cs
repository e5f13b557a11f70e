namespace Koers.Domain.Intake;

/// <summary>Plain Dutch names of the intake enumerations, for screens and letters.</summary>
public static class IntakeOmschrijvingen
{
    public static string Omschrijving(this LbtUitkomst uitkomst) => uitkomst switch
    {
        LbtUitkomst.B1Haalbaar => "B1-route haalbaar",
        LbtUitkomst.B1NietHaalbaar => "B1-route niet haalbaar",
        LbtUitkomst.Onbekend => "Onbekend",
        _ => uitkomst.ToString(),
    };

    public static string Omschrijving(this TolkSoort tolk) => tolk switch
    {
        TolkSoort.Geen => "Geen tolk",
        TolkSoort.Telefoontolk => "Telefoontolk",
        TolkSoort.Videotolk => "Videotolk",
        TolkSoort.TolkAanwezig => "Tolk aanwezig",
        TolkSoort.Cultuurvertaler => "Cultuurvertaler",
        TolkSoort.Collega => "Collega die de taal spreekt",
        _ => tolk.ToString(),
    };

    public static string Omschrijving(this Diplomawaardering waardering) => waardering switch
    {
        Diplomawaardering.NietAangevraagd => "Niet aangevraagd",
        Diplomawaardering.Aangevraagd => "Aangevraagd",
        Diplomawaardering.Gewaardeerd => "Gewaardeerd",
        Diplomawaardering.NietMogelijk => "Niet mogelijk",
        _ => waardering.ToString(),
    };

    /// <summary>The title of the leefgebied, as in <see cref="Leefgebieden"/>.</summary>
    public static string Omschrijving(this Leefgebied leefgebied) => Leefgebieden.Van(leefgebied).Titel;
}
