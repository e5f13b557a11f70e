using System.Globalization;
using Koers.Domain.Dossier;

namespace Koers.Domain.Tests;

/// <summary>Small helpers to write dates and case facts readably in tests.</summary>
internal static class TestFeiten
{
    /// <summary>An ISO date (yyyy-MM-dd) as a DateOnly; lets [InlineData] carry dates as strings.</summary>
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DossierFeiten Feiten(Doelgroep doelgroep, params (Mijlpaal Mijlpaal, string Datum)[] mijlpalen)
    {
        var feiten = new DossierFeiten { Doelgroep = doelgroep };
        foreach (var (mijlpaal, datum) in mijlpalen)
        {
            feiten = feiten.Met(mijlpaal, D(datum));
        }

        return feiten;
    }

    public static DossierFeiten Statushouder(params (Mijlpaal Mijlpaal, string Datum)[] mijlpalen) =>
        Feiten(Doelgroep.Asielstatushouder, mijlpalen);

    public static DossierFeiten Gezinsmigrant(params (Mijlpaal Mijlpaal, string Datum)[] mijlpalen) =>
        Feiten(Doelgroep.Gezinsmigrant, mijlpalen);
}
