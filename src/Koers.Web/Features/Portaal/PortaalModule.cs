using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Portaal;

/// <summary>The inburgeraar's own portal in their language: plan, letters, decisions.</summary>
public sealed class PortaalModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<PortaalService>();
        d.Services.AddScoped<BerichtSignalen>();
        d.Services.AddSignaalbron<BerichtSignaalbron>();
        d.Services.AddDossieronderdeel<BerichtenOnderdeel>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.AlleMetBeleid(Beleid.Portaal);
    }
}
