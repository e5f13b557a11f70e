using System.Globalization;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Sources;

namespace Koers.Domain.Ontzorgen;

/// <summary>
/// Financieel ontzorgen as rules: who it is for, its period on the legal clock, what a decision and a payee need,
/// the evaluation moments of the afbouwplan, the worklist signals and the pro-rata amount of a month.
/// </summary>
public static class OntzorgenRegels
{
    public const int EindeSignaalDagen = 28;
    public const int VerlengingSignaalDagen = 56;
    public const decimal MaximumBedragPerMaand = 10_000m;
    public const int MinimaleRedenLengte = 10;

    /// <summary>Null when ontzorgen applies to the target group; else the reason, with its source.</summary>
    public static string? WaaromNietVanToepassing(Doelgroep doelgroep) => doelgroep.IsAsielgerelateerd()
        ? null
        : $"Financieel ontzorgen geldt alleen voor asielstatushouders en nareizigers met bijstand. Dit dossier is van een "
          + $"{doelgroep.Omschrijving().ToLowerInvariant()}; voor deze doelgroep betaalt de gemeente geen vaste lasten ({Bron.OntzorgenDoelgroep}).";

    /// <summary>
    /// The period that is paid: start = ingang bijstand, end = the legal clock's end (<see cref="LegalClock.OntzorgenEinde"/>),
    /// or the extended date; a move or deregistration stops it the day before. Null when nothing is paid (not
    /// applicable, no ingang bijstand, or the decision is afzien).
    /// </summary>
    public static OntzorgenPeriode? Periode(DossierFeiten feiten, int maanden, OntzorgenBesluit? besluit, DateOnly? verlengdTot)
    {
        if (besluit == OntzorgenBesluit.Afzien) return null;
        var termijn = LegalClock.OntzorgenEinde(feiten, new ClockSettings { OntzorgenMaanden = maanden });
        if (!termijn.Toepasselijk || termijn.Startdatum is not { } start || termijn.Vervaldatum is not { } standaard) return null;

        var verlengd = besluit == OntzorgenBesluit.Verlengen && verlengdTot is { } v && v > standaard ? v : (DateOnly?)null;
        var einde = verlengd ?? standaard;
        DateOnly? gestopt = null;
        if (feiten.Afsluiting is { } a && a.Soort is Mijlpaal.Verhuisd or Mijlpaal.Uitgeschreven && a.Datum.AddDays(-1) < einde)
        {
            gestopt = a.Datum;
            einde = a.Datum.AddDays(-1);
        }

        return new OntzorgenPeriode(start, standaard, einde, verlengd, gestopt);
    }

    /// <summary>Checks a decision before it is saved. Deviating from the municipality's default needs a reason.</summary>
    public static IReadOnlyList<Overtreding> ControleerBesluit(
        OntzorgenBesluit? besluit, string? reden, DateOnly? besluitdatum, DateOnly? verlengdTot,
        OntzorgenBeleidsregels beleid, DateOnly? standaardEinde, DateOnly vandaag)
    {
        var fouten = new List<Overtreding>();
        if (besluit is null || !Enum.IsDefined(besluit.Value))
        {
            fouten.Add(new("Besluit", "Kies of ontzorgen wordt toegepast, dat ervan wordt afgezien, of dat het wordt verlengd."));
            return fouten;
        }

        if (besluitdatum is null) fouten.Add(new("Besluitdatum", "Vul de datum van het besluit in."));
        else if (besluitdatum > vandaag) fouten.Add(new("Besluitdatum", "De datum van het besluit ligt in de toekomst. Leg een besluit vast als het genomen is."));

        var redenLengte = reden?.Trim().Length ?? 0;
        if (reden?.Length > 2000) fouten.Add(new("Reden", "De reden is hoogstens 2000 tekens."));

        switch (besluit)
        {
            case OntzorgenBesluit.Afzien when beleid.Benadering == OntzorgenBenadering.JaTenzij && redenLengte < MinimaleRedenLengte:
                fouten.Add(new("Reden",
                    "Het beleid van de gemeente is ‘ja, tenzij’: leg vast waarom van ontzorgen wordt afgezien, bijvoorbeeld waaruit blijkt dat de klant zelf de vaste lasten kan betalen (minstens 10 tekens).",
                    BronOntzorgen.JaTenzij));
                break;
            case OntzorgenBesluit.Toepassen when beleid.Benadering == OntzorgenBenadering.NeeTenzij && redenLengte < MinimaleRedenLengte:
                fouten.Add(new("Reden",
                    "Het beleid van de gemeente is ‘nee, tenzij’: leg vast waarom deze klant toch wordt ontzorgd (minstens 10 tekens).",
                    BronOntzorgen.NeeTenzij));
                break;
            case OntzorgenBesluit.Verlengen:
                if (!beleid.VerlengenToegestaan)
                {
                    fouten.Add(new("Besluit", "Het beleid van deze gemeente staat geen verlenging van het ontzorgen toe. Pas eerst het beleid aan (Beheer › Ontzorgen).", BronOntzorgen.VerlengenMag));
                }

                if (redenLengte < MinimaleRedenLengte)
                {
                    fouten.Add(new("Reden", "Leg vast waarom het ontzorgen wordt verlengd, bijvoorbeeld wat uit de eindevaluatie bleek (minstens 10 tekens).", BronOntzorgen.VerlengenWanneer));
                }

                if (standaardEinde is null)
                {
                    fouten.Add(new("VerlengdTot", "Verlengen kan pas als de ingang van de bijstand bekend is: leg die eerst vast bij de mijlpalen van het dossier.", BronOntzorgen.StartBijIngangBijstand));
                }
                else if (verlengdTot is null)
                {
                    fouten.Add(new("VerlengdTot", $"Vul de nieuwe einddatum in; die ligt na het wettelijke einde op {standaardEinde:dd-MM-yyyy}."));
                }
                else if (verlengdTot <= standaardEinde)
                {
                    fouten.Add(new("VerlengdTot", $"De nieuwe einddatum moet na het einde van de standaardperiode ({standaardEinde:dd-MM-yyyy}) liggen.", BronOntzorgen.VerlengenMag));
                }

                break;
        }

        if (besluit != OntzorgenBesluit.Verlengen && verlengdTot is not null)
        {
            fouten.Add(new("VerlengdTot", "Een nieuwe einddatum hoort alleen bij het besluit ‘verlengen’."));
        }

        return fouten;
    }

    /// <summary>A payee after checking: the normalised IBAN and BIC, or what is wrong.</summary>
    public sealed record BetalingControle(IReadOnlyList<Overtreding> Fouten, string? Iban, string? Bic);

    public static BetalingControle ControleerBetaling(
        Begunstigde? soort, string? naam, string? iban, string? bic, string? betalingskenmerk, decimal? bedragPerMaand,
        DateOnly? vanaf, DateOnly? tot, string? omschrijving, OntzorgenBeleidsregels beleid, string gemeentenaam)
    {
        var fouten = new List<Overtreding>();
        if (soort is null || !Enum.IsDefined(soort.Value))
        {
            fouten.Add(new("Soort", "Kies aan wie wordt betaald: verhuurder, energieleverancier, waterbedrijf, zorgverzekeraar of overig."));
        }
        else if (!beleid.Omvat(soort.Value))
        {
            fouten.Add(new("Soort",
                soort == Begunstigde.Overig
                    ? $"Het beleid van gemeente {gemeentenaam} noemt geen overige vaste lasten. Voeg ze toe in het beleid (Beheer › Ontzorgen) of kies een andere soort."
                    : $"Het beleid van gemeente {gemeentenaam} omvat geen {soort.Value.Last()}. Pas het beleid aan (Beheer › Ontzorgen) of kies een andere soort.",
                BronOntzorgen.Maatwerk));
        }

        if (soort == Begunstigde.Overig && string.IsNullOrWhiteSpace(omschrijving))
        {
            fouten.Add(new("Omschrijving", "Beschrijf de overige vaste last, bijvoorbeeld ‘stadsverwarming’."));
        }

        if (omschrijving?.Trim().Length > 100) fouten.Add(new("Omschrijving", "De omschrijving is hoogstens 100 tekens."));

        if (string.IsNullOrWhiteSpace(naam)) fouten.Add(new("Naam", "Vul de naam van de ontvanger in, zoals die bij de bank bekend is."));
        else if (naam.Trim().Length > 70) fouten.Add(new("Naam", "De naam van de ontvanger is hoogstens 70 tekens (grens van een SEPA-overboeking)."));
        else if (SepaTekst.Schoon(naam, 70).Length == 0) fouten.Add(new("Naam", "Schrijf de naam in Latijnse letters, zoals op het rekeningafschrift; een SEPA-overboeking kent geen ander schrift."));

        string? ibanWaarde = null;
        if (!Koers.Domain.Ontzorgen.Iban.TryParse(iban, out var geldigIban, out var ibanFout)) fouten.Add(new("Iban", ibanFout!, BronOntzorgen.Iban));
        else ibanWaarde = geldigIban.Value;

        string? bicWaarde = null;
        if (!string.IsNullOrWhiteSpace(bic))
        {
            if (!Bic.TryNormaliseer(bic, out var b, out var bicFout)) fouten.Add(new("Bic", bicFout!));
            else if (ibanWaarde is not null && Bic.Land(b) != ibanWaarde[..2])
            {
                fouten.Add(new("Bic", $"Deze BIC hoort bij een bank in {Bic.Land(b)}, maar het IBAN bij een rekening in {ibanWaarde[..2]}. Controleer beide."));
            }
            else bicWaarde = b;
        }

        if (string.IsNullOrWhiteSpace(betalingskenmerk))
        {
            fouten.Add(new("Betalingskenmerk", "Vul het betalingskenmerk in dat de ontvanger gebruikt, bijvoorbeeld het huurcontract- of polisnummer."));
        }
        else if (betalingskenmerk.Trim().Length > 100)
        {
            fouten.Add(new("Betalingskenmerk", "Het betalingskenmerk is hoogstens 100 tekens; Koers zet er de maand achter."));
        }
        else if (SepaTekst.Schoon(betalingskenmerk, 100).Length == 0)
        {
            fouten.Add(new("Betalingskenmerk", "Het betalingskenmerk bevat geen letters of cijfers die een bank kan doorgeven."));
        }

        if (ControleerBedrag(bedragPerMaand) is { } bedragFout) fouten.Add(new("BedragPerMaand", bedragFout));

        if (vanaf is { } v && tot is { } t && t < v)
        {
            fouten.Add(new("Tot", $"‘Betalen tot en met’ ({t:dd-MM-yyyy}) ligt vóór ‘betalen vanaf’ ({v:dd-MM-yyyy})."));
        }

        return new BetalingControle(fouten, ibanWaarde, bicWaarde);
    }

    /// <summary>Null when the monthly amount is acceptable: more than 0, at most € 10.000, whole cents.</summary>
    public static string? ControleerBedrag(decimal? bedrag) => bedrag switch
    {
        null => "Vul het bedrag per maand in euro's in, bijvoorbeeld 725,50.",
        <= 0 => "Het bedrag per maand moet groter zijn dan € 0.",
        > MaximumBedragPerMaand => "Het bedrag per maand is hoogstens € 10.000. Controleer het bedrag.",
        { } b when decimal.Round(b, 2) != b => "Het bedrag heeft hoogstens twee cijfers achter de komma (hele centen).",
        _ => null,
    };

    /// <summary>
    /// The part of a month within [van, tot] and its amount: the monthly amount × days covered / days in the month,
    /// rounded to cents away from zero (never banker's rounding). Null when no day of the month is covered.
    /// </summary>
    public static MaandDeel? Maanddeel(decimal bedragPerMaand, DateOnly maand, DateOnly van, DateOnly tot)
    {
        var eerste = new DateOnly(maand.Year, maand.Month, 1);
        var dagenInMaand = DateTime.DaysInMonth(maand.Year, maand.Month);
        var laatste = eerste.AddDays(dagenInMaand - 1);
        var begin = van > eerste ? van : eerste;
        var eind = tot < laatste ? tot : laatste;
        if (eind < begin) return null;

        var dagen = eind.DayNumber - begin.DayNumber + 1;
        var bedrag = dagen == dagenInMaand
            ? bedragPerMaand
            : Math.Round(bedragPerMaand * dagen / dagenInMaand, 2, MidpointRounding.AwayFromZero);
        return new MaandDeel(begin, eind, dagen, dagenInMaand, bedrag);
    }

    /// <summary>The days one payee is paid: the case's period, narrowed by the payee's own from/to dates.</summary>
    public static (DateOnly Van, DateOnly Tot)? Betaalperiode(OntzorgenPeriode periode, DateOnly? vanaf, DateOnly? tot)
    {
        var van = vanaf is { } v && v > periode.Start ? v : periode.Start;
        var eind = tot is { } t && t < periode.Einde ? t : periode.Einde;
        return eind < van ? null : (van, eind);
    }

    /// <summary>
    /// The evaluation moments practice uses: an evaluation after two or three months, an eindevaluatie a month
    /// before the end that decides on extension, and the uitstroomgesprek at the end.
    /// </summary>
    public static IReadOnlyList<GeplandeEvaluatie> StandaardEvaluaties(OntzorgenPeriode periode)
    {
        var eindevaluatie = Kalender.MaandenLater(periode.Einde.AddDays(1), -1);
        var lijst = new List<GeplandeEvaluatie>();
        var tussen = Kalender.MaandenLater(periode.Start, 2);
        if (tussen < eindevaluatie)
        {
            lijst.Add(new(EvaluatieSoort.Tussenevaluatie, tussen, "Evaluatie na twee maanden: gaat het betalen goed, is de training gepland?"));
        }

        if (eindevaluatie > periode.Start)
        {
            lijst.Add(new(EvaluatieSoort.Eindevaluatie, eindevaluatie, "Eindevaluatie: is de klant zelfredzaam, of wordt het ontzorgen verlengd?"));
        }

        lijst.Add(new(EvaluatieSoort.Uitstroomgesprek, periode.Einde, "Uitstroomgesprek: afspraken over het zelf betalen van de vaste lasten, overdracht aan een budgetcoach."));
        return lijst;
    }

    /// <summary>The facts the worklist signals need for one case.</summary>
    public sealed record SignaalFeiten
    {
        /// <summary>Null while no decision is recorded: the clock runs, so it counts as applying.</summary>
        public OntzorgenBesluit? Besluit { get; init; }
        public DateOnly? Einde { get; init; }
        public bool VerlengenToegestaan { get; init; } = true;
        public DateOnly? LaatsteEindevaluatie { get; init; }
        public bool SchuldenGesignaleerd { get; init; }
        public DateOnly? SchuldenOp { get; init; }
        public string? SchuldenNotitie { get; init; }
    }

    public static IReadOnlyList<OntzorgenSignaal> Signalen(SignaalFeiten f, DateOnly vandaag)
    {
        var signalen = new List<OntzorgenSignaal>();
        var loopt = f.Besluit != OntzorgenBesluit.Afzien;
        if (loopt && f.Einde is { } einde && einde >= vandaag)
        {
            var dagen = einde.DayNumber - vandaag.DayNumber;
            if (dagen <= EindeSignaalDagen)
            {
                signalen.Add(new(OntzorgenSignaalSoort.EindigtBinnenkort, einde,
                    $"Ontzorgen eindigt op {einde.ToString("d MMMM yyyy", Nl)}. Maak afspraken over het zelf betalen van de vaste lasten en zeg de betalingen tijdig op.",
                    BronOntzorgen.Overgang));
            }

            var eindevaluatieGehouden = f.LaatsteEindevaluatie is { } e && e >= Kalender.MaandenLater(einde, -3);
            if (f.VerlengenToegestaan && dagen <= VerlengingSignaalDagen && !eindevaluatieGehouden)
            {
                signalen.Add(new(OntzorgenSignaalSoort.VerlengingBeoordelen, einde,
                    $"Nog geen eindevaluatie: besluit vóór {einde.ToString("d MMMM yyyy", Nl)} of het ontzorgen stopt of wordt verlengd.",
                    BronOntzorgen.VerlengenWanneer));
            }
        }

        if (f.SchuldenGesignaleerd)
        {
            signalen.Add(new(OntzorgenSignaalSoort.SchuldenGesignaleerd, f.SchuldenOp ?? vandaag,
                "Schulden gesignaleerd" + (string.IsNullOrWhiteSpace(f.SchuldenNotitie) ? "." : $": {f.SchuldenNotitie.Trim()}"),
                BronOntzorgen.Schulden));
        }

        return signalen;
    }

    private static readonly CultureInfo Nl = new("nl-NL");

    /// <summary>Dutch month name and year, as it appears in a payment description: "juni 2026".</summary>
    public static string MaandNaam(DateOnly maand) => maand.ToString("MMMM yyyy", Nl);
}

/// <summary>Amounts in euros as people type them: 725,50 · 725.50 · 1.234,56 · € 725.</summary>
public static class Bedrag
{
    public static bool TryParse(string? tekst, out decimal bedrag, out string? fout)
    {
        bedrag = 0;
        var t = new string((tekst ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '€').ToArray());
        if (t.Length == 0)
        {
            fout = "Vul het bedrag per maand in euro's in, bijvoorbeeld 725,50.";
            return false;
        }

        string genormaliseerd;
        if (t.Contains(','))
        {
            // Dutch notation: dots group thousands, the comma is the decimal sign.
            genormaliseerd = t.Replace(".", string.Empty).Replace(',', '.');
        }
        else if (t.Count(c => c == '.') == 1 && t.Length - t.IndexOf('.') - 1 <= 2)
        {
            genormaliseerd = t; // 725.5 or 725.50: a decimal point
        }
        else
        {
            genormaliseerd = t.Replace(".", string.Empty); // 1.234 or 1.234.567: thousands
        }

        if (genormaliseerd.Count(c => c == '.') > 1 || !genormaliseerd.All(c => char.IsAsciiDigit(c) || c is '.' or '-')
            || !decimal.TryParse(genormaliseerd, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out bedrag))
        {
            fout = $"'{tekst!.Trim()}' is geen bedrag. Schrijf bijvoorbeeld 725,50.";
            return false;
        }

        fout = null;
        return true;
    }
}
