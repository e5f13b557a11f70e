using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Bewaartermijn;

/// <summary>Retention: removing cases whose retention period has passed.</summary>
public sealed class BewaartermijnModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<BewaartermijnService>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Index", Beleid.Beheer);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapBewaartermijnApi();
    }
}
