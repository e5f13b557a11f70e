using Koers.Domain.Clock;
using Koers.Web.Infrastructure;

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
            .WithSummary("Verlopen termijnen en termijnen in de komende 14 dagen");
        return api;
    }
}
