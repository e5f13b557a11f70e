using static Koers.Web.Infrastructure.Invoer;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Ontzorgen;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Ontzorgen;
using Koers.Domain.Sources;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Ontzorgen;

/// <summary>
/// The ontzorgen policy per municipality (functioneel beheer). A municipality without a stored policy gets its default
/// (<see cref="Standaardbeleid"/>) the first time it is read, so no seeding is needed.
/// </summary>
public sealed class OntzorgenBeleidService(KoersDbContext db, DossierService dossiers, Klok klok, Kern.Toegang toegang, Auditlog audit)
{
    public const int MinimaleMaanden = 6;
    public const int MaximaleMaanden = 24;

    /// <summary>The municipalities within the user's reach (their own, or their sharing region).</summary>
    public Task<List<Gemeente>> GemeentenAsync(CancellationToken ct = default) => toegang.GemeentenInBereikAsync(ct);

    public async Task<(Gemeente Gemeente, OntzorgenBeleid Beleid)?> HaalAsync(string? gemeenteCode, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(gemeenteCode)) return null;
        var code = gemeenteCode.Trim().ToUpperInvariant();
        var gemeente = await db.Gemeenten.FirstOrDefaultAsync(g => g.Code == code, ct);
        // A municipality outside the user's reach is treated as unknown, like a case outside reach.
        if (gemeente is null || !(await toegang.BereikAsync(ct)).Gemeenten.Contains(gemeente.Id)) return null;
        return (gemeente, await VoorGemeenteAsync(gemeente, ct));
    }

    /// <summary>The stored policy, or the default saved now. Call it before changing anything else in this context.</summary>
    public async Task<OntzorgenBeleid> VoorGemeenteAsync(Gemeente gemeente, CancellationToken ct = default)
    {
        var beleid = await db.Set<OntzorgenBeleid>().FirstOrDefaultAsync(b => b.GemeenteId == gemeente.Id, ct);
        if (beleid is not null) return beleid;

        var standaard = Standaardbeleid.Voor(gemeente.Code);
        beleid = new OntzorgenBeleid
        {
            GemeenteId = gemeente.Id,
            Benadering = standaard.Regels.Benadering,
            Huur = standaard.Regels.Huur,
            GasEnStroom = standaard.Regels.GasEnStroom,
            Water = standaard.Regels.Water,
            Zorgverzekering = standaard.Regels.Zorgverzekering,
            OverigeLasten = standaard.Regels.OverigeLasten,
            VerlengenToegestaan = standaard.Regels.VerlengenToegestaan,
            TrainingAanbod = standaard.TrainingAanbod,
            DebiteurNaam = SepaTekst.Schoon($"Gemeente {gemeente.Naam}", 70),
            // A named system actor, deliberately not the user whose visit happened to create the default.
            GewijzigdDoor = "Koers (standaardbeleid)",
        };
        db.Add(beleid);
        AuditGemeente(AuditActie.Aanmaken, $"Ontzorgen: standaardbeleid vastgelegd voor gemeente {gemeente.Naam} ({standaard.Bron})");
        try
        {
            await db.SaveChangesAsync(ct);
            return beleid;
        }
        catch (DbUpdateException)
        {
            // Another request created it at the same moment: use theirs.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) entry.State = EntityState.Detached;
            return await db.Set<OntzorgenBeleid>().FirstAsync(b => b.GemeenteId == gemeente.Id, ct);
        }
    }

    public async Task<Uitkomst<string>> OpslaanAsync(string gemeenteCode, BeleidInvoer invoer, CancellationToken ct = default)
    {
        var gevonden = await HaalAsync(gemeenteCode, ct);
        if (gevonden is null) return Uitkomst<string>.Onbekend();
        var (gemeente, beleid) = gevonden.Value;

        var fouten = Veldfouten.Nieuw();

        if (invoer.Benadering is null || !Enum.IsDefined(invoer.Benadering.Value)) fouten.Voeg(nameof(invoer.Benadering), "Kies ‘ja, tenzij’ of ‘nee, tenzij’.");
        if (invoer.OntzorgenMaanden is null) fouten.Voeg(nameof(invoer.OntzorgenMaanden), "Vul de standaardduur in maanden in.");
        else if (invoer.OntzorgenMaanden < MinimaleMaanden)
        {
            fouten.Voeg(nameof(invoer.OntzorgenMaanden), $"De wet schrijft minimaal {MinimaleMaanden} maanden ontzorgen voor ({Bron.OntzorgenParticipatiewet}). Kortere maatwerk-afspraken legt u per dossier vast.");
        }
        else if (invoer.OntzorgenMaanden > MaximaleMaanden) fouten.Voeg(nameof(invoer.OntzorgenMaanden), $"Kies hoogstens {MaximaleMaanden} maanden; langer ontzorgen is een verlenging per dossier.");

        if (!invoer.Huur && !invoer.GasEnStroom && !invoer.Water && !invoer.Zorgverzekering && string.IsNullOrWhiteSpace(invoer.OverigeLasten))
        {
            fouten.Voeg(nameof(invoer.Huur), "Kies minstens één vaste last die de gemeente betaalt.");
        }

        fouten.Lengte(invoer.OverigeLasten, nameof(invoer.OverigeLasten), 500);
        if (invoer.TrainingAanbod?.Trim().Length > 200) fouten.Voeg(nameof(invoer.TrainingAanbod), "Hoogstens 200 tekens.");

        if (string.IsNullOrWhiteSpace(invoer.DebiteurNaam)) fouten.Voeg(nameof(invoer.DebiteurNaam), "Vul de naam van de rekeninghouder in waarvan de gemeente betaalt.");
        else if (invoer.DebiteurNaam.Trim().Length > 70) fouten.Voeg(nameof(invoer.DebiteurNaam), "De naam is hoogstens 70 tekens (grens van een SEPA-overboeking).");
        else if (SepaTekst.Schoon(invoer.DebiteurNaam, 70).Length == 0) fouten.Voeg(nameof(invoer.DebiteurNaam), "Schrijf de naam in Latijnse letters.");

        string? iban = null;
        if (!string.IsNullOrWhiteSpace(invoer.DebiteurIban))
        {
            if (Iban.TryParse(invoer.DebiteurIban, out var geldig, out var ibanFout)) iban = geldig.Value;
            else fouten.Voeg(nameof(invoer.DebiteurIban), ibanFout!);
        }

        string? bic = null;
        if (!string.IsNullOrWhiteSpace(invoer.DebiteurBic))
        {
            if (!Bic.TryNormaliseer(invoer.DebiteurBic, out var b, out var bicFout)) fouten.Voeg(nameof(invoer.DebiteurBic), bicFout!);
            else if (iban is not null && Bic.Land(b) != iban[..2]) fouten.Voeg(nameof(invoer.DebiteurBic), $"Deze BIC hoort bij een bank in {Bic.Land(b)}, het IBAN bij een rekening in {iban[..2]}.");
            else bic = b;
        }

        if (fouten.Count > 0) return Uitkomst<string>.Geweigerd(fouten);

        var wijzigingen = new List<string>();
        void Zet<T>(string naam, T oud, T nieuw, Action<T> zet)
        {
            if (EqualityComparer<T>.Default.Equals(oud, nieuw)) return;
            zet(nieuw);
            wijzigingen.Add(naam);
        }

        Zet("benadering", beleid.Benadering, invoer.Benadering!.Value, v => beleid.Benadering = v);
        Zet("huur", beleid.Huur, invoer.Huur, v => beleid.Huur = v);
        Zet("gas en stroom", beleid.GasEnStroom, invoer.GasEnStroom, v => beleid.GasEnStroom = v);
        Zet("water", beleid.Water, invoer.Water, v => beleid.Water = v);
        Zet("zorgverzekering", beleid.Zorgverzekering, invoer.Zorgverzekering, v => beleid.Zorgverzekering = v);
        Zet("overige lasten", beleid.OverigeLasten, Schoon(invoer.OverigeLasten), v => beleid.OverigeLasten = v);
        Zet("verlengen", beleid.VerlengenToegestaan, invoer.VerlengenToegestaan, v => beleid.VerlengenToegestaan = v);
        Zet("training", beleid.TrainingAanbod, Schoon(invoer.TrainingAanbod), v => beleid.TrainingAanbod = v);
        Zet("naam rekeninghouder", beleid.DebiteurNaam, invoer.DebiteurNaam!.Trim(), v => beleid.DebiteurNaam = v);
        Zet("IBAN", beleid.DebiteurIban, iban, v => beleid.DebiteurIban = v);
        Zet("BIC", beleid.DebiteurBic, bic, v => beleid.DebiteurBic = v);

        var oudeMaanden = gemeente.OntzorgenMaanden;
        if (oudeMaanden != invoer.OntzorgenMaanden!.Value)
        {
            gemeente.OntzorgenMaanden = invoer.OntzorgenMaanden.Value;
            wijzigingen.Add($"standaardduur {oudeMaanden} → {gemeente.OntzorgenMaanden} maanden");
            await HerberekenEindesAsync(gemeente, oudeMaanden, ct);
        }

        if (wijzigingen.Count == 0) return Uitkomst<string>.Ok(gemeente.Code);

        AuditGemeente(AuditActie.Wijzigen, $"Ontzorgen: beleid gemeente {gemeente.Naam} gewijzigd ({string.Join(", ", wijzigingen)})");
        await db.SaveChangesAsync(ct);
        return Uitkomst<string>.Ok(gemeente.Code);
    }

    /// <summary>
    /// A new standard duration moves the legal end of ontzorgen of every case in the municipality: rewrite the stored
    /// deadline rows (the worklist reads them) and keep the change in each case's history.
    /// </summary>
    private async Task HerberekenEindesAsync(Gemeente gemeente, int oudeMaanden, CancellationToken ct)
    {
        var dossiersInGemeente = await db.Inburgeraars
            .Where(i => i.GemeenteId == gemeente.Id && (i.Doelgroep == Doelgroep.Asielstatushouder || i.Doelgroep == Doelgroep.Nareiziger))
            .Include(i => i.Mijlpalen)
            .Include(i => i.Termijnen)
            .AsSplitQuery()
            .ToListAsync(ct);
        var aanleiding = $"Standaardduur ontzorgen van gemeente {gemeente.Naam} gewijzigd van {oudeMaanden} naar {gemeente.OntzorgenMaanden} maanden";
        foreach (var inburgeraar in dossiersInGemeente)
        {
            var nieuw = LegalClock.Bereken(inburgeraar.Feiten(), gemeente.Instellingen).Single(t => t.Code == TermijnCode.OntzorgenEinde);
            var regel = inburgeraar.Termijnen.FirstOrDefault(t => t.Code == TermijnCode.OntzorgenEinde);
            if (regel is null || regel.Vervaldatum == nieuw.Vervaldatum && regel.Toelichting == nieuw.Toelichting) continue;

            if (regel.Vervaldatum != nieuw.Vervaldatum)
            {
                db.TermijnWijzigingen.Add(new TermijnWijziging
                {
                    InburgeraarId = inburgeraar.Id,
                    Code = TermijnCode.OntzorgenEinde,
                    OudeVervaldatum = regel.Vervaldatum,
                    NieuweVervaldatum = nieuw.Vervaldatum,
                    Aanleiding = aanleiding,
                    Op = klok.NuUtc,
                });
                dossiers.Audit(AuditActie.Wijzigen, inburgeraar.Id, $"Einde ontzorgen herberekend: {aanleiding.ToLowerInvariant()}");
            }

            regel.Toepasselijk = nieuw.Toepasselijk;
            regel.Startdatum = nieuw.Startdatum;
            regel.Vervaldatum = nieuw.Vervaldatum;
            regel.Toelichting = nieuw.Toelichting;
        }
    }

    /// <summary>Audit of a municipality-level change (policy, payment runs): the same log, without a case id.</summary>
    internal void AuditGemeente(AuditActie actie, string omschrijving) =>
        audit.Schrijf(actie, null, omschrijving);
}
