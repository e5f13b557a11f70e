using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Ketenpartners;

/// <summary>Chain partners: their register and contracts, waiting lists, and the partner's own view.</summary>
public sealed class KetenpartnersModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<KetenpartnersService>();
        d.Services.AddScoped<PartnerInzage>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Beheer", Beleid.Beheer).MetBeleid("Partner", Beleid.Beheer);
        p.VoorRollen("Wachtlijsten", Rollen.Klantregisseur, Rollen.Teamleider, Rollen.FunctioneelBeheerder);
        p.MetBeleid("PartnerHome", Beleid.Partner).MetBeleid("PartnerDossier", Beleid.Partner).MetBeleid("PartnerWachtlijst", Beleid.Partner);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapKetenpartnersApi();
    }
}
