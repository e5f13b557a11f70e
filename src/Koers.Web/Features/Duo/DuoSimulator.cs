using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Koers.Domain.Identity;
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

    public SimPersoon Persoon(string bsn) => _personen.GetOrAdd(bsn, b => new SimPersoon { Bsn = b });

    public SimPersoon? Bekend(string bsn) => _personen.GetValueOrDefault(bsn);

    private DateOnly Vandaag => DateOnly.FromDateTime(tijd.GetUtcNow().UtcDateTime);

    /// <summary>Changes DUO's data for the event, then sends the notification to Koers. Returns the berichtId.</summary>
    public async Task<(Guid? BerichtId, string? Fout)> SpeelAfAsync(SimGebeurtenis g, CancellationToken ct = default)
    {
        if (!Bsn.TryParse(g.Bsn, out var bsn, out var fout)) return (null, fout ?? "Ongeldig BSN.");
        var p = Persoon(bsn.Value);
        var datum = g.Datum ?? Vandaag;
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
            case null or "":
                return (null, "Kies een gebeurtenis.");
            default:
                if (Koers.Domain.Duo.DuoGebeurtenissen.Zoek(g.GebeurtenisId) is null) return (null, $"Onbekende gebeurtenis '{g.GebeurtenisId}'.");
                break;
        }

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
            s.Bekend(bsn) is { Pips.Count: > 0 } p ? Results.Ok(new DuoGemeentePip("0000", p.Pips[^1])) : Results.NotFound());
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
            return Results.StatusCode(201);
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
