using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Brieven;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Pip;

/// <summary>The PIP as a beschikking, and the provisional plan before it.</summary>
public sealed class PipModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<PipService>();
        d.Services.AddScoped<VoorlopigPlanService>();
        d.Services.AddBriefvoorbeeld<PipBriefvoorbeeld>();
    }

    public void Paginas(PaginaToegang p)
    {
        // Per page: the case pages are dossierwerk, the municipality's voorlopig-plan setting is functioneel beheer.
        p.MetBeleid("Index", Beleid.Dossierwerk).MetBeleid("Voorlopig", Beleid.Dossierwerk).MetBeleid("VoorlopigPlanBeheer", Beleid.Beheer);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapGroup("").RequireAuthorization(Beleid.Dossierwerk).MapPipApi();
        r.Api.MapVoorlopigPlanApi();
    }
}
