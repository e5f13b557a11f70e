using Koers.Domain.Clock;
using Koers.Data.Model;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Werkvoorraad;

public static class WerkvoorraadApi
{
    public static RouteGroupBuilder MapWerkvoorraadApi(this RouteGroupBuilder api)
    {
        api.MapGet("/werkvoorraad", async (WerkvoorraadQuery query, Klok klok, int? klantregisseurId, int? teamId, string? gemeente,
                string? termijn, string? signaal, string? sortering, bool? aflopend, int? pagina, int? paginaGrootte, CancellationToken ct) =>
            {
                var fouten = new Dictionary<string, string[]>();
                var geldig = Keuze.TryLees<TermijnCode>(termijn, "termijn", fouten, out var termijnCode)
                    & Keuze.TryLees<Signaal>(signaal, "signaal", fouten, out var signaalKeuze)
                    & Keuze.TryLees<Sortering>(sortering, "sortering", fouten, out var sorteringKeuze);
                if (!geldig) return (IResult)Problemen.Validatie(fouten);

                var filter = new WerkvoorraadFilter
                {
                    KlantregisseurId = klantregisseurId,
                    TeamId = teamId,
                    Gemeente = gemeente,
                    Termijn = termijnCode,
                    Signaal = signaalKeuze ?? Signaal.Alle,
                    Sortering = sorteringKeuze ?? Sortering.Vervaldatum,
                    Aflopend = aflopend ?? false,
                    Pagina = pagina ?? 1,
                    PaginaGrootte = paginaGrootte ?? 100,
                };
                return TypedResults.Ok(await query.HaalAsync(filter, klok.Vandaag, ct));
            })
            .Produces<WerkvoorraadPagina>()
            .ProducesValidationProblem()
            .WithTags("Werkvoorraad")
            .WithSummary("Verlopen termijnen en termijnen die binnenkort aflopen (dagen vooraf per gemeente en soort termijn, standaard 14)");

        // Werk verdelen: for the teamleider only, as the page.
        var verdelen = api.MapGroup("/werkvoorraad").WithTags("Werkvoorraad").RequireAuthorization(p => p.RequireRole(Rollen.Teamleider));
        verdelen.MapGet("/caseload", async (Werkverdeling verdeling, CancellationToken ct) =>
                TypedResults.Ok((await verdeling.KlantregisseursAsync(ct)).Select(k => new CaseloadDto(k.Id, k.Naam, k.Team, k.Lopend)).ToList()))
            .WithSummary("De klantregisseurs aan wie u dossiers kunt toewijzen, met hun aantal lopende dossiers");
        verdelen.MapPost("/verdelen", async Task<Results<Ok<VerdeelResultaat>, ValidationProblem>> (VerdeelInvoer invoer, Werkverdeling verdeling, CancellationToken ct) =>
            {
                var u = await verdeling.ToewijzenAsync(invoer.Dossiers ?? [], invoer.KlantregisseurId, ct);
                if (u.Gelukt) return TypedResults.Ok(u.Waarde!);
                return Problemen.Validatie(u.Fouten.ToDictionary(f => f.Key == "Klantregisseur" ? "klantregisseurId" : "dossiers", f => f.Value));
            })
            .WithSummary("Dossiers in één keer toewijzen aan een klantregisseur (alles of niets; een auditregel per dossier)");
        return api;
    }
}

/// <summary>A klantregisseur with the number of open cases they have now.</summary>
public sealed record CaseloadDto(int Id, string Naam, string Team, int Lopend);

/// <summary>The cases (ids) to give to one klantregisseur.</summary>
public sealed record VerdeelInvoer(List<Guid>? Dossiers, int? KlantregisseurId);
