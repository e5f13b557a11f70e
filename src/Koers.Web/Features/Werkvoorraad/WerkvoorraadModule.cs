using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Werkvoorraad;

/// <summary>The worklist of signals per klantregisseur and team, and the team lead's distribution of cases.</summary>
public sealed class WerkvoorraadModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<WerkvoorraadQuery>();
        d.Services.AddScoped<Werkverdeling>();
        d.Services.Configure<WerkvoorraadInstellingen>(d.Configuration.GetSection("Koers:Werkvoorraad"));
        d.Services.AddSingleton<Werkvoorraadcache>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.AlleMetBeleid(Beleid.Dossierwerk);
        p.VoorRollen("Verdelen", Rollen.Teamleider);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapGroup("").RequireAuthorization(Beleid.Dossierwerk).MapWerkvoorraadApi();
    }
}
