using System.Text.Json;
using System.Text.Json.Serialization;
using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Monitor;
using Koers.Web.Features.Audit;
using Koers.Web.Infrastructure;
using Koers.Web.Kern;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Doelenboom;

/// <summary>A municipality's doelenboom as configured, with who changed it last; Boom null when none is set.</summary>
public sealed record DoelenboomInrichting(Gemeente Gemeente, BoomKnoop? Boom, DateTime? GewijzigdOp, string? GewijzigdDoor);

/// <summary>
/// Reads and writes the doelenboom of a municipality (functioneel beheer, issue #22). The tree holds no personal data;
/// changes are audited all the same, because they change what the monitor reports to the council.
/// </summary>
public sealed class DoelenboomService(KoersDbContext db, Klok klok, Kern.Toegang toegang, Auditlog audit)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Task<List<Gemeente>> GemeentenAsync(CancellationToken ct = default) => toegang.GemeentenInBereikAsync(ct);

    /// <summary>The doelenboom of a municipality within the user's reach, or null when the municipality is unknown or out of reach.</summary>
    public async Task<DoelenboomInrichting?> InrichtingAsync(string? gemeenteCode, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(gemeenteCode)) return null;
        var code = gemeenteCode.Trim().ToUpperInvariant();
        var gemeente = await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == code, ct);
        if (gemeente is null || !(await toegang.BereikAsync(ct)).Gemeenten.Contains(gemeente.Id)) return null;
        var rij = await db.Set<Data.Model.Doelenboom>().AsNoTracking().FirstOrDefaultAsync(x => x.GemeenteId == gemeente.Id, ct);
        return new DoelenboomInrichting(gemeente, rij is null ? null : Lees(rij.InhoudJson), rij?.GewijzigdOp, rij?.GewijzigdDoor);
    }

    /// <summary>The tree of a municipality by id, without an access check: the caller (the monitor) has checked its reach.</summary>
    internal async Task<BoomKnoop?> BoomVanAsync(int gemeenteId, CancellationToken ct) =>
        await db.Set<Data.Model.Doelenboom>().AsNoTracking().Where(x => x.GemeenteId == gemeenteId).Select(x => x.InhoudJson).FirstOrDefaultAsync(ct) is { } json ? Lees(json) : null;

    /// <summary>The municipalities among these ids that have a doelenboom.</summary>
    internal async Task<List<int>> MetBoomAsync(IReadOnlyCollection<int> gemeenteIds, CancellationToken ct) =>
        await db.Set<Data.Model.Doelenboom>().AsNoTracking().Where(x => gemeenteIds.Contains(x.GemeenteId)).Select(x => x.GemeenteId).ToListAsync(ct);

    /// <summary>
    /// Replaces the tree with the one in the outline. Errors are keyed "Regels[i]" (the line) or "Regels" (the whole),
    /// so the form shows them at the line and keeps what was typed.
    /// </summary>
    public async Task<Uitkomst<string>> OpslaanAsync(string gemeenteCode, IReadOnlyList<Boomregel>? regels, CancellationToken ct = default)
    {
        var huidig = await InrichtingAsync(gemeenteCode, ct);
        if (huidig is null) return Uitkomst<string>.Onbekend();
        var (boom, regelfouten) = Doelenboomregels.Lees(regels ?? [], klok.Vandaag.Year);
        if (boom is null)
        {
            var fouten = Veldfouten.Nieuw();
            foreach (var (i, meldingen) in regelfouten)
            {
                foreach (var m in meldingen) fouten.Voeg(i < 0 ? "Regels" : $"Regels[{i}]", i < 0 ? m : $"Regel {i + 1}: {m}");
            }

            return Uitkomst<string>.Geweigerd(fouten);
        }

        var gemeente = huidig.Gemeente;
        var rij = await db.Set<Data.Model.Doelenboom>().FirstOrDefaultAsync(x => x.GemeenteId == gemeente.Id, ct);
        if (rij is null)
        {
            rij = new Data.Model.Doelenboom { GemeenteId = gemeente.Id };
            db.Add(rij);
        }

        rij.InhoudJson = JsonSerializer.Serialize(boom, Json);
        var knopen = boom.MetAfstammelingen().ToList();
        audit.Schrijf(AuditActie.Wijzigen, null, $"Doelenboom gemeente {gemeente.Naam}: {knopen.Count} onderdelen, {knopen.Sum(k => k.Kpis.Count)} KPI's");
        await db.SaveChangesAsync(ct);
        return Uitkomst<string>.Ok(gemeente.Code);
    }

    internal static BoomKnoop Lees(string json) => JsonSerializer.Deserialize<BoomKnoop>(json, Json)
                                                     ?? throw new InvalidOperationException("Een opgeslagen doelenboom is leeg.");
}
