using Koers.Data;
using Koers.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Inrichting;

public sealed record GemeenteDto(string Code, string Naam, string Regio, int VoortgangsgesprekIntervalMaanden, int HercontactIntervalMaanden, int OntzorgenMaanden);
public sealed record TeamDto(int Id, string Naam, string Regio);
public sealed record MedewerkerDto(int Id, string Naam, string Team, int TeamId);

/// <summary>The configuration a client needs to fill in a case: municipalities, teams, klantregisseurs.</summary>
public static class InrichtingApi
{
    /// <summary>The municipality's own staff: everyone except the inburgeraar and the partner organisation.</summary>
    private static readonly string[] Medewerkersrollen =
        [Rollen.Klantregisseur, Rollen.Teamleider, Rollen.Beleidsmedewerker, Rollen.FunctioneelBeheerder, Rollen.Auditor];

    public static RouteGroupBuilder MapInrichtingApi(this RouteGroupBuilder api)
    {
        api.MapGet("/gemeenten", async (KoersDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Gemeenten.AsNoTracking().OrderBy(g => g.Naam)
                    .Select(g => new GemeenteDto(g.Code, g.Naam, g.Regio!.Naam, g.VoortgangsgesprekIntervalMaanden, g.HercontactIntervalMaanden, g.OntzorgenMaanden))
                    .ToListAsync(ct)))
            .WithTags("Inrichting");
        // Names of staff and their teams are for staff: an inburgeraar or a partner organisation has no need for the
        // whole installation's list (the inventory in docs/toegang.md found these open to every signed-in role).
        api.MapGet("/teams", async (KoersDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Teams.AsNoTracking().OrderBy(t => t.Naam).Select(t => new TeamDto(t.Id, t.Naam, t.Regio!.Naam)).ToListAsync(ct)))
            .WithTags("Inrichting").RequireAuthorization(p => p.RequireRole(Medewerkersrollen));
        api.MapGet("/medewerkers", async (KoersDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Medewerkers.AsNoTracking().OrderBy(m => m.Naam).Select(m => new MedewerkerDto(m.Id, m.Naam, m.Team!.Naam, m.TeamId)).ToListAsync(ct)))
            .WithTags("Inrichting").RequireAuthorization(p => p.RequireRole(Medewerkersrollen));
        return api;
    }
}
