namespace Koers.Domain.Dossier;

/// <summary>The stage of the klantreis a case is in, derived from its milestones.</summary>
public enum Fase
{
    Aangemeld,
    Gekoppeld,
    WarmeOverdracht,
    Gevestigd,
    Intake,
    PipVastgesteld,
    InUitvoering,
    Eindfase,
    Voldaan,
    Ontheven,
    Verhuisd,
    Uitgeschreven,
}

public static class FaseBepaling
{
    /// <summary>The phases of an ongoing case in order, for the timeline on the case page.</summary>
    public static readonly IReadOnlyList<Fase> Doorloop =
    [
        Fase.Aangemeld, Fase.Gekoppeld, Fase.WarmeOverdracht, Fase.Gevestigd, Fase.Intake,
        Fase.PipVastgesteld, Fase.InUitvoering, Fase.Eindfase, Fase.Voldaan,
    ];

    public static Fase Bepaal(DossierFeiten feiten)
    {
        if (feiten.Afsluiting is { } afsluiting)
        {
            return afsluiting.Soort switch
            {
                Mijlpaal.InburgeringsplichtVoldaan => Fase.Voldaan,
                Mijlpaal.Ontheffing => Fase.Ontheven,
                Mijlpaal.Verhuisd => Fase.Verhuisd,
                _ => Fase.Uitgeschreven,
            };
        }

        bool Heeft(Mijlpaal m) => feiten.Mijlpalen.ContainsKey(m);

        if (Heeft(Mijlpaal.EindgesprekOfExamens)) return Fase.Eindfase;
        if (Heeft(Mijlpaal.StartLeerroute)) return Fase.InUitvoering;
        if (Heeft(Mijlpaal.PipVastgesteld)) return Fase.PipVastgesteld;
        if (Heeft(Mijlpaal.BredeIntake) || Heeft(Mijlpaal.Leerbaarheidstoets)) return Fase.Intake;
        if (Heeft(Mijlpaal.BrpInschrijving)) return Fase.Gevestigd;
        if (Heeft(Mijlpaal.WarmeOverdracht)) return Fase.WarmeOverdracht;
        if (Heeft(Mijlpaal.Koppeling)) return Fase.Gekoppeld;
        return Fase.Aangemeld;
    }

    public static bool IsAfgesloten(this Fase fase) =>
        fase is Fase.Voldaan or Fase.Ontheven or Fase.Verhuisd or Fase.Uitgeschreven;

    /// <summary>
    /// Why no new decision or letter may go out for a case in this phase, or null when it may. A closed case (plicht
    /// voldaan, ontheven, moved, ended, deceased) gets no PIP, bijstelling or handhaving step: a letter to someone
    /// whose plicht ended, or who died, is wrong and hurtful.
    /// </summary>
    public static string? GeenBesluitenMeer(this Fase fase) => fase.IsAfgesloten()
        ? $"Dit dossier is afgesloten ({fase.Omschrijving().ToLowerInvariant()}): er gaan geen besluiten of brieven meer uit."
        : null;

    public static string Omschrijving(this Fase fase) => fase switch
    {
        Fase.Aangemeld => "Aangemeld",
        Fase.Gekoppeld => "Gekoppeld",
        Fase.WarmeOverdracht => "Warme overdracht",
        Fase.Gevestigd => "Gevestigd (BRP)",
        Fase.Intake => "Brede intake",
        Fase.PipVastgesteld => "PIP vastgesteld",
        Fase.InUitvoering => "Leerroute loopt",
        Fase.Eindfase => "Eindgesprek / examens",
        Fase.Voldaan => "Inburgeringsplicht voldaan",
        Fase.Ontheven => "Ontheffing",
        Fase.Verhuisd => "Verhuisd",
        Fase.Uitgeschreven => "Uitgeschreven",
        _ => fase.ToString(),
    };
}
