using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Ketenpartners;

/// <summary>Chain partners: their register and contracts, and the waiting lists (the partner's own view is Partnerportaal).</summary>
public sealed class KetenpartnersModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<KetenpartnersService>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Beheer", Beleid.Beheer).MetBeleid("Partner", Beleid.Beheer);
        p.VoorRollen("Wachtlijsten", Rollen.Klantregisseur, Rollen.Teamleider, Rollen.FunctioneelBeheerder);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapKetenpartnersApi();
    }
}
