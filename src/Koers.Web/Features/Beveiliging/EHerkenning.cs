using System.Security.Claims;
using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Features.Audit;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Beveiliging;

/// <summary>eHerkenning's assurance levels (betrouwbaarheidsniveaus), lowest first.</summary>
public enum EHerkenningNiveau
{
    EH2 = 2,
    EH2Plus = 3,
    EH3 = 4,
    EH4 = 5,
}

/// <summary>Settings under <c>Authentication:EHerkenning</c> (docs/operations.md). Off unless Authority is set.</summary>
public sealed class EHerkenningOpties
{
    public const string Sectie = "Authentication:EHerkenning";
    public const string Schema = "eherkenning";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The claim with the KvK number of the organisation the person acts for (eHerkenning's LegalSubjectID).</summary>
    public string KvkClaim { get; set; } = "kvk";

    /// <summary>Default EH3 (eIDAS substantial): a partner sees special-category data of the people it works with.</summary>
    public EHerkenningNiveau MinimaalNiveau { get; set; } = EHerkenningNiveau.EH3;

    public bool Aan => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>
/// eHerkenning for chain-partner staff through the municipality's OpenID Connect broker. eHerkenning says who acts (a
/// pseudonym, the OIDC subject) for which organisation (its KvK number), not which Koers account that is. So the link is
/// made once by the partner employee while signed in to Koers (Mijn account → "eHerkenning koppelen"), and on every sign-in
/// Koers checks the link, the Partner role, the level, and that the KvK number is the one of the employee's organisation
/// in Koers: an employee who moves to another organisation, or an organisation whose KvK number changes, is out at once.
/// </summary>
public static class EHerkenning
{
    public const string KvkClaim = "koers:eherkenning:kvk";
    public const string NiveauClaim = "koers:eherkenning:niveau";

    private static readonly Dictionary<string, EHerkenningNiveau> Acr = new(StringComparer.Ordinal)
    {
        // The eHerkenning assurance classes (Afsprakenstelsel Elektronische Toegangsdiensten).
        ["urn:etoegang:core:assurance-class:loa2"] = EHerkenningNiveau.EH2,
        ["urn:etoegang:core:assurance-class:loa2plus"] = EHerkenningNiveau.EH2Plus,
        ["urn:etoegang:core:assurance-class:loa3"] = EHerkenningNiveau.EH3,
        ["urn:etoegang:core:assurance-class:loa4"] = EHerkenningNiveau.EH4,
    };

    public static string AcrVoor(EHerkenningNiveau niveau) => Acr.First(a => a.Value == niveau).Key;

    public static EHerkenningNiveau? NiveauVan(string? acr) => acr is not null && Acr.TryGetValue(acr, out var n) ? n : null;

    public static string Naam(EHerkenningNiveau niveau) => niveau == EHerkenningNiveau.EH2Plus ? "EH2+" : niveau.ToString();

    public static AuthenticationBuilder AddEHerkenning(this AuthenticationBuilder auth, IConfiguration configuration)
    {
        var opties = configuration.GetSection(EHerkenningOpties.Sectie).Get<EHerkenningOpties>() ?? new EHerkenningOpties();
        auth.Services.AddSingleton(opties);
        auth.Services.AddScoped<EHerkenningAanmelding>();
        if (!opties.Aan) return auth;

        OidcMakelaar.Voeg(auth, EHerkenningOpties.Schema, "eHerkenning", opties.Authority!, opties.ClientId, opties.ClientSecret,
            AcrVoor(opties.MinimaalNiveau), opties.KvkClaim, KvkClaim, NiveauClaim);
        return auth;
    }
}

/// <summary>Checks an eHerkenning sign-in or link against the partner account; see <see cref="EHerkenning"/>.</summary>
public sealed class EHerkenningAanmelding(KoersDbContext db, UserManager<Gebruiker> users, EHerkenningOpties opties, ILogger<EHerkenningAanmelding> log, Auditlog audit)
{
    public const string Doel = "inloggen ketenpartner";

    /// <summary>Sign-in: the account linked to this eHerkenning identity, if everything still holds.</summary>
    public async Task<(Gebruiker? Gebruiker, string? Fout)> InloggenAsync(ExternalLoginInfo info, string? ipAdres, CancellationToken ct = default)
    {
        var gebruiker = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (gebruiker is null)
        {
            log.LogWarning("eHerkenning-aanmelding geweigerd: geen gekoppeld account");
            return (null, "Deze eHerkenning is nog niet aan een Koers-account gekoppeld. Log één keer in met uw e-mailadres en wachtwoord " +
                "en kies bij 'Mijn account' voor 'eHerkenning koppelen'.");
        }

        var fout = await ControleerAsync(gebruiker, info.Principal, ct);
        if (fout is not null) return (null, fout);
        if (await users.IsLockedOutAsync(gebruiker)) return (null, "Uw account is tijdelijk geblokkeerd. Probeer het later opnieuw.");
        await AuditAsync(gebruiker, AuditActie.Inzien, $"Ingelogd met eHerkenning (niveau {EHerkenning.Naam(Niveau(info.Principal)!.Value)})", ipAdres, ct);
        return (gebruiker, null);
    }

    /// <summary>Link: the signed-in partner employee ties this eHerkenning identity to their own account.</summary>
    public async Task<string?> KoppelenAsync(Gebruiker gebruiker, ExternalLoginInfo info, string? ipAdres, CancellationToken ct = default)
    {
        var fout = await ControleerAsync(gebruiker, info.Principal, ct);
        if (fout is not null) return fout;
        var bestaand = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (bestaand is not null && bestaand.Id != gebruiker.Id) return "Deze eHerkenning is al aan een ander Koers-account gekoppeld.";
        if (bestaand is null)
        {
            var resultaat = await users.AddLoginAsync(gebruiker, info);
            if (!resultaat.Succeeded) return "Koppelen is niet gelukt: " + string.Join(" ", resultaat.Errors.Select(e => e.Description));
        }

        await AuditAsync(gebruiker, AuditActie.Wijzigen, "eHerkenning gekoppeld aan het account", ipAdres, ct);
        return null;
    }

    private static EHerkenningNiveau? Niveau(ClaimsPrincipal p) => EHerkenning.NiveauVan(p.FindFirst(EHerkenning.NiveauClaim)?.Value);

    private async Task<string?> ControleerAsync(Gebruiker gebruiker, ClaimsPrincipal extern_, CancellationToken ct)
    {
        if (!await users.IsInRoleAsync(gebruiker, Rollen.Partner) || gebruiker.PartnerorganisatieId is null)
        {
            return "eHerkenning is er voor medewerkers van ketenpartners. Medewerkers van de gemeente loggen in via de inlogdienst van de gemeente.";
        }

        var niveau = Niveau(extern_);
        if (niveau is null || niveau < opties.MinimaalNiveau)
        {
            return $"U bent ingelogd met eHerkenning op niveau {(niveau is { } n ? EHerkenning.Naam(n) : "onbekend")}. " +
                $"Voor Koers is minimaal {EHerkenning.Naam(opties.MinimaalNiveau)} nodig.";
        }

        var kvk = extern_.FindFirst(EHerkenning.KvkClaim)?.Value;
        var organisatie = await db.Partnerorganisaties.AsNoTracking().Where(p => p.Id == gebruiker.PartnerorganisatieId)
            .Select(p => new { p.Naam, p.KvkNummer, p.Actief }).SingleAsync(ct);
        if (string.IsNullOrEmpty(organisatie.KvkNummer) || kvk != organisatie.KvkNummer || !organisatie.Actief)
        {
            log.LogWarning("eHerkenning geweigerd: KvK-nummer past niet bij partnerorganisatie {Partner}", gebruiker.PartnerorganisatieId);
            return $"U logt in met eHerkenning voor een andere organisatie dan {organisatie.Naam}" +
                (string.IsNullOrEmpty(organisatie.KvkNummer) ? ", of de gemeente heeft het KvK-nummer van uw organisatie nog niet vastgelegd." : ".");
        }

        return null;
    }

    private async Task AuditAsync(Gebruiker gebruiker, AuditActie actie, string omschrijving, string? ipAdres, CancellationToken ct)
    {
        var regel = audit.Schrijf(actie, null, omschrijving, AuditObject.Van<Gebruiker>(gebruiker.Id), door: gebruiker.Email ?? gebruiker.UserName ?? gebruiker.Id, doel: Doel);
        // The sign-in is not on this request's user yet, so AuditAanvuller would take it for a system row: role and address here.
        regel.Rol = Rollen.Partner;
        regel.IpAdres = ipAdres;
        await db.SaveChangesAsync(ct);
    }
}
