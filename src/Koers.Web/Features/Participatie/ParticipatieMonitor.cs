using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Domain.Participatie;
using Koers.Web.Features.Monitor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koers.Web.Features.Participatie;

/// <summary>The cohort report of the participation monitor.</summary>
/// <param name="Personen">The size of the cohort, suppressed like any count.</param>
/// <param name="Versies">The questionnaire versions the cohort's measurements were answered with.</param>
/// <param name="Vergelijking">In Dutch: which questions the figures compare (only those every version asks the same way).</param>
public sealed record ParticipatieRapport(string Bereik, string Cohort, Cel Personen, IReadOnlyList<Tabel> Tabellen, IReadOnlyList<string> Versies, string Vergelijking)
{
    /// <summary>The figures as the CSV download has them: the cohort's size first, then the tables of the page.</summary>
    public IReadOnlyList<Tabel> Export() =>
        [new Tabel(ParticipatieMonitor.Cohort, "Cohort", "Cohort", [new("aantal", "Mensen", KolomSoort.Aantal)], [new Rij("personen", "Mensen in het cohort", [Personen])]), .. Tabellen];
}

/// <summary>
/// Cohort figures of the participation monitor for the Monitor: people whose brede intake falls in the period (the
/// intake cohort, as the pilot's sample was defined by its intake period, 002:L30-32), within the user's region, per
/// gemeente, doelgroep, klantregisseur and leerroute as filtered. Counts go through the monitor's small-number
/// suppression (<see cref="Optelling.Beveilig"/>): counts under the threshold read "&lt;5" and the shares and
/// sums that would give them away are hidden too. No names, no drill-down: these are health and participation data.
/// </summary>
public sealed class ParticipatieMonitor(KoersDbContext db, MonitorQuery query, IOptions<MonitorInstellingen> opties)
{
    public const string PerMoment = "participatie-per-moment";
    public const string LadderTrede = "participatieladder-trede";
    public const string LadderBeweging = "participatieladder-beweging";
    public const string Keuzes = "participatie-keuzes";

    public const string Cohort = "participatie-cohort";

    /// <summary>
    /// Counts never shown that a reader can still work out as a difference of shown ones (issue #22): per moment and
    /// domain those measured minus those positive (the people who answered "nee" or disagreed), and per meerkeuze question
    /// and moment those measured minus those who chose an option (with a small option hidden, the rest would give it
    /// away). A difference under the threshold is a cell of the suppression problem with its relation, so it is protected
    /// like any small count (the positive count, an option or the number measured is hidden with "x"); a larger one
    /// tells a reader nothing and is left out. Removed before anything is shown. Who did not fill in a questionnaire at
    /// all (cohort minus measured) says nothing about an answer and is not protected this way.
    /// </summary>
    public const string Verschillen = "participatie-verschillen";

    private static readonly Dictionary<string, Optelling> Optellingen = new()
    {
        // The shares are hidden per domain after protection (Percentages): a hidden complement in the row (gemeten minus
        // positief, never shown) must not take every domain's share with it.
        [PerMoment] = new([], null, false),
        [LadderTrede] = new(["aantal"], null, true),
        [LadderBeweging] = new(["aantal"], null, true),
        // No total: who skipped a question is in no row, so the rows do not add up to anything shown.
        [Keuzes] = new([], null, false),
    };

    public async Task<ParticipatieRapport> BouwAsync(MonitorFilter f, Leerroute? route, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        var gemeenten = await query.GemeentenAsync(f, ct);
        // With small counts hidden, the region and each of its municipalities are protected together (as in the main
        // monitor, issue #24): no view can be set against another to work out a hidden count.
        var familie = f.VerbergKleineAantallen ? await query.FamilieAsync(f, gemeenten, ct) : null;
        var c = new Cellen(f.VerbergKleineAantallen, opties.Value.GrensVoor((familie?.SelectMany(l => l.Gemeenten) ?? gemeenten).Select(g => g.Code)));
        // Which questions are compared is decided once for the whole family (the region's cohort), so every member counts
        // the same questions and the region's counts stay the sums of its municipalities'.
        var (top, topGemeenten) = familie is null ? (f, gemeenten) : (familie[0].Filter, familie[0].Gemeenten);
        var gebruikt = await CohortIds(top, route, topGemeenten).Join(db.Set<Participatiemeting>().AsNoTracking(), i => i, m => m.InburgeraarId, (i, m) => m.Versie)
            .Distinct().ToListAsync(ct);
        var versies = await VersiesAsync(gebruikt, ct);
        var samen = Vragenlijst.Gemeenschappelijk([.. versies.Values]);
        // The meerkeuze questions every version asks the same way (text and options), and the moments measured: decided
        // once for the family too, so every member's option table has the same rows and columns.
        var meerkeuze = versies.Values.SelectMany(l => l.Vragen).Where(v => v.Schaal == Antwoordschaal.Meerkeuze && samen.Contains(v.Vergelijksleutel))
            .DistinctBy(v => v.Vergelijksleutel).ToList();
        List<int> momenten = meerkeuze.Count == 0 ? [] : await CohortIds(top, route, topGemeenten).Join(db.Set<Participatiemeting>().AsNoTracking(), i => i, m => m.InburgeraarId, (i, m) => m.Maanden)
            .Distinct().OrderBy(m => m).ToListAsync(ct);
        var keuzevragen = new Keuzevragen(meerkeuze, momenten);
        var eigen = await RuwAsync(f, route, gemeenten, c, versies, samen, keuzevragen, ct);
        IReadOnlyList<Tabel> tabellen;
        if (familie is null)
        {
            // People with two scores are also among those with a latest rung: the two totals are not the same figure, so no link.
            // Whoever may see small counts and asked to see them gets the plain counts: secondary suppression decides on
            // the raw counts whatever the setting, so running it here would hide shares and counts from someone allowed to see them.
            tabellen = f.VerbergKleineAantallen ? Optelling.Beveilig(eigen, Optellingen, Koppelingen(eigen, c.Grens), c) : eigen;
        }
        else
        {
            var leden = new List<IReadOnlyList<Tabel>>();
            foreach (var lid in familie) leden.Add(lid.Filter == f ? eigen : await RuwAsync(lid.Filter, route, lid.Gemeenten, c, versies, samen, keuzevragen, ct));
            tabellen = Optelling.BeveiligFamilie([.. leden.Select(l => (l, Koppelingen(l, c.Grens)))], Optellingen, c)[familie.ToList().FindIndex(l => l.Filter == f)];
        }

        tabellen = [.. tabellen.Where(t => t.Id != Verschillen).Select(t => t.Id == PerMoment ? Percentages(t, c) : t)];

        var personen = tabellen.Single(t => t.Id == Cohort).Rijen[0].Cellen[0];
        var bereik = f.GemeenteCode is not null && gemeenten.Count == 1 ? $"Gemeente {gemeenten[0].Naam}" : $"{gemeenten.Count} gemeenten in de regio";
        return new ParticipatieRapport(bereik, $"brede intake van {Shared.Weergave.Datum(f.Periode.Van)} tot en met {Shared.Weergave.Datum(f.Periode.Tot)}", personen,
            [.. tabellen.Where(t => t.Id != Cohort)], [.. versies.Keys.Order(StringComparer.Ordinal)], Vergelijking(versies, samen));
    }

    /// <summary>
    /// A domain's share hides when its count or the number measured is hidden (count = share × measured); the shares of
    /// the other domains in the row stay. Cellen.Percentage hid a share with a small rest already.
    /// </summary>
    private static Tabel Percentages(Tabel t, Cellen c)
    {
        var gemeten = t.Index("gemeten");
        var domeinen = Enum.GetValues<Participatiedomein>().Select(d => (Aantal: t.Index(Sleutel(d)), Pct: t.Index($"{Sleutel(d)}-pct"))).ToList();
        return t with
        {
            Rijen = [.. t.Rijen.Select(r =>
            {
                var cellen = r.Cellen.ToArray();
                foreach (var (aantal, pct) in domeinen)
                {
                    if ((cellen[aantal].Verborgen || cellen[gemeten].Verborgen) && cellen[pct].Waarde is not null) cellen[pct] = new Cel(null, c.AfgeleidTekst, true);
                }

                return r with { Cellen = cellen };
            })],
        };
    }

    /// <summary>
    /// The relations of <see cref="Verschillen"/>: each difference under the threshold (0 included: then the parts are the
    /// whole, e.g. every option but a small one shown and nobody skipped) with the counts it lies between.
    /// </summary>
    private static List<Koppeling> Koppelingen(IReadOnlyList<Tabel> tabellen, int grens)
    {
        var uit = new List<Koppeling>();
        var verschillen = tabellen.Single(t => t.Id == Verschillen);
        CelPlaats V(string rij) => new(Verschillen, rij, "aantal");
        foreach (var rij in tabellen.Single(t => t.Id == PerMoment).Rijen)
        {
            var gemeten = new CelPlaats(PerMoment, rij.Sleutel, "gemeten");
            foreach (var d in Enum.GetValues<Participatiedomein>()) uit.Add(new([new(PerMoment, rij.Sleutel, Sleutel(d)), V($"{rij.Sleutel}|{Sleutel(d)}-niet")], gemeten));
        }

        if (tabellen.SingleOrDefault(t => t.Id == Keuzes) is { } keuzes)
        {
            foreach (var vraag in keuzes.Rijen.GroupBy(r => r.Sleutel[..r.Sleutel.IndexOf('|', StringComparison.Ordinal)]))
            {
                foreach (var k in keuzes.Kolommen)
                {
                    var maanden = k.Sleutel[1..];
                    uit.Add(new([.. vraag.Select(r => new CelPlaats(Keuzes, r.Sleutel, k.Sleutel)), V($"{maanden}|keuze|{vraag.Key}")], new CelPlaats(PerMoment, maanden, "gemeten")));
                }
            }
        }

        // A difference this view does not have (a moment only another member of the family measured) has no relation here.
        return [.. uit.Where(k => k.Delen.Where(p => p.Tabel == Verschillen).All(p => verschillen.Zoek(p.Rij, p.Kolom)?.Ruw is { } v && v < grens))];
    }

    /// <summary>What the figures compare, in Dutch, for the page, the CSV's table note and the API.</summary>
    public static string Vergelijking(IReadOnlyDictionary<string, Vragenlijst> versies, IReadOnlySet<string> samen)
    {
        if (versies.Count == 0) return "Nog geen ingevulde vragenlijsten in dit cohort.";
        var namen = string.Join(", ", versies.Keys.Order(StringComparer.Ordinal));
        if (versies.Count == 1) return $"Alle vragenlijsten in dit cohort zijn ingevuld met dezelfde versie ({namen}).";
        var weg = versies.Values.SelectMany(l => l.Vragen).Select(v => v.Vergelijksleutel).Distinct().Count() - samen.Count;
        return $"De vragenlijsten in dit cohort zijn ingevuld met {versies.Count} versies ({namen}). Vergeleken worden alleen de {samen.Count} vragen die in al deze versies " +
            $"op dezelfde manier voorkomen; niet meegeteld: {weg} {(weg == 1 ? "vraag die is" : "vragen die zijn")} toegevoegd, gewijzigd of verwijderd" +
            (versies.Values.Any(l => l.Vragen.Any(v => v.Schaal == Antwoordschaal.Meerkeuze))
                ? " (een meerkeuzevraag met andere antwoorden telt als gewijzigd: haar antwoorden worden alleen vergeleken waar vraag en antwoorden gelijk zijn)."
                : ".");
    }

    private async Task<Dictionary<string, Vragenlijst>> VersiesAsync(IReadOnlyList<string> codes, CancellationToken ct)
    {
        var rijen = await db.Set<Participatievragenlijstversie>().AsNoTracking().Where(v => codes.Contains(v.Code)).ToListAsync(ct);
        return codes.ToDictionary(code => code, code => rijen.FirstOrDefault(r => r.Code == code) is { } r ? Vragenlijstversies.Lees(r.Code, r.Vragen) : Vragenlijsten.Standaard,
            StringComparer.Ordinal);
    }

    /// <summary>The ids of the cohort: brede intake in the period, in the municipalities, with the filters. A subquery: a region can hold thousands of cases.</summary>
    private IQueryable<Guid> CohortIds(MonitorFilter f, Leerroute? route, IReadOnlyList<GemeenteInfo> gemeenten)
    {
        var gemeenteIds = gemeenten.Select(g => g.Id).ToList();
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        var cohort = db.Inburgeraars.AsNoTracking().Where(i => gemeenteIds.Contains(i.GemeenteId)
            && i.Mijlpalen.Any(m => m.Soort == Mijlpaal.BredeIntake && m.Datum >= van && m.Datum <= tot));
        if (f.Doelgroep is { } dg) cohort = cohort.Where(i => i.Doelgroep == dg);
        if (f.KlantregisseurId is { } k) cohort = cohort.Where(i => i.KlantregisseurId == k);
        if (route is { } r) cohort = cohort.Where(i => i.Leerroute == r);
        return cohort.Select(i => i.Id);
    }

    /// <summary>The tables of one view before secondary suppression; the cohort's size is a one-cell table of its own.</summary>
    private sealed record Keuzevragen(IReadOnlyList<Vraag> Vragen, IReadOnlyList<int> Momenten);

    private static string Moment(int maanden) => maanden == 0 ? "Nulmeting" : $"{maanden} maanden";

    private async Task<IReadOnlyList<Tabel>> RuwAsync(MonitorFilter f, Leerroute? route, IReadOnlyList<GemeenteInfo> gemeenten, Cellen c,
        IReadOnlyDictionary<string, Vragenlijst> versies, IReadOnlySet<string> samen, Keuzevragen keuzevragen, CancellationToken ct)
    {
        var ids = CohortIds(f, route, gemeenten);
        var personen = await ids.CountAsync(ct);

        var antwoorden = await (from m in db.Set<Participatiemeting>().AsNoTracking()
                                join a in db.Set<Participatieantwoord>().AsNoTracking() on m.Id equals a.ParticipatiemetingId
                                where ids.Contains(m.InburgeraarId)
                                select new { m.InburgeraarId, m.Maanden, m.Versie, a.VraagCode, a.Waarde, a.Keuze })
            .ToListAsync(ct);
        var gemetenPerMoment = await db.Set<Participatiemeting>().AsNoTracking().Where(m => ids.Contains(m.InburgeraarId))
            .GroupBy(m => m.Maanden).Select(g => new { Maanden = g.Key, Aantal = g.Count() }).ToListAsync(ct);
        var scores = await db.Set<Ladderscore>().AsNoTracking().Where(l => ids.Contains(l.InburgeraarId))
            .Select(l => new { l.InburgeraarId, l.Datum, l.VastgelegdOp, l.Trede, l.TredeNaam }).ToListAsync(ct);

        // Per moment and domain: people with at least one positive answer in the domain ("ja", or agree on a statement),
        // counting only the questions every version in the cohort asks the same way (each answer read with its own version).
        var domeinen = Enum.GetValues<Participatiedomein>();
        var positief = antwoorden
            .Select(a => (a.InburgeraarId, a.Maanden, Vraag: (versies.TryGetValue(a.Versie, out var l) ? l : Vragenlijsten.Standaard).Zoek(a.VraagCode), a.Waarde))
            .Where(a => a.Vraag is not null && samen.Contains(a.Vraag.Vergelijksleutel) && a.Vraag.IsPositief(a.Waarde))
            .Select(a => (a.InburgeraarId, a.Maanden, a.Vraag!.Domein)).Distinct().ToList();
        var kolommen = new List<Kolom> { new("gemeten", "Vragenlijst ingevuld", KolomSoort.Aantal) };
        foreach (var d in domeinen)
        {
            kolommen.Add(new($"{Sleutel(d)}", d.Omschrijving(), KolomSoort.Aantal));
            kolommen.Add(new($"{Sleutel(d)}-pct", $"{d.Omschrijving()} (%)", KolomSoort.Percentage));
        }

        var rijen = gemetenPerMoment.OrderBy(g => g.Maanden).Select(g =>
        {
            var cellen = new List<Cel> { c.Aantal(g.Aantal) };
            foreach (var d in domeinen)
            {
                var n = positief.Count(p => p.Maanden == g.Maanden && p.Domein == d);
                cellen.Add(c.Aantal(n));
                cellen.Add(c.Percentage(n, g.Aantal));
            }

            return new Rij(g.Maanden.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Maanden == 0 ? "Nulmeting" : $"{g.Maanden} maanden", cellen);
        }).ToList();
        var perMoment = new Tabel(PerMoment, "Participatie per meetmoment", "Meetmoment", kolommen, rijen,
            "Per domein: het aantal mensen met ten minste één positief antwoord (ja, of eens / helemaal eens). Wie een vraag oversloeg, telt voor die vraag niet mee. " +
            "Meetmomenten tellen vanaf het ankermoment dat de gemeente instelde (standaard huisvesting). " + Vergelijking(versies, samen),
            [BronVerwijzing.Van(BronParticipatie.Vragenlijst), BronVerwijzing.Van(BronParticipatie.MeetmomentNaHuisvesting)]);

        // The participatieladder: the latest rung per person, and the movement from the score before it.
        var perPersoon = scores.GroupBy(s => s.InburgeraarId)
            .Select(g => g.OrderBy(s => s.Datum).ThenBy(s => s.VastgelegdOp).ToList()).ToList();
        var laatste = perPersoon.Select(p => p[^1]).ToList();
        var treden = laatste.Select(l => l.Trede).Distinct().Order().ToList();
        var tredeRijen = treden.Select(t => new Rij(t.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{t}. {laatste.Where(l => l.Trede == t).GroupBy(l => l.TredeNaam).OrderByDescending(g => g.Count()).First().Key}",
                [c.Aantal(laatste.Count(l => l.Trede == t))]))
            .Append(new Rij("totaal", "Totaal", [c.Aantal(laatste.Count)], Totaal: true)).ToList();
        var tredeTabel = new Tabel(LadderTrede, "Participatieladder: laatste trede", "Trede", [new("aantal", "Mensen", KolomSoort.Aantal)], tredeRijen,
            "De laatste score per persoon op de ladder van de gemeente.", [BronVerwijzing.Van(BronParticipatie.Participatieladder)]);

        var bewegingen = perPersoon.Where(p => p.Count >= 2).Select(p => Participatieladder.Beweging(p[^2].Trede, p[^1].Trede).Beweging).ToList();
        var bewegingRijen = new[] { (Beweging.Omhoog, "Omhoog"), (Beweging.Gelijk, "Gelijk"), (Beweging.Omlaag, "Omlaag") }
            .Select(b => new Rij(b.Item1.ToString().ToLowerInvariant(), b.Item2, [c.Aantal(bewegingen.Count(x => x == b.Item1))]))
            .Append(new Rij("totaal", "Totaal (ten minste twee scores)", [c.Aantal(bewegingen.Count)], Totaal: true)).ToList();
        var bewegingTabel = new Tabel(LadderBeweging, "Participatieladder: beweging sinds de vorige score", "Beweging", [new("aantal", "Mensen", KolomSoort.Aantal)], bewegingRijen,
            "De laatste score vergeleken met de score daarvoor.", [BronVerwijzing.Van(BronParticipatie.Participatieladder)]);

        // Own meerkeuze questions: per option and moment the people who chose it, each answer read with its own version,
        // only where that version asks the question with the same text and options (the comparison rule above).
        var gekozen = antwoorden.Where(a => a.Keuze is not null)
            .Select(a => (a.Maanden, a.Keuze, Vraag: (versies.TryGetValue(a.Versie, out var l) ? l : Vragenlijsten.Standaard).Zoek(a.VraagCode)))
            .Where(a => a.Vraag is not null && a.Vraag.Schaal == Antwoordschaal.Meerkeuze && samen.Contains(a.Vraag.Vergelijksleutel))
            .Select(a => (a.Maanden, Sleutel: a.Vraag!.Vergelijksleutel, a.Keuze)).ToList();
        var keuzeRijen = keuzevragen.Vragen.SelectMany(v => v.Keuzes.Select(k => new Rij($"{v.Code}|{k.Code}", $"{v.Teksten["nl"]} · {k.Teksten["nl"]} ({k.Code})",
            keuzevragen.Momenten.Select(m => c.Aantal(gekozen.Count(g => g.Maanden == m && g.Sleutel == v.Vergelijksleutel && g.Keuze == k.Code))).ToList()))).ToList();
        var keuzeTabel = new Tabel(Keuzes, "Eigen meerkeuzevragen: antwoorden per keuze", "Vraag · antwoord",
            keuzevragen.Momenten.Select(m => new Kolom($"m{m}", Moment(m), KolomSoort.Aantal)).ToList(), keuzeRijen,
            "Per antwoord van een eigen meerkeuzevraag van de gemeente: het aantal mensen dat het koos, per meetmoment. Wie de vraag oversloeg, telt niet mee. " +
            "Een vraag staat hier alleen als alle versies in dit cohort haar met dezelfde tekst en dezelfde antwoorden stellen. " + Vergelijking(versies, samen),
            [BronVerwijzing.Van(BronParticipatie.Vragenlijst)]);

        var cohortTabel = new Tabel(Cohort, "Cohort", "Cohort", [new("aantal", "Mensen", KolomSoort.Aantal)], [new Rij("personen", "Mensen in het cohort", [c.Aantal(personen)])]);

        // The differences a reader can work out (see Verschillen); never shown, only protected.
        var verschillen = new List<Rij>();
        void Verschil(string sleutel, int aantal) => verschillen.Add(new Rij(sleutel, sleutel, [c.Aantal(aantal)]));
        foreach (var g in gemetenPerMoment)
        {
            var m = g.Maanden.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var d in domeinen) Verschil($"{m}|{Sleutel(d)}-niet", g.Aantal - positief.Count(p => p.Maanden == g.Maanden && p.Domein == d));
            foreach (var v in keuzevragen.Vragen)
            {
                if (keuzevragen.Momenten.Contains(g.Maanden))
                    Verschil($"{m}|keuze|{v.Code}", g.Aantal - gekozen.Count(x => x.Maanden == g.Maanden && x.Sleutel == v.Vergelijksleutel && v.IsKeuze(x.Keuze!)));
            }
        }

        var verschilTabel = new Tabel(Verschillen, "Verschillen", "Verschil", [new("aantal", "Mensen", KolomSoort.Aantal)], verschillen);
        return keuzevragen.Vragen.Count == 0 ? [perMoment, tredeTabel, bewegingTabel, cohortTabel, verschilTabel] : [perMoment, keuzeTabel, tredeTabel, bewegingTabel, cohortTabel, verschilTabel];
    }

    private static string Sleutel(Participatiedomein d) => d switch
    {
        Participatiedomein.WerkEnOpleiding => "werk",
        Participatiedomein.MaatschappelijkeParticipatie => "maatschappelijk",
        Participatiedomein.SocialeParticipatie => "sociaal",
        Participatiedomein.Competenties => "competenties",
        _ => "welbevinden",
    };
}
