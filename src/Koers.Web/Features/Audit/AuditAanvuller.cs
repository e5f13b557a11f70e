using System.Net;
using System.Security.Claims;
using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Koers.Web.Features.Audit;

/// <summary>
/// Fills the context of every new audit row when it is saved, whichever feature wrote it: role, organisation and region of
/// the user, the client's IP address and the purpose (doelbinding) of the request. Features only say what happened to
/// which case; they cannot forget who, from where and why. A row written under a system actor's name (the DUO link, the
/// nightly run) gets "Systeem"/"Koers", not the context of whatever request happened to trigger it.
///
/// Costs no statement on the usual path: the request already loaded the user's reach for its access check.
/// </summary>
public sealed class AuditAanvuller(IHttpContextAccessor http, IServiceScopeFactory scopes) : SaveChangesInterceptor, Kern.IAuditAanvulling
{
    public const string Systeem = "Systeem";
    public const string SysteemOrganisatie = "Koers";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        VulAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await VulAsync(eventData.Context, cancellationToken);
        return result;
    }

    private async Task VulAsync(DbContext? context, CancellationToken ct)
    {
        if (context is null) return;
        List<AuditRegel>? nieuw = null;
        foreach (var entry in context.ChangeTracker.Entries<AuditRegel>())
        {
            if (entry.State == EntityState.Added) (nieuw ??= []).Add(entry.Entity);
        }

        if (nieuw is null) return;
        await VulAsync(nieuw, ct);
    }

    /// <summary>
    /// Fills rows that are not saved through a context's SaveChanges (<see cref="Kern.Auditlog.LeesGeteldAsync{T}"/> sends
    /// its row in the batch of the read it describes): the same context as every other row gets.
    /// </summary>
    public async Task VulAsync(IReadOnlyList<AuditRegel> nieuw, CancellationToken ct)
    {
        var verzoek = http.HttpContext;
        var gebruiker = verzoek?.User is { Identity.IsAuthenticated: true } u ? u : null;
        var naam = gebruiker?.Identity?.Name;
        var doel = AuditDoel.Voor(verzoek);
        var notities = verzoek?.RequestServices.GetService<AuditVerzoek>();
        Bereik? bereik = null;
        foreach (var regel in nieuw)
        {
            if (regel.InburgeraarId is { } id) notities?.Gelogd.Add(id);
            if (string.IsNullOrEmpty(regel.Doel)) regel.Doel = doel;
            if (naam is not null && regel.Gebruiker == naam)
            {
                bereik ??= await BereikAsync(verzoek!, ct);
                regel.Rol ??= Rollen(gebruiker!);
                regel.Organisatie ??= Kort(bereik.Organisatie);
                regel.RegioId ??= bereik.RegioId;
                regel.IpAdres ??= IpAdres(verzoek!);
            }
            else
            {
                regel.Rol ??= Systeem;
                regel.Organisatie ??= SysteemOrganisatie;
            }
        }
    }

    /// <summary>The request's reach as its access check loaded it; only when no check ran yet, loaded in a scope of its own.</summary>
    private async Task<Bereik> BereikAsync(HttpContext verzoek, CancellationToken ct)
    {
        if (verzoek.RequestServices.GetService<Toegang>()?.Geladen is { } geladen) return geladen;
        // Not with the context being saved: a query from inside its SaveChanges is not allowed.
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Toegang>().BereikAsync(ct);
    }

    public static string Rollen(ClaimsPrincipal gebruiker)
    {
        var rollen = Data.Model.Rollen.Alle.Where(gebruiker.IsInRole).Select(Data.Model.Rollen.Omschrijving).ToList();
        return Kort(rollen.Count == 0 ? "geen rol" : string.Join(", ", rollen));
    }

    /// <summary>The client address as Kestrel (or the forwarded-headers middleware behind a proxy) set it; IPv4 without the IPv6 wrapper.</summary>
    public static string? IpAdres(HttpContext verzoek)
    {
        var ip = verzoek.Connection.RemoteIpAddress;
        if (ip is null) return null;
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        return ip.ToString();
    }

    private static string Kort(string tekst) => tekst.Length > 200 ? tekst[..200] : tekst;
}
