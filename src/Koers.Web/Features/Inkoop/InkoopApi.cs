using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Inkoop;

public static class InkoopApiRoutes
{
    /// <summary>Procurement: catalogue, contracts with use and end signal, forecast, settings.</summary>
    public static RouteGroupBuilder MapInkoopApi(this RouteGroupBuilder api)
    {
        var lezen = api.MapGroup("/inkoop").WithTags("Inkoop").RequireAuthorization(p => p.RequireRole(InkoopModule.Lezers));
        var beheer = api.MapGroup("/inkoop").WithTags("Inkoop").RequireAuthorization(p => p.RequireRole(InkoopModule.Beheerders));

        lezen.MapGet("/producten", async (InkoopService s, CancellationToken ct) => TypedResults.Ok(await s.ProductenAsync(ct)))
            .WithSummary("Productcatalogus van de ketenpartners in de regio('s) van de gebruiker, per product alle versies (nieuwste eerst)");
        lezen.MapGet("/producten/{sleutel:guid}", async Task<Results<Ok<ProductDto>, ProblemHttpResult>> (Guid sleutel, InkoopService s, CancellationToken ct) =>
            await s.ProductAsync(sleutel, ct) is { } p ? TypedResults.Ok(p) : Problemen.NietGevonden())
            .WithSummary("Eén product met al zijn versies");
        beheer.MapPost("/producten", async Task<Results<Created<ProductDto>, ValidationProblem, ProblemHttpResult>> (ProductInvoer invoer, InkoopService s, CancellationToken ct) =>
        {
            var u = await s.ProductToevoegenAsync(invoer, ct);
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Created($"/api/v1/inkoop/producten/{u.Waarde}", (await s.ProductAsync(u.Waarde, ct))!);
        }).WithSummary("Product toevoegen: partner, onderdeel, leerroute, niveau, lesvorm, prijs per periode, SPUK-declarabel, geldig vanaf (versie 1)");
        beheer.MapPost("/producten/{sleutel:guid}/versies", async Task<Results<Created<ProductDto>, ValidationProblem, ProblemHttpResult>> (Guid sleutel, ProductInvoer invoer, InkoopService s, CancellationToken ct) =>
        {
            var u = await s.NieuweVersieAsync(sleutel, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Created($"/api/v1/inkoop/producten/{sleutel}", (await s.ProductAsync(sleutel, ct))!);
        }).WithSummary("Product wijzigen: een nieuwe versie vanaf een latere datum; eerdere versies blijven bestaan");

        lezen.MapGet("/contracten", async (InkoopService s, CancellationToken ct) => TypedResults.Ok(await s.ContractenAsync(ct)))
            .WithSummary("Contracten met volume, aantal geplaatste personen (gestart binnen de contractperiode en niet na vandaag; bij een routecontract de leerroute van het PIP op de startdatum) en of het einde nadert (signaal N maanden vooraf)");
        lezen.MapGet("/signalen", async (InkoopService s, CancellationToken ct) => TypedResults.Ok((await s.ContractenAsync(ct)).Where(c => c.LooptAf).ToList()))
            .WithSummary("Alleen de contracten waarvan het einde binnen de ingestelde signaaltermijn ligt");

        lezen.MapGet("/aanbieders", async Task<Results<Ok<AanbiedersDto>, ValidationProblem>> (int? jaar, AanbiedersService s, Klok klok, CancellationToken ct) =>
                AanbiedersService.JaarFout(jaar, klok.Vandaag) is { } fout ? Problemen.Validatie(Veldfouten.Nieuw().Voeg("jaar", fout))
                    : TypedResults.Ok(await s.OverzichtAsync(jaar, ct)))
            .WithSummary("Prestaties per aanbieder: in traject, aanwezigheid, op schema t.o.v. de PIP-urennormen, routewissels, afschalingen, wachttijd, examens en kosten per persoon per onderdeel (SPUK apart); kleine aantallen verborgen, per kolom hoe berekend")
            .WithDescription("jaar: het verantwoordingsjaar (kalenderjaar, SPUK/SiSa) waarover de kosten tellen; zonder jaar in het eerste kwartaal het vorige jaar, daarna het lopende. Van een traject tellen alleen de prijsperioden en uren die in dat jaar beginnen.");
        api.MapGroup("/inkoop").WithTags("Inkoop").RequireAuthorization(p => p.RequireRole(InkoopModule.PersonenLezers))
            .MapGet("/aanbieders/{id:int}/personen", async Task<Results<Ok<AanbiederPersonenDto>, ValidationProblem, ProblemHttpResult>> (int id, int? jaar, AanbiedersService s, Klok klok, CancellationToken ct) =>
                AanbiedersService.JaarFout(jaar, klok.Vandaag) is { } fout ? Problemen.Validatie(new Dictionary<string, string[]> { ["jaar"] = [fout] })
                    : await s.PersonenAsync(id, jaar, ct) is { } p ? TypedResults.Ok(p) : Problemen.NietGevonden())
            .WithSummary("De personen achter de cijfers van één aanbieder (alleen teamleider; alleen dossiers binnen het eigen bereik; elke persoon in het auditlog)")
            .WithDescription("kosten: over alle jaren; kostenJaar: alleen over het verantwoordingsjaar jaar (zoals de tabel per aanbieder; zonder jaar in het eerste kwartaal het vorige jaar, daarna het lopende).");

        lezen.MapGet("/prognose", async (int? jaar, InkoopPrognose p, CancellationToken ct) => TypedResults.Ok(await p.BerekenAsync(jaar, ct)))
            .WithSummary("Prognose per leerroute en gemeente (taakstelling × routeverdeling tot nu toe) naast de werkelijke aantallen; kleine aantallen verborgen");
        lezen.MapGet("/instellingen", async (InkoopService s, CancellationToken ct) => TypedResults.Ok(await s.InstellingenAsync(ct)))
            .WithSummary("Instellingen per gemeente: hoeveel maanden vóór het einde van een contract het signaal verschijnt");
        beheer.MapPut("/instellingen/{gemeenteId:int}", async Task<Results<Ok<InkoopInstellingDto>, ValidationProblem, ProblemHttpResult>> (int gemeenteId, InkoopInstellingInvoer invoer, InkoopService s, CancellationToken ct) =>
        {
            var u = await s.InstellingOpslaanAsync(gemeenteId, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Ok((await s.InstellingenAsync(ct)).First(i => i.GemeenteId == gemeenteId));
        }).WithSummary("Signaaltermijn voor aflopende contracten van één gemeente wijzigen (1 tot en met 24 maanden)");
        return api;
    }
}
