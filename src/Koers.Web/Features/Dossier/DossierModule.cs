using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Dossier;

/// <summary>The case itself: registration, the case page, milestones, the legal clock on the case.</summary>
public sealed class DossierModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<DossierService>();
        d.Services.AddScoped<Dossierlijst>();
        d.Services.AddScoped<Kern.Dossierdelen>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.AlleMetBeleid(Beleid.Dossierwerk);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapGroup("").RequireAuthorization(Beleid.Dossierwerk).MapDossierApi();
    }
}
