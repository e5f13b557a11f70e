using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Netwerk;

/// <summary>The network around the inburgeraar: the sociale kaart per municipality and casusoverleg with chain partners, and group offers with sessions, enrolment and attendance.</summary>
public sealed class NetwerkModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<SocialeKaartService>();
        d.Services.AddScoped<CasusoverlegService>();
        d.Services.AddSignaalbron<CasusoverlegSignaalbron>();
        d.Services.AddDossieronderdeel<NetwerkOnderdeel>();
        d.Services.AddScoped<GroepenService>();
        d.Services.AddSignaalbron<GroepenSignaalbron>();
        d.Services.AddDossieronderdeel<GroepenOnderdeel>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.VoorRollen("SocialeKaart", Rollen.Klantregisseur, Rollen.Teamleider, Rollen.FunctioneelBeheerder)
            .MetBeleid("Dossier", Beleid.Dossierwerk)
            .MetBeleid("Overleggen", Beleid.Dossierwerk)
            .MetBeleid("Overleg", Beleid.Dossierwerk)
            .MetBeleid("PartnerOverleggen", Beleid.Partner)
            .MetBeleid("PartnerOverleg", Beleid.Partner)
            .MetBeleid("Portaal", Beleid.Portaal)
            .MetBeleid("Groepen", Beleid.Dossierwerk)
            .MetBeleid("Groep", Beleid.Dossierwerk)
            .MetBeleid("Bijeenkomst", Beleid.Dossierwerk)
            .MetBeleid("PartnerGroepen", Beleid.Partner)
            .MetBeleid("PartnerGroep", Beleid.Partner)
            .MetBeleid("PartnerBijeenkomst", Beleid.Partner);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapNetwerkApi();
        r.Api.MapGroepenApi();
    }
}
