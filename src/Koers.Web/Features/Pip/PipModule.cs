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
        p.AlleMetBeleid(Beleid.Dossierwerk);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapGroup("").RequireAuthorization(Beleid.Dossierwerk).MapPipApi();
        r.Api.MapVoorlopigPlanApi();
    }
}
