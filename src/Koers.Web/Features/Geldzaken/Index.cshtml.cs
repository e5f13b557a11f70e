using Koers.Domain.Ontzorgen;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Geldzaken;

/// <summary>Geldzaken of one case: the inrichtingskrediet with its term, and the monthly statement (on screen and as letter).</summary>
public sealed class IndexModel(GeldzakenService geldzaken, Klok klok) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Maand { get; set; }
    [BindProperty] public KredietInvoer Krediet { get; set; } = new();

    // Amounts as typed (1.250,00 or 1250.00), read by Bedrag.TryParse rather than by the culture.
    [BindProperty] public string? ToegekendTekst { get; set; }
    [BindProperty] public string? UitbetaaldTekst { get; set; }
    [BindProperty] public string? NettoTekst { get; set; }

    public GeldzakenStand Stand { get; private set; } = null!;
    public OverzichtStand? Overzicht { get; private set; }
    public string? MaandFout { get; private set; }
    public DateOnly Vandaag => klok.Vandaag;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync("Scherm: geldzaken bekeken", vulFormulier: true, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostKredietAsync(CancellationToken ct)
    {
        Krediet.ToegekendBedrag = LeesBedrag(ToegekendTekst, nameof(ToegekendTekst));
        Krediet.UitbetaaldBedrag = LeesBedrag(UitbetaaldTekst, nameof(UitbetaaldTekst));
        Krediet.NettoBijstandPerMaand = LeesBedrag(NettoTekst, nameof(NettoTekst));
        if (ModelState.IsValid)
        {
            var u = await geldzaken.KredietOpslaanAsync(Id, Krediet, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt)
            {
                TempData["Melding"] = "Het inrichtingskrediet is opgeslagen.";
                return Redirect($"/inburgeraars/{Id}/geldzaken#krediet");
            }

            ModelState.VoegToe(u.Fouten, veld => veld switch
                {
                    nameof(KredietInvoer.ToegekendBedrag) => nameof(ToegekendTekst),
                    nameof(KredietInvoer.UitbetaaldBedrag) => nameof(UitbetaaldTekst),
                    nameof(KredietInvoer.NettoBijstandPerMaand) => nameof(NettoTekst),
                    _ => $"{nameof(Krediet)}.{veld}",
                });
        }

        if (!await LaadAsync("Scherm: geldzaken na geweigerde invoer", vulFormulier: false, ct)) return NotFound();
        return Page();
    }

    /// <summary>
    /// The statement of the chosen month as a letter (PDF) the klantregisseur hands over or sends: in the inburgeraar's
    /// language (the one they chose in the portal), or in the language asked for ('taal=nl' for the Dutch copy).
    /// </summary>
    public async Task<IActionResult> OnGetBriefAsync(string? taal, CancellationToken ct)
    {
        if (!GeldzakenApi.LeesMaand(Maand, klok, out var maand, out _)) return NotFound();
        if (!string.IsNullOrEmpty(taal) && !Talen.Bestaat(taal)) return NotFound();
        var brief = await geldzaken.BriefAsync(Id, maand, taal, ct);
        return brief is { } b ? File(b.Pdf, "application/pdf", b.Bestandsnaam) : NotFound();
    }

    /// <summary>The portal language's Dutch name, for the staff screen: "Arabisch".</summary>
    public static string TaalNaam(string code) => code switch
    {
        "en" => "Engels",
        "ar" => "Arabisch",
        "fa" => "Perzisch (Farsi)",
        "ti" => "Tigrinya",
        "tr" => "Turks",
        "uk" => "Oekraïens",
        _ => "Nederlands",
    };

    private decimal? LeesBedrag(string? tekst, string veld)
    {
        if (string.IsNullOrWhiteSpace(tekst)) return null;
        if (Bedrag.TryParse(tekst, out var bedrag, out var fout)) return bedrag;
        ModelState.AddModelError(veld, fout!);
        return null;
    }

    private async Task<bool> LaadAsync(string doel, bool vulFormulier, CancellationToken ct)
    {
        var stand = await geldzaken.HaalAsync(Id, doel, ct);
        if (stand is null) return false;
        Stand = stand;
        if (!GeldzakenApi.LeesMaand(Maand, klok, out var maand, out var fouten))
        {
            MaandFout = fouten.Values.First()[0];
            GeldzakenApi.LeesMaand(null, klok, out maand, out _);
        }

        Overzicht = await geldzaken.MaandoverzichtAsync(Id, maand, $"Scherm: maandoverzicht {OntzorgenRegels.MaandNaam(maand)} bekeken", ct);
        if (vulFormulier)
        {
            var g = stand.Geldzaak;
            Krediet = new KredietInvoer
            {
                HuisvestingOp = g?.HuisvestingOp, AangevraagdOp = g?.KredietAangevraagdOp, ToegekendOp = g?.KredietToegekendOp,
                UitbetaaldOp = g?.KredietUitbetaaldOp, Notitie = g?.KredietNotitie,
            };
            ToegekendTekst = GeldWeergave.BedragInvoer(g?.KredietToegekendBedrag);
            UitbetaaldTekst = GeldWeergave.BedragInvoer(g?.KredietUitbetaaldBedrag);
            NettoTekst = GeldWeergave.BedragInvoer(g?.NettoBijstandPerMaand);
        }

        return true;
    }
}
