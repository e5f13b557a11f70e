using System.Security.Claims;
using Koers.Data;
using Koers.Domain.Dossier;
using Koers.Web.Features.Ketenpartners;
using Koers.Web.Features.Monitor;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Inkoop;

/// <summary>
/// Provider performance as a tab of the monitor (issue #23: "in de monitor met doorklik voor wie dat mag"). The figures are
/// those of <see cref="AanbiedersService"/> with its suppression (one rule, also for the API), under the monitor's filter:
/// the chosen municipality (always within the user's reach), the calendar year of the chosen period as verantwoordingsjaar
/// for the costs, and the tab's own route choice. Each provider row drills down to the persons behind it for the team lead
/// (<see cref="InkoopModule.PersonenLezers"/>, audited per person on that page); others see figures only.
/// Inkoop depends on the monitor here, never the reverse (the monitor only knows <see cref="IMonitorTabblad"/>).
/// </summary>
public sealed class AanbiedersTabblad(AanbiedersService service, KoersDbContext db, Klok klok) : IMonitorTabblad
{
    public const string Tab = "aanbieders";

    public string Sleutel => Tab;

    public string Titel => "Prestaties per aanbieder";

    public bool MagZien(ClaimsPrincipal gebruiker) => InkoopModule.Lezers.Any(gebruiker.IsInRole);

    private static readonly (string Sleutel, string Kop)[] Kolommen =
    [
        ("inTraject", "In traject"), ("aanwezigheid", "Aanwezigheid"), ("opSchema", "Op schema (PIP-norm)"), ("routewissels", "Routewissels"),
        ("afschalingen", "Afschalingen"), ("wachttijd", "Wachttijd (mediaan)"), ("examens", "Examens behaald / afgelegd"), ("kosten", "Kosten per persoon per onderdeel"),
    ];

    public async Task<MonitorTabbladInhoud> BouwAsync(MonitorFilter filter, string? leerroute, ClaimsPrincipal gebruiker, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var fouten = new Dictionary<string, string[]>();
        Keuze.TryLees<Leerroute>(leerroute, "leerroute", fouten, out var route);
        IReadOnlyCollection<int>? gemeenten = filter.GemeenteCode is { } code
            ? await db.Gemeenten.AsNoTracking().Where(g => g.Code == code && filter.Bereik.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct)
            : null;
        // The costs are accounted per calendar year (SPUK/SiSa): the year in which the chosen period ends.
        var jaar = filter.Periode.Tot.Year;
        if (AanbiedersService.JaarFout(jaar, klok.Vandaag) is { } fout)
        {
            fouten["jaar"] = [fout + " De kosten staan hieronder voor het standaardjaar."];
            jaar = Domain.Monitor.Verantwoordingsjaar.Standaard(klok.Vandaag);
        }

        var o = await service.OverzichtAsync(jaar, new AanbiedersSelectie(gemeenten, route), ct);
        var personen = AanbiedersService.MagPersonenZien(gebruiker);
        var tabel = new Tabel(
            "aanbieders",
            $"Prestaties per aanbieder (kosten over {o.Jaar})",
            "Aanbieder",
            [
                new Kolom("regio", "Regio", KolomSoort.Tekst),
                .. Kolommen.Take(7).Select(k => new Kolom(k.Sleutel, k.Kop, k.Sleutel is "inTraject" or "routewissels" or "afschalingen" ? KolomSoort.Aantal : KolomSoort.Tekst)),
                new Kolom("kosten", $"Kosten per persoon per onderdeel {o.Jaar}", KolomSoort.Tekst),
                new Kolom("kostenTotaal", $"Totaal {o.Jaar}", KolomSoort.Bedrag),
                new Kolom("kostenSpuk", $"Waarvan SPUK {o.Jaar}", KolomSoort.Bedrag),
                new Kolom("zonderPrijs", "Trajecten zonder prijs", KolomSoort.Getal),
                .. personen ? [new Kolom("personen", "Personen", KolomSoort.Tekst)] : Array.Empty<Kolom>(),
            ],
            [.. o.Aanbieders.Select(a => Rij(a, o.Jaar, personen))],
            $"Stand van {Shared.Weergave.Datum(o.Peildatum)}; kosten over verantwoordingsjaar {o.Jaar}. Aantallen onder {o.Grens} staan er als ‘<{o.Grens}’, "
            + $"een bedrag of wachttijd dat op minder dan {o.Grens} personen rust of uit het totaal terug te rekenen is als ‘{Cijfer.VerborgenWaarde}’. "
            + (personen ? "Via ‘In traject’ en ‘Personen’ opent u de personen achter de cijfers (alleen dossiers die u mag openen; vastgelegd in het auditlog)."
                : "U ziet alleen cijfers; de personen achter de cijfers ziet de teamleider, die met de dossiers werkt."));

        var koppen = Kolommen.ToDictionary(k => k.Sleutel, k => k.Kop);
        var hoe = o.HoeBerekend.Select(kv => (kv.Key, koppen.GetValueOrDefault(kv.Key, kv.Key == "jaar" ? "Verantwoordingsjaar" : kv.Key), kv.Value)).ToList();
        hoe.Add(("filter", "Filter", "Alleen personen van de gekozen gemeente (binnen uw bereik; zonder keuze alle gemeenten in uw bereik) en, als gekozen, van één leerroute. "
            + "Het verantwoordingsjaar is het kalenderjaar waarin de gekozen periode eindigt. Aanbieders: de ketenpartners van uw regio."));
        var routes = new List<(string?, string)> { (null, "Alle leerroutes") };
        routes.AddRange(Enum.GetValues<Leerroute>().Select(r => ((string?)r.ToString(), r.Omschrijving())));
        var inleiding = $"Per aanbieder: wie er in traject is, aanwezigheid, voortgang tegen de PIP-urennormen, routewissels en afschalingen, wachttijd, "
            + $"examenresultaten en de kosten per persoon per onderdeel voor de SPUK/SiSa-verantwoording. {o.Aanbieders.Count} aanbieder(s) in uw regio.";
        return new MonitorTabbladInhoud(inleiding, [tabel], hoe, routes, route?.ToString(), fouten);
    }

    private static Rij Rij(AanbiederPrestatieDto a, int jaar, bool personen)
    {
        static Cel C(Cijfer c, string? link = null) => new(c.Waarde, c.Tekst, c.Verborgen, c.Verborgen || c.Waarde is null or 0m ? null : link);
        var link = personen ? $"/inkoop/aanbieders/{a.PartnerorganisatieId}?jaar={jaar}" : null;
        var kosten = a.Kosten.Count == 0 ? "—"
            : string.Join("; ", a.Kosten.Select(k => $"{KetenpartnersService.Omschrijving(k.Onderdeel)}: {k.KostenPerPersoon.Tekst} ({k.Personen.Tekst} pers.)"));
        List<Cel> cellen =
        [
            Cellen.Tekst(a.Regio), C(a.InTraject, link), C(a.Aanwezigheid), C(a.OpSchema), C(a.Routewissels), C(a.Afschalingen), C(a.WachttijdMediaan), C(a.Examens),
            Cellen.Tekst(kosten), C(a.KostenTotaal), C(a.KostenSpuk), Cellen.Getal(a.ZonderPrijs, "0"),
        ];
        if (personen) cellen.Add(new Cel(null, "personen", false, link));
        return new Rij($"{a.PartnerorganisatieId}", a.Partner, cellen);
    }
}
