using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Koers.Web.Kern;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Koers.Web.Features.Werkvoorraad;

/// <summary>Settings under <c>Koers:Werkvoorraad</c>.</summary>
public sealed class WerkvoorraadInstellingen
{
    /// <summary>
    /// How long the worklist page keeps what it read for a user (0: never). Colleagues' changes, partners' reports and DUO
    /// events show within this time; the user's own changes and "Vernieuwen" show at once.
    /// </summary>
    public int BewaarSeconden { get; set; } = 30;

    /// <summary>The most lines (table rows plus signal lines) kept over all users, so memory stays bounded.</summary>
    public int BewaarRegels { get; set; } = 200_000;
}

/// <summary>What the worklist page shows, as read at <see cref="GelezenUtc"/>. Immutable: shared between requests.</summary>
public sealed record Werkvoorraadbeeld(
    WerkvoorraadPagina Resultaat,
    IReadOnlyList<(int Id, string Naam, string Team)> Regisseurs,
    IReadOnlyList<(int Id, string Naam)> Teams,
    IReadOnlyList<(string Code, string Naam)> Gemeenten,
    IReadOnlyList<Signaalsectie> Signalen,
    DateTime GelezenUtc)
{
    internal int Regels => Resultaat.Regels.Count + Signalen.Sum(s => s.Regels.Count) + 1;
}

/// <summary>
/// Keeps what the worklist page read for a user for <see cref="WerkvoorraadInstellingen.BewaarSeconden"/> (30 s).
/// Why: without a filter the page reads every open deadline, questionnaire and chain signal of the user's municipality or
/// sharing region (up to ~10,000 cases: ~80 ms of PostgreSQL and ~25 ms of Koers per page on the national set, so two
/// cores serve about 20 such pages a second), and a klantregisseur comes back to it after every case they open.
/// Issue #21 asks 100 of those pages a second; the work itself cannot get that small, so a repeat within the term is
/// served from memory.
/// What keeps it right:
/// <list type="bullet">
/// <item>Per user (sign-in id and roles), filter, page and day: nobody gets what was read for someone else.</item>
/// <item>The user's own changes: every POST, PUT, PATCH or DELETE of a signed-in browser sets a new
/// <see cref="Cookie"/> (<see cref="WerkvoorraadWijzigingenMiddleware"/>), which is part of the key, so the worklist after
/// saving anything is read fresh, on whichever instance serves it.</item>
/// <item>A change to users, staff, teams, regions or municipalities empties it at once on this instance (the
/// <see cref="Bereikcache"/>'s token; other instances within the term).</item>
/// <item>Everyone else's changes show within the term. The page says when it was read and offers "Vernieuwen"
/// (<c>?vers=true</c>), which reads fresh and keeps that.</item>
/// </list>
/// </summary>
public sealed class Werkvoorraadcache : IDisposable
{
    private sealed record Bewaard(Werkvoorraadbeeld Beeld, DateTime TotUtc);

    public const string Cookie = "Koers.Werkvoorraad";

    private readonly MemoryCache _cache;
    private readonly Bereikcache _bereik;
    private readonly TimeProvider _tijd;

    public Werkvoorraadcache(IOptions<WerkvoorraadInstellingen> opties, Bereikcache bereik, TimeProvider tijd)
    {
        _bereik = bereik;
        _tijd = tijd;
        Duur = TimeSpan.FromSeconds(Math.Max(0, opties.Value.BewaarSeconden));
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, opties.Value.BewaarRegels) });
    }

    public TimeSpan Duur { get; }

    public bool Aan => Duur > TimeSpan.Zero;

    public void Dispose() => _cache.Dispose();

    /// <summary>
    /// The worklist for <paramref name="gebruiker"/> with <paramref name="filter"/> (every value that changes what the page
    /// shows), from memory when read within the term, else from <paramref name="lees"/>.
    /// </summary>
    public async Task<Werkvoorraadbeeld> HaalAsync(ClaimsPrincipal gebruiker, HttpRequest verzoek, string filter, bool vers,
        Func<DateTime, Task<Werkvoorraadbeeld>> lees)
    {
        var nu = _tijd.GetUtcNow().UtcDateTime;
        var id = gebruiker.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!Aan || id is null) return await lees(nu);

        var rollen = string.Join(',', gebruiker.FindAll(ClaimTypes.Role).Select(r => r.Value).Order(StringComparer.Ordinal));
        // Koers sets 16 characters; a longer value from a client is cut, so it cannot grow the keys kept in memory.
        var wijziging = verzoek.Cookies[Cookie] ?? string.Empty;
        var sleutel = string.Join('\n', id, rollen, wijziging.Length > 32 ? wijziging[..32] : wijziging, filter);
        // The term is checked on the app's clock (TimeProvider) as well: the memory cache expires on the system clock,
        // which a test's fixed clock does not move.
        if (!vers && _cache.TryGetValue(sleutel, out Bewaard? bekend) && nu >= bekend!.Beeld.GelezenUtc && nu < bekend.TotUtc)
            return bekend.Beeld;

        // Taken before reading: a change to someone's reach saved while reading cancels it, and what was read is not kept.
        var bereik = _bereik.Wijzigingstoken();
        var beeld = await lees(nu);
        if (bereik.HasChanged) return beeld;
        // Kept for between half the term and the whole term, at random: users who all opened the page at once (the start
        // of the day, or a load test) would otherwise all have it read again at the same moment.
        var termijn = Duur * (0.5 + Random.Shared.NextDouble() / 2);
        using var entry = _cache.CreateEntry(sleutel);
        entry.Value = new Bewaard(beeld, nu + termijn);
        entry.Size = beeld.Regels;
        entry.AbsoluteExpirationRelativeToNow = termijn;
        entry.AddExpirationToken(bereik);
        return beeld;
    }
}

/// <summary>
/// Gives a signed-in browser a new <see cref="Werkvoorraadcache.Cookie"/> on every request that may change something
/// (anything but GET, HEAD, OPTIONS, TRACE), so that user's next worklist is read fresh (<see cref="Werkvoorraadcache"/>).
/// The value is random and means nothing; a client that sends another value only makes its own worklist be read again.
/// Requests with a bearer token (client programs) get none: they do not open the page. Nothing is set when the cache is off.
/// </summary>
public sealed class WerkvoorraadWijzigingenMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, Werkvoorraadcache cache)
    {
        var m = context.Request.Method;
        if (cache.Aan && !(HttpMethods.IsGet(m) || HttpMethods.IsHead(m) || HttpMethods.IsOptions(m) || HttpMethods.IsTrace(m))
            && context.User.Identity?.IsAuthenticated == true
            && context.Request.Headers.Authorization.Count == 0)
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Cookies.Append(Werkvoorraadcache.Cookie,
                    Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLower(CultureInfo.InvariantCulture),
                    new CookieOptions { Path = "/werkvoorraad", HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true });
                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}

public static class WerkvoorraadWijzigingenExtensions
{
    public static IApplicationBuilder UseWerkvoorraadWijzigingen(this IApplicationBuilder app) =>
        app.UseMiddleware<WerkvoorraadWijzigingenMiddleware>();
}
