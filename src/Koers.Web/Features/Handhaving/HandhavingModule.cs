using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Brieven;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Handhaving;

/// <summary>Handhaving: shortcomings, the municipality's ladder and the decisions on it.</summary>
public sealed class HandhavingModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<HandhavingService>();
        d.Services.AddSignaalbron<HandhavingSignaalbron>();
        d.Services.AddBriefvoorbeeld<HandhavingBriefvoorbeeld>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Index", Beleid.Dossierwerk).MetBeleid("Ladder", Beleid.Beheer);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapHandhavingApi();
    }
}
