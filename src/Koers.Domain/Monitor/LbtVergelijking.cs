using Koers.Domain.Dossier;
using Koers.Domain.Intake;

namespace Koers.Domain.Monitor;

/// <summary>
/// The chosen route against the leerbaarheidstoets, as the evaluation reports it (Evaluatie, regels
/// 6920-6926, 4136-4140): conform the test, a route above it (B1 or onderwijs below the cesuur) or below
/// it (Z-route at or above the cesuur).
/// </summary>
public enum LbtVergelijking
{
    Conform,
    AfwijkingOmhoog,
    AfwijkingOmlaag,
    /// <summary>No test, a skipped test, or a test without score or date: nothing to compare with.</summary>
    GeenUitslag,
}

public static class LbtVergelijkingRegels
{
    public static LbtVergelijking Vergelijk(Leerroute gekozen, LbtFeiten? lbt) =>
        lbt is null
            ? LbtVergelijking.GeenUitslag
            : LbtRegels.Uitkomst(lbt) switch
            {
                LbtUitkomst.B1Haalbaar => gekozen == Leerroute.ZRoute ? LbtVergelijking.AfwijkingOmlaag : LbtVergelijking.Conform,
                LbtUitkomst.B1NietHaalbaar => gekozen == Leerroute.ZRoute ? LbtVergelijking.Conform : LbtVergelijking.AfwijkingOmhoog,
                _ => LbtVergelijking.GeenUitslag,
            };

    public static string Omschrijving(this LbtVergelijking vergelijking) => vergelijking switch
    {
        LbtVergelijking.Conform => "Conform de toets",
        LbtVergelijking.AfwijkingOmhoog => "Afwijking omhoog (B1/onderwijs onder de cesuur)",
        LbtVergelijking.AfwijkingOmlaag => "Afwijking omlaag (Z-route op of boven de cesuur)",
        LbtVergelijking.GeenUitslag => "Geen toetsuitslag (niet gemaakt of overgeslagen)",
        _ => vergelijking.ToString(),
    };
}
