using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koers.Domain.Dossier;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Brp;

/// <summary>What the stand-in BRP knows about one (synthetic) person.</summary>
public sealed class SimBrpPersoon
{
    public required string Bsn { get; init; }
    public required string Voornamen { get; set; }
    public string? Voorvoegsel { get; set; }
    public required string Geslachtsnaam { get; set; }
    public DateOnly? Geboortedatum { get; set; }
    public string Straat { get; set; } = "Markt";
    public int Huisnummer { get; set; } = 1;
    public string Postcode { get; set; } = "5531AB";
    public required string Woonplaats { get; set; }

    /// <summary>Four digits, as the BRP codes municipalities (Koers's GM1724 is 1724).</summary>
    public required string Gemeentecode { get; set; }
    public required string Gemeentenaam { get; set; }
    public DateOnly DatumInschrijving { get; set; }
    public DateOnly? Overleden { get; set; }
    public List<(string Voornamen, string Geslachtsnaam, DateOnly? Geboortedatum, bool Partner)> Gezin { get; } = [];
}

/// <summary>
/// An in-process stand-in for Haal Centraal BRP Personen Bevragen: POST {Pad}/personen answers
/// RaadpleegMetBurgerservicenummer as the published spec describes (response shape, date objects, Waardetabel codes),
/// so registration, confirmation and the periodic check run in the demo and the tests without the BRP. Mapped only when
/// Brp:Simulator is true. Holds synthetic persons: a few demo BSNs of people Koers does not know yet, and whoever has a
/// case in Koers (learned from the case, as the DUO simulator does). Tests move people and let them die.
/// </summary>
public sealed class BrpSimulator(TimeProvider tijd, IServiceProvider services)
{
    public const string Pad = "/brp-simulator/haalcentraal/api/brp";

    private readonly ConcurrentDictionary<string, SimBrpPersoon> _personen = new(Demo().ToDictionary(p => p.Bsn));
    private readonly ConcurrentDictionary<string, bool> _onbekend = new();

    /// <summary>While true every question is answered 503, as a BRP that is down.</summary>
    public bool Storing { get; set; }

    private int _vragen;

    /// <summary>How many questions arrived, answered or not (tests count how often a down BRP is asked).</summary>
    public int Vragen => Volatile.Read(ref _vragen);

    /// <summary>The purpose header of the last question (tests check it arrives).</summary>
    public string? LaatsteDoelbinding { get; private set; }

    /// <summary>The body of the last question, as received (contract tests validate it against the spec).</summary>
    public string? LaatsteVraag { get; private set; }

    /// <summary>Demo persons registered in the BRP but not (yet) in Koers: try them on the registration form.</summary>
    public static IReadOnlyList<SimBrpPersoon> Demo() =>
    [
        new() { Bsn = "999880007", Voornamen = "Amina", Geslachtsnaam = "Haddad", Geboortedatum = new(1994, 3, 12), Straat = "Hof", Huisnummer = 14,
            Postcode = "5571CB", Woonplaats = "Bergeijk", Gemeentecode = "1724", Gemeentenaam = "Bergeijk", DatumInschrijving = new(2026, 5, 4),
            Gezin = { ("Samir", "Haddad", new DateOnly(1990, 8, 1), true), ("Lina", "Haddad", new DateOnly(2019, 2, 20), false) } },
        new() { Bsn = "999880019", Voornamen = "Yonas", Geslachtsnaam = "Tesfaye", Geboortedatum = new(1998, 11, 2), Straat = "Markt", Huisnummer = 3,
            Postcode = "5531BA", Woonplaats = "Bladel", Gemeentecode = "1728", Gemeentenaam = "Bladel", DatumInschrijving = new(2026, 4, 20) },
        new() { Bsn = "999880020", Voornamen = "Olena", Voorvoegsel = "van", Geslachtsnaam = "Dijk", Geboortedatum = new(1987, 6, 30), Straat = "Nieuwstraat",
            Huisnummer = 27, Postcode = "5521CD", Woonplaats = "Eersel", Gemeentecode = "0770", Gemeentenaam = "Eersel", DatumInschrijving = new(2026, 3, 9) },
    ];

    public SimBrpPersoon? Persoon(string bsn)
    {
        if (_personen.TryGetValue(bsn, out var bekend)) return bekend;
        if (_onbekend.ContainsKey(bsn) || bsn.Length != 9 || !bsn.All(char.IsAsciiDigit)) return null;
        return Leer(bsn) is { } geleerd ? _personen.GetOrAdd(bsn, geleerd) : null;
    }

    /// <summary>The BRP does not know this BSN (a mistyped one): tests of "niet gevonden".</summary>
    public void MaakOnbekend(string bsn)
    {
        _personen.TryRemove(bsn, out _);
        _onbekend[bsn] = true;
    }

    /// <summary>The person moves to another municipality (four-digit BRP code) on <paramref name="datum"/>.</summary>
    public void Verhuis(string bsn, string gemeentecode, string gemeentenaam, DateOnly datum)
    {
        var p = Persoon(bsn) ?? throw new InvalidOperationException("Deze persoon staat niet in de gesimuleerde BRP.");
        p.Gemeentecode = gemeentecode;
        p.Gemeentenaam = gemeentenaam;
        p.Woonplaats = gemeentenaam;
        p.DatumInschrijving = datum;
    }

    public void Overlijd(string bsn, DateOnly datum)
    {
        var p = Persoon(bsn) ?? throw new InvalidOperationException("Deze persoon staat niet in de gesimuleerde BRP.");
        p.Overleden = datum;
    }

    /// <summary>
    /// A person with a case in Koers: the real BRP knows everyone Koers registers, so the stand-in takes name, birth date,
    /// municipality and household from the case. The date of inschrijving is the case's BRP milestone, or six weeks after
    /// the koppeling (not after today), or the day the case was made.
    /// </summary>
    private SimBrpPersoon? Leer(string bsn)
    {
        // A number the real BRP would not know (no BSN at all) is not looked up.
        if (!Koers.Domain.Identity.Bsn.TryParse(bsn, out var geldig, out _)) return null;
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>();
        var bescherming = scope.ServiceProvider.GetRequiredService<Koers.Data.Versleuteling.BsnBescherming>();
        var dossier = Koers.Data.Versleuteling.BsnZoeken.MetBsn(
                db.Inburgeraars.AsNoTracking().Include(i => i.Mijlpalen).Include(i => i.Gemeente).Include(i => i.Gezinsleden), bescherming, geldig)
            .AsSplitQuery().FirstOrDefault();
        if (dossier is null || dossier.GeanonimiseerdOp is not null) return null;
        var vandaag = Vandaag;
        var inschrijving = dossier.Mijlpalen.FirstOrDefault(m => m.Soort == Mijlpaal.BrpInschrijving)?.Datum
                           ?? (dossier.Mijlpalen.FirstOrDefault(m => m.Soort == Mijlpaal.Koppeling)?.Datum is { } k ? Min(k.AddDays(42), vandaag) : (DateOnly?)null)
                           ?? DateOnly.FromDateTime(dossier.AangemaaktOp);
        var code = dossier.Gemeente!.Code.Length == 6 ? dossier.Gemeente.Code[2..] : dossier.Gemeente.Code;
        var persoon = new SimBrpPersoon
        {
            Bsn = bsn,
            Voornamen = Schoon(dossier.Voornamen, "Onbekend"),
            Geslachtsnaam = Schoon(dossier.Achternaam, "Onbekend"),
            Geboortedatum = dossier.Geboortedatum == default ? null : dossier.Geboortedatum,
            Huisnummer = 1 + (int)(ulong.Parse(bsn, CultureInfo.InvariantCulture) % 120),
            Woonplaats = Schoon(dossier.Gemeente.Naam, "Onbekend"),
            Gemeentecode = code,
            Gemeentenaam = Schoon(dossier.Gemeente.Naam, "Onbekend"),
            DatumInschrijving = inschrijving,
        };
        foreach (var lid in dossier.Gezinsleden)
        {
            var partner = lid.Relatie.Contains("partner", StringComparison.OrdinalIgnoreCase) || lid.Relatie.Contains("echtgeno", StringComparison.OrdinalIgnoreCase);
            var kind = lid.Relatie.Contains("kind", StringComparison.OrdinalIgnoreCase) || lid.Relatie.Contains("zoon", StringComparison.OrdinalIgnoreCase)
                       || lid.Relatie.Contains("dochter", StringComparison.OrdinalIgnoreCase);
            if (!partner && !kind) continue;
            var delen = Schoon(lid.Naam, "Onbekend").Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            persoon.Gezin.Add((delen[0], delen.Length > 1 ? delen[1] : persoon.Geslachtsnaam, lid.Geboortedatum, partner));
        }

        return persoon;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>BRP names hold letters, spaces, dots, hyphens and apostrophes only (the spec's patterns).</summary>
    private static string Schoon(string tekst, string standaard)
    {
        var s = new string(tekst.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '\'').ToArray()).Trim();
        return s.Length == 0 ? standaard : s;
    }

    private DateOnly Vandaag => DateOnly.FromDateTime(tijd.GetUtcNow().UtcDateTime);

    private static readonly CultureInfo Nl = new("nl-NL");

    private static JsonObject Datum(DateOnly d) => new()
    {
        ["type"] = "Datum",
        ["datum"] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["langFormaat"] = d.ToString("d MMMM yyyy", Nl),
    };

    private static JsonObject Naam(string voornamen, string? voorvoegsel, string geslachtsnaam, bool volledig)
    {
        var naam = new JsonObject { ["voornamen"] = voornamen };
        if (voorvoegsel is not null) naam["voorvoegsel"] = voorvoegsel;
        naam["geslachtsnaam"] = geslachtsnaam;
        naam["voorletters"] = string.Concat(voornamen.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => v[0] + "."));
        if (volledig) naam["volledigeNaam"] = string.Join(' ', new[] { voornamen, voorvoegsel, geslachtsnaam }.Where(s => s is not null));
        return naam;
    }

    /// <summary>One Persoon as the spec describes it, with only the top-level fields asked for.</summary>
    public static JsonObject AlsJson(SimBrpPersoon p, IReadOnlyCollection<string> velden)
    {
        var postcode = p.Postcode.Length == 6 ? p.Postcode[..4] + " " + p.Postcode[4..] : p.Postcode;
        var alles = new JsonObject
        {
            ["burgerservicenummer"] = p.Bsn,
            ["naam"] = Naam(p.Voornamen, p.Voorvoegsel, p.Geslachtsnaam, true),
            ["geboorte"] = p.Geboortedatum is { } g ? new JsonObject { ["datum"] = Datum(g) } : new JsonObject(),
            ["verblijfplaats"] = new JsonObject
            {
                ["type"] = "Adres",
                ["verblijfadres"] = new JsonObject
                {
                    ["officieleStraatnaam"] = p.Straat,
                    ["korteStraatnaam"] = p.Straat.Length > 24 ? p.Straat[..24] : p.Straat,
                    ["huisnummer"] = p.Huisnummer,
                    ["postcode"] = p.Postcode,
                    ["woonplaats"] = p.Woonplaats,
                },
                ["datumVan"] = Datum(p.DatumInschrijving),
            },
            ["adressering"] = new JsonObject
            {
                ["adresregel1"] = $"{p.Straat} {p.Huisnummer}",
                ["adresregel2"] = $"{postcode}  {p.Woonplaats.ToUpperInvariant()}",
            },
            ["gemeenteVanInschrijving"] = new JsonObject { ["code"] = p.Gemeentecode, ["omschrijving"] = p.Gemeentenaam },
            ["datumInschrijvingInGemeente"] = Datum(p.DatumInschrijving),
            ["partners"] = new JsonArray(p.Gezin.Where(l => l.Partner).Select(l => (JsonNode)Lid(l)).ToArray()),
            ["kinderen"] = new JsonArray(p.Gezin.Where(l => !l.Partner).Select(l => (JsonNode)Lid(l)).ToArray()),
        };
        if (p.Overleden is { } o) alles["overlijden"] = new JsonObject { ["datum"] = Datum(o) };
        var persoon = new JsonObject();
        foreach (var (veld, waarde) in alles)
        {
            if (velden.Count == 0 || velden.Contains(veld)) persoon[veld] = waarde?.DeepClone();
        }

        return persoon;
    }

    private static JsonObject Lid((string Voornamen, string Geslachtsnaam, DateOnly? Geboortedatum, bool Partner) l)
    {
        var lid = new JsonObject { ["naam"] = Naam(l.Voornamen, null, l.Geslachtsnaam, false) };
        if (l.Geboortedatum is { } g) lid["geboorte"] = new JsonObject { ["datum"] = Datum(g) };
        return lid;
    }

    public static void MapBrpSimulator(WebApplication app)
    {
        app.MapPost(Pad + "/personen", async (HttpContext ctx, BrpSimulator sim, BrpOpties opties) =>
            {
                Interlocked.Increment(ref sim._vragen);
                if (sim.Storing) return Fout(503, "Service Unavailable", "De BRP is tijdelijk niet beschikbaar.");
                if (!string.IsNullOrEmpty(opties.ApiKey) && ctx.Request.Headers[opties.ApiKeyHeader] != opties.ApiKey)
                {
                    return Fout(401, "Niet correct geauthenticeerd.", "De API-sleutel ontbreekt of klopt niet.");
                }

                using var lezer = new StreamReader(ctx.Request.Body);
                var tekst = await lezer.ReadToEndAsync(ctx.RequestAborted);
                sim.LaatsteVraag = tekst;
                sim.LaatsteDoelbinding = ctx.Request.Headers[opties.DoelbindingHeader].ToString();
                JsonElement vraag;
                try
                {
                    vraag = JsonDocument.Parse(tekst).RootElement.Clone();
                }
                catch (JsonException)
                {
                    return Fout(400, "Ten minste één parameter moet worden opgegeven.", "De vraag is geen geldige JSON.");
                }

                if (!vraag.TryGetProperty("type", out var type) || type.GetString() != BrpClient.Type)
                {
                    return Fout(400, "Een of meerdere parameters zijn niet correct.", "De stand-in kent alleen RaadpleegMetBurgerservicenummer.");
                }

                if (!vraag.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Array || fields.GetArrayLength() == 0
                    || !vraag.TryGetProperty("burgerservicenummer", out var bsns) || bsns.ValueKind != JsonValueKind.Array
                    || bsns.GetArrayLength() is 0 or > BrpClient.MaxPerVraag
                    || bsns.EnumerateArray().Any(b => b.GetString() is not { Length: 9 } s || !s.All(char.IsAsciiDigit)))
                {
                    return Fout(400, "Een of meerdere parameters zijn niet correct.", "fields en burgerservicenummer (1 tot 20 BSN's) zijn verplicht.");
                }

                var velden = fields.EnumerateArray().Select(f => f.GetString()!.Split('.')[0]).ToHashSet();
                var personen = new JsonArray();
                foreach (var b in bsns.EnumerateArray().Select(b => b.GetString()!).Distinct())
                {
                    if (sim.Persoon(b) is { } p) personen.Add(AlsJson(p, velden));
                }

                var antwoord = new JsonObject { ["type"] = BrpClient.Type, ["personen"] = personen };
                return Results.Text(antwoord.ToJsonString(), "application/json; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    /// <summary>A Foutbericht (problem details) as the spec's error responses carry.</summary>
    private static IResult Fout(int status, string titel, string detail) =>
        Results.Text(new JsonObject { ["type"] = "https://datatracker.ietf.org/doc/html/rfc7231", ["title"] = titel, ["status"] = status, ["detail"] = detail, ["instance"] = Pad + "/personen" }
            .ToJsonString(), "application/problem+json; charset=utf-8", statusCode: status);
}
