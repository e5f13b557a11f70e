using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Mandaten;

/// <summary>Who signs which decision on behalf of the college (mandaat).</summary>
public sealed class MandatenModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<MandaatService>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Index", Beleid.Beheer);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapMandaatApi();
    }
}
