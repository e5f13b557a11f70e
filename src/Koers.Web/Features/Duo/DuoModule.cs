using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Duo;

/// <summary>The exchange with DUO (M2M, Digikoppeling): inbox, outbox, contact persons.</summary>
public sealed class DuoModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddDuo(d.Configuration, d.Environment);
        d.Services.AddSignaalbron<DuoSignaalbron>();
        d.Services.AddDossieronderdeel<DuoUitwisselingOnderdeel>();
        d.Services.AddDossieronderdeel<DuoGegevensOnderdeel>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Beheer", DuoRegistratie.Beleidsnaam).MetBeleid("Contactpersonen", Beleid.Beheer);
    }

    public void Api(ModuleRoutes r)
    {
        r.App.MapDuo(r.Api);
    }
}
