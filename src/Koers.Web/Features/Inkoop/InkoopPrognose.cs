using Koers.Data;
using Koers.Domain.Dossier;
using Koers.Domain.Monitor;
using Koers.Web.Features.Monitor;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koers.Web.Features.Inkoop;

/// <summary>One route in one municipality: the share so far, the expected number this year and the actual number.</summary>
public sealed record PrognoseRouteDto(Leerroute Route, decimal? AandeelProcent, decimal? Verwacht, int? Werkelijk, bool AandeelVerborgen, bool WerkelijkVerborgen);

public sealed record PrognoseGemeenteDto(int GemeenteId, string Gemeente, decimal? Taakstelling, IReadOnlyList<PrognoseRouteDto> Routes, int? ZonderRoute);

public sealed record PrognoseDto(int Jaar, string HoeBerekend, int Grens, IReadOnlyList<PrognoseGemeenteDto> Gemeenten);

/// <summary>
/// The forecast per route and municipality for procurement: the year's taakstelling times the route distribution so
/// far, beside the actual numbers. The practice source reconsidered regional B1 procurement "vanwege het grote verschil
/// in inschatting en werkelijk aantal B1 leerlingen" (000:L1094-1095; seed-000-002-003-practice.md §6.1 #9).
/// </summary>
public sealed class InkoopPrognose(KoersDbContext db, Toegang toegang, Klok klok, IOptions<MonitorInstellingen> opties)
{
    public const string Formule =
        "Verwacht aantal per leerroute = taakstelling van het jaar (naar rato van de halfjaren) × aandeel van die route onder alle asielstatushouders "
        + "en nareizigers van de gemeente met een vastgestelde leerroute tot nu toe. Werkelijk = asielstatushouders en nareizigers met instroom (koppeling) "
        + "in het jaar en die leerroute. Aantallen en aandelen onder de grens voor kleine aantallen staan er als ‘<grens’.";

    public async Task<PrognoseDto> BerekenAsync(int? jaar, CancellationToken ct)
    {
        var j = jaar ?? klok.Vandaag.Year;
        var bereik = (await toegang.BereikAsync(ct)).Gemeenten.ToList();
        var gemeenten = await db.Gemeenten.AsNoTracking().Where(g => bereik.Contains(g.Id)).OrderBy(g => g.Naam).Select(g => new { g.Id, g.Code, g.Naam }).ToListAsync(ct);
        var instellingen = opties.Value;
        var grens = instellingen.GrensVoor(gemeenten.Select(g => g.Code));
        var vandaag = klok.Vandaag;
        var van = new DateOnly(j, 1, 1);
        var tot = new DateOnly(j, 12, 31);
        var rijen = await db.MonitorDossiers.AsNoTracking()
            .Where(d => bereik.Contains(d.GemeenteId) && (d.Doelgroep == Doelgroep.Asielstatushouder || d.Doelgroep == Doelgroep.Nareiziger))
            .Select(d => new { d.GemeenteId, d.Leerroute, d.Instroom }).ToListAsync(ct);
        var lijst = gemeenten.Select(g =>
        {
            var eigen = rijen.Where(r => r.GemeenteId == g.Id).ToList();
            var metRoute = eigen.Where(r => r.Leerroute != null && r.Instroom <= vandaag).ToList();
            var taak = Taakstelling.NaarRato(instellingen.TaakstellingVoor(g.Code), Periode.Jaar(j));
            var inJaar = eigen.Where(r => r.Instroom >= van && r.Instroom <= tot).ToList();
            var routes = Enum.GetValues<Leerroute>().Select(route =>
            {
                var teller = metRoute.Count(r => r.Leerroute == route);
                var werkelijk = inJaar.Count(r => r.Leerroute == route);
                var aandeelVerborgen = KleineAantallen.VerbergAandeel(teller, metRoute.Count, grens);
                decimal? aandeel = metRoute.Count == 0 || aandeelVerborgen ? null : Math.Round(100m * teller / metRoute.Count, 1, MidpointRounding.AwayFromZero);
                decimal? verwacht = taak is { } t && metRoute.Count > 0 && !aandeelVerborgen ? Math.Round(t * teller / metRoute.Count, 1, MidpointRounding.AwayFromZero) : null;
                var werkelijkVerborgen = KleineAantallen.Verbergen(werkelijk, grens);
                return new PrognoseRouteDto(route, aandeel, verwacht, werkelijkVerborgen ? null : werkelijk, aandeelVerborgen, werkelijkVerborgen);
            }).ToList();
            var zonder = inJaar.Count(r => r.Leerroute == null);
            return new PrognoseGemeenteDto(g.Id, g.Naam, taak is { } tk ? Math.Round(tk, 1, MidpointRounding.AwayFromZero) : null, routes,
                KleineAantallen.Verbergen(zonder, grens) ? null : zonder);
        }).ToList();
        return new PrognoseDto(j, Formule, grens, lijst);
    }
}
