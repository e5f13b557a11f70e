using Koers.Domain.Dossier;
using Koers.Domain.Intake;
using Koers.Domain.Pip;
using static Koers.Domain.Tests.TestFeiten;

namespace Koers.Domain.Tests;

/// <summary>Valid PIPs and their context, to break one rule at a time in tests.</summary>
internal static class PipVoorbeelden
{
    public static readonly DateOnly Vandaag = D("2026-06-01");
    public static readonly DateOnly Koppeling = D("2026-01-15");

    /// <summary>Monday 2 March 2026; ten weeks later is Monday 11 May 2026.</summary>
    public static readonly DateOnly Brp = D("2026-03-02");

    public static readonly DateOnly Dagtekening = D("2026-04-20");

    public static readonly Doelgroep[] Wi2021Doelgroepen =
        [Doelgroep.Asielstatushouder, Doelgroep.Nareiziger, Doelgroep.Gezinsmigrant, Doelgroep.OverigeMigrant];

    /// <summary>A test taken on 20 March 2026 (cesuur 28).</summary>
    public static LbtFeiten Lbt(int score) => new()
    {
        Aangemeld = D("2026-03-10"),
        Afgenomen = D("2026-03-20"),
        Afnemer = "Gecertificeerd afnemer",
        Score = score,
    };

    /// <summary>A score that matches the route, so no motivation for deviating is needed.</summary>
    public static int PassendeScore(Leerroute route) => route == Leerroute.ZRoute ? 20 : 32;

    public static PipContext Context(Doelgroep doelgroep, Leerroute route = Leerroute.B1Route) => new()
    {
        Doelgroep = doelgroep,
        Dagtekening = Dagtekening,
        Koppeling = doelgroep.IsAsielgerelateerd() ? Koppeling : null,
        BrpInschrijving = Brp,
        Leerbaarheidstoets = Lbt(PassendeScore(route)),
        IntakeAfgerond = true,
        Vandaag = Vandaag,
    };

    public static PipInhoud Inhoud(Leerroute route, Doelgroep doelgroep)
    {
        var asiel = doelgroep.IsAsielgerelateerd();
        return new PipInhoud
        {
            Leerroute = route,
            Niveaus = route == Leerroute.ZRoute
                ? new Dictionary<Vaardigheid, Taalniveau> { [Vaardigheid.Spreken] = Taalniveau.A2 } // opplussen
                : new Dictionary<Vaardigheid, Taalniveau>
                {
                    [Vaardigheid.Lezen] = Taalniveau.B1,
                    [Vaardigheid.Luisteren] = Taalniveau.B1,
                    [Vaardigheid.Schrijven] = Taalniveau.B1,
                    [Vaardigheid.Spreken] = route == Leerroute.Onderwijsroute ? Taalniveau.B2 : Taalniveau.B1,
                },
            Knm = true,
            Pvt = true,
            Map = route != Leerroute.Onderwijsroute,
            Participatie = route == Leerroute.ZRoute ? ParticipatieVorm.Vrijwilligerswerk : ParticipatieVorm.Werk,
            ParticipatieOmschrijving = "Twee dagdelen per week",
            MaatschappelijkeBegeleiding = asiel,
            Ontzorgen = asiel,
            Hoofddoel = route == Leerroute.Onderwijsroute ? Hoofddoel.OpleidingMetStudiefinanciering
                : route == Leerroute.ZRoute ? Hoofddoel.MaatschappelijkFitWorden : Hoofddoel.BetaaldWerken,
            Subdoelen = ["Ik heb kinderopvang voor mijn kinderen"],
            Aandachtspunten = [Aandachtspunt.Zorgtaken],
            Aanbieder = asiel ? "Taalschool De Brug" : null,
            GeplandeStart = asiel ? D("2026-05-04") : null,
            GeschatteIntensiteitB1 = asiel && route == Leerroute.B1Route ? 600 : null,
            AantalVoortgangsgesprekkenPerJaar = 4,
        };
    }
}
