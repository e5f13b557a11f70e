using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Ontzorgen;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Ontzorgen;

/// <summary>
/// Synthetic payment runs for the demo (issue #23): the municipality of the demo inburgeraar gets a (synthetic) account to pay
/// from, and its team lead runs the three months before the current one through the real <see cref="BetaalrunService"/>, so
/// the runs, their SEPA files, the payment rows, the audit and the portal's monthly letters (Maandoverzicht) all agree. Only
/// past months: the current month stays open for whoever tries a run in the demo (and for the tests that do).
/// </summary>
public static class OntzorgenDemo
{
    public const string Teamleider = "anouk.vandenberg@kempen.example";

    /// <summary>A synthetic IBAN (valid check digits, bank code BNGH of the municipalities' bank, account number made up).</summary>
    public const string DemoIban = "NL38BNGH0285012345";

    public static async Task VulAsync(IServiceScopeFactory scopes, Klok klok, Guid? demoInburgeraar, CancellationToken ct = default)
    {
        if (demoInburgeraar is not { } eigen) return;
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<KoersDbContext>();
        var gemeente = await db.Inburgeraars.AsNoTracking().Where(i => i.Id == eigen).Select(i => i.Gemeente!).FirstOrDefaultAsync(ct);
        if (gemeente is null || await db.Set<Betaalrun>().AnyAsync(r => r.GemeenteId == gemeente.Id, ct)) return;

        var users = sp.GetRequiredService<UserManager<Gebruiker>>();
        if (await users.FindByEmailAsync(Teamleider) is not { } gebruiker) return;
        var accessor = sp.GetRequiredService<IHttpContextAccessor>();
        var vorige = accessor.HttpContext;
        accessor.HttpContext = new DefaultHttpContext { User = await sp.GetRequiredService<IUserClaimsPrincipalFactory<Gebruiker>>().CreateAsync(gebruiker), RequestServices = sp };
        try
        {
            var beleid = await sp.GetRequiredService<OntzorgenBeleidService>().VoorGemeenteAsync(gemeente, ct);
            if (string.IsNullOrWhiteSpace(beleid.DebiteurIban))
            {
                beleid.DebiteurIban = DemoIban;
                beleid.GewijzigdDoor = "demodata";
                await db.SaveChangesAsync(ct);
            }

            var runs = sp.GetRequiredService<BetaalrunService>();
            var deze = new DateOnly(klok.Vandaag.Year, klok.Vandaag.Month, 1);
            for (var terug = 3; terug >= 1; terug--)
            {
                var maand = deze.AddMonths(-terug);
                var u = await runs.UitvoerenAsync(new BetaalrunInvoer { Gemeente = gemeente.Code, Maand = OntzorgenWeergave.MaandCode(maand) }, ct);
                if (!u.Gelukt)
                {
                    throw new InvalidOperationException($"Demodata: betaalrun {maand:yyyy-MM} mislukt: "
                        + string.Join("; ", u.Fouten.SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}"))));
                }
            }
        }
        finally
        {
            accessor.HttpContext = vorige;
        }
    }
}
