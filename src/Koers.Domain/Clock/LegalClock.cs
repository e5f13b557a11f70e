using Koers.Domain.Dossier;
using Koers.Domain.Sources;

namespace Koers.Domain.Clock;

/// <summary>
/// The legal clock: from the facts of a case it computes every deadline with its source. Pure: the same
/// facts always give the same deadlines, so a change of facts can be replayed and compared.
/// </summary>
public static class LegalClock
{
    public const int InburgeringstermijnJaren = 3;
    public const int BezwaartermijnWeken = 6;

    public static IReadOnlyList<Termijn> Bereken(DossierFeiten feiten, ClockSettings? instellingen = null)
    {
        instellingen ??= ClockSettings.Default;
        var reden = AfsluitReden(feiten);
        return
        [
            NaAfsluiting(PipVaststelling(feiten), reden),
            NaAfsluiting(Inburgeringstermijn(feiten), reden),
            NaAfsluiting(OntzorgenEinde(feiten, instellingen), reden),
            NaAfsluiting(Voortgangsgesprek(feiten, instellingen), reden),
            NaAfsluiting(Hercontact(feiten, instellingen), reden),
            NaAfsluiting(Bezwaartermijn(feiten), reden),
        ];
    }

    /// <summary>
    /// The PIP term exactly as <see cref="Bereken"/> gives it, without computing the other five. For a closed case it is
    /// the only deadline still recomputed (the monitor's PIP-on-time figure counts closed cases too), and the national
    /// recomputation has some 58,000 of them: their other deadlines' explanations were a third of its strings.
    /// </summary>
    public static Termijn PipVaststellingNaAfsluiting(DossierFeiten feiten) => NaAfsluiting(PipVaststelling(feiten), AfsluitReden(feiten));

    // A closed case (moved away, deregistered) has no running deadlines left here; keep the dates for the record, but take
    // them off every worklist.
    private static string? AfsluitReden(DossierFeiten feiten) =>
        feiten.Afsluiting is { } afsluiting && afsluiting.Soort is Mijlpaal.Verhuisd or Mijlpaal.Uitgeschreven
            ? AfgeslotenOp[(afsluiting.Soort, afsluiting.Datum)]
            : null;

    // The explanations, each made once per distinct input (see Tekstcache): the same texts as formatted in place before.
    private static readonly Tekstcache<(Mijlpaal Soort, DateOnly Datum)> AfgeslotenOp =
        new(static a => $"Dossier afgesloten: {a.Soort.Omschrijving().ToLowerInvariant()} op {a.Datum:dd-MM-yyyy}.");

    private static readonly Tekstcache<Mijlpaal> AfgeslotenVoorPip = new(static soort => $"Dossier afgesloten ({soort.Omschrijving().ToLowerInvariant()}) voordat een PIP nodig was.");

    private static readonly Tekstcache<Mijlpaal> AfgeslotenVoorVaststelling =
        new(static soort => $"Dossier afgesloten ({soort.Omschrijving().ToLowerInvariant()}) voordat het PIP was vastgesteld.");

    private static readonly Tekstcache<Mijlpaal> AfgeslotenZonderBijstand =
        new(static soort => $"Dossier afgesloten ({soort.Omschrijving().ToLowerInvariant()}) zonder bekende ingang van de bijstand.");

    private static readonly Tekstcache<Mijlpaal> Afgesloten = new(static soort => $"Dossier afgesloten: {soort.Omschrijving().ToLowerInvariant()}.");

    private static readonly Tekstcache<DateOnly> DrieJaarNaPip = new(static pip => $"{InburgeringstermijnJaren} jaar na vaststelling van het PIP op {pip:dd-MM-yyyy}.");

    private static readonly Tekstcache<(int Maanden, DateOnly Start)> OntzorgenVanaf =
        new(static o => $"{o.Maanden} maanden vanaf de ingang van de bijstand op {o.Start:dd-MM-yyyy}.");

    private static readonly Tekstcache<(int Maanden, bool VanafPip, DateOnly Basis)> VoortgangVanaf = new(static v =>
        $"Elke {v.Maanden} maanden, gerekend vanaf {(v.VanafPip ? "vaststelling van het PIP" : "het laatste gesprek")} op {v.Basis:dd-MM-yyyy}. "
        + "Dat is de standaard van de gemeente, geen wettelijke termijn: "
        + "de wet laat het college het aantal voortgangsgesprekken in het PIP vastleggen (Besluit inburgering 2021 art. 5.3 lid 4).");

    private static readonly Tekstcache<(int Maanden, DateOnly Basis)> HercontactVanaf =
        new(static h => $"Elke {h.Maanden} maanden opnieuw contact zolang iemand nog niet kan starten, gerekend vanaf {h.Basis:dd-MM-yyyy}.");

    private static readonly Tekstcache<(bool ZonderVerzenddatum, DateOnly Bekendgemaakt)> BezwaarNa = new(static b =>
    {
        var toelichting = b.ZonderVerzenddatum
            ? $"{BezwaartermijnWeken} weken na vaststelling van het PIP op {b.Bekendgemaakt:dd-MM-yyyy} (geen verzenddatum van de PIP-beschikking in Koers)."
            : $"{BezwaartermijnWeken} weken na verzending van de laatste PIP-beschikking op {b.Bekendgemaakt:dd-MM-yyyy}.";
        var einde = Kalender.WekenLater(b.Bekendgemaakt, BezwaartermijnWeken);
        var verschoven = BezwaarEinde(b.Bekendgemaakt);
        return verschoven == einde ? toelichting : toelichting + $" Verschoven van {einde:dd-MM-yyyy} naar {verschoven:dd-MM-yyyy} ({Termijnenwet.Bron}).";
    });

    private static readonly Tekstcache<Doelgroep> NietVoorDoelgroep = new(static doelgroep =>
        $"Niet van toepassing voor doelgroep {doelgroep.Omschrijving().ToLowerInvariant()}: geen Wi2021-termijnen"
        + (doelgroep.WaaromNietWi2021() is { } waarom ? $" ({waarom})." : "."));

    private static Termijn NaAfsluiting(Termijn termijn, string? reden) =>
        reden is not null && termijn.Toepasselijk && termijn.VoldaanOp is null ? termijn.BuitenToepassing(reden) : termijn;

    /// <summary>
    /// The first PIP: uiterlijk 10 weeks after DUO's notice of the inburgeringsplicht, or after the BRP registration
    /// (Besluit inburgering 2021 art. 5.3 lid 1, with the Algemene termijnenwet); see <see cref="PipTermijn"/>.
    /// </summary>
    public static Termijn PipVaststelling(DossierFeiten feiten)
    {
        if (!feiten.Doelgroep.ValtOnderWi2021())
        {
            return NietVanToepassing(TermijnCode.PipVaststelling, feiten, Bron.PipTermijnBesluit);
        }

        var pip = feiten.Datum(Mijlpaal.PipVastgesteld);
        var termijn = PipTermijn.Bereken(feiten.Doelgroep, feiten.Datum(Mijlpaal.BrpInschrijving),
            feiten.Datum(Mijlpaal.KennisgevingInburgeringsplicht), feiten.InformatieDerde(), out var ontbreekt);
        if (termijn is null)
        {
            if (pip is null && feiten.Afsluiting is { } afgeslotenZonderBrp)
            {
                return Termijn.NietVanToepassing(TermijnCode.PipVaststelling, AfgeslotenVoorPip[afgeslotenZonderBrp.Soort], Bron.PipTermijnBesluit);
            }

            return pip is { } vroeg
                ? Termijn.NogNietTeBerekenen(TermijnCode.PipVaststelling,
                    "PIP vastgesteld vóór de inschrijving in de BRP (bijvoorbeeld nog in het azc).", Bron.PipTermijnBesluit, voldaanOp: vroeg)
                : Termijn.NogNietTeBerekenen(TermijnCode.PipVaststelling, ontbreekt!, Bron.PipTermijnBesluit);
        }

        if (pip is null && feiten.Afsluiting is { } afsluiting)
        {
            return Termijn.NietVanToepassing(TermijnCode.PipVaststelling, AfgeslotenVoorPip[afsluiting.Soort], termijn.Bron,
                start: termijn.Start, vervaldatum: termijn.Uiterlijk);
        }

        // Waiting for a third party's information (art. 5.3 lid 2): no last day yet, so the case is not late.
        return termijn.Uiterlijk is { } uiterlijk
            ? Termijn.Loopt(TermijnCode.PipVaststelling, termijn.Start, uiterlijk, pip, termijn.Toelichting, termijn.Bron)
            : Termijn.NogNietTeBerekenen(TermijnCode.PipVaststelling, termijn.Toelichting, termijn.Bron, voldaanOp: pip);
    }

    public static Termijn Inburgeringstermijn(DossierFeiten feiten)
    {
        // Statute first: Wi2021 art. 11 lid 1 and 2 (three years, from the day after the PIP's dagtekening); not moved by
        // the Algemene termijnenwet, which leaves out terms "in een of meer jaren" (art. 4 onderdeel a).
        var bron = Bron.InburgeringstermijnWet;
        if (!feiten.Doelgroep.ValtOnderWi2021())
        {
            return NietVanToepassing(TermijnCode.Inburgeringstermijn, feiten, bron);
        }

        if (feiten.Datum(Mijlpaal.PipVastgesteld) is not { } pip)
        {
            return feiten.Afsluiting is { } afgesloten
                ? Termijn.NietVanToepassing(TermijnCode.Inburgeringstermijn, AfgeslotenVoorVaststelling[afgesloten.Soort], bron)
                : Termijn.NogNietTeBerekenen(TermijnCode.Inburgeringstermijn,
                    "Het PIP is nog niet vastgesteld; de termijn van 3 jaar begint bij vaststelling van het PIP.", bron);
        }

        var einde = Kalender.JarenLater(pip, InburgeringstermijnJaren);
        var toelichting = DrieJaarNaPip[pip];
        if (feiten.Datum(Mijlpaal.TermijnVerlengdTot) is { } verlengd && verlengd > einde)
        {
            toelichting += $" Door DUO verlengd van {einde:dd-MM-yyyy} tot {verlengd:dd-MM-yyyy} ({Bron.TermijnVerlengingDoorDuo}).";
            einde = verlengd;
        }

        DateOnly? voldaan = feiten.Afsluiting is { } a && a.Soort is Mijlpaal.InburgeringsplichtVoldaan or Mijlpaal.Ontheffing
            ? a.Datum
            : null;
        return Termijn.Loopt(TermijnCode.Inburgeringstermijn, pip, einde, voldaan, toelichting, bron);
    }

    /// <summary>
    /// The first day of the inburgeringstermijn: the day after the dagtekening of the PIP (Wi2021 art. 11 lid 2,
    /// <see cref="Bron.InburgeringstermijnWet"/>). Three years counted from that day end on the same calendar date as the
    /// dagtekening, which is why <see cref="Inburgeringstermijn"/>'s last day is the dagtekening plus three years; a
    /// letter that names the period starts it here, not on the dagtekening itself.
    /// </summary>
    public static DateOnly EersteDagInburgeringstermijn(DateOnly dagtekeningPip) => dagtekeningPip.AddDays(1);

    public static Termijn OntzorgenEinde(DossierFeiten feiten, ClockSettings instellingen)
    {
        // Statute first: Participatiewet art. 56a lid 2 (six months from the day the right to bijstand arises).
        var bron = Bron.OntzorgenParticipatiewet;
        if (!feiten.Doelgroep.IsAsielgerelateerd())
        {
            return Termijn.NietVanToepassing(TermijnCode.OntzorgenEinde,
                $"Financieel ontzorgen geldt alleen voor asielstatushouders en nareizigers met bijstand ({Bron.OntzorgenDoelgroep}).", bron);
        }

        if (feiten.Datum(Mijlpaal.StartBijstand) is not { } start)
        {
            return feiten.Afsluiting is { } afgesloten
                ? Termijn.NietVanToepassing(TermijnCode.OntzorgenEinde, AfgeslotenZonderBijstand[afgesloten.Soort], bron)
                : Termijn.NogNietTeBerekenen(TermijnCode.OntzorgenEinde,
                    "De ingangsdatum van de bijstand ontbreekt; ontzorgen loopt vanaf de eerste dag van de bijstand.", bron);
        }

        if (feiten.OntzorgenAfgezien)
        {
            return Termijn.NietVanToepassing(TermijnCode.OntzorgenEinde,
                "De gemeente heeft besloten af te zien van financieel ontzorgen.", bron, start: start);
        }

        var einde = Kalender.LaatsteDagVanPeriode(start, instellingen.OntzorgenMaanden);
        var toelichting = OntzorgenVanaf[(instellingen.OntzorgenMaanden, start)];
        if (feiten.OntzorgenVerlengdTot is { } verlengd && verlengd > einde)
        {
            // After the mandatory six months the municipality may extend (seed 001 L1884-1888).
            toelichting += $" Door de gemeente verlengd van {einde:dd-MM-yyyy} tot {verlengd:dd-MM-yyyy}.";
            einde = verlengd;
        }

        return Termijn.Loopt(TermijnCode.OntzorgenEinde, start, einde, null, toelichting, bron);
    }

    public static Termijn Voortgangsgesprek(DossierFeiten feiten, ClockSettings instellingen)
    {
        var bron = Bron.VoortgangsgesprekCadans;
        if (!feiten.Doelgroep.ValtOnderWi2021())
        {
            return NietVanToepassing(TermijnCode.Voortgangsgesprek, feiten, bron);
        }

        if (feiten.Afsluiting is { } afsluiting)
        {
            return Termijn.NietVanToepassing(TermijnCode.Voortgangsgesprek, Afgesloten[afsluiting.Soort], bron);
        }

        if (feiten.Datum(Mijlpaal.PipVastgesteld) is not { } pip)
        {
            return Termijn.NogNietTeBerekenen(TermijnCode.Voortgangsgesprek,
                "Voortgangsgesprekken beginnen na vaststelling van het PIP; dat is nog niet gebeurd.", bron);
        }

        var laatste = feiten.Datum(Mijlpaal.LaatsteVoortgangsgesprek);
        var basis = laatste is { } l && l >= pip ? l : pip;
        var volgende = Kalender.MaandenLater(basis, instellingen.VoortgangsgesprekIntervalMaanden);
        return Termijn.Loopt(TermijnCode.Voortgangsgesprek, basis, volgende, null,
            VoortgangVanaf[(instellingen.VoortgangsgesprekIntervalMaanden, basis == pip, basis)], bron);
    }

    public static Termijn Hercontact(DossierFeiten feiten, ClockSettings instellingen)
    {
        var bron = Bron.HercontactNietStartklaar;
        if (feiten.Doelgroep == Doelgroep.Vrijgesteld || !feiten.NogNietStartklaar
            || feiten.Datum(Mijlpaal.PipVastgesteld) is not null || feiten.Afsluiting is not null)
        {
            return Termijn.NietVanToepassing(TermijnCode.Hercontact,
                "Alleen voor wie nog niet kan starten en nog geen PIP heeft.", bron);
        }

        var basis = feiten.Datum(Mijlpaal.LaatsteContact) ?? feiten.Datum(Mijlpaal.Koppeling) ?? feiten.Datum(Mijlpaal.BrpInschrijving);
        if (basis is null)
        {
            return Termijn.NogNietTeBerekenen(TermijnCode.Hercontact,
                "Geen datum van laatste contact, koppeling of BRP-inschrijving bekend om vanaf te rekenen.", bron);
        }

        var volgende = Kalender.MaandenLater(basis.Value, instellingen.HercontactIntervalMaanden);
        return Termijn.Loopt(TermijnCode.Hercontact, basis.Value, volgende, null, HercontactVanaf[(instellingen.HercontactIntervalMaanden, basis.Value)], bron);
    }

    public static Termijn Bezwaartermijn(DossierFeiten feiten)
    {
        var bron = Bron.BezwaarZesWeken;
        if (!feiten.Doelgroep.ValtOnderWi2021()
            || (!feiten.LaatsteBeschikkingNietVerzonden && (feiten.LaatsteBeschikking ?? feiten.Datum(Mijlpaal.PipVastgesteld)) is null))
        {
            return Termijn.NietVanToepassing(TermijnCode.Bezwaartermijn,
                "Er is nog geen PIP-beschikking bekendgemaakt.", bron);
        }

        // Awb 6:8 lid 1: the term starts the day after the bekendmaking, which is the sending (Awb 3:41 lid 1), not the
        // dagtekening. A letter that was made but not sent has no term yet: better no date than a wrong one.
        if (feiten.LaatsteBeschikkingNietVerzonden)
        {
            return Termijn.NogNietTeBerekenen(TermijnCode.Bezwaartermijn,
                "De laatste PIP-beschikking is nog niet als verzonden geregistreerd. De termijn van zes weken begint op de dag na verzending; leg de verzenddatum vast.", bron);
        }

        // The newest beschikking's date of sending; for a PIP recorded without a letter in Koers, its vaststelling.
        var bekendgemaakt = (feiten.LaatsteBeschikking ?? feiten.Datum(Mijlpaal.PipVastgesteld))!.Value;
        // The date of sending no longer tells a first PIP from a bijstelling (both may be sent after their dagtekening);
        // the explanation says which date counted and where the Algemene termijnenwet moved the last day.
        return Termijn.Loopt(TermijnCode.Bezwaartermijn, bekendgemaakt.AddDays(1), BezwaarEinde(bekendgemaakt), null,
            BezwaarNa[(feiten.LaatsteBeschikking is null, bekendgemaakt)], bron);
    }

    /// <summary>
    /// The last day to object to a decision sent on <paramref name="verzonden"/>: six weeks from the day after
    /// sending (Awb 6:7, 6:8 lid 1), so the same weekday six weeks later, moved past a weekend or holiday by the
    /// Algemene termijnenwet (art. 1).
    /// </summary>
    public static DateOnly BezwaarEinde(DateOnly verzonden) =>
        Termijnenwet.Verschuif(Kalender.WekenLater(verzonden, BezwaartermijnWeken));

    /// <summary>The hours the route requires, each with its source. Empty when no Wi2021 route applies.</summary>
    public static IReadOnlyList<Urennorm> Urennormen(DossierFeiten feiten)
    {
        if (!feiten.Doelgroep.ValtOnderWi2021())
        {
            return [];
        }

        var normen = new List<Urennorm>();
        if (feiten.Leerroute == Leerroute.ZRoute)
        {
            normen.Add(new Urennorm("Z-route: taal en KNM", 800, null, "Taallessen bij een aanbieder met keurmerk.", Bron.ZRouteUren));
            normen.Add(new Urennorm("Z-route: participatie", 800, null, "Participatie-uren naast de taal.", Bron.ZRouteUren));
        }

        if (feiten.Leerroute != Leerroute.Onderwijsroute)
        {
            var map = feiten.Doelgroep is Doelgroep.Gezinsmigrant or Doelgroep.OverigeMigrant ? Bron.MapPvtGezinsmigranten : Bron.MapUren;
            normen.Add(new Urennorm("MAP (Module Arbeidsmarkt en Participatie)", 108, 40,
                "Minimaal 40 uur praktijk; vrijstelling voor de onderwijsroute.", map));
        }

        normen.Add(new Urennorm("PVT (Participatieverklaringstraject)", 12, null, "Minimaal 12 uur, afgesloten met de participatieverklaring.", Bron.PvtUren));
        return normen;
    }

    private static Termijn NietVanToepassing(TermijnCode code, DossierFeiten feiten, Citation bron) =>
        Termijn.NietVanToepassing(code, NietVoorDoelgroep[feiten.Doelgroep], bron);
}
