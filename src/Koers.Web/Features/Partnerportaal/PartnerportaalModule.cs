using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Partnerportaal;

/// <summary>
/// The chain partner's own view: the cases it has consent for (per category), its referrals and waiting list. On top of
/// the partner register, consent and referrals, which do not know it.
/// </summary>
public sealed class PartnerportaalModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<PartnerInzage>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("PartnerHome", Beleid.Partner).MetBeleid("PartnerDossier", Beleid.Partner).MetBeleid("PartnerWachtlijst", Beleid.Partner);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapPartnerportaalApi();
    }
}
