using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Infrastructure;

/// <summary>Problem+json answers (RFC 9457) with Dutch titles, as the NL API design rules ask.</summary>
public static class Problemen
{
    public static ValidationProblem Validatie(Dictionary<string, string[]> fouten) =>
        TypedResults.ValidationProblem(
            fouten.ToDictionary(f => CamelCase(f.Key), f => f.Value),
            title: "De invoer is niet geldig",
            detail: "Er is niets opgeslagen. Herstel de genoemde velden en probeer het opnieuw.",
            type: "https://koers.example/problemen/ongeldige-invoer");

    /// <summary>
    /// An invalid query parameter on a read (GET): same shape as <see cref="Validatie"/>, but without "Er is niets
    /// opgeslagen", which is wrong for a request that stores nothing.
    /// </summary>
    public static ValidationProblem OngeldigeVraag(Dictionary<string, string[]> fouten) =>
        TypedResults.ValidationProblem(
            fouten.ToDictionary(f => CamelCase(f.Key), f => f.Value),
            title: "De vraag is niet geldig",
            detail: "Herstel de genoemde parameters en vraag het opnieuw op.",
            type: "https://koers.example/problemen/ongeldige-invoer");

    public static ProblemHttpResult NietGevonden() =>
        TypedResults.Problem(statusCode: 404, title: "Dossier niet gevonden",
            detail: "Er is geen dossier met deze id, of u mag het niet inzien.");

    /// <summary>
    /// Problem details (RFC 9457) with status, a Dutch title and a detail on every error the framework writes itself
    /// (401, 403, 404, 405, 415, …), as the NL API Design Rules ask; Koers's own problems already carry them and are left as
    /// they are.
    /// </summary>
    public static IServiceCollection AddKoersProblemen(this IServiceCollection services) => services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
    {
        var p = ctx.ProblemDetails;
        p.Status ??= ctx.HttpContext.Response.StatusCode;
        if (p.Detail is null && Standaardtekst(p.Status) is { } t)
        {
            p.Title = t.Titel;
            p.Detail = t.Detail;
        }
    });

    /// <summary>The Dutch title and detail of a problem that has nothing more specific to say, per status code.</summary>
    private static (string Titel, string Detail)? Standaardtekst(int? status) => status switch
    {
        400 => ("Het verzoek is niet leesbaar", "Controleer de parameters en de body (Content-Type application/json)."),
        401 => ("Niet ingelogd", "Log in (POST /api/v1/inloggen) en stuur het bearer token mee."),
        403 => ("Geen toegang", "Uw rol of organisatie geeft geen toegang tot deze operatie."),
        404 => ("Niet gevonden", "Deze operatie of dit gegeven bestaat niet, of u mag het niet inzien."),
        405 => ("Methode niet toegestaan", "Deze operatie bestaat niet met deze HTTP-methode."),
        413 => ("Het verzoek is te groot", "Stuur minder gegevens in één keer."),
        415 => ("Verkeerd soort inhoud", "Deze operatie neemt een ander Content-Type; zie de API-beschrijving (/openapi/v1.json)."),
        429 => ("Te veel verzoeken", "Wacht even en probeer het dan opnieuw."),
        _ => null,
    };

    private static string CamelCase(string veld) =>
        string.Join('.', veld.Split('.').Select(d => d.Length == 0 ? d : char.ToLowerInvariant(d[0]) + d[1..]));

    /// <summary>
    /// Turns unreadable requests (malformed JSON, a wrong type, an unknown field) into a Dutch 400 problem;
    /// everything else into a 500 problem without internals.
    /// </summary>
    public static async Task SchrijfAsync(HttpContext context)
    {
        var fout = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var problemen = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        // Without a title and detail of their own, the 400 and 413 get the standard Dutch ones from AddKoersProblemen.
        var (status, titel, detail) = fout switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (400, "Het verzoek is geen geldige JSON",
                Uitleg(json)),
            BadHttpRequestException bad when bad.StatusCode == 413 => (413, null, null),
            BadHttpRequestException => (400, (string?)null, (string?)null),
            _ => (500, "Er ging iets mis in Koers", "De fout is vastgelegd. Probeer het later opnieuw of neem contact op met functioneel beheer."),
        };
        context.Response.StatusCode = status;
        await problemen.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = titel, Detail = detail },
        });
    }

    private static string Uitleg(JsonException json)
    {
        var pad = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? null : json.Path.TrimStart('$', '.');
        if (json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return pad is null ? "Het verzoek bevat een onbekend veld." : $"Onbekend veld '{pad}': dit veld bestaat niet of mag niet worden gezet.";
        }

        return pad is null
            ? "De body is geen geldige JSON. Er is niets opgeslagen."
            : $"Het veld '{pad}' heeft een ongeldige waarde (datums als JJJJ-MM-DD). Er is niets opgeslagen.";
    }
}
