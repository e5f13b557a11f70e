using Koers.Domain.Dossier;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Zgw;

/// <summary>
/// /beheer/zgw for functioneel beheer: where Koers archives, per municipality whether its catalogus holds every type
/// Koers needs (read live, so a missing statustype shows before a case fails on it), the failed and waiting steps with
/// retry, and a button to run the outbox now.
/// </summary>
public sealed class BeheerModel(ZgwOpties opties, ZgwService zgw, ZgwVerwerker verwerker, ZgwClient client, ZgwCatalogi catalogi) : PageModel
{
    public sealed record Regel(string Koers, string Type, bool Gevonden, string? Extra);

    public sealed record GemeenteStand(string Code, string Naam, ZgwGemeenteOpties Opties, ZgwCatalogus? Catalogus, string? Fout, IReadOnlyList<Regel> Regels);

    public ZgwOpties Opties => opties;
    public IReadOnlyList<ZgwStapRegel> Open { get; private set; } = [];
    public (int Klaar, int Wachtend, int Mislukt) Telling { get; private set; }
    public List<GemeenteStand> Gemeenten { get; } = [];

    public string Adres(string? url) => !string.IsNullOrWhiteSpace(url) ? url : opties.Simulator ? "de ingebouwde stand-in (demo en test)" : "niet ingesteld";

    public async Task OnGetAsync(CancellationToken ct) => await LaadAsync(ct);

    public async Task<IActionResult> OnPostVerwerkenAsync(CancellationToken ct)
    {
        var n = await verwerker.VerwerkAsync(ct);
        TempData["Melding"] = n == 0 ? "Er was niets te verwerken." : $"{n} stap(pen) verwerkt.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostOpnieuwAsync(long stap, CancellationToken ct)
    {
        var u = await zgw.OpnieuwAsync(stap, ct);
        if (u is null) return NotFound();
        TempData["Melding"] = u.Value ? "De stap is opnieuw aangeboden." : "Alleen een mislukte stap kan opnieuw worden aangeboden.";
        return RedirectToPage();
    }

    private async Task LaadAsync(CancellationToken ct)
    {
        Open = await zgw.OpenAsync(ct);
        Telling = await zgw.TellingAsync(ct);
        var namen = await zgw.GemeentenamenAsync(ct);
        foreach (var (code, g) in opties.Gemeenten.Where(x => x.Value.Aan).OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            ZgwCatalogus? cat = null;
            string? fout = null;
            try
            {
                cat = await catalogi.LaadAsync(client, client.Zaaktype(g), ct, vers: true);
            }
            catch (Exception e) when (e is ZgwWeigeringException or ZgwOnbereikbaarException or UriFormatException)
            {
                fout = e.Message;
            }

            var regels = new List<Regel>();
            if (cat is not null)
            {
                foreach (var (fase, oms) in g.Statustypen) regels.Add(new($"Fase {Enum.Parse<Fase>(fase).Omschrijving()}", $"statustype '{oms}'", cat.Statustypen.Any(s => ZgwCatalogus.Gelijk(s.Omschrijving, oms)), null));
                regels.Add(new("De inburgeraar op de zaak", $"roltype '{g.Rol}' (omschrijving-generiek)", cat.Roltypen.Any(r => ZgwCatalogus.Gelijk(r.OmschrijvingGeneriek, g.Rol)), null));
                regels.Add(new("Afsluiten", "eindstatus", cat.Eindstatus is not null, cat.Eindstatus?.Omschrijving));
                foreach (var (fase, oms) in g.Resultaattypen)
                {
                    var rt = cat.Resultaattypen.FirstOrDefault(r => ZgwCatalogus.Gelijk(r.Omschrijving, oms));
                    regels.Add(new($"Afgesloten: {Enum.Parse<Fase>(fase).Omschrijving()}", $"resultaattype '{oms}'", rt is not null,
                        rt is null ? null : $"archiefnominatie {rt.Archiefnominatie ?? "?"}, archiefactietermijn {rt.Archiefactietermijn ?? "?"}"));
                }

                foreach (var (soort, oms) in g.Informatieobjecttypen) regels.Add(new(Brief(soort), $"informatieobjecttype '{oms}'", cat.Informatieobjecttypen.Any(s => ZgwCatalogus.Gelijk(s.Omschrijving, oms)), null));
            }

            if (string.IsNullOrWhiteSpace(g.Rsin)) regels.Add(new("RSIN van de gemeente", "bronorganisatie", false, null));
            Gemeenten.Add(new GemeenteStand(code, namen.GetValueOrDefault(code, code), g, cat, fout, regels));
        }
    }

    private static string Brief(string soort) => soort switch
    {
        "PipVaststelling" => "Brief: PIP-beschikking",
        "PipBijstelling" => "Brief: beschikking bijstelling PIP",
        "Handhaving" => "Brief: handhaving",
        _ => soort,
    };
}
