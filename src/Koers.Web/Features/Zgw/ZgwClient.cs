using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Koers.Web.Features.Zgw;

// Request bodies as the published schemas name them (Spec/*.openapi.yaml); only what Koers fills. The contract tests
// validate each serialised body against the schema of the operation it is sent to.

/// <summary>Zaken API 1.5.1, POST /zaken, schema Zaak.</summary>
public sealed record ZgwZaakVraag(string Identificatie, string Bronorganisatie, string Omschrijving, string Zaaktype, string VerantwoordelijkeOrganisatie,
    string Startdatum, string Registratiedatum, string Vertrouwelijkheidaanduiding, string Toelichting);

/// <summary>Zaken API 1.5.1, schema RolNatuurlijkPersoon: who the zaak is about. The BSN travels only in this body, never in an address.</summary>
public sealed record ZgwNatuurlijkPersoon(string? InpBsn, string Geslachtsnaam, string Voornamen, string Geboortedatum);

/// <summary>Zaken API 1.5.1, POST /rollen, schema Rol with betrokkeneType natuurlijk_persoon.</summary>
public sealed record ZgwRolVraag(string Zaak, string BetrokkeneType, string Roltype, string Roltoelichting, ZgwNatuurlijkPersoon BetrokkeneIdentificatie);

/// <summary>Zaken API 1.5.1, POST /statussen, schema Status.</summary>
public sealed record ZgwStatusVraag(string Zaak, string Statustype, string DatumStatusGezet, string Statustoelichting);

/// <summary>Zaken API 1.5.1, POST /resultaten, schema Resultaat.</summary>
public sealed record ZgwResultaatVraag(string Zaak, string Resultaattype, string Toelichting);

/// <summary>Zaken API 1.5.1, PATCH /zaken/{uuid}, schema PatchedZaak: the archive metadata from the resultaattype.</summary>
public sealed record ZgwArchiefVraag(string Archiefnominatie, string? Archiefactiedatum);

/// <summary>Documenten API 1.5.0, schema IntegriteitRequest.</summary>
public sealed record ZgwIntegriteit(string Algoritme, string Waarde, string Datum);

/// <summary>Documenten API 1.5.0, POST /enkelvoudiginformatieobjecten, schema EnkelvoudigInformatieObjectCreateLockRequest.</summary>
public sealed record ZgwDocumentVraag(string Identificatie, string Bronorganisatie, string Creatiedatum, string Titel, string Vertrouwelijkheidaanduiding,
    string Auteur, string Status, string Formaat, string Taal, string Bestandsnaam, string Inhoud, long Bestandsomvang, bool IndicatieGebruiksrecht,
    string Informatieobjecttype, ZgwIntegriteit Integriteit, string Beschrijving);

/// <summary>Zaken API 1.5.1, POST /zaakinformatieobjecten, schema ZaakInformatieObject.</summary>
public sealed record ZgwZaakInformatieObjectVraag(string Zaak, string Informatieobject, string Titel);

/// <summary>The zaaksysteem could not be reached or failed on its side (5xx, timeout): retried later.</summary>
public sealed class ZgwOnbereikbaarException(string melding, Exception? oorzaak = null) : Exception(melding, oorzaak);

/// <summary>The zaaksysteem refused the request (4xx) or the catalogus lacks a type: a person must act, so it is not retried by itself.</summary>
public sealed class ZgwWeigeringException(string melding) : Exception(melding);

public enum ZgwApi
{
    Zaken,
    Documenten,
    Catalogi,
}

/// <summary>
/// Talks to the ZGW APIs as the standard asks: a JWT (HS256, shared secret) with iss/client_id, user_id and
/// user_representation on every call; Accept-Crs and Content-Crs (EPSG:4326) on /zaken; JSON with the schemas' camelCase
/// names. Errors become <see cref="ZgwWeigeringException"/> (4xx: with the title and the invalidParams reasons of the
/// Fout/ValidatieFout body, which name fields, not values) or <see cref="ZgwOnbereikbaarException"/> (5xx, network).
/// </summary>
public sealed class ZgwClient(HttpClient http, ZgwOpties opties, IServiceProvider services, TimeProvider tijd)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public const string Crs = "EPSG:4326";

    public Uri Basis(ZgwApi api)
    {
        var basis = api switch { ZgwApi.Zaken => opties.ZakenUrl, ZgwApi.Documenten => opties.DocumentenUrl, _ => opties.CatalogiUrl };
        if (string.IsNullOrWhiteSpace(basis) && opties.Simulator) basis = SimulatorBasis(services) + ZgwSimulator.ApiPad(api);
        if (string.IsNullOrWhiteSpace(basis)) throw new ZgwWeigeringException($"De koppeling met het zaaksysteem is niet ingesteld (Zgw:{api}Url).");
        return new Uri(basis.TrimEnd('/') + "/");
    }

    /// <summary>The address this app listens on, for the demo's own stand-in.</summary>
    public static string SimulatorBasis(IServiceProvider services)
    {
        var adres = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        return adres.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }

    public Uri Adres(ZgwApi api, string pad) => new(Basis(api), pad.TrimStart('/'));

    /// <summary>The municipality's zaaktype URL; with the stand-in and none set, its demo zaaktype "Inburgering".</summary>
    public string Zaaktype(ZgwGemeenteOpties g)
    {
        if (!string.IsNullOrWhiteSpace(g.Zaaktype)) return g.Zaaktype;
        if (opties.Simulator) return Adres(ZgwApi.Catalogi, "zaaktypen/" + ZgwSimulator.DemoZaaktype).ToString();
        throw new ZgwWeigeringException("Voor deze gemeente is geen zaaktype ingesteld (Zgw:Gemeenten:…:Zaaktype).");
    }

    public Task<JsonElement> GetAsync(Uri url, CancellationToken ct) => StuurAsync(HttpMethod.Get, url, null, ct);

    public Task<JsonElement> PostAsync(Uri url, object body, CancellationToken ct) => StuurAsync(HttpMethod.Post, url, body, ct);

    public Task<JsonElement> PatchAsync(Uri url, object body, CancellationToken ct) => StuurAsync(HttpMethod.Patch, url, body, ct);

    /// <summary>The results of a list call: a paginated body ('results', following 'next') or a bare array (zaakinformatieobjecten).</summary>
    public async Task<IReadOnlyList<JsonElement>> LijstAsync(Uri url, CancellationToken ct)
    {
        var alle = new List<JsonElement>();
        Uri? volgende = url;
        for (var pagina = 0; volgende is not null && pagina < 20; pagina++)
        {
            var body = await GetAsync(volgende, ct);
            if (body.ValueKind == JsonValueKind.Array)
            {
                alle.AddRange(body.EnumerateArray());
                break;
            }

            if (body.TryGetProperty("results", out var r) && r.ValueKind == JsonValueKind.Array) alle.AddRange(r.EnumerateArray());
            volgende = body.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String && Uri.TryCreate(n.GetString(), UriKind.Absolute, out var u) ? u : null;
        }

        return alle;
    }

    private async Task<JsonElement> StuurAsync(HttpMethod methode, Uri url, object? body, CancellationToken ct)
    {
        using var verzoek = new HttpRequestMessage(methode, url);
        if (body is not null) verzoek.Content = JsonContent.Create(body, body.GetType(), options: Json);
        verzoek.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token());
        verzoek.Headers.Accept.ParseAdd("application/json");
        if (IsZaakresource(url))
        {
            // Required on every /zaken operation (the zaakgeometrie's coordinate system), even without a geometry.
            verzoek.Headers.TryAddWithoutValidation("Accept-Crs", Crs);
            if (body is not null || methode == HttpMethod.Get) verzoek.Headers.TryAddWithoutValidation("Content-Crs", Crs);
        }

        HttpResponseMessage antwoord;
        try
        {
            antwoord = await http.SendAsync(verzoek, ct);
        }
        catch (HttpRequestException e)
        {
            throw new ZgwOnbereikbaarException($"Het zaaksysteem is niet bereikbaar ({e.Message}).", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new ZgwOnbereikbaarException("Het zaaksysteem antwoordde niet op tijd.", e);
        }

        using (antwoord)
        {
            var tekst = await antwoord.Content.ReadAsStringAsync(ct);
            var status = (int)antwoord.StatusCode;
            if (status >= 500 || antwoord.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw new ZgwOnbereikbaarException($"Het zaaksysteem antwoordde met status {status} op {methode} {Pad(url)}.");
            }

            if (!antwoord.IsSuccessStatusCode) throw new ZgwWeigeringException($"Het zaaksysteem weigerde {methode} {Pad(url)} (status {status}){Reden(tekst)}.");
            if (string.IsNullOrWhiteSpace(tekst)) return default;
            using var doc = JsonDocument.Parse(tekst);
            return doc.RootElement.Clone();
        }
    }

    /// <summary>The /zaken resource of the Zaken API (not statussen, rollen …), which alone asks for the Crs headers.</summary>
    private bool IsZaakresource(Uri url) =>
        url.AbsolutePath.StartsWith(Basis(ZgwApi.Zaken).AbsolutePath + "zaken", StringComparison.Ordinal);

    /// <summary>Path only: the query may hold an identificatie, and the host is in the settings anyway.</summary>
    private static string Pad(Uri url) => url.AbsolutePath;

    /// <summary>The title and the invalidParams of a Fout/ValidatieFout body: field names and reasons, no values.</summary>
    public static string Reden(string tekst)
    {
        try
        {
            using var doc = JsonDocument.Parse(tekst);
            var r = doc.RootElement;
            if (r.ValueKind != JsonValueKind.Object) return string.Empty;
            var delen = new List<string>();
            if (r.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String) delen.Add(t.GetString()!);
            if (r.TryGetProperty("invalidParams", out var ip) && ip.ValueKind == JsonValueKind.Array)
            {
                foreach (var p in ip.EnumerateArray())
                {
                    var naam = p.TryGetProperty("name", out var n) ? n.GetString() : null;
                    var reden = p.TryGetProperty("reason", out var re) ? re.GetString() : null;
                    delen.Add($"{naam}: {reden}");
                }
            }

            return delen.Count == 0 ? string.Empty : ": " + string.Join("; ", delen);
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    /// <summary>
    /// The ZGW JWT: HS256 over the shared secret, with the claims the standard names (iss and client_id the same,
    /// iat, user_id, user_representation). Short-lived; a new one per call costs microseconds.
    /// </summary>
    public string Token()
    {
        if (string.IsNullOrEmpty(opties.Secret)) throw new ZgwWeigeringException("Het geheim voor het zaaksysteem ontbreekt (Zgw:Secret).");
        var nu = tijd.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = opties.ClientId,
            IssuedAt = nu,
            NotBefore = nu.AddMinutes(-1),
            Expires = nu.AddMinutes(5),
            Claims = new Dictionary<string, object>
            {
                ["client_id"] = opties.ClientId,
                ["user_id"] = opties.Gebruiker,
                ["user_representation"] = opties.Gebruiker,
            },
            SigningCredentials = new SigningCredentials(Sleutel(opties.Secret), SecurityAlgorithms.HmacSha256),
        });
    }

    public static SymmetricSecurityKey Sleutel(string geheim) => new(Encoding.UTF8.GetBytes(geheim));

    /// <summary>The claims of a token (for the stand-in's check and the tests), or null when its signature or lifetime does not hold.</summary>
    public static async Task<ClaimsIdentity?> ControleerAsync(string token, string geheim, TimeProvider tijd)
    {
        var uitkomst = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateAudience = false,
            ValidateIssuer = false,
            IssuerSigningKey = Sleutel(geheim),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            LifetimeValidator = (nb, exp, _, _) => tijd.GetUtcNow().UtcDateTime is var nu && (nb is null || nb <= nu) && (exp is null || nu < exp),
        });
        return uitkomst.IsValid ? uitkomst.ClaimsIdentity : null;
    }
}
