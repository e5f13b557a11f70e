using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Afsluiting;

/// <summary>Closing a case (done, ontheffing, moved away) and the transfer file for the new municipality.</summary>
public sealed class AfsluitingModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<AfsluitingService>();
        d.Services.AddScoped<Overdrachtsdossier>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.AlleMetBeleid(Beleid.Dossierwerk);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapAfsluitingApi();
    }
}
