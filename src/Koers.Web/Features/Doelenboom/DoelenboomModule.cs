using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Doelenboom;

/// <summary>
/// The doelenboom (issue #22): a municipality's effect → doelen → subdoelen → activiteiten with KPIs from a fixed
/// catalogue (beheer), and the KPIs against their targets in the monitor (/monitor/doelenboom).
/// </summary>
public sealed class DoelenboomModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<DoelenboomService>();
        d.Services.AddScoped<DoelenboomMonitor>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Monitor", Beleid.Monitor).MetBeleid("Inrichting", Beleid.Beheer);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapDoelenboomApi();
    }
}
