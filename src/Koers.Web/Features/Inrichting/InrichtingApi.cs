using Koers.Data;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Inrichting;

public sealed record GemeenteDto(string Code, string Naam, string Regio, int VoortgangsgesprekIntervalMaanden, int HercontactIntervalMaanden, int OntzorgenMaanden);
public sealed record TeamDto(int Id, string Naam, string Regio);
public sealed record MedewerkerDto(int Id, string Naam, string Team, int TeamId);

/// <summary>The configuration a client needs to fill in a case: municipalities, teams, klantregisseurs.</summary>
public static class InrichtingApi
{
    public static RouteGroupBuilder MapInrichtingApi(this RouteGroupBuilder api)
    {
        api.MapGet("/gemeenten", async (KoersDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Gemeenten.AsNoTracking().OrderBy(g => g.Naam)
                    .Select(g => new GemeenteDto(g.Code, g.Naam, g.Regio!.Naam, g.VoortgangsgesprekIntervalMaanden, g.HercontactIntervalMaanden, g.OntzorgenMaanden))
                    .ToListAsync(ct)))
            .WithTags("Inrichting");
        api.MapGet("/teams", async (KoersDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Teams.AsNoTracking().OrderBy(t => t.Naam).Select(t => new TeamDto(t.Id, t.Naam, t.Regio!.Naam)).ToListAsync(ct)))
            .WithTags("Inrichting");
        api.MapGet("/medewerkers", async (KoersDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Medewerkers.AsNoTracking().OrderBy(m => m.Naam).Select(m => new MedewerkerDto(m.Id, m.Naam, m.Team!.Naam, m.TeamId)).ToListAsync(ct)))
            .WithTags("Inrichting");
        return api;
    }
}
