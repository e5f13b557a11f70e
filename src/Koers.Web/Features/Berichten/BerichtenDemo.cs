using Koers.Data;
using Koers.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Berichten;

/// <summary>
/// Demo: the demo inburgeraar (inburgeraar@demo.example) chose e-mail in the portal, so an appointment or message
/// made in the demo produces an e-mail (in Development an .eml file in berichten-demo/, see the README).
/// </summary>
public static class BerichtenDemo
{
    public const string Adres = "inburgeraar@demo.example";

    public static async Task SeedAsync(KoersDbContext db, Guid? demoInburgeraar, DateTime nu, CancellationToken ct)
    {
        if (demoInburgeraar is not { } id) return;
        var i = await db.Inburgeraars.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null || await db.Berichttoestemmingen.AnyAsync(b => b.InburgeraarId == id, ct)) return;
        i.Email = Adres;
        db.Berichttoestemmingen.Add(new Berichttoestemming { InburgeraarId = id, Kanaal = Berichtkanaal.Email, Aan = true, Op = nu.AddDays(-14), Door = Adres, Via = ToestemmingBron.Portaal });
        await db.SaveChangesAsync(ct);
    }
}
