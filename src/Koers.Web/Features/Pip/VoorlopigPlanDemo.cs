using System.Text.Json;
using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Domain.Pip;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Pip;

/// <summary>
/// Synthetic demo data: a voorlopig plan for a few Kempen asylum cases still in an AZC (koppeling, no BRP inschrijving),
/// as the Kempen policy line does. Deterministic: fixed order.
/// </summary>
public static class VoorlopigPlanDemo
{
    public static async Task SeedAsync(KoersDbContext db, DateOnly vandaag, CancellationToken ct = default)
    {
        var inAzc = (await db.Inburgeraars.AsNoTracking().Include(i => i.Gemeente).Include(i => i.Mijlpalen)
                .Where(i => i.Doelgroep == Doelgroep.Asielstatushouder && i.AzcLocatie != null)
                .OrderBy(i => i.Achternaam).ThenBy(i => i.Voornamen).ThenBy(i => i.Geboortedatum).ThenBy(i => i.BsnIndex).ThenBy(i => i.VNummerIndex)
                .AsSplitQuery().ToListAsync(ct))
            .Where(i => VoorlopigPlanService.GebruiktHet(i.Gemeente!) && VoorlopigPlanRegels.Toets(true, i.Feiten()).Mogelijk)
            .Take(3).ToList();
        foreach (var i in inAzc)
        {
            var inhoud = new PipInvoer { Hoofddoel = Hoofddoel.BetaaldWerken, Aanbieder = $"Taalles op het {i.AzcLocatie}", Knm = true, Pvt = true, Map = false }.AlsInhoud();
            db.Add(new VoorlopigPlan
            {
                InburgeraarId = i.Id, InhoudJson = JsonSerializer.Serialize(inhoud, OpgeslagenInhoud.PipOpties), OpgesteldOp = vandaag.AddDays(-7),
                GewijzigdDoor = "demodata",
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
