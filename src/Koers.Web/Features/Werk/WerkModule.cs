using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Werk;

/// <summary>Work (issue #22): employer register, placements with weekly evaluations, exits, jobcoach caseload.</summary>
public sealed class WerkModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<WerkService>();
        d.Services.AddScoped<JobcoachService>();
        d.Services.AddSignaalbron<WerkSignaalbron>();
        d.Services.AddDossieronderdeel<PlaatsingenOnderdeel>();
    }

    public void Paginas(PaginaToegang p)
    {
        // Per page: the portal page is the inburgeraar's, the jobcoach's own caseload a chain partner's, the others the case workers'.
        p.MetBeleid("Index", Beleid.Dossierwerk).MetBeleid("Caseload", Beleid.Dossierwerk).MetBeleid("Werkgevers", Beleid.Dossierwerk).MetBeleid("Portaal", Beleid.Portaal)
            .MetBeleid("JobcoachCaseload", Beleid.Partner);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapWerkApi();
    }
}
