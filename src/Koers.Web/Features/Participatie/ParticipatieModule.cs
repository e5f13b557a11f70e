using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Participatie;

/// <summary>Participation monitoring: questionnaires, measurement moments, the participatieladder.</summary>
public sealed class ParticipatieModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<ParticipatieService>();
        d.Services.AddScoped<ParticipatieMonitor>();
        d.Services.AddSignaalbron<ParticipatieSignaalbron>();
        d.Services.AddDossieronderdeel<LadderOnderdeel>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Index", Beleid.Dossierwerk).MetBeleid("Portaal", Beleid.Portaal).MetBeleid("Monitor", Beleid.Monitor).MetBeleid("Inrichting", Beleid.Beheer);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapParticipatieApi();
    }
}
