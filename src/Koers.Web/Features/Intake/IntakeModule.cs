using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Intake;

/// <summary>The brede intake (13 leefgebieden) and the leerbaarheidstoets.</summary>
public sealed class IntakeModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<IntakeService>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.AlleMetBeleid(Beleid.Dossierwerk);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapGroup("").RequireAuthorization(Beleid.Dossierwerk).MapIntakeApi();
    }
}
