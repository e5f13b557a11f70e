using Koers.Domain.Dossier;
using Koers.Domain.Intake;
using Koers.Domain.Sources;

namespace Koers.Domain.Pip;

/// <summary>
/// The motivation of a PIP beschikking (Awb 3:46: a decision rests on a sound motivation; Bron.Motiveringsbeginsel),
/// built from the case's own facts: the leerbaarheidstoets and the answers of the brede intake (Wi2021 art. 14 lid 3;
/// Besluit inburgering 2021 art. 5.2 — Bron.BredeIntakeVerplicht), which the legislator calls the basis of both the
/// leerroute and the support (seed 001 L1725-1729). Each sentence names a recorded fact and what follows from it, in
/// plain Dutch for the letter. Health answers are only referred to, never detailed: the letter says that they were
/// taken into account, not what they are (AVG art. 9: minimal special-category data on paper).
/// </summary>
public static class PipMotivering
{
    /// <summary>The legal basis of a PIP decision, with the sources that name the articles.</summary>
    public static IReadOnlyList<Citation> Grondslag { get; } = [Bron.PipVaststellingGrondslag, Bron.BredeIntakeVerplicht, Bron.PipBegeleidingInPlan];

    /// <summary>The sentence of the letter that names the articles the decision rests on.</summary>
    public const string GrondslagZin =
        "Wij nemen dit besluit op grond van de artikelen 14, 15 en 16 van de Wet inburgering 2021 (brede intake en persoonlijk plan inburgering en participatie) "
        + "en de artikelen 5.2 en 5.3 van het Besluit inburgering 2021.";

    public static IReadOnlyList<string> Redenen(
        PipInhoud pip,
        LbtFeiten? toets,
        IReadOnlyDictionary<Leefgebied, IReadOnlyDictionary<string, string?>> intake,
        Doelgroep doelgroep)
    {
        ArgumentNullException.ThrowIfNull(pip);
        var redenen = new List<string>();
        string? A(Leefgebied l, string sleutel) =>
            intake.TryGetValue(l, out var antwoorden) && antwoorden.TryGetValue(sleutel, out var w) && !string.IsNullOrWhiteSpace(w) ? w.Trim() : null;

        // Leerroute: the test first (the legislator's "belangrijke indicator", seed 001 L1763-1766), then the intake.
        var route = pip.Leerroute;
        if (toets is not null && route is { } r)
        {
            if (toets.Overgeslagen)
            {
                redenen.Add($"De leerbaarheidstoets is niet afgenomen ({toets.RedenOverslaan?.Trim().TrimEnd('.')}). Wij hebben de leerroute gekozen op basis van de brede intake.");
            }
            else if (toets.Score is { } score && toets.Afgenomen is { } afgenomen)
            {
                var cesuur = LbtRegels.Cesuur(afgenomen, toets.CesuurVolgensDuo);
                var haalbaar = LbtRegels.Uitkomst(toets) == LbtUitkomst.B1Haalbaar;
                var zin = $"U had bij de leerbaarheidstoets {score} van de {LbtRegels.AantalVragen} vragen goed. Vanaf {cesuur} goed is de verwachting dat u "
                    + $"het B1-niveau binnen drie jaar kunt halen. {(haalbaar ? "Dat is bij u zo." : "Dat is bij u nog niet zo.")}";
                if (!LbtRegels.WijktAf(r, toets))
                {
                    zin += r switch
                    {
                        Leerroute.ZRoute => " Daarom volgt u de Z-route: u leert zo goed mogelijk Nederlands en doet veel mee in de maatschappij.",
                        Leerroute.Onderwijsroute => " Daarom kunt u de onderwijsroute volgen.",
                        _ => " Daarom volgt u de B1-route.",
                    };
                }
                else
                {
                    zin += $" Toch kiezen wij voor de {r.Omschrijving()}. Hieronder staat waarom.";
                }

                redenen.Add(zin);
            }
        }

        var opleiding = A(Leefgebied.Opleiding, "hoogsteOpleiding");
        var jaren = A(Leefgebied.Opleiding, "jarenOnderwijs");
        if (opleiding is not null || jaren is not null)
        {
            var zin = "In de brede intake vertelde u over uw opleiding: "
                + string.Join(", ", new[] { opleiding is null ? null : $"hoogst gevolgde opleiding {opleiding}", jaren is null ? null : $"{jaren} jaar onderwijs" }.Where(x => x is not null)) + ".";
            if (route == Leerroute.Onderwijsroute) zin += " Met de onderwijsroute kunt u doorstromen naar een opleiding in Nederland.";
            redenen.Add(zin);
        }

        if (A(Leefgebied.Werkervaring, "werkervaringHerkomst") == "ja")
        {
            var beroep = A(Leefgebied.Werkervaring, "beroep");
            var werkjaren = A(Leefgebied.Werkervaring, "jarenWerkervaring");
            redenen.Add($"U heeft gewerkt in uw land van herkomst{(beroep is null ? string.Empty : $" als {beroep}")}{(werkjaren is null ? string.Empty : $", {werkjaren} jaar")}."
                + (pip.Hoofddoel is { } h ? $" Dat past bij uw hoofddoel: {h.Omschrijving().ToLowerInvariant()}." : string.Empty));
        }
        else if (pip.Hoofddoel is { } hoofddoel && A(Leefgebied.MotivatieEnInteresses, "doelenEnWensen") is { } wensen)
        {
            redenen.Add($"U vertelde wat u wilt bereiken: {wensen.TrimEnd('.')}. Daarom is uw hoofddoel: {hoofddoel.Omschrijving().ToLowerInvariant()}.");
        }

        if (A(Leefgebied.Taalniveau, "latijnsSchriftBeheerst") == "nee" && pip.Alfabetisering != Alfabetisering.Nvt)
            redenen.Add("U kunt nog niet lezen en schrijven in het Latijnse schrift. Daarom krijgt u eerst les in lezen en schrijven (alfabetisering).");

        var uren = A(Leefgebied.Leerbaarheid, "belastbaarheidUrenPerWeek");
        var concentratie = A(Leefgebied.Leerbaarheid, "concentratie");
        if (uren is not null || concentratie is "wisselend" or "moeilijk")
        {
            redenen.Add("Wij houden rekening met hoeveel u aankunt: "
                + string.Join(", ", new[] { uren is null ? null : $"u kunt ongeveer {uren} uur per week leren of werken", concentratie is "wisselend" or "moeilijk" ? $"uw concentratie is {concentratie}" : null }.Where(x => x is not null))
                + ".");
        }

        if (int.TryParse(A(Leefgebied.Gezinssituatie, "aantalKinderen"), out var kinderen) && kinderen > 0)
        {
            redenen.Add($"U zorgt voor {(kinderen == 1 ? "een kind" : $"{kinderen} kinderen")}."
                + (A(Leefgebied.Gezinssituatie, "kinderopvangNodig") == "ja" ? " U heeft kinderopvang nodig om te kunnen leren of werken." : string.Empty)
                + (A(Leefgebied.Gezinssituatie, "vveIndicatieKinderen") == "ja" ? " Uw kind kan naar de voorschool (VVE)." : string.Empty));
        }

        if (A(Leefgebied.DigitaleVaardigheden, "niveauDigitaal") is "niet" or "een beetje")
            redenen.Add("U werkt nog niet zo goed met een computer of smartphone. Daar houden wij rekening mee bij de lessen en bij uw afspraken.");

        if (A(Leefgebied.FysiekeGezondheid, "beperkingenLerenOfWerken") == "ja" || A(Leefgebied.MentaleGezondheid, "signalenPsychischeKlachten") == "ja")
            redenen.Add("In de brede intake hebben wij ook over uw gezondheid gesproken. Wat u vertelde, hebben wij meegewogen bij de keuze van de leerroute en de hulp die u krijgt.");

        if (pip.Map && pip.Pvt)
            redenen.Add("De Module Arbeidsmarkt en Participatie (MAP) en het participatieverklaringstraject (PVT) zijn verplichte onderdelen van de inburgering.");

        if (pip.Ontzorgen && doelgroep.IsAsielgerelateerd())
            redenen.Add("U kwam naar Nederland als asielstatushouder of nareiziger en krijgt bijstand. Daarom betaalt de gemeente de eerste zes maanden uw vaste lasten (financieel ontzorgen).");

        if (A(Leefgebied.Zelfredzaamheid, "geldzaken") is "met veel hulp" && pip.MaatschappelijkeBegeleiding)
            redenen.Add("U heeft veel hulp nodig bij geldzaken. Ook daarom krijgt u maatschappelijke begeleiding.");

        return redenen;
    }
}
