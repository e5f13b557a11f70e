using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Inrichting;

/// <summary>Set-up per municipality (functioneel beheer) and the demo data.</summary>
public sealed class InrichtingModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<DemoData>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Beheer", Beleid.Beheer);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapInrichtingApi();
    }
}
