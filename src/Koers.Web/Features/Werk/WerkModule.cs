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
        d.Services.AddSignaalbron<WerkSignaalbron>();
        d.Services.AddDossieronderdeel<PlaatsingenOnderdeel>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.AlleMetBeleid(Beleid.Dossierwerk);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapWerkApi();
    }
}
