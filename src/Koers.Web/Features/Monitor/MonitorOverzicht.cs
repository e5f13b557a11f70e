using System.Globalization;
using Koers.Data;
using Koers.Domain.Dossier;
using Koers.Domain.Monitor;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Koers.Web.Features.Monitor;

public sealed record PeriodeDto(PeriodeSoort Soort, DateOnly Van, DateOnly Tot, string Omschrijving);

/// <param name="Grens">Counts from 1 to Grens-1 are hidden (when VerbergKleineAantallen): the strictest threshold of the municipalities.</param>
public sealed record MonitorFilterDto(
    string? Gemeente, int? Regio, int? Klantregisseur, Doelgroep? Doelgroep, PeriodeDto Periode, bool VerbergKleineAantallen, int Grens = KleineAantallen.Grens);

public sealed record Kerngetal(string Titel, Cel Cel, string? Toelichting = null);

public sealed record NietBeschikbaar(string Onderwerp, string Reden);

/// <summary>The budget model in words, with its sources, for the screen and the report.</summary>
public sealed record BudgetToelichting(int Jaar, int? BedragenUitJaar, string Model, bool PrestatieVanToepassing, int? PrestatieJaar,
    bool MeegenomenGetoond, IReadOnlyList<BronVerwijzing> Bronnen);

/// <summary>Everything the monitor shows for one filter: key figures, tables (with their charts), budget and gaps.</summary>
public sealed record MonitorOverzicht(
    MonitorFilterDto Filter,
    string Bereik,
    DateOnly Vandaag,
    IReadOnlyList<Kerngetal> Kerngetallen,
    IReadOnlyList<Tabel> Tabellen,
    BudgetToelichting Budget,
    IReadOnlyList<NietBeschikbaar> NietBeschikbaar)
{
    public Tabel Tabel(string id) => Tabellen.Single(t => t.Id == id);
}

/// <summary>Turns the SQL figures into the tables of the monitor, with small counts hidden and links to the cases.</summary>
public sealed class MonitorOverzichtBouwer(
    MonitorQuery query,
    KoersDbContext db,
    Klok klok,
    IOptions<BudgetInstellingen> budgetOpties,
    IOptions<MonitorInstellingen> monitorOpties,
    IMemoryCache bewaard)
{
    public const int OntwikkelingJaren = 5;

    public static readonly IReadOnlyList<NietBeschikbaar> NogNietBeschikbaar =
    [
        new("Wachttijden per partner (taalschool, MAP, PVT, maatschappelijke begeleiding)",
            "Koers legt nog geen verwijzingen naar partners vast; zodra dat kan, komen de wachttijden hier."),
        new("Participatie over tijd (werk, opleiding, vrijwilligerswerk)",
            "Staat in de participatiemonitor (/monitor/participatie): per cohort van de brede intake, per meetmoment en op de participatieladder."),
        new("Handhaving (waarschuwingen, boetes, maatregelen)",
            "Handhaving is nog niet gebouwd in Koers."),
        new("Werkelijke kosten per component",
            "De budgettabel toont alleen de verwachte uitkering. Werkelijke kosten per aanbieder en onderdeel per verantwoordingsjaar staan bij Inkoop (prestaties per aanbieder), nog niet per component van de uitkering. Ook elders zijn kosten nog niet apart in beeld (Evaluatie Kempen, regels 788-789)."),
    ];

    /// <summary>The tables of one view before secondary suppression, and what the view needs besides.</summary>
    private sealed record Ruwe(List<Tabel> Tabellen, IReadOnlyList<Koppeling> Koppelingen, BudgetToelichting Budget, Uitkeringsraming? Raming);

    public async Task<MonitorOverzicht> BouwAsync(MonitorFilter f, CancellationToken ct = default)
    {
        var gemeenten = await query.GemeentenAsync(f, ct);
        var familie = f.VerbergKleineAantallen ? await query.FamilieAsync(f, gemeenten, ct) : null;
        var c = new Cellen(f.VerbergKleineAantallen, monitorOpties.Value.GrensVoor((familie?.SelectMany(l => l.Gemeenten) ?? gemeenten).Select(g => g.Code)));
        var (tabellen, koppelingen, budget, raming) = await RuweTabellenAsync(f, c, gemeenten, ct);
        if (c.Verberg && familie is not null)
        {
            // Decided once for the region and all its municipalities, so no view can be differenced against another.
            var plek = familie.ToList().FindIndex(l => l.Filter == f);
            var beveiligd = await BeveiligAsync(familie, c, (plek, new Ruwe(tabellen, koppelingen, budget, raming)), ct);
            tabellen = [.. beveiligd[plek]];
            if (f.Periode.Soort == PeriodeSoort.Jaar) tabellen = await AndereJarenAsync(f, familie, plek, tabellen, c, ct);
        }
        else if (c.Verberg)
        {
            tabellen = [.. Optelling.Beveilig(tabellen, Optellingen, koppelingen, c)];
        }

        if (c.Verberg) tabellen = BedragenMetAantallen(tabellen, c);
        return await OverzichtAsync(f, c, gemeenten, tabellen, budget, raming, ct);
    }

    /// <summary>
    /// All views of a family protected together; <paramref name="bekend"/> is a member already built. Kept for
    /// <see cref="MonitorInstellingen.FamilieBewaarSeconden"/>: every member's view and every later year that shows
    /// this year's counts then reads from the same protected figures.
    /// </summary>
    private async Task<IReadOnlyList<IReadOnlyList<Tabel>>> BeveiligAsync(IReadOnlyList<Familielid> familie, Cellen c, (int Plek, Ruwe Ruwe)? bekend, CancellationToken ct)
    {
        var seconden = monitorOpties.Value.FamilieBewaarSeconden;
        if (seconden <= 0) return await BeveiligNuAsync(familie, c, bekend, ct);
        var sleutel = "monitorfamilie|" + c.Grens + "|" + string.Join(";", familie.Select(l =>
            string.Join("&", l.Filter.AlsQuery().Select(q => q.Key + "=" + q.Value)) + "|" + l.Filter.MetDoorklik + "|" + string.Join(",", l.Filter.Bereik)));
        if (bewaard.TryGetValue(sleutel, out IReadOnlyList<IReadOnlyList<Tabel>>? eerder) && eerder is not null) return eerder;
        var nu = await BeveiligNuAsync(familie, c, bekend, ct);
        bewaard.Set(sleutel, nu, TimeSpan.FromSeconds(seconden));
        return nu;
    }

    private async Task<IReadOnlyList<IReadOnlyList<Tabel>>> BeveiligNuAsync(IReadOnlyList<Familielid> familie, Cellen c, (int Plek, Ruwe Ruwe)? bekend, CancellationToken ct)
    {
        var leden = new List<Ruwe>();
        for (var i = 0; i < familie.Count; i++)
        {
            leden.Add(bekend is { } b && b.Plek == i ? b.Ruwe : await RuweTabellenAsync(familie[i].Filter, c, familie[i].Gemeenten, ct));
        }

        return Optelling.BeveiligFamilie([.. leden.Select(l => ((IReadOnlyList<Tabel>)l.Tabellen, (IEnumerable<Koppeling>)l.Koppelingen))], Optellingen, c);
    }

    /// <summary>
    /// Counts of other years in a year view (the earlier rows of "ontwikkeling", the t-2 cohort of the
    /// prestatiebekostiging) are the same numbers as in that year's own view. They are shown exactly as that year's
    /// family shows them, so setting two years' views side by side reveals nothing either of them hides. Figures derived
    /// from a hidden cohort (its share, the budget model's amounts) are hidden with it.
    /// </summary>
    private async Task<List<Tabel>> AndereJarenAsync(MonitorFilter f, IReadOnlyList<Familielid> familie, int plek, List<Tabel> tabellen, Cellen c, CancellationToken ct)
    {
        var jaar = f.Periode.Van.Year;
        var ontwikkeling = tabellen.SingleOrDefault(t => t.Id == "ontwikkeling");
        var prestatie = tabellen.SingleOrDefault(t => t.Id == "prestatie");
        var prestatieJaar = f.Periode.Begrotingsjaar - budgetOpties.Value.PrestatieTerugJaren;
        var jaren = (ontwikkeling?.Rijen.Select(r => int.Parse(r.Sleutel, CultureInfo.InvariantCulture)) ?? []).Append(prestatieJaar).Where(j => j != jaar).Distinct().Order();
        var andere = new Dictionary<int, IReadOnlyList<Tabel>>();
        foreach (var j in jaren)
        {
            var ander = familie.Select(l => l with { Filter = l.Filter with { Periode = Periode.Jaar(j) } }).ToList();
            andere[j] = (await BeveiligAsync(ander, c, null, ct))[plek];
        }

        Cel? Uit(int j, string tabel, string rij, string kolom) => andere.GetValueOrDefault(j)?.Zoek(tabel, rij, kolom);

        var uitkomst = new List<Tabel>();
        var cohortVerborgen = false;
        foreach (var t in tabellen)
        {
            if (t.Id == "ontwikkeling")
            {
                uitkomst.Add(t with
                {
                    Rijen = [.. t.Rijen.Select(r => r.Sleutel == jaar.ToString(CultureInfo.InvariantCulture) ? r
                        : r with { Cellen = [.. r.Cellen.Select((cel, k) => Uit(int.Parse(r.Sleutel, CultureInfo.InvariantCulture), "ontwikkeling", r.Sleutel, t.Kolommen[k].Sleutel) ?? cel)] })],
                });
            }
            else if (t.Id == "prestatie" && prestatieJaar != jaar && Uit(prestatieJaar, "budget-aantallen", "alle", "aantal") is { } cohort)
            {
                cohortVerborgen = cohort.Verborgen;
                var aandeel = t.Index("aandeel");
                uitkomst.Add(t with
                {
                    Rijen = [.. t.Rijen.Select(r => r.Sleutel == "cohort" ? r with { Cellen = [cohort, .. r.Cellen.Skip(1)] }
                        : cohortVerborgen && aandeel >= 0 && r.Cellen[aandeel].Waarde is not null ? r with { Cellen = [.. r.Cellen.Select((cel, k) => k == aandeel ? new Cel(null, c.AfgeleidTekst, true) : cel)] }
                        : r)],
                });
            }
            else
            {
                uitkomst.Add(t);
            }
        }

        // The budget model's expected performance part and what follows from it are computed from the cohort.
        if (!cohortVerborgen) return uitkomst;
        return [.. uitkomst.Select(t => t.Id != "budget-raming" ? t : t with
        {
            Rijen = [.. t.Rijen.Select(r => r.Sleutel is "prestatieVerwacht" or "verwacht" or "beschikbaar" && r.Cellen[0].Waarde is not null
                ? r with { Cellen = [new Cel(null, c.AfgeleidTekst, true)] } : r)],
        })];
    }

    /// <summary>
    /// The budget amounts are a count times a published amount per person, so an amount gives its count away (amount /
    /// price). <see cref="Cellen.Bedrag"/> hides them with a count under the threshold; this hides them as well when
    /// secondary suppression hid the count ("x"), with the same marker as every figure derived from a hidden count.
    /// A group's column goes with that group's count; the totals (and the model built on them) with either count,
    /// since total minus the shown group is the hidden one.
    /// </summary>
    private static List<Tabel> BedragenMetAantallen(List<Tabel> tabellen, Cellen c)
    {
        var asiel = tabellen.Zoek("budget-aantallen", "asielmigrant", "aantal")?.Verborgen ?? false;
        var gezin = tabellen.Zoek("budget-aantallen", "gezinsmigrant", "aantal")?.Verborgen ?? false;
        if (!asiel && !gezin) return tabellen;
        var verborgen = new Cel(null, c.AfgeleidTekst, true);
        return [.. tabellen.Select(t => t.Id switch
        {
            "budget-componenten" => t with
            {
                Rijen = [.. t.Rijen.Select(r => r with
                {
                    Cellen = [.. r.Cellen.Select((cel, k) => cel.Waarde is not null && (t.Kolommen[k].Sleutel == "totaal" || (asiel && t.Kolommen[k].Sleutel == "asielmigranten")
                        || (gezin && t.Kolommen[k].Sleutel == "gezinsmigranten")) ? verborgen : cel)],
                })],
            },
            // All amounts of the estimate follow from the totals; "meegenomen" is a setting, not a count.
            "budget-raming" => t with { Rijen = [.. t.Rijen.Select(r => r.Sleutel == "meegenomen" || r.Cellen[0].Waarde is null ? r : r with { Cellen = [verborgen] })] },
            _ => t,
        })];
    }

    private async Task<Ruwe> RuweTabellenAsync(MonitorFilter f, Cellen c, IReadOnlyList<GemeenteInfo> gemeenten, CancellationToken ct)
    {
        var tabellen = new List<Tabel>();

        var (perMaand, perGemeente) = await query.InstroomAsync(f, gemeenten, ct);
        var taakstellingTonen = f.Doelgroep is null && f.KlantregisseurId is null;
        tabellen.Add(InstroomPerMaand(f, c, perMaand, gemeenten, taakstellingTonen));
        tabellen.Add(InstroomPerGemeente(f, c, perGemeente, taakstellingTonen));

        var (fasen, caseload) = await query.FasenEnCaseloadAsync(f, ct);
        tabellen.Add(Fasen(f, c, fasen));

        var doorlooptijden = await query.DoorlooptijdenAsync(f, ct);
        tabellen.Add(Doorlooptijden(f, c, doorlooptijden));
        tabellen.Add(PipTermijn(f, c, await query.PipTermijnenAsync(f, ct)));

        var (routes, lbt) = await query.RoutesEnLbtAsync(f, ct);
        tabellen.Add(Routes(f, c, routes, await query.RouteOnbekendAsync(f, ct)));
        tabellen.Add(Lbt(f, c, lbt));

        var resultaten = await query.ResultatenAsync(f, ct);
        tabellen.Add(Resultaten(f, c, resultaten));

        tabellen.Add(Caseload(f, c, caseload));

        var ontwikkeling = await query.OntwikkelingAsync(f, f.Periode.Tot.Year, OntwikkelingJaren, ct);
        tabellen.Add(Ontwikkeling(f, c, ontwikkeling));

        var (budgetTabellen, budget, raming) = await BudgetAsync(f, c, gemeenten, ct);
        tabellen.AddRange(budgetTabellen);
        return new Ruwe(tabellen, [.. Koppelingen(f, resultaten.Keys)], budget, raming);
    }

    private async Task<MonitorOverzicht> OverzichtAsync(MonitorFilter f, Cellen c, IReadOnlyList<GemeenteInfo> gemeenten, List<Tabel> tabellen,
        BudgetToelichting budget, Uitkeringsraming? raming, CancellationToken ct)
    {
        // The key figures are cells of the tables, so a hidden figure reads the same everywhere and no raw count
        // stands under it.
        Cel Uit(string tabel, string rij, string kolom) => tabellen.Zoek(tabel, rij, kolom) ?? Cel.Leeg;

        var pipAantal = Uit("doorlooptijden", nameof(Doorlooptijd.BrpPip), "aantal");
        var kerngetallen = new List<Kerngetal>
        {
            new("Instroom", Uit("instroom-maand", "totaal", "totaal"), f.Periode.Omschrijving),
            new("Lopende dossiers", Uit("caseload", "alle", "lopend"), "stand van vandaag, Wi2021 en daarbuiten samen (zie de caseload)"),
            new("Mediaan BRP → PIP", Dagen(Uit("doorlooptijden", nameof(Doorlooptijd.BrpPip), "mediaan")), $"{pipAantal.Tekst} PIP's in de periode"),
            new("PIP binnen de termijn", Uit("pip-termijn", nameof(PipTermijnUitkomst.Binnen), "aandeel"), "van wie de termijn voor het PIP in de periode verstreek (ook wie nog geen PIP heeft)"),
            new("Voldaan binnen termijn", Uit("resultaten", nameof(Resultaat.VoldaanBinnenTermijn), "aantal"), f.Periode.Omschrijving),
            new($"Verwachte uitkering {budget.Jaar}", raming is null ? Cel.Leeg : Uit("budget-raming", "verwacht", "bedrag"), "model van Koers"),
        };

        return new MonitorOverzicht(
            new MonitorFilterDto(f.GemeenteCode, f.RegioId, f.KlantregisseurId, f.Doelgroep,
                new PeriodeDto(f.Periode.Soort, f.Periode.Van, f.Periode.Tot, f.Periode.Omschrijving), f.VerbergKleineAantallen, c.Grens),
            await BereikAsync(f, gemeenten, ct),
            klok.Vandaag,
            kerngetallen,
            tabellen,
            budget,
            NogNietBeschikbaar);
    }

    /// <summary>How the counts of each table add up, for secondary suppression.</summary>
    private static readonly Dictionary<string, Optelling> Optellingen = new()
    {
        ["instroom-maand"] = new(["asiel", "overig"], "totaal", true, ["realisatie"], Los: ["gehuisvest"]),
        ["instroom-gemeente"] = new(["asiel", "overig"], "totaal", true, ["realisatie"], Los: ["gehuisvest"]),
        ["fasen"] = new(["aantal"], null, true, ["aandeel"], ["aandeel"]),
        ["doorlooptijden"] = new(["binnen", "buiten", "zonder"], "aantal", false, ["aandeel"]),
        ["pip-termijn"] = new(["aantal"], null, true, ["aandeel"], ["aandeel"]),
        ["routes"] = new([nameof(Leerroute.B1Route), nameof(Leerroute.Onderwijsroute), nameof(Leerroute.ZRoute), "onbekend"], "totaal", true),
        ["lbt"] = new([nameof(Leerroute.B1Route), nameof(Leerroute.Onderwijsroute), nameof(Leerroute.ZRoute)], "totaal", true),
        ["resultaten"] = new(["aantal"], null, true, ["aandeel"], ["aandeel"]),
        ["ontwikkeling"] = new([], null, false),
        ["prestatie"] = new([], null, false, ["aandeel"]),
        ["caseload"] = new(["wi2021", "buiten"], "lopend", true, ["bezetting"]),
        ["budget-aantallen"] = new(["aantal"], null, true),
    };

    /// <summary>
    /// The same figures in two tables, or parts in one and their sum in another: what a reader can put side by side.
    /// </summary>
    private static IEnumerable<Koppeling> Koppelingen(MonitorFilter f, IEnumerable<Resultaat> resultaten)
    {
        foreach (var k in new[] { "asiel", "overig", "totaal", "gehuisvest" })
        {
            yield return new([new("instroom-maand", "totaal", k)], new("instroom-gemeente", "totaal", k));
        }

        // Per route the same PIPs; the route table's total also holds the PIPs without a route, the test table's not.
        foreach (var k in Routevolgorde.Select(r => r.ToString()))
        {
            yield return new([new("routes", "alle", k)], new("lbt", "alle", k));
        }

        // Running cases are the stages that are not closed; the caseload adds up the same cases per klantregisseur.
        yield return new([.. Enum.GetValues<Fase>().Where(x => !x.IsAfgesloten()).Select(x => new CelPlaats("fasen", x.ToString(), "aantal"))],
            new("caseload", "alle", "lopend"));

        // A calendar year is also a row of the development over the years.
        if (f.Periode.Soort == PeriodeSoort.Jaar)
        {
            var jaar = f.Periode.Van.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return new([new("instroom-maand", "totaal", "totaal")], new("ontwikkeling", jaar, "instroom"));
            // Housed in the year = the asielmigranten the budget counts for that year (both by BRP date).
            yield return new([new("instroom-maand", "totaal", "gehuisvest")], new("budget-aantallen", "asielmigrant", "aantal"));
            var lijst = resultaten.ToList();
            yield return new([.. lijst.Where(r => r.ToString().StartsWith("Voldaan", StringComparison.Ordinal)).Select(r => new CelPlaats("resultaten", r.ToString(), "aantal"))],
                new("ontwikkeling", jaar, "voldaan"));
            yield return new([new("resultaten", nameof(Resultaat.Uitgeschreven), "aantal")], new("ontwikkeling", jaar, "uitval"));
            yield return new([new("resultaten", nameof(Resultaat.Verhuisd), "aantal")], new("ontwikkeling", jaar, "verhuisd"));
        }
    }

    private static Cel Dagen(Cel cel) => cel.Waarde is null ? cel : cel with { Tekst = cel.Tekst + " dagen" };

    public static string? Link(MonitorFilter f, Figuur figuur, string sleutel) =>
        !f.MetDoorklik ? null : f.Url("/monitor/dossiers", new Dictionary<string, string?> { ["figuur"] = figuur.ToString(), ["sleutel"] = sleutel });

    public async Task<string> BereikAsync(MonitorFilter f, IReadOnlyList<GemeenteInfo> gemeenten, CancellationToken ct)
    {
        var delen = new List<string>();
        if (f.GemeenteCode is not null) delen.Add(gemeenten.Count == 1 ? $"Gemeente {gemeenten[0].Naam}" : $"Gemeente {f.GemeenteCode} (onbekend)");
        if (f.RegioId is not null) delen.Add(gemeenten.Count > 0 ? gemeenten[0].Regio : "Onbekende regio");
        if (delen.Count == 0) delen.Add(gemeenten.Count > 0 ? $"Alle gemeenten van {gemeenten[0].Regio}" : "Geen gemeenten");
        if (f.KlantregisseurId is { } k)
        {
            var naam = await db.Medewerkers.AsNoTracking().Where(m => m.Id == k).Select(m => m.Naam).FirstOrDefaultAsync(ct);
            delen.Add($"klantregisseur {naam ?? "onbekend"}");
        }

        if (f.Doelgroep is { } d) delen.Add($"doelgroep {d.Omschrijving().InZin()}");
        return string.Join(" · ", delen);
    }

    // ---------------------------------------------------------------- inflow

    private decimal? Taakstelling(IEnumerable<GemeenteInfo> gemeenten, Periode periode)
    {
        decimal som = 0;
        foreach (var g in gemeenten)
        {
            if (Domain.Monitor.Taakstelling.NaarRato(monitorOpties.Value.TaakstellingVoor(g.Code), periode) is not { } deel) return null;
            som += deel;
        }

        // Unrounded: the realisatie divides by it; only the shown figure is rounded (Cellen.Getal).
        return som;
    }

    private static readonly Kolom[] InstroomKolommen =
    [
        new("asiel", "Asielstatushouders en nareizigers", KolomSoort.Aantal),
        new("overig", "Overige doelgroepen", KolomSoort.Aantal),
        new("totaal", "Totaal", KolomSoort.Aantal),
        new("gehuisvest", "Gehuisvest (asielstatushouders en nareizigers, inschrijving BRP)", KolomSoort.Aantal),
        new("taakstelling", "Taakstelling (naar rato)", KolomSoort.Getal),
        new("realisatie", "Realisatie t.o.v. taakstelling", KolomSoort.Percentage),
    ];

    /// <summary>Housed against the taakstelling: both count statushouders housed, by the date they settle (BRP).</summary>
    private static Cel Realisatie(Cellen c, int gehuisvest, decimal? taakstelling)
    {
        if (Domain.Monitor.Taakstelling.Realisatie(gehuisvest, taakstelling) is not { } p) return Cel.Leeg;
        if (c.Verberg && KleineAantallen.Verbergen(gehuisvest, c.Grens)) return new Cel(null, c.AfgeleidTekst, true);
        return new Cel(p, p.ToString("0.#", new System.Globalization.CultureInfo("nl-NL")) + "%");
    }

    private Rij InstroomRij(MonitorFilter f, Cellen c, string sleutel, string label, int asiel, int overig, int gehuisvest, decimal? taak, bool totaal = false, string? kort = null) =>
        new(sleutel, label,
        [
            c.Aantal(asiel, Link(f, Figuur.Instroom, "asiel")),
            c.Aantal(overig, Link(f, Figuur.Instroom, "overig")),
            c.Aantal(asiel + overig, Link(f, Figuur.Instroom, "alle")),
            c.Aantal(gehuisvest, Link(f, Figuur.Instroom, "gehuisvest")),
            Cellen.Getal(taak is { } t ? Math.Round(t, 2, MidpointRounding.AwayFromZero) : null),
            Realisatie(c, gehuisvest, taak),
        ], totaal, kort);

    private Tabel InstroomPerMaand(MonitorFilter f, Cellen c, IReadOnlyList<InstroomVak> vakken, IReadOnlyList<GemeenteInfo> gemeenten, bool taakstellingTonen)
    {
        var rijen = vakken.Select(v => InstroomRij(f with { Periode = v.Vak }, c, v.Vak.Van.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                v.Vak.Omschrijving, v.Asiel, v.Overig, v.Gehuisvest, taakstellingTonen ? Taakstelling(gemeenten, v.Vak) : null, kort: v.Vak.KorteNaam))
            .ToList();
        rijen.Add(InstroomRij(f, c, "totaal", "Totaal", vakken.Sum(v => v.Asiel), vakken.Sum(v => v.Overig), vakken.Sum(v => v.Gehuisvest),
            taakstellingTonen ? Taakstelling(gemeenten, f.Periode) : null, totaal: true));
        return new Tabel("instroom-maand", $"Instroom per maand, {f.Periode.Omschrijving}", "Maand", InstroomKolommen, rijen,
            Toelichting: "Nieuwe dossiers op de datum van de koppeling door het COA, of de inschrijving in de BRP als er geen koppeling is (gezinsmigranten, overige migranten). "
                + "De taakstelling gaat over het huisvesten van statushouders: de realisatie deelt daarom het aantal gehuisveste asielstatushouders en nareizigers, geteld op de datum van inschrijving in de BRP (de vestiging in de gemeente, dezelfde datum als het budget), door de taakstelling, niet de instroom op koppelingsdatum. "
                + "De taakstelling is per halfjaar ingesteld en naar rato verdeeld over de maanden. "
                + (taakstellingTonen ? monitorOpties.Value.TaakstellingBron : "Bij een filter op klantregisseur of doelgroep is de taakstelling niet te vergelijken en wordt ze niet getoond."),
            Bronnen: [BronVerwijzing.Van(MonitorBron.TaakstellingHalfjaarlijks)],
            Grafiek: new GrafiekSpec(GrafiekSoort.Kolommen, ["asiel", "overig"], Normkolom: "taakstelling", NormLabel: "taakstelling", Totaalkolom: "totaal"));
    }

    private Tabel InstroomPerGemeente(MonitorFilter f, Cellen c, IReadOnlyList<InstroomGemeente> perGemeente, bool taakstellingTonen)
    {
        var rijen = perGemeente.Select(g => InstroomRij(f with { GemeenteCode = g.Gemeente.Code, RegioId = null }, c, g.Gemeente.Code, g.Gemeente.Naam,
                g.Asiel, g.Overig, g.Gehuisvest, taakstellingTonen ? Taakstelling([g.Gemeente], f.Periode) : null))
            .ToList();
        rijen.Add(InstroomRij(f, c, "totaal", "Totaal", perGemeente.Sum(g => g.Asiel), perGemeente.Sum(g => g.Overig), perGemeente.Sum(g => g.Gehuisvest),
            taakstellingTonen ? Taakstelling(perGemeente.Select(g => g.Gemeente), f.Periode) : null, totaal: true));
        return new Tabel("instroom-gemeente", $"Instroom per gemeente, {f.Periode.Omschrijving}", "Gemeente", InstroomKolommen, rijen,
            Toelichting: "Zelfde telling als per maand, per gemeente; de realisatie is het aantal gehuisveste statushouders (inschrijving BRP) tegen de taakstelling van die gemeente.",
            Bronnen: [BronVerwijzing.Van(MonitorBron.TaakstellingHalfjaarlijks)],
            Grafiek: new GrafiekSpec(GrafiekSoort.Kolommen, ["asiel", "overig"], Normkolom: "taakstelling", NormLabel: "taakstelling", Totaalkolom: "totaal"));
    }

    // ---------------------------------------------------------------- stage, lead times, routes, results, caseload

    private static Tabel Fasen(MonitorFilter f, Cellen c, IReadOnlyDictionary<Fase, int> fasen)
    {
        var totaal = fasen.Values.Sum();
        var rijen = Enum.GetValues<Fase>()
            .Select(fase => new Rij(fase.ToString(), fase.Omschrijving(),
                [c.Aantal(fasen[fase], Link(f, Figuur.Fase, fase.ToString())), c.Percentage(fasen[fase], totaal)]))
            .ToList();
        rijen.Add(new Rij("totaal", "Totaal", [c.Aantal(totaal), totaal > 0 ? Cellen.Getal(100, "0'%'") : Cel.Leeg], true));
        return new Tabel("fasen", "Fase van alle dossiers (stand van vandaag)", "Fase",
            [new("aantal", "Dossiers", KolomSoort.Aantal), new("aandeel", "Aandeel", KolomSoort.Percentage)], rijen,
            Toelichting: "De fase van elk dossier in de selectie op dit moment; de gekozen periode telt hier niet mee.",
            Grafiek: new GrafiekSpec(GrafiekSoort.Staven, ["aantal"]));
    }

    public static string Omschrijving(Doorlooptijd soort) => soort switch
    {
        Doorlooptijd.KoppelingBrp => "Koppeling → inschrijving BRP",
        Doorlooptijd.BrpIntake => "Inschrijving BRP → brede intake afgerond",
        Doorlooptijd.BrpPip => "Inschrijving BRP → PIP vastgesteld",
        Doorlooptijd.PipStartLeerroute => "PIP vastgesteld → start leerroute",
        Doorlooptijd.KoppelingPip => "Koppeling → PIP vastgesteld (hele wachttijd op het plan)",
        _ => soort.ToString(),
    };

    /// <summary>
    /// What "in time" means in the monitor: the end of the PIP term the legal clock stored for the case (Besluit
    /// inburgering 2021 art. 5.3 lid 1 with the Algemene termijnenwet), the same date the case's deadline shows.
    /// </summary>
    private const string PipTermijnUitleg =
        "De termijn is die van de termijnbewaking in het dossier: uiterlijk 10 weken na de dag van de kennisgeving van de inburgeringsplicht door DUO, "
        + "of na de inschrijving in de BRP als iemand (asielstatushouder of nareiziger) bij de kennisgeving nog niet in de gemeente was ingeschreven; "
        + "tot 2023 na de inschrijving in de BRP. Valt het einde op een zaterdag, zondag of feestdag, dan loopt de termijn door tot de eerstvolgende werkdag (Algemene termijnenwet).";

    private static readonly BronVerwijzing[] PipTermijnBronnen =
    [
        BronVerwijzing.Van(Koers.Domain.Sources.Bron.PipTermijnBesluit),
        BronVerwijzing.Van(Koers.Domain.Sources.Bron.PipTermijnBesluit2022),
        BronVerwijzing.Van(Koers.Domain.Sources.Bron.TermijnenwetAmvb),
        BronVerwijzing.Van(Koers.Domain.Sources.Bron.PipBinnenTienWeken),
    ];

    private static Tabel Doorlooptijden(MonitorFilter f, Cellen c, IReadOnlyList<DoorlooptijdCijfer> cijfers)
    {
        var rijen = cijfers.Select(d =>
        {
            var pip = d.Soort == Doorlooptijd.BrpPip;
            var (binnen, na) = (d.BinnenNorm ?? 0, d.NaNorm ?? 0);
            return new Rij(d.Soort.ToString(), Omschrijving(d.Soort),
            [
                c.Aantal(d.Aantal, Link(f, Figuur.Doorlooptijd, d.Soort.ToString())),
                c.Dagen(d.MediaanDagen, d.Aantal),
                pip ? c.Aantal(binnen, Link(f, Figuur.PipTijdig, "binnen")) : Cel.Leeg,
                pip ? c.Aantal(na, Link(f, Figuur.PipTijdig, "buiten")) : Cel.Leeg,
                pip ? c.Aantal(d.Aantal - binnen - na, Link(f, Figuur.PipTijdig, "zonder")) : Cel.Leeg,
                pip ? c.Percentage(binnen, binnen + na) : Cel.Leeg,
            ]);
        }).ToList();
        return new Tabel("doorlooptijden", $"Doorlooptijden (mediaan), {f.Periode.Omschrijving}", "Doorlooptijd",
        [
            new("aantal", "Dossiers", KolomSoort.Aantal),
            new("mediaan", "Mediaan (dagen)", KolomSoort.Dagen),
            new("binnen", "PIP binnen de termijn", KolomSoort.Aantal),
            new("buiten", "PIP na de termijn", KolomSoort.Aantal),
            new("zonder", "Zonder PIP-termijn", KolomSoort.Aantal),
            new("aandeel", "Aandeel PIP binnen de termijn", KolomSoort.Percentage),
        ], rijen,
            Toelichting: "Dossiers waarvan de tweede mijlpaal in de periode valt; de mediaan is de middelste doorlooptijd (bij een even aantal het gemiddelde van de twee middelste). "
                + "Bij BRP → PIP: of het PIP binnen de termijn kwam. " + PipTermijnUitleg
                + " Zonder PIP-termijn: de ondertussengroep (Wet inburgering 2013) en vrijgestelden. De lijn in de grafiek staat op 10 weken (70 dagen).",
            Bronnen: PipTermijnBronnen,
            Grafiek: new GrafiekSpec(GrafiekSoort.Staven, ["mediaan"], Norm: MonitorQuery.PipNormDagen, NormLabel: "10 weken (PIP-norm)", Eenheid: "dagen"));
    }

    public static string Omschrijving(PipTermijnUitkomst uitkomst) => uitkomst switch
    {
        PipTermijnUitkomst.Binnen => "PIP binnen de termijn vastgesteld",
        PipTermijnUitkomst.TeLaat => "PIP na de termijn vastgesteld",
        PipTermijnUitkomst.Geen => "Nog geen PIP",
        _ => uitkomst.ToString(),
    };

    private static Tabel PipTermijn(MonitorFilter f, Cellen c, IReadOnlyDictionary<PipTermijnUitkomst, int> aantallen)
    {
        var totaal = aantallen.Values.Sum();
        var sleutel = new Dictionary<PipTermijnUitkomst, string> { [PipTermijnUitkomst.Binnen] = "binnen", [PipTermijnUitkomst.TeLaat] = "telaat", [PipTermijnUitkomst.Geen] = "geen" };
        var rijen = Enum.GetValues<PipTermijnUitkomst>()
            .Select(u => new Rij(u.ToString(), Omschrijving(u), [c.Aantal(aantallen[u], Link(f, Figuur.PipTermijn, sleutel[u])), c.Percentage(aantallen[u], totaal)]))
            .ToList();
        rijen.Add(new Rij("alle", "Totaal: termijn verstreken", [c.Aantal(totaal, Link(f, Figuur.PipTermijn, "alle")), totaal > 0 ? Cellen.Getal(100, "0'%'") : Cel.Leeg], true));
        return new Tabel("pip-termijn", $"PIP op tijd: iedereen van wie de termijn voor het PIP verstreek in {f.Periode.Omschrijving}", "Uitkomst",
            [new("aantal", "Dossiers", KolomSoort.Aantal), new("aandeel", "Aandeel", KolomSoort.Percentage)], rijen,
            Toelichting: "Iedereen van wie de termijn voor het eerste PIP in de periode eindigde, vóór vandaag: "
                + "met een PIP binnen de termijn, met een PIP daarna, of nog zonder PIP. " + PipTermijnUitleg
                + " Alleen de Wet inburgering 2021: voor de ondertussengroep (Wet inburgering 2013) en vrijgestelden geldt deze termijn niet, zij tellen hier niet mee. "
                + "Anders dan de kolommen bij de doorlooptijden (alleen PIP's die in de periode zijn vastgesteld) telt hier ook wie nog wacht.",
            Bronnen: PipTermijnBronnen,
            Grafiek: new GrafiekSpec(GrafiekSoort.Staven, ["aantal"]));
    }

    private static readonly Leerroute[] Routevolgorde = [Leerroute.B1Route, Leerroute.Onderwijsroute, Leerroute.ZRoute];

    private static IReadOnlyList<Kolom> RouteKolommen() =>
        [.. Routevolgorde.Select(r => new Kolom(r.ToString(), r.Omschrijving(), KolomSoort.Aantal)), new("totaal", "Totaal", KolomSoort.Aantal)];

    private static Tabel Routes(MonitorFilter f, Cellen c, IReadOnlyDictionary<(Doelgroep Doelgroep, Leerroute Leerroute), int> routes,
        IReadOnlyDictionary<Doelgroep, int> onbekend)
    {
        var doelgroepen = Enum.GetValues<Doelgroep>()
            .Where(d => d.ValtOnderWi2021() || routes.Keys.Any(k => k.Doelgroep == d) || onbekend.ContainsKey(d))
            .ToList();
        Rij Regel(string sleutel, string label, Func<Leerroute, int> aantal, int zonder, bool totaal = false) =>
            new(sleutel, label,
            [
                .. Routevolgorde.Select(r => c.Aantal(aantal(r), Link(f, Figuur.Route, $"{sleutel}:{r}"))),
                c.Aantal(zonder, Link(f, Figuur.Route, $"{sleutel}:onbekend")),
                c.Aantal(Routevolgorde.Sum(aantal) + zonder, Link(f, Figuur.Route, $"{sleutel}:alle")),
            ], totaal);
        var rijen = doelgroepen.Select(d => Regel(d.ToString(), d.Omschrijving(), r => routes.GetValueOrDefault((d, r)), onbekend.GetValueOrDefault(d))).ToList();
        rijen.Add(Regel("alle", "Totaal", r => routes.Where(k => k.Key.Leerroute == r).Sum(k => k.Value), onbekend.Values.Sum(), true));
        return new Tabel("routes", $"Leerroutes per doelgroep, PIP vastgesteld in {f.Periode.Omschrijving}", "Doelgroep",
            [.. Routevolgorde.Select(r => new Kolom(r.ToString(), r.Omschrijving(), KolomSoort.Aantal)), new("onbekend", "Route onbekend", KolomSoort.Aantal), new("totaal", "Totaal", KolomSoort.Aantal)],
            rijen,
            Toelichting: "Elk dossier waarvan het PIP in de periode is vastgesteld, met de leerroute zoals die in dat PIP is vastgesteld; een latere bijstelling of wijziging in het dossier verschuift haar niet. "
                + "Alleen als Koers van het PIP niet meer dan de datum kent (bijvoorbeeld overgenomen uit een eerder systeem), telt de leerroute uit het dossier. "
                + "Route onbekend: PIP vastgesteld, maar (nog) geen leerroute vastgelegd; zo valt geen PIP weg uit het totaal.",
            Grafiek: new GrafiekSpec(GrafiekSoort.Gestapeld, [.. Routevolgorde.Select(r => r.ToString()), "onbekend"]));
    }

    private static Tabel Lbt(MonitorFilter f, Cellen c, IReadOnlyDictionary<(LbtVergelijking Vergelijking, Leerroute Leerroute), int> lbt)
    {
        Rij Regel(string sleutel, string label, Func<Leerroute, int> aantal, bool totaal = false) =>
            new(sleutel, label,
            [
                .. Routevolgorde.Select(r => c.Aantal(aantal(r), Link(f, Figuur.Lbt, $"{sleutel}:{r}"))),
                c.Aantal(Routevolgorde.Sum(aantal), Link(f, Figuur.Lbt, $"{sleutel}:alle")),
            ], totaal);
        var rijen = Enum.GetValues<LbtVergelijking>()
            .Select(v => Regel(v.ToString(), v.Omschrijving(), r => lbt.GetValueOrDefault((v, r))))
            .ToList();
        rijen.Add(Regel("alle", "Totaal", r => lbt.Where(k => k.Key.Leerroute == r).Sum(k => k.Value), true));
        return new Tabel("lbt", $"Leerroute tegenover de leerbaarheidstoets, PIP vastgesteld in {f.Periode.Omschrijving}", "Uitkomst", RouteKolommen(), rijen,
            Toelichting: "Conform: Z-route onder de cesuur, of B1-/onderwijsroute op of boven de cesuur. Afwijking omhoog: B1- of onderwijsroute onder de cesuur. "
                + "Afwijking omlaag: Z-route op of boven de cesuur. De cesuur is de benodigde score van DUO, anders 31 (tot 12 april 2023) of 28.",
            Bronnen: [BronVerwijzing.Van(MonitorBron.LbtConformOfAfwijkend), BronVerwijzing.Van(Koers.Domain.Sources.Bron.LbtCesuur)],
            Grafiek: new GrafiekSpec(GrafiekSoort.Gestapeld, [.. Routevolgorde.Select(r => r.ToString())]));
    }

    public static string Omschrijving(Resultaat resultaat) => resultaat switch
    {
        Resultaat.VoldaanBinnenTermijn => "Inburgeringsplicht voldaan binnen de termijn",
        Resultaat.VoldaanNaTermijn => "Inburgeringsplicht voldaan na de termijn",
        Resultaat.VoldaanTermijnOnbekend => "Inburgeringsplicht voldaan, termijn onbekend",
        Resultaat.Ontheffing => "Ontheffing",
        Resultaat.Verhuisd => "Verhuisd naar een andere gemeente (geen uitval)",
        Resultaat.Uitgeschreven => "Uitgeschreven (uitval)",
        _ => resultaat.ToString(),
    };

    private static Tabel Resultaten(MonitorFilter f, Cellen c, IReadOnlyDictionary<Resultaat, int> resultaten)
    {
        var totaal = resultaten.Values.Sum();
        var rijen = Enum.GetValues<Resultaat>()
            .Select(r => new Rij(r.ToString(), Omschrijving(r),
                [c.Aantal(resultaten[r], Link(f, Figuur.Resultaat, r.ToString())), c.Percentage(resultaten[r], totaal)]))
            .ToList();
        rijen.Add(new Rij("alle", "Totaal afgesloten", [c.Aantal(totaal, Link(f, Figuur.Resultaat, "alle")), totaal > 0 ? Cellen.Getal(100, "0'%'") : Cel.Leeg], true));
        return new Tabel("resultaten", $"Resultaten: dossiers afgesloten in {f.Periode.Omschrijving}", "Resultaat",
            [new("aantal", "Dossiers", KolomSoort.Aantal), new("aandeel", "Aandeel", KolomSoort.Percentage)], rijen,
            Toelichting: "Binnen de termijn: voldaan uiterlijk op het einde van de inburgeringstermijn (3 jaar na het PIP, met verlenging door DUO). "
                + "Uitgeschreven (vertrokken uit Nederland) telt als uitval. Verhuisd telt niet als uitval: de inburgeringsplicht gaat mee naar de nieuwe gemeente, die het dossier overneemt.",
            Bronnen: [BronVerwijzing.Van(Koers.Domain.Sources.Bron.InburgeringstermijnWet), BronVerwijzing.Van(Koers.Domain.Sources.Bron.TermijnDrieJaar)],
            Grafiek: new GrafiekSpec(GrafiekSoort.Staven, ["aantal"]));
    }

    private Tabel Caseload(MonitorFilter f, Cellen c, IReadOnlyList<CaseloadCijfer> caseload)
    {
        var norm = monitorOpties.Value.CaseloadNorm;
        var rijen = caseload.Select(k =>
        {
            var sleutel = k.MedewerkerId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "geen";
            var aantal = c.Aantal(k.Lopend, Link(f, Figuur.Caseload, sleutel));
            var bezetting = norm <= 0 || k.MedewerkerId is null ? Cel.Leeg
                : aantal.Verborgen ? new Cel(null, c.AfgeleidTekst, true)
                : Cellen.Getal(Math.Round(100m * k.Lopend / norm, 1), "0.#'%'");
            return new Rij(sleutel, k.Naam, [Cellen.Tekst(k.Team ?? "—"), c.Aantal(k.Wi2021), c.Aantal(k.BuitenWi2021), aantal, k.MedewerkerId is null ? Cel.Leeg : Cellen.Getal(norm, "0"), bezetting]);
        }).ToList();
        rijen.Add(new Rij("alle", "Totaal", [Cel.Leeg, c.Aantal(caseload.Sum(k => k.Wi2021)), c.Aantal(caseload.Sum(k => k.BuitenWi2021)),
            c.Aantal(caseload.Sum(k => k.Lopend), Link(f, Figuur.Caseload, "alle")), Cel.Leeg, Cel.Leeg], true));
        return new Tabel("caseload", "Caseload per klantregisseur (lopende dossiers, stand van vandaag)", "Klantregisseur",
        [
            new("team", "Team", KolomSoort.Tekst),
            new("wi2021", "Wet inburgering 2021", KolomSoort.Aantal),
            new("buiten", "Buiten de Wi2021 (Wi2013, vrijgesteld)", KolomSoort.Aantal),
            new("lopend", "Lopende dossiers", KolomSoort.Aantal),
            new("norm", "Norm", KolomSoort.Getal),
            new("bezetting", "Ten opzichte van de norm", KolomSoort.Percentage),
        ], rijen,
            Toelichting: "Dossiers die nog niet zijn afgesloten, per klantregisseur, ook de dossiers die aan niemand zijn toegewezen; de periode telt hier niet mee. "
                + "Apart geteld: dossiers onder de Wet inburgering 2021 en dossiers daarbuiten (de ondertussengroep onder de Wet inburgering 2013 en vrijgestelden), die wel begeleid worden maar zonder PIP-termijn en inburgeringstermijn; lopende dossiers is het totaal van beide. "
                + $"Norm: {norm} dossiers per klantregisseur (instelling Koers:Monitor:CaseloadNorm).",
            Bronnen: [BronVerwijzing.Van(MonitorBron.CaseloadNorm)],
            Grafiek: new GrafiekSpec(GrafiekSoort.Staven, ["lopend"], Norm: norm, NormLabel: $"norm {norm}"));
    }

    private static Tabel Ontwikkeling(MonitorFilter f, Cellen c, IReadOnlyList<JaarCijfer> jaren)
    {
        var rijen = jaren.Select(j =>
        {
            var jf = f with { Periode = Periode.Jaar(j.Jaar) };
            return new Rij(j.Jaar.ToString(System.Globalization.CultureInfo.InvariantCulture), j.Jaar.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [
                c.Aantal(j.Instroom, Link(jf, Figuur.Instroom, "alle")),
                c.Aantal(j.PipVastgesteld, Link(jf, Figuur.Pip, "alle")),
                c.Aantal(j.Voldaan, Link(jf, Figuur.Resultaat, "voldaan")),
                c.Aantal(j.Uitval, Link(jf, Figuur.Resultaat, "uitval")),
                c.Aantal(j.Verhuisd, Link(jf, Figuur.Resultaat, nameof(Resultaat.Verhuisd))),
            ]);
        }).ToList();
        return new Tabel("ontwikkeling", $"Ontwikkeling over {OntwikkelingJaren} jaar, {jaren[0].Jaar}–{jaren[^1].Jaar}", "Jaar",
        [
            new("instroom", "Instroom", KolomSoort.Aantal),
            new("pip", "PIP vastgesteld", KolomSoort.Aantal),
            new("voldaan", "Inburgeringsplicht voldaan", KolomSoort.Aantal),
            new("uitval", "Uitval (uitgeschreven)", KolomSoort.Aantal),
            new("verhuisd", "Verhuisd (geen uitval)", KolomSoort.Aantal),
        ], rijen,
            Toelichting: "Per kalenderjaar, met dezelfde tellingen als hierboven; het laatste jaar is het jaar van de gekozen periode.",
            Grafiek: new GrafiekSpec(GrafiekSoort.Kolommen, ["instroom", "pip", "voldaan", "uitval", "verhuisd"]));
    }

    // ---------------------------------------------------------------- budget

    private async Task<(IReadOnlyList<Tabel> Tabellen, BudgetToelichting Toelichting, Uitkeringsraming? Raming)> BudgetAsync(
        MonitorFilter f, Cellen c, IReadOnlyList<GemeenteInfo> gemeenten, CancellationToken ct)
    {
        var opties = budgetOpties.Value;
        var jaar = f.Periode.Begrotingsjaar;
        var regels = opties.Regels(jaar);
        var jaarFilter = f with { Periode = Periode.Jaar(jaar) };
        var prestatieJaar = jaar - opties.PrestatieTerugJaren;
        var cohortFilter = f with { Periode = Periode.Jaar(prestatieJaar) };
        var perJaar = await query.StartersAsync(f, [jaar, prestatieJaar], ct);
        var (starters, cohort) = (perJaar[jaar], perJaar[prestatieJaar]);

        var meegenomenTonen = f.KlantregisseurId is null && f.Doelgroep is null;
        var meegenomen = meegenomenTonen ? opties.MeegenomenVoor(jaar, gemeenten.Select(g => g.Code)) : 0;
        var raming = regels is null ? null
            : SpecifiekeUitkering.Bereken(regels, jaar, starters.Asielmigranten, starters.Gezinsmigranten, cohort.Totaal, cohort.VoldaanBinnenTermijn, meegenomen);

        var tabellen = new List<Tabel>
        {
            new("budget-aantallen", $"Inburgeraars die in {jaar} in de gemeente kwamen wonen (telling voor de uitkering)", "Groep",
                [new("aantal", "Inburgeraars", KolomSoort.Aantal)],
                [
                    new("asielmigrant", "Asielmigranten (asielstatushouders en nareizigers)", [c.Aantal(starters.Asielmigranten, Link(jaarFilter, Figuur.Start, "asielmigrant"))]),
                    new("gezinsmigrant", "Gezinsmigranten", [c.Aantal(starters.Gezinsmigranten, Link(jaarFilter, Figuur.Start, "gezinsmigrant"))]),
                    new("alle", "Totaal", [c.Aantal(starters.Totaal, Link(jaarFilter, Figuur.Start, "alle"))], true),
                ],
                Toelichting: "Geteld op de datum van inschrijving in de BRP: de gemeente ontvangt de middelen zodra iemand in de gemeente is gehuisvest. Overige migranten en de ondertussengroep hebben geen bedrag in de bron en tellen niet mee.",
                Bronnen: [BronVerwijzing.Van(MonitorBron.UitkeringBijHuisvesting)],
                Grafiek: null),
        };

        var verbergBedragen = new[] { starters.Asielmigranten, starters.Gezinsmigranten };
        if (raming is not null)
        {
            var rijen = raming.PerComponent.Select(k => new Rij(k.Component.ToString(), k.Component.Omschrijving(),
            [
                Cellen.Euro(k.PerAsielmigrant),
                Cellen.Euro(k.PerGezinsmigrant),
                c.Bedrag(k.Asielmigranten, verbergBedragen),
                c.Bedrag(k.Gezinsmigranten, verbergBedragen),
                c.Bedrag(k.Totaal, verbergBedragen),
                Cellen.Tekst("nog niet beschikbaar"),
            ])).ToList();
            rijen.Add(new Rij("totaal", "Totaal",
            [
                Cellen.Euro(raming.PerComponent.Sum(k => k.PerAsielmigrant)),
                Cellen.Euro(raming.PerComponent.Sum(k => k.PerGezinsmigrant)),
                c.Bedrag(raming.PerComponent.Sum(k => k.Asielmigranten), verbergBedragen),
                c.Bedrag(raming.PerComponent.Sum(k => k.Gezinsmigranten), verbergBedragen),
                c.Bedrag(raming.Basis, verbergBedragen),
                Cellen.Tekst("nog niet beschikbaar"),
            ], true));
            tabellen.Add(new Tabel("budget-componenten", $"Uitkering per component, {jaar}", "Component",
            [
                new("perAsielmigrant", "Per asielmigrant", KolomSoort.Bedrag),
                new("perGezinsmigrant", "Per gezinsmigrant", KolomSoort.Bedrag),
                new("asielmigranten", "Asielmigranten", KolomSoort.Bedrag),
                new("gezinsmigranten", "Gezinsmigranten", KolomSoort.Bedrag),
                new("totaal", "Totaal", KolomSoort.Bedrag),
                new("kosten", "Werkelijke kosten", KolomSoort.Tekst),
            ], rijen,
                Toelichting: $"Gemiddelde bedragen per inburgeraar (exclusief btw){(regels!.Jaar != jaar ? $", ingesteld voor {regels.Jaar} en later" : "")}, maal het aantal inburgeraars per groep. "
                    + "De bron noemt als totaal € 12.712 en € 589; de componenten tellen op tot € 12.713 en € 590 (afronding in de bron). Koers telt de componenten op.",
                Bronnen: [BronVerwijzing.Van(MonitorBron.BedragenPerInburgeraar), BronVerwijzing.Van(MonitorBron.SpecifiekeUitkering), BronVerwijzing.Van(MonitorBron.MapKostenNietInBeeld)],
                Grafiek: new GrafiekSpec(GrafiekSoort.Staven, ["totaal"], Eenheid: "euro")));

            var prestatieRijen = new List<Rij>
            {
                new("basis", "Uitkering volgens aantallen", [c.Bedrag(raming.Basis, verbergBedragen)]),
            };
            if (raming.PrestatieVanToepassing)
            {
                prestatieRijen.Add(new("vast", $"Vast deel ({(1 - regels.Prestatieaandeel) * 100:0.#}%)", [c.Bedrag(raming.VastDeel, verbergBedragen)]));
                prestatieRijen.Add(new("prestatieMaximaal", $"Prestatiedeel, maximaal ({regels.Prestatieaandeel * 100:0.#}%)", [c.Bedrag(raming.PrestatieMaximaal, verbergBedragen)]));
                prestatieRijen.Add(new("prestatieVerwacht", $"Prestatiedeel volgens resultaat {raming.PrestatieJaar} (model)",
                    [raming.PrestatieVerwacht is { } pv ? c.Bedrag(pv, [.. verbergBedragen, cohort.Totaal, cohort.VoldaanBinnenTermijn, cohort.Totaal - cohort.VoldaanBinnenTermijn]) : Cellen.Tekst("niet te bepalen (geen dossiers in " + raming.PrestatieJaar + ")")]));
            }

            prestatieRijen.Add(new("verwacht", "Verwachte uitkering", [c.Bedrag(raming.VerwachteUitkering, raming.PrestatieVerwacht is null ? verbergBedragen : [.. verbergBedragen, cohort.Totaal, cohort.VoldaanBinnenTermijn, cohort.Totaal - cohort.VoldaanBinnenTermijn])], true));
            prestatieRijen.Add(new("meegenomen", $"Meegenomen uit {jaar - 1} (meeneemregeling)", [meegenomenTonen ? Cellen.Euro(raming.Meegenomen) : Cellen.Tekst("niet van toepassing bij dit filter")]));
            prestatieRijen.Add(new("beschikbaar", $"Beschikbaar in {jaar}", [c.Bedrag(raming.Beschikbaar, raming.PrestatieVerwacht is null ? verbergBedragen : [.. verbergBedragen, cohort.Totaal, cohort.VoldaanBinnenTermijn, cohort.Totaal - cohort.VoldaanBinnenTermijn])], true));
            tabellen.Add(new Tabel("budget-raming", $"Verwachte uitkering en beschikbaar budget, {jaar}", "Onderdeel",
                [new("bedrag", "Bedrag", KolomSoort.Bedrag)], prestatieRijen,
                Toelichting: "Meegenomen: overschot uit het vorige jaar, per gemeente ingesteld (Koers:Budget:Meegenomen).",
                Bronnen: [BronVerwijzing.Van(MonitorBron.Prestatiebekostiging), BronVerwijzing.Van(MonitorBron.Meeneemregeling)],
                Grafiek: null));
        }

        tabellen.Add(new Tabel("prestatie", $"Resultaat van {prestatieJaar} (t-2) voor de prestatiebekostiging", "Dossiers",
            [new("aantal", "Inburgeraars", KolomSoort.Aantal), new("aandeel", "Aandeel", KolomSoort.Percentage)],
            [
                new("cohort", $"In {prestatieJaar} in de gemeente komen wonen", [c.Aantal(cohort.Totaal, Link(cohortFilter, Figuur.Start, "alle")), cohort.Totaal > 0 ? Cellen.Getal(100, "0'%'") : Cel.Leeg]),
                new("voldaan", "Daarvan inburgeringsplicht voldaan binnen de termijn (tot nu toe)",
                    [c.Aantal(cohort.VoldaanBinnenTermijn, Link(cohortFilter, Figuur.Start, "voldaan")), c.Percentage(cohort.VoldaanBinnenTermijn, cohort.Totaal)]),
            ],
            Toelichting: "Het aandeel dat binnen de termijn voldeed, bepaalt in het model van Koers welk deel van het prestatiedeel de gemeente ontvangt.",
            Bronnen: [BronVerwijzing.Van(MonitorBron.Prestatiebekostiging), BronVerwijzing.Van(MonitorBron.PrestatieIndicator)],
            Grafiek: null));

        var model = raming is null
            ? $"Voor {jaar} zijn geen bedragen ingesteld (Koers:Budget:Jaren)."
            : raming.PrestatieVanToepassing
                ? $"Model van Koers: verwachte uitkering = aantal inburgeraars per groep × gemiddeld bedrag per component. Vanaf {opties.PrestatieVanaf} is {regels!.Prestatieaandeel * 100:0.#}% daarvan prestatie-afhankelijk, "
                  + $"met de prestatie over t-2 ({prestatieJaar}). Koers rekent dat deel als {regels.Prestatieaandeel * 100:0.#}% van de uitkering × het aandeel van de inburgeraars die in {prestatieJaar} in de gemeente kwamen wonen "
                  + "en tot nu toe binnen hun termijn aan de inburgeringsplicht voldeden. De bronnen noemen alleen de 10%, de t-2 en de indicator (inburgeraars die hun traject afrondden met diploma of certificaat); "
                  + "de precieze rijksformule staat er niet in. Dit is dus een benadering, geen beschikking."
                : $"Model van Koers: verwachte uitkering = aantal inburgeraars per groep × gemiddeld bedrag per component. Prestatiebekostiging geldt pas vanaf {opties.PrestatieVanaf}.";
        var toelichting = new BudgetToelichting(jaar, regels?.Jaar, model, raming?.PrestatieVanToepassing ?? false, raming?.PrestatieJaar, meegenomenTonen,
        [
            BronVerwijzing.Van(MonitorBron.BedragenPerInburgeraar), BronVerwijzing.Van(MonitorBron.Prestatiebekostiging),
            BronVerwijzing.Van(MonitorBron.PrestatieIndicator), BronVerwijzing.Van(MonitorBron.Meeneemregeling),
        ]);
        return (tabellen, toelichting, raming);
    }
}
