using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Intake;
using Koers.Domain.Sources;

namespace Koers.Domain.Pip;

/// <summary>
/// The outcome of checking a PIP: <see cref="Fouten"/> block vaststelling, <see cref="Waarschuwingen"/>
/// must be read (and sometimes explained) but do not block it.
/// </summary>
public sealed record PipControle(IReadOnlyList<Overtreding> Fouten, IReadOnlyList<Overtreding> Waarschuwingen)
{
    public bool MagVastgesteld => Fouten.Count == 0;
}

/// <summary>
/// The rules a PIP must meet before the gemeente can set it (vaststellen): the Wi2021 content as the
/// sources describe it, and DUO's own validation of a PIP submission so DUO will not reject it later.
/// Every finding carries its source.
/// </summary>
public static class PipRegels
{
    public const int MinIntensiteitB1 = 1;
    public const int MaxIntensiteitB1 = 9999;
    public const int MinLengteMotivatieAfwijking = 20;

    /// <summary>
    /// DUO rule: a missing level counts as B1 for the B1-route and the onderwijsroute. The Z-route gets no
    /// default (it has no exam level; A2 levels given for 'opplussen' are kept). Existing levels stay.
    /// </summary>
    public static PipInhoud Normaliseer(PipInhoud inhoud)
    {
        ArgumentNullException.ThrowIfNull(inhoud);
        if (inhoud.Leerroute is not (Leerroute.B1Route or Leerroute.Onderwijsroute))
        {
            return inhoud;
        }

        var niveaus = new Dictionary<Vaardigheid, Taalniveau>(inhoud.Niveaus);
        foreach (var vaardigheid in Enum.GetValues<Vaardigheid>())
        {
            niveaus.TryAdd(vaardigheid, Taalniveau.B1);
        }

        return inhoud with { Niveaus = niveaus };
    }

    public static PipControle Controleer(PipInhoud inhoud, PipContext context)
    {
        ArgumentNullException.ThrowIfNull(inhoud);
        ArgumentNullException.ThrowIfNull(context);
        var fouten = new List<Overtreding>();
        var waarschuwingen = new List<Overtreding>();
        var route = inhoud.Leerroute;
        var asiel = context.Doelgroep.IsAsielgerelateerd();

        // --- Content the law requires ---------------------------------------------------------------
        if (route is null)
        {
            fouten.Add(new(nameof(PipInhoud.Leerroute),
                "Kies een leerroute: B1-route, onderwijsroute of Z-route.", Bron.PipInhoudLeerrouteMapPvt));
        }

        if (inhoud.Hoofddoel is null)
        {
            fouten.Add(new(nameof(PipInhoud.Hoofddoel),
                "Kies een hoofddoel. Het PIP moet een persoonlijk einddoel hebben.", Bron.PipEinddoelen));
        }

        // --- Dagtekening ----------------------------------------------------------------------------
        var dagtekening = context.Dagtekening;
        if (dagtekening > context.Vandaag)
        {
            fouten.Add(new(nameof(PipContext.Dagtekening),
                $"De dagtekening ({dagtekening:dd-MM-yyyy}) ligt in de toekomst. De dagtekening is de dag waarop het PIP wordt vastgesteld.",
                Bron.DuoDagtekeningIsOndertekening));
        }

        if (context.Koppeling is { } koppeling)
        {
            if (dagtekening < koppeling)
            {
                fouten.Add(new(nameof(PipContext.Dagtekening),
                    $"De dagtekening ({dagtekening:dd-MM-yyyy}) ligt vóór de koppeling aan de gemeente ({koppeling:dd-MM-yyyy}).",
                    Bron.DuoDagtekeningNaVestiging));
            }
        }
        else if (context.BrpInschrijving is { } brp && dagtekening < brp)
        {
            fouten.Add(new(nameof(PipContext.Dagtekening),
                $"De dagtekening ({dagtekening:dd-MM-yyyy}) ligt vóór de inschrijving in de gemeente (BRP, {brp:dd-MM-yyyy}).",
                Bron.DuoDagtekeningNaVestiging));
        }

        if (context.DuoPlichtSinds is { } plicht && dagtekening < plicht)
        {
            fouten.Add(new(nameof(PipContext.Dagtekening),
                $"De dagtekening ({dagtekening:dd-MM-yyyy}) ligt vóór de start van de inburgeringsplicht volgens DUO ({plicht:dd-MM-yyyy}); DUO neemt dit PIP dan niet aan.",
                Bron.DuoDagtekeningNaStartPlicht));
        }

        if (context.VorigeDagtekening is { } vorige && dagtekening < vorige)
        {
            fouten.Add(new(nameof(PipContext.Dagtekening),
                $"De dagtekening ({dagtekening:dd-MM-yyyy}) ligt vóór de dagtekening van het vorige PIP ({vorige:dd-MM-yyyy}).",
                Bron.DuoDagtekeningNaVorigePip));
        }

        // --- Language levels per route (DUO) --------------------------------------------------------
        foreach (var (vaardigheid, niveau) in inhoud.Niveaus.OrderBy(n => n.Key))
        {
            var veld = $"{nameof(PipInhoud.Niveaus)}.{vaardigheid}";
            var naam = vaardigheid.Omschrijving().ToLowerInvariant();
            switch (route)
            {
                case Leerroute.Onderwijsroute when niveau == Taalniveau.A2:
                    fouten.Add(new(veld,
                        $"Niveau A2 bij {naam} kan niet in de onderwijsroute. Die route vraagt B1 of hoger.",
                        Bron.DuoGeenA2Onderwijsroute));
                    break;
                case Leerroute.ZRoute when niveau is Taalniveau.B1 or Taalniveau.B2:
                    fouten.Add(new(veld,
                        $"Niveau {niveau.Omschrijving()} bij {naam} kan niet in de Z-route. Wel mag A2 (opplussen).",
                        Bron.DuoGeenB1ZRoute));
                    break;
                case Leerroute.B1Route when niveau == Taalniveau.A2 && !HeeftEerderPip(context):
                    fouten.Add(new(veld,
                        $"Niveau A2 bij {naam} (afschalen) kan niet in het eerste PIP van deze persoon. Afschalen kan pas bij een later PIP.",
                        Bron.DuoGeenA2EerstePip));
                    break;
            }
        }

        if (inhoud.GeschatteIntensiteitB1 is { } uren)
        {
            if (route != Leerroute.B1Route)
            {
                fouten.Add(new(nameof(PipInhoud.GeschatteIntensiteitB1),
                    "Een schatting van het aantal uren hoort alleen bij de B1-route. Haal de uren weg of kies de B1-route.",
                    Bron.DuoIntensiteitB1));
            }

            if (!asiel)
            {
                fouten.Add(new(nameof(PipInhoud.GeschatteIntensiteitB1),
                    "Een schatting van het aantal uren geldt alleen voor asielstatushouders en nareizigers.",
                    Bron.DuoIntensiteitB1));
            }

            if (uren is < MinIntensiteitB1 or > MaxIntensiteitB1)
            {
                fouten.Add(new(nameof(PipInhoud.GeschatteIntensiteitB1),
                    $"Het geschatte aantal uren moet tussen {MinIntensiteitB1} en {MaxIntensiteitB1} liggen.",
                    Bron.DuoIntensiteitB1));
            }
        }

        // --- Support that only asielstatushouders and nareizigers get -------------------------------
        if (!asiel && inhoud.MaatschappelijkeBegeleiding)
        {
            fouten.Add(new(nameof(PipInhoud.MaatschappelijkeBegeleiding),
                $"Maatschappelijke begeleiding is alleen voor asielstatushouders en nareizigers, niet voor een {context.Doelgroep.Omschrijving().ToLowerInvariant()}.",
                Bron.OntzorgenDoelgroep));
        }

        if (!asiel && inhoud.Ontzorgen)
        {
            fouten.Add(new(nameof(PipInhoud.Ontzorgen),
                $"Financieel ontzorgen is alleen voor asielstatushouders en nareizigers, niet voor een {context.Doelgroep.Omschrijving().ToLowerInvariant()}.",
                Bron.OntzorgenDoelgroep));
        }

        // --- Modules ---------------------------------------------------------------------------------
        var gezins = context.Doelgroep is Doelgroep.Gezinsmigrant or Doelgroep.OverigeMigrant;
        if (!inhoud.Pvt)
        {
            fouten.Add(new(nameof(PipInhoud.Pvt),
                "Het participatieverklaringstraject (PVT) is verplicht voor iedereen.",
                gezins ? Bron.MapPvtGezinsmigranten : Bron.PvtUren));
        }

        if (!inhoud.Map && route != Leerroute.Onderwijsroute)
        {
            fouten.Add(new(nameof(PipInhoud.Map),
                "De Module Arbeidsmarkt en Participatie (MAP) is verplicht. Alleen wie de onderwijsroute volgt, hoeft de MAP niet te doen.",
                gezins ? Bron.MapPvtGezinsmigranten : Bron.MapUren));
        }

        if (!inhoud.Knm)
        {
            fouten.Add(new(nameof(PipInhoud.Knm),
                "Kennis van de Nederlandse Maatschappij (KNM) hoort in elk PIP.", Bron.PipModulesKnm));
        }

        if (route == Leerroute.ZRoute && inhoud.Participatie == ParticipatieVorm.Geen)
        {
            fouten.Add(new(nameof(PipInhoud.Participatie),
                "In de Z-route hoort 800 uur participatie. Kies een vorm van participatie, bijvoorbeeld vrijwilligerswerk of dagbesteding.",
                Bron.ZRouteUren));
        }

        // --- Brede intake and leerbaarheidstoets -------------------------------------------------------
        var lbt = context.Leerbaarheidstoets;
        if (!IsLbtBruikbaar(lbt))
        {
            fouten.Add(new(nameof(PipContext.Leerbaarheidstoets),
                "De leerbaarheidstoets moet eerst gemaakt zijn (met score), of overgeslagen met een reden.",
                Bron.LbtVoorIedereen));
        }

        if (!context.IntakeAfgerond)
        {
            fouten.Add(new(nameof(PipContext.IntakeAfgerond),
                "Rond eerst de brede intake af. Het PIP is gebaseerd op de brede intake.", Bron.BredeIntakeVerplicht));
        }

        if (route is { } gekozen && lbt is not null && LbtRegels.WijktAf(gekozen, lbt))
        {
            var motivatie = inhoud.MotivatieAfwijkingLbt?.Trim();
            var advies = LbtRegels.Advies(lbt);
            var uitleg = $"De gekozen leerroute ({gekozen.Omschrijving()}) wijkt af van de uitslag van de leerbaarheidstoets "
                + $"('{LbtRegels.Uitkomst(lbt).Omschrijving()}'" + (advies is { } a ? $", advies: {a.Omschrijving()})." : ").");
            if (string.IsNullOrEmpty(motivatie))
            {
                fouten.Add(new(nameof(PipInhoud.MotivatieAfwijkingLbt),
                    $"{uitleg} Schrijf in het PIP waarom.", Bron.AfwijkingLbtMotiveren));
            }
            else if (motivatie.Length < MinLengteMotivatieAfwijking)
            {
                fouten.Add(new(nameof(PipInhoud.MotivatieAfwijkingLbt),
                    $"{uitleg} De uitleg waarom is te kort: schrijf minstens {MinLengteMotivatieAfwijking} tekens.", Bron.AfwijkingLbtMotiveren));
            }
        }

        // A start kept unchanged from the previous PIP may lie before a later bijstelling (the route already runs).
        if (inhoud.GeplandeStart is { } start && start < dagtekening && context.VorigePip?.GeplandeStart != start)
        {
            fouten.Add(new(nameof(PipInhoud.GeplandeStart),
                $"De geplande start ({start:dd-MM-yyyy}) ligt vóór de dagtekening van het PIP ({dagtekening:dd-MM-yyyy}).",
                Bron.DuoAanbodNietVoorPip));
        }

        // --- Warnings ------------------------------------------------------------------------------
        if (gezins && route == Leerroute.Onderwijsroute)
        {
            waarschuwingen.Add(new(nameof(PipInhoud.Leerroute),
                "Let op: een gezinsmigrant of overige migrant kan de onderwijsroute niet lenen bij DUO. Bespreek hoe de route betaald wordt.",
                Bron.OnderwijsrouteNietLeenbaar));
        }

        if (asiel)
        {
            if (string.IsNullOrWhiteSpace(inhoud.Aanbieder))
            {
                waarschuwingen.Add(new(nameof(PipInhoud.Aanbieder),
                    "Er is nog geen taalaanbieder gekozen. De gemeente moet een inburgeringsaanbod doen.",
                    Bron.InburgeringsaanbodGemeente));
            }

            if (inhoud.GeplandeStart is null)
            {
                waarschuwingen.Add(new(nameof(PipInhoud.GeplandeStart),
                    "Er is nog geen startdatum van de leerroute gepland.", Bron.InburgeringsaanbodGemeente));
            }
        }

        // The 10-week term is about the first PIP; a bijstelling later on is not late. The same term as the legal clock's.
        if (!HeeftVorigePipInDitDossier(context) && context.Doelgroep.ValtOnderWi2021()
            && PipTermijn.Bereken(context.Doelgroep, context.BrpInschrijving, context.KennisgevingInburgeringsplicht, context.InformatieDerde, out _) is { Uiterlijk: { } uiterlijk } termijn
            && dagtekening > uiterlijk)
        {
            waarschuwingen.Add(new(nameof(PipContext.Dagtekening),
                $"Het PIP is te laat: het moest uiterlijk {uiterlijk:dd-MM-yyyy} klaar zijn ({termijn.Toelichting.TrimEnd('.')}). Schrijf op waarom het later is.",
                termijn.Bron));
        }

        return new PipControle(fouten, waarschuwingen);
    }

    /// <summary>A test that was taken with a score, or skipped with a reason, is enough for a PIP.</summary>
    public static bool IsLbtBruikbaar(LbtFeiten? lbt) => lbt switch
    {
        null => false,
        { Overgeslagen: true } => !string.IsNullOrWhiteSpace(lbt.RedenOverslaan),
        _ => lbt.Afgenomen is not null && lbt.Score is not null,
    };

    /// <summary>
    /// True when this person had a PIP before: flagged by DUO (any municipality), or evident from an
    /// earlier PIP in this case (a bijstelling always follows a PIP).
    /// </summary>
    public static bool HeeftEerderPip(PipContext context) =>
        context.HeeftEerderPipGehad || HeeftVorigePipInDitDossier(context);

    private static bool HeeftVorigePipInDitDossier(PipContext context) =>
        context.VorigeDagtekening is not null || context.VorigePip is not null;
}
