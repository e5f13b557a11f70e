using Koers.Web.Features.Beveiliging;

namespace Koers.Web.Features.Bewaartermijn;

public static class BewaartermijnApi
{
    public static RouteGroupBuilder MapBewaartermijnApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/beheer/bewaartermijn").RequireAuthorization(Beleid.Beheer).WithTags("Beheer");
        g.MapGet("/", async (BewaartermijnService s, CancellationToken ct) => TypedResults.Ok(await s.ProefAsync(ct)))
            .WithSummary("Proefrapport: welke afgesloten dossiers geanonimiseerd worden");
        g.MapPost("/uitvoeren", async (BewaartermijnService s, CancellationToken ct) => TypedResults.Ok(new { geanonimiseerd = await s.UitvoerenAsync(ct) }))
            .WithSummary("Anonimiseert de dossiers uit het proefrapport");
        return api;
    }
}
