using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Koers.Web.Features.Duo;

/// <summary>Settings of the DUO exchange (section "Duo").</summary>
public sealed class DuoOpties
{
    /// <summary>DUO's base address including the major version, e.g. https://duo.example/v1. Empty with the simulator: our own.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Maps the in-process DUO simulator under /duo-simulator/v1 (Development, Test, demo).</summary>
    public bool Simulator { get; set; }

    /// <summary>Our OIN (header 'bron'); synthetic by default.</summary>
    public string Oin { get; set; } = "00000001999999999000";

    /// <summary>DUO's OIN (header 'doel'); synthetic by default.</summary>
    public string DuoOin { get; set; } = "00000001888888888000";

    /// <summary>
    /// The bearer token DUO (or the simulator) must present on our Notificatie API. Without one the endpoint refuses
    /// everything; with the simulator a random one is made at start, so it is never left open.
    /// </summary>
    public string? NotificatieToken { get; set; }

    /// <summary>CBS code of the municipality a new inburgeringsplichtige (SS101) is registered in.</summary>
    public string? Gemeente { get; set; }

    /// <summary>Attempts before an event or outgoing message is parked for a person.</summary>
    public int MaxPogingen { get; set; } = 5;

    /// <summary>Runs the background processor and sender (off in tests, which call them directly).</summary>
    public bool Achtergrond { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How many inbox events one instance processes at the same time (different persons; one person's events stay in
    /// order). PostgreSQL only; SQLite processes one at a time. Each worker holds a database connection while it works.
    /// </summary>
    public int Verwerkers { get; set; } = StandaardVerwerkers;

    /// <summary>
    /// Two per core, at least 2 and at most 16: an event waits on PostgreSQL and on DUO for most of its time, so
    /// a few more workers than cores keep the cores busy (bench/README.md, "DUO inbox").
    /// </summary>
    public static int StandaardVerwerkers => Math.Clamp(2 * Environment.ProcessorCount, 2, 16);

    /// <summary>Mutual TLS with PKIoverheid certificates (Digikoppeling REST API profile); off until a CA bundle is named.</summary>
    public DigikoppelingOpties Digikoppeling { get; set; } = new();

    internal void Vul()
    {
        if (Simulator && string.IsNullOrEmpty(NotificatieToken))
        {
            NotificatieToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        }
    }

    /// <summary>Exponential backoff: 30 s, 1, 2, 4, 8 minutes … capped at one hour.</summary>
    public static TimeSpan Wachttijd(int pogingen) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, pogingen - 1))));
}

/// <summary>DUO answered with a functional refusal (403 with fouttekst, or 400/404): not worth retrying.</summary>
public sealed class DuoWeigeringException(int status, IReadOnlyList<string> fouten)
    : Exception($"DUO weigerde het verzoek ({status}): {string.Join(" ", fouten)}")
{
    public int Status { get; } = status;
    public IReadOnlyList<string> Fouten { get; } = fouten;
}

/// <summary>DUO could not be reached or had an internal error (5xx): retried later.</summary>
public sealed class DuoOnbereikbaarException(string melding, Exception? oorzaak = null) : Exception(melding, oorzaak);

/// <summary>
/// Typed client for the DUO APIs Koers uses. Sends the Digikoppeling headers (bron, doel, berichtId) the specs
/// require; 404 means "DUO knows nothing" (null), 4xx with fouttekst a refusal, 5xx or no answer a retryable failure.
/// </summary>
public sealed class DuoClient(HttpClient http, DuoOpties opties, IServiceProvider services)
{
    public Task<DuoInburgeringsplicht?> InburgeringsplichtAsync(string bsn, CancellationToken ct = default) =>
        HaalAsync<DuoInburgeringsplicht>($"personen/{bsn}/inburgeringsplicht", ct);

    public Task<DuoDoelgroep?> DoelgroepAsync(string bsn, CancellationToken ct = default) =>
        HaalAsync<DuoDoelgroep>($"personen/{bsn}/doelgroep", ct);

    public async Task<IReadOnlyList<DuoLbtResultaat>> LbtResultatenAsync(string bsn, CancellationToken ct = default) =>
        await HaalAsync<List<DuoLbtResultaat>>($"personen/{bsn}/lbt/resultaten", ct) ?? [];

    public Task<DuoInburgeringstermijn?> InburgeringstermijnAsync(string bsn, CancellationToken ct = default) =>
        HaalAsync<DuoInburgeringstermijn>($"personen/{bsn}/inburgeringstermijn", ct);

    public async Task<IReadOnlyList<DuoExamenresultaat>> ExamenresultatenAsync(string bsn, CancellationToken ct = default) =>
        await HaalAsync<List<DuoExamenresultaat>>($"personen/{bsn}/examens/resultaten", ct) ?? [];

    public Task<DuoGemeentePip?> PipAsync(string bsn, CancellationToken ct = default) =>
        HaalAsync<DuoGemeentePip>($"personen/{bsn}/PIP", ct);

    public async Task<IReadOnlyList<DuoVrijstelling>> VrijstellingenAsync(string bsn, CancellationToken ct = default) =>
        await HaalAsync<List<DuoVrijstelling>>($"personen/{bsn}/vrijstellingen", ct) ?? [];

    public async Task<IReadOnlyList<DuoOntheffing>> OntheffingenAsync(string bsn, CancellationToken ct = default) =>
        await HaalAsync<List<DuoOntheffing>>($"personen/{bsn}/ontheffingen", ct) ?? [];

    public Task<DuoDatumMap?> MapAsync(string bsn, CancellationToken ct = default) => HaalAsync<DuoDatumMap>($"personen/{bsn}/map", ct);

    public Task<DuoDatumPvt?> PvtAsync(string bsn, CancellationToken ct = default) => HaalAsync<DuoDatumPvt>($"personen/{bsn}/pvt", ct);

    public async Task<IReadOnlyList<DuoGevolgdeUren>> GevolgdeUrenAsync(string bsn, CancellationToken ct = default) =>
        await HaalAsync<List<DuoGevolgdeUren>>($"personen/{bsn}/uren", ct) ?? [];

    public async Task<IReadOnlyList<DuoInburgeringsplichthistorie>> InburgeringsplichtHistorieAsync(string bsn, CancellationToken ct = default) =>
        await HaalAsync<List<DuoInburgeringsplichthistorie>>($"personen/{bsn}/inburgeringsplicht/historie", ct) ?? [];

    public async Task<IReadOnlyList<DuoDoelgroephistorie>> DoelgroepHistorieAsync(string bsn, CancellationToken ct = default) =>
        await HaalAsync<List<DuoDoelgroephistorie>>($"personen/{bsn}/doelgroep/historie", ct) ?? [];

    public async Task<IReadOnlyList<DuoInburgeringstermijnhistorie>> InburgeringstermijnHistorieAsync(string bsn, CancellationToken ct = default) =>
        await HaalAsync<List<DuoInburgeringstermijnhistorie>>($"personen/{bsn}/inburgeringstermijn/historie", ct) ?? [];

    /// <summary>DUO's list of grounds for extending a termijn (not about a person).</summary>
    public async Task<IReadOnlyList<DuoVerlengingsgrond>> VerlengingsgrondenAsync(CancellationToken ct = default) =>
        await HaalAsync<List<DuoVerlengingsgrond>>("verlengingsgronden", ct) ?? [];

    public async Task<IReadOnlyList<DuoGratisPogingTegoed>> GratisPogingenAsync(string bsn, CancellationToken ct = default) =>
        await HaalAsync<List<DuoGratisPogingTegoed>>($"personen/{bsn}/examens/gratispogingen", ct) ?? [];

    /// <summary>The exam number to plan the leerbaarheidstoets with; DUO gives one per person (null: DUO knows none).</summary>
    public Task<DuoExamennummer?> LbtExamennummerAsync(string bsn, CancellationToken ct = default) =>
        HaalAsync<DuoExamennummer>($"personen/{bsn}/lbt/examennummer", ct);

    /// <summary>DUO's list of course providers with the Blik op Werk or TST keurmerk (Inburgeringsaanbod API, GET /instellingen).</summary>
    public async Task<IReadOnlyList<DuoInstelling>> InstellingenAsync(CancellationToken ct = default) =>
        await HaalAsync<List<DuoInstelling>>("instellingen", ct) ?? [];

    /// <summary>Registers a contact person of the municipality (POST /contactpersonen); returns DUO's id.</summary>
    public async Task<int> ContactpersoonAanmeldenAsync(DuoContactpersoongegevens gegevens, CancellationToken ct = default)
    {
        using var verzoek = Verzoek(HttpMethod.Post, "contactpersonen");
        verzoek.Content = JsonContent.Create(gegevens, options: DuoJson.Opties);
        using var antwoord = await StuurAsync(verzoek, ct);
        if (!antwoord.IsSuccessStatusCode) throw await FoutAsync(antwoord, ct);
        var contactpersoon = await antwoord.Content.ReadFromJsonAsync<DuoContactpersoon>(DuoJson.Opties, ct);
        return contactpersoon?.Id ?? throw new DuoOnbereikbaarException("DUO gaf geen id voor de contactpersoon terug.");
    }

    /// <summary>Changes a contact person's details (PUT /contactpersonen/{id}).</summary>
    public async Task ContactpersoonWijzigenAsync(int id, DuoContactpersoongegevens gegevens, CancellationToken ct = default) =>
        await VerstuurAsync("PUT", $"contactpersonen/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", JsonSerializer.Serialize(gegevens, DuoJson.Opties), ct);

    /// <summary>Removes a contact person (DELETE /contactpersonen/{id}); DUO removes their links to persons as well.</summary>
    public async Task ContactpersoonAfmeldenAsync(int id, CancellationToken ct = default) =>
        await VerstuurAsync("DELETE", $"contactpersonen/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", string.Empty, ct);

    /// <summary>Sends a prepared message (outbox). Returns the status code; throws on refusal or failure.</summary>
    public async Task<int> VerstuurAsync(string methode, string pad, string json, CancellationToken ct = default)
    {
        using var verzoek = Verzoek(new HttpMethod(methode), pad);
        // DELETE PIP has no request body in DUO's spec: send none rather than an empty JSON document.
        if (!string.IsNullOrEmpty(json)) verzoek.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var antwoord = await StuurAsync(verzoek, ct);
        if (antwoord.IsSuccessStatusCode) return (int)antwoord.StatusCode;
        throw await FoutAsync(antwoord, ct);
    }

    private async Task<T?> HaalAsync<T>(string pad, CancellationToken ct) where T : class
    {
        using var verzoek = Verzoek(HttpMethod.Get, pad);
        using var antwoord = await StuurAsync(verzoek, ct);
        if (antwoord.StatusCode == HttpStatusCode.NotFound) return null;
        if (!antwoord.IsSuccessStatusCode) throw await FoutAsync(antwoord, ct);
        return await antwoord.Content.ReadFromJsonAsync<T>(DuoJson.Opties, ct);
    }

    private HttpRequestMessage Verzoek(HttpMethod methode, string pad)
    {
        var verzoek = new HttpRequestMessage(methode, new Uri(Basis(), pad));
        verzoek.Headers.Add("bron", opties.Oin);
        verzoek.Headers.Add("doel", opties.DuoOin);
        verzoek.Headers.Add("berichtId", Guid.NewGuid().ToString());
        return verzoek;
    }

    private async Task<HttpResponseMessage> StuurAsync(HttpRequestMessage verzoek, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(verzoek, ct);
        }
        catch (HttpRequestException e)
        {
            throw new DuoOnbereikbaarException("DUO is niet bereikbaar.", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new DuoOnbereikbaarException("DUO antwoordde niet op tijd.", e);
        }
    }

    private static async Task<Exception> FoutAsync(HttpResponseMessage antwoord, CancellationToken ct)
    {
        var status = (int)antwoord.StatusCode;
        if (status >= 500 || status == 429 || status == 401) return new DuoOnbereikbaarException($"DUO antwoordde met status {status}.");
        // Not DUO's judgement of the message but a wrong address (redirects are not followed, DuoRegistratie): tried again later.
        if (status is >= 300 and < 400)
        {
            return new DuoOnbereikbaarException($"DUO antwoordde met een doorverwijzing (status {status}); Koers volgt die niet. Controleer Duo:BaseUrl.");
        }

        var tekst = await antwoord.Content.ReadAsStringAsync(ct);
        var fouten = new List<string>();
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(tekst);
            // PIP 1.2.0 answers an array of Foutmelding on 403; other APIs one object.
            var elementen = doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array
                ? doc.RootElement.EnumerateArray().ToList()
                : [doc.RootElement];
            foreach (var e in elementen)
            {
                if (e.ValueKind == System.Text.Json.JsonValueKind.Object && e.TryGetProperty("fouttekst", out var f) && f.GetString() is { } s) fouten.Add(s);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // No readable body: the status alone says it.
        }

        if (fouten.Count == 0) fouten.Add($"DUO weigerde het verzoek (status {status}).");
        return new DuoWeigeringException(status, fouten);
    }

    private Uri Basis()
    {
        var basis = opties.BaseUrl;
        if (string.IsNullOrWhiteSpace(basis) && opties.Simulator)
        {
            // The demo talks to its own simulator: take the address this app listens on.
            var adres = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                        ?? "http://localhost";
            basis = adres.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                    .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal)
                    .TrimEnd('/') + DuoSimulator.Pad;
        }

        if (string.IsNullOrWhiteSpace(basis)) throw new DuoOnbereikbaarException("Duo:BaseUrl is niet ingesteld.");
        return new Uri(basis.TrimEnd('/') + "/");
    }

    internal Uri EigenAdres(string pad)
    {
        var adres = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        adres = adres.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return new Uri(adres.TrimEnd('/') + pad);
    }
}
