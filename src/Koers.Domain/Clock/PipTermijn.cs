using Koers.Domain.Dossier;
using Koers.Domain.Sources;

namespace Koers.Domain.Clock;

/// <summary>
/// The end of the PIP term: the day it counts from (the BRP registration or DUO's notice), the last day after the
/// Algemene termijnenwet, and how it was found, in words a klantregisseur and a bezwaar lawyer can check.
/// <see cref="Uiterlijk"/> is null while the college waits for a third party's information (art. 5.3 lid 2): the term
/// then has no last day until that information arrives.
/// </summary>
public sealed record PipTermijnUitkomst(DateOnly Start, DateOnly? Uiterlijk, string Toelichting, Citation Bron)
{
    public bool Opgeschort => Uiterlijk is null;
}

/// <summary>
/// The college asked a third party for information it needs for the PIP on <see cref="Gevraagd"/>, and received it on
/// <see cref="Ontvangen"/> (null: still waiting). Besluit inburgering 2021 art. 5.3 lid 2 (text from 2023).
/// </summary>
public readonly record struct InformatieDerde(DateOnly Gevraagd, DateOnly? Ontvangen);

/// <summary>
/// The term within which the college sets the first PIP: Besluit inburgering 2021 (an algemene maatregel van bestuur,
/// BWBR0045555) art. 5.3 lid 1, in two versions:
/// <list type="bullet">
/// <item>from 1 January 2022: "uiterlijk 10 weken na de dag waarop de inburgeringsplichtige in de basisregistratie
/// personen is ingeschreven" (for an asiel permit: in the municipality that houses him under Huisvestingswet 2014 art. 28);</item>
/// <item>from 1 January 2023: "uiterlijk 10 weken na de dag waarop Onze Minister de inburgeringsplichtige schriftelijk
/// in kennis heeft gesteld van de inburgeringsplicht", or 10 weeks after the BRP registration in the housing
/// municipality (art. 28 Huisvestingswet 2014) when he was not yet registered there on the date of that notice.</item>
/// </list>
/// The Algemene termijnenwet applies: art. 5 makes its articles 1-4 apply to terms set in an algemene maatregel van
/// bestuur unless that AMvB says otherwise (the Besluit does not); art. 4 onderdeel a leaves out only terms of more
/// than twelve weeks, so a 10-week term that ends on a Saturday, Sunday or generally recognised holiday runs on to the
/// next day that is none of those (art. 1 lid 1). Art. 2 (two working days within the term) cannot bite on ten weeks.
/// Practice source: the Evaluatie eerste fase Wi2021 (<see cref="Sources.Bron.PipBinnenTienWeken"/>).
/// <para>
/// Which version: the one in force on the day the term started, i.e. the later of the known BRP registration and
/// notice; both before 1 January 2023 gives the 2022 version. No transitional rule for this lid was found, so this is
/// Koers's reading (docs/monitor.md). Lid 3 (a move to another municipality, where the new college's own term counts
/// from the registration there) needs nothing extra: a case in Koers belongs to one municipality, and its BRP date is
/// the registration there.
/// </para>
/// <para>
/// Art. 5.3 lid 2 (from 2023) is the only ground to go past the term: the college waits for a third party's information
/// without which the PIP cannot reasonably be set; it then sets the PIP "uiterlijk twee weken na ontvangst". Koers
/// reads it as: a question asked on or before the last day of the 10-week term keeps the term open while the answer is
/// awaited (no last day, so the case is not late), and once it arrives the last day is two weeks after receipt, or the
/// end of the 10 weeks if that is later (the lid lets the college deviate, never shortens the term). A question asked
/// after the term ran out cannot undo that it ran out. The Algemene termijnenwet applies to the two weeks as to the ten
/// (art. 5; art. 4 onderdeel a leaves out only terms over twelve weeks). The 2022 text has no such lid.
/// </para>
/// </summary>
public static class PipTermijn
{
    public const int Weken = 10;

    /// <summary>1 January 2023: art. 5.3 lid 1 counts from DUO's notice (Besluit inburgering 2021, version 2023-01-01).</summary>
    public static readonly DateOnly KennisgevingVanaf = new(2023, 1, 1);

    /// <summary>
    /// The end of the PIP term, or null when the fact it counts from is not known yet (the reason in
    /// <paramref name="ontbreekt"/>). Only for doelgroepen under the Wi2021; the caller decides that.
    /// </summary>
    public static PipTermijnUitkomst? Bereken(Doelgroep doelgroep, DateOnly? brp, DateOnly? kennisgeving, out string? ontbreekt) =>
        Bereken(doelgroep, brp, kennisgeving, null, out ontbreekt);

    /// <inheritdoc cref="Bereken(Doelgroep, DateOnly?, DateOnly?, out string?)"/>
    /// <param name="derde">A third party's information the college asked for (art. 5.3 lid 2), if any.</param>
    public static PipTermijnUitkomst? Bereken(Doelgroep doelgroep, DateOnly? brp, DateOnly? kennisgeving, InformatieDerde? derde, out string? ontbreekt)
    {
        var termijn = BerekenTienWeken(doelgroep, brp, kennisgeving, out ontbreekt);
        return termijn is null || derde is not { } vraag ? termijn : MetInformatieDerde(termijn, vraag);
    }

    private static PipTermijnUitkomst MetInformatieDerde(PipTermijnUitkomst termijn, InformatieDerde vraag)
    {
        var tienWeken = termijn.Uiterlijk!.Value;
        if (termijn.Bron == Sources.Bron.PipTermijnBesluit2022)
        {
            return termijn with
            {
                Toelichting = $"{termijn.Toelichting} De informatie van een derde (gevraagd op {vraag.Gevraagd:dd-MM-yyyy}) verlengt de termijn niet: "
                    + "het Besluit kende die uitzondering (art. 5.3 lid 2) pas vanaf 1 januari 2023.",
            };
        }

        if (vraag.Gevraagd > tienWeken)
        {
            return termijn with
            {
                Toelichting = $"{termijn.Toelichting} Informatie van een derde is pas op {vraag.Gevraagd:dd-MM-yyyy} gevraagd, na het einde van de termijn: "
                    + "art. 5.3 lid 2 geldt alleen voor informatie waarop het college binnen de termijn wacht.",
            };
        }

        var bron = Sources.Bron.PipTermijnInformatieDerde;
        if (vraag.Ontvangen is not { } ontvangen)
        {
            return new PipTermijnUitkomst(termijn.Start, null,
                $"{termijn.Toelichting.TrimEnd('.')} (tot {tienWeken:dd-MM-yyyy}), maar het college wacht op informatie van een derde, gevraagd op "
                + $"{vraag.Gevraagd:dd-MM-yyyy}: het PIP volgt uiterlijk twee weken na ontvangst. Leg de ontvangst vast (mijlpaal "
                + $"'{Mijlpaal.InformatieDerdeOntvangen.Omschrijving()}').", bron);
        }

        var tweeWeken = Kalender.WekenLater(ontvangen, 2);
        var naOntvangst = Termijnenwet.VerschuifTermijnInWeken(tweeWeken, 2);
        if (naOntvangst <= tienWeken)
        {
            return termijn with
            {
                Toelichting = $"{termijn.Toelichting} De informatie van een derde kwam op {ontvangen:dd-MM-yyyy}, ruim binnen de termijn: die blijft staan.",
            };
        }

        var verschoven = naOntvangst == tweeWeken
            ? string.Empty
            : $" {tweeWeken:dd-MM-yyyy} is een {Termijnenwet.Soort(tweeWeken)}: de termijn loopt door tot en met {naOntvangst:dd-MM-yyyy} ({Sources.Bron.TermijnenwetAmvb}).";
        return new PipTermijnUitkomst(termijn.Start, naOntvangst,
            $"Twee weken na ontvangst van de informatie van een derde op {ontvangen:dd-MM-yyyy} (gevraagd op {vraag.Gevraagd:dd-MM-yyyy}, "
            + $"binnen de gewone termijn tot {tienWeken:dd-MM-yyyy}: {termijn.Toelichting.TrimEnd('.')}).{verschoven}", bron);
    }

    private static PipTermijnUitkomst? BerekenTienWeken(Doelgroep doelgroep, DateOnly? brp, DateOnly? kennisgeving, out string? ontbreekt)
    {
        ontbreekt = null;
        var laatste = Max(brp, kennisgeving);
        // Nothing known, or only a notice from before 2023, when the term still counted from the registration.
        if (laatste is null || (laatste < KennisgevingVanaf && brp is null))
        {
            ontbreekt = "De datum van inschrijving in de BRP ontbreekt; de termijn van 10 weken begint pas bij inschrijving.";
            return null;
        }

        if (laatste < KennisgevingVanaf)
        {
            return Uitkomst(brp!.Value, Sources.Bron.PipTermijnBesluit2022, Na2022[brp.Value]);
        }

        if (kennisgeving is not { } brief)
        {
            // From 2023 the notice starts the term; without its date the BRP registration is the nearest fact Koers has
            // (for asielstatushouders usually the right one: DUO's letter reaches them in the azc, before they settle).
            return Uitkomst(brp!.Value, Sources.Bron.PipTermijnBesluit, ZonderKennisgeving[brp.Value]);
        }

        // The second sentence of lid 1 is about the municipality that houses him under art. 28 Huisvestingswet 2014:
        // asielstatushouders and their nareizigers. Not registered there on the day of the notice: from the registration.
        if (doelgroep.IsAsielgerelateerd() && (brp is null || brp > brief))
        {
            if (brp is not { } later)
            {
                ontbreekt = $"Nog niet ingeschreven in de BRP op de dag van de kennisgeving van DUO ({brief:dd-MM-yyyy}): "
                    + "de termijn van 10 weken begint bij de inschrijving in de gemeente van huisvesting.";
                return null;
            }

            return Uitkomst(later, Sources.Bron.PipTermijnBesluit, InschrijvingNaKennisgeving[(later, brief)]);
        }

        return Uitkomst(brief, Sources.Bron.PipTermijnBesluit, NaKennisgeving[brief]);
    }

    /// <summary>The term of 10 weeks from <paramref name="start"/>, explained by <paramref name="toelichting"/> (from <see cref="Toelichting"/>).</summary>
    private static PipTermijnUitkomst Uitkomst(DateOnly start, Citation bron, string toelichting) =>
        new(start, Termijnenwet.VerschuifTermijnInWeken(Kalender.WekenLater(start, Weken), Weken), toelichting, bron);

    /// <summary>Why the term counts from <paramref name="start"/>, and where the Algemene termijnenwet moved its last day.</summary>
    private static string Toelichting(DateOnly start, string waarom)
    {
        var tienWeken = Kalender.WekenLater(start, Weken);
        var uiterlijk = Termijnenwet.VerschuifTermijnInWeken(tienWeken, Weken);
        return uiterlijk == tienWeken
            ? $"{waarom}."
            : $"{waarom}. {tienWeken:dd-MM-yyyy} is een {Termijnenwet.Soort(tienWeken)}: de termijn loopt door tot en met {uiterlijk:dd-MM-yyyy} ({Sources.Bron.TermijnenwetAmvb}).";
    }

    // The four explanations of the 10 weeks, each made once per date (see Tekstcache).
    private static readonly Tekstcache<DateOnly> Na2022 = new(static brp => Toelichting(brp, $"{Weken} weken na inschrijving in de BRP op {brp:dd-MM-yyyy}"));

    private static readonly Tekstcache<DateOnly> ZonderKennisgeving = new(static brp => Toelichting(brp,
        $"{Weken} weken na inschrijving in de BRP op {brp:dd-MM-yyyy}; de datum van de kennisgeving van DUO is onbekend. "
        + "Vul die in (mijlpaal 'Kennisgeving inburgeringsplicht'): de termijn telt vanaf de kennisgeving, of vanaf de inschrijving als die later is"));

    private static readonly Tekstcache<(DateOnly Later, DateOnly Brief)> InschrijvingNaKennisgeving = new(static d => Toelichting(d.Later,
        $"{Weken} weken na inschrijving in de BRP op {d.Later:dd-MM-yyyy} (later dan de kennisgeving van DUO op {d.Brief:dd-MM-yyyy})"));

    private static readonly Tekstcache<DateOnly> NaKennisgeving = new(static brief => Toelichting(brief,
        $"{Weken} weken na de kennisgeving van de inburgeringsplicht door DUO op {brief:dd-MM-yyyy}"));

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
