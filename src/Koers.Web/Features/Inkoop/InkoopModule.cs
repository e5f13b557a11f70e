using Koers.Data.Model;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Inkoop;

/// <summary>
/// Procurement (issue #23): the versioned product catalogue per partner, contracts with volume, use and the signal
/// before they end, and the forecast per route beside the actual numbers. For the policy officer, the team lead and
/// functioneel beheer; not for klantregisseurs (practice: the procesregisseur is the policy officer, 000:L1238-1242).
/// </summary>
public sealed class InkoopModule : IKoersModule
{
    /// <summary>Who may read procurement: the monitor roles and functioneel beheer.</summary>
    public static readonly string[] Lezers = [Rollen.Beleidsmedewerker, Rollen.Teamleider, Rollen.FunctioneelBeheerder];

    /// <summary>Who may change the catalogue and the settings: the policy officer and functioneel beheer.</summary>
    public static readonly string[] Beheerders = [Rollen.Beleidsmedewerker, Rollen.FunctioneelBeheerder];

    /// <summary>Who may see the persons behind a provider's figures: the team lead of the municipality.</summary>
    public static readonly string[] PersonenLezers = [Rollen.Teamleider];

    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<InkoopService>();
        d.Services.AddScoped<InkoopPrognose>();
        d.Services.AddScoped<AanbiedersService>();
        // Provider performance as a tab of the monitor (issue #23); the monitor knows only the interface.
        d.Services.AddScoped<Monitor.IMonitorTabblad, AanbiedersTabblad>();
        d.Services.AddSignaalbron<ContractSignaalbron>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.VoorRollen("Index", Lezers);
        p.VoorRollen("Producten", Beheerders);
        p.VoorRollen("Aanbieders", Lezers);
        // The persons behind a provider's figures: only the team lead works with the cases (the policy officer sees figures only).
        p.VoorRollen("Aanbieder", PersonenLezers);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapInkoopApi();
    }
}
