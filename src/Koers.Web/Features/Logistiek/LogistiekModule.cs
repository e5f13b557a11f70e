using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Logistiek;

/// <summary>
/// Logistics (issue #23): home location, travel time to the lesson location, transport support with its end date,
/// impossible dayparts, gaps between trajecten (worklist), and the demand for evening and weekend classes (policy).
/// </summary>
public sealed class LogistiekModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<LogistiekService>();
        d.Services.AddSignaalbron<LogistiekSignaalbron>();
        d.Services.AddDossieronderdeel<LogistiekOnderdeel>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Index", Beleid.Dossierwerk).MetBeleid("Inrichting", Beleid.Beheer).VoorRollen("Vraag", LogistiekService.Vraaglezers);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapLogistiekApi();
    }
}
