using System.ComponentModel;
using System.Globalization;
using Koers.Domain.Ontzorgen;

namespace Koers.Web.Features.Ontzorgen;

/// <summary>A municipality's policy as functioneel beheer sets it (form and API).</summary>
public sealed class BeleidInvoer
{
    public OntzorgenBenadering? Benadering { get; set; }
    [Description("Standaardduur in maanden vanaf de ingang van de bijstand (wettelijk minimaal 6).")] public int? OntzorgenMaanden { get; set; }
    public bool Huur { get; set; }
    public bool GasEnStroom { get; set; }
    public bool Water { get; set; }
    public bool Zorgverzekering { get; set; }
    [Description("Overige vaste lasten die de gemeente betaalt, in woorden; leeg: geen.")] public string? OverigeLasten { get; set; }
    public bool VerlengenToegestaan { get; set; }
    public string? TrainingAanbod { get; set; }
    [Description("Naam van de rekeninghouder waarvan betaald wordt (hoogstens 70 tekens).")] public string? DebiteurNaam { get; set; }
    public string? DebiteurIban { get; set; }
    public string? DebiteurBic { get; set; }
}

public sealed class BesluitInvoer
{
    public OntzorgenBesluit? Besluit { get; set; }
    [Description("Verplicht bij afwijken van het gemeentebeleid en bij verlengen.")] public string? Reden { get; set; }
    public DateOnly? Besluitdatum { get; set; }
    [Description("Alleen bij verlengen: de nieuwe laatste dag van het ontzorgen.")] public DateOnly? VerlengdTot { get; set; }

    [Description("Datum waarop de besluitbrief wordt verzonden, als die bekend is; de brief noemt dan de laatste dag voor bezwaar.")]
    public DateOnly? Verzenddatum { get; set; }
}

public sealed class BetalingInvoer
{
    public Begunstigde? Soort { get; set; }
    [Description("Bij soort 'overig': welke vaste last.")] public string? Omschrijving { get; set; }
    [Description("Naam van de ontvanger, zoals bij de bank bekend (hoogstens 70 tekens).")] public string? Naam { get; set; }
    [Description("IBAN van de ontvanger; een Nederlands IBAN heeft 18 tekens.")] public string? Iban { get; set; }
    public string? Bic { get; set; }
    [Description("Kenmerk dat de ontvanger gebruikt (huurcontract-, klant- of polisnummer).")] public string? Betalingskenmerk { get; set; }
    [Description("Bedrag voor een hele maand in euro's, meer dan 0 en hoogstens 10000, in hele centen.")] public decimal? BedragPerMaand { get; set; }
    [Description("Optioneel: betalen vanaf (binnen de periode van het ontzorgen).")] public DateOnly? Vanaf { get; set; }
    [Description("Optioneel: betalen tot en met.")] public DateOnly? Tot { get; set; }
}

public sealed class AfbouwplanInvoer
{
    public string? TrainingNaam { get; set; }
    public DateOnly? TrainingGepland { get; set; }
    public DateOnly? TrainingAfgerond { get; set; }
    [Description("Afspraken voor het moment dat de klant de vaste lasten zelf betaalt.")] public string? Afspraken { get; set; }
    [Description("Wie het overneemt na het ontzorgen, bijvoorbeeld een budgetcoach.")] public string? OverdrachtAan { get; set; }
    [Description("Alle evaluatiemomenten; de lijst vervangt de vorige.")] public List<EvaluatieInvoer> Evaluaties { get; set; } = [];
}

public sealed class EvaluatieInvoer
{
    public EvaluatieSoort? Soort { get; set; }
    public DateOnly? Datum { get; set; }
    public bool Gehouden { get; set; }
    public string? Verslag { get; set; }
}

public sealed class SchuldenInvoer
{
    [Description("true: schulden gesignaleerd; false: het signaal is afgehandeld.")] public bool Gesignaleerd { get; set; }
    public DateOnly? Datum { get; set; }
    public string? Notitie { get; set; }
}

public sealed class BetaalrunInvoer
{
    [Description("CBS-gemeentecode, bijvoorbeeld GM1724.")] public string? Gemeente { get; set; }
    [Description("De maand als JJJJ-MM, bijvoorbeeld 2026-07.")] public string? Maand { get; set; }
    [Description("Gewenste uitvoeringsdatum (ReqdExctnDt); standaard vandaag of de eerste dag van de maand.")] public DateOnly? Uitvoerdatum { get; set; }
}

/// <summary>Formatting for the ontzorgen screens.</summary>
public static class OntzorgenWeergave
{
    private static readonly CultureInfo Nl = new("nl-NL");

    public static string Euro(decimal bedrag) => bedrag.ToString("C2", Nl);

    public static string BedragInvoer(decimal? bedrag) => bedrag?.ToString("0.00", Nl) ?? string.Empty;

    public static string Maand(DateOnly maand) => OntzorgenRegels.MaandNaam(maand);



    public static string MaandCode(DateOnly maand) => maand.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Reads "2026-07" (also "2026-7") as the first day of that month.</summary>
    public static bool TryMaand(string? tekst, out DateOnly maand)
    {
        maand = default;
        var delen = (tekst ?? string.Empty).Trim().Split('-');
        if (delen.Length != 2 || !int.TryParse(delen[0], NumberStyles.None, CultureInfo.InvariantCulture, out var jaar)
            || !int.TryParse(delen[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || jaar is < 2000 or > 2100 || m is < 1 or > 12)
        {
            return false;
        }

        maand = new DateOnly(jaar, m, 1);
        return true;
    }
}
