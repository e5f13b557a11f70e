using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Voortgang;

/// <summary>Progress: talks, partners' reports and hours, the CSV import.</summary>
public sealed class VoortgangModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddScoped<RapportageService>();
        d.Services.AddScoped<UrenCsvImport>();
        d.Services.AddSingleton(new UrenCsvSchrijfwijze { SetGewijs = d.Configuration.GetValue("Koers:Voortgang:CsvSetGewijs", true) });
        d.Services.AddScoped<VoortgangService>();
        d.Services.AddSignaalbron<VoortgangSignaalbron>();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Index", Beleid.Dossierwerk);
        p.VoorRollen("PartnerDossier", Rollen.Partner).VoorRollen("Rapportage", Rollen.Partner).VoorRollen("Upload", Rollen.Partner);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapVoortgangApi();
    }
}
