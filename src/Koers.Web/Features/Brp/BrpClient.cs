using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Koers.Web.Features.Brp;

/// <summary>Settings of the BRP link (section "Brp"): Haal Centraal BRP Personen Bevragen, POST /personen.</summary>
public sealed class BrpOpties
{
    /// <summary>
    /// The API's base address without /personen, e.g. https://proefomgeving.haalcentraal.nl/haalcentraal/api/brp.
    /// Empty with the stand-in: Koers's own /brp-simulator.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Maps the in-process stand-in under <see cref="BrpSimulator.Pad"/> (Development, Test, demo).</summary>
    public bool Simulator { get; set; }

    /// <summary>The API key the BRP API (or the gateway in front of it) expects; never logged.</summary>
    public string? ApiKey { get; set; }

    public string ApiKeyHeader { get; set; } = "X-API-KEY";

    /// <summary>
    /// The published spec defines no header for the purpose of a request. Koers states it anyway, in this header (the
    /// municipality's gateway or protocollering can read it) and in its own audit trail.
    /// </summary>
    public string DoelbindingHeader { get; set; } = "X-Doelbinding";

    /// <summary>The purpose sent with a lookup at registration or koppeling. ASCII only: it travels in a header.</summary>
    public string DoelRegistratie { get; set; } = "Wet inburgering 2021 art. 6 en 34: registratie en koppeling inburgeringsplichtige";

    /// <summary>The purpose sent with the periodic check of open cases.</summary>
    public string DoelControle { get; set; } = "Wet inburgering 2021 art. 34: controle lopende dossiers op verhuizing en overlijden";

    /// <summary>Runs the daily check in the background (off in tests, which start it themselves).</summary>
    public bool Achtergrond { get; set; } = true;

    /// <summary>The Dutch hour from which the daily check is due.</summary>
    public int ControleUur { get; set; } = 3;

    /// <summary>How often an instance looks whether the daily check is due.</summary>
    public int ControleMinuten { get; set; } = 15;

    public string Doel(BrpDoel doel) => doel == BrpDoel.Controle ? DoelControle : DoelRegistratie;

    /// <summary>Whether there is a BRP to ask: an address, or the in-process stand-in.</summary>
    public bool Ingesteld => !string.IsNullOrWhiteSpace(BaseUrl) || Simulator;
}

public enum BrpDoel
{
    /// <summary>Name, address, date of inschrijving and household at registration or koppeling, confirmed by the klantregisseur.</summary>
    Registratie,

    /// <summary>The periodic check of open cases for a move out of the municipality or a death.</summary>
    Controle,
}

/// <summary>The BRP could not be reached or answered with an error on its side: nothing to conclude about the person.</summary>
public sealed class BrpOnbereikbaarException(string melding, Exception? oorzaak = null) : Exception(melding, oorzaak);

/// <summary>The BRP refused the question (400, 403): a configuration fault, not a missing person.</summary>
public sealed class BrpWeigeringException(int status, string melding) : Exception(melding)
{
    public int Status { get; } = status;
}

/// <summary>The request body of POST /personen, schema RaadpleegMetBurgerservicenummer. The BSN travels only here.</summary>
public sealed record BrpRaadpleegVraag(string Type, IReadOnlyList<string> Fields, IReadOnlyList<string> Burgerservicenummer);

public sealed record BrpGezinslid(string Naam, DateOnly? Geboortedatum, string Relatie);

/// <summary>What Koers reads from one person in the BRP answer.</summary>
public sealed record BrpPersoon(
    string Bsn,
    string? Voornamen,
    string? Achternaam,
    DateOnly? Geboortedatum,
    string? Adres,
    string? Gemeentecode,
    string? Gemeentenaam,
    DateOnly? DatumInschrijvingInGemeente,
    bool Overleden,
    DateOnly? Overlijdensdatum,
    IReadOnlyList<BrpGezinslid> Gezinsleden)
{
    /// <summary>Koers's CBS code (GM + four digits) of the municipality of registration.</summary>
    public string? GemeenteCbs => Gemeentecode is { Length: 4 } c ? "GM" + c : null;
}

/// <summary>
/// Typed client for Haal Centraal BRP Personen Bevragen (the published 2.x spec, copied in Spec/): one POST /personen
/// with type RaadpleegMetBurgerservicenummer. The BSN is only in the body, never in the address, a header or a log line;
/// every call carries the purpose in <see cref="BrpOpties.DoelbindingHeader"/>.
/// </summary>
public sealed class BrpClient(HttpClient http, BrpOpties opties, IServiceProvider services)
{
    public const string Type = "RaadpleegMetBurgerservicenummer";

    /// <summary>
    /// Only what Koers uses (dataminimalisatie, and the spec asks for it): name, birth, address, municipality and date of
    /// inschrijving, death, partners and children for the household. Raadplegen met BSN also answers deceased persons.
    /// </summary>
    public static readonly IReadOnlyList<string> Velden =
    [
        "burgerservicenummer", "naam", "geboorte", "verblijfplaats", "adressering", "gemeenteVanInschrijving",
        "datumInschrijvingInGemeente", "overlijden", "partners", "kinderen",
    ];

    /// <summary>The spec allows at most 20 BSNs in one question.</summary>
    public const int MaxPerVraag = 20;

    public static BrpRaadpleegVraag Vraag(IReadOnlyList<string> bsns) => new(Type, Velden, bsns);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<BrpPersoon>> RaadpleegAsync(IReadOnlyList<string> bsns, BrpDoel doel, CancellationToken ct = default)
    {
        if (bsns.Count is 0 or > MaxPerVraag) throw new ArgumentOutOfRangeException(nameof(bsns), "Tussen 1 en 20 BSN's per vraag.");
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, new Uri(Basis(), "personen"))
        {
            Content = JsonContent.Create(Vraag(bsns), options: Json),
        };
        verzoek.Headers.TryAddWithoutValidation(opties.DoelbindingHeader, opties.Doel(doel));
        if (!string.IsNullOrEmpty(opties.ApiKey)) verzoek.Headers.TryAddWithoutValidation(opties.ApiKeyHeader, opties.ApiKey);
        HttpResponseMessage antwoord;
        try
        {
            antwoord = await http.SendAsync(verzoek, ct);
        }
        catch (HttpRequestException e)
        {
            throw new BrpOnbereikbaarException("De BRP is nu niet bereikbaar.", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new BrpOnbereikbaarException("De BRP antwoordde niet op tijd.", e);
        }

        using (antwoord)
        {
            var status = (int)antwoord.StatusCode;
            if (status >= 500 || antwoord.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized)
            {
                throw new BrpOnbereikbaarException($"De BRP antwoordde met status {status}.");
            }

            if (!antwoord.IsSuccessStatusCode)
            {
                // Problem details (Foutbericht) carry no personal data; their title says what was wrong with the question.
                var titel = await TitelAsync(antwoord, ct);
                throw new BrpWeigeringException(status, $"De BRP weigerde de vraag (status {status}{(titel is null ? "" : ": " + titel)}).");
            }

            using var doc = await JsonDocument.ParseAsync(await antwoord.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            return Lees(doc.RootElement);
        }
    }

    private static async Task<string?> TitelAsync(HttpResponseMessage antwoord, CancellationToken ct)
    {
        try
        {
            using var doc = JsonDocument.Parse(await antwoord.Content.ReadAsStringAsync(ct));
            return doc.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads a RaadpleegMetBurgerservicenummerResponse.</summary>
    public static IReadOnlyList<BrpPersoon> Lees(JsonElement antwoord)
    {
        if (!antwoord.TryGetProperty("personen", out var personen) || personen.ValueKind != JsonValueKind.Array) return [];
        var lijst = new List<BrpPersoon>();
        foreach (var p in personen.EnumerateArray())
        {
            var bsn = Tekst(p, "burgerservicenummer");
            if (bsn is null) continue;
            var naam = p.TryGetProperty("naam", out var n) ? n : default;
            var gemeente = p.TryGetProperty("gemeenteVanInschrijving", out var g) ? g : default;
            var overlijden = p.TryGetProperty("overlijden", out var o) && o.ValueKind == JsonValueKind.Object;
            var gezin = new List<BrpGezinslid>();
            foreach (var (veld, relatie) in new[] { ("partners", "partner"), ("kinderen", "kind") })
            {
                if (!p.TryGetProperty(veld, out var leden) || leden.ValueKind != JsonValueKind.Array) continue;
                foreach (var lid in leden.EnumerateArray())
                {
                    var lidNaam = lid.TryGetProperty("naam", out var ln) ? ln : default;
                    var volledig = string.Join(' ', new[] { Tekst(lidNaam, "voornamen"), Achternaam(lidNaam) }.Where(s => !string.IsNullOrWhiteSpace(s)));
                    gezin.Add(new BrpGezinslid(volledig.Length == 0 ? "(naam onbekend)" : volledig, Datum(lid, "geboorte", "datum"), relatie));
                }
            }

            lijst.Add(new BrpPersoon(
                bsn,
                Tekst(naam, "voornamen"),
                Achternaam(naam),
                Datum(p, "geboorte", "datum"),
                Adres(p),
                Tekst(gemeente, "code"),
                Tekst(gemeente, "omschrijving"),
                Datum(p, "datumInschrijvingInGemeente"),
                overlijden,
                overlijden ? Datum(p, "overlijden", "datum") : null,
                gezin));
        }

        return lijst;
    }

    /// <summary>Koers keeps the surname with its prefixes ("van der Berg"), as the case form asks.</summary>
    private static string? Achternaam(JsonElement naam)
    {
        var delen = new[] { Tekst(naam, "voorvoegsel"), Tekst(naam, "geslachtsnaam") }.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        return delen.Count == 0 ? null : string.Join(' ', delen);
    }

    private static string? Adres(JsonElement p)
    {
        if (p.TryGetProperty("adressering", out var a) && Tekst(a, "adresregel1") is { } r1)
        {
            return Tekst(a, "adresregel2") is { } r2 ? $"{r1}, {r2}" : r1;
        }

        if (!p.TryGetProperty("verblijfplaats", out var v) || !v.TryGetProperty("verblijfadres", out var adres)) return null;
        var straat = Tekst(adres, "officieleStraatnaam") ?? Tekst(adres, "korteStraatnaam");
        var nummer = adres.TryGetProperty("huisnummer", out var h) && h.TryGetInt32(out var hn) ? hn.ToString(CultureInfo.InvariantCulture) : null;
        var regel1 = string.Join(' ', new[] { straat, nummer + Tekst(adres, "huisletter") + (Tekst(adres, "huisnummertoevoeging") is { } t ? "-" + t : null) }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        var regel2 = string.Join(' ', new[] { Tekst(adres, "postcode"), Tekst(adres, "woonplaats") }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var regels = new[] { regel1, regel2 }.Where(s => s.Length > 0).ToList();
        return regels.Count == 0 ? null : string.Join(", ", regels);
    }

    private static string? Tekst(JsonElement e, string veld) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(veld, out var w) && w.ValueKind == JsonValueKind.String && w.GetString() is { Length: > 0 } s ? s : null;

    /// <summary>A full date (type "Datum"); a partly unknown BRP date (JaarDatum, DatumOnbekend …) gives null, not a guess.</summary>
    private static DateOnly? Datum(JsonElement e, params string[] pad)
    {
        foreach (var veld in pad)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(veld, out e)) return null;
        }

        return Tekst(e, "type") == "Datum" && Tekst(e, "datum") is { } d
            && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum) ? datum : null;
    }

    private Uri Basis()
    {
        var basis = opties.BaseUrl;
        if (string.IsNullOrWhiteSpace(basis) && opties.Simulator)
        {
            // The demo talks to its own stand-in: take the address this app listens on.
            var adres = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
            basis = adres.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                    .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal)
                    .TrimEnd('/') + BrpSimulator.Pad;
        }

        if (string.IsNullOrWhiteSpace(basis)) throw new BrpOnbereikbaarException("De koppeling met de BRP is niet ingesteld (Brp:BaseUrl).");
        return new Uri(basis.TrimEnd('/') + "/");
    }
}
