using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Koers.Data;
using Koers.Data.Model.Duo;
using Koers.Data.Versleuteling;
using Koers.Domain.Identity;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Duo;

/// <summary>
/// The Notificatie API the municipality must host for DUO (Notificatie 1.8.0, POST /notificaties). Receiving only
/// checks and stores: a malformed message is refused with 400 problem+json and nothing stored; a good one is stored
/// (once per berichtId) and answered 201, as the spec says. Processing happens afterwards (<see cref="DuoInbox"/>).
/// </summary>
public static partial class DuoNotificatieApi
{
    public const string Pad = "/api/v1/duo/notificaties";
    public const string ApiVersie = "1.8.0";

    [GeneratedRegex("^[0-9A-Z]{1,6}$")]
    private static partial Regex GebeurtenisPatroon();

    [GeneratedRegex(@"^\d{9}$")]
    private static partial Regex BsnPatroon();

    public static void MapDuoNotificatieApi(this IEndpointRouteBuilder app)
    {
        // Not in Koers's own API description: this endpoint is DUO's interface (Notificatie API 1.8.0, copied in Spec/),
        // with DUO's names such as registratieDatumTijd, which the NL API Design Rules would flag as a date field.
        // Mapped on the /api/v1 group; DUO is configured with our base address …/api/v1/duo, as its spec's path is /notificaties.
        app.MapPost("/duo/notificaties", OntvangAsync)
            .AllowAnonymous() // authenticated below by DUO's PKIoverheid certificate (Digikoppeling) or, without it, a bearer token; not by a Koers login
            .ExcludeFromDescription()
            .WithTags("DUO")
            .WithSummary("Notificatie van DUO ontvangen (Notificatie API 1.8.0, opvoerenNotificatie)")
            .WithDescription(Koers.Domain.Duo.DuoGebeurtenissen.Notificeren.ToString())
            .Accepts<DuoNotificatieBericht>("application/json")
            .Produces(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> OntvangAsync(HttpContext http, KoersDbContext db, DuoOpties opties, Klok klok, BsnBescherming bescherming, ILoggerFactory logs, CancellationToken ct)
    {
        http.Response.Headers["API-Version"] = ApiVersie;
        if (opties.Digikoppeling.Aan)
        {
            // Digikoppeling: only DUO's PKIoverheid certificate counts; a bearer token is not enough.
            var certificaat = await Digikoppeling.ClientCertificaatAsync(http, opties.Digikoppeling);
            if (certificaat is null)
            {
                return TypedResults.Problem(statusCode: 401, title: "Niet geauthenticeerd",
                    detail: "Deze koppeling vraagt een PKIoverheid-clientcertificaat (Digikoppeling).");
            }

            var oin = Digikoppeling.Oin(certificaat);
            var fout = Digikoppeling.Fout(certificaat, opties.Digikoppeling.Ca, opties.Digikoppeling.Intrekkingscontrole, client: true)
                       ?? (oin != opties.DuoOin ? $"het OIN in het certificaat ({oin ?? "geen"}) is niet dat van DUO" : null)
                       ?? (http.Request.Headers["bron"] != oin ? "de header 'bron' komt niet overeen met het OIN in het certificaat" : null);
            if (fout is not null)
            {
                // The reason and the certificate's OIN only: nothing personal is in a certificate check.
                logs.CreateLogger(typeof(DuoNotificatieApi)).LogWarning("DUO-notificatie geweigerd: {Reden}", fout);
                return TypedResults.Problem(statusCode: 403, title: "Geen toegang", detail: $"Geweigerd: {fout}.");
            }
        }
        else if (!Geautoriseerd(http.Request, opties))
        {
            return TypedResults.Problem(statusCode: 401, title: "Niet geauthenticeerd",
                detail: "De afzender kan niet geauthentiseerd worden. Stuur het afgesproken token mee.");
        }

        var fouten = new Dictionary<string, string[]>();
        var h = http.Request.Headers;
        if (h["bron"].ToString() is not { Length: 20 } bron) { fouten["bron"] = ["De header 'bron' moet een OIN van 20 tekens zijn."]; bron = string.Empty; }
        if (h["doel"].ToString() is not { Length: 20 }) fouten["doel"] = ["De header 'doel' moet een OIN van 20 tekens zijn."];
        if (!Guid.TryParse(h["berichtId"], out var berichtId)) fouten["berichtId"] = ["De header 'berichtId' moet een UUID zijn."];

        JsonDocument? doc = null;
        try
        {
            doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            fouten["body"] = ["De body is geen geldige JSON."];
        }

        DuoNotificatieBericht? bericht = null;
        using (doc)
        {
            if (doc is not null) bericht = Lees(doc.RootElement, fouten);
        }

        if (fouten.Count > 0 || bericht is null) return Problemen.Validatie(fouten);

        // Store first. The unique index on BerichtId makes a second delivery a no-op with the same answer.
        if (await db.DuoNotificaties.AnyAsync(n => n.BerichtId == berichtId, ct)) return Results.StatusCode(201);
        db.DuoNotificaties.Add(new DuoNotificatie
        {
            BerichtId = berichtId,
            GebeurtenisId = bericht.GebeurtenisId,
            RegistratieDatumTijd = bericht.RegistratieDatumTijd.UtcDateTime,
            // Checked against DUO's schema above (nine digits and the elfproef; a number up to ten digits): parsed at this edge.
            Bsn = bericht.Bsn is { } bsn ? Bsn.Parse(bsn) : null,
            VNummer = bericht.VNummer is { } vnummer ? VNummer.Parse(BsnBescherming.VNummerTekst(vnummer)) : null,
            Persoonssleutel = bescherming.Persoonssleutel(bericht.Bsn, bericht.VNummer),
            Afzender = bron,
            OntvangenOp = klok.NuUtc,
            Status = InboxStatus.Ontvangen,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two deliveries of the same message at the same moment: the other one stored it. Anything else is a real fault.
            if (!await BestaatAsync(db, berichtId, ct)) throw;
        }

        return Results.StatusCode(201);
    }

    private static async Task<bool> BestaatAsync(KoersDbContext db, Guid berichtId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.DuoNotificaties.AnyAsync(n => n.BerichtId == berichtId, ct);
    }

    /// <summary>Checks the body against schema Notificatie: required fields, formats, patterns, ranges.</summary>
    internal static DuoNotificatieBericht? Lees(JsonElement e, Dictionary<string, string[]> fouten)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            fouten["body"] = ["De body moet een JSON-object zijn."];
            return null;
        }

        DateTimeOffset tijd = default;
        if (!e.TryGetProperty("registratieDatumTijd", out var t) || t.ValueKind != JsonValueKind.String)
        {
            fouten["registratieDatumTijd"] = ["registratieDatumTijd is verplicht (datum-tijd)."];
        }
        else if (!DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out tijd) || !t.GetString()!.Contains('T'))
        {
            fouten["registratieDatumTijd"] = ["registratieDatumTijd is geen geldige datum-tijd (RFC 3339)."];
        }

        string? gebeurtenis = null;
        if (!e.TryGetProperty("gebeurtenisId", out var g) || g.ValueKind != JsonValueKind.String)
        {
            fouten["gebeurtenisId"] = ["gebeurtenisId is verplicht."];
        }
        else if (!GebeurtenisPatroon().IsMatch(gebeurtenis = g.GetString()!))
        {
            fouten["gebeurtenisId"] = ["gebeurtenisId bestaat uit 1 tot 6 hoofdletters of cijfers."];
        }

        string? bsn = null;
        if (e.TryGetProperty("bsn", out var b) && b.ValueKind != JsonValueKind.Null)
        {
            if (b.ValueKind != JsonValueKind.String || !BsnPatroon().IsMatch(b.GetString()!) || !Bsn.PassesElfproef(b.GetString()!))
            {
                fouten["bsn"] = ["bsn moet een geldig burgerservicenummer van 9 cijfers zijn."];
            }
            else
            {
                bsn = b.GetString();
            }
        }

        long? vnummer = null;
        if (e.TryGetProperty("vNummer", out var v) && v.ValueKind != JsonValueKind.Null)
        {
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var n) || n is < 0 or > 9999999999)
            {
                fouten["vNummer"] = ["vNummer moet een geheel getal tussen 0 en 9999999999 zijn."];
            }
            else
            {
                vnummer = n;
            }
        }

        if (bsn is null && vnummer is null && !fouten.ContainsKey("bsn") && !fouten.ContainsKey("vNummer"))
        {
            fouten["bsn"] = ["Een notificatie zonder bsn en zonder vNummer kan aan geen persoon worden gekoppeld."];
        }

        return fouten.Count > 0 ? null : new DuoNotificatieBericht(tijd, gebeurtenis!, bsn, vnummer);
    }

    private static bool Geautoriseerd(HttpRequest request, DuoOpties opties)
    {
        if (string.IsNullOrEmpty(opties.NotificatieToken)) return false;
        var kop = request.Headers.Authorization.ToString();
        if (!kop.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var gegeven = Encoding.UTF8.GetBytes(kop[7..].Trim());
        var verwacht = Encoding.UTF8.GetBytes(opties.NotificatieToken);
        return CryptographicOperations.FixedTimeEquals(gegeven, verwacht);
    }
}
