using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Welzijn;

/// <summary>Mental well-being (issue #22): screening, re-check at each voortgangsgesprek, referrals to health care.</summary>
public sealed class WelzijnModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<WelzijnService>();
        d.Services.AddScoped<WelzijnMonitor>();
        d.Services.AddSignaalbron<WelzijnSignaalbron>();
        d.Services.AddDossieronderdeel<WelzijnOnderdeel>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Index", Beleid.Dossierwerk).MetBeleid("Portaal", Beleid.Portaal).MetBeleid("Inrichting", Beleid.Beheer).MetBeleid("Monitor", Beleid.Monitor);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapWelzijnApi();
    }
}
