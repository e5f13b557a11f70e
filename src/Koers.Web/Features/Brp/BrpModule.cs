using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Brp;

/// <summary>BRP (Haal Centraal BRP Personen): consulting, taking over and the periodic check.</summary>
public sealed class BrpModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddBrp(d.Configuration, d.Environment);
        d.Services.AddSignaalbron<BrpSignaalbron>();
        d.Services.AddDossieronderdeel<BrpOnderdeel>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Index", Beleid.Dossierwerk).MetBeleid("Beheer", BrpRegistratie.ControleBeleid);
    }

    public void Api(ModuleRoutes r)
    {
        r.App.MapBrp(r.Api);
    }
}
