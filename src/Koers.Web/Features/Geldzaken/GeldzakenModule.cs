using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Geldzaken;

/// <summary>The money around the person: inrichtingskrediet and the monthly statement.</summary>
public sealed class GeldzakenModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<GeldzakenService>();
        d.Services.AddScoped<KredietSignalenQuery>();
        d.Services.AddSignaalbron<KredietSignaalbron>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Index", Beleid.Dossierwerk).MetBeleid("Beheer", Beleid.Beheer);
        p.MetBeleid("Mijn", Beleid.Portaal).MetBeleid("MijnBrief", Beleid.Portaal);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapGeldzakenApi();
    }
}
