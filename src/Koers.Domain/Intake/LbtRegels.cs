using Koers.Domain.Dossier;
using Koers.Domain.Sources;

namespace Koers.Domain.Intake;

/// <summary>
/// The leerbaarheidstoets (LBT): 40 questions, one verdict — is the B1-route feasible within three years?
/// The pass mark (cesuur) was 31 and is 28 since 12 April 2023; a cesuur reported by DUO always wins.
/// </summary>
public static class LbtRegels
{
    public const int AantalVragen = 40;
    public const int OudeCesuur = 31;
    public const int HuidigeCesuur = 28;

    /// <summary>First day on which the cesuur of 28 applies (anchors §2; seed 001 L2031-2033).</summary>
    public static readonly DateOnly HuidigeCesuurVanaf = new(2023, 4, 12);

    /// <summary>
    /// The number of correct answers needed for "B1-route haalbaar" on the day of the test. DUO's
    /// benodigdeScore wins; without it the table applies: 31 before 12 April 2023, 28 from that day.
    /// </summary>
    public static int Cesuur(DateOnly afgenomen, int? cesuurVolgensDuo) =>
        cesuurVolgensDuo ?? (afgenomen < HuidigeCesuurVanaf ? OudeCesuur : HuidigeCesuur);

    public static Citation CesuurBron => Bron.LbtCesuur;

    /// <summary>Onbekend when the test was skipped or when the score or the date of the test is missing.</summary>
    public static LbtUitkomst Uitkomst(LbtFeiten lbt)
    {
        ArgumentNullException.ThrowIfNull(lbt);
        if (lbt.Overgeslagen || lbt.Score is not { } score || lbt.Afgenomen is not { } afgenomen)
        {
            return LbtUitkomst.Onbekend;
        }

        return score >= Cesuur(afgenomen, lbt.CesuurVolgensDuo) ? LbtUitkomst.B1Haalbaar : LbtUitkomst.B1NietHaalbaar;
    }

    /// <summary>The route the test points to: B1-route when feasible, Z-route when not, none when unknown.</summary>
    public static Leerroute? Advies(LbtFeiten lbt) => Uitkomst(lbt) switch
    {
        LbtUitkomst.B1Haalbaar => Leerroute.B1Route,
        LbtUitkomst.B1NietHaalbaar => Leerroute.ZRoute,
        _ => null,
    };

    /// <summary>
    /// True when the chosen route goes against the test (seed 001 L6920-6926): below the cesuur with the
    /// B1- or onderwijsroute ("omhoog"), or at/above the cesuur with the Z-route ("omlaag", L4136-4140).
    /// A skipped or unknown test cannot be deviated from.
    /// </summary>
    public static bool WijktAf(Leerroute gekozen, LbtFeiten lbt) => Uitkomst(lbt) switch
    {
        LbtUitkomst.B1NietHaalbaar => gekozen is Leerroute.B1Route or Leerroute.Onderwijsroute,
        LbtUitkomst.B1Haalbaar => gekozen == Leerroute.ZRoute,
        _ => false,
    };

    /// <summary>DUO's reporting band of a score: "&lt;20", "20-27", "28-30" or "&gt;30" (seed 001 tabel 1, L4068-4084).</summary>
    public static string Band(int score) => score switch
    {
        < 20 => "<20",
        <= 27 => "20-27",
        <= 30 => "28-30",
        _ => ">30",
    };

    public static Citation BandBron => Bron.LbtScoreBanden;

    /// <summary>Checks that the recorded facts of a test are possible and complete enough to use.</summary>
    public static IReadOnlyList<Overtreding> Controleer(LbtFeiten lbt, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(lbt);
        var fouten = new List<Overtreding>();

        if (lbt.Score is { } score && score is < 0 or > AantalVragen)
        {
            fouten.Add(new(nameof(LbtFeiten.Score),
                $"De score moet tussen 0 en {AantalVragen} liggen: de toets heeft {AantalVragen} vragen.", Bron.LbtVeertigVragen));
        }

        if (lbt.CesuurVolgensDuo is { } cesuur && cesuur is < 0 or > AantalVragen)
        {
            fouten.Add(new(nameof(LbtFeiten.CesuurVolgensDuo),
                $"De benodigde score van DUO moet tussen 0 en {AantalVragen} liggen.", Bron.LbtVeertigVragen));
        }

        if (lbt.Aangemeld is { } aangemeld && aangemeld > vandaag)
        {
            fouten.Add(new(nameof(LbtFeiten.Aangemeld),
                $"De datum van aanmelding ({aangemeld:dd-MM-yyyy}) ligt in de toekomst.", Bron.DuoLbtResultaat));
        }

        if (lbt.Afgenomen is { } afgenomen)
        {
            if (afgenomen > vandaag)
            {
                fouten.Add(new(nameof(LbtFeiten.Afgenomen),
                    $"De datum van afname ({afgenomen:dd-MM-yyyy}) ligt in de toekomst. Vul de datum in als de toets gemaakt is.", Bron.DuoLbtResultaat));
            }

            if (lbt.Aangemeld is { } a && afgenomen < a)
            {
                fouten.Add(new(nameof(LbtFeiten.Afgenomen),
                    $"De toets kan niet gemaakt zijn ({afgenomen:dd-MM-yyyy}) vóór de aanmelding ({a:dd-MM-yyyy}).", Bron.DuoLbtResultaat));
            }

            if (lbt.Score is null && !lbt.Overgeslagen)
            {
                fouten.Add(new(nameof(LbtFeiten.Score),
                    "De toets is gemaakt, maar de score ontbreekt. Vul de score in (0 tot en met 40).", Bron.LbtVoorIedereen));
            }
        }
        else if (lbt.Score is not null && !lbt.Overgeslagen)
        {
            // The cesuur depends on the day of the test, so a score without a date cannot be judged.
            fouten.Add(new(nameof(LbtFeiten.Afgenomen),
                "Er is een score, maar de datum van afname ontbreekt. De grens voor 'haalbaar' hangt af van die datum.", Bron.LbtCesuur));
        }

        if (lbt.Overgeslagen)
        {
            if (string.IsNullOrWhiteSpace(lbt.RedenOverslaan))
            {
                fouten.Add(new(nameof(LbtFeiten.RedenOverslaan),
                    "De toets is overgeslagen. Schrijf op waarom, bijvoorbeeld een beperking in zien of horen.", Bron.LbtVoorIedereen));
            }

            if (lbt.Score is not null)
            {
                fouten.Add(new(nameof(LbtFeiten.Score),
                    "Een overgeslagen toets heeft geen score. Haal de score weg of zet 'overgeslagen' uit.", Bron.LbtVoorIedereen));
            }
        }

        return fouten;
    }
}
