using Koers.Data.Model;
using Microsoft.AspNetCore.Mvc;

namespace Koers.Web.Features.Voortgang;

/// <summary>One consented case for a partner: what the partner reported, and the four report forms. Without consent: 404.</summary>
public sealed class PartnerDossierModel(VoortgangService voortgang, RapportageService rapportage) : RapportagePagina(rapportage)
{
    public PartnerDossier Dossier { get; private set; } = null!;
    protected override string Terug => $"/partner/rapportage/{Id}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LaadAsync(ct) ? Page() : NotFound();

    protected override async Task<bool> LaadAsync(CancellationToken ct)
    {
        var dossier = await voortgang.PartnerDossierAsync(Id, ct);
        if (dossier is null) return false;
        Dossier = dossier;
        return true;
    }
}
