using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Coa;

/// <summary>The koppeling from COA: importing the matched persons.</summary>
public sealed class CoaModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<CoaImport>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Import", Beleid.Dossierwerk);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapCoaApi();
    }
}
