using Koers.Data.Model;
using Microsoft.AspNetCore.Mvc;

namespace Koers.Web.Features.Voortgang;

/// <summary>The partner's reporting home: the cases it has consent for (Voortgang), with a quick weekly hours form.</summary>
public sealed class RapportageModel(VoortgangService voortgang, RapportageService rapportage) : RapportagePagina(rapportage)
{
    public IReadOnlyList<PartnerDossierRegel> Dossiers { get; private set; } = [];
    protected override string Terug => "/partner/rapportage";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LaadAsync(ct);
        return Page();
    }

    protected override async Task<bool> LaadAsync(CancellationToken ct)
    {
        Dossiers = await voortgang.PartnerLijstAsync(ct);
        return true;
    }
}
