using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Brieven;

/// <summary>Letter templates per municipality.</summary>
public sealed class BrievenModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<BriefsjabloonService>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.AlleMetBeleid(Beleid.Beheer);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapBriefsjabloonApi();
    }
}
