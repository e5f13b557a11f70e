using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Koers.Domain.Dossier;
using Koers.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Koers.Web.Infrastructure;

namespace Koers.Web.Features.Duo;

/// <summary>What the simulated DUO knows about one (synthetic) person.</summary>
public sealed class SimPersoon
{
    public required string Bsn { get; init; }
    public DuoInburgeringsplicht Plicht { get; set; } = new(true);
    public DuoDoelgroep Doelgroep { get; set; } = new("Asielstatushouder");
    public List<DuoLbtResultaat> Lbt { get; } = [];
    public DuoInburgeringstermijn? Termijn { get; set; }
    public List<DuoExamenresultaat> Examens { get; } = [];
    public List<DuoPip> Pips { get; } = [];
    public Dictionary<string, int> Uren { get; } = [];
    public List<DuoVrijstelling> Vrijstellingen { get; } = [];
    public List<DuoOntheffing> Ontheffingen { get; } = [];

    /// <summary>The date the municipality reported the Z-route completed (PUT …/zroute).</summary>
    public DateOnly? ZrouteAfgerond { get; set; }

    /// <summary>Earlier states of the plicht and the termijn, oldest first (the …/historie operations add the current one).</summary>
    public List<DuoInburgeringsplicht> PlichtHistorie { get; } = [];
    public List<DuoInburgeringstermijn> TermijnHistorie { get; } = [];

    /// <summary>The exam number DUO gave for planning the leerbaarheidstoets; made on first request.</summary>
    public string? LbtExamennummer { get; set; }

    /// <summary>What the municipality reported about the MAP eindgesprek (PUT …/map); replaced whole by each PUT.</summary>
    public DuoResultaatMap? Map { get; set; }

    /// <summary>What the municipality reported about the PVT signing (PUT …/pvt); replaced whole by each PUT.</summary>
    public DuoResultaatPvt? Pvt { get; set; }

    /// <summary>DUO's code of the municipality that made the newest PIP (GET …/PIP answers it).</summary>
    public string? PipGemeente { get; set; }

    /// <summary>The current inburgeringsaanbod per instellingsnummer (POST replaces, DELETE removes).</summary>
    public ConcurrentDictionary<string, DuoInburgeringsaanbod> Aanbod { get; } = new();

    /// <summary>DUO's id of the municipality's contactpersoon for this person (POST …/contactpersonen/{id}/personen/{bsn}).</summary>
    public int? Contactpersoon { get; set; }

    /// <summary>Whether the exam number for the toets was withdrawn (DELETE …/lbt/examennummer: the toets was skipped).</summary>
    public bool ExamennummerIngetrokken { get; set; }
}

/// <summary>A scenario step the demo (or a test) asks the simulator to play: change DUO's data, then notify Koers.</summary>
public sealed class SimGebeurtenis
{
    public string? Bsn { get; set; }
    public string? GebeurtenisId { get; set; }
    public string? Doelgroep { get; set; }
    public string? BehaaldeScore { get; set; }
    public DateOnly? Datum { get; set; }
    public string? Onderdeel { get; set; }
    public string? Resultaat { get; set; }

    /// <summary>SS121: DUO's four-digit code of the previous municipality.</summary>
    public string? Gemeentecode { get; set; }
}

/// <summary>
/// An in-process stand-in for DUO that follows the published M2M spec (paths, headers, schemas, the PIP validation
/// rules and their 403 + fouttekst answers), so the whole exchange runs in the demo and the tests without DUO.
/// Mapped only when Duo:Simulator is true. Holds synthetic persons in memory.
/// </summary>
public sealed class DuoSimulator(DuoOpties opties, TimeProvider tijd, IHttpClientFactory clients, IServiceProvider services)
{
    public const string Pad = "/duo-simulator/v1";
    public const string NotificatieClient = "duo-simulator-notificaties";

    private readonly ConcurrentDictionary<string, SimPersoon> _personen = new();
    private readonly ConcurrentDictionary<string, bool> _onbekend = new();
    private readonly ConcurrentDictionary<int, DuoContactpersoongegevens> _contactpersonen = new();
    private int _laatsteContactpersoon;

    /// <summary>
    /// The simulated DUO's list of providers with a keurmerk (synthetic numbers; the demo's language schools use the
    /// first two). Real numbers come from DUO's own list on /beheer/partners.
    /// </summary>
    public static readonly IReadOnlyList<DuoInstelling> Instellingen =
    [
        new("1000000001", "Taalschool De Kempen", "5531AB", 12, "Bladel", IndicatieBowKeurmerk: true, IndicatieTstKeurmerk: false, Bow: "4711"),
        new("1000000002", "Taalhuis Weert", "6001CD", 3, "Weert", Huisnummertoevoeging: "A", IndicatieBowKeurmerk: true, IndicatieTstKeurmerk: true, Bow: "4712"),
        new("1000000003", "ROC Ter AA Taalschakeljaar", "5701EF", 200, "Helmond", Brin: "25LH", IndicatieBowKeurmerk: false, IndicatieTstKeurmerk: true),
    ];

    /// <summary>The contact persons registered with the simulated DUO, by DUO's id.</summary>
    public IReadOnlyDictionary<int, DuoContactpersoongegevens> Contactpersonen => _contactpersonen;

    /// <summary>Makes DUO not know this BSN even when Koers has a case with it (a mistyped BSN): tests of DUO's 404.</summary>
    public void MaakOnbekend(string bsn)
    {
        _personen.TryRemove(bsn, out _);
        _onbekend[bsn] = true;
    }

    public SimPersoon Persoon(string bsn) => _personen.GetOrAdd(bsn, b => new SimPersoon { Bsn = b });

    /// <summary>
    /// What DUO knows about this BSN. Real DUO knows every inburgeringsplichtige, also those a municipality registers
    /// itself; the simulator learns them from Koers' own cases (plicht from the first date on the case, doelgroep as
    /// recorded), so the demo never shows a refusal real DUO would not give. A BSN no case has stays unknown (404).
    /// The endpoints' filter learns the person with <see cref="BekendAsync"/> before the handler runs, so this finds it
    /// in memory; only a BSN without a case (a 404) is looked up again here.
    /// </summary>
    public SimPersoon? Bekend(string bsn) =>
        _personen.TryGetValue(bsn, out var bekend) ? bekend : BekendAsync(bsn).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// <see cref="Bekend"/>, learning a person not met before with one projected query and without blocking a thread:
    /// the simulator runs inside the Koers it answers, so in the benchmark's DUO backlog (2,500 persons new to it) its
    /// lookups share the process with the inbox it serves. It loaded the case with all its milestones synchronously,
    /// blocking a thread-pool thread per lookup while the inbox's workers waited for the answer; now it reads the three
    /// values it needs. A real DUO is another machine.
    /// </summary>
    public async ValueTask<SimPersoon?> BekendAsync(string bsn, CancellationToken ct = default)
    {
        if (_personen.TryGetValue(bsn, out var bekend)) return bekend;
        if (_onbekend.ContainsKey(bsn)) return null;
        if (bsn.Length != 9 || !Bsn.TryParse(bsn, out var geldig, out _)) return null;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>();
        var bescherming = scope.ServiceProvider.GetRequiredService<Koers.Data.Versleuteling.BsnBescherming>();
        var dossier = await Koers.Data.Versleuteling.BsnZoeken.MetBsn(db.Inburgeraars.AsNoTracking(), bescherming, geldig)
            .Select(i => new { i.AangemaaktOp, i.Doelgroep, EersteMijlpaal = i.Mijlpalen.Min(m => (DateOnly?)m.Datum) })
            .FirstOrDefaultAsync(ct);
        if (dossier is null) return null;
        // The plicht since the first date on the case: its earliest milestone, or its creation when that is earlier.
        var aangemaakt = DateOnly.FromDateTime(dossier.AangemaaktOp);
        var sinds = dossier.EersteMijlpaal is { } m && m < aangemaakt ? m : aangemaakt;
        var persoon = new SimPersoon
        {
            Bsn = bsn,
            Plicht = new DuoInburgeringsplicht(true, sinds, DatumKennisgevingInburgeringsplicht: sinds),
            Doelgroep = new DuoDoelgroep(dossier.Doelgroep.IsAsielgerelateerd() ? "Asielstatushouder" : "Gezinsmigrant en overige migrant", sinds),
        };
        return _personen.GetOrAdd(bsn, persoon);
    }

    internal DateOnly Vandaag => DateOnly.FromDateTime(tijd.GetUtcNow().UtcDateTime);

    /// <summary>Changes DUO's data for the event, then sends the notification to Koers. Returns the berichtId.</summary>
    public async Task<(Guid? BerichtId, string? Fout)> SpeelAfAsync(SimGebeurtenis g, CancellationToken ct = default)
    {
        if (!Bsn.TryParse(g.Bsn, out var bsn, out var fout)) return (null, fout ?? "Ongeldig BSN.");
        var p = Persoon(bsn.Value);
        var datum = g.Datum ?? Vandaag;
        var (plichtVoor, termijnVoor) = (p.Plicht, p.Termijn);
        switch (g.GebeurtenisId)
        {
            case "SS101":
                p.Plicht = new DuoInburgeringsplicht(true, Begindatum: datum, DatumKennisgevingInburgeringsplicht: datum);
                p.Doelgroep = new DuoDoelgroep(g.Doelgroep ?? "Asielstatushouder", datum);
                break;
            case "SS131":
                var score = g.BehaaldeScore ?? "30,00";
                Koers.Domain.Duo.DuoVertaling.TryScore(score, out var punten);
                p.Lbt.Add(new DuoLbtResultaat(punten >= 28 ? "B1-route haalbaar" : "B1-route niet haalbaar", score, "28,00", datum));
                break;
            case "SS102":
                p.Termijn = new DuoInburgeringstermijn(datum, datum.AddYears(3));
                break;
            case "SS103" or "SS104":
                if (p.Termijn is null) return (null, "Deze persoon heeft bij DUO nog geen termijn.");
                p.Termijn = p.Termijn with { Einddatum = p.Termijn.Einddatum.AddMonths(6), Wijzigingsdatum = datum, Verlengingsgrondcode = g.GebeurtenisId == "SS103" ? "AMBT" : "VERZ" };
                break;
            case "SS199":
                p.Examens.Add(new DuoExamenresultaat(datum, g.Resultaat ?? "Geslaagd", g.Onderdeel ?? "LE", Niveau: "B1"));
                break;
            case "SS106":
                p.Plicht = p.Plicht with { IndicatorInburgeringsplicht = false, Einddatum = datum, Wijzigingsdatum = datum, RedenGeenInburgeringsplicht = "Voldaan" };
                break;
            case "SS110" or "SS111":
                p.Plicht = p.Plicht with
                {
                    IndicatorInburgeringsplicht = false,
                    Einddatum = datum,
                    Wijzigingsdatum = datum,
                    RedenGeenInburgeringsplicht = g.GebeurtenisId == "SS111" ? "Overlijden" : "Overig",
                };
                break;
            case "SS107" or "SS109" or "SS114" or "SS115" or "SS116" or "SS117":
                p.Vrijstellingen.Add(g.GebeurtenisId switch
                {
                    "SS107" => new DuoVrijstelling(GeheleVrijstelling: new DuoGeheleVrijstelling("Toekenning", "DIP", datum)),
                    "SS114" => new DuoVrijstelling(GeheleVrijstelling: new DuoGeheleVrijstelling("Afwijzing", "DIP", datum)),
                    "SS109" => new DuoVrijstelling(TijdelijkeVrijstelling: new DuoTijdelijkeVrijstelling("Toekenning", "OPL", datum, datum, datum.AddYears(1))),
                    "SS115" => new DuoVrijstelling(TijdelijkeVrijstelling: new DuoTijdelijkeVrijstelling("Afwijzing", "OPL", datum)),
                    "SS116" => new DuoVrijstelling(GedeeltelijkeVrijstelling: new DuoGedeeltelijkeVrijstelling("DIP", "Afwijzing", datum, g.Onderdeel ?? "SP")),
                    _ => new DuoVrijstelling(GedeeltelijkeVrijstelling: new DuoGedeeltelijkeVrijstelling("DIP", "Toekenning", datum, g.Onderdeel ?? "SP")),
                });
                if (g.GebeurtenisId == "SS107") p.Plicht = p.Plicht with { IndicatorInburgeringsplicht = false, Einddatum = datum, RedenGeenInburgeringsplicht = "Volledige vrijstelling" };
                break;
            case "SS108" or "SS118" or "SS119":
                p.Ontheffingen.Add(g.GebeurtenisId switch
                {
                    "SS108" => new DuoOntheffing(GeheleOntheffing: new DuoGeheleOntheffing("Toekenning", datum, "MED")),
                    "SS118" => new DuoOntheffing(GeheleOntheffing: new DuoGeheleOntheffing("Afwijzing", datum, "BIO")),
                    _ => new DuoOntheffing(GedeeltelijkeOntheffing: new DuoGedeeltelijkeOntheffing("Toekenning", datum, "MED", g.Onderdeel ?? "SP")),
                });
                if (g.GebeurtenisId == "SS108") p.Plicht = p.Plicht with { IndicatorInburgeringsplicht = false, Einddatum = datum, RedenGeenInburgeringsplicht = "Volledige ontheffing" };
                break;
            case "SS121":
                // Settled here with the previous municipality's PIP (B1-route, dated 8 weeks ago) and its termijn.
                var dagtekening = datum.AddDays(-56);
                p.Pips.Add(new DuoPip(dagtekening, "B", "B1", IndicatorAlfabetiseringsonderwijs: "NVT"));
                p.PipGemeente = g.Gemeentecode ?? "0758";
                p.Termijn ??= new DuoInburgeringstermijn(dagtekening, dagtekening.AddYears(3));
                p.Plicht = p.Plicht with { Begindatum = p.Plicht.Begindatum ?? dagtekening.AddMonths(-3) };
                break;
            case null or "":
                return (null, "Kies een gebeurtenis.");
            default:
                if (Koers.Domain.Duo.DuoGebeurtenissen.Zoek(g.GebeurtenisId) is null) return (null, $"Onbekende gebeurtenis '{g.GebeurtenisId}'.");
                break;
        }

        // DUO keeps every earlier state: the historie operations answer them.
        if (p.Plicht != plichtVoor) p.PlichtHistorie.Add(plichtVoor);
        if (termijnVoor is not null && p.Termijn != termijnVoor) p.TermijnHistorie.Add(termijnVoor);
        var berichtId = Guid.NewGuid();
        await NotificeerAsync(berichtId, new DuoNotificatieBericht(tijd.GetUtcNow(), g.GebeurtenisId!, bsn.Value), ct);
        return (berichtId, null);
    }

    /// <summary>POSTs a notification to Koers' Notificatie API, as DUO does.</summary>
    public async Task NotificeerAsync(Guid berichtId, DuoNotificatieBericht bericht, CancellationToken ct = default)
    {
        var client = clients.CreateClient(NotificatieClient);
        var doel = client.BaseAddress is null
            ? services.GetRequiredService<DuoClient>().EigenAdres(DuoNotificatieApi.Pad)
            : new Uri(client.BaseAddress, DuoNotificatieApi.Pad.TrimStart('/'));
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, doel) { Content = JsonContent.Create(bericht, options: DuoJson.Opties) };
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", opties.NotificatieToken);
        verzoek.Headers.Add("bron", opties.DuoOin);
        verzoek.Headers.Add("doel", opties.Oin);
        verzoek.Headers.Add("berichtId", berichtId.ToString());
        using var antwoord = await client.SendAsync(verzoek, ct);
        antwoord.EnsureSuccessStatusCode();
    }

    /// <summary>DUO's PIP submission rules (README "Validatieregels PIP"); a violation answers 403 with fouttekst.</summary>
    internal List<string> ControleerPip(SimPersoon p, DuoPip pip)
    {
        var fouten = new List<string>();
        if (pip.Leerroute is not ("B" or "O" or "Z")) fouten.Add("Leerroute is onbekend.");
        if (pip.Niveau is not (null or "A2" or "B1")) fouten.Add("Niveau is onbekend.");
        if (pip.IndicatorAlfabetiseringsonderwijs is not (null or "A" or "AA" or "NVT")) fouten.Add("IndicatorAlfabetiseringsonderwijs is onbekend.");
        if (p.Plicht.Begindatum is { } begin && pip.DagtekeningPip < begin) fouten.Add("Dagtekening PIP ligt voor de begindatum van de inburgeringsplicht.");
        if (p.Pips.Count > 0 && pip.DagtekeningPip < p.Pips[^1].DagtekeningPip) fouten.Add("Dagtekening PIP ligt voor de dagtekening van het huidige PIP.");
        if (pip.Leerroute == "O" && pip.Niveau == "A2") fouten.Add("Niveau A2 is niet toegestaan bij de onderwijsroute.");
        if (pip.Leerroute == "Z" && pip.Niveau == "B1") fouten.Add("Niveau B1 is niet toegestaan bij de Z-route.");
        if (pip.Leerroute == "B" && pip.Niveau == "A2" && p.Pips.Count == 0) fouten.Add("Niveau A2 bij de B1-route is niet toegestaan bij het eerste PIP.");
        if (pip.GeschatteIntensiteitB1Route is { } u && (pip.Leerroute != "B" || p.Doelgroep.Indeling != "Asielstatushouder" || u is < 1 or > 9999))
        {
            fouten.Add("GeschatteIntensiteitB1Route is alleen toegestaan bij de B1-route voor asielmigranten (1-9999).");
        }

        return fouten;
    }

    /// <summary>
    /// DUO's rules for a MAP or PVT result (README, sections MAP and PVT); a violation answers 403 with fouttekst.
    /// Written from DUO's text on its own, not with Koers's check, so a test can catch the two drifting apart.
    /// </summary>
    internal List<string> ControleerMapPvt(SimPersoon p, string wat, DateOnly? datum, string? verwijtbaar)
    {
        var fouten = new List<string>();
        if (p.Pips.Count == 0 || p.PipGemeente is not null) fouten.Add("Uw gemeente moet een actuele PIP hebben voor de inburgeringsplichtige.");
        if (p.ZrouteAfgerond is { } z)
        {
            if (datum is null) fouten.Add($"De datum {wat} mag niet leeg zijn als de datum afronding Z-route is geregistreerd.");
            else fouten.Add("De inburgeringsplicht is al voldaan via de Z-route.");
            if (datum > z) fouten.Add($"De datum {wat} mag niet na de datum afronding Z-route liggen.");
        }

        if (datum is not { } d) return fouten;
        if (d > Vandaag) fouten.Add($"De datum {wat} mag niet in de toekomst liggen.");
        if (p.Termijn is { } t && d < t.Startdatum) fouten.Add($"De datum {wat} mag niet voor de startdatum van de inburgeringstermijn liggen.");
        var overschrijding = p.Termijn is { } termijn && d > termijn.Einddatum;
        if (verwijtbaar is null && overschrijding) fouten.Add("Verwijtbaar moet geleverd worden bij een overschrijding van de inburgeringstermijn.");
        if (verwijtbaar is not null && (p.Termijn is null || d < p.Termijn.Einddatum)) fouten.Add($"Verwijtbaar mag niet geleverd worden als de datum {wat} voor de einddatum van de inburgeringstermijn ligt.");
        else if (verwijtbaar == "Ja" && !overschrijding) fouten.Add("Verwijtbaar mag alleen 'Ja' zijn bij een overschrijding van de inburgeringstermijn.");
        else if (verwijtbaar == "Nee" && p.Termijn!.Einddatum < d.AddMonths(-2)) fouten.Add("Verwijtbaar mag alleen 'Nee' zijn als de einddatum van de inburgeringstermijn binnen twee maanden valt.");
        return fouten;
    }

    /// <summary>The grounds the simulator uses for SS103/SS104 (synthetic codes; DUO's own list comes from GET /verlengingsgronden).</summary>
    internal static readonly DuoVerlengingsgrond[] Verlengingsgronden =
    [
        new("AMBT", "Ambtshalve verlenging door DUO"),
        new("VERZ", "Verlenging op verzoek van de inburgeraar"),
    ];

    /// <summary>DUO's rules for an inburgeringsaanbod (README, "Inburgeringsaanbod"), as DUO answers them: 403 with fouttekst.</summary>
    internal List<string> ControleerAanbod(SimPersoon p, string instellingsnummer, DuoInburgeringsaanbod aanbod)
    {
        var fouten = new List<string>();
        if (p.Doelgroep.Indeling != "Asielstatushouder") fouten.Add("Het inburgeringsaanbod is alleen voor een asielmigrant.");
        if (p.Pips.Count == 0) fouten.Add("De persoon heeft geen PIP.");
        if (Instellingen.All(i => i.Instellingsnummer != instellingsnummer)) fouten.Add("De instelling is bij DUO niet bekend als BoW-gekeurmerkte instelling of erkende Taalschakelinstelling.");
        if (p.Pips.Count > 0)
        {
            var dagtekening = p.Pips[^1].DagtekeningPip;
            if (new[] { aanbod.DatumInburgeringsaanbod, aanbod.VerwachteStartdatumOpleiding, aanbod.VerwachteEinddatumOpleiding }.Any(d => d < dagtekening))
            {
                fouten.Add("De data van het inburgeringsaanbod liggen voor de dagtekening van de actuele PIP.");
            }
        }

        return fouten;
    }

    internal string? ControleerContactpersoon(DuoContactpersoongegevens g) =>
        string.IsNullOrWhiteSpace(g.Naam) || g.Naam.Length > 100 ? "De naam van de contactpersoon is verplicht (hoogstens 100 tekens)."
        : g.Email is not { Length: >= 4 and <= 241 } ? "Het e-mailadres van de contactpersoon is ongeldig."
        : !DuoContactpersonen.TelefoonPatroon().IsMatch(g.Telefoonnummer ?? "") ? "Het telefoonnummer van de contactpersoon is ongeldig."
        : null;

    public static void MapDuoSimulator(WebApplication app)
    {
        var sim = app.MapGroup(Pad).AllowAnonymous().ExcludeFromDescription()
            .AddEndpointFilter(async (ctx, next) =>
            {
                // Stand-in for Digikoppeling: the headers the spec requires, and only our own OIN may ask.
                var h = ctx.HttpContext.Request.Headers;
                var o = ctx.HttpContext.RequestServices.GetRequiredService<DuoOpties>();
                if (!Guid.TryParse(h["berichtId"], out _) || h["doel"] != o.DuoOin) return Results.BadRequest();
                if (h["bron"] != o.Oin) return Results.StatusCode(403);
                if (o.Digikoppeling.Aan)
                {
                    // As DUO does on Digikoppeling: the caller's certificate must carry the OIN it claims in 'bron'.
                    var certificaat = await ctx.HttpContext.Connection.GetClientCertificateAsync();
                    if (certificaat is null || Digikoppeling.Oin(certificaat) != o.Oin
                        || Digikoppeling.Fout(certificaat, o.Digikoppeling.Ca, o.Digikoppeling.Intrekkingscontrole, client: true) is not null)
                    {
                        return Results.StatusCode(403);
                    }
                }

                // Every person endpoint reads DUO's data of {bsn}: learn a person not met before here, asynchronously,
                // so the handlers' Bekend finds it in memory.
                if (ctx.HttpContext.GetRouteValue("bsn") is string persoon)
                {
                    await ctx.HttpContext.RequestServices.GetRequiredService<DuoSimulator>().BekendAsync(persoon, ctx.HttpContext.RequestAborted);
                }

                ctx.HttpContext.Response.Headers["API-Version"] = "1.0.0";
                ctx.HttpContext.Response.Headers["berichtId"] = h["berichtId"].ToString();
                return await next(ctx);
            });

        sim.MapGet("/personen/{bsn}/inburgeringsplicht", (string bsn, DuoSimulator s) =>
            s.Bekend(bsn) is { } p ? Results.Ok(p.Plicht) : Results.NotFound());
        sim.MapGet("/personen/{bsn}/doelgroep", (string bsn, DuoSimulator s) =>
            s.Bekend(bsn) is { } p ? Results.Ok(p.Doelgroep) : Results.NotFound());
        sim.MapGet("/personen/{bsn}/lbt/resultaten", (string bsn, DuoSimulator s) =>
            s.Bekend(bsn) is { } p ? Results.Ok(p.Lbt) : Results.NotFound());
        sim.MapGet("/personen/{bsn}/inburgeringstermijn", (string bsn, DuoSimulator s) =>
            s.Bekend(bsn)?.Termijn is { } t ? Results.Ok(t) : Results.NotFound());
        sim.MapGet("/personen/{bsn}/examens/resultaten", (string bsn, DuoSimulator s) =>
            s.Bekend(bsn) is { } p ? Results.Ok(p.Examens) : Results.NotFound());
        sim.MapGet("/personen/{bsn}/PIP", (string bsn, DuoSimulator s, DuoOpties o) =>
            s.Bekend(bsn) is { Pips.Count: > 0 } p ? Results.Ok(new DuoGemeentePip(p.PipGemeente ?? Koers.Domain.Duo.DuoVertaling.Gemeentecode(o.Gemeente ?? "") ?? "0000", p.Pips[^1])) : Results.NotFound());
        sim.MapGet("/personen/{bsn}/vrijstellingen", (string bsn, DuoSimulator s) =>
            s.Bekend(bsn) is { } p ? Results.Ok(p.Vrijstellingen) : Results.NotFound());
        sim.MapGet("/personen/{bsn}/ontheffingen", (string bsn, DuoSimulator s) =>
            s.Bekend(bsn) is { } p ? Results.Ok(p.Ontheffingen) : Results.NotFound());
        sim.MapGet("/personen/{bsn}/inburgeringsplicht/historie", (string bsn, DuoSimulator s) =>
            s.Bekend(bsn) is { } p
                ? Results.Ok(p.PlichtHistorie.Append(p.Plicht).Select(h => new DuoInburgeringsplichthistorie(h.IndicatorInburgeringsplicht, h.Begindatum, h.Einddatum, h.Wijzigingsdatum)).ToList())
                : Results.NotFound());
        sim.MapGet("/personen/{bsn}/doelgroep/historie", (string bsn, DuoSimulator s) =>
            s.Bekend(bsn) is { } p ? Results.Ok(new[] { new DuoDoelgroephistorie(p.Doelgroep.Indeling, p.Doelgroep.Begindatum) }) : Results.NotFound());
        sim.MapGet("/personen/{bsn}/inburgeringstermijn/historie", (string bsn, DuoSimulator s) =>
            s.Bekend(bsn) is { } p
                ? Results.Ok(p.TermijnHistorie.Concat(p.Termijn is { } t ? [t] : []).Select(t => new DuoInburgeringstermijnhistorie(t.Einddatum, t.Wijzigingsdatum, t.Verlengingsgrondcode,
                    Verlengingsgronden.FirstOrDefault(v => v.Code == t.Verlengingsgrondcode)?.Omschrijving)).ToList())
                : Results.NotFound());
        sim.MapGet("/verlengingsgronden", () => Results.Ok(Verlengingsgronden));
        sim.MapGet("/personen/{bsn}/examens/gratispogingen", (string bsn, DuoSimulator s) =>
            s.Bekend(bsn) is { } p
                // Synthetic credit: three free attempts per onderdeel, one used by every exam taken.
                ? Results.Ok(new[] { "KNM", "LE", "LU", "SC", "SP" }.Select(o => new DuoGratisPogingTegoed(o, Math.Max(0, 3 - p.Examens.Count(e => e.Onderdeel == o)))).ToList())
                : Results.NotFound());
        sim.MapGet("/personen/{bsn}/lbt/examennummer", (string bsn, DuoSimulator s) =>
        {
            if (s.Bekend(bsn) is not { } p) return Results.NotFound();
            // Not derived from the BSN: a number that identifies the exam only.
            p.LbtExamennummer ??= "LBT" + System.Security.Cryptography.RandomNumberGenerator.GetInt32(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Ok(new DuoExamennummer(p.LbtExamennummer));
        });
        sim.MapPost("/personen/{bsn}/PIP", async (string bsn, HttpRequest req, DuoSimulator s) =>
        {
            if (s.Bekend(bsn) is not { } p) return Results.NotFound();
            DuoPip? pip;
            try
            {
                pip = await req.ReadFromJsonAsync<DuoPip>(DuoJson.Opties);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            if (pip is null) return Results.BadRequest();
            var fouten = s.ControleerPip(p, pip);
            if (fouten.Count > 0) return Results.Json(fouten.Select(f => new DuoFoutmelding(f)).ToList(), statusCode: 403);
            p.Pips.Add(pip);
            p.PipGemeente = null; // now ours
            return Results.StatusCode(201);
        });
        sim.MapDelete("/personen/{bsn}/PIP", (string bsn, DuoSimulator s) =>
        {
            if (s.Bekend(bsn) is not { Pips.Count: > 0 } p) return Results.NotFound();
            // DUO's conditions (README, "Het verwijderen van een PIP"): our own PIP, no termijn set yet (and no course
            // hours for the current aanbod: the simulator keeps no aanbod, so that one cannot apply here).
            var fouten = new List<string>();
            if (p.PipGemeente is not null) fouten.Add("Het actuele PIP is niet van uw gemeente.");
            if (p.Termijn is not null) fouten.Add("De inburgeringstermijn is al vastgesteld; het PIP kan niet worden verwijderd.");
            if (fouten.Count > 0) return Results.Json(fouten.Select(f => new DuoFoutmelding(f)).ToList(), statusCode: 403);
            p.Pips.RemoveAt(p.Pips.Count - 1);
            return Results.Ok();
        });
        sim.MapPut("/personen/{bsn}/zroute", (string bsn, DuoResultaatZroute resultaat, DuoSimulator s) =>
        {
            if (s.Bekend(bsn) is not { } p) return Results.NotFound();
            // DUO's rules (README, as for MAP and PVT): a current PIP of this municipality, no date in the future.
            if (p.Pips.Count == 0) return Results.Json(new[] { new DuoFoutmelding("Uw gemeente moet een actuele PIP hebben voor de inburgeringsplichtige.") }, statusCode: 403);
            if (resultaat.DatumAfrondingZroute > s.Vandaag) return Results.Json(new[] { new DuoFoutmelding("De datum afronding Z-route mag niet in de toekomst liggen.") }, statusCode: 403);
            p.ZrouteAfgerond = resultaat.DatumAfrondingZroute;
            return Results.Ok();
        });
        sim.MapGet("/personen/{bsn}/map", (string bsn, DuoSimulator s) =>
            s.Bekend(bsn)?.Map?.DatumEindgesprekMap is { } d ? Results.Ok(new DuoDatumMap(d)) : Results.NotFound());
        sim.MapGet("/personen/{bsn}/pvt", (string bsn, DuoSimulator s) =>
            s.Bekend(bsn)?.Pvt?.DatumOndertekeningPvt is { } d ? Results.Ok(new DuoDatumPvt(d)) : Results.NotFound());
        sim.MapPut("/personen/{bsn}/map", (string bsn, DuoResultaatMap resultaat, DuoSimulator s) =>
        {
            if (s.Bekend(bsn) is not { } p) return Results.NotFound();
            if (resultaat.Verwijtbaar is not (null or "Ja" or "Nee")) return Results.BadRequest();
            var fouten = s.ControleerMapPvt(p, "eindgesprek MAP", resultaat.DatumEindgesprekMap, resultaat.Verwijtbaar);
            if (fouten.Count > 0) return Results.Json(fouten.Select(f => new DuoFoutmelding(f)).ToList(), statusCode: 403);
            p.Map = resultaat; // PUT: the whole resource is replaced
            return Results.Ok();
        });
        sim.MapPut("/personen/{bsn}/pvt", (string bsn, DuoResultaatPvt resultaat, DuoSimulator s) =>
        {
            if (s.Bekend(bsn) is not { } p) return Results.NotFound();
            if (resultaat.Verwijtbaar is not (null or "Ja" or "Nee")) return Results.BadRequest();
            var fouten = s.ControleerMapPvt(p, "ondertekening PVT", resultaat.DatumOndertekeningPvt, resultaat.Verwijtbaar);
            if (fouten.Count > 0) return Results.Json(fouten.Select(f => new DuoFoutmelding(f)).ToList(), statusCode: 403);
            p.Pvt = resultaat;
            return Results.Ok();
        });
        sim.MapDelete("/personen/{bsn}/lbt/examennummer", (string bsn, DuoSimulator s) =>
        {
            if (s.Bekend(bsn) is not { } p || p.LbtExamennummer is null || p.ExamennummerIngetrokken) return Results.NotFound();
            p.ExamennummerIngetrokken = true;
            return Results.Ok();
        });
        sim.MapGet("/instellingen", () => Results.Ok(Instellingen));
        sim.MapGet("/personen/{bsn}/uren", (string bsn, DuoSimulator s, DuoOpties o) =>
        {
            if (s.Bekend(bsn) is not { } p) return Results.NotFound();
            if (p.Uren.Count == 0) return Results.Ok(Array.Empty<DuoGevolgdeUren>());
            DuoUren? Van(string soort) => p.Uren.TryGetValue(soort, out var u) ? new DuoUren(u) : null;
            // One municipality: the simulator's own (the totals each municipality reported, as DUO keeps them).
            return Results.Ok(new[]
            {
                new DuoGevolgdeUren(Koers.Domain.Duo.DuoVertaling.Gemeentecode(o.Gemeente ?? "") ?? "0000", s.Vandaag,
                    Van("participatietaalles"), Van("participatieactiviteiten"), Van("bredeintake/taallesknm")),
            });
        });
        sim.MapPost("/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}", (string bsn, string instellingsnummer, DuoInburgeringsaanbod aanbod, DuoSimulator s) =>
        {
            if (s.Bekend(bsn) is not { } p) return Results.NotFound();
            if (aanbod.IndicatorAlfabetiseringsonderwijs is not ("A" or "AA" or "NVT")) return Results.BadRequest();
            var fouten = s.ControleerAanbod(p, instellingsnummer, aanbod);
            if (fouten.Count > 0) return Results.Json(fouten.Select(f => new DuoFoutmelding(f)).ToList(), statusCode: 403);
            p.Aanbod[instellingsnummer] = aanbod; // one current offer per instelling: a new one replaces it
            return Results.StatusCode(201);
        });
        sim.MapDelete("/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}", (string bsn, string instellingsnummer, DuoSimulator s) =>
            s.Bekend(bsn) is { } p && p.Aanbod.TryRemove(instellingsnummer, out _) ? Results.NoContent() : Results.NotFound());
        sim.MapPost("/contactpersonen", (DuoContactpersoongegevens gegevens, DuoSimulator s) =>
        {
            if (s.ControleerContactpersoon(gegevens) is { } fout) return Results.Json(new[] { new DuoFoutmelding(fout) }, statusCode: 403);
            var id = Interlocked.Increment(ref s._laatsteContactpersoon);
            s._contactpersonen[id] = gegevens;
            return Results.Json(new DuoContactpersoon(gegevens, id), DuoJson.Opties, statusCode: 201);
        });
        sim.MapPut("/contactpersonen/{id:int}", (int id, DuoContactpersoongegevens gegevens, DuoSimulator s) =>
        {
            if (!s._contactpersonen.ContainsKey(id)) return Results.NotFound();
            if (s.ControleerContactpersoon(gegevens) is { } fout) return Results.Json(new[] { new DuoFoutmelding(fout) }, statusCode: 403);
            s._contactpersonen[id] = gegevens;
            return Results.Ok();
        });
        sim.MapDelete("/contactpersonen/{id:int}", (int id, DuoSimulator s) =>
        {
            if (!s._contactpersonen.TryRemove(id, out _)) return Results.NotFound();
            // README "Verwijderen van een contactpersoon": its links with inburgeringsplichtigen go as well.
            foreach (var p in s._personen.Values.Where(p => p.Contactpersoon == id)) p.Contactpersoon = null;
            return Results.Ok();
        });
        sim.MapPost("/contactpersonen/{id:int}/personen/{bsn}", (int id, string bsn, DuoSimulator s) =>
        {
            if (!s._contactpersonen.ContainsKey(id) || s.Bekend(bsn) is not { } p) return Results.NotFound();
            p.Contactpersoon = id; // README "Koppelen van een Contactpersoon": replaces an earlier link
            return Results.StatusCode(201);
        });
        sim.MapDelete("/contactpersonen/{id:int}/personen/{bsn}", (int id, string bsn, DuoSimulator s) =>
        {
            if (s.Bekend(bsn) is not { } p || p.Contactpersoon != id) return Results.NotFound();
            p.Contactpersoon = null;
            return Results.Ok();
        });
        foreach (var soort in new[] { "bredeintake/taallesknm", "participatieactiviteiten", "participatietaalles" })
        {
            sim.MapPut($"/personen/{{bsn}}/uren/{soort}", (string bsn, DuoUren uren, DuoSimulator s) =>
            {
                if (s.Bekend(bsn) is not { } p) return Results.NotFound();
                if (uren.Uren is < 0 or > 9999) return Results.Json(new DuoFoutmelding("Uren moet tussen 0 en 9999 liggen."), statusCode: 403);
                p.Uren[soort] = uren.Uren;
                return Results.Ok();
            });
        }

        // Not part of DUO's spec: the demo's (and tests') way to make DUO "do something" and notify Koers.
        app.MapPost("/api/v1/duo-simulator/gebeurtenissen", async (SimGebeurtenis g, DuoSimulator s, CancellationToken ct) =>
            {
                var (id, fout) = await s.SpeelAfAsync(g, ct);
                return fout is null
                    ? Results.Accepted(value: new { berichtId = id })
                    : Problemen.Validatie(new() { ["gebeurtenisId"] = [fout] });
            })
            .RequireAuthorization(Beveiliging.Beleid.Dossierwerk)
            .ExcludeFromDescription();
    }
}
