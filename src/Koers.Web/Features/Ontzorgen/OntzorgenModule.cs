using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Brieven;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Ontzorgen;

/// <summary>Financieel ontzorgen: the municipality's policy, the case, payment runs (SEPA) and their signals.</summary>
public sealed class OntzorgenModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<OntzorgenBeleidService>();
        d.Services.AddScoped<OntzorgenService>();
        d.Services.AddScoped<BetaalrunService>();
        d.Services.AddScoped<OntzorgenSignalenQuery>();
        d.Services.AddSignaalbron<OntzorgenSignaalbron>();
        d.Services.AddBriefvoorbeeld<OntzorgenBriefvoorbeeld>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Index", Beleid.Dossierwerk).MetBeleid("Betaalruns", Beleid.Dossierwerk).MetBeleid("Betaalrun", Beleid.Dossierwerk);
        p.MetBeleid("Beleid", Beleid.Beheer);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapOntzorgenApi();
    }
}
