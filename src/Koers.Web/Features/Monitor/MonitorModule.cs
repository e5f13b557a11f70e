using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Monitor;

/// <summary>The monitor for team leads and policy staff, with drill-down to the cases for those who may.</summary>
public sealed class MonitorModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddMonitor();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Index", Beleid.Monitor).MetBeleid("Rapport", Beleid.Monitor).MetBeleid("Dossiers", Beleid.Dossierwerk);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapMonitorApi();
    }
}
