using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Berichten;

/// <summary>Messages to the inburgeraar (mail, SMS) through an outbox.</summary>
public sealed class BerichtenModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddBerichten(d.Configuration, d.Environment);
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Dossier", Beleid.Dossierwerk).MetBeleid("Beheer", BerichtenRegistratie.Beleidsnaam).MetBeleid("Mijn", Beleid.Portaal);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapBerichtenApi();
    }
}
