namespace Koers.Domain.Monitor;

/// <summary>
/// The levels of a municipality's doelenboom: maatschappelijk effect → doelen → subdoelen → activiteiten/instrumenten.
/// Practice source: Weert's Beleidskader Veranderopgave Inburgering is "vormgegeven aan de hand van een doelenboom ...
/// waarin maatschappelijk effect, doelen, subdoelen en activiteiten/instrumenten worden beschreven" (003:L13-16;
/// ../shared/domain/seed-000-002-003-practice.md §4.2, §7 P29). No statutory basis: a policy instrument of the municipality.
/// </summary>
public enum Boomniveau
{
    Effect,
    Doel,
    Subdoel,
    Activiteit,
}

/// <summary>What an indicator yields: a share of a group of people, a number of people, or an average per person.</summary>
public enum Indicatorsoort
{
    Aandeel,
    Aantal,
    Gemiddelde,
}

/// <summary>
/// The fixed catalogue of indicators Koers can compute from its own records (issue #22). A municipality picks from
/// these; it cannot write its own formula, so every figure goes through the monitor's small-number suppression.
/// </summary>
public enum Indicator
{
    BetaaldWerkNaPip,
    PlaatsingNaPip,
    LadderStijging,
    B1Behaald,
    Groepsdeelname,
    ZrouteParticipatieuren,
    ZorgGestart,
}

/// <param name="Definitie">The precise Dutch definition, shown as "hoe berekend".</param>
/// <param name="Bron">Which records Koers counts.</param>
/// <param name="Eenheid">The unit of a value and target ("%", "mensen", "uur").</param>
/// <param name="MetMaanden">Whether the indicator takes a number of months (the window after the PIP).</param>
public sealed record Indicatordefinitie(Indicator Indicator, string Naam, Indicatorsoort Soort, string Eenheid, string Definitie, string Bron, bool MetMaanden = false);

public static class Indicatorcatalogus
{
    /// <summary>The windows a municipality can choose for "within N months of the PIP": a few fixed ones, so two targets on
    /// the same cohort cannot be set a day apart to difference a small count out of them.</summary>
    public static readonly IReadOnlyList<int> Maandkeuzes = [6, 12, 18, 24, 36];

    public static readonly IReadOnlyList<Indicatordefinitie> Alle =
    [
        new(Indicator.BetaaldWerkNaPip, "Betaald werk binnen N maanden na het PIP", Indicatorsoort.Aandeel, "%",
            "Groep: de inburgeraars van de gemeente van wie het eerste vastgestelde PIP (dagtekening) in de doelperiode ligt en minstens N maanden geleden is. " +
            "Teller: van hen wie binnen N maanden na die dagtekening een uitstroom 'betaalde baan' (deeltijd of voltijd) heeft, of een plaatsing 'betaald dienstverband' die begon, " +
            "of een plaatsing die eindigde met uitkomst 'baan'.",
            "PIP (dagtekening), uitstroom, plaatsingen (Werk)", MetMaanden: true),
        new(Indicator.PlaatsingNaPip, "Plaatsing gestart na het PIP", Indicatorsoort.Aandeel, "%",
            "Groep: de inburgeraars van de gemeente van wie het eerste vastgestelde PIP (dagtekening) in de doelperiode ligt. " +
            "Teller: van hen wie op of na die dagtekening, tot het einde van de doelperiode (of vandaag), een plaatsing begon (MAP-praktijk, taalstage, werkervaringsplaats, werkstage, proefplaatsing, betaald dienstverband of vrijwilligerswerk).",
            "PIP (dagtekening), plaatsingen (Werk)"),
        new(Indicator.LadderStijging, "Minstens één trede hoger op de participatieladder", Indicatorsoort.Aandeel, "%",
            "Groep: de inburgeraars van de gemeente met ten minste twee ladderscores tot het einde van de doelperiode, van wie de laatste in de doelperiode ligt. " +
            "Teller: van hen wie bij die laatste score minstens één trede hoger staat dan bij de eerste score ooit.",
            "Ladderscores (Participatie, vastgelegd bij voortgangsgesprekken)"),
        new(Indicator.B1Behaald, "B1-examens behaald (B1-route)", Indicatorsoort.Aandeel, "%",
            "Groep: de inburgeraars van de gemeente in de B1-route met ten minste één examenresultaat voor lezen, luisteren, schrijven of spreken in de doelperiode. " +
            "Teller: van hen wie tot het einde van de doelperiode alle vier (lezen, luisteren, schrijven en spreken) heeft behaald op niveau B1 of hoger.",
            "Examenresultaten (DUO, ketenpartners, gemeente) en de leerroute van het dossier"),
        new(Indicator.Groepsdeelname, "Mensen in een groepsaanbod", Indicatorsoort.Aantal, "mensen",
            "Het aantal verschillende inburgeraars van de gemeente dat in de doelperiode ingeschreven stond bij een groepsaanbod (ingeschreven op of voor het einde, niet uitgeschreven voor het begin van de doelperiode).",
            "Inschrijvingen bij groepsaanbod (Netwerk)"),
        new(Indicator.ZrouteParticipatieuren, "Gemiddeld aantal participatie-uren in de Z-route", Indicatorsoort.Gemiddelde, "uur",
            "Groep: de inburgeraars van de gemeente in de Z-route met participatie-uren (participatie, arbeidsparticipatie, vrijwilligerswerk of maatschappelijke participatie) in een week van de doelperiode. " +
            "Waarde: hun uren in de doelperiode samen, gedeeld door het aantal mensen in de groep.",
            "Urenregistratie (ketenpartners, gemeente) en de leerroute van het dossier"),
        new(Indicator.ZorgGestart, "Verwijzingen naar zorg waarbij de zorg is gestart", Indicatorsoort.Aandeel, "%",
            "Groep: de inburgeraars van de gemeente met een zorgverwijzing aangemeld in de doelperiode, ieder één keer met zijn eerste verwijzing in de periode. " +
            "Teller: van hen wie bij die verwijzing met zorg is begonnen (tot vandaag). Gelijk aan de welzijnsmonitor.",
            "Zorgverwijzingen (Welzijn)"),
    ];

    public static Indicatordefinitie Van(Indicator i) => Alle.Single(d => d.Indicator == i);
}

/// <summary>A KPI on a node: an indicator with a target over whole calendar years (the period of a policy plan, e.g. 2023-2025).</summary>
/// <param name="Maanden">Only for an indicator with <see cref="Indicatordefinitie.MetMaanden"/>: one of <see cref="Indicatorcatalogus.Maandkeuzes"/>.</param>
public sealed record BoomKpi(Indicator Indicator, decimal Streefwaarde, int VanJaar, int TotJaar, int? Maanden = null)
{
    /// <summary>Identifies the computation: the same indicator, window and period on two nodes is one figure.</summary>
    public string Sleutel => $"{Indicator.ToString().ToLowerInvariant()}-{VanJaar}-{TotJaar}{(Maanden is { } m ? "-" + m : string.Empty)}";

    public string Periode => VanJaar == TotJaar ? VanJaar.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{VanJaar}-{TotJaar}";

    public string Naam => Indicatorcatalogus.Van(Indicator).Naam.Replace(" N ", $" {Maanden} ", StringComparison.Ordinal);
}

/// <summary>A node of the tree, with its KPIs and its children in their order.</summary>
public sealed record BoomKnoop(Boomniveau Niveau, string Naam, IReadOnlyList<BoomKpi> Kpis, IReadOnlyList<BoomKnoop> Kinderen)
{
    public IEnumerable<BoomKnoop> MetAfstammelingen() => Kinderen.SelectMany(k => k.MetAfstammelingen()).Prepend(this);
}

/// <summary>
/// One line of a doelenboom written as an outline (the beheer form and the API): a node on a level, or a KPI belonging to
/// the nearest node above it. The parent of a node is the nearest line above it one level up.
/// </summary>
public sealed record Boomregel(string? Soort, string? Naam, string? Indicator, decimal? Streefwaarde, int? VanJaar, int? TotJaar, int? Maanden);

public static class Doelenboomregels
{
    public const int MaxRegels = 200;
    public const int MaxNaam = 300;
    public const string KpiSoort = "Kpi";

    /// <summary>
    /// From the Wet inburgering 2013: the regisseurs also guide inburgeraars under the old law (003:L334-338, L360-364),
    /// so a municipality can set targets over their years too.
    /// </summary>
    public const int EersteJaar = 2013;

    /// <summary>
    /// Reads an outline into a tree. Errors are in Dutch per line ("regel 3: ..."), keyed by the line's index so a form can
    /// show them at the field. One effect at the top; every other node one level below a node above it.
    /// </summary>
    public static (BoomKnoop? Boom, Dictionary<int, List<string>> Fouten) Lees(IReadOnlyList<Boomregel> regels, int jaarNu)
    {
        ArgumentNullException.ThrowIfNull(regels);
        var fouten = new Dictionary<int, List<string>>();
        void Fout(int i, string m)
        {
            if (!fouten.TryGetValue(i, out var l)) fouten[i] = l = [];
            l.Add(m);
        }

        var gevuld = regels.Select((r, i) => (r, i)).Where(x => !Leeg(x.r)).ToList();
        if (gevuld.Count == 0)
        {
            Fout(-1, "Vul ten minste het maatschappelijk effect in.");
            return (null, fouten);
        }

        if (gevuld.Count > MaxRegels) Fout(-1, $"Een doelenboom heeft hoogstens {MaxRegels} regels.");

        // Mutable builders; the stack holds the open node per level.
        var stapel = new List<Bouw>();
        Bouw? wortel = null;
        foreach (var (r, i) in gevuld)
        {
            var soort = r.Soort?.Trim();
            if (string.Equals(soort, KpiSoort, StringComparison.OrdinalIgnoreCase))
            {
                var kpi = LeesKpi(r, i, Fout, jaarNu);
                if (stapel.Count == 0) Fout(i, "Een KPI hoort bij een doel, subdoel of activiteit: zet hem onder een regel met een naam.");
                else if (kpi is not null) stapel[^1].Kpis.Add(kpi);
                continue;
            }

            if (!Enum.TryParse<Boomniveau>(soort, true, out var niveau) || !Enum.IsDefined(niveau))
            {
                Fout(i, "Kies wat deze regel is: effect, doel, subdoel, activiteit of KPI.");
                continue;
            }

            var naam = r.Naam?.Trim() ?? string.Empty;
            if (naam.Length == 0) Fout(i, "Vul een naam in.");
            else if (naam.Length > MaxNaam) Fout(i, $"Een naam is hoogstens {MaxNaam} tekens.");
            var knoop = new Bouw(niveau, naam);
            var diepte = (int)niveau;
            if (diepte == 0)
            {
                if (wortel is not null) Fout(i, "Een doelenboom heeft één maatschappelijk effect, bovenaan.");
                else if (stapel.Count > 0) Fout(i, "Het maatschappelijk effect staat bovenaan.");
                wortel ??= knoop;
                stapel.Clear();
                stapel.Add(knoop);
                continue;
            }

            if (wortel is null)
            {
                Fout(i, "Begin de doelenboom met het maatschappelijk effect.");
                continue;
            }

            if (stapel.Count < diepte)
            {
                Fout(i, $"Een {Omschrijving(niveau)} staat onder een {Omschrijving((Boomniveau)(diepte - 1))}; die ontbreekt erboven.");
                continue;
            }

            stapel.RemoveRange(diepte, stapel.Count - diepte);
            stapel[^1].Kinderen.Add(knoop);
            stapel.Add(knoop);
        }

        if (wortel is null && fouten.Count == 0) Fout(-1, "Vul ten minste het maatschappelijk effect in.");
        return (fouten.Count == 0 ? wortel!.Maak() : null, fouten);
    }

    /// <summary>The tree as an outline again (for the form and the API): depth first, a node's KPIs right below it.</summary>
    public static IReadOnlyList<Boomregel> AlsRegels(BoomKnoop boom)
    {
        ArgumentNullException.ThrowIfNull(boom);
        var regels = new List<Boomregel>();
        void Voeg(BoomKnoop k)
        {
            regels.Add(new Boomregel(k.Niveau.ToString(), k.Naam, null, null, null, null, null));
            foreach (var kpi in k.Kpis) regels.Add(new Boomregel(KpiSoort, null, kpi.Indicator.ToString(), kpi.Streefwaarde, kpi.VanJaar, kpi.TotJaar, kpi.Maanden));
            foreach (var kind in k.Kinderen) Voeg(kind);
        }

        Voeg(boom);
        return regels;
    }

    public static string Omschrijving(Boomniveau n) => n switch
    {
        Boomniveau.Effect => "maatschappelijk effect",
        Boomniveau.Doel => "doel",
        Boomniveau.Subdoel => "subdoel",
        Boomniveau.Activiteit => "activiteit",
        _ => n.ToString(),
    };

    private static bool Leeg(Boomregel r) =>
        string.IsNullOrWhiteSpace(r.Naam) && string.IsNullOrWhiteSpace(r.Indicator) && r.Streefwaarde is null && r.VanJaar is null && r.TotJaar is null && r.Maanden is null;

    private static BoomKpi? LeesKpi(Boomregel r, int i, Action<int, string> fout, int jaarNu)
    {
        var goed = true;
        void F(string m)
        {
            fout(i, m);
            goed = false;
        }

        if (!Enum.TryParse<Indicator>(r.Indicator?.Trim(), true, out var ind) || !Enum.IsDefined(ind)) F("Kies een indicator uit de lijst.");
        var def = goed ? Indicatorcatalogus.Van(ind) : null;
        if (r.Streefwaarde is not { } s) F("Vul een streefwaarde in.");
        else if (s < 0) F("Een streefwaarde is 0 of meer.");
        else if (def?.Soort == Indicatorsoort.Aandeel && s > 100) F("Een streefwaarde van een aandeel is een percentage van 0 tot en met 100.");
        else if (s > 1_000_000) F("Deze streefwaarde is te groot.");
        if (r.VanJaar is not { } van || van < EersteJaar || van > jaarNu + 10) F($"Vul een beginjaar in van {EersteJaar} tot en met {jaarNu + 10}.");
        if (r.TotJaar is not { } tot || tot < (r.VanJaar ?? EersteJaar) || tot > (r.VanJaar ?? EersteJaar) + 9) F("Vul een eindjaar in, niet voor het beginjaar en hoogstens tien jaar verder.");
        if (def is { MetMaanden: true } && (r.Maanden is not { } m || !Indicatorcatalogus.Maandkeuzes.Contains(m)))
            F($"Kies het aantal maanden na het PIP: {string.Join(", ", Indicatorcatalogus.Maandkeuzes)}.");
        return goed ? new BoomKpi(ind, r.Streefwaarde!.Value, r.VanJaar!.Value, r.TotJaar!.Value, def!.MetMaanden ? r.Maanden : null) : null;
    }

    private sealed class Bouw(Boomniveau niveau, string naam)
    {
        public List<BoomKpi> Kpis { get; } = [];
        public List<Bouw> Kinderen { get; } = [];

        public BoomKnoop Maak() => new(niveau, naam, [.. Kpis], [.. Kinderen.Select(k => k.Maak())]);
    }
}
