using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Participatie;
using Koers.Web.Features.Monitor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koers.Web.Features.Welzijn;

/// <summary>The well-being aggregate and the Werk.Kom exits of one view (region or municipality, period).</summary>
public sealed record WelzijnRapport(string Bereik, string Periode, IReadOnlyList<Tabel> Tabellen);

/// <summary>
/// Aggregate figures of mental well-being (issue #22) for the beleidsmedewerker and teamleider: signals → referrals →
/// care started, and "nog niet startklaar", per municipality and period; with Weert's Werk.Kom exit table (003:L307-318).
/// Only numbers of people, never a signal's content, a provider or a name, and no drill-down: this is special-category
/// health data (AVG art. 9), which stays need-to-know with the case workers. Every count goes through the monitor's
/// small-number suppression (<see cref="Optelling.Beveilig"/>): counts under the threshold read "&lt;5", and a second
/// count (or the total) is hidden whenever the shown figures would give a hidden one away. Region and municipalities
/// are protected together (issue #24), as in the participation monitor.
/// </summary>
public sealed class WelzijnMonitor(KoersDbContext db, MonitorQuery query, IOptions<MonitorInstellingen> opties)
{
    public const string Keten = "welzijn-keten";
    public const string Signalen = "welzijn-signalen";
    public const string Verwijzingen = "welzijn-verwijzingen";
    public const string Uitstroom = "werkkom-uitstroom";

    /// <summary>Which counts add up: per row the parts make the total column, per column the rows make the total row.</summary>
    private static readonly Dictionary<string, Optelling> Optellingen = new()
    {
        [Signalen] = new([.. Enum.GetValues<Ernst>().Select(Sleutel)], "totaal", true),
        [Verwijzingen] = new(["gestart", "niet-gestart"], "verwezen", true, Afgeleid: ["gestart-pct"]),
        [Uitstroom] = new(["aantal"], null, true),
    };

    public async Task<WelzijnRapport> BouwAsync(MonitorFilter f, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        var gemeenten = await query.GemeentenAsync(f, ct);
        var familie = f.VerbergKleineAantallen ? await query.FamilieAsync(f, gemeenten, ct) : null;
        var c = new Cellen(f.VerbergKleineAantallen, opties.Value.GrensVoor((familie?.SelectMany(l => l.Gemeenten) ?? gemeenten).Select(g => g.Code)));
        var eigen = await RuwAsync(f, gemeenten, c, ct);
        IReadOnlyList<Tabel> tabellen;
        if (familie is null)
        {
            // Whoever may see small counts and asked to see them gets the plain counts: no primary or secondary suppression.
            tabellen = f.VerbergKleineAantallen ? Optelling.Beveilig(eigen, Optellingen, Koppelingen, c) : eigen;
        }
        else
        {
            var leden = new List<IReadOnlyList<Tabel>>();
            foreach (var lid in familie) leden.Add(lid.Filter == f ? eigen : await RuwAsync(lid.Filter, lid.Gemeenten, c, ct));
            tabellen = Optelling.BeveiligFamilie([.. leden.Select(l => (l, (IEnumerable<Koppeling>)Koppelingen))], Optellingen, c)[familie.ToList().FindIndex(l => l.Filter == f)];
        }

        var bereik = f.GemeenteCode is not null && gemeenten.Count == 1 ? $"Gemeente {gemeenten[0].Naam}" : $"{gemeenten.Count} gemeenten in de regio";
        return new WelzijnRapport(bereik, $"{Shared.Weergave.Datum(f.Periode.Van)} tot en met {Shared.Weergave.Datum(f.Periode.Tot)}", tabellen);
    }

    /// <summary>
    /// The same figure in two tables: a reader sets them side by side, so they are one relation (a part and its total).
    /// </summary>
    private static readonly Koppeling[] Koppelingen =
    [
        new([new CelPlaats(Signalen, "totaal", "totaal")], new CelPlaats(Keten, "signaal", "aantal")),
        new([new CelPlaats(Verwijzingen, "totaal", "verwezen")], new CelPlaats(Keten, "verwezen", "aantal")),
        new([new CelPlaats(Verwijzingen, "totaal", "gestart")], new CelPlaats(Keten, "gestart", "aantal")),
    ];

    /// <summary>The tables of one view before secondary suppression.</summary>
    private async Task<IReadOnlyList<Tabel>> RuwAsync(MonitorFilter f, IReadOnlyList<GemeenteInfo> gemeenten, Cellen c, CancellationToken ct)
    {
        var gemeenteIds = gemeenten.Select(g => g.Id).ToList();
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        var dossiers = db.Inburgeraars.AsNoTracking().Where(i => gemeenteIds.Contains(i.GemeenteId));
        if (f.Doelgroep is { } dg) dossiers = dossiers.Where(i => i.Doelgroep == dg);
        if (f.KlantregisseurId is { } k) dossiers = dossiers.Where(i => i.KlantregisseurId == k);
        // A subquery, never a list of ids: a region can hold thousands of cases.
        var ids = dossiers.Select(i => i.Id);

        // Only the fields a count needs: never the toelichting, the provider or a reason.
        var screenings = await db.Set<Welzijnsscreening>().AsNoTracking()
            .Where(s => ids.Contains(s.InburgeraarId) && s.Datum >= van && s.Datum <= tot)
            .Select(s => new { s.InburgeraarId, s.Signaal, s.Soort, s.Ernst, s.Datum, s.VastgelegdOp }).ToListAsync(ct);
        var verwijzingen = await db.Set<Zorgverwijzing>().AsNoTracking()
            .Where(v => ids.Contains(v.InburgeraarId) && v.AangemeldOp >= van && v.AangemeldOp <= tot)
            .Select(v => new { v.InburgeraarId, v.Naar, v.AangemeldOp, v.ZorgGestartOp, v.VastgelegdOp }).ToListAsync(ct);
        var nietStartklaar = await db.Set<NietStartklaar>().AsNoTracking()
            .Where(n => ids.Contains(n.InburgeraarId) && n.Datum >= van && n.Datum <= tot)
            .Select(n => new { n.InburgeraarId, n.AfgehandeldOp }).ToListAsync(ct);
        var uitstromen = await db.Set<Data.Model.Uitstroom>().AsNoTracking()
            .Where(u => ids.Contains(u.InburgeraarId) && u.Datum >= van && u.Datum <= tot)
            .Select(u => new { u.InburgeraarId, u.Soort, u.Datum, u.VastgelegdOp }).ToListAsync(ct);

        // Each person once per table, so the rows add up to the total: the latest signal in the period, the first
        // referral in the period, the latest exit in the period.
        var signaal = screenings.Where(s => s.Signaal == Welzijnssignaal.Ja && s.Soort is not null && s.Ernst is not null)
            .GroupBy(s => s.InburgeraarId).Select(g => g.OrderBy(s => s.Datum).ThenBy(s => s.VastgelegdOp).Last()).ToList();
        var verwezen = verwijzingen.GroupBy(v => v.InburgeraarId).Select(g => g.OrderBy(v => v.AangemeldOp).ThenBy(v => v.VastgelegdOp).First()).ToList();
        var uit = uitstromen.GroupBy(u => u.InburgeraarId).Select(g => g.OrderBy(u => u.Datum).ThenBy(u => u.VastgelegdOp).Last()).ToList();
        var gescreend = screenings.Select(s => s.InburgeraarId).Distinct().Count();
        var nietKlaar = nietStartklaar.Select(n => n.InburgeraarId).Distinct().Count();
        var nogOpen = nietStartklaar.Where(n => n.AfgehandeldOp is null).Select(n => n.InburgeraarId).Distinct().Count();

        var aantal = new Kolom("aantal", "Mensen", KolomSoort.Aantal);
        var keten = new Tabel(Keten, "Van signaal naar zorg", "Stap", [aantal],
        [
            new Rij("gescreend", "Gescreend op welzijn", [c.Aantal(gescreend)]),
            new Rij("signaal", "Met een signaal", [c.Aantal(signaal.Count)]),
            new Rij("verwezen", "Verwezen naar zorg", [c.Aantal(verwezen.Count)]),
            new Rij("gestart", "Zorg gestart", [c.Aantal(verwezen.Count(v => v.ZorgGestartOp is not null))]),
            new Rij("niet-startklaar", "Nog niet startklaar vastgelegd", [c.Aantal(nietKlaar)]),
            new Rij("niet-startklaar-open", "waarvan nu nog niet startklaar", [c.Aantal(nogOpen)]),
        ],
            "Aantallen mensen (nooit inhoud) uit de dossiers van de gekozen gemeente(n). Gescreend: ten minste één welzijnsscreening in de periode. " +
            "Met een signaal: ten minste één screening in de periode met signaal 'ja'. Verwezen: ten minste één zorgverwijzing aangemeld in de periode. " +
            "Zorg gestart: van die mensen wie bij de eerste verwijzing in de periode met zorg is begonnen (tot vandaag). " +
            "Nog niet startklaar: een registratie 'nog niet startklaar' in de periode; 'waarvan nu nog' is nog niet afgesloten.");

        var ernsten = Enum.GetValues<Ernst>();
        var signaalKolommen = ernsten.Select(e => new Kolom(Sleutel(e), WelzijnService.Omschrijving(e), KolomSoort.Aantal))
            .Append(new Kolom("totaal", "Totaal", KolomSoort.Aantal)).ToList();
        Rij SignaalRij(string sleutel, string label, Func<Signaalsoort?, bool> soort, bool totaal = false) => new(sleutel, label,
            [.. ernsten.Select(e => c.Aantal(signaal.Count(s => soort(s.Soort) && s.Ernst == e))), c.Aantal(signaal.Count(s => soort(s.Soort)))], totaal);
        var signaalRijen = Enum.GetValues<Signaalsoort>()
            .Select(s => SignaalRij(s.ToString().ToLowerInvariant(), WelzijnService.Omschrijving(s), x => x == s))
            .Append(SignaalRij("totaal", "Totaal", _ => true, true)).ToList();
        var signalen = new Tabel(Signalen, "Signalen naar soort en ernst", "Soort signaal", signaalKolommen, signaalRijen,
            "Ieder mens telt één keer: met de soort en ernst van zijn laatste screening met signaal in de periode.");

        var zorgKolommen = new List<Kolom>
        {
            new("gestart", "Zorg gestart", KolomSoort.Aantal),
            new("niet-gestart", "Zorg (nog) niet gestart", KolomSoort.Aantal),
            new("verwezen", "Verwezen (totaal)", KolomSoort.Aantal),
            new("gestart-pct", "Zorg gestart (%)", KolomSoort.Percentage),
        };
        Rij ZorgRij(string sleutel, string label, Func<Zorgsoort, bool> soort, bool totaal = false)
        {
            var deze = verwezen.Where(v => soort(v.Naar)).ToList();
            var gestart = deze.Count(v => v.ZorgGestartOp is not null);
            return new Rij(sleutel, label, [c.Aantal(gestart), c.Aantal(deze.Count - gestart), c.Aantal(deze.Count), c.Percentage(gestart, deze.Count)], totaal);
        }

        var zorgRijen = Enum.GetValues<Zorgsoort>()
            .Select(z => ZorgRij(z.ToString().ToLowerInvariant(), WelzijnService.Omschrijving(z), x => x == z))
            .Append(ZorgRij("totaal", "Totaal", _ => true, true)).ToList();
        var zorg = new Tabel(Verwijzingen, "Verwijzingen naar zorg en gestarte zorg", "Verwezen naar", zorgKolommen, zorgRijen,
            "Ieder mens telt één keer: met zijn eerste zorgverwijzing die in de periode is aangemeld. Zorg gestart: die verwijzing kreeg de status 'zorg gestart' (op welke datum ook, tot vandaag); " +
            "afgewezen, gestopt of nog aangemeld telt als niet gestart.");

        // Werk.Kom's table (003:L307-318) has three exit rows; Koers splits paid work in part and full time and has "anders".
        var uitRijen = new (string Sleutel, string Label, Uitstroomsoort[] Soorten)[]
        {
            ("betaalde-baan", "Geplaatst op een betaalde baan", [Uitstroomsoort.BetaaldeBaanDeeltijd, Uitstroomsoort.BetaaldeBaanVoltijd]),
            ("vrijwilligerswerk", "Vrijwilligerswerk", [Uitstroomsoort.Vrijwilligerswerk]),
            ("opleiding", "Opleiding/onderwijs", [Uitstroomsoort.Opleiding]),
            ("anders", "Anders", [Uitstroomsoort.Anders]),
        }.Select(r => new Rij(r.Sleutel, r.Label, [c.Aantal(uit.Count(u => r.Soorten.Contains(u.Soort)))]))
            .Append(new Rij("totaal", "Totaal uitstroom", [c.Aantal(uit.Count)], Totaal: true)).ToList();
        var uitstroom = new Tabel(Uitstroom, "Uitstroom (zoals de Werk.Kom-tabel)", "Uitstroom naar", [aantal], uitRijen,
            "Mensen met een uitstroom vastgelegd in de periode, ieder één keer met zijn laatste uitstroom in de periode. Betaalde baan is deeltijd en voltijd samen. " +
            "De rijen volgen de tabel 'Werk.Kom 2020-2022' van Weert.",
            [BronVerwijzing.Van(BronParticipatie.Uitstroomcategorieen)]);

        return [keten, signalen, zorg, uitstroom];
    }

    private static string Sleutel(Ernst e) => e.ToString().ToLowerInvariant();
}
