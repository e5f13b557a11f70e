using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;
using Koers.Web.Infrastructure.Planning;

namespace Koers.Web.Features.Termijnen;

/// <summary>Deadlines: the nightly recomputation, deadline mail and the municipality's signalling settings.</summary>
public sealed class TermijnenModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<SignaleringService>();
        d.Services.AddPlanning();
        d.Services.AddTermijnmail(d.Configuration, d.Environment);
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Signalering", Beleid.Beheer);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapTermijnenApi();
    }
}
