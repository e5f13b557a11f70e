using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;

namespace Koers.Web.Features.Coa;

public static class CoaApi
{
    public static void MapCoaApi(this RouteGroupBuilder api)
    {
        api.MapPost("/coa/import", async (IFormFile? bestand, CoaImport import, CancellationToken ct) =>
            {
                if (bestand is null) return Problemen.Validatie(new() { ["bestand"] = ["Kies een CSV- of JSON-bestand van het COA."] });
                if (bestand.Length > CoaImport.MaxBytes) return Problemen.Validatie(new() { ["bestand"] = [$"Het bestand is groter dan {CoaImport.MaxBytes / 1024 / 1024} MB."] });
                await using var stroom = bestand.OpenReadStream();
                var rapport = await import.ImporteerAsync(stroom, ct);
                return rapport.BestandFout is { } fout
                    ? Problemen.Validatie(new() { ["bestand"] = [fout] })
                    : Results.Ok(rapport);
            })
            .RequireAuthorization(Beleid.Dossierwerk)
            // Multipart upload by API clients (bearer token); the browser form is the Razor page, which has its own token.
            // A request signed in by the session cookie is checked by ApiCsrf (Origin + X-CSRF-TOKEN) before it gets here.
            .DisableAntiforgery()
            .WithTags("COA")
            .WithSummary("COA-koppelingen en warme overdracht importeren (CSV of JSON), met een rapport per rij");
    }
}
