using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Zgw;

/// <summary>The case file in the municipality's zaaksysteem (ZGW APIs) for archiving.</summary>
public sealed class ZgwModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddZgw(d.Configuration, d.Environment);
        d.Services.AddDossieronderdeel<ZgwOnderdeel>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Dossier", Beleid.Dossierwerk).MetBeleid("Beheer", ZgwRegistratie.BeheerBeleid);
    }

    public void Api(ModuleRoutes r)
    {
        r.App.MapZgw(r.Api);
    }
}
