using System.Security.Claims;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Versleuteling;
using Koers.Domain.Identity;
using Koers.Web.Features.Audit;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Beveiliging;

/// <summary>
/// DigiD's assurance levels, lowest first. DigiD names them Basis, Midden, Substantieel and Hoog; a broker passes the
/// level reached as the OpenID Connect <c>acr</c> claim, either as DigiD's SAML context class or as the eIDAS level.
/// </summary>
public enum Betrouwbaarheidsniveau
{
    Basis = 1,
    Midden = 2,
    Substantieel = 3,
    Hoog = 4,
}

/// <summary>Settings under <c>Authentication:DigiD</c> (docs/operations.md). DigiD is off unless Authority is set.</summary>
public sealed class DigiDOpties
{
    public const string Sectie = "Authentication:DigiD";
    public const string Schema = "digid";

    /// <summary>The broker's OpenID Connect issuer (municipalities reach DigiD through a broker, not directly).</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The claim that carries the BSN. Brokers differ: "bsn", or "sub" (sometimes as "s00000000:&lt;bsn&gt;").</summary>
    public string BsnClaim { get; set; } = "bsn";

    /// <summary>
    /// The lowest level Koers accepts. Default Substantieel: the portal shows special-category data (health in the
    /// brede intake, BSN), for which the Forum Standaardisatie's guidance on betrouwbaarheidsniveaus asks eIDAS
    /// substantial. A municipality may choose otherwise (Authentication:DigiD:MinimaalNiveau).
    /// </summary>
    public Betrouwbaarheidsniveau MinimaalNiveau { get; set; } = Betrouwbaarheidsniveau.Substantieel;

    public bool Aan => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>
/// DigiD for the inburgeraar through the municipality's OpenID Connect broker. The portal account is found by the BSN the
/// broker passes, through the blind index; Koers never creates an account from a sign-in and never links one by e-mail.
/// The level is checked on what the broker says was reached, not on what Koers asked for.
/// </summary>
public static class DigiD
{
    /// <summary>The claims Koers copies from the id_token into the external sign-in, under its own names.</summary>
    public const string BsnClaim = "koers:digid:bsn";
    public const string NiveauClaim = "koers:digid:niveau";

    private static readonly Dictionary<string, Betrouwbaarheidsniveau> Acr = new(StringComparer.Ordinal)
    {
        // DigiD's SAML AuthnContextClassRef values (Logius, DigiD koppelvlakspecificatie).
        ["urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"] = Betrouwbaarheidsniveau.Basis,
        ["urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"] = Betrouwbaarheidsniveau.Midden,
        ["urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard"] = Betrouwbaarheidsniveau.Substantieel,
        ["urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI"] = Betrouwbaarheidsniveau.Hoog,
        // The eIDAS levels (Commission Implementing Regulation (EU) 2015/1502) as some brokers pass them.
        ["http://eidas.europa.eu/LoA/low"] = Betrouwbaarheidsniveau.Basis,
        ["http://eidas.europa.eu/LoA/substantial"] = Betrouwbaarheidsniveau.Substantieel,
        ["http://eidas.europa.eu/LoA/high"] = Betrouwbaarheidsniveau.Hoog,
    };

    /// <summary>The acr value Koers asks for: DigiD's own class for the level.</summary>
    public static string AcrVoor(Betrouwbaarheidsniveau niveau) => Acr.First(a => a.Value == niveau && a.Key.StartsWith("urn:", StringComparison.Ordinal)).Key;

    public static Betrouwbaarheidsniveau? NiveauVan(string? acr) => acr is not null && Acr.TryGetValue(acr, out var n) ? n : null;

    /// <summary>Plain http only to a provider on this machine (the tests start one); anywhere else the metadata must be https.</summary>
    public static bool HttpsVereist(string? authority) => !Uri.TryCreate(authority, UriKind.Absolute, out var a) || !a.IsLoopback;

    public static AuthenticationBuilder AddDigiD(this AuthenticationBuilder auth, IConfiguration configuration)
    {
        var opties = configuration.GetSection(DigiDOpties.Sectie).Get<DigiDOpties>() ?? new DigiDOpties();
        auth.Services.AddSingleton(opties);
        auth.Services.AddScoped<DigiDAanmelding>();
        if (!opties.Aan) return auth;

        OidcMakelaar.Voeg(auth, DigiDOpties.Schema, "DigiD", opties.Authority!, opties.ClientId, opties.ClientSecret,
            AcrVoor(opties.MinimaalNiveau), opties.BsnClaim, BsnClaim, NiveauClaim);
        return auth;
    }
}

/// <summary>
/// What a DigiD sign-in comes to: the portal account, or why not as a key into the shared texts (Kop.resx, in the seven
/// portal languages) with its arguments, so the person reads it in the language they chose on the sign-in page.
/// </summary>
public sealed record DigiDUitkomst(Gebruiker? Gebruiker, string? Fout, params object[] Argumenten);

/// <summary>Finds the portal account for a DigiD sign-in and writes the audit line; see <see cref="DigiD"/>.</summary>
public sealed class DigiDAanmelding(KoersDbContext db, BsnBescherming bescherming, UserManager<Gebruiker> users, DigiDOpties opties, ILogger<DigiDAanmelding> log, Auditlog audit)
{
    public const string Doel = "inloggen Mijn inburgering";

    public async Task<DigiDUitkomst> ZoekAsync(ClaimsPrincipal extern_, string? ipAdres, CancellationToken ct = default)
    {
        var niveau = DigiD.NiveauVan(extern_.FindFirst(DigiD.NiveauClaim)?.Value);
        if (niveau is null || niveau < opties.MinimaalNiveau)
        {
            log.LogWarning("DigiD-aanmelding geweigerd: niveau {Niveau} onder het minimum {Minimum}", niveau?.ToString() ?? "onbekend", opties.MinimaalNiveau);
            return new(null, "DigiDNiveau", niveau?.ToString() ?? "?", opties.MinimaalNiveau.ToString());
        }

        var ruw = extern_.FindFirst(DigiD.BsnClaim)?.Value;
        // "s00000000:999990019" (the sector code before the number) as well as the bare number.
        var nummer = ruw?[(ruw.LastIndexOf(':') + 1)..].Trim();
        if (nummer is null || !Bsn.TryParse(nummer, out var bsn, out _))
        {
            log.LogWarning("DigiD-aanmelding geweigerd: de inlogdienst gaf geen geldig BSN door");
            return new(null, "DigiDGeenBsn");
        }

        // All cases with this BSN (a person who moved has one per municipality), then the portal account of any of them.
        var dossiers = await db.Inburgeraars.AsNoTracking().MetBsn(bescherming, bsn).Select(i => i.Id).ToListAsync(ct);
        var accounts = await db.Users.Where(u => u.InburgeraarId != null && dossiers.Contains(u.InburgeraarId.Value)).ToListAsync(ct);
        var portaal = new List<Gebruiker>();
        foreach (var account in accounts)
        {
            if (await users.IsInRoleAsync(account, Rollen.Inburgeraar)) portaal.Add(account);
        }

        if (portaal.Count != 1)
        {
            log.LogWarning("DigiD-aanmelding geweigerd: {Aantal} portaalaccounts bij dit BSN ({Dossiers} dossiers)", portaal.Count, dossiers.Count);
            return new(null, portaal.Count == 0 ? "DigiDGeenAccount" : "DigiDMeerAccounts");
        }

        var gebruiker = portaal[0];
        if (await users.IsLockedOutAsync(gebruiker))
        {
            return new(null, "DigiDGeblokkeerd");
        }

        var regel = audit.Schrijf(AuditActie.Inzien, gebruiker.InburgeraarId, $"Ingelogd met DigiD (niveau {niveau})",
            AuditObject.Van<Gebruiker>(gebruiker.Id), door: gebruiker.Email ?? gebruiker.UserName ?? gebruiker.Id, doel: Doel);
        // The sign-in is not on this request's user yet, so AuditAanvuller would take it for a system row: role and address here.
        regel.Rol = Rollen.Inburgeraar;
        regel.IpAdres = ipAdres;
        await db.SaveChangesAsync(ct);
        return new(gebruiker, null);
    }
}
