using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Clock;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Termijnen;

/// <summary>For each municipality and kind of deadline, the days ahead at which an open deadline turns orange.</summary>
public sealed class Signaleringen(IReadOnlyDictionary<(int Gemeente, TermijnCode Termijn), int> dagen)
{
    public static readonly Signaleringen Standaard = new(new Dictionary<(int, TermijnCode), int>());

    public int Dagen(int gemeente, TermijnCode termijn) => dagen.GetValueOrDefault((gemeente, termijn), Termijnsignalering.Standaard);

    /// <summary>The largest number of days set (at least the default): how far ahead the worklist must look.</summary>
    public int Grootste => dagen.Count == 0 ? Termijnsignalering.Standaard : Math.Max(Termijnsignalering.Standaard, dagen.Values.Max());

    /// <summary>The settings that differ from the default (<see cref="Termijnsignalering.Standaard"/>), for a query that applies
    /// each municipality's days per kind in SQL.</summary>
    public IEnumerable<((int Gemeente, TermijnCode Termijn) Sleutel, int Dagen)> Afwijkend =>
        dagen.Where(kv => kv.Value != Termijnsignalering.Standaard).OrderBy(kv => kv.Key.Gemeente).ThenBy(kv => kv.Key.Termijn).Select(kv => (kv.Key, kv.Value));

    /// <summary>Whether an open deadline due in <paramref name="dagenResterend"/> days is orange (or red: overdue).</summary>
    public bool Signaleert(int gemeente, TermijnCode termijn, int dagenResterend) => dagenResterend <= Dagen(gemeente, termijn);
}

public sealed record SignaleringRegel(TermijnCode Termijn, string Omschrijving, int Dagen, bool Standaard, DateTime? GewijzigdOp, string? GewijzigdDoor);

/// <summary>
/// Deadline alerts per municipality (functioneel beheer): how many days ahead each kind of deadline turns orange on the
/// worklist and the case page. Without a setting: 14 days, Koers's fixed horizon before. Every change is audited.
/// </summary>
public sealed class SignaleringService(KoersDbContext db, Kern.Toegang toegang, Auditlog audit, Kern.Instellingencache instellingen)
{
    /// <summary>
    /// The settings of these municipalities (those without a row get the default). Kept in the
    /// <see cref="Kern.Instellingencache"/> per set of municipalities (the worklist and its API read them on every
    /// request); a saved <see cref="Termijnsignalering"/> empties it.
    /// </summary>
    public async Task<Signaleringen> VoorAsync(IReadOnlyCollection<int> gemeenten, CancellationToken ct = default)
    {
        return await instellingen.VoorGemeentenAsync<Termijnsignalering, Signaleringen>("signalering", gemeenten, async ids =>
        {
            var rijen = await db.Set<Termijnsignalering>().AsNoTracking().Where(s => ids.Contains(s.GemeenteId))
                .Select(s => new { s.GemeenteId, s.Termijn, s.DagenVooraf }).ToListAsync(ct);
            return new Signaleringen(rijen.ToDictionary(r => (r.GemeenteId, r.Termijn), r => r.DagenVooraf));
        });
    }

    public Task<List<Gemeente>> GemeentenAsync(CancellationToken ct = default) => toegang.GemeentenInBereikAsync(ct);

    /// <summary>The setting of a municipality within reach: one row per kind of deadline.</summary>
    public async Task<(Gemeente Gemeente, IReadOnlyList<SignaleringRegel> Regels)?> InstellingAsync(string? gemeenteCode, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(gemeenteCode)) return null;
        var code = gemeenteCode.Trim().ToUpperInvariant();
        var gemeente = await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == code, ct);
        if (gemeente is null || !(await toegang.BereikAsync(ct)).Gemeenten.Contains(gemeente.Id)) return null;
        var rijen = await db.Set<Termijnsignalering>().AsNoTracking().Where(s => s.GemeenteId == gemeente.Id).ToListAsync(ct);
        var regels = Enum.GetValues<TermijnCode>().Select(t => rijen.FirstOrDefault(r => r.Termijn == t) is { } r
            ? new SignaleringRegel(t, t.Omschrijving(), r.DagenVooraf, false, r.GewijzigdOp, r.GewijzigdDoor)
            : new SignaleringRegel(t, t.Omschrijving(), Termijnsignalering.Standaard, true, null, null)).ToList();
        return (gemeente, regels);
    }

    /// <summary>
    /// Saves the days per kind of deadline (whole days, 0 to 365) as typed; field keys are "Dagen[Code]". A kind not given
    /// keeps its setting. Returns the municipality code.
    /// </summary>
    /// <param name="termijnmail">The municipality's daily e-mail to its klantregisseurs on (true) or off; null keeps it.</param>
    public async Task<Uitkomst<string>> OpslaanAsync(string gemeenteCode, IReadOnlyDictionary<string, string?> invoer, bool? termijnmail = null, CancellationToken ct = default)
    {
        var gevonden = await InstellingAsync(gemeenteCode, ct);
        if (gevonden is null) return Uitkomst<string>.Onbekend();
        var gemeente = gevonden.Value.Gemeente;
        var fouten = Veldfouten.Nieuw();
        var nieuw = new Dictionary<TermijnCode, int>();
        // In the order of the form, so the error summary lists the fields top to bottom.
        foreach (var (sleutel, tekst) in invoer.OrderBy(kv => Enum.TryParse<TermijnCode>(kv.Key, true, out var c) ? (int)c : int.MaxValue))
        {
            if (!Enum.TryParse<TermijnCode>(sleutel, true, out var termijn) || !Enum.IsDefined(termijn))
            {
                fouten.Voeg($"Dagen[{sleutel}]", $"Onbekende termijn '{sleutel}'.");
                continue;
            }

            var veld = $"Dagen[{termijn}]";
            if (string.IsNullOrWhiteSpace(tekst)) fouten.Voeg(veld, $"{termijn.Omschrijving()}: vul het aantal dagen in (standaard {Termijnsignalering.Standaard}).");
            else if (!int.TryParse(tekst.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var dagen) || dagen > Termijnsignalering.Maximum)
                fouten.Voeg(veld, $"{termijn.Omschrijving()}: vul een heel aantal dagen in van 0 tot en met {Termijnsignalering.Maximum}.");
            else nieuw[termijn] = dagen;
        }

        if (fouten.Count > 0) return Uitkomst<string>.Geweigerd(fouten);

        var bestaand = await db.Set<Termijnsignalering>().Where(s => s.GemeenteId == gemeente.Id).ToListAsync(ct);
        foreach (var (termijn, dagen) in nieuw)
        {
            var rij = bestaand.FirstOrDefault(s => s.Termijn == termijn);
            var oud = rij?.DagenVooraf ?? Termijnsignalering.Standaard;
            if (oud == dagen && (rij is not null || dagen == Termijnsignalering.Standaard)) continue;
            if (rij is null)
            {
                db.Add(new Termijnsignalering { GemeenteId = gemeente.Id, Termijn = termijn, DagenVooraf = dagen });
            }
            else
            {
                rij.DagenVooraf = dagen;
            }

            audit.Schrijf(AuditActie.Wijzigen, null, $"Termijnsignalering gemeente {gemeente.Naam}: {termijn.Omschrijving()} {oud} → {dagen} dagen vooraf", AuditObject.Van<Gemeente>(gemeente.Code));
        }

        if (termijnmail is { } mail && mail != gemeente.DagelijkseTermijnmail)
        {
            await db.Gemeenten.Where(g => g.Id == gemeente.Id).ExecuteUpdateAsync(u => u.SetProperty(g => g.DagelijkseTermijnmail, mail), ct);
            audit.Schrijf(AuditActie.Wijzigen, null, $"Dagelijkse e-mail met naderende termijnen voor de klantregisseurs van gemeente {gemeente.Naam}: {(mail ? "aan" : "uit")}", AuditObject.Van<Gemeente>(gemeente.Code));
        }

        await db.SaveChangesAsync(ct);
        return Uitkomst<string>.Ok(gemeente.Code);
    }
}
