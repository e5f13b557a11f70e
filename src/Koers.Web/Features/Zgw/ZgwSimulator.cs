using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koers.Data.Model.Zgw;

namespace Koers.Web.Features.Zgw;

/// <summary>One request the stand-in received, as received (the contract tests validate them against the published specs).</summary>
public sealed record SimZgwVerzoek(string Methode, string Pad, string Query, string? Authorization, string? ContentCrs, string? AcceptCrs, string? Body, int Status, string? Antwoord);

/// <summary>
/// An in-process stand-in for a zaaksysteem (the parts of the ZGW Catalogi, Zaken and Documenten APIs Koers uses), so
/// the demo and the tests archive without Open Zaak. Answers in the published shapes (Spec/), checks the JWT (HS256
/// with Zgw:Secret), the Crs headers on /zaken, required fields, that types belong to the zaaktype, that an identificatie
/// is unique per bronorganisatie and a document is linked once, and closes a zaak on its eindstatus (which, as in the
/// Zaken API, needs a resultaat first). Holds a demo catalogus with zaaktype "Inburgering". Tests break it on purpose:
/// <see cref="Storing"/>, <see cref="VerliesAntwoord"/> (carry out, then answer 503), <see cref="Weiger"/>. With
/// <see cref="Bestand"/> set (the demo) it keeps its state in a file, so a restarted demo still knows its zaken.
/// </summary>
public sealed class ZgwSimulator : IDisposable
{
    public const string Pad = "/zgw-simulator";
    public const string DemoZaaktype = "0b2a5c1e-6a54-4a8e-9a4e-1d2c3b4a5f60";
    public const string DemoCatalogus = "7f1d9b2e-3c4a-4e5f-8a6b-9c0d1e2f3a4b";

    public static string ApiPad(ZgwApi api) => api switch
    {
        ZgwApi.Zaken => Pad + "/zaken/api/v1",
        ZgwApi.Documenten => Pad + "/documenten/api/v1",
        _ => Pad + "/catalogi/api/v1",
    };

    private readonly Lock _slot = new();
    private readonly ZgwOpties _opties;
    private readonly TimeProvider _tijd;
    private Staat _staat = new();

    private readonly Timer? _bewaarder;
    private bool _gewijzigd;

    /// <param name="bestand">The demo's file, or null (tests).</param>
    /// <param name="bewaarVerzoeken">Keep every request in <see cref="Verzoeken"/> (tests only: bodies carry whole PDFs).</param>
    public ZgwSimulator(ZgwOpties opties, TimeProvider tijd, string? bestand, bool bewaarVerzoeken)
    {
        _opties = opties;
        _tijd = tijd;
        Bestand = bestand;
        BewaarVerzoeken = bewaarVerzoeken;
        // The whole state (with the PDFs) is written at most every few seconds, not after every request.
        if (bestand is not null) _bewaarder = new Timer(_ => Schrijf(), null, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3));
        if (bestand is not null && File.Exists(bestand))
        {
            try
            {
                _staat = JsonSerializer.Deserialize<Staat>(File.ReadAllText(bestand)) ?? new Staat();
            }
            catch (JsonException)
            {
                _staat = new Staat();
            }
        }
    }

    public string? Bestand { get; }

    public bool BewaarVerzoeken { get; }

    /// <summary>While true every request is answered 503.</summary>
    public bool Storing { get; set; }

    /// <summary>The path (e.g. "/zaken") of the next POST that is carried out but answered 503, as an answer lost on the way.</summary>
    public string? VerliesAntwoord { get; set; }

    /// <summary>The path of the next POST refused with 400 and a ValidatieFout (a rule of the zaaksysteem).</summary>
    public string? Weiger { get; set; }

    public List<SimZgwVerzoek> Verzoeken { get; } = [];

    public sealed class Staat
    {
        public Dictionary<string, JsonObject> Zaken { get; set; } = [];
        public Dictionary<string, JsonObject> Statussen { get; set; } = [];
        public Dictionary<string, JsonObject> Resultaten { get; set; } = [];
        public Dictionary<string, JsonObject> Zios { get; set; } = [];
        public Dictionary<string, JsonObject> Rollen { get; set; } = [];
        public Dictionary<string, JsonObject> Documenten { get; set; } = [];
        public Dictionary<string, string> Inhoud { get; set; } = [];
    }

    // ---- what tests and the demo read ----

    public IReadOnlyList<JsonObject> Zaken() { lock (_slot) return _staat.Zaken.Values.Select(z => (JsonObject)z.DeepClone()).ToList(); }

    public IReadOnlyList<JsonObject> Statussen(string zaakUrl) { lock (_slot) return _staat.Statussen.Values.Where(s => (string?)s["zaak"] == zaakUrl).Select(s => (JsonObject)s.DeepClone()).ToList(); }

    public IReadOnlyList<JsonObject> Resultaten(string zaakUrl) { lock (_slot) return _staat.Resultaten.Values.Where(s => (string?)s["zaak"] == zaakUrl).Select(s => (JsonObject)s.DeepClone()).ToList(); }

    public IReadOnlyList<JsonObject> Documenten(string zaakUrl)
    {
        lock (_slot)
        {
            var eios = _staat.Zios.Values.Where(z => (string?)z["zaak"] == zaakUrl).Select(z => (string?)z["informatieobject"]).ToHashSet();
            return _staat.Documenten.Values.Where(d => eios.Contains((string?)d["url"])).Select(d => (JsonObject)d.DeepClone()).ToList();
        }
    }

    public IReadOnlyList<JsonObject> Rollen(string zaakUrl) { lock (_slot) return _staat.Rollen.Values.Where(s => (string?)s["zaak"] == zaakUrl).Select(s => (JsonObject)s.DeepClone()).ToList(); }

    public int Koppelingen(string zaakUrl) { lock (_slot) return _staat.Zios.Values.Count(z => (string?)z["zaak"] == zaakUrl); }

    public byte[]? Inhoud(string documentUrl) { lock (_slot) return _staat.Inhoud.TryGetValue(Uuid(documentUrl), out var b) ? Convert.FromBase64String(b) : null; }

    // ---- the demo catalogus ----

    private static readonly (string Omschrijving, bool Eind)[] StatusLijst =
        [.. ZgwGemeenteOpties.StandaardStatustypen.Values.Select(v => (v, false)), ("Afgehandeld", true)];

    /// <summary>
    /// Demo values only: a municipality's own catalogus takes archiefnominatie and archiefactietermijn from its
    /// selectielijst (Selectielijst gemeenten en intergemeentelijke organen); Koers reads whatever the catalogus says.
    /// </summary>
    private static readonly (string Omschrijving, string Nominatie, string Termijn)[] ResultaatLijst =
    [
        ("Inburgeringsplicht voldaan", "vernietigen", "P10Y"),
        ("Ontheffing verleend", "vernietigen", "P10Y"),
        ("Verhuisd naar andere gemeente", "vernietigen", "P5Y"),
        ("Uitgeschreven", "vernietigen", "P5Y"),
    ];

    /// <summary>Fixed ids for the demo types (the zaaktype's id with its last byte replaced), so a restarted demo keeps its URLs.</summary>
    private static string Id(int n) => new Guid(DemoZaaktype[..^2] + n.ToString("x2", CultureInfo.InvariantCulture)).ToString();

    private static JsonObject Zaaktype(string b) => new()
    {
        ["url"] = $"{b}/catalogi/api/v1/zaaktypen/{DemoZaaktype}",
        ["identificatie"] = "INBURGERING",
        ["omschrijving"] = "Inburgering",
        ["catalogus"] = $"{b}/catalogi/api/v1/catalogussen/{DemoCatalogus}",
        ["vertrouwelijkheidaanduiding"] = "vertrouwelijk",
        ["doel"] = "Begeleiden van inburgeringsplichtigen (Wet inburgering 2021)",
        ["statustypen"] = new JsonArray([.. StatusLijst.Select((s, n) => (JsonNode)$"{b}/catalogi/api/v1/statustypen/{Id(n + 1)}")]),
        ["resultaattypen"] = new JsonArray([.. ResultaatLijst.Select((s, n) => (JsonNode)$"{b}/catalogi/api/v1/resultaattypen/{Id(n + 0x40)}")]),
        ["concept"] = false,
    };

    private static IEnumerable<JsonObject> Statustypen(string b) => StatusLijst.Select((s, n) => new JsonObject
    {
        ["url"] = $"{b}/catalogi/api/v1/statustypen/{Id(n + 1)}",
        ["omschrijving"] = s.Omschrijving,
        ["zaaktype"] = $"{b}/catalogi/api/v1/zaaktypen/{DemoZaaktype}",
        ["zaaktypeIdentificatie"] = "INBURGERING",
        ["volgnummer"] = n + 1,
        ["isEindstatus"] = s.Eind,
        ["catalogus"] = $"{b}/catalogi/api/v1/catalogussen/{DemoCatalogus}",
        ["zaakobjecttype"] = $"{b}/catalogi/api/v1/zaakobjecttypen/{DemoZaaktype}",
    });

    private static IEnumerable<JsonObject> Resultaattypen(string b) => ResultaatLijst.Select((r, n) => new JsonObject
    {
        ["url"] = $"{b}/catalogi/api/v1/resultaattypen/{Id(n + 0x40)}",
        ["zaaktype"] = $"{b}/catalogi/api/v1/zaaktypen/{DemoZaaktype}",
        ["zaaktypeIdentificatie"] = "INBURGERING",
        ["omschrijving"] = r.Omschrijving,
        ["resultaattypeomschrijving"] = "https://selectielijst.openzaak.nl/api/v1/resultaattypeomschrijvingen/ce8cf476-0b59-496f-8eee-957a7c6e2506",
        ["omschrijvingGeneriek"] = "Afgehandeld",
        ["selectielijstklasse"] = "https://selectielijst.openzaak.nl/api/v1/resultaten/demo-inburgering",
        ["archiefnominatie"] = r.Nominatie,
        ["archiefactietermijn"] = r.Termijn,
        ["brondatumArchiefprocedure"] = new JsonObject { ["afleidingswijze"] = "afgehandeld", ["datumkenmerk"] = "", ["einddatumBekend"] = false, ["objecttype"] = "", ["registratie"] = "", ["procestermijn"] = null },
        ["zaakobjecttypen"] = new JsonArray(),
        ["besluittypeOmschrijving"] = new JsonArray(),
        ["informatieobjecttypeOmschrijving"] = new JsonArray(),
    });

    private static IEnumerable<JsonObject> Informatieobjecttypen(string b) => ZgwGemeenteOpties.StandaardInformatieobjecttypen.Values.Select((o, n) => new JsonObject
    {
        ["url"] = $"{b}/catalogi/api/v1/informatieobjecttypen/{Id(n + 0x80)}",
        ["catalogus"] = $"{b}/catalogi/api/v1/catalogussen/{DemoCatalogus}",
        ["omschrijving"] = o,
        ["vertrouwelijkheidaanduiding"] = "vertrouwelijk",
        ["informatieobjectcategorie"] = "Beschikking",
        ["concept"] = false,
    });

    private static IEnumerable<JsonObject> Roltypen(string b) => new[] { ("Inburgeraar", "belanghebbende"), ("Klantregisseur", "behandelaar") }.Select((r, n) => new JsonObject
    {
        ["url"] = $"{b}/catalogi/api/v1/roltypen/{Id(n + 0xc0)}",
        ["zaaktype"] = $"{b}/catalogi/api/v1/zaaktypen/{DemoZaaktype}",
        ["zaaktypeIdentificatie"] = "INBURGERING",
        ["omschrijving"] = r.Item1,
        ["omschrijvingGeneriek"] = r.Item2,
    });

    // ---- HTTP ----

    public static void MapZgwSimulator(WebApplication app)
    {
        var g = app.MapGroup(Pad).ExcludeFromDescription().AllowAnonymous().DisableAntiforgery();
        g.Map("/{**pad}", async (HttpContext ctx, string pad, ZgwSimulator sim) => await sim.BehandelAsync(ctx, pad));
    }

    private async Task<IResult> BehandelAsync(HttpContext ctx, string pad)
    {
        var req = ctx.Request;
        string? body = null;
        if (req.ContentLength is > 0 || req.Method is "POST" or "PATCH" or "PUT")
        {
            using var lezer = new StreamReader(req.Body);
            body = await lezer.ReadToEndAsync(ctx.RequestAborted);
        }

        var basis = $"{req.Scheme}://{req.Host}{Pad}";
        var (status, antwoord) = await UitvoerenAsync(req.Method, "/" + pad, req.Query, req.Headers.Authorization.ToString(), req.Headers["Content-Crs"].ToString(), req.Headers["Accept-Crs"].ToString(), body, basis);
        if (BewaarVerzoeken)
        {
            lock (_slot)
            {
                Verzoeken.Add(new SimZgwVerzoek(req.Method, "/" + pad, req.QueryString.Value ?? "", req.Headers.Authorization.ToString(), req.Headers["Content-Crs"].ToString(),
                    req.Headers["Accept-Crs"].ToString(), body, status, antwoord?.ToJsonString()));
                if (Verzoeken.Count > 5000) Verzoeken.RemoveRange(0, 1000);
            }
        }

        if (status == 204) return Results.NoContent();
        if (antwoord is null) return Results.StatusCode(status);
        if (pad.StartsWith("zaken/", StringComparison.Ordinal) && pad.Contains("/zaken", StringComparison.Ordinal)) ctx.Response.Headers["Content-Crs"] = ZgwClient.Crs;
        return Results.Text(antwoord.ToJsonString(), status >= 400 ? "application/problem+json" : "application/json", statusCode: status);
    }

    private async Task<(int, JsonNode?)> UitvoerenAsync(string methode, string pad, IQueryCollection q, string auth, string contentCrs, string acceptCrs, string? body, string basis)
    {
        if (Storing) return (503, Fout(503, "Dienst niet beschikbaar", "storing"));
        if (!auth.StartsWith("Bearer ", StringComparison.Ordinal) || string.IsNullOrEmpty(_opties.Secret)
            || await ZgwClient.ControleerAsync(auth["Bearer ".Length..], _opties.Secret, _tijd) is not { } claims
            || claims.FindFirst("client_id")?.Value is not { Length: > 0 })
        {
            return (403, Fout(403, "Niet geautoriseerd", "not_authenticated"));
        }

        var zaken = pad.StartsWith("/zaken/api/v1/zaken", StringComparison.Ordinal);
        if (zaken && (acceptCrs != ZgwClient.Crs || (methode != "DELETE" && contentCrs != ZgwClient.Crs)))
        {
            return (412, Fout(412, "Accept-Crs en Content-Crs moeten EPSG:4326 zijn", "precondition_failed"));
        }

        JsonObject? invoer = null;
        if (body is not null)
        {
            try
            {
                invoer = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
                return (400, Validatie(("nonFieldErrors", "parse_error", "Ongeldige JSON.")));
            }
        }

        if (methode == "POST" && Weiger is { } w && pad.EndsWith(w, StringComparison.Ordinal))
        {
            Weiger = null;
            return (400, Validatie(("nonFieldErrors", "invalid", "Geweigerd door een regel van het zaaksysteem (simulatie).")));
        }

        (int, JsonNode?) uitkomst;
        lock (_slot)
        {
            uitkomst = Route(methode, pad, q, invoer, basis);
            if (uitkomst.Item1 is 200 or 201 && methode != "GET") Bewaar();
        }

        if (methode == "POST" && uitkomst.Item1 == 201 && VerliesAntwoord is { } v && pad.EndsWith(v, StringComparison.Ordinal))
        {
            VerliesAntwoord = null;
            return (503, Fout(503, "Verbinding verbroken", "storing"));
        }

        return uitkomst;
    }

    private (int, JsonNode?) Route(string m, string pad, IQueryCollection q, JsonObject? b, string basis)
    {
        string? Q(string naam) => q.TryGetValue(naam, out var w) ? w.ToString() : null;
        var delen = pad.Trim('/').Split('/');
        if (delen.Length < 4) return (404, Fout(404, "Niet gevonden", "not_found"));
        var (api, bron, uuid, extra) = (delen[0], delen[3], delen.Length > 4 ? delen[4] : null, delen.Length > 5 ? delen[5] : null);
        return (api, bron, m) switch
        {
            ("catalogi", "zaaktypen", "GET") when uuid == DemoZaaktype => (200, Zaaktype(basis)),
            ("catalogi", "statustypen", "GET") => (200, Pagina(Statustypen(basis).Where(s => Q("zaaktype") is not { } z || (string?)s["zaaktype"] == z))),
            ("catalogi", "resultaattypen", "GET") => (200, Pagina(Resultaattypen(basis).Where(s => Q("zaaktype") is not { } z || (string?)s["zaaktype"] == z))),
            ("catalogi", "roltypen", "GET") => (200, Pagina(Roltypen(basis).Where(s => Q("zaaktype") is not { } z || (string?)s["zaaktype"] == z))),
            ("zaken", "rollen", "GET") => (200, Pagina(_staat.Rollen.Values.Where(s => (Q("zaak") is not { } z || (string?)s["zaak"] == z) && (Q("roltype") is not { } t || (string?)s["roltype"] == t)))),
            ("zaken", "rollen", "POST") => NieuweRol(b, basis),
            ("catalogi", "informatieobjecttypen", "GET") => (200, Pagina(Informatieobjecttypen(basis).Where(s => Q("catalogus") is not { } c || (string?)s["catalogus"] == c))),
            ("zaken", "zaken", "GET") when uuid is null => (200, Pagina(_staat.Zaken.Values.Where(z => (Q("identificatie") is not { } i || (string?)z["identificatie"] == i)
                && (Q("bronorganisatie") is not { } o || (string?)z["bronorganisatie"] == o)))),
            ("zaken", "zaken", "GET") => _staat.Zaken.TryGetValue(uuid!, out var zk) ? (200, zk.DeepClone()) : (404, Fout(404, "Niet gevonden", "not_found")),
            ("zaken", "zaken", "POST") => NieuweZaak(b, basis),
            ("zaken", "zaken", "PATCH") => WijzigZaak(uuid, b),
            ("zaken", "statussen", "GET") => (200, Pagina(_staat.Statussen.Values.Where(s => (Q("zaak") is not { } z || (string?)s["zaak"] == z) && (Q("statustype") is not { } t || (string?)s["statustype"] == t)))),
            ("zaken", "statussen", "POST") => NieuweStatus(b, basis),
            ("zaken", "resultaten", "GET") => (200, Pagina(_staat.Resultaten.Values.Where(s => Q("zaak") is not { } z || (string?)s["zaak"] == z))),
            ("zaken", "resultaten", "POST") => NieuwResultaat(b, basis),
            ("zaken", "zaakinformatieobjecten", "GET") => (200, new JsonArray([.. _staat.Zios.Values.Where(s => (Q("zaak") is not { } z || (string?)s["zaak"] == z)
                && (Q("informatieobject") is not { } i || (string?)s["informatieobject"] == i)).Select(x => x.DeepClone())])),
            ("zaken", "zaakinformatieobjecten", "POST") => NieuweZio(b, basis),
            ("documenten", "enkelvoudiginformatieobjecten", "GET") when uuid is null => (200, Pagina(_staat.Documenten.Values.Where(d => (Q("identificatie") is not { } i || (string?)d["identificatie"] == i)
                && (Q("bronorganisatie") is not { } o || (string?)d["bronorganisatie"] == o)))),
            ("documenten", "enkelvoudiginformatieobjecten", "GET") when extra is null => _staat.Documenten.TryGetValue(uuid!, out var d) ? (200, d.DeepClone()) : (404, Fout(404, "Niet gevonden", "not_found")),
            ("documenten", "enkelvoudiginformatieobjecten", "POST") => NieuwDocument(b, basis),
            _ => (404, Fout(404, "Niet gevonden", "not_found")),
        };
    }

    private (int, JsonNode?) NieuweZaak(JsonObject? b, string basis)
    {
        if (Ontbreekt(b, "bronorganisatie", "zaaktype", "verantwoordelijkeOrganisatie", "startdatum") is { } f) return (400, f);
        if ((string?)b!["zaaktype"] != $"{basis}/catalogi/api/v1/zaaktypen/{DemoZaaktype}") return (400, Validatie(("zaaktype", "bad-url", "Het zaaktype bestaat niet.")));
        if ((string?)b["identificatie"] is { } id && _staat.Zaken.Values.Any(z => (string?)z["identificatie"] == id && (string?)z["bronorganisatie"] == (string?)b["bronorganisatie"]))
        {
            return (400, Validatie(("identificatie", "identificatie-niet-uniek", "Deze identificatie bestaat al voor deze bronorganisatie.")));
        }

        var uuid = Guid.NewGuid().ToString();
        var z = (JsonObject)b.DeepClone();
        z["url"] = $"{basis}/zaken/api/v1/zaken/{uuid}";
        z["uuid"] = uuid;
        z["identificatie"] ??= "ZAAK-" + uuid[..8];
        z["registratiedatum"] ??= Vandaag();
        z["einddatum"] = null;
        z["status"] = null;
        z["resultaat"] = null;
        z["betalingsindicatieWeergave"] = "";
        z["archiefstatus"] = "nog_te_archiveren";
        z["archiefnominatie"] ??= null;
        z["archiefactiedatum"] ??= null;
        foreach (var lijst in new[] { "deelzaken", "eigenschappen", "rollen", "zaakinformatieobjecten", "zaakobjecten" }) z[lijst] = new JsonArray();
        _staat.Zaken[uuid] = z;
        return (201, z.DeepClone());
    }

    private (int, JsonNode?) WijzigZaak(string? uuid, JsonObject? b)
    {
        if (uuid is null || !_staat.Zaken.TryGetValue(uuid, out var z)) return (404, Fout(404, "Niet gevonden", "not_found"));
        if (b is null) return (400, Validatie(("nonFieldErrors", "required", "Geen body.")));
        // As the Zaken API: a closed zaak may only have its archive data changed without geforceerd-bijwerken.
        if (z["einddatum"] is not null && b.Select(p => p.Key).Any(k => k is not ("archiefnominatie" or "archiefactiedatum" or "archiefstatus")))
        {
            return (400, Validatie(("nonFieldErrors", "zaak-gesloten", "De zaak is afgesloten.")));
        }

        if ((string?)b["archiefnominatie"] is { } n && n is not ("vernietigen" or "blijvend_bewaren")) return (400, Validatie(("archiefnominatie", "invalid_choice", "Ongeldige keuze.")));
        foreach (var (k, v) in b) z[k] = v?.DeepClone();
        return (200, z.DeepClone());
    }

    private (int, JsonNode?) NieuweStatus(JsonObject? b, string basis)
    {
        if (Ontbreekt(b, "zaak", "statustype", "datumStatusGezet") is { } f) return (400, f);
        if (!_staat.Zaken.TryGetValue(Uuid((string)b!["zaak"]!), out var z)) return (400, Validatie(("zaak", "bad-url", "De zaak bestaat niet.")));
        var st = Statustypen(basis).FirstOrDefault(s => (string?)s["url"] == (string?)b["statustype"]);
        if (st is null || (string?)st["zaaktype"] != (string?)z["zaaktype"]) return (400, Validatie(("statustype", "zaaktype-mismatch", "Het statustype hoort niet bij het zaaktype van de zaak.")));
        var eind = (bool)st["isEindstatus"]!;
        if (eind && z["resultaat"] is null) return (400, Validatie(("nonFieldErrors", "resultaat-does-not-exist", "De zaak heeft nog geen resultaat; dat is nodig voor de eindstatus.")));
        if (z["einddatum"] is not null) return (400, Validatie(("nonFieldErrors", "zaak-gesloten", "De zaak is afgesloten.")));
        var uuid = Guid.NewGuid().ToString();
        var s = (JsonObject)b.DeepClone();
        s["url"] = $"{basis}/zaken/api/v1/statussen/{uuid}";
        s["uuid"] = uuid;
        s["zaakinformatieobjecten"] = new JsonArray();
        foreach (var ander in _staat.Statussen.Values.Where(x => (string?)x["zaak"] == (string?)b["zaak"])) ander["indicatieLaatstGezetteStatus"] = false;
        s["indicatieLaatstGezetteStatus"] = true;
        _staat.Statussen[uuid] = s;
        z["status"] = s["url"]!.DeepClone();
        if (eind)
        {
            var einddatum = DateOnly.FromDateTime(DateTimeOffset.Parse((string)b["datumStatusGezet"]!, CultureInfo.InvariantCulture).UtcDateTime);
            z["einddatum"] = einddatum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            // As the Zaken API: with an eindstatus the archive data follow from the resultaattype when not set yet.
            var rt = Resultaattypen(basis).FirstOrDefault(r => (string?)r["url"] == (string?)_staat.Resultaten[Uuid((string)z["resultaat"]!)]["resultaattype"]);
            if (rt is not null)
            {
                z["archiefnominatie"] ??= rt["archiefnominatie"]!.DeepClone();
                if (z["archiefactiedatum"] is null && ZgwVerwerker.Termijn((string?)rt["archiefactietermijn"]) is { } t) z["archiefactiedatum"] = t(einddatum).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        return (201, s.DeepClone());
    }

    private (int, JsonNode?) NieuweRol(JsonObject? b, string basis)
    {
        if (Ontbreekt(b, "zaak", "betrokkeneType", "roltype", "roltoelichting") is { } f) return (400, f);
        if (!_staat.Zaken.TryGetValue(Uuid((string)b!["zaak"]!), out var z)) return (400, Validatie(("zaak", "bad-url", "De zaak bestaat niet.")));
        var rt = Roltypen(basis).FirstOrDefault(r => (string?)r["url"] == (string?)b["roltype"]);
        if (rt is null || (string?)rt["zaaktype"] != (string?)z["zaaktype"]) return (400, Validatie(("roltype", "zaaktype-mismatch", "Het roltype hoort niet bij het zaaktype van de zaak.")));
        if (b["betrokkene"] is null && b["betrokkeneIdentificatie"] is null) return (400, Validatie(("betrokkeneIdentificatie", "invalid-betrokkene", "Geef betrokkene of betrokkeneIdentificatie.")));
        var uuid = Guid.NewGuid().ToString();
        var r = (JsonObject)b.DeepClone();
        r["url"] = $"{basis}/zaken/api/v1/rollen/{uuid}";
        r["uuid"] = uuid;
        r["omschrijving"] = rt["omschrijving"]!.DeepClone();
        r["omschrijvingGeneriek"] = rt["omschrijvingGeneriek"]!.DeepClone();
        r["registratiedatum"] = _tijd.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        r["statussen"] = new JsonArray();
        _staat.Rollen[uuid] = r;
        ((JsonArray)z["rollen"]!).Add((JsonNode)(string)r["url"]!);
        return (201, r.DeepClone());
    }

    private (int, JsonNode?) NieuwResultaat(JsonObject? b, string basis)
    {
        if (Ontbreekt(b, "zaak", "resultaattype") is { } f) return (400, f);
        if (!_staat.Zaken.TryGetValue(Uuid((string)b!["zaak"]!), out var z)) return (400, Validatie(("zaak", "bad-url", "De zaak bestaat niet.")));
        if (!Resultaattypen(basis).Any(r => (string?)r["url"] == (string?)b["resultaattype"])) return (400, Validatie(("resultaattype", "zaaktype-mismatch", "Het resultaattype hoort niet bij het zaaktype.")));
        if (z["resultaat"] is not null) return (400, Validatie(("zaak", "unique", "De zaak heeft al een resultaat.")));
        var uuid = Guid.NewGuid().ToString();
        var r = (JsonObject)b.DeepClone();
        r["url"] = $"{basis}/zaken/api/v1/resultaten/{uuid}";
        r["uuid"] = uuid;
        _staat.Resultaten[uuid] = r;
        z["resultaat"] = r["url"]!.DeepClone();
        return (201, r.DeepClone());
    }

    private (int, JsonNode?) NieuwDocument(JsonObject? b, string basis)
    {
        if (Ontbreekt(b, "bronorganisatie", "creatiedatum", "titel", "auteur", "taal", "informatieobjecttype") is { } f) return (400, f);
        if (!Informatieobjecttypen(basis).Any(i => (string?)i["url"] == (string?)b!["informatieobjecttype"])) return (400, Validatie(("informatieobjecttype", "bad-url", "Het informatieobjecttype bestaat niet.")));
        if ((string?)b!["identificatie"] is { } id && _staat.Documenten.Values.Any(d => (string?)d["identificatie"] == id && (string?)d["bronorganisatie"] == (string?)b["bronorganisatie"]))
        {
            return (400, Validatie(("identificatie", "identificatie-niet-uniek", "Deze identificatie bestaat al voor deze bronorganisatie.")));
        }

        var uuid = Guid.NewGuid().ToString();
        var d = (JsonObject)b.DeepClone();
        if ((string?)d["inhoud"] is { } inhoud)
        {
            try
            {
                var bytes = Convert.FromBase64String(inhoud);
                if (d["bestandsomvang"] is { } omvang && (long)omvang != bytes.LongLength) return (400, Validatie(("bestandsomvang", "file-size-mismatch", "De bestandsomvang klopt niet met de inhoud.")));
                _staat.Inhoud[uuid] = inhoud;
            }
            catch (FormatException)
            {
                return (400, Validatie(("inhoud", "invalid", "Geen geldige base64.")));
            }
        }

        d["url"] = $"{basis}/documenten/api/v1/enkelvoudiginformatieobjecten/{uuid}";
        d["inhoud"] = $"{basis}/documenten/api/v1/enkelvoudiginformatieobjecten/{uuid}/download";
        d["identificatie"] ??= "DOC-" + uuid[..8];
        d["versie"] = 1;
        d["beginRegistratie"] = _tijd.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        d["locked"] = false;
        d["bestandsdelen"] = new JsonArray();
        _staat.Documenten[uuid] = d;
        return (201, d.DeepClone());
    }

    private (int, JsonNode?) NieuweZio(JsonObject? b, string basis)
    {
        if (Ontbreekt(b, "zaak", "informatieobject") is { } f) return (400, f);
        if (!_staat.Zaken.TryGetValue(Uuid((string)b!["zaak"]!), out var z)) return (400, Validatie(("zaak", "bad-url", "De zaak bestaat niet.")));
        if (!_staat.Documenten.ContainsKey(Uuid((string)b["informatieobject"]!))) return (400, Validatie(("informatieobject", "bad-url", "Het informatieobject bestaat niet.")));
        if (_staat.Zios.Values.Any(x => (string?)x["zaak"] == (string?)b["zaak"] && (string?)x["informatieobject"] == (string?)b["informatieobject"]))
        {
            return (400, Validatie(("nonFieldErrors", "unique", "Dit informatieobject hoort al bij deze zaak.")));
        }

        var uuid = Guid.NewGuid().ToString();
        var x = (JsonObject)b.DeepClone();
        x["url"] = $"{basis}/zaken/api/v1/zaakinformatieobjecten/{uuid}";
        x["uuid"] = uuid;
        x["aardRelatieWeergave"] = "Hoort bij, omgekeerd: kent";
        x["registratiedatum"] = _tijd.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        _staat.Zios[uuid] = x;
        ((JsonArray)z["zaakinformatieobjecten"]!).Add((JsonNode)(string)x["url"]!);
        return (201, x.DeepClone());
    }

    private void Bewaar() => _gewijzigd = Bestand is not null;

    private void Schrijf()
    {
        string tekst;
        lock (_slot)
        {
            if (!_gewijzigd || Bestand is null) return;
            tekst = JsonSerializer.Serialize(_staat);
            _gewijzigd = false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(Bestand))!);
        File.WriteAllText(Bestand, tekst);
    }

    public void Dispose()
    {
        _bewaarder?.Dispose();
        Schrijf();
    }

    private string Vandaag() => DateOnly.FromDateTime(_tijd.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Uuid(string url) => url.TrimEnd('/').Split('/')[^1];

    private static JsonObject Pagina(IEnumerable<JsonObject> items)
    {
        var lijst = items.Select(i => (JsonNode)i.DeepClone()).ToList();
        return new JsonObject { ["count"] = lijst.Count, ["next"] = null, ["previous"] = null, ["results"] = new JsonArray([.. lijst]) };
    }

    private static JsonObject? Ontbreekt(JsonObject? b, params string[] velden)
    {
        var weg = velden.Where(v => b is null || b[v] is null || (b[v] is JsonValue w && w.TryGetValue<string>(out var s) && s.Length == 0)).ToList();
        return weg.Count == 0 ? null : Validatie([.. weg.Select(v => (v, "required", "Dit veld is vereist."))]);
    }

    /// <summary>The ZGW ValidatieFout body.</summary>
    private static JsonObject Validatie(params (string Naam, string Code, string Reden)[] fouten) => new()
    {
        ["type"] = "https://github.com/VNG-Realisatie/gemma-zaken/blob/master/docs/standaard/fouten.md#validatiefout",
        ["code"] = "invalid",
        ["title"] = "Invalid input.",
        ["status"] = 400,
        ["detail"] = "",
        ["instance"] = "urn:uuid:" + Guid.NewGuid(),
        ["invalidParams"] = new JsonArray([.. fouten.Select(f => (JsonNode)new JsonObject { ["name"] = f.Naam, ["code"] = f.Code, ["reason"] = f.Reden })]),
    };

    private static JsonObject Fout(int status, string titel, string code) => new()
    {
        ["type"] = "https://github.com/VNG-Realisatie/gemma-zaken/blob/master/docs/standaard/fouten.md",
        ["code"] = code,
        ["title"] = titel,
        ["status"] = status,
        ["detail"] = "",
        ["instance"] = "urn:uuid:" + Guid.NewGuid(),
    };
}
